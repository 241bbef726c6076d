"""The catalogue: built-in rules, user rule folders, selection and the run helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from haikulint.catalogue import (
    Catalogue,
    builtin_rules_dir,
    load_catalogue,
    read_rule,
    run_blog_rule_on_summaries,
    run_post_rule,
)
from haikulint.checks.registry import MODULES, load_kind
from haikulint.checks.summary import summarize
from haikulint.diagnostic import Severity
from haikulint.errors import ConfigError, UsageError
from tests.checks.helpers import HAIKU, context, make_post, run_blog_rule

TABLE = {
    "HK001": ("unreadable-file", Severity.ERROR),
    "HK101": ("slug-lines", Severity.ERROR),
    "HK102": ("slug-separator", Severity.ERROR),
    "HK103": ("slug-syllables", Severity.ERROR),
    "HK104": ("slug-charset", Severity.ERROR),
    "HK105": ("unknown-word", Severity.WARNING),
    "HK201": ("title-missing", Severity.ERROR),
    "HK202": ("date-missing", Severity.ERROR),
    "HK203": ("date-invalid", Severity.ERROR),
    "HK204": ("date-future", Severity.WARNING),
    "HK205": ("date-mismatch", Severity.ERROR),
    "HK206": ("haiku-mismatch", Severity.ERROR),
    "HK207": ("front-matter-invalid", Severity.ERROR),
    "HK208": ("date-order", Severity.ERROR),
    "HK209": ("file-name-undated", Severity.ERROR),
    "HK301": ("duplicate-slug", Severity.ERROR),
    "HK302": ("duplicate-title", Severity.WARNING),
}

TANKA = (
    "tanka/"
    + "-/-".join(
        [
            "the-cron-job-ran-twice",
            "and-the-invoices-went-out",
            "to-clients-at-dawn",
            "we-wrote-apologies-all",
            "weekend-long-with-cold-pizza",
        ]
    )
    + ".md"
)

TANKA_RULE = """
code = "TK103"
name = "tanka-syllables"
kind = "slug-syllables"
severity = "error"
summary = "A line of a tanka slug cannot have 5-7-5-7-7 syllables."
why = "Posts in the tanka section are tanka, five lines long."
include = ["tanka/**"]

[options]
form = [5, 7, 5, 7, 7]

[[examples]]
expect = "pass"
files = [{path = "tanka/a.md", content = "Title: A\\n"}]
"""

TAGS_RULE = """
code = "TG001"
name = "tags-missing"
kind = "header-required"
severity = "warning"
summary = "The post has no tags header."
why = "The tag pages are built from it."
exclude = ["drafts/"]

