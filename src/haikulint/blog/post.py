"""A post file read into headers, body, the haiku line and the opening dateline.

:func:`read_post` never raises for a bad file: what cannot be read as UTF-8 text
sets ``read_error``, and front matter that cannot be used sets ``front_matter_error``,
so every file gets a verdict and nothing stops the run.

Headers come from one of:

* front matter: YAML between ``---`` fences, TOML between ``+++``, or a JSON object
  (python-frontmatter's handlers recognise the style; see :mod:`frontmatter_loading`
  for where and why its loading is replaced);
* Pelican/MultiMarkdown ``Key: value`` lines in a block at the top of the file, maybe
  after blank lines and after a first line holding the haiku, as in::

      the prod deploy froze / I parsed the pcap for hours / the repo holds it all


      Title: Learning the Hard Way with LLMs and FinOps


      April 24, 2023 - Today, I find myself ...
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from haikulint.blog.slug import Slug, dated_file_names, parse_slug
from haikulint.bounded_read import MAX_POST_SIZE, InputError, read_post_file, undecodable

if TYPE_CHECKING:
    from haikulint.blog.discover import PostFile
    from haikulint.blog.frontmatter_loading import FrontMatter


@dataclass(frozen=True)
class Located:
    """A piece of text and the 1-based line it stands on in the file."""

    text: str
    line: int


@dataclass(frozen=True)
class Dateline:
    """A date found in the body's opening sentence (``April 24, 2023 - Today ...``)."""

    date: date
    text: str
    line: int


@dataclass(frozen=True)
class Post:
    """Everything the checks may ask of one post file. Built by :func:`read_post`."""

    filename: str
    """The file as discovered (see :attr:`path`)."""
    display_path: str
    """POSIX path relative to the working directory where possible, for reports."""
    slug: Slug
    read_error: str | None = None
    """Why the file could not be read as UTF-8 text; every other field is then empty."""
    header_style: str = "none"
    """``yaml``, ``toml``, ``json`` (front matter), ``pelican`` (``Key: value`` lines)
    or ``none``."""
    headers: Mapping[str, object] = field(default_factory=dict)
    """Header values with keys lowercased. YAML and header-line dates stay as written
    (strings), never coerced; TOML's own date values arrive as date/datetime objects."""
    header_lines: Mapping[str, int] = field(default_factory=dict)
    """The 1-based line of each header key, where known."""
    front_matter_error: Located | None = None
    """Why the front matter could not be used (unclosed, syntax error, not a mapping)."""
    haiku: Located | None = None
    """The haiku as written in the post: front matter ``haiku:`` or a first body line
    ``a / b / c``."""
    first_line: Located | None = None
    """A line that is probably the title someone forgot to mark, as the title it suggests.

    The body's first line when it looks like a title (short, not a sentence ending in a
    period, not a date; a Markdown heading ``# The Old Server`` gives ``The Old Server``),
    or, when there is no title header, the first line of a header block whose key is not
    a known header (``Kubernetes: The Hard Way`` just above ``Date: ...``)."""
    first_line_read_as: str | None = None
    """When :attr:`first_line` was read as a header line, the key it was read as
    (``kubernetes``); ``None`` for a bare line."""
    dateline: Dateline | None = None
    body_line: int = 1
    """The 1-based line where the body starts."""
    suppressions: frozenset[str] = frozenset()
    """Rule codes or names this post asks to ignore (``haikulint: {ignore: [...]}``)."""
    suppression_problems: tuple[str, ...] = ()
    """What is wrong with how the post asks to ignore rules (an entry that is a number, a
    misspelt key), each saying what would be right; see :func:`read_suppressions`."""
    source: str = field(default="", repr=False)
    """The file's text exactly as read (BOM and line endings kept): what fixes edit."""
    header_lines_at: str = "after-haiku"
    """Where ``Key: value`` header lines were looked for (config ``header-lines``, see
    :data:`HEADER_LINES`): what a fix reads its result back with."""
    file_stat: tuple[int, int] | None = field(default=None, repr=False, compare=False)
    """The file's ``(size, mtime_ns)`` as fstat gave them on the open file just before it
    was read (None when it was not read: it could not be opened, or is not a regular
    file): what the result cache keys the post's results on, so that the run does not
    stat the file again."""

    @functools.cached_property
    def path(self) -> Path:
        """The file as discovered, as a :class:`Path`: made when first asked for, as few
        checks need it and a Path costs ~4 us to make (a cold run reads every post)."""
        return Path(self.filename)


