"""``render``: dispatch, errors, ordering, colour decisions, lazy imports."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from haikulint.errors import UsageError
from haikulint.report import FORMATS, STATISTICS_FORMATS, render, wants_color
from tests.report.support import RUN, SAMPLE, TerminalStringIO, rendered


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


def test_the_formats_are_the_documented_five() -> None:
    assert FORMATS == ("text", "concise", "json", "github", "sarif")
    assert STATISTICS_FORMATS == ("text", "concise", "json")


def test_an_unknown_format_is_a_usage_error_naming_the_choices() -> None:
    with pytest.raises(UsageError, match=r"unknown --output-format 'xml' \(choose from text, "):
        render("xml", SAMPLE, RUN, io.StringIO())


@pytest.mark.parametrize("output_format", ["github", "sarif"])
def test_statistics_are_refused_where_they_mean_nothing(output_format: str) -> None:
    stream = io.StringIO()
    with pytest.raises(UsageError, match=f"--statistics .* not {output_format}"):
        render(output_format, SAMPLE, RUN, stream, statistics=True)
    assert stream.getvalue() == ""


@pytest.mark.parametrize("output_format", FORMATS)
def test_the_order_diagnostics_come_in_does_not_matter(output_format: str) -> None:
    assert rendered(output_format, SAMPLE[::-1]) == rendered(output_format, SAMPLE)


@pytest.mark.parametrize("output_format", FORMATS)
def test_no_escape_codes_on_a_stream_that_is_not_a_terminal(output_format: str) -> None:
    assert "\x1b" not in rendered(output_format)


@pytest.mark.parametrize("output_format", ["json", "github", "sarif"])
def test_machine_formats_never_colour_even_when_asked(output_format: str) -> None:
    assert "\x1b" not in rendered(output_format, color=True)


def test_an_explicit_choice_wins_over_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert wants_color(io.StringIO(), True) is True
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert wants_color(TerminalStringIO(), False) is False


def test_a_terminal_gets_colour_and_a_pipe_does_not() -> None:
    assert wants_color(TerminalStringIO()) is True
    assert wants_color(io.StringIO()) is False


def test_no_color_turns_colour_off_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert wants_color(TerminalStringIO()) is False


def test_an_empty_no_color_is_not_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "")
    assert wants_color(TerminalStringIO()) is True


def test_force_color_colours_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert wants_color(io.StringIO()) is True


def test_no_color_beats_force_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    assert wants_color(TerminalStringIO()) is False


def test_a_dumb_terminal_gets_no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    assert wants_color(TerminalStringIO()) is False


def test_a_closed_or_odd_stream_gets_no_colour() -> None:
    closed = io.StringIO()
    closed.close()  # isatty() now raises ValueError

    class NoIsatty:
        pass

    class BrokenTerminal(io.StringIO):
        def isatty(self) -> bool:
            raise OSError("the terminal went away")

    assert wants_color(closed) is False
    assert wants_color(NoIsatty()) is False  # type: ignore[arg-type]
    assert wants_color(BrokenTerminal()) is False


IMPORTS_AFTER = """
import io, sys
import haikulint.report as report
from haikulint.diagnostic import Diagnostic, Severity
before = sorted(m for m in sys.modules if m == "rich" or m.startswith("rich."))
assert not before, before
diagnostic = Diagnostic("a.md", 1, 1, "HK103", "slug-syllables", Severity.ERROR, "m")
report.render({fmt!r}, [diagnostic], report.RunSummary(1, []), io.StringIO(), color={color})
print("rich" in sys.modules)
"""


@pytest.mark.parametrize(
    ("output_format", "color", "imports_rich"),
    [
        ("json", True, False),
        ("github", True, False),
        ("sarif", True, False),
        ("text", False, False),
        ("concise", False, False),
        ("text", True, True),
    ],
)
def test_rich_is_imported_only_to_colour(
    output_format: str, color: bool, imports_rich: bool
) -> None:
    script = IMPORTS_AFTER.format(fmt=output_format, color=color)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == str(imports_rich)
