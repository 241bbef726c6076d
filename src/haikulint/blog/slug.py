"""A post's path below the blog root, read as a haiku slug."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

SEPARATOR = "-/-"

JOINERS = "-_"
"""Characters that may stand around a ``/`` where two haiku lines meet (only ``-`` is right)."""

_JOINER_ENDS = tuple(JOINERS)

BUNDLE_INDEX = "index"
"""The file name (without extension) of a page bundle's post: ``<slug>/index.md``."""

_HYPHENATED_DATE = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?")
FILE_NAME_DATE = re.compile(r"([0-9]{2,4})-([0-9]{1,2})-([0-9]{1,2})-")
r"""A date that starts a file name, as Jekyll's ``Document::DATE_FILENAME_MATCHER``
(``\A(?>.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)\z``) takes it: only the last
part of the path (the file name, or a page bundle's folder) may carry it."""
JEKYLL_POSTS = "_posts"
"""The folder whose posts take their dates from their file names when
``file-name-dates`` is left to ``auto``, as Jekyll's do."""


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
    """Folders above the haiku that are sections, not lines (``post``, ``blog``, configured)."""
    date_parts: tuple[int, ...]
    """The numbers of the date folders above the haiku, top down: year, month, day.

    A date folder is made only of ASCII digits (``2024``, ``03``) or is a date written
    with hyphens (``2024-03``, ``2024-03-05``: two and three parts). Parts after the
    third (``2024/03/05/07``) are kept, in the key, but no rule reads them as a date."""
    lines: tuple[str, ...]
    """The haiku lines as spelled on disk, separators removed (``the-prod-deploy-froze``);
    none for a file name that is only an extension (``.md``)."""
    separators: tuple[str, ...]
    """What joined consecutive lines on disk: ``-/-`` when right; ``--/--``, ``_/_``, ``/``."""
    extension: str
    """``.md`` or ``.markdown``, as found (case kept)."""
    file_date: str | None = None
    """The date that started the file name (``2024-03-05`` of ``2024-03-05-a-b.md``), as
    written, when file names carry dates (config ``file-name-dates``; Jekyll's ``_posts``);
    it is not part of :attr:`lines`. Maybe not a real date (``2024-02-30``)."""
    dated_names: bool = False
    """Whether the file name was read for a date (whether or not it starts with one)."""
    date_folders: tuple[str, ...] = ()
    """The date folders as on disk, top down: ``("2024", "03")``, ``("2024-03",)``."""

    @property
    def haiku(self) -> str:
        """The lines as words, joined the way a writer types them: ``a b / c d / e``."""
        return " / ".join(line.replace("-", " ").strip() for line in self.lines)

    @property
    def key(self) -> str:
        """What makes two posts the same post: sections, dates and lines, case folded.

        Date folders count by their numbers (``2024/03`` is ``2024/3``), each folder
        apart: ``2024-03`` is not ``2024/03``, a post under each is not a duplicate.
        Unicode spellings of the same text are the same (NFC: ``é`` typed as one letter
        or as ``e`` and an accent, as macOS file systems store it).
        """
        dates = [str(part) for part in self.date_parts]
        folders = self.date_folders
        if len(folders) != len(dates):  # a date with hyphens: several numbers, one folder
            dates = ["-".join(str(int(part)) for part in f.split("-")) for f in folders]
        if self.file_date is not None:  # Jekyll: another day, another address
            dates.append("-".join(str(int(part)) for part in self.file_date.split("-")))
        parts = [*self.sections, *dates, SEPARATOR.join(self.lines)]
        text = "/".join(parts)
        if text.isascii():
            return text.casefold()
        import unicodedata

        return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())

    @property
    def prefix(self) -> str:
        """The section and date folders as on disk, each followed by ``/``: ``post/2024/03/``."""
        return "".join(folder + "/" for folder in self._prefix_folders)

    @property
    def _prefix_folders(self) -> list[str]:
        """The folders of ``text`` above the haiku's lines (all of them when it has none)."""
        folders = self.text.split("/")
        return folders[: len(folders) - max(len(self.lines), 1)]

    @property
    def chain(self) -> str:
        """The haiku part of the path exactly as on disk: lines joined by their separators."""
        pieces = [self.lines[0]] if self.lines else []
        for separator, line in zip(self.separators, self.lines[1:], strict=False):
            pieces += [separator, line]
        return "".join(pieces)