HEADER_LINES = ("after-haiku", "top")
"""Where a block of ``Key: value`` header lines may start (config ``header-lines``):

* ``after-haiku`` (the default): at the top of the file, or below a first line holding
  the haiku and blank lines, as the seed posts have it; blank lines inside the block are
  passed over when a known header follows them;
* ``top``: on the first line of the file only, ending at the first blank line, as
  Pelican (Python-Markdown's meta extension) reads Markdown metadata.
"""
HAIKU_SEPARATOR = " / "
TITLE_LIKE_LENGTH = 150
"""A first body line longer than this is a paragraph, not a title someone forgot to mark."""
IGNORE_HEADER = "haikulint-ignore"
"""The header a post lists the rules it ignores in (``Haikulint-Ignore: HK103, HK105``)."""
IGNORE_BLOCK = "haikulint"
"""The front matter mapping whose ``ignore`` lists them (``haikulint: {ignore: [HK103]}``)."""
KNOWN_HEADER_KEYS = frozenset(
    {
        *("title", "date", "modified", "updated", "tags", "category", "categories", "slug"),
        *("author", "authors", "summary", "description", "lang", "status", "haiku"),
        IGNORE_HEADER,
    }
)
"""Keys that carry a header block on across blank lines (``Title: x``, blank, ``Date: y``)."""

_HEADER_KEY = re.compile(r"[A-Za-z][\w-]*:")
_MARKDOWN_HEADING = re.compile(r"[ ]{0,3}(#{1,6})(?:[ \t]+|\Z)")
_NOT_A_TITLE_START = ("```", "~~~", "<", "![", "|", "- ", "* ", "+ ", "> ", "{{", "{%")
"""Markdown that is not a title: a code fence, HTML, an image, a table, a list item, a
quote, a Hugo shortcode or a Jinja/Liquid tag."""
_CONTINUATION = re.compile(r"(?:[ \t]{2,}|\t)\S")


def read_post(
    file: PostFile,
    cwd: Path | None = None,
    *,
    sections: Collection[str] = (),
    file_name_dates: bool | None = None,
    max_size: int = MAX_POST_SIZE,
    headers_only: bool = False,
    header_lines: str = "after-haiku",
) -> Post:
    """Read one post file. Never raises for a problem with the file itself: one post
    never stops the run, whatever it holds.

    A file larger than ``max_size`` bytes, one that is not a regular file and a link
    that leads outside the blog root are not read (``read_error`` says why). With
    ``headers_only``, a post is read no further than its headers (what comparing it with
    other posts needs): past front matter, no haiku line; past ``Key: value`` lines and
    the haiku line beside them, no first line or dateline."""
    filename = file.filename
    display = display_path(filename, cwd)
    dated = dated_file_names(filename, file_name_dates)
    slug = parse_slug(relative_to_root(filename, file.root), sections, dated)
    data_or_error = _read_bytes(file, max_size)
    if isinstance(data_or_error, str):
        return Post(filename, display_path=display, slug=slug, read_error=data_or_error)
    data, stat = data_or_error
    text_or_error = _decode(data)
    if text_or_error[1] is not None:
        return Post(
            filename, display_path=display, slug=slug, read_error=text_or_error[1], file_stat=stat
        )
    try:
        return post_from_text(
            text_or_error[0],
            filename,
            display,
            slug,
            headers_only=headers_only,
            header_lines=header_lines,
            file_stat=stat,
        )
    except (RecursionError, MemoryError, ValueError, TypeError, ArithmeticError) as error:
        # A reader bug on strange content: this post gets a verdict, the others theirs.
        reason = (
            f"haikulint failed to read it ({type(error).__name__}: {error}); please report this"
        )
        return Post(
            filename,
            display_path=display,
            slug=slug,
            read_error=reason.split("\n")[0],
            file_stat=stat,
        )


def read_post_text(
    file: PostFile,
    text: str,
    cwd: Path | None = None,
    *,
    sections: Collection[str] = (),
    header_lines: str = "after-haiku",
    file_name_dates: bool | None = None,
) -> Post:
    """:func:`read_post` of ``file`` as if it held ``text``: how the fix stage checks a
    fixed version of a post before anything is written."""
    dated = dated_file_names(file.filename, file_name_dates)
    slug = parse_slug(relative_to_root(file.filename, file.root), sections, dated)
    return post_from_text(
        text,
        file.filename,
        display_path(file.filename, cwd),
        slug,
        header_lines=header_lines,
    )


