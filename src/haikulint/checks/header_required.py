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

from haikulint.blog.post import value_kind
from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import (
    header_example,
    headers_usable,
    quoted_header_example,
    value_as_text,
)
from haikulint.checks.options import Option, choice, parse_bool, parse_key, text_option
from haikulint.fix.model import Fix

if TYPE_CHECKING:
    from haikulint.blog.post import Located, Post

KIND = "header-required"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {
    "key": Option(
        help="The header that must be present, e.g. title or tags.", parse=parse_key, required=True
    ),
    "text": Option(
        help="The value must be text (not a list or a number).", parse=parse_bool, default=False
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
    if key not in post.headers:
        yield _missing(post, key, text_option(options, "suggest-from"))
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
    from haikulint.fix.headers import stray_header

    stray = stray_header(post, key, _is_date if key == "date" else None)
    if stray is not None:
        return _misplaced(post, key, stray)
    if suggest_from == "first-line" and post.first_line is not None:
        first = post.first_line
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
        value = dateline.date.isoformat()
        return Problem(
            f'no {key} header; the body opens with the date "{dateline.text}" '
            f"(line {dateline.line}): add {header_example(post, key, value, quote=False)}",
            line=dateline.line,
            fix=_fix(post, key, suggest_from),
        )
    return Problem(f"no {key} header; add {header_example(post, key, '...')}")


def _misplaced(post: Post, key: str, stray: Located) -> Problem:
    """A ``Key: value`` line for the header, below where headers are read."""
    from haikulint.blog.dates import parse_date
    from haikulint.fix.headers import header_text, set_header

    value: str | date = stray.text
    if key == "date":
        with contextlib.suppress(ValueError):  # a rule with another key: moved as written
            value = parse_date(stray.text)
    if post.header_style in ("yaml", "toml", "json"):
        where = f"the {_FENCES[post.header_style]} front matter"
    else:
        where = "the header block at the top" if post.header_lines else "the top of the post"
    edits = set_header(post, key, value, remove_line=stray.line)
    style = post.header_style if post.header_style != "none" else "pelican"
    shown = header_text(style, key, value)
    return Problem(
        f'no {key} header: the line "{key.capitalize()}: {stray.text}" (line {stray.line}) '
        f"is in the body, where no generator reads it; move it to {where}: {shown}",
        line=stray.line,
        fix=Fix(f"move it: {shown}", edits) if edits is not None else None,
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
