"""date-future: the post's date is after today.

A date in the future is usually a typo (2042 for 2024) or a post published
before its time; many generators hide such posts or sort them first. Blogs
that schedule posts set ``allow-future-dates = true`` in their config.
The message names the date but not today's date or the days between: a
baselined warning must read the same tomorrow.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import FILE_NAME_DATE_SAID, date_header, file_name_date
from haikulint.checks.options import DATE_KEY, Option

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "date-future"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {"key": DATE_KEY}
USES_TODAY = True
"""The verdict changes with the date: cached for the day only (see :mod:`haikulint.cache`)."""


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    value = None if context.allow_future_dates else date_header(post, options)
    if value is not None and value.date is not None and value.date > context.today:
        allow = context.setting("allow-future-dates", "true")
        yield Problem(
            f"the {value.key} {value.date.isoformat()} is in the future; fix the date, "
            f"or if the post is scheduled, allow future dates {allow}",
            line=value.line,
        )
    elif value is not None and not value.present and value.key == "date":
        day = file_name_date(post)[0]
        if day is not None and day > context.today:
            allow = context.setting("allow-future-dates", "true")
            yield Problem(
                f"{FILE_NAME_DATE_SAID} {day.isoformat()} is in the future; fix the date, "
                f"or if the post is scheduled, allow future dates {allow}"
            )