def post_from_text(
    text: str,
    path: str | os.PathLike[str],
    display: str,
    slug: Slug,
    *,
    headers_only: bool = False,
    header_lines: str = "after-haiku",
    file_stat: tuple[int, int] | None = None,
) -> Post:
    """The post whose file at ``path`` holds ``text``: what :func:`read_post` makes of a
    file it could read (also of a post not yet written, to foresee what check will say);
    ``file_stat`` is the file's as it was read (see :attr:`Post.file_stat`)."""
    parts = read_text(text, headers_only=headers_only, header_lines=header_lines)
    suppressions, problems = read_suppressions(parts.headers, parts.header_style)
    return Post(
        os.fspath(path),
        display_path=display,
        slug=slug,
        header_style=parts.header_style,
        headers=parts.headers,
        header_lines=parts.header_lines,
        front_matter_error=parts.front_matter_error,
        haiku=parts.haiku,
        first_line=parts.first_line,
        first_line_read_as=parts.first_line_read_as,
        dateline=parts.dateline,
        body_line=parts.body_line,
        suppressions=suppressions,
        suppression_problems=problems,
        source=text,
        header_lines_at=header_lines,
        file_stat=file_stat,
    )


@dataclass
class PostText:
    """What :func:`read_text` finds in a post's text (everything but path and slug)."""

    header_style: str = "none"
    headers: dict[str, object] = field(default_factory=dict)
    header_lines: dict[str, int] = field(default_factory=dict)
    front_matter_error: Located | None = None
    haiku: Located | None = None
    first_line: Located | None = None
    first_line_read_as: str | None = None
    dateline: Dateline | None = None
    body_line: int = 1


