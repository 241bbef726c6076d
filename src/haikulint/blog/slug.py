"""A post's path below the blog root, read as a haiku slug."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

SEPARATOR = "-/-"

JOINERS = "-_"
"""Characters that may stand around a ``/`` where two haiku lines meet (only ``-`` is right)."""


@dataclass(frozen=True)
class Slug:
    """The path of a post below its root, without the extension, split into its parts.

    ``post/2024/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all``
    has ``sections=("post",)``, ``date_parts=(2024,)``, three ``lines`` spelled as on disk
    without their separators, and ``separators=("-/-", "-/-")``.
    """

    text: str
    """The whole relative path, POSIX, without extension."""
    sections: tuple[str, ...]
    """Leading folders that are sections, not haiku lines (``post``, ``blog``, configured)."""
    date_parts: tuple[int, ...]
    """Leading folders made only of digits: year, month, day."""
    lines: tuple[str, ...]
    """The haiku lines as spelled on disk, separators removed (``the-prod-deploy-froze``)."""
    separators: tuple[str, ...]
    """What joined consecutive lines on disk: ``-/-`` when right; ``--/--``, ``_/_``, ``/``."""
    extension: str
    """``.md`` or ``.markdown``, as found (case kept)."""

    @property
    def haiku(self) -> str:
        """The lines as words, joined the way a writer types them: ``a b / c d / e``."""
        return " / ".join(line.replace("-", " ").strip() for line in self.lines)

    @property
    def key(self) -> str:
        """What makes two posts the same post: sections, dates and lines, case folded."""
        parts = [*self.sections, *map(str, self.date_parts), SEPARATOR.join(self.lines)]
        return "/".join(parts).casefold()

    @property
    def chain(self) -> str:
        """The haiku part of the path exactly as on disk: lines joined by their separators."""
        pieces = [self.lines[0]] if self.lines else []
        for separator, line in zip(self.separators, self.lines[1:], strict=False):
            pieces += [separator, line]
        return "".join(pieces)


def parse_slug(relative: str, sections: Collection[str] = ()) -> Slug:
    """Read a POSIX path below the blog root, extension included, as a haiku slug.

    Leading folders made only of digits are date parts; leading single-word folders
    (no ``-`` or ``_``: ``post``, ``blog``, ``drafts``) and folders named in ``sections``
    are sections. Every folder after those, and the file's stem, is a haiku line; the
    ``-``/``_`` runs around each ``/`` between lines are recorded as that boundary's
    separator, so ``a-/-b`` gives ``-/-`` and ``a/b`` gives a bare ``/``. Never raises.
    """
    folders = [part for part in relative.split("/") if part not in ("", ".")]
    name = folders.pop() if folders else ""
    stem, extension = split_extension(name)
    configured = frozenset(sections)
    prefix_sections: list[str] = []
    date_parts: list[int] = []
    start = 0
    while start < len(folders):
        folder = folders[start]
        if folder.isdigit() and folder.isascii():
            date_parts.append(int(folder))
        elif _is_section(folder, prefix_sections, configured):
            prefix_sections.append(folder)
        else:
            break
        start += 1
    lines, separators = _split_chain([*folders[start:], stem])
    return Slug(
        text="/".join([*folders, stem]),
        sections=tuple(prefix_sections),
        date_parts=tuple(date_parts),
        lines=lines,
        separators=separators,
        extension=extension,
    )


def split_extension(name: str) -> tuple[str, str]:
    """``a-b.md`` to ``("a-b", ".md")``; ``.md`` to ``("", ".md")``; no dot: no extension."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        return name, ""
    return stem, dot + suffix


def _is_section(folder: str, before: list[str], configured: frozenset[str]) -> bool:
    if folder in configured or "/".join([*before, folder]) in configured:
        return True
    return not any(joiner in folder for joiner in JOINERS)


def _split_chain(parts: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Cut each ``/`` boundary into (left line, separator, right line) by its ``-``/``_`` runs."""
    lines: list[str] = []
    separators: list[str] = []
    pending = parts[0]
    for right in parts[1:]:
        left_line = pending.rstrip(JOINERS)
        right_line = right.lstrip(JOINERS)
        lines.append(left_line)
        separators.append(pending[len(left_line) :] + "/" + right[: len(right) - len(right_line)])
        pending = right_line
    lines.append(pending)
    return tuple(lines), tuple(separators)
