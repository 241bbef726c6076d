"""Small helpers several checks share.

How checks avoid piling on: a post that could not be read (HK001) has no
headers and no body, and a post whose front matter is invalid (HK207) has
headers nobody can trust. The header and body checks (HK201-HK206, and the
cross-post title check) stay silent on such posts, so the file gets one
diagnostic that names the real cause instead of "title missing, date
missing" on top of it. Slug checks (HK10x) work from the path alone and still
run on them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime, time
from functools import lru_cache
from typing import TYPE_CHECKING

from haikulint.blog.post import double_quoted
from haikulint.blog.spelling import slug_words
from haikulint.wording import plural as plural  # the checks' messages say counts alike

if TYPE_CHECKING:
    from haikulint.blog.post import Post
    from haikulint.checks.summary import PostSummary


def headers_usable(post: Post) -> bool:
    """False when the headers and body cannot be trusted (unreadable, bad front matter)."""
    return post.read_error is None and post.front_matter_error is None


def either(values: list[str], conjunction: str = "or") -> str:
    """``["8"]`` -> ``8``; ``["8", "9"]`` -> ``8 or 9``; ``["6", "7", "8"]`` -> ``6, 7 or 8``
    (``6, 7 and 8`` with ``conjunction="and"``)."""
    if len(values) <= 1:
        return "".join(values)
    return f"{', '.join(values[:-1])} {conjunction} {values[-1]}"


class DateValue:
    """The ``date`` header of a post, read once: its date, or why it is not one."""

    def __init__(self, post: Post, key: str = "date") -> None:
        self.key = key
        self.present = key in post.headers
        self.raw: object = post.headers.get(key)
        self.line = post.header_lines.get(key)
        self.date: date | None = None
        self.error: str | None = None
        if self.present:
            self.date, self.error = _read_date(self.raw)

    @property
    def empty(self) -> bool:
        """Present but blank: a missing value, reported by the header-required check."""
        return self.raw is None or (isinstance(self.raw, str) and not self.raw.strip())

    @property
    def shown(self) -> str | None:
        """The value as the writer typed it, for a message; None for a list or a table."""
        if isinstance(self.raw, list | tuple | Mapping):
            return None
        return self.raw if isinstance(self.raw, str) else value_as_text(self.raw)


FILE_NAME_DATE_SAID = "the file name's date"


def file_name_date(post: Post) -> tuple[date | None, str | None]:
    """The date that starts the post's file name when file names carry dates (Jekyll's
    ``_posts/.../2024-03-05-...``), or why it is no date; (None, None) without one."""
    if post.slug.file_date is None:
        return None, None
    return _read_date_text(post.slug.file_date)


def date_header(post: Post, options: Mapping[str, object]) -> DateValue | None:
    """The date header a date rule reads (option ``key``), or None on a broken post."""
    if not headers_usable(post):
        return None
    option = options.get("key")
    key = option if isinstance(option, str) else "date"
    global _last_date  # the date rules run one after another on each post: read it once
    if _last_date is not None and _last_date[0] is post and _last_date[1] == key:
        return _last_date[2]
    value = DateValue(post, key)
    _last_date = (post, key, value)  # the post held, so that ``is`` cannot meet another
    return value


_last_date: tuple[Post, str, DateValue] | None = None


def also_dates(post: Post, options: Mapping[str, object]) -> list[DateValue]:
    """The other headers that date the post (option ``also``: Hugo's ``publishDate`` and
    kin), those present with a value, in the option's order."""
    also = options.get("also") or ()
    assert isinstance(also, tuple)
    values = (DateValue(post, key) for key in also if key in post.headers)
    return [value for value in values if not value.empty]


def duplicate_groups(
    posts: Sequence[PostSummary], key: Callable[[PostSummary], str | None]
) -> Iterator[tuple[PostSummary, str]]:
    """Each post that shares its ``key`` with another, and the others' paths."""
    for post, others in duplicates(posts, key):
        yield post, ", ".join(other.display_path for other in others)


def duplicates(
    posts: Sequence[PostSummary], key: Callable[[PostSummary], str | None]
) -> Iterator[tuple[PostSummary, list[PostSummary]]]:
    """Each post that shares its ``key`` with another, and those others."""
    # A list only for a key that is shared: one for each of 100,000 posts held 13 MB.
    first: dict[str, PostSummary] = {}
    shared: dict[str, list[PostSummary]] = {}
    for post in posts:
        value = key(post)
        if value is not None:
            earlier = first.setdefault(value, post)
            if earlier is not post:
                shared.setdefault(value, [earlier]).append(post)
    for value in first if shared else ():  # in the order the keys first appear
        group = shared.get(value, [])
        for post in group:
            yield post, [other for other in group if other is not post]


def _read_date(value: object) -> tuple[date | None, str | None]:
    # Three date rules read the same header of each post: parse each text once.
    if isinstance(value, str):
        return _read_date_text(value)
    return _parse_date(value)


@lru_cache(maxsize=1024)
def _read_date_text(value: str) -> tuple[date | None, str | None]:
    return _parse_date(value)


def _parse_date(value: object) -> tuple[date | None, str | None]:
    from haikulint.blog.dates import parse_date  # TOML dates, ISO text, "April 24, 2023"...

    try:
        return parse_date(value), None
    except ValueError as error:
        return None, str(error) or "not a date"


def slugify(text: str) -> str:
    """``"November 4, 2024: A Mosaic"`` -> ``november-4-2024-a-mosaic``."""
    return "-".join(slug_words(text))


def header_example(post: Post, key: str, value: str, *, quote: bool = True) -> str:
    """How to write header ``key`` in this post's header style, e.g. ``Title: A Day``."""
    style = post.header_style
    if style == "toml":
        shown = double_quoted(value) if quote else value
        return f"{key} = {shown} in the +++ front matter"
    if style == "json":
        return f'"{key}": {double_quoted(value)} in the JSON front matter'
    if style == "yaml":
        shown = value if not quote or _plain_yaml_holds(value) else double_quoted(value)
        return f"{key}: {shown} in the --- front matter"
    return f"{key.capitalize()}: {value}"


def _plain_yaml_holds(text: str) -> bool:
    """Whether ``key: text``, unquoted, reads back as the text ``text`` in YAML."""
    from haikulint.blog.frontmatter_loading import yaml_reads_back

    return yaml_reads_back("key", text, text)


def quoted_header_example(post: Post, key: str, text: str) -> str:
    """Header ``key`` set to the text ``text``, quoted where the header style needs it."""
    if post.header_style == "yaml":
        return header_example(post, key, double_quoted(text), quote=False)
    return header_example(post, key, text)


def value_as_text(value: object) -> str | None:
    """A scalar header value spelled as text (``2024``, ``true``, ``2024-05-20``); None
    for anything else. A list of scalars is its items joined by commas."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, list | tuple) and value:
        items = [value_as_text(item) for item in value]
        if all(
            item is not None and not isinstance(child, list | tuple)
            for item, child in zip(items, value, strict=True)
        ):
            return ", ".join(item for item in items if item is not None)
    return None