def read_text(
    text: str, *, headers_only: bool = False, header_lines: str = "after-haiku"
) -> PostText:
    """Split a post's text (BOM and CRLF allowed) into headers, haiku, first line, dateline
    (with ``headers_only``, nothing past the headers and a haiku line beside them;
    ``header_lines`` says where header lines may start, see :data:`HEADER_LINES`)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:  # CRLF, or a lone CR (old Mac line ends): each ends a line
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = PostText()
    if text[:1] in ("-", "+", "{"):
        front = _late().read_front_matter(text)
        if front is not None:
            found.header_style = front.style
            found.headers = front.headers
            found.header_lines = front.header_lines
            found.front_matter_error = front.error
            if (front.error is not None and front.body_start is None) or headers_only:
                return found  # unclosed: there is no body to speak of
            _read_body(text, front.body_start or 0, front.body_line, found, header_block=False)
            _haiku_from_headers(found)
            return found
    at_top = header_lines == "top"
    _read_body(text, 0, 1, found, header_block=True, at_top=at_top, headers_only=headers_only)
    return found


def display_path(path: str | os.PathLike[str], cwd: Path | None = None) -> str:
    """``path`` as POSIX, relative to ``cwd`` (default: the working directory) when under it."""
    text = os.fspath(path)
    if not os.path.isabs(text):
        return os.path.normpath(text).replace(os.sep, "/")
    prefix = _folder_prefix(str(cwd) if cwd is not None else os.getcwd())
    if text.startswith(prefix) and ".." not in text:
        text = text[len(prefix) :]
    else:
        text = os.path.normpath(text)
        if text.startswith(prefix):
            text = text[len(prefix) :]
    return text.replace(os.sep, "/")


_NO_SUPPRESSIONS: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ())
_RULE_WORD = re.compile(r"[A-Za-z][\w-]*\Z")
_RULE_CODE = re.compile(r"HK\d{3}\Z", re.IGNORECASE)
_NOT_KEY_CHARS = re.compile(r"[^a-z0-9]+")


def read_suppressions(
    headers: Mapping[str, object], style: str = "yaml"
) -> tuple[frozenset[str], tuple[str, ...]]:
    """The codes or names a post asks to ignore, and what is wrong with how it asks.

    A post asks with ``haikulint: {ignore: [HK103]}`` in front matter or a
    ``Haikulint-Ignore: HK103, unknown-word`` header (``style`` is the post's header style,
    for examples of what would be right). An entry that is not text (``103``), a key of
    the haikulint block other than ``ignore``, a haikulint header that is not a mapping
    and a key that is nearly one of these (``haikulint_ignore``) would each be passed
    over without a word; each is a problem instead. For a post with no key like these,
    nothing is computed but one look through its keys.
    """
    keys = " ".join(headers)
    if "lint" not in keys and "ignore" not in keys and keys.count("haik") <= ("haiku" in headers):
        return _NO_SUPPRESSIONS  # no haikulint block or header, nor a key like one of them
    header = headers.get(IGNORE_HEADER)
    block = headers.get(IGNORE_BLOCK)
    near = [
        key
        for key, value in headers.items()
        if ("lint" in key or "ignore" in key or (key[:4] == "haik" and key != "haiku"))
        and _near_miss(key, value)
    ]
    found: set[str] = set()
    problems: list[str] = []
    if header is not None:
        _read_entries(header, IGNORE_HEADER, found, problems)
    if isinstance(block, Mapping):
        for key, value in block.items():
            if str(key).lower() == "ignore":
                _read_entries(value, "ignore", found, problems)
            else:
                problems.append(f"the haikulint block takes 'ignore', not {str(key)!r}")
    elif block is not None:
        problems.append(
            f"the haikulint header is {_described(block)}, not a mapping with an ignore list: "
            f"write {_ignore_example(style, block)}"
        )
    for key in near:
        problems.append(
            f"haikulint does not read {key!r}: write {_ignore_example(style, headers[key])}"
        )
    return frozenset(found), tuple(problems)


def _read_entries(value: object, where: str, found: set[str], problems: list[str]) -> None:
    """Add the codes or names in an ignore list ``value`` to ``found``; what is not text
    to ``problems``. ``where`` names the list in them (``ignore``, ``haikulint-ignore``)."""
    if value is None:
        return  # "ignore:" with nothing after it asks for nothing
    if isinstance(value, Mapping):
        problems.append(
            f"{where} lists rule codes or names, like HK103 or slug-syllables; "
            "it is a mapping (key: value pairs), not a list"
        )
        return
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            found.update(word for word in re.split(r"[\s,]+", item) if word)
        else:
            problems.append(
                f"{where} lists rule codes or names, like HK103 or slug-syllables; "
                f"{_entry_described(item)}"
            )


def _near_miss(key: str, value: object) -> bool:
    """``haikulint_ignore``, ``haiku-lint``, ``haikulint.ignore``, ``haikulnt``: a key meant
    to be ``haikulint-ignore`` or ``haikulint`` (keys arrive lowercased); or a bare
    ``ignore: [HK103]``, outside the haikulint block, that lists rule codes."""
    if key in (IGNORE_HEADER, IGNORE_BLOCK):
        return False
    if key == "ignore":
        items = value if isinstance(value, list) else [value]
        return any(
            isinstance(item, str) and any(map(_RULE_CODE.match, re.split(r"[\s,]+", item)))
            for item in items
        )
    squashed = _NOT_KEY_CHARS.sub("", key)
    if squashed in ("haikulint", "haikulintignore", "haikulintignores"):
        return True
    import difflib

    return bool(difflib.get_close_matches(squashed, ("haikulint", "haikulintignore"), 1, 0.85))


def _ignore_example(style: str, value: object) -> str:
    """The way to write an ignore list in ``style``, with the codes or names ``value`` holds."""
    words: list[str] = []
    for item in value.values() if isinstance(value, Mapping) else [value]:
        for text in item if isinstance(item, list) else [item]:
            if isinstance(text, str):
                words += [word for word in re.split(r"[\s,]+", text) if _RULE_WORD.match(word)]
    entries = [word for word in words if word.lower() != "ignore"] or ["HK103"]
    if style == "toml":
        return "haikulint = {ignore = [" + ", ".join(f'"{word}"' for word in entries) + "]}"
    if style == "json":
        return '"haikulint": {"ignore": [' + ", ".join(f'"{word}"' for word in entries) + "]}"
    if style == "yaml":
        return "haikulint: {ignore: [" + ", ".join(entries) + "]}"
    return "Haikulint-Ignore: " + ", ".join(entries)


def value_kind(value: object) -> str:
    """What a header value (or the whole front matter) is, in a writer's words:
    ``a number``, ``a list``, ``a line of text``..."""
    if isinstance(value, str):
        return "a line of text"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, Mapping):
        return "a table of keys"
    if isinstance(value, list | tuple | set | frozenset):
        return "a list"
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, time):
        return "a time"
    if value is None:
        return "a null value"
    return "a value of another kind"


def double_quoted(text: str) -> str:
    """``text`` in double quotes, ``\\`` and ``"`` escaped: a string in TOML, JSON and YAML."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _described(value: object) -> str:
    """``the text 'ignore'``, ``the number 103``, ``a list``: a header value, for messages."""
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, bool):
        return f"the true/false value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    return f"a {type(value).__name__}"