[options]
key = "Tags"
"""


def write_rules(folder: Path, **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    return folder


# the built-in catalogue


def test_builtin_codes_names_and_severities_are_the_interface() -> None:
    catalogue = load_catalogue()
    assert {rule.code: (rule.name, rule.severity) for rule in catalogue.rules} == TABLE
    assert [rule.code for rule in catalogue.rules] == sorted(TABLE)


def test_every_builtin_rule_documents_itself_with_both_kinds_of_example() -> None:
    for rule in load_catalogue().rules:
        assert rule.summary and len(rule.why) > 100, rule.code
        assert {example.expect for example in rule.examples} == {"fail", "pass"}, rule.code
        assert rule.source is not None and rule.source.name.startswith(f"{rule.code}-{rule.name}")


def test_builtin_rules_dir_is_the_repository_folder_in_development() -> None:
    assert (builtin_rules_dir() / "HK103-slug-syllables.toml").is_file()


def test_every_kind_is_importable_and_consistent() -> None:
    for kind in MODULES:
        check_kind = load_kind(kind)
        assert check_kind.scope in ("post", "blog")
        assert check_kind.doc, kind


def test_catalogue_is_cached_per_process() -> None:
    assert load_catalogue() is load_catalogue(())


@pytest.mark.parametrize("key", ["HK103", "hk103", "slug-syllables", " Slug-Syllables "])
def test_find_by_code_or_name(key: str) -> None:
    found = load_catalogue().find(key)
    assert found is not None and found.code == "HK103"


def test_find_unknown() -> None:
    assert load_catalogue().find("HK999") is None
    assert load_catalogue().find("") is None


# selection


def codes(select: list[str], ignore: list[str], extend: list[str] | None = None) -> list[str]:
    return [rule.code for rule in load_catalogue().select(select, ignore, extend or [])]


def test_default_selection_is_every_rule() -> None:
    assert codes([], []) == sorted(TABLE)
    assert codes(["ALL"], []) == sorted(TABLE)


def test_select_by_prefix_name_and_code() -> None:
    assert codes(["HK1"], []) == ["HK101", "HK102", "HK103", "HK104", "HK105"]
    assert codes(["date-missing", "HK3"], []) == ["HK202", "HK301", "HK302"]
    assert codes(["hk207"], []) == ["HK207"]


def test_ignore_and_specificity() -> None:
    assert codes([], ["HK1", "HK2"]) == ["HK001", "HK301", "HK302"]
    assert codes(["HK103"], ["HK1"]) == ["HK103"]  # the more specific selector wins
    assert codes(["HK1"], ["HK103"]) == ["HK101", "HK102", "HK104", "HK105"]
    assert codes(["HK103"], ["slug-syllables"]) == []  # a tie: ignore wins


def test_extend_select_adds_to_the_selection() -> None:
    assert codes(["HK1"], [], ["HK302"]) == ["HK101", "HK102", "HK103", "HK104", "HK105", "HK302"]


@pytest.mark.parametrize("selector", ["HK9", "no-such-rule", "X"])
def test_unknown_selector_is_a_usage_error(selector: str) -> None:
    with pytest.raises(UsageError, match=f"unknown rule selector '{selector}'"):
        load_catalogue().select([], [selector])


def test_unknown_selectors_are_the_ones_that_pick_no_rule() -> None:
    catalogue = load_catalogue()
    selectors = ["HK1", "HK1O3", "slug-lines", "no-such-rule", "ALL", " hk103 "]
    assert catalogue.unknown_selectors(selectors) == ["HK1O3", "no-such-rule"]
    assert catalogue.unknown_selectors([]) == []
    catalogue.check_selectors(["HK1", "slug-lines"])  # none unknown: no error
    with pytest.raises(UsageError, match=r"^here: unknown rule selector 'HK1O3'"):
        catalogue.check_selectors(selectors, where="here: ")


# user rule folders


def test_user_rules_join_the_catalogue(tmp_path: Path) -> None:
    folder = write_rules(tmp_path / "rules", tanka=TANKA_RULE, tags=TAGS_RULE)
    catalogue = load_catalogue([folder])
    tanka, tags = catalogue.find("TK103"), catalogue.find("tags-missing")
    assert tanka is not None and tags is not None
    assert not tanka.builtin and tanka.source == folder / "tanka.toml"
    assert tanka.options == {"form": (5, 7, 5, 7, 7)}
    assert tags.options == {"key": "tags", "text": False, "also": (), "suggest-from": "none"}
    assert tags.severity is Severity.WARNING
    assert len(catalogue.rules) == len(TABLE) + 2
    assert [rule.code for rule in catalogue.select(["TK"], [])] == ["TK103"]


def test_tanka_rule_uses_its_own_form_and_only_in_its_section(tmp_path: Path) -> None:
    rule = load_catalogue([write_rules(tmp_path, tanka=TANKA_RULE)]).find("TK103")
    assert rule is not None
    tanka = make_post(TANKA)
    assert rule.applies_to(tanka)
    assert list(run_post_rule(rule, tanka, context())) == []
    long_line = make_post(
        TANKA.replace("weekend-long-with-cold-pizza", "all-weekend-long-with-cold-pizza")
    )
    (problem,) = run_post_rule(rule, long_line, context())
    assert problem.message.startswith('line 5 "all weekend long with cold pizza" has 8 syllables')
    assert problem.message.endswith(
        "expected 7 (all 1, week-end 2, long 1, with 1, cold 1, piz-za 2); "
        'try "weekend long with cold pizza" (7)'
    )
    haiku = make_post(HAIKU)
    assert not rule.applies_to(haiku)
    assert list(run_post_rule(rule, haiku, context())) == []


def test_builtin_syllables_rule_follows_the_configured_form() -> None:
    builtin = load_catalogue().find("HK103")
    assert builtin is not None and "form" not in builtin.options
    assert list(run_post_rule(builtin, make_post(TANKA), context(form=(5, 7, 5, 7, 7)))) == []


def test_tags_rule_requires_the_header_outside_drafts(tmp_path: Path) -> None:
    rule = load_catalogue([write_rules(tmp_path, tags=TAGS_RULE)]).find("TG001")
    assert rule is not None
    untagged = make_post(headers={"title": "T", "date": "2024-01-01"})
    (problem,) = run_post_rule(rule, untagged, context())
    assert problem.message == "no tags header; add Tags: ..."
    tagged = make_post(headers={"title": "T", "tags": ["ops", "yaml"]})
    assert list(run_post_rule(rule, tagged, context())) == []
    draft = make_post("drafts/" + HAIKU[5:], headers={"title": "T"})
    assert not rule.applies_to(draft)
    assert list(run_post_rule(rule, draft, context())) == []


def test_run_helpers_refuse_the_wrong_scope() -> None:
    catalogue = load_catalogue()
    slug_rule, duplicates = catalogue.find("HK101"), catalogue.find("HK301")
    assert slug_rule is not None and duplicates is not None
    post = make_post("post/flat.md")
    assert list(run_blog_rule(slug_rule, [post], context())) == []
    assert list(run_blog_rule_on_summaries(slug_rule, [summarize(post)], context())) == []
    assert list(run_post_rule(duplicates, post, context())) == []


GOOD = """
code = "XX001"
name = "x-rule"
kind = "slug-lines"
severity = "error"
summary = "s"
why = "w"
"""


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (GOOD.replace('"XX001"', '"HK101"'), "rule HK101 is already defined in"),
        (GOOD.replace('"x-rule"', '"slug-lines"'), "rule slug-lines is already defined in"),
        (GOOD.replace('kind = "slug-lines"', 'kind = "slug-rhymes"'), "unknown kind 'slug-rhymes'"),
        (GOOD + 'colour = "red"\n', "unknown field 'colour'"),
        (GOOD.replace('"error"', '"fatal"'), "severity 'fatal' must be error, warning or info"),
        (GOOD.replace('"XX001"', '"x1"'), "code 'x1' must be capital letters then digits"),
        (GOOD.replace('"x-rule"', '"X Rule"'), "name 'X Rule' must be lowercase words"),
        (GOOD.replace('summary = "s"', ""), "'summary' must be a non-empty string"),
        (GOOD + "[options]\nkey = 'tags'\n", "unknown option 'key' for kind 'slug-lines'"),
        (GOOD + "[options]\nform = [5, 0]\n", "option 'form' must be a list of syllable counts"),
        (GOOD.replace('"slug-lines"', '"header-required"'), "needs option 'key'"),
        (GOOD + "include = 'tanka/**'\nexclude = [1]\n", "'exclude' must be a list of glob"),
        (GOOD + "[[examples]]\nexpect = 'maybe'\nfiles = []\n", "'expect' must be"),
        (GOOD + "[[examples]]\nexpect = 'pass'\nfiles = []\n", "'files' must be a non-empty"),
        (
            GOOD + "[[examples]]\nexpect = 'pass'\nmessage = 'x'\n"
            "files = [{path = 'a.md', content = ''}]\n",
            "'message' is only for examples that fail",
        ),
        (
            GOOD + "[[examples]]\nexpect = 'fail'\nfiles = [{path = '../a.md', content = ''}]\n",
            "must stay below the blog root",
        ),
        (GOOD + "[[examples]]\nexpect = 'fail'\ntoday = 'soon'\n", "'today' must be a date"),
        (
            GOOD + "[[examples]]\nexpect = 'fail'\nmessage = 'a'\nmessages = ['a']\n",
            "give 'message' or 'messages', not both",
        ),
        (
            GOOD + "[[examples]]\nexpect = 'fail'\nmessages = 'a'\n",
            "'messages' must be a list of non-empty strings",
        ),
        (GOOD + "[[examples]]\nexpect = 'fail'\nmessage = ''\n", "'message' must be a non-empty"),
        ("code = ", "invalid TOML"),
    ],
)
def test_bad_user_rule_files_are_config_errors_naming_the_file(
    tmp_path: Path, text: str, reason: str
) -> None:
    folder = write_rules(tmp_path / "mine", bad=text)
    with pytest.raises(ConfigError) as error:
        load_catalogue([folder])
    message = str(error.value)
    assert message.startswith(f"{folder / 'bad.toml'}: ")
    assert reason in message
    assert "\n" not in message


def test_missing_rules_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="rules-dirs folder not found"):
        load_catalogue([tmp_path / "nowhere"])


def test_read_rule_of_a_builtin_file() -> None:
    rule = read_rule(builtin_rules_dir() / "HK201-title-missing.toml", builtin=True)
    assert rule.kind == "header-required" and rule.options["suggest-from"] == "first-line"
    assert isinstance(load_catalogue(), Catalogue)
