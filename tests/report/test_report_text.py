"""The human formats: ``text``, ``concise`` and ``--statistics``, plain and in colour."""

from __future__ import annotations

import io
import os
import sys
from dataclasses import replace

import pytest

from haikulint.diagnostic import Diagnostic, Severity
from haikulint.report import RunSummary, render
from tests.report.support import (
    ANSI_ESCAPE,
    FUTURE_DATE,
    RULES,
    RUN,
    SAMPLE,
    SLUG_PATH,
    SLUG_SYLLABLES,
    SYLLABLES_MESSAGE,
    UNKNOWN_WORD,
    TerminalStringIO,
    rendered,
)


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


EXPECTED_TEXT = f"""\
post/b.md
  3:7  warning  HK105 unknown-word    [*] word "pcap", in line 3: no dictionary knows it
  12   info     HK204 date-future     date 2099-01-01 is 100% in the future\\nsee line 12

post/café, au lait.md
  1:1  error    HK104 slug-charset    character "é" is not a-z, 0-9 or a hyphen

{SLUG_PATH}
  -    error    HK103 slug-syllables  {SYLLABLES_MESSAGE}
  -    error    HK202 date-missing    no date header (the body opens with "April 24, 2023 - Today")

Found 5 problems (3 errors, 1 warning, 1 info) in 3 of 12 files.
1 fixable with --fix.
"""

EXPECTED_CONCISE = f"""\
post/b.md:3:7: HK105 [warning] [*] word "pcap", in line 3: no dictionary knows it
post/b.md:12: HK204 [info] date 2099-01-01 is 100% in the future\\nsee line 12
post/café, au lait.md:1:1: HK104 [error] character "é" is not a-z, 0-9 or a hyphen
{SLUG_PATH}: HK103 [error] {SYLLABLES_MESSAGE}
{SLUG_PATH}: HK202 [error] no date header (the body opens with "April 24, 2023 - Today")
Found 5 problems (3 errors, 1 warning, 1 info) in 3 of 12 files.
1 fixable with --fix.
"""


def test_text_groups_problems_under_each_post_path() -> None:
    assert rendered("text") == EXPECTED_TEXT


def test_text_is_the_same_whatever_the_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "20")
    assert rendered("text") == EXPECTED_TEXT


def test_concise_is_one_line_per_problem_then_the_summary() -> None:
    assert rendered("concise") == EXPECTED_CONCISE


def test_a_clean_run_says_so() -> None:
    assert rendered("text", []) == "All checks passed: 12 files, no problems.\n"
    assert rendered("concise", []) == "All checks passed: 12 files, no problems.\n"
    one_file = RunSummary(files_checked=1, rules=RULES)
    assert rendered("text", [], one_file) == "All checks passed: 1 file, no problems.\n"


def test_a_run_that_checked_nothing_never_says_all_checks_passed() -> None:
    nothing = RunSummary(files_checked=0, rules=RULES)
    assert rendered("text", [], nothing) == "No posts were checked.\n"
    assert rendered("concise", [], nothing) == "No posts were checked.\n"


def test_problems_a_baseline_left_out_are_counted_in_the_summary() -> None:
    one_left_out = RunSummary(files_checked=12, rules=RULES, left_out=1)
    assert rendered("text", [], one_left_out) == (
        "No new problems in 12 files. 1 known problem in the baseline was left out.\n"
    )
    four_left_out = RunSummary(files_checked=12, rules=RULES, left_out=4)
    assert rendered("concise", [SLUG_SYLLABLES], four_left_out).splitlines()[-1] == (
        "Found 1 problem (1 error) in 1 of 12 files. "
        "4 known problems in the baseline were left out."
    )


@pytest.mark.parametrize(
    ("diagnostics", "summary"),
    [
        ([SLUG_SYLLABLES], "Found 1 problem (1 error) in 1 of 12 files."),
        (
            [replace(UNKNOWN_WORD, fixable=False), replace(FUTURE_DATE, severity=Severity.WARNING)],
            "Found 2 problems (2 warnings) in 1 of 12 files.",
        ),
        ([FUTURE_DATE], "Found 1 problem (1 info) in 1 of 12 files."),
        (
            [UNKNOWN_WORD, replace(FUTURE_DATE, fixable=True)],
            "Found 2 problems (1 warning, 1 info) in 1 of 12 files.\n2 fixable with --fix.",
        ),
    ],
)
def test_the_summary_counts_severities_files_and_fixes(
    diagnostics: list[Diagnostic], summary: str
) -> None:
    lines = summary.count("\n") + 1
    assert "\n".join(rendered("text", diagnostics).splitlines()[-lines:]) == summary
    assert "\n".join(rendered("concise", diagnostics).splitlines()[-lines:]) == summary


