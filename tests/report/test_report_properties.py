"""Any path or message text renders in every format, and JSON gives it back."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haikulint.diagnostic import Diagnostic, Severity
from haikulint.report import FORMATS, STATISTICS_FORMATS, render
from haikulint.report.styled import printable
from tests.report.support import ANSI_ESCAPE, RUN, parse_workflow_command, sarif_errors

# Any text, plus the lone surrogates that stand for file-name bytes that were not UTF-8.
ANY_TEXT = st.text(
    alphabet=st.one_of(st.characters(), st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF))
)
POSITIONS = st.none() | st.integers(min_value=1, max_value=10**6)
DIAGNOSTICS = st.lists(
    st.builds(
        Diagnostic,
        path=ANY_TEXT,
        line=POSITIONS,
        column=POSITIONS,
        code=st.from_regex(r"HK[0-9]{3}", fullmatch=True),
        name=ANY_TEXT,
        severity=st.sampled_from(Severity),
        message=ANY_TEXT,
        fixable=st.booleans(),
    ),
    max_size=6,
)


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


def strict_utf8_render(
    output_format: str,
    diagnostics: Sequence[Diagnostic],
    *,
    statistics: bool = False,
    color: bool | None = None,
) -> str:
    """Render to a stream that fails on anything UTF-8 cannot encode, as stdout would."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="\n")
    render(output_format, diagnostics, RUN, stream, statistics=statistics, color=color)
    stream.flush()
    return raw.getvalue().decode("utf-8")


def shown(text: str) -> str:
    """What a text reads as in an annotation: unprintable characters escaped."""
    return printable(text, keep_line_breaks=True)


@settings(deadline=None, max_examples=60)
@given(DIAGNOSTICS)
def test_every_format_renders_any_text(diagnostics: list[Diagnostic]) -> None:
    for output_format in FORMATS:
        output = strict_utf8_render(output_format, diagnostics)
        assert "\x1b" not in output
    for output_format in STATISTICS_FORMATS:
        strict_utf8_render(output_format, diagnostics, statistics=True)


@settings(deadline=None, max_examples=60)
@given(DIAGNOSTICS)
def test_json_round_trips(diagnostics: list[Diagnostic]) -> None:
    expected = [d.to_json() for d in sorted(diagnostics, key=Diagnostic.sort_key)]
    assert json.loads(strict_utf8_render("json", diagnostics)) == expected


@settings(deadline=None, max_examples=60)
@given(DIAGNOSTICS)
def test_human_formats_keep_one_line_per_problem(diagnostics: list[Diagnostic]) -> None:
    # the summary, and a line saying how many --fix repairs when any
    summary = 1 + any(diagnostic.fixable for diagnostic in diagnostics)
    concise = strict_utf8_render("concise", diagnostics)
    assert len(concise.splitlines()) == len(diagnostics) + summary
    text = strict_utf8_render("text", diagnostics)
    groups = len({diagnostic.path for diagnostic in diagnostics})
    assert len(text.split("\n")) - 1 == len(diagnostics) + 2 * groups + summary


@settings(deadline=None, max_examples=40)
@given(DIAGNOSTICS)
def test_colour_only_adds_escape_codes(diagnostics: list[Diagnostic]) -> None:
    for output_format in ("text", "concise"):
        coloured = strict_utf8_render(output_format, diagnostics, color=True)
        plain = strict_utf8_render(output_format, diagnostics, color=False)
        assert ANSI_ESCAPE.sub("", coloured) == plain


@settings(deadline=None, max_examples=60)
@given(DIAGNOSTICS)
def test_github_commands_read_back_as_the_runner_reads_them(
    diagnostics: list[Diagnostic],
) -> None:
    lines = strict_utf8_render("github", diagnostics).split("\n")
    assert lines.pop() == ""
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    assert len(lines) == len(ordered)
    for line, diagnostic in zip(lines, ordered, strict=True):
        _, properties, message = parse_workflow_command(line)
        assert properties["file"] == shown(diagnostic.path)
        assert properties["title"] == shown(f"{diagnostic.code} {diagnostic.name}")
        assert message == shown(diagnostic.message)


@settings(deadline=None, max_examples=40)
@given(DIAGNOSTICS)
def test_sarif_of_any_text_validates(diagnostics: list[Diagnostic]) -> None:
    log = json.loads(strict_utf8_render("sarif", diagnostics))
    assert sarif_errors(log) == []
    assert len(log["runs"][0]["results"]) == len(diagnostics)
