"""The fix stage: merge each file's edits, plan a run's renames as a whole, write.

Nothing here decides what to fix; the checks did (see :mod:`.model`). This module:

* :func:`merge_edits` picks, from the fixes found in one file, those whose edits do
  not overlap or touch (the others wait for the next pass, after the file is checked
  again, as ruff does), and :func:`apply_edits` applies them;
* :func:`fix_text` runs those passes on one file's text until nothing more applies;
* :func:`plan` validates every rename of a run at once (no two posts to one place,
  nothing already at a target, nothing leaving the blog root) and raises
  :class:`PlanError` before anything is touched;
* :func:`execute` carries a plan out: renames first (create-only, then the folders
  the move left empty are removed, and only those), then the writes (atomic, mode
  kept), all through :mod:`haikulint.safe_fs`;
* :func:`unified_diff` shows a change for ``--diff``.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from haikulint.diagnostic import Diagnostic
from haikulint.errors import HaikulintError
from haikulint.fix.model import Edit, Fix, Rename
from haikulint.fix.text import apply_edits

MAX_PASSES = 10
"""Passes over one file before giving up on fixes that keep finding more to do."""


class PlanError(HaikulintError):
    """The run's renames cannot all be done; nothing was written or moved."""


def overlaps(first: Edit, second: Edit) -> bool:
    """Whether two edits overlap or touch, so that their order would matter."""
    return first.start <= second.end and second.start <= first.end


def merge_edits(fixes: Iterable[Fix]) -> tuple[list[Fix], list[Edit]]:
    """The fixes that can be applied together, in order, and their edits sorted.

    A fix is all or nothing: one of whose edits overlaps or touches an edit already
    taken waits for the next pass. Edits within one fix may touch each other but not
    overlap (a broken fix is refused with ``ValueError``).
    """
    taken: list[Fix] = []
    edits: list[Edit] = []
    for fix in fixes:
        own = sorted(fix.edits)
        for before, after in itertools.pairwise(own):
            if after.start < before.end or (after.start == before.end == after.end):
                raise ValueError(f"the edits of fix {fix.message!r} overlap")
        if any(overlaps(edit, other) for edit in own for other in edits):
            continue
        taken.append(fix)
        edits.extend(own)
    return taken, sorted(edits)


@dataclass
class FixedText:
    """What :func:`fix_text` made of one file."""

    original: str
    text: str
    fixed: list[Diagnostic] = field(default_factory=list)
    """The problems whose fixes were applied to the text, pass after pass."""
    renames: list[tuple[Diagnostic, Fix]] = field(default_factory=list)
    """The problems fixed by a rename, found in the fixed text, to plan with the run's."""

    @property
    def changed(self) -> bool:
        return self.text != self.original


def fix_text(text: str, lint: Callable[[str], Sequence[Diagnostic]], *, unsafe: bool) -> FixedText:
    """Apply the applicable text fixes of ``lint(text)`` until none is left.

    ``lint`` checks a version of the file's text and returns its diagnostics with
    their fixes. Each pass applies the fixes that do not overlap, then checks again:
    a fix is always made against the text it was computed from. Rename fixes are
    collected from the last pass, for :func:`plan`.
    """
    found = FixedText(original=text, text=text)
    for _ in range(MAX_PASSES):
        diagnostics = lint(found.text)
        usable = [
            diagnostic
            for diagnostic in diagnostics
            if diagnostic.fix is not None and diagnostic.fix.applies(unsafe=unsafe)
        ]
        textual = sorted(
            ((d, d.fix) for d in usable if d.fix is not None and not d.fix.renames),
            key=lambda pair: (min(edit.start for edit in pair[1].edits), pair[0].code),
        )
        taken, edits = merge_edits(fix for _, fix in textual)
        if not edits:
            found.renames = [(d, d.fix) for d in usable if d.fix is not None and d.fix.renames]
            return found
        chosen = {id(fix) for fix in taken}
        found.fixed.extend(d for d, fix in textual if id(fix) in chosen)
        found.text = apply_edits(found.text, edits)
    found.renames = []
    return found


@dataclass(frozen=True)
class FileChange:
    """A post's new text, to be written where the post is after the run's renames."""

    path: Path
    root: Path
    original: str
    text: str


