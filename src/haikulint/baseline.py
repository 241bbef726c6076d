"""Baselines: record today's problems so that a legacy blog sees only new ones.

A problem is matched by path, code and message, not by line, so that editing a
post above a known problem does not make it new again. Only the message's first
part, what is wrong, is compared: the advice after its first ``"; "`` names the
config file in use and may change while the problem stays the same. Line numbers
inside that part (``"Title: T" (line 5) is after body text (line 3)``) are left out
too: a fix or an edit that adds a line above moves them, not the problem, while what
the message quotes stays compared (as ruff's and eslint's baselines fingerprint a
problem by rule, path and message, never its position). The file records what is
wrong as written, numbers included, for the reader. Matching counts: a baseline with
one HK103 for a post hides one such problem, not two.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from haikulint.bounded_read import MAX_BASELINE_SIZE, parse_json, read_document
from haikulint.diagnostic import Diagnostic
from haikulint.errors import UsageError
from haikulint.safe_fs import write_atomically

FORMAT_VERSION = 1

Fingerprint = tuple[str, str, str]


def fingerprint(diagnostic: Diagnostic) -> Fingerprint:
    return (diagnostic.path, diagnostic.code, problem_part(diagnostic.message))


_LINE_NUMBER = re.compile(r"\bline \d+\b")


def problem_part(message: str) -> str:
    """What is wrong, as matched: without the advice and without line numbers
    (``line 5`` reads ``line N``)."""
    return _LINE_NUMBER.sub("line N", _what_is_wrong(message))


def _what_is_wrong(message: str) -> str:
    """The message up to its first ``"; "``: what a baseline file records."""
    return message.split("; ", 1)[0]


def write_baseline(path: Path, diagnostics: Sequence[Diagnostic]) -> None:
    """Write every diagnostic's fingerprint to ``path`` (sorted, so diffs stay small)."""
    entries = sorted(
        (diagnostic.path, diagnostic.code, _what_is_wrong(diagnostic.message))
        for diagnostic in diagnostics
    )
    document = {
        "haikulint-baseline": FORMAT_VERSION,
        "problems": [
            {"path": entry_path, "code": code, "message": message}
            for entry_path, code, message in entries
        ],
    }
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    try:
        # All or nothing: on a full disk the old baseline stays as it was.
        write_atomically(path, text.encode("utf-8", "surrogateescape"))
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(
            f"{path}: cannot write baseline ({reason}); any old baseline there is unchanged"
        ) from None
    except ValueError as error:  # a NUL in the file name
        raise UsageError(f"{path}: cannot write baseline ({error})") from None


def read_baseline(path: Path) -> Counter[Fingerprint]:
    """The fingerprints recorded in ``path``, with how often each was recorded."""
    document = read_document(
        path,
        MAX_BASELINE_SIZE,
        parse_json,
        what="baseline",
        fail=UsageError,
        invalid="not a haikulint baseline ({})",
        # A path that was not UTF-8 is written as its own bytes, and read back the same way.
        errors="surrogateescape",
    )
    if not isinstance(document, dict) or document.get("haikulint-baseline") != FORMAT_VERSION:
        raise UsageError(f"{path}: not a haikulint baseline (written by --write-baseline)")
    problems = document.get("problems")
    if not isinstance(problems, list):
        raise UsageError(f"{path}: not a haikulint baseline ('problems' must be a list)")
    recorded: Counter[Fingerprint] = Counter()
    for entry in problems:
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(key), str) for key in ("path", "code", "message")
        ):
            raise UsageError(f"{path}: not a haikulint baseline (bad entry {entry!r:.60})")
        recorded[(entry["path"], entry["code"], problem_part(entry["message"]))] += 1
    return recorded


def filter_known(
    diagnostics: Sequence[Diagnostic], recorded: Counter[Fingerprint]
) -> list[Diagnostic]:
    """The diagnostics the baseline does not account for."""
    remaining = recorded.copy()
    new: list[Diagnostic] = []
    for diagnostic in diagnostics:
        key = fingerprint(diagnostic)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(diagnostic)
    return new
