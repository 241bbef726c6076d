"""Gitignore-style patterns that never crash a run.

Git accepts any line in a ``.gitignore``: ``!``, ``\\``, ``!\\`` or ``[z-a]`` simply
match nothing. pathspec refuses some of them (``GitIgnorePatternError``) and lets others
through to ``re``, which fails on a reversed range. Every gitignore-style pattern
haikulint reads (``.gitignore`` files, ``exclude``, ``per-file-ignores``, a rule's
``include`` and ``exclude``) is compiled here: a line pathspec cannot take matches
nothing, as in git, and is named once in a warning, so a typo does not pass unseen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from haikulint import escape

__all__ = ["Rejected", "compile_gitignore"]

Rejected = Callable[[int, str], None]
"""Told the 1-based number and the text of each line that matches nothing."""

_warned: set[tuple[str, int, str]] = set()


def compile_gitignore(
    lines: Iterable[str],
    where: str = "",
    on_rejected: Rejected | None = None,
    *,
    item: str = "line",
    identity: str = "",
    on_warned: Callable[[], None] | None = None,
) -> Any:
    """A ``pathspec.GitIgnoreSpec`` of ``lines``, less the lines pathspec cannot compile.

    Each of those is passed to ``on_rejected``; by default it is warned about on
    standard error, once per process, naming ``where`` (the file or setting it is from)
    and the ``item`` (``line 3`` of a file, ``entry 2`` of a setting; none for a single
    pattern). ``identity`` (default ``where``) tells one source from another for that
    once: a file's absolute path, where ``where`` is the path shown. ``on_warned`` is
    told of each such warning, given or (already given in this process) not.
    """
    import pathspec

    lines = list(lines)
    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except (ValueError, re.error):  # GitIgnorePatternError is a ValueError
        pass
    kept: list[str] = []
    for number, line in enumerate(lines, start=1):
        try:
            pathspec.GitIgnoreSpec.from_lines([line])
        except (ValueError, re.error):
            (on_rejected or _warner(where, item, identity or where, on_warned))(number, line)
            kept.append("")  # keep the numbering; a blank line matches nothing
            continue
        kept.append(line)
    return pathspec.GitIgnoreSpec.from_lines(kept)


def _warner(
    where: str, item: str, identity: str, on_warned: Callable[[], None] | None = None
) -> Rejected:
    def warn(number: int, line: str) -> None:
        if on_warned is not None:
            on_warned()
        key = (identity, number, line)
        if key in _warned:
            return
        _warned.add(key)
        place = f"{where}: {item} {number}" if item else where or "a pattern"
        escape.warn(f"{place}: {line!r} is not a pattern haikulint can read; it matches nothing")

    return warn