@dataclass(frozen=True)
class Plan:
    """Everything a run will change, validated as a whole."""

    changes: tuple[FileChange, ...] = ()
    renames: tuple[Rename, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes or self.renames)

    def final_path(self, path: Path) -> Path:
        """Where ``path`` is once the renames are done."""
        for rename in self.renames:
            source = Path(os.path.abspath(rename.source))
            absolute = Path(os.path.abspath(path))
            if absolute == source:
                return rename.target
            if source in absolute.parents:
                return rename.target / absolute.relative_to(source)
        return path


def plan(changes: Iterable[FileChange], renames: Iterable[Rename]) -> Plan:
    """Validate a run's changes; :class:`PlanError` (one line) if any rename cannot be done.

    Two fixes asking for the same rename are one rename. Refused: a source that is not
    there, two sources to one target, a target that exists, a rename of a post whose
    folder another rename moves, anything leading outside its blog root, and an edit of
    a post that is a symbolic link (its target is fixed where it is, not through it).
    """
    from haikulint.safe_fs import is_inside

    changes = tuple(changes)
    for change in changes:
        if os.path.islink(change.path):
            raise PlanError(
                f"cannot fix {_shown(change.path)}: it is a symbolic link; "
                "fix the file it points to; nothing was written"
            )

    unique: list[Rename] = []
    for rename in renames:
        if rename not in unique:
            unique.append(rename)
    targets: dict[str, Rename] = {}
    for rename in unique:
        where = f"cannot rename {_shown(rename.source)} -> {_shown(rename.target)}"
        for path in (rename.source, rename.target):
            if not is_inside(rename.root, path.parent) or not _lexically_inside(rename.root, path):
                raise PlanError(f"{where}: it leads outside the blog root {_shown(rename.root)}")
        if not os.path.lexists(rename.source):
            raise PlanError(f"{where}: {_shown(rename.source)} does not exist")
        if os.path.lexists(rename.target):
            raise PlanError(f"{where}: {_shown(rename.target)} already exists")
        key = os.path.normcase(os.path.abspath(rename.target)).casefold()
        if key in targets:
            other = targets[key]
            raise PlanError(
                f"{where}: {_shown(other.source)} would be renamed to the same path; "
                "give one of them another haiku"
            )
        targets[key] = rename
        for other in unique:
            if (
                other is not rename
                and Path(os.path.abspath(other.source))
                in Path(os.path.abspath(rename.source)).parents
            ):
                raise PlanError(f"{where}: {_shown(other.source)} moves its folder")
    return Plan(changes=changes, renames=tuple(unique))


def _lexically_inside(root: Path, path: Path) -> bool:
    root_text = os.path.abspath(root)
    text = os.path.abspath(path)
    return text.startswith(root_text.rstrip(os.sep) + os.sep)


def execute(run: Plan) -> None:
    """Carry out ``run``: renames (never replacing anything), then the writes. Each step
    is all or nothing; an error (:class:`~haikulint.safe_fs.SafeFsError`, ``OSError``)
    stops the run there."""
    from haikulint.safe_fs import move_inside, remove_empty_dirs, replace_file

    for rename in run.renames:
        move_inside(rename.root, rename.source, rename.target)
        remove_empty_dirs(rename.root, rename.source.parent)
    for change in run.changes:
        if change.text != change.original:
            replace_file(change.root, run.final_path(change.path), change.text.encode("utf-8"))


def unified_diff(path: str, original: str, text: str, new_path: str | None = None) -> str:
    """A unified diff from ``original`` to ``text``, both named ``path`` (the new text
    ``new_path``, when the file moves); line endings as they are, and ``\\ No newline
    at end of file`` where one is missing."""
    import difflib

    lines = difflib.unified_diff(
        _lines(original),
        _lines(text),
        fromfile=f"a/{path}",
        tofile=f"b/{new_path if new_path is not None else path}",
    )
    out: list[str] = []
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """``text`` cut after each ``\n`` only (``str.splitlines`` also cuts at ``\r``, form
    feeds and Unicode separators, which are not line ends in a post)."""
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)


def _shown(path: Path) -> str:
    from haikulint.blog.post import display_path

    return display_path(path)
