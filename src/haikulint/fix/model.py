"""A fix as data: edits to a post's text and renames of its file, with their safety.

Modelled on ruff's ``Fix``: a check yields one beside its problem and never writes
anything; :mod:`haikulint.fix.apply` applies the fixes of a run after checking.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Applicability(str, Enum):
    """Whether ``--fix`` applies a fix, or only ``--fix --unsafe-fixes`` does.

    A safe fix keeps what the post means and where it lives: it only writes down what
    the post already says (a header from its dateline or its title line). An unsafe fix
    changes the post's address or its words (a rename, the haiku line rewritten).
    """

    SAFE = "safe"
    UNSAFE = "unsafe"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, order=True)
class Edit:
    """Replace the text between two offsets of the file's text with ``replacement``.

    Offsets count characters of the file's text as decoded from UTF-8, byte order mark
    and ``\\r\\n`` line endings included, so an edit touches nothing else.
    ``start == end`` inserts; an empty ``replacement`` deletes.
    """

    start: int
    end: int
    replacement: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"an edit's offsets must be 0 <= start <= end, not {self}")

    @property
    def is_insertion(self) -> bool:
        return self.start == self.end

    def to_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "content": self.replacement}


@dataclass(frozen=True)
class Rename:
    """Move a post (its file, or a page bundle's folder) to another path under its root.

    ``source`` and ``target`` are paths as the run names them (relative to the working
    directory or absolute); ``root`` is the blog root neither may leave.
    """

    source: Path
    target: Path
    root: Path

    def to_json(self) -> dict[str, str]:
        """Both paths as the reports name posts: relative to the working directory."""
        from haikulint.blog.post import display_path

        return {"source": display_path(self.source), "target": display_path(self.target)}


@dataclass(frozen=True)
class Fix:
    """How to repair one problem: edits to the post's text and renames, all or nothing."""

    message: str
    """What the fix does, in a few words: ``add Date: 2023-04-24``."""
    edits: tuple[Edit, ...] = ()
    renames: tuple[Rename, ...] = ()
    applicability: Applicability = Applicability.SAFE

    def __post_init__(self) -> None:
        if not self.edits and not self.renames:
            raise ValueError("a fix needs at least one edit or rename")

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    def applies(self, *, unsafe: bool) -> bool:
        """Whether a run applies this fix: safe ones always, unsafe ones with ``unsafe``."""
        return self.is_safe or unsafe

    def to_json(self) -> dict[str, object]:
        return {
            "applicability": self.applicability.value,
            "message": self.message,
            "edits": [edit.to_json() for edit in sorted(self.edits)],
            "renames": [rename.to_json() for rename in self.renames],
        }
