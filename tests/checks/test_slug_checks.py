"""The slug checks (HK101-HK105), on hand-built posts: they work from the path alone."""

from __future__ import annotations

import pytest

from haikulint.checks.slug_charset import find_faults
from haikulint.checks.slug_syllables import describe
from haikulint.prosody.readings import LineReading, Source, WordReading
from tests.checks.helpers import HAIKU, located, make_post, messages, problems

SEED_000 = "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md"
SEED_001 = "post/the-deploy-pipeline-/-the-service-mesh-confused-us-all-/-i-strace-the-memory.md"
SEED_002 = "post/telnet-to-nowhere-/-the-service-mesh-confused-us-all-/-it-ran-in-the-dark.md"
SEED_003 = "post/reflections-on-a-turbulent-month-in-tech.md"
SEED_004 = "post/november-4,-2024:-a-mosaic-of-realities.md"


# HK101 slug-lines


@pytest.mark.parametrize("path", [SEED_003, SEED_004])
def test_flat_seed_slugs_have_one_line(path: str) -> None:
    (message,) = messages("HK101", make_post(path))
    assert message.startswith('slug has 1 line, expected 3 joined by "-/-"')
    assert "post/first-line-/-second-line-/-third-line.md" in message


def test_two_line_slug_is_counted() -> None:
    post = make_post("post/2024/the-pager-went-off-/-at-three-in-the-morning.md")
    (message,) = messages("HK101", post)
    assert "slug has 2 lines, expected 3" in message
    assert "post/2024/first-line" in message


@pytest.mark.parametrize("path", [HAIKU, SEED_000, SEED_001, SEED_002])
def test_three_line_slugs_pass_slug_lines(path: str) -> None:
    assert problems("HK101", make_post(path)) == []


@pytest.mark.parametrize("path", [".md", "post/.md", "post/2024/03/.markdown"])
def test_a_file_named_only_by_its_extension_has_no_slug(path: str) -> None:
    post = make_post(path, headers={"title": "T", "date": "2024-03-01"})
    name = path.rpartition("/")[2]
    prefix = path.rpartition("/")[0] + "/" if "/" in path else ""
    assert messages("HK101", post) == [
        f'the file name "{name}" has no slug, only an extension; name the file after its '
        'haiku, 3 lines joined by "-/-" (a folder boundary on disk): '
        f"{prefix}first-line-/-second-line-/-third-line{name}"
    ]
    # The other slug rules have no line to judge, and do not pile on.
    for code in ("HK102", "HK103", "HK104", "HK105", "HK206"):
        assert problems(code, post) == [], code


def test_a_file_named_dot_md_with_a_haiku_in_it_is_only_told_to_take_its_name() -> None:
    post = make_post("post/.md", haiku=located("a b / c d / e f", 3))
    assert problems("HK206", post) == []


def test_the_suggested_path_keeps_date_folders_as_spelled() -> None:
    (message,) = messages("HK101", make_post("posts/2024/03/one-line.md"))
    assert ": posts/2024/03/first-line-/-second-line-/-third-line.md; " in message


def test_slug_lines_follows_the_configured_form() -> None:
    tanka = make_post("tanka/a-b-/-c-d-/-e-f-/-g-h-/-i-j.md")
    assert problems("HK101", tanka, form=(5, 7, 5, 7, 7)) == []
    assert "expected 5" in messages("HK101", make_post(HAIKU), form=(5, 7, 5, 7, 7))[0]


# HK102 slug-separator


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("post/the-standup-ran-long--/--we-argued-about-the-tabs-/-nobody-merged-code.md", "--/--"),
        ("post/the-standup-ran-long_/_we-argued-about-the-tabs-/-nobody-merged-code.md", "_/_"),
        ("post/the-standup-ran-long-/we-argued-about-the-tabs-/-nobody-merged-code.md", "-/"),
    ],
)
def test_near_miss_separators(path: str, shown: str) -> None:
    (message,) = messages("HK102", make_post(path))
    assert message == (
        f'lines are joined by "{shown}" between line 1 "the-standup-ran-long" and line 2 '
        '"we-argued-about-the-tabs", expected "-/-" '
        '("the-standup-ran-long-/-we-argued-about-the-tabs")'
    )


