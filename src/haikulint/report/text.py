"""The human formats: ``text`` (grouped by post), ``concise`` and ``--statistics``.

Diagnostics arrive sorted. Nothing is cropped or wrapped: a long message stays on
its one line, and paths and messages are shown with unprintable characters escaped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TextIO

from haikulint.diagnostic import Diagnostic, Severity
from haikulint.escape import one_line
from haikulint.report import RunSummary
from haikulint.report.styled import Span, StyledLine, printable, write_lines
from haikulint.report.tally import (
    Tally,
    fix_mark,
    fixable_sentence,
    rule_statistics,
    summary_sentence,
    tally,
)

SEVERITY_STYLES = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
}
SEVERITY_WIDTH = max(len(severity.value) for severity in Severity)
NO_POSITION = "-"


def render_text(
    diagnostics: Sequence[Diagnostic], run: RunSummary, stream: TextIO, *, color: bool
) -> None:
    """Problems under a header line per post path, then the summary line."""
    lines = list(_grouped_lines(diagnostics, run.unsafe_fixes))
    lines.extend(_summary_lines(diagnostics, run))
    write_lines(lines, stream, color=color)


def render_concise(
    diagnostics: Sequence[Diagnostic], run: RunSummary, stream: TextIO, *, color: bool
) -> None:
    """One ``path:line:col: CODE [severity] message`` line per problem, then the summary."""
    lines: list[StyledLine] = [
        _concise_line(diagnostic, run.unsafe_fixes) for diagnostic in diagnostics
    ]
    lines.extend(_summary_lines(diagnostics, run))
    write_lines(lines, stream, color=color)


def render_statistics(
    diagnostics: Sequence[Diagnostic], run: RunSummary, stream: TextIO, *, color: bool
) -> None:
    """``count  CODE  [*] name`` per rule, most frequent first, then the summary."""
    rows = rule_statistics(diagnostics, run.unsafe_fixes)
    lines: list[StyledLine] = []
    if rows:
        count_width = max(len(str(row.problems)) for row in rows)
        code_width = max(len(row.code) for row in rows)
        any_fixable = any(row.fixable for row in rows)
        for row in rows:
            line = [
                Span(str(row.problems).rjust(count_width)),
                Span("  "),
                Span(row.code.ljust(code_width), "bold"),
                Span("  "),
            ]
            if any_fixable:
                line.append(Span(f"{row.mark:<3} ", "cyan"))
            line.append(Span(printable(row.name)))
            lines.append(line)
    lines.extend(_summary_lines(diagnostics, run))
    write_lines(lines, stream, color=color)


def position(diagnostic: Diagnostic) -> str:
    """``3:1``, ``3`` (no column), or ``-`` (a problem with the path or the whole file)."""
    if diagnostic.line is None:
        return NO_POSITION
    if diagnostic.column is None:
        return str(diagnostic.line)
    return f"{diagnostic.line}:{diagnostic.column}"


def _grouped_lines(
    diagnostics: Sequence[Diagnostic], unsafe_fixes: bool = False
) -> Iterator[StyledLine]:
    if not diagnostics:
        return
    positions = [position(diagnostic) for diagnostic in diagnostics]
    position_width = max(len(text) for text in positions)
    rule_width = max(len(diagnostic.code) + 1 + len(diagnostic.name) for diagnostic in diagnostics)
    current_path: str | None = None
    for diagnostic, where in zip(diagnostics, positions, strict=True):
        if diagnostic.path != current_path:
            if current_path is not None:
                yield ()
            yield (Span(one_line(diagnostic.path), "bold underline"),)
            current_path = diagnostic.path
        style = SEVERITY_STYLES[diagnostic.severity]
        padding = rule_width - len(diagnostic.code) - 1 - len(diagnostic.name)
        yield (
            Span("  "),
            Span(where.ljust(position_width), "dim"),
            Span("  "),
            Span(diagnostic.severity.value.ljust(SEVERITY_WIDTH), style),
            Span("  "),
            Span(diagnostic.code, "bold"),
            Span(" "),
            Span(printable(diagnostic.name) + " " * padding, "dim"),
            Span("  "),
            *_marked_message(diagnostic, unsafe_fixes),
        )
    yield ()


def _marked_message(diagnostic: Diagnostic, unsafe_fixes: bool) -> tuple[Span, ...]:
    """The message, after ``[*] `` (``--fix`` repairs it) or ``[-] `` (only with
    ``--unsafe-fixes``)."""
    mark = fix_mark(diagnostic, unsafe_fixes)
    message = Span(printable(diagnostic.message))
    return (Span(mark + " ", "cyan"), message) if mark else (message,)


def _concise_line(diagnostic: Diagnostic, unsafe_fixes: bool = False) -> StyledLine:
    where = "" if diagnostic.line is None else f":{position(diagnostic)}"
    style = SEVERITY_STYLES[diagnostic.severity]
    return (
        Span(one_line(diagnostic.path), "bold"),
        Span(f"{where}: ", "dim"),
        Span(diagnostic.code, style),
        Span(" "),
        Span(f"[{diagnostic.severity.value}]", style),
        Span(" "),
        *_marked_message(diagnostic, unsafe_fixes),
    )


def _summary_lines(diagnostics: Sequence[Diagnostic], run: RunSummary) -> list[StyledLine]:
    """The summary sentence, and how many problems ``--fix`` repairs when any."""
    counts = tally(
        diagnostics,
        run.files_checked,
        run.fixable,
        unsafe_fixes=run.unsafe_fixes,
        left_out=run.left_out,
    )
    lines = [_summary_line(counts)]
    fixable = fixable_sentence(counts)
    if fixable is not None:
        lines.append((Span(fixable, "cyan"),))
    return lines


def _summary_line(counts: Tally) -> StyledLine:
    if counts.errors:
        style = "bold red"
    elif counts.warnings:
        style = "bold yellow"
    elif counts.infos:
        style = "bold"
    else:
        style = "bold green"
    return (Span(summary_sentence(counts), style),)