def _entry_described(item: object) -> str:
    """What an entry of an ignore list is instead of text: ``103 is a number``."""
    if isinstance(item, bool):
        return f"{str(item).lower()} is a true/false value"
    if isinstance(item, (int, float)):
        return f"{item} is a number"
    if isinstance(item, date):
        return f"{item.isoformat()} is a date"
    if item is None:
        return "one of its entries is empty"
    if isinstance(item, Mapping):
        return "one of its entries is a mapping (key: value pairs), not a code or name"
    if isinstance(item, list):
        return "one of its entries is a list, not a code or name"
    return f"one of its entries is a {type(item).__name__}"


def relative_to_root(path: str, root: Path) -> str:
    """The POSIX path of ``path`` below ``root``; discover gives absolute, clean paths,
    so a prefix test is enough in the common case (``os.path.relpath`` costs ~10 µs)."""
    file, prefix = path, _folder_prefix(str(root))
    if file.startswith(prefix) and os.path.isabs(file) and ".." not in file:
        relative = file[len(prefix) :]
    else:
        from haikulint.blog.discover import derive_root, is_under

        file = os.path.abspath(file)
        folder = os.path.abspath(str(root))
        if not is_under(file, folder) or file == folder:
            folder = derive_root(file)
        relative = os.path.relpath(file, folder)
    return relative if os.sep == "/" else relative.replace(os.sep, "/")


@functools.lru_cache(maxsize=64)
def _folder_prefix(folder: str) -> str:
    """``/a/b`` as ``/a/b/``: what a path below it starts with."""
    return os.path.abspath(folder).rstrip(os.sep) + os.sep


def _read_bytes(file: PostFile, limit: int) -> tuple[bytes, tuple[int, int]] | str:
    """The file's bytes and its ``(size, mtime_ns)``, or why they cannot be had: see
    :func:`bounded_read.read_post_file` (regular files only, within ``limit``, never
    through a link that leaves the root)."""
    try:
        return read_post_file(file.filename, _late().boundary_of(file), limit)
    except InputError as error:
        reason = str(error)
        if reason.endswith("not a regular file"):
            reason += "; a post is a regular file"
        elif reason.endswith("it was not read"):
            reason = reason.replace("the limit of", "max-post-size,", 1)
        return reason


class _LateImports(NamedTuple):
    """What this module calls from the modules that import it (dates, front matter, the
    walk), imported on first use rather than at start-up, or in a cycle."""

    read_front_matter: Callable[[str], FrontMatter | None]
    boundary_of: Callable[[PostFile], str]
    find_dateline: Callable[[Sequence[str], int], Dateline | None]
    DATELINE_LINES: int


@functools.cache
def _late() -> _LateImports:
    """:class:`_LateImports`, imported once: an import statement in a function costs
    ~0.6 us each time it runs, and a post's read ran three or four of them."""
    from haikulint.blog.dates import DATELINE_LINES, find_dateline
    from haikulint.blog.discover import boundary_of
    from haikulint.blog.frontmatter_loading import read_front_matter

    return _LateImports(read_front_matter, boundary_of, find_dateline, DATELINE_LINES)


def _decode(data: bytes) -> tuple[str, str | None]:
    if b"\x00" in data:
        return "", "binary file (it contains NUL bytes), not UTF-8 text"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        return "", undecodable(data, error)