def test_bare_slash_after_a_multi_word_folder() -> None:
    post = make_post(
        "post/the-cron-job-ran-twice/and-the-invoices-went-out-/-to-clients-at-dawn.md"
    )
    (message,) = messages("HK102", post)
    assert 'joined by a bare "/" between line 1 "the-cron-job-ran-twice"' in message
    assert "sections" in message


def test_a_bare_slash_below_a_proper_separator_is_not_offered_as_a_section() -> None:
    post = make_post(
        "post/the-disk-filled-at-noon-/-we-moved-the-logs-far-away/the-pager-went-still.md"
    )
    (message,) = messages("HK102", post)
    assert message == (
        'lines are joined by a bare "/" between line 2 "we-moved-the-logs-far-away" and '
        'line 3 "the-pager-went-still", expected "-/-" '
        '("we-moved-the-logs-far-away-/-the-pager-went-still")'
    )


@pytest.mark.parametrize(
    ("config_file", "hint"),
    [
        ("pyproject.toml", 'in pyproject.toml: [tool.haikulint] sections = ["the-cron-job"]'),
        ("haikulint.toml", 'in haikulint.toml: sections = ["the-cron-job"]'),
        (None, 'in haikulint.toml: sections = ["the-cron-job"]'),
    ],
)
def test_the_sections_hint_is_written_for_the_config_file(
    config_file: str | None, hint: str
) -> None:
    post = make_post("post/the-cron-job/and-the-invoices-went-out-/-to-clients-at-dawn.md")
    (message,) = messages("HK102", post, config_file=config_file)
    assert message.endswith(
        f'if "the-cron-job" is a section, not a line, add it to sections {hint}'
    )


def test_multi_word_folders_above_a_section_are_sections_too() -> None:
    path = "my-site/content/posts/the-old-server-hums-/-a-fan-spins-in-the-dark-room-/-nobody.md"
    post = make_post(path)
    assert problems("HK101", post) == problems("HK102", post) == []
    assert post.slug.sections == ("my-site", "content", "posts")


def test_a_configured_section_is_not_a_separator() -> None:
    post = make_post(
        "my-travels/the-cron-job-ran-twice-/-and-the-invoices-went-out-/-to-clients-at-dawn.md",
        sections=("my-travels",),
    )
    assert problems("HK102", post) == []


@pytest.mark.parametrize("path", [HAIKU, SEED_000, SEED_003, "post/2024/05/" + HAIKU[5:]])
def test_right_separators_pass(path: str) -> None:
    assert problems("HK102", make_post(path)) == []


# HK103 slug-syllables


def test_seed_000_line_3_has_six() -> None:
    (message,) = messages("HK103", make_post(SEED_000))
    assert message == (
        'line 3 "the repo holds it all" has 6 syllables, expected 5 '
        '(the 1, re-po 2, holds 1, it 1, all 1); try "the repo holds it" (5), '
        '"the repo holds all" (5) or "repo holds it all" (5)'
    )


@pytest.mark.parametrize("path", [SEED_001, SEED_002])
def test_seeds_001_002_line_2_has_eight(path: str) -> None:
    # 001's line 3 "i strace the memory" (1 + 2 + 1 + 2|3) is long too: only line 2 matters here.
    message = messages("HK103", make_post(path))[0]
    assert message.startswith('line 2 "the service mesh confused us all" has 8')
    assert ", expected 7 (" in message


def test_a_line_passes_when_any_reading_fits() -> None:
    # "hours" is 1 or 2: line 2 can be 7 or 8, and 7 is what the form asks for.
    path = "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-we-rolled-back-at-dawn.md"
    assert problems("HK103", make_post(path)) == []


def test_slug_syllables_leaves_wrong_line_counts_to_slug_lines() -> None:
    assert problems("HK103", make_post(SEED_003)) == []


def test_slug_syllables_uses_the_configured_form() -> None:
    post = make_post(HAIKU)
    assert problems("HK103", post) == []
    (message,) = messages("HK103", post, form=(5, 7, 6))
    assert message.startswith('line 3 "friday afternoon" has 5 syllables, expected 6')


