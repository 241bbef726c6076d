"""date-future: the post's date is after today.

A date in the future is usually a typo (2042 for 2024) or a post published
before its time; many generators hide such posts or sort them first. Blogs
that schedule posts set ``allow-future-dates = true`` in their config.
The message names the date but not today's date or the days between: a
baselined warning must read the same tomorrow.

The option ``also`` names the other headers that date the post, each checked the same
way when present, with a ``date`` or without: Hugo shows no post before its
``publishDate`` (or ``pubdate``, ``published``). One that is the same day as a future
``date`` already reported is not reported again.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import (
    FILE_NAME_DATE_SAID,
    also_dates,
    date_header,
    file_name_date,
)
from haikulint.checks.options import DATE_KEY, PUBLISH_KEYS, Option

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "date-future"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {"key": DATE_KEY, "also": PUBLISH_KEYS}
USES_TODAY = True
"""The verdict changes with the date: cached for the day only (see :mod:`haikulint.cache`)."""


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    value = None if context.allow_future_dates else date_header(post, options)
    if value is None:
        return
    reported = None
    if value.date is not None and value.date > context.today:
        reported = value.date
        yield _future(f"the {value.key} {value.date.isoformat()}", value.line, context)
    elif not value.present and value.key == "date":
        day = file_name_date(post)[0]
        if day is not None and day > context.today:
            reported = day
            yield _future(f"{FILE_NAME_DATE_SAID} {day.isoformat()}", None, context)
    for other in also_dates(post, options):
        if other.date is not None and other.date > context.today and other.date != reported:
            yield _future(f"the {other.key} {other.date.isoformat()}", other.line, context)


def _future(said: str, line: int | None, context: CheckContext) -> Problem:
    allow = context.setting("allow-future-dates", "true")
    return Problem(
        f"{said} is in the future; fix the date, "
        f"or if the post is scheduled, allow future dates {allow}",
        line=line,
    )
