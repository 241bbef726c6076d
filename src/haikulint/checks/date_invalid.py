"""date-invalid: the date header must be a real calendar date.

``2023-02-30``, ``yesterday`` or ``2024-13-01`` cannot be sorted, published or
compared with the path, and static site generators either crash on them or
quietly use the file's modification time. ISO dates (``2024-05-20``), with a
time or without, are what every generator reads. An empty date header is left
to date-missing.

The option ``other-keys`` names the other headers that hold dates and are held to the
same standard: Hugo's ``publishDate``, ``lastmod`` and ``expiryDate`` (Hugo refuses to
build a page whose date field "is not a parsable date"), Pelican's ``Modified:``.
An empty one of these is no problem: it is optional.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import DateValue, date_header, file_name_date
from haikulint.checks.options import DATE_KEY, Option, parse_keys

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "date-invalid"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {
    "key": DATE_KEY,
    "other-keys": Option(
        help="Other headers holding dates, checked the same way when present "
        '(e.g. ["lastmod", "publishdate", "expirydate", "modified"]).',
        parse=parse_keys,
        default=(),
    ),
}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    value = date_header(post, options)
    if value is None:
        return
    if value.key == "date":
        error = file_name_date(post)[1]
        if error is not None:
            yield Problem(
                f'the file name\'s date "{post.slug.file_date}" is not a real date: {error} '
                "(Jekyll stops the build on it)"
            )
    others = options.get("other-keys") or ()
    assert isinstance(others, tuple)
    present = [key for key in others if key != value.key and key in post.headers]
    for header in (value, *(DateValue(post, key) for key in present)):
        if header.present and header.error is not None and not header.empty:
            shown = f' "{header.shown}"' if header.shown is not None else ""
            yield Problem(
                f"the {header.key} header{shown} is not a real date: {header.error}",
                line=header.line,
            )
