"""header-required: a header (``title``, ``date``, or any key a rule names) must be there.

A header counts when the front matter (YAML, TOML, JSON) or a ``Key: value``
header line sets it to something non-empty. The rule's options say which key,
whether it must be text, and where to look for a value to suggest:

* ``suggest-from = "first-line"``: a bare first line (``Reflections on a Month``)
  is not a title header, but it is very likely meant as one;
* ``suggest-from = "dateline"``: a body that opens with ``April 24, 2023 - Today``
  tells what the missing date header should say.

Posts that are unreadable or whose front matter is invalid are left to
unreadable-file and front-matter-invalid.

Fix (safe): when the value is evident (the dateline's date; a bare first line or first
``# Heading`` read as the title, or the first line of a header block read as another
key), the header is written in the post's own style where it is then read, and a title
line is moved into it (see :mod:`haikulint.fix.headers`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING

from haikulint.blog.post import KNOWN_HEADER_KEYS, value_kind
from haikulint.blog.slug import JEKYLL_POSTS
from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import (
    header_example,
    headers_usable,
    quoted_header_example,
    value_as_text,
)
from haikulint.checks.options import (
    Option,
    choice,
    parse_bool,
    parse_key,
    parse_keys,
    text_option,
)
from haikulint.fix.model import Fix

if TYPE_CHECKING:
    from haikulint.blog.post import Post
    from haikulint.fix.headers import StrayHeader

KIND = "header-required"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {
    "key": Option(
        help="The header that must be present, e.g. title or tags.", parse=parse_key, required=True
    ),
    "text": Option(
        help="The value must be text (not a list or a number).", parse=parse_bool, default=False
    ),
    "also": Option(
        help="Other headers that stand for this one when it is missing (Hugo dates a post "
        "by publishDate when it has no date).",
        parse=parse_keys,
        default=(),
    ),
    "suggest-from": Option(
        help='Where to find a value to suggest: "first-line", "dateline" or "none".',
        parse=choice("first-line", "dateline", "none"),
        default="none",
    ),
}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    if not headers_usable(post):
        return
    key = text_option(options, "key")
    if key == "date" and post.slug.file_date is not None:
        return  # the file name's date is the post's date, as Jekyll reads it
    also = options.get("also") or ()
    assert isinstance(also, tuple)
    if key not in post.headers and any(not _is_empty(post.headers.get(other)) for other in also):
        return  # e.g. Hugo's publishDate: the generator dates the post by it
    if key not in post.headers:
        problem = _missing(post, key, text_option(options, "suggest-from"))
        if key == "date" and post.slug.dated_names and JEKYLL_POSTS in post.path.parts:
            problem = _undated_file_name(post, problem)
        yield problem
        return
    value = post.headers[key]
    line = post.header_lines.get(key)
    if _is_empty(value):
        yield Problem(
            f"the {key} header is empty; give it a value",
            line=line,
            fix=_fix(post, key, text_option(options, "suggest-from")),
        )
    elif options.get("text") and not isinstance(value, str):
        yield Problem(_not_text(post, key, value), line=line)


def _not_text(post: Post, key: str, value: object) -> str:
    """``the title header is a number, expected text; quote it: title: "2024" ...``."""
    said = f"the {key} header is {value_kind(value)}, expected text"
    text = value_as_text(value)
    if isinstance(value, bool) and post.header_style == "yaml":
        # The writer may have typed yes, on or True: the word itself is lost.
        said += " (YAML reads an unquoted yes, no, on, off, true or false so)"
        return f"{said}; quote the word: {quoted_header_example(post, key, '...')}"
    if text is None:
        return f"{said}; write it as one line of text: {quoted_header_example(post, key, '...')}"
    if isinstance(value, list | tuple):
        return f"{said}; write it as one line: {quoted_header_example(post, key, text)}"
    return f"{said}; quote it: {quoted_header_example(post, key, text)}"


def _missing(post: Post, key: str, suggest_from: str) -> Problem:
    from haikulint.fix.headers import near_header, stray_header

    stray = stray_header(post, key, _is_date if key == "date" else None)
    if stray is not None:
        return _misplaced(post, key, stray)
    first = post.first_line
    near = near_header(first.text) if first is not None else None
    if post.first_line_read_as is None and near is not None and near[0] in KNOWN_HEADER_KEYS:
        first = None  # "**Date:** 2024-03-05" is another header written wrong, not a title
    if suggest_from == "first-line" and first is not None:
        if post.first_line_read_as is not None:
            said = (
                f'the line "{first.text}" (line {first.line}) was read as a header '
                f"{post.first_line_read_as!r}; if it is the {key},"
            )
        else:
            said = f'the bare line "{first.text}" (line {first.line}) is not a header;'
        return Problem(
            f"no {key} header: {said} write it as {header_example(post, key, first.text)}",
            line=first.line,
            fix=_fix(post, key, suggest_from),
        )
    if suggest_from == "dateline" and post.dateline is not None:
        dateline = post.dateline
        return Problem(
            f'no {key} header; the body opens with the date "{dateline.text}" '
            f"(line {dateline.line}): add {_placed(post, key, dateline.date)}",
            line=dateline.line,
            fix=_fix(post, key, suggest_from),
        )
    return Problem(f"no {key} header; add {_placed(post, key, None)}")


def _placed(post: Post, key: str, value: date | str | None) -> str:
    """``Date: 2024-03-05 into the header block, after the Title: line (line 3)``: the
    header and where it goes, the place the fix would write it (see
    :func:`haikulint.fix.headers.header_placement`). ``value`` None: a placeholder."""
    from haikulint.fix.headers import header_placement

    placeholder = "YYYY-MM-DD" if key == "date" else "..."
    shown = header_example(post, key, placeholder if value is None else str(value), quote=False)
    if value is None and key != "date":
        shown = header_example(post, key, placeholder)
    placement = header_placement(post, key, placeholder if value is None else value)
    if placement is None:
        return shown
    return f"{shown.split(' in the ', 1)[0]} {placement.where}"


def _misplaced(post: Post, key: str, stray: StrayHeader) -> Problem:
    """A ``Key: value`` line for the header where it is not read as one: below the header
    block or the front matter, or written slightly wrong (``# Title: X``)."""
    from haikulint.blog.dates import parse_date
    from haikulint.fix.headers import FORM_PROBLEMS, header_placement, header_text, set_header

    value: str | date = stray.value
    if key == "date":
        with contextlib.suppress(ValueError):  # a rule with another key: moved as written
            value = parse_date(stray.value)
    edits = set_header(post, key, value, remove_line=stray.line)
    style = post.header_style if post.header_style != "none" else "pelican"
    shown = header_text(style, key, value)
    said = f'the line "{stray.written.strip()}" (line {stray.line})'
    reason = FORM_PROBLEMS[stray.form] if stray.form is not None else _out_of_place(post, stray)
    placement = header_placement(post, key, value)
    if placement is None:
        written = value.isoformat() if isinstance(value, date) else value
        advice = f"write it as {header_example(post, key, written)}"
    elif placement.line == stray.line and stray.line >= post.body_line:
        advice = f"write it there as {shown}"
    else:
        advice = f"move it {_to(placement.where)}: {shown}"
    return Problem(
        f"no {key} header: {said} {reason}; {advice}",
        line=stray.line,
        fix=Fix(f"move it: {shown}", edits) if edits is not None else None,
    )


def _out_of_place(post: Post, stray: StrayHeader) -> str:
    """Why a well-formed ``Key: value`` line at ``stray`` is not read as a header."""
    if post.header_style in ("yaml", "toml", "json"):
        fence = _FENCES[post.header_style]
        return (
            f"is below the {fence} front matter, and a post with front matter takes its "
            "headers from the front matter only"
        )
    from haikulint.fix.headers import near_header
    from haikulint.fix.text import SourceLines

    source = SourceLines(post.source)
    wrong: int | None = None
    for number in range(max(post.body_line, 1), min(stray.line, source.count + 1)):
        content = source.content(number)
        if not content.strip():
            continue
        if near_header(content) is None:
            return f"is after body text (line {number}), so it is not read as a header"
        if wrong is None:
            wrong = number
    if wrong is not None:
        return (
            f"follows line {wrong}, which is not a header line, so no header block starts above it"
        )
    if post.header_lines_at == "top":
        if post.header_lines:
            return (
                "is below the blank line that ends the header block "
                '(with header-lines = "top", the first blank line ends it)'
            )
        return (
            'is not on line 1, and with header-lines = "top" header lines are read only '
            "from the first line of the file down to the first blank line"
        )
    return "is not where header lines are read"


def _to(where: str) -> str:
    """``into the header block, ...`` as it reads after "move it": ``on line 3`` becomes
    ``to line 3``."""
    if where.startswith("on line "):
        return "to line " + where.removeprefix("on line ")
    if where.startswith("at the top"):
        return "to the top" + where.removeprefix("at the top")
    return where


def _undated_file_name(post: Post, problem: Problem) -> Problem:
    """Below Jekyll's ``_posts``, the date header alone does not publish a post: its file
    name must start with its date (Jekyll passes over any other file there)."""
    from dataclasses import replace

    day = post.dateline.date.isoformat() if post.dateline is not None else "YYYY-MM-DD"
    name = f"{day}-{post.slug.lines[-1] if post.slug.lines else 'title'}{post.slug.extension}"
    return replace(
        problem,
        message=f"{problem.message}; and Jekyll publishes a post below {JEKYLL_POSTS}/ only "
        f"when its file name starts with its date: name it {name}",
    )


def _is_date(text: str) -> bool:
    from haikulint.blog.dates import parse_date

    try:
        parse_date(text)
    except ValueError:
        return False
    return True


_FENCES = {"yaml": "---", "toml": "+++", "json": "JSON"}


def _fix(post: Post, key: str, suggest_from: str) -> Fix | None:
    """The header written from the evident value, or None when there is none."""
    from haikulint.fix.headers import header_text, set_header

    value: str | date
    if suggest_from == "dateline" and post.dateline is not None:
        value = post.dateline.date
        edits = set_header(post, key, value)
    elif suggest_from == "first-line" and post.first_line is not None:
        value = post.first_line.text
        if not any(char.isalnum() for char in value):
            return None  # "---" or ":" is no title, whatever the check makes of it
        edits = set_header(post, key, value, remove_line=post.first_line.line)
    else:
        return None
    if edits is None:
        return None
    style = post.header_style if post.header_style != "none" else "pelican"
    return Fix(f"write {header_text(style, key, value)}", edits)


def _is_empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | tuple | dict) and not value
