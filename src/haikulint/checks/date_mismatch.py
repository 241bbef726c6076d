"""date-mismatch: the dates a post gives must agree.

A post can state its date three ways: the date header, date folders in its
path (``posts/2024/05/...``: year, month, day) and an opening dateline in the
body (``May 20, 2024. I'm sitting at my desk...``). When they disagree, one of
them is wrong, and readers, feeds and archives each pick a different one.
Without a usable date header, the path and the dateline are compared.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING

from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import date_header
from haikulint.checks.options import DATE_KEY, Option

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "date-mismatch"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {"key": DATE_KEY}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    header = date_header(post, options)
    if header is None:
        return
    parts = post.slug.date_parts
    dateline = post.dateline
    if header.date is not None:
        stated = f"the {header.key} {header.date.isoformat()}"
        if parts and not agrees_with_path(header.date, parts):
            yield Problem(
                f"{stated} disagrees with the path's date folders {_folders(parts)}; "
                f"expected {_path_for(header.date, len(parts))}",
                line=header.line,
            )
        if dateline is not None and dateline.date != header.date:
            yield Problem(
                f'{stated} disagrees with the body\'s dateline "{dateline.text}" '
                f"(line {dateline.line}), which says {dateline.date.isoformat()}",
                line=header.line,
            )
    elif parts and dateline is not None and not agrees_with_path(dateline.date, parts):
        yield Problem(
            f"the path's date folders {_folders(parts)} disagree with the body's dateline "
            f'"{dateline.text}" (line {dateline.line}), which says '
            f"{dateline.date.isoformat()}",
            line=dateline.line,
        )


def agrees_with_path(day: date, parts: tuple[int, ...]) -> bool:
    """``(2024,)``, ``(2024, 5)`` or ``(2024, 5, 20)`` against a date, as far as they go."""
    return tuple(parts[:3]) == (day.year, day.month, day.day)[: len(parts[:3])]


def _folders(parts: tuple[int, ...]) -> str:
    # The slug keeps numbers, not spellings: show months and days padded, as blogs write them.
    return (
        "/".join(str(part) if index == 0 else f"{part:02d}" for index, part in enumerate(parts))
        + "/"
    )


def _path_for(day: date, depth: int) -> str:
    shown = [str(day.year), f"{day.month:02d}", f"{day.day:02d}"][: min(depth, 3)]
    return "/".join(shown) + "/"
