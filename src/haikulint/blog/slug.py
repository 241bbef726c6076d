"""A post's path below the blog root, read as a haiku slug."""

from __future__ import annotations

from dataclasses import dataclass

SEPARATOR = "-/-"


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
