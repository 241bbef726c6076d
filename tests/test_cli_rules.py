"""``haikulint rule`` and ``haikulint rules`` through the CLI, built-in and user rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

CODES = [
    *("HK001", "HK101", "HK102", "HK103", "HK104", "HK105"),
    *("HK201", "HK202", "HK203", "HK204", "HK205", "HK206", "HK207", "HK208", "HK209"),
    *("HK301", "HK302"),
]

TANKA_RULE_TEMPLATE = """\
code = "TK103"
name = "tanka-syllables"
kind = "slug-syllables"
severity = "error"
summary = "A line of a tanka slug cannot have 5-7-5-7-7 syllables."
why = "Posts in the tanka section are tanka: five lines, 5-7-5-7-7."
include = ["tanka/**"]

[options]
form = [5, 7, 5, 7, 7]

[[examples]]
expect = "fail"
message = '{message}'
files = [{{path = "{post}", content = "Title: Twice\\n"}}]
"""

TANKA_POST = (
    "tanka/the-cron-job-ran-twice-/-and-the-invoices-went-out-/-to-clients-at-dawn-/"
    "-we-wrote-apologies-all-/-{last}.md"
)
TANKA_BAD = TANKA_POST.format(last="all-weekend-long-with-cold-pizza")
TANKA_MESSAGE = (
    'line 5 "all weekend long with cold pizza" has 8 syllables, expected 7 (all 1, '
    'week-end 2, long 1, with 1, cold 1, piz-za 2); try "weekend long with cold pizza" (7)'
)
TANKA_RULE = TANKA_RULE_TEMPLATE.format(message=TANKA_MESSAGE, post=TANKA_BAD)


@pytest.fixture
def user_blog(in_tmp: Path) -> Path:
    """A blog whose config adds a tanka rule from its own rules folder."""
    (in_tmp / "lint-rules").mkdir()
    (in_tmp / "lint-rules" / "tanka.toml").write_text(TANKA_RULE, encoding="utf-8")
    (in_tmp / "pyproject.toml").write_text(
        "[tool.haikulint]\n"
        'rules-dirs = ["lint-rules"]\n'
        'per-file-ignores = {"tanka/**" = ["HK101", "HK103"]}\n',
        encoding="utf-8",
    )
    return in_tmp


def test_rules_lists_every_rule_in_code_order(in_tmp: Path) -> None:
    code, out, err = run_cli("rules")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[len(CODES) :] == ["", "[*] fixed by --fix, [-] fixed by --fix --unsafe-fixes"]
    lines = lines[: len(CODES)]
    assert [line.split()[0] for line in lines] == CODES
    assert lines[3].split()[:3] == ["HK103", "slug-syllables", "error"]
    fixes = {line.split()[0]: line.split()[3] for line in lines if "[" in line.split()[3]}
    assert fixes == {
        **{"HK102": "[-]", "HK104": "[-]", "HK201": "[*]", "HK202": "[*]", "HK206": "[-]"},
        "HK209": "[-]",
    }
    assert "A line of the slug cannot have the form's syllable count" in lines[3]
    assert lines[5].split()[2] == "warning"


def test_rules_as_json(in_tmp: Path) -> None:
    code, out, _ = run_cli("rules", "--output-format", "json")
    listing = json.loads(out)
    assert code == 0
    assert [entry["code"] for entry in listing] == CODES
    assert listing[6] == {
        "code": "HK201",
        "name": "title-missing",
        "kind": "header-required",
        "severity": "error",
        "fix": "safe",
        "summary": "The post has no title header, or an empty one.",
    }
    assert listing[3]["fix"] is None


@pytest.mark.parametrize("key", ["HK103", "hk103", "slug-syllables"])
def test_rule_shows_its_doc_by_code_or_name(in_tmp: Path, key: str) -> None:
    code, out, err = run_cli("rule", key)
    assert (code, err) == (0, "")
    assert out.startswith("HK103 slug-syllables (error)\n\nA line of the slug cannot have")
    assert "\nWhy\n  The haiku in the path is the post's name" in out
    fails, passes = out.split("\nFails\n", 1)[1], out.split("\nPasses\n", 1)[1]
    assert (
        "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md"
        in fails
    )
    assert "    | Title: Learning the Hard Way with LLMs and FinOps" in fails
    assert (
        '\n  message: line 3 "the repo holds it all" has 6 syllables, expected 5 (the 1, re-po 2, '
        'holds 1, it 1, all 1); try "the repo holds it" (5), "the repo holds all" (5) or '
        '"repo holds it all" (5)\n'
    ) in fails
    assert "-/-we-rolled-back-at-dawn.md" in passes


def test_rule_shows_options(in_tmp: Path) -> None:
    code, out, _ = run_cli("rule", "title-missing")
    assert code == 0
    assert '\nOptions\n  key = "title"\n' in out
    assert '  suggest-from = "first-line"\n      Where to find a value to suggest' in out


def test_rule_as_json(in_tmp: Path) -> None:
    code, out, _ = run_cli("rule", "HK204", "--output-format", "json")
    doc = json.loads(out)
    assert code == 0
    assert doc["code"] == "HK204" and doc["severity"] == "warning" and doc["scope"] == "post"
    assert doc["options"] == {"key": "date", "also": ["publishdate", "pubdate", "published"]}
    assert {example["expect"] for example in doc["examples"]} == {"fail", "pass"}
    assert doc["examples"][0]["today"] == "2024-06-01"
    assert doc["examples"][0]["files"][0]["path"].startswith("post/the-flaky-test-passed-/-")


def test_unknown_rule_is_a_one_line_usage_error(in_tmp: Path) -> None:
    code, out, err = run_cli("rule", "HK999")
    assert code == 2
    assert out == ""
    assert err.startswith("haikulint: error: unknown rule 'HK999' (see 'haikulint rules'")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("HK1O3", "HK103"), ("hk2o2", "HK202"), ("dat-missing", "date-missing")],
)
def test_a_mistyped_rule_gets_did_you_mean(in_tmp: Path, typo: str, meant: str) -> None:
    code, out, err = run_cli("rule", typo)
    assert (code, out) == (2, "")
    assert err == (
        f"haikulint: error: unknown rule {typo!r} (did you mean {meant!r}? "
        "see 'haikulint rules' for every code and name)\n"
    )


@pytest.mark.parametrize("command", [["rule", "HK101"], ["rules"]])
def test_unknown_output_format(in_tmp: Path, command: list[str]) -> None:
    code, _, err = run_cli(*command, "--output-format", "sarif")
    assert code == 2
    assert err == "haikulint: error: unknown --output-format 'sarif' (choose from text, json)\n"


def test_user_rules_are_listed_and_documented(user_blog: Path) -> None:
    code, out, _ = run_cli("rules")
    assert code == 0
    assert out.splitlines()[-3].split()[:3] == ["TK103", "tanka-syllables", "error"]
    code, out, _ = run_cli("rule", "tanka-syllables")
    assert code == 0
    assert "\nOptions\n  form = [5, 7, 5, 7, 7]\n" in out
    assert "\nApplies to\n  include = ['tanka/**']\n" in out
    assert f"Defined in {user_blog / 'lint-rules' / 'tanka.toml'}" in out


def test_a_user_rule_runs_in_check(user_blog: Path) -> None:
    bad = TANKA_BAD
    good = TANKA_POST.format(last="weekend-long-with-cold-pizza")
    for path in (bad, good):
        (user_blog / path).parent.mkdir(parents=True, exist_ok=True)
        (user_blog / path).write_text("Title: Twice\nDate: 2024-01-01\n\nBilled twice.\n")
    code, out, err = run_cli("check", "--output-format", "json", "--no-progress", "--select", "TK")
    found = json.loads(out)
    assert code == 1, err
    assert [(item["path"], item["code"]) for item in found] == [(bad, "TK103")]
    assert found[0]["message"] == TANKA_MESSAGE  # what its example says, in full


def test_a_yaml_rule_file_is_refused_not_ignored(user_blog: Path) -> None:
    (user_blog / "lint-rules" / "tags.yaml").write_text("code: TG001\n", encoding="utf-8")
    code, _, err = run_cli("rules")
    assert code == 2 and err.count("\n") == 1
    assert "tags.yaml: rule files are TOML; write it as tags.toml" in err


def test_a_broken_user_rule_is_a_config_error(user_blog: Path) -> None:
    (user_blog / "lint-rules" / "broken.toml").write_text(
        TANKA_RULE.replace("TK103", "TK104")
        .replace("tanka-syllables", "tanka-lines")
        .replace('kind = "slug-syllables"', 'kind = "slug-rhymes"'),
        encoding="utf-8",
    )
    code, out, err = run_cli("rules")
    assert code == 2
    assert out == ""
    assert err.startswith("haikulint: error: ")
    assert "broken.toml: unknown kind 'slug-rhymes'" in err
    assert err.count("\n") == 1


def test_rule_shows_how_it_is_fixed_with_before_and_after(in_tmp: Path) -> None:
    code, out, _ = run_cli("rule", "HK104")
    assert code == 0
    fix = out[out.index("\nFix (") + 1 :]
    assert fix.startswith("Fix (unsafe: applied by --fix --unsafe-fixes)\n  Renames the post")
    assert (
        "  post/november-4,-2024:-a-mosaic-of-realities.md\n"
        "    before | November 4, 2024: A Mosaic of Realities\n"
    ) in fix
    assert "    renamed to post/november-4-2024-a-mosaic-of-realities.md\n" in fix
    _, out, _ = run_cli("rule", "date-missing")
    assert "Fix (safe: applied by --fix)" in out
    assert "    after  | Date: 2023-04-24\n" in out
    assert "    (no fix: left as it is)" in out
    _, out, _ = run_cli("rule", "HK103")
    assert "\nFix (none)\n  Not fixable: " in out


def test_rule_as_json_carries_its_fix(in_tmp: Path) -> None:
    code, out, _ = run_cli("rule", "HK206", "--output-format", "json")
    assert code == 0
    fix = json.loads(out)["fix"]
    assert (fix["fixable"], fix["applicability"]) == (True, "unsafe")
    assert fix["examples"][0]["after"].startswith("The prod deploy froze / ")
    assert fix["examples"][-1]["after"] is None


def test_a_rule_file_with_a_bad_fix_table_is_refused(in_tmp: Path) -> None:
    (in_tmp / "lint-rules").mkdir()
    broken = TANKA_RULE + '\n[fix]\nfixable = true\nwhat = "Renames it."\n'
    (in_tmp / "lint-rules" / "tanka.toml").write_text(broken, encoding="utf-8")
    (in_tmp / "haikulint.toml").write_text('rules-dirs = ["lint-rules"]\n', encoding="utf-8")
    code, out, err = run_cli("rules")
    assert (code, out) == (2, "")
    assert err.endswith('tanka.toml: fix: \'applicability\' must be "safe" or "unsafe"\n')


HK204_TEXT = """\
HK204 date-future (warning)

