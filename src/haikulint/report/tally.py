"""Counting diagnostics: the summary line's numbers and ``--statistics`` rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from haikulint.diagnostic import Diagnostic, Severity
from haikulint.wording import plural


class Tally(NamedTuple):
    """How many problems of each severity, in how many files, how many fixable."""

    errors: int
    warnings: int
    infos: int
    files_with_problems: int
    files_checked: int
    fixable: int
    """Problems ``--fix`` repairs (unsafe fixes included when the run allows them)."""
    unsafe_fixable: int = 0
    """Problems only ``--fix --unsafe-fixes`` repairs."""
    left_out: int = 0
    """Known problems a baseline left out of the report."""

    @property
    def problems(self) -> int:
        return self.errors + self.warnings + self.infos


class RuleStatistic(NamedTuple):
    """One ``--statistics`` row: a rule and how often it fired."""

    code: str
    name: str
    problems: int
    """How many problems it found (``count`` in JSON)."""
    fixable: bool
    mark: str = ""
    """``[*]`` when ``--fix`` repairs some of them, else ``[-]`` when ``--unsafe-fixes``
    would, else ``""`` (see :func:`fix_mark`)."""

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "count": self.problems,
            "fixable": self.fixable,
        }


def fix_mark(diagnostic: Diagnostic, unsafe_fixes: bool = False) -> str:
    """``[*]`` when ``--fix`` repairs the problem, ``[-]`` when only ``--fix
    --unsafe-fixes`` does (``unsafe_fixes``: the run already allows them), else ``""``."""
    if not diagnostic.fixable:
        return ""
    if diagnostic.fix is None or diagnostic.fix.applies(unsafe=unsafe_fixes):
        return "[*]"
    return "[-]"


def tally(
    diagnostics: Sequence[Diagnostic],
    files_checked: int,
    fixable: int = 0,
    *,
    unsafe_fixes: bool = False,
    left_out: int = 0,
) -> Tally:
    """Count ``diagnostics``; ``fixable`` 0 means: count those marked fixable;
    ``left_out`` is how many known problems a baseline kept out of them."""
    marks = [fix_mark(diagnostic, unsafe_fixes) for diagnostic in diagnostics]
    by_severity = {severity: 0 for severity in Severity}
    for diagnostic in diagnostics:
        by_severity[diagnostic.severity] += 1
    files_with_problems = len({diagnostic.path for diagnostic in diagnostics})
    return Tally(
        errors=by_severity[Severity.ERROR],
        warnings=by_severity[Severity.WARNING],
        infos=by_severity[Severity.INFO],
        files_with_problems=files_with_problems,
        # Never "problems in 3 of 2 files", whatever the caller counted.
        files_checked=max(files_checked, files_with_problems),
        fixable=fixable or marks.count("[*]"),
        unsafe_fixable=marks.count("[-]"),
        left_out=left_out,
    )


def rule_statistics(
    diagnostics: Sequence[Diagnostic], unsafe_fixes: bool = False
) -> list[RuleStatistic]:
    """One row per rule that fired, most frequent first, then by code."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    marks: dict[str, set[str]] = {}
    for diagnostic in diagnostics:
        code = diagnostic.code
        counts[code] = counts.get(code, 0) + 1
        names.setdefault(code, diagnostic.name)
        marks.setdefault(code, set()).add(fix_mark(diagnostic, unsafe_fixes))
    rows = [
        RuleStatistic(
            code,
            names[code],
            counts[code],
            fixable=bool(marks[code] - {""}),
            mark=next((mark for mark in ("[*]", "[-]") if mark in marks[code]), ""),
        )
        for code in counts
    ]
    rows.sort(key=lambda row: (-row.problems, row.code))
    return rows


def summary_sentence(counts: Tally) -> str:
    """``Found 7 problems (5 errors, 2 warnings) in 3 of 12 files.`` or the all-clear."""
    if counts.problems == 0:
        if counts.files_checked == 0:
            return "No posts were checked." + _left_out(counts)
        if counts.left_out:
            files = plural(counts.files_checked, "file")
            return f"No new problems in {files}." + _left_out(counts)
        return f"All checks passed: {plural(counts.files_checked, 'file')}, no problems."
    kinds = ", ".join(
        text
        for number, text in (
            (counts.errors, plural(counts.errors, "error")),
            (counts.warnings, plural(counts.warnings, "warning")),
            (counts.infos, f"{counts.infos} info"),
        )
        if number
    )
    files = "file" if counts.files_checked == 1 else "files"
    sentence = (
        f"Found {plural(counts.problems, 'problem')} ({kinds}) "
        f"in {counts.files_with_problems} of {counts.files_checked} {files}."
    )
    return sentence + _left_out(counts)


def left_out_sentence(left_out: int) -> str:
    """``3 known problems in the baseline were left out.``, or "" for none."""
    if not left_out:
        return ""
    verb = "was" if left_out == 1 else "were"
    return f"{plural(left_out, 'known problem')} in the baseline {verb} left out."


def _left_out(counts: Tally) -> str:
    sentence = left_out_sentence(counts.left_out)
    return f" {sentence}" if sentence else ""


def fixable_sentence(counts: Tally) -> str | None:
    """``3 fixable with --fix (1 more with --unsafe-fixes).``; None when nothing is."""
    if counts.fixable and counts.unsafe_fixable:
        return (
            f"{counts.fixable} fixable with --fix "
            f"({counts.unsafe_fixable} more with --unsafe-fixes)."
        )
    if counts.fixable:
        return f"{counts.fixable} fixable with --fix."
    if counts.unsafe_fixable:
        return f"{counts.unsafe_fixable} fixable with --fix --unsafe-fixes."
    return None