class _Cursor:
    """The lines of ``text`` from offset ``start`` (line ``number``), split as they are read.

    Only the top of a post is ever looked at, so a 10 MB body is never split.
    """

    __slots__ = ("_first", "_lines", "_offset", "_position", "_text")

    def __init__(self, text: str, start: int, number: int) -> None:
        self._text = text
        self._offset = start
        self._lines: list[str] = []
        self._first = number
        self._position = 0

    @property
    def next_number(self) -> int:
        """The number of the line :meth:`take` would return next."""
        return self._first + self._position

    def look(self, index: int = 0) -> tuple[int, str] | None:
        """The line ``index`` places ahead, not taken."""
        wanted = self._position + index
        lines, text = self._lines, self._text
        while len(lines) <= wanted:
            if self._offset >= len(text):
                return None
            stop = text.find("\n", self._offset)
            if stop < 0:
                stop = len(text)
            lines.append(text[self._offset : stop])
            self._offset = stop + 1
        return self._first + wanted, lines[wanted]

    def take(self) -> tuple[int, str] | None:
        line = self.look()
        if line is not None:
            self._position += 1
        return line

    def skip(self, count: int) -> None:
        """Take ``count`` lines that :meth:`look` has already returned."""
        self._position += count

    def skip_blank(self) -> tuple[int, str] | None:
        """Pass over blank lines; the next non-blank line, not taken."""
        line = self.look()
        while line is not None and not line[1].strip():
            self._position += 1
            line = self.look()
        return line


def _read_body(
    text: str,
    start: int,
    number: int,
    found: PostText,
    *,
    header_block: bool,
    at_top: bool = False,
    headers_only: bool = False,
) -> None:
    cursor = _Cursor(text, start, number)
    if at_top:
        # header lines only from the very first line, as Python-Markdown's meta reads them
        line = cursor.look()
        header_block = line is not None and header_line(line[1]) is not None
        if not header_block:
            line = cursor.skip_blank()
    else:
        line = cursor.skip_blank()
    if not (at_top and header_block) and line is not None and is_haiku_line(line[1]):
        found.haiku = Located(line[1].strip(), line[0])
        cursor.take()
        line = cursor.skip_blank()
    if (
        header_block
        and line is not None
        and header_line(line[1]) is not None
        and _read_header_block(cursor, found, blank_ends=at_top)
    ):
        found.header_style = "pelican"
        line = cursor.skip_blank()
        if found.haiku is None and line is not None and is_haiku_line(line[1]):
            found.haiku = Located(line[1].strip(), line[0])
            cursor.take()
            line = cursor.skip_blank()
        _haiku_from_headers(found)
    found.body_line = line[0] if line is not None else cursor.next_number
    if headers_only:
        return  # the first line and the dateline are the checks' business, not a summary's
    if line is not None:
        found.dateline = _late().find_dateline([line[1]], line[0])
        if found.dateline is not None:
            return
        if _is_short(line[1]):
            title = title_in(line[1])
            if title is not None and found.first_line is None:
                found.first_line = Located(title, line[0])
            cursor.take()
    _find_dateline(cursor, found)


def _read_header_block(cursor: _Cursor, found: PostText, *, blank_ends: bool = False) -> bool:
    """Take a block of ``Key: value`` lines if at least one key is a known header.

    Indented lines continue a value; blank lines end the block unless a known key
    follows them. A lone ``Kubernetes: The Hard Way`` is a title, not a header block;
    followed by ``Date: ...`` it is read as a header ``kubernetes``, and when the block
    has no title it becomes :attr:`PostText.first_line`, the title to suggest.
    With ``blank_ends`` (``header-lines = "top"``), the first blank line ends the block.
    """
    # Each value is kept as its pieces and joined once at the end: joining as each line
    # comes would copy the value again for every continuation line (quadratic).
    pieces: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    last_key: str | None = None
    first: tuple[int, str, str] | None = None
    index = 0
    while (line := cursor.look(index)) is not None:
        number, content = line
        if not content.strip():
            if blank_ends:
                break
            following = index + 1
            while (ahead := cursor.look(following)) is not None and not ahead[1].strip():
                following += 1
            header = header_line(ahead[1]) if ahead is not None else None
            if header is None or header[0] not in KNOWN_HEADER_KEYS:
                break
            index = following
            continue
        if last_key is not None and _CONTINUATION.match(content):
            # A continued value is one line of text; a haiku's continuation lines are its
            # lines, joined with " / " where the writer did not put the slash themselves.
            value_pieces, more = pieces[last_key], content.strip()
            before = value_pieces[-1]
            slashed = last_key != "haiku" or before.endswith("/") or more.startswith("/")
            value_pieces += (" " if slashed else " / ", more)
            index += 1
            continue
        header = header_line(content)
        if header is None:
            break
        key, value = header
        if first is None:
            first = (number, content, key)
        last_key = None  # a repeated key: the first one stands
        if key not in pieces:
            pieces[key] = [value]
            lines[key] = number
            last_key = key
        elif key == IGNORE_HEADER:
            # but a second Haikulint-Ignore line asks to ignore more, not instead
            pieces[key] += (", ", value)
            last_key = key
        index += 1
    if KNOWN_HEADER_KEYS.isdisjoint(pieces):
        return False
    headers: dict[str, object] = {key: _joined(parts) for key, parts in pieces.items()}
    cursor.skip(index)  # every line before ``index`` was looked at
    found.headers, found.header_lines = headers, lines
    if first is not None and first[2] not in KNOWN_HEADER_KEYS and "title" not in headers:
        found.first_line = Located(first[1].strip(), first[0])
        found.first_line_read_as = first[2]
    return True