The post's date is after today.

Why
  A date in the future is usually a typo (2042 for 2024), or a post committed before its
  time; many generators hide such posts until the day comes, or sort them above
  everything else. Blogs that schedule posts on purpose set `allow-future-dates = true`
  in their config (haikulint.toml, or `[tool.haikulint]` in pyproject.toml), which turns
  this rule off. The message names the date but not today's, so a baselined warning
  stays the same each day. Hugo's `publishDate` (or `pubdate`, `published`) is checked
  too, whether or not the post has a `date`: Hugo shows no post before its publish date.

Options
  key = "date"
      The header holding the date.
  also = ["publishdate", "pubdate", "published"]
      Other headers that date the post (Hugo's publishDate and its kin).

Fails
  (today is 2024-06-01)
  post/the-flaky-test-passed-/-nobody-knows-why-it-failed-/-we-merged-it-anyway.md
    | ---
    | title: The Flaky Test
    | date: 2042-05-20
    | ---
    |
    | It failed on Monday, passed on Tuesday, and nobody changed a line.
  message: the date 2042-05-20 is in the future; fix the date, or if the post is \
scheduled, allow future dates in haikulint.toml: allow-future-dates = true

Fails
  (today is 2024-06-01)
  post/the-flaky-test-passed-/-nobody-knows-why-it-failed-/-we-merged-it-anyway.md
    | +++
    | title = "The Flaky Test"
    | publishDate = 2042-05-20T09:00:00Z
    | +++
    |
    | It failed on Monday, passed on Tuesday, and nobody changed a line.
  message: the publishdate 2042-05-20 is in the future; fix the date, or if the post is \
scheduled, allow future dates in haikulint.toml: allow-future-dates = true

Fails
  (today is 2024-06-01)
  post/the-flaky-test-passed-/-nobody-knows-why-it-failed-/-we-merged-it-anyway.md
    | ---
    | title: The Flaky Test
    | date: 2024-05-20
    | publishDate: 2042-05-20
    | ---
    |
    | It failed on Monday, passed on Tuesday, and nobody changed a line.
  message: the publishdate 2042-05-20 is in the future; fix the date, or if the post is \
scheduled, allow future dates in haikulint.toml: allow-future-dates = true

Passes
  (today is 2024-06-01)
  post/the-flaky-test-passed-/-nobody-knows-why-it-failed-/-we-merged-it-anyway.md
    | ---
    | title: The Flaky Test
    | date: 2024-05-20
    | ---
    |
    | It failed on Monday, passed on Tuesday, and nobody changed a line.

Passes
  (today is 2024-06-01)
  post/the-flaky-test-passed-/-nobody-knows-why-it-failed-/-we-merged-it-anyway.md
    | ---
    | title: The Flaky Test
    | date: 2024-05-20
    | publishDate: 2024-05-21
    | ---
    |
    | It failed on Monday, passed on Tuesday, and nobody changed a line.

Fix (none)
  Not fixable: a date in the future is a typo or a scheduled post, and only the writer
  knows which; allow future dates in the config for a blog that schedules posts.
"""


def test_rule_prints_exactly_this_for_hk204(in_tmp: Path) -> None:
    assert run_cli("rule", "HK204") == (0, HK204_TEXT, "")


def test_rule_prints_every_message_of_a_cross_post_example_in_full(in_tmp: Path) -> None:
    code, out, _ = run_cli("rule", "HK302")
    fails = out.split("\nFails\n", 1)[1].split("\n\n", 1)[0]
    assert code == 0
    assert [line for line in fails.splitlines() if not line.startswith("    ")] == [
        "  post/the-flaky-test-passed-/-nobody-knows-why-it-failed-/-we-merged-it-anyway.md",
        "  post/2024/the-tests-are-all-green-/-nobody-knows-why-it-failed-/"
        "-the-linter-complains.md",
        '  message: the title "the flaky test" is also the title of post/the-flaky-test-passed-/'
        "-nobody-knows-why-it-failed-/-we-merged-it-anyway.md; give each post its own title",
        '  message: the title "The Flaky Test" is also the title of post/2024/the-tests-are-all-'
        "green-/-nobody-knows-why-it-failed-/-the-linter-complains.md; give each post its own "
        "title",
    ]


def test_rule_shows_no_message_fragment(in_tmp: Path) -> None:
    """Issue 12: the old "message contains:" line cut messages mid-parenthesis."""
    for code in CODES:
        _, out, _ = run_cli("rule", code)
        assert "message contains" not in out, code
        for line in out.splitlines():
            if line.startswith("  message: "):
                assert line.count("(") == line.count(")"), (code, line)


def test_rule_as_json_has_every_message(in_tmp: Path) -> None:
    _, out, _ = run_cli("rule", "HK301", "--output-format", "json")
    examples = json.loads(out)["examples"]
    assert [len(example["messages"]) for example in examples] == [2, 2, 2, 0]
    assert examples[0]["messages"][0].startswith('the slug "post/the-flaky-test-passed-/-')


def test_a_user_rule_shows_its_full_message(user_blog: Path) -> None:
    _, out, _ = run_cli("rule", "TK103")
    assert f"\n  {TANKA_BAD}\n    | Title: Twice\n  message: {TANKA_MESSAGE}\n" in out


def test_the_readme_rule_file_loads_and_check_says_what_its_example_states(
    in_tmp: Path,
) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    name = "# blog-rules/TK103-tanka-syllables.toml\n"
    rule_file = readme[readme.index(name) : readme.index("```", readme.index(name))]
    (in_tmp / "blog-rules").mkdir()
    (in_tmp / "blog-rules" / "TK103-tanka-syllables.toml").write_text(rule_file, "utf-8")
    (in_tmp / "haikulint.toml").write_text('rules-dirs = ["blog-rules"]\n', "utf-8")
    from haikulint.catalogue import read_rule

    (example,) = read_rule(in_tmp / "blog-rules" / "TK103-tanka-syllables.toml").examples
    for file in example.files:
        (in_tmp / file.path).parent.mkdir(parents=True, exist_ok=True)
        (in_tmp / file.path).write_text(file.content, encoding="utf-8")
    code, out, err = run_cli(
        "check", "--select", "TK103", "--output-format", "json", "--no-progress", "--no-cache"
    )
    assert code == 1, err
    assert [item["message"] for item in json.loads(out)] == list(example.messages)
    _, doc, _ = run_cli("rule", "TK103")
    assert f"\n  message: {example.messages[0]}\n" in doc
