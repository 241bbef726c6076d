"""date-invalid: the date header must be a real calendar date.

``2023-02-30``, ``yesterday`` or ``2024-13-01`` cannot be sorted, published or
compared with the path, and static site generators either crash on them or
quietly use the file's modification time. ISO dates (``2024-05-20``), with a
time or without, are what every generator reads. An empty date header is left
to date-missing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import date_header
from haikulint.checks.options import DATE_KEY, Option

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "date-invalid"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {"key": DATE_KEY}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    value = date_header(post, options)
    if value is not None and value.present and value.error is not None and not value.empty:
        shown = f' "{value.shown}"' if value.shown is not None else ""
        yield Problem(
            f"the {value.key} header{shown} is not a real date: {value.error}", line=value.line
        )