def test_describe_is_exact_about_several_totals_and_estimates() -> None:
    reading = LineReading(
        text="i parsed the zorp for hours",
        words=(
            WordReading("i", (1,), Source.CMUDICT),
            WordReading("parsed", (1,), Source.CMUDICT),
            WordReading("the", (1,), Source.CMUDICT),
            WordReading("zorp", (1,), Source.ESTIMATE),
            WordReading("for", (1,), Source.CMUDICT),
            WordReading("hours", (1, 2), Source.CMUDICT),
        ),
        totals=(6, 7),
    )
    assert describe(2, "i-parsed-the-zorp-for-hours", reading, 5) == (
        'line 2 "i parsed the zorp for hours" has 6 or 7 syllables, expected 5 '
        "(i 1, parsed 1, the 1, zorp 1?, for 1, hours 1|2)"
    )
    three = LineReading("x", (WordReading("x", (6, 7, 8), Source.USER),), (6, 7, 8))
    assert "has 6, 7 or 8 syllables" in describe(1, "x", three, 5)


# HK104 slug-charset


def test_seed_004_charset() -> None:
    (message,) = messages("HK104", make_post(SEED_004))
    assert message == (
        'line 1 "november-4,-2024:-a-mosaic-of-realities" has "," ":"; '
        'a slug uses only a-z, 0-9 and single hyphens: "november-4-2024-a-mosaic-of-realities"'
    )


@pytest.mark.parametrize(
    ("line", "faults"),
    [
        ("The-Build", ["uppercase letters"]),
        ("the build", ["spaces"]),
        ("the--build", ['a double hyphen "--"']),
        ("café-au-lait", ['non-ASCII "é"']),
        ("what?-why!", ['"?" "!"']),
        ("-leading", ["a hyphen at an end"]),
    ],
)
def test_find_faults(line: str, faults: list[str]) -> None:
    assert find_faults(line) == faults


def test_each_bad_line_is_reported_with_its_number() -> None:
    post = make_post("post/The-Build-Is-Green-/-i-merge-before-the-tests-end-/-friday_afternoon.md")
    found = messages("HK104", post)
    assert [message.split('"')[0] for message in found] == ["line 1 ", "line 3 "]
    assert found[0].endswith(': "the-build-is-green"')
    assert found[1].endswith(': "friday-afternoon"')


def test_a_line_without_words_is_called_empty() -> None:
    post = make_post("post/the-build-is-green-now-/-i-merge-before-the-tests-end-/.md")
    (message,) = messages("HK104", post)
    assert message.startswith('line 3 "" has no words; a slug line is words of a-z and 0-9')


@pytest.mark.parametrize("path", [HAIKU, SEED_000, SEED_003, "post/2024/in-2024-we-shipped-42.md"])
def test_clean_slugs_pass_charset(path: str) -> None:
    assert problems("HK104", make_post(path)) == []


# HK105 unknown-word


def test_unknown_word_names_word_estimate_and_fix() -> None:
    post = make_post("post/the-frobnicator-/-swallowed-every-message-/-the-queue-is-empty.md")
    (message,) = messages("HK105", post)
    assert message.startswith('"frobnicator" (line 1) is in no dictionary, so its count of ')
    assert "is an estimate" in message
    assert message.endswith("if that is wrong, set it in haikulint.toml: [words] frobnicator = N")


@pytest.mark.parametrize(
    ("config_file", "hint"),
    [
        ("pyproject.toml", "in pyproject.toml: [tool.haikulint.words] frobnicator = N"),
        ("haikulint.toml", "in haikulint.toml: [words] frobnicator = N"),
        (".haikulint.toml", "in .haikulint.toml: [words] frobnicator = N"),
        ("blog-lint.toml", "in blog-lint.toml: [words] frobnicator = N"),
    ],
)
def test_the_words_hint_is_written_for_the_config_file(config_file: str, hint: str) -> None:
    post = make_post("post/the-frobnicator-/-swallowed-every-message-/-the-queue-is-empty.md")
    (message,) = messages("HK105", post, config_file=config_file)
    assert message.endswith(f"set it {hint}")


def test_unknown_word_is_reported_once_per_post() -> None:
    post = make_post("post/the-frobnicator-/-the-frobnicator-again-/-the-queue-is-empty.md")
    assert len(problems("HK105", post)) == 1


def test_user_words_are_known() -> None:
    from haikulint.prosody.count import SyllableCounter

    post = make_post("post/the-frobnicator-/-swallowed-every-message-/-the-queue-is-empty.md")
    counter = SyllableCounter({"frobnicator": (4,)})
    assert problems("HK105", post, counter=counter) == []


def test_known_words_and_non_haiku_slugs_pass_unknown_word() -> None:
    assert problems("HK105", make_post(HAIKU)) == []
    assert problems("HK105", make_post("post/the-frobnicator.md")) == []