def _joined(pieces: list[str]) -> str:
    """A header value from its pieces (the first line's value, then a separator and a
    continuation line, or ``", "`` and another ignore line's value), empty pieces dropped."""
    if len(pieces) == 1:
        return pieces[0]
    kept = [pieces[0]] if pieces[0] else []
    for separator, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        if piece:
            kept += (separator, piece) if kept else (piece,)
    return "".join(kept).strip()


def header_line(line: str) -> tuple[str, str] | None:
    """A ``Key: value`` header line as (lowercased key, value), else ``None``.

    The value may follow the colon without a space (``date:2023-04-24``, as
    Python-Markdown's meta extension allows) only for a known header key, so that
    ``https://example.com`` is not a header ``https``. Linear in the line's length.
    """
    match = _HEADER_KEY.match(line)
    if match is None:
        return None
    key = match.group()[:-1].lower()
    rest = line[match.end() :]
    if rest[:1] not in ("", " ", "\t") and key not in KNOWN_HEADER_KEYS:
        return None
    return key, rest.strip(" \t")


def _find_dateline(cursor: _Cursor, found: PostText) -> None:
    late = _late()
    first = cursor.next_number
    window: list[str] = []
    non_empty = 0
    while non_empty < late.DATELINE_LINES and (line := cursor.take()) is not None:
        window.append(line[1])
        non_empty += bool(line[1].strip())
    if window:
        found.dateline = late.find_dateline(window, first)


def _haiku_from_headers(found: PostText) -> None:
    value = found.headers.get("haiku")
    if value is None:
        return
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        text = HAIKU_SEPARATOR.join(item.strip() for item in value)
    else:
        text = str(value).strip()
    found.haiku = Located(text, found.header_lines.get("haiku", 1))


def is_haiku_line(line: str) -> bool:
    """``a / b / c``: three or more parts split by `` / ``, and not a ``Key: value`` header."""
    stripped = line.strip()
    if stripped.count(HAIKU_SEPARATOR) < 2 or len(stripped) > 300:
        return False
    parts = stripped.split(HAIKU_SEPARATOR)
    return all(part.strip() for part in parts) and header_line(stripped) is None


def title_in(line: str) -> str | None:
    """The title a body line would make, or ``None`` when it does not look like one.

    A Markdown heading (``# The Old Server``) gives its text; other lines count when
    short and not a sentence ending in a period, a list item, a quote, a table, HTML,
    an image or a code fence.
    """
    heading = _MARKDOWN_HEADING.match(line) if "#" in line[:4] else None
    if heading is not None:
        text = line[heading.end() :].strip()
        unclosed = text.rstrip("#")
        if unclosed != text and (not unclosed or unclosed[-1] in " \t"):
            text = unclosed.strip()  # the optional closing sequence: "# Title ##"
        return text if 0 < len(text) <= TITLE_LIKE_LENGTH else None
    text = line.strip()
    if not _is_short(text) or text.startswith(_NOT_A_TITLE_START):
        return None
    if text.endswith(".") and not text.endswith(".."):
        return None  # a sentence; "Wait for it..." may still be a title
    return text


def _is_short(line: str) -> bool:
    """Short enough to be a title someone forgot to mark (it is known not to be a dateline)."""
    stripped = line.strip()
    return bool(stripped) and len(stripped) <= TITLE_LIKE_LENGTH
