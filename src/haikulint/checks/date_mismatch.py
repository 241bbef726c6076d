"""date-mismatch: the dates a post gives must agree.

A post can state its date three ways: the date header, date folders in its
path (``posts/2024/05/...`` or ``posts/2024-05/...``: year, month, day) and an
opening dateline in the body (``May 20, 2024. I'm sitting at my desk...``). When
they disagree, one of them is wrong, and readers, feeds and archives each pick a
different one. Without a usable date header, the path and the dateline are compared.

A post with no date header (and no date in its file name) may be dated by another
header (option ``also``): Hugo dates such a post by its ``publishDate`` (or
``pubdate``, ``published``), so the first of those present stands for the date
header. With both, ``date`` is the post's date and a later ``publishDate`` is fine.

Messages show the date folders as the path spells them (``2024-03/``, ``03/2024/``,
``0000/``), and the expected ones in the same shape: ``2024-05/`` for ``2024-03/``,
``2024/5/`` for ``2024/3/``. Date parts after the day (``2024/03/05/07``) are not
compared, and are kept as written in the expected folders.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import (
    FILE_NAME_DATE_SAID,
    DateValue,
    also_dates,
    date_header,
    file_name_date,
)
from haikulint.checks.options import DATE_KEY, PUBLISH_KEYS, Option

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "date-mismatch"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {"key": DATE_KEY, "also": PUBLISH_KEYS}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    header = _dating_header(post, options)
    if header is None:
        return
    parts = post.slug.date_parts
    folders = post.slug.date_folders
    dateline = post.dateline
    named = file_name_date(post)[0] if header.key == "date" else None
    if header.date is not None and named is not None and named != header.date:
        yield Problem(
            f"the {header.key} {header.date.isoformat()} disagrees with {FILE_NAME_DATE_SAID} "
            f"{named.isoformat()}",
            line=header.line,
        )
    elif header.date is None and named is not None and dateline is not None:
        if dateline.date != named:
            yield Problem(
                f"{FILE_NAME_DATE_SAID} {named.isoformat()} disagrees with the body's dateline "
                f'"{dateline.text}" (line {dateline.line}), which says '
                f"{dateline.date.isoformat()}",
                line=dateline.line,
            )
        return
    if header.date is not None:
        stated = f"the {header.key} {header.date.isoformat()}"
        if parts and not agrees_with_path(header.date, parts):
            yield Problem(
                f"{stated} disagrees with the path's date folders {_shown(folders)}; "
                f"expected {_shown(_expected_folders(header.date, folders))}",
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
            f"the path's date folders {_shown(folders)} disagree with the body's dateline "
            f'"{dateline.text}" (line {dateline.line}), which says '
            f"{dateline.date.isoformat()}",
            line=dateline.line,
        )


def _dating_header(post: Post, options: Mapping[str, object]) -> DateValue | None:
    """The header that dates the post: the date header, or when it is missing (and the
    file name has no date) the first of the ``also`` headers present, as Hugo reads them."""
    header = date_header(post, options)
    if header is None or header.present or file_name_date(post) != (None, None):
        return header
    return next(iter(also_dates(post, options)), header)


def agrees_with_path(day: date, parts: tuple[int, ...]) -> bool:
    """``(2024,)``, ``(2024, 5)`` or ``(2024, 5, 20)`` against a date, as far as they go."""
    return tuple(parts[:3]) == (day.year, day.month, day.day)[: len(parts[:3])]


def _shown(folders: Sequence[str]) -> str:
    """``2024/03/``, ``2024-03/``: the folders as on disk, each followed by ``/``."""
    return "".join(folder + "/" for folder in folders)


def _expected_folders(day: date, folders: Sequence[str]) -> list[str]:
    """``day`` written in the shape of the path's date folders, part for part.

    The year is written whole; a month or day with two digits or more (``03``, ``12``)
    as two digits, one written with one digit (``3``) without padding. A date with
    hyphens stays one folder (``2024-05``); parts after the day are kept as written.
    """
    wanted = (day.year, day.month, day.day)
    expected: list[str] = []
    index = 0
    for folder in folders:
        pieces: list[str] = []
        for piece in folder.split("-"):
            if index >= len(wanted):
                pieces.append(piece)
            elif index == 0:
                pieces.append(str(day.year))
            else:
                pieces.append(str(wanted[index]) if len(piece) == 1 else f"{wanted[index]:02d}")
            index += 1
        expected.append("-".join(pieces))
    return expected
