"""Reporters: the last stage, turning diagnostics into what a person or a tool reads.

``render`` is the one entry point. Each format lives in its own module and is
imported only when asked for, so that ``--output-format json`` never pays for
rich, and this module stays cheap to import (no rich, no json).

Formats:

* ``text`` (default): problems grouped under each post's path, then a summary line.
* ``concise``: one ``path:line:col: CODE [severity] message`` line each, then the summary.
* ``json``: an array of ``Diagnostic.to_json()`` objects and nothing else.
* ``github``: GitHub Actions workflow commands (``::error file=...::message``).
* ``sarif``: a SARIF 2.1.0 log with one run.

Colour: only for ``text`` and ``concise``, and only when the stream is a terminal,
unless the caller decides (``color=True/False``) or the environment does
(``NO_COLOR`` turns it off, ``FORCE_COLOR`` on; ``NO_COLOR`` wins).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import NamedTuple, TextIO

from haikulint.diagnostic import Diagnostic, Severity
from haikulint.errors import UsageError, unknown_choice

__all__ = [
    "FORMATS",
    "STATISTICS_FORMATS",
    "RuleSummary",
    "RunSummary",
    "render",
    "wants_color",
]

FORMATS = ("text", "concise", "json", "github", "sarif")
# Like ruff: per-rule counts make sense for people and for JSON, not as annotations or SARIF.
STATISTICS_FORMATS = ("text", "concise", "json")


class RuleSummary(NamedTuple):
    """A rule that ran: what the SARIF ``tool.driver.rules`` entry is made of."""

    code: str
    name: str
    severity: Severity
    summary: str


class RunSummary(NamedTuple):
    """What the reporters need to know about the run beyond its diagnostics.

    ``fixable`` is the number of fixable problems; when it is 0 the reporters
    count the diagnostics marked ``fixable`` themselves.
    """

    files_checked: int
    rules: Sequence[RuleSummary]
    fixable: int = 0
    left_out: int = 0
    """Known problems a baseline kept out of the diagnostics: the summary says so."""
    unsafe_fixes: bool = False
    """Whether ``--fix`` applies unsafe fixes in this run (``--unsafe-fixes``): their
    problems are then marked ``[*]``, not ``[-]``."""


def validate_format(output_format: str, *, statistics: bool = False) -> None:
    """Raise ``UsageError`` for an unknown format or one that cannot carry statistics.

    Commands call this before doing any work, so a typo fails fast.
    """
    if output_format not in FORMATS:
        raise UsageError(unknown_choice("--output-format", output_format, FORMATS))
    if statistics and output_format not in STATISTICS_FORMATS:
        raise UsageError(
            "--statistics works only with --output-format text, concise or json, "
            f"not {output_format}"
        )


def render(
    output_format: str,
    diagnostics: Sequence[Diagnostic],
    run: RunSummary,
    stream: TextIO,
    *,
    statistics: bool = False,
    color: bool | None = None,
) -> None:
    """Write ``diagnostics`` to ``stream`` in ``output_format``.

    Diagnostics are written in ``Diagnostic.sort_key()`` order whatever order
    they come in. ``statistics`` replaces the problems by one count per rule
    (text, concise and json only). Raises ``UsageError`` for an unknown format
    or an unsupported combination.
    """
    validate_format(output_format, statistics=statistics)
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)

    if output_format in ("text", "concise"):
        from haikulint.report import text

        use_color = wants_color(stream, color)
        if statistics:
            text.render_statistics(ordered, run, stream, color=use_color)
        elif output_format == "text":
            text.render_text(ordered, run, stream, color=use_color)
        else:
            text.render_concise(ordered, run, stream, color=use_color)
    elif output_format == "json":
        from haikulint.report import json_report

        if statistics:
            json_report.render_statistics(ordered, stream)
        else:
            json_report.render(ordered, stream)
    elif output_format == "github":
        from haikulint.report import github

        github.render(ordered, stream)
    else:
        from haikulint.report import sarif

        sarif.render(ordered, run, stream)


def wants_color(stream: TextIO, color: bool | None = None) -> bool:
    """Whether to write ANSI colours to ``stream``.

    An explicit ``color`` wins. Otherwise ``NO_COLOR`` (set and not empty) turns
    colour off, ``FORCE_COLOR`` (set and not empty) turns it on, and else colour
    is used only on a terminal that is not ``TERM=dumb``. A pipe, a file or a
    pre-commit log never gets escape codes.
    """
    if color is not None:
        return color
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    if isatty is None:
        return False
    try:
        return bool(isatty())
    except (ValueError, OSError):  # a closed or detached stream
        return False