def test_the_run_can_give_the_fixable_count() -> None:
    run = RunSummary(files_checked=12, rules=RULES, fixable=3)
    assert rendered("text", [SLUG_SYLLABLES], run).endswith(
        " in 1 of 12 files.\n3 fixable with --fix.\n"
    )


def test_files_checked_is_never_fewer_than_files_with_problems() -> None:
    run = RunSummary(files_checked=0, rules=())
    assert rendered("text", SAMPLE, run).endswith(" in 3 of 3 files.\n1 fixable with --fix.\n")


def test_a_long_message_is_never_cropped_or_wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "20")
    message = "a haiku " * 60 + "the end"
    long = replace(SLUG_SYLLABLES, message=message)
    for color in (False, True):
        for output_format in ("text", "concise"):
            output = ANSI_ESCAPE.sub("", rendered(output_format, [long], color=color))
            assert any(line.endswith(message) for line in output.splitlines())


@pytest.mark.parametrize("output_format", ["text", "concise"])
def test_colour_adds_escape_codes_and_nothing_else(output_format: str) -> None:
    coloured = rendered(output_format, color=True)
    assert "\x1b[" in coloured
    assert ANSI_ESCAPE.sub("", coloured) == rendered(output_format, color=False)


@pytest.mark.parametrize("output_format", ["text", "concise"])
def test_a_terminal_is_coloured_unless_no_color(
    output_format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = TerminalStringIO()
    render(output_format, SAMPLE, RUN, terminal)
    assert "\x1b[" in terminal.getvalue()

    monkeypatch.setenv("NO_COLOR", "1")
    terminal = TerminalStringIO()
    render(output_format, SAMPLE, RUN, terminal)
    assert "\x1b" not in terminal.getvalue()
    assert terminal.getvalue() == rendered(output_format)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_real_terminal_is_coloured(monkeypatch: pytest.MonkeyPatch) -> None:
    import pty

    controller, terminal_fd = pty.openpty()
    try:
        with os.fdopen(terminal_fd, "w", encoding="utf-8") as terminal:
            render("concise", [SLUG_SYLLABLES], RUN, terminal)
        written = os.read(controller, 65536)
    finally:
        os.close(controller)
    assert b"\x1b[" in written
    assert b"HK103" in written


@pytest.mark.parametrize("output_format", ["text", "concise"])
@pytest.mark.parametrize("color", [False, True])
def test_control_characters_in_paths_and_messages_are_shown_escaped(
    output_format: str, color: bool
) -> None:
    sneaky = Diagnostic(
        "post/\x1b[31mred\x1b[0m-\u202egnp.md",
        2,
        1,
        "HK104",
        "slug-charset",
        Severity.ERROR,
        "bell\x07 tab\t cr\r nl\n byte \udcff",
    )
    output = ANSI_ESCAPE.sub("", rendered(output_format, [sneaky], color=color))
    assert "post/\\x1b[31mred\\x1b[0m-\\u202egnp.md" in output
    assert "bell\\x07 tab\\t cr\\r nl\\n byte \\xff" in output
    assert not any(char in output for char in "\x1b\x07\t\r\u202e\udcff")


def test_a_stream_that_cannot_encode_the_text_gets_escapes() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="strict", newline="\n")
    render("text", SAMPLE, RUN, stream)
    stream.flush()
    output = raw.getvalue().decode("ascii")
    assert 'character "\\xe9" is not a-z' in output
    assert "post/caf\\xe9, au lait.md" in output


def test_statistics_count_each_rule_most_frequent_first() -> None:
    second_line = replace(UNKNOWN_WORD, line=4, fixable=False)
    diagnostics = [SLUG_SYLLABLES, UNKNOWN_WORD, second_line, FUTURE_DATE]
    assert rendered("text", diagnostics, statistics=True) == (
        "2  HK105  [*] unknown-word\n"
        "1  HK103      slug-syllables\n"
        "1  HK204      date-future\n"
        "Found 4 problems (1 error, 2 warnings, 1 info) in 2 of 12 files.\n"
        "1 fixable with --fix.\n"
    )


def test_statistics_align_counts_and_drop_the_fix_column_when_nothing_is_fixable() -> None:
    many = [replace(SLUG_SYLLABLES, line=line) for line in range(1, 11)]
    diagnostics = [*many, replace(FUTURE_DATE, code="HK2040")]
    expected = (
        "10  HK103   slug-syllables\n"
        " 1  HK2040  date-future\n"
        "Found 11 problems (10 errors, 1 info) in 2 of 12 files.\n"
    )
    assert rendered("text", diagnostics, statistics=True) == expected
    assert rendered("concise", diagnostics, statistics=True) == expected


def test_statistics_of_a_clean_run_is_the_summary_alone() -> None:
    assert rendered("text", [], statistics=True) == "All checks passed: 12 files, no problems.\n"