def parse_slug(
    relative: str, sections: Collection[str] = (), file_name_dates: bool | None = None
) -> Slug:
    """Read a POSIX path below the blog root, extension included, as a haiku slug.

    The haiku's lines are the file's stem and the folders of its ``-/-`` chain above it;
    the folders above the chain are the prefix: date folders (digits only: ``2024``,
    ``03``; or a date with hyphens: ``2024-03``, ``2024-03-05``) and sections
    (everything else). Read from the file upwards:

    * The chain starts at the first folder whose name ends with ``-`` or ``_`` (the
      upper half of a separator: ``a-b-/-c``, ``a--/--b``, ``a_/_b``, ``a-/b``);
      without one, the stem alone is the chain (``post/a-legacy-title.md``).
    * The multi-word folders (a ``-`` or ``_`` inside the name) right above the chain
      are lines too, joined by a bare ``/``: haiku lines that lost their hyphens
      (``the-cron-job-ran-twice/a-null-pointer-...``), which slug-separator reports.
      A run of them counts, so a haiku whose every separator is a bare ``/``
      (``post/a-b-c/d-e-f/g-h.md``) still reads as its three lines and is the same
      slug as ``post/a-b-c-/-d-e-f-/-g-h.md``. The run stops at a date folder
      (``posts/2024-03/a-b/c-d.md``: ``2024-03`` is year and month, not a line) and at a
      folder ``sections`` lists (by name, or by its path of section folders:
      ``blog/tanka-corner``).
    * Every folder above that is part of the prefix, whatever its name: single words
      (``post``, ``blog``, ``drafts``, Jekyll's ``_posts``), digits, configured
      sections, and multi-word folders further up, above a section or date folder
      (``my-site/content/posts/...``: ``my-site`` is a section, not a line).

    So a folder's part depends only on the folders below it: checking from a blog's
    top folder, from one of its sections or from a folder far above (``haikulint check
    .`` from above ``my-site``) reads the same lines. What the rule cannot tell apart
    is a multi-word section right above the haiku (``my-site/<haiku>`` checked from
    above ``my-site``): that reads as a line, and slug-separator's message says to list
    it in ``sections``.

    The ``-``/``_`` runs around each ``/`` between lines are recorded as that boundary's
    separator, so ``a-/-b`` gives ``-/-`` and ``a/b`` gives a bare ``/``. A file name
    that is only an extension (``.md``) has no lines at all. A page bundle's
    ``index.md`` (Hugo's ``a-/-b-/-c/index.md``) is read as its folder: the same slug as
    ``a-/-b-/-c.md``, and published at the same address.

    With ``file_name_dates`` (``None``: only below a ``_posts`` folder, as Jekyll), a date
    that starts the file name (``_posts/a-/-b-/-2024-03-05-c.md``, or a bundle's folder)
    is taken off the last line and kept as :attr:`Slug.file_date`. Never raises.
    """
    folders = [part for part in relative.split("/") if part not in ("", ".")]
    name = folders.pop() if folders else ""
    stem, extension = split_extension(name)
    if stem == BUNDLE_INDEX and folders:
        stem = folders.pop()  # a page bundle: the folder is the post
    file_date = None
    dated_names = bool(file_name_dates or (file_name_dates is None and JEKYLL_POSTS in folders))
    if dated_names:
        dated = FILE_NAME_DATE.match(stem)
        if dated is not None:
            file_date, stem = dated.group()[:-1], stem[dated.end() :]
            if folders and folders[-1].endswith(_JOINER_ENDS):
                stem = "-" + stem  # "line-two-/2024-03-05-line-three": the date's "-" joins
    listed = _listed(folders, sections) if sections else None
    start = len(folders)
    for index, folder in enumerate(folders):
        if folder.endswith(_JOINER_ENDS) and not (listed and listed[index]):
            start = index
            break
    if stem or start < len(folders):
        while (
            start > 0
            and not (listed and listed[start - 1])
            and _is_multi_word(folders[start - 1])
            and not is_date_folder(folders[start - 1])
        ):
            start -= 1
        lines, separators = _split_chain([*folders[start:], stem])
    else:
        lines, separators = (), ()
    sections_found: list[str] = []
    date_folders: list[str] = []
    for folder in folders[:start]:
        (date_folders if is_date_folder(folder) else sections_found).append(folder)
    return Slug(
        text="/".join([*folders, stem]),
        sections=tuple(sections_found),
        # each folder's numbers, in order: ("2024", "03-05") gives (2024, 3, 5)
        date_parts=tuple(map(int, "-".join(date_folders).split("-"))) if date_folders else (),
        lines=lines,
        separators=separators,
        extension=extension,
        file_date=file_date,
        dated_names=dated_names,
        date_folders=tuple(date_folders),
    )


def dated_file_names(path: str, setting: bool | None) -> bool:
    """Whether the file at ``path`` (absolute, or below a root) takes its date from its
    name: the ``file-name-dates`` setting, or for ``None`` (``auto``) whether a folder
    above it is Jekyll's ``_posts`` (the root itself may be)."""
    if setting is not None:
        return setting
    return f"/{JEKYLL_POSTS}/" in path.replace("\\", "/")


def with_file_date(chain: str, file_date: str | None) -> str:
    """``chain`` (lines and separators, as :attr:`Slug.chain`) with ``file_date`` put back
    at the start of its file name: ``a-/-b-/-c`` and ``2024-03-05`` give
    ``a-/-b-/2024-03-05-c`` (the date's hyphen is the separator's right half)."""
    if file_date is None:
        return chain
    head, slash, last = chain.rpartition("/")
    return f"{head}{slash}{file_date}{last if last.startswith('-') else '-' + last}"


def split_extension(name: str) -> tuple[str, str]:
    """``a-b.md`` to ``("a-b", ".md")``; ``.md`` to ``("", ".md")``; no dot: no extension."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        return name, ""
    return stem, dot + suffix


def _listed(folders: list[str], sections: Collection[str]) -> list[bool]:
    """Whether ``sections`` lists each folder: by name, or by its path of the non-date
    folders above and itself (``blog/tanka-corner``)."""
    configured = frozenset(sections)
    named: list[str] = []
    listed: list[bool] = []
    for folder in folders:
        listed.append(folder in configured or "/".join([*named, folder]) in configured)
        if not is_date_folder(folder):
            named.append(folder)
    return listed


def is_date_folder(folder: str) -> bool:
    """``2024``, ``03``, ``2024-03``, ``2024-03-05``: ASCII digits, or a date with hyphens
    (year and month, or year, month and day), which a blog may write as one folder."""
    if folder.isdigit() and folder.isascii():
        return True
    return len(folder) in (7, 10) and _HYPHENATED_DATE.fullmatch(folder) is not None


def _is_multi_word(folder: str) -> bool:
    """``my-site``, ``the-cron-job-ran-twice``: a joiner between words (``_posts`` is one word)."""
    words = folder.lstrip(JOINERS)
    return "-" in words or "_" in words  # a joiner of JOINERS inside it


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
