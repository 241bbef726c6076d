"""Edits that write a header into a post, in the post's own header style.

Used by the checks that know a missing header's value (the date of the dateline, the
title of a bare first line) to yield a fix. Each edit is placed where the blog layer
then reads it as a header: in the front matter (before a TOML table, so the key stays
at the top level), or in the block of ``Key: value`` lines at the top of the post,
which is started after the haiku line when there is none. Every edit is verified by
reading the fixed text back: when the header does not come out as intended, or another
header would change, there is no fix rather than a wrong one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from haikulint.fix.model import Edit
from haikulint.fix.text import SourceLines, apply_edits

if TYPE_CHECKING:
    from haikulint.blog.post import Located, Post

_CONTINUATION = re.compile(r"(?:[ \t]{2,}|\t)\S")
_FENCE = re.compile(r"^[ ]{0,3}(?:```|~~~)", re.MULTILINE)
_TOML_TABLE_LINE = re.compile(r"[ \t]*\[")


def stray_header(
    post: Post, key: str, accept: Callable[[str], bool] | None = None
) -> Located | None:
    """A ``Key: value`` line for ``key`` below where headers are read (after the header
    block or the front matter, in the body), outside code fences; its value and line.

    Such a line is meant as the header, but every generator reads it as body text. Only
    the body is searched, with one regular expression, and only for a missing header.
    ``accept`` says which values count (a ``Date:`` line must hold a date).
    """
    from haikulint.blog.post import Located

    if not post.source:
        return None
    source = SourceLines(post.source)
    if post.body_line > source.count:
        return None
    start = source.start(post.body_line)
    pattern = re.compile(
        rf"^{re.escape(key)}[ \t]*:[ \t]*(\S[^\r\n]*?)[ \t]*\r?$", re.MULTILINE | re.IGNORECASE
    )
    for match in pattern.finditer(post.source, start):
        fences = len(_FENCE.findall(post.source, start, match.start()))
        if fences % 2 == 0 and (accept is None or accept(match.group(1))):
            return Located(match.group(1), source.line_of(match.start()))
    return None


def header_text(style: str, key: str, value: str | date, *, capitalized: bool = True) -> str:
    """One header line (no line ending) setting ``key`` to ``value`` in ``style``.

    Written by each format's own serializer, so any text reads back as itself: YAML
    quotes what needs quoting, TOML writes a date as a date, JSON escapes.
    """
    if style == "yaml":
        import yaml

        shown = value.isoformat() if isinstance(value, date) else value
        dumped: str = yaml.safe_dump(
            {key: shown}, allow_unicode=True, width=1_000_000_000, default_style=None
        )
        if isinstance(value, date):
            dumped = f"{key}: {value.isoformat()}\n"
        return dumped.rstrip("\n")
    if style == "toml":
        import tomli_w

        return tomli_w.dumps({key: value}).rstrip("\n")
    if style == "json":
        shown = value.isoformat() if isinstance(value, date) else value
        return f"{json.dumps(key)}: {json.dumps(shown, ensure_ascii=False)}"
    shown = value.isoformat() if isinstance(value, date) else value
    return f"{key.capitalize() if capitalized else key}: {shown}"


def set_header(
    post: Post, key: str, value: str | date, *, remove_line: int | None = None
) -> tuple[Edit, ...] | None:
    """Edits that give ``post`` the header ``key`` = ``value``; None when they cannot be
    made soundly. ``remove_line`` is a line of the post to take out at the same time
    (the bare title line that becomes the header): a move, not a copy."""
    source = SourceLines(post.source)
    edits = _header_edits(post, source, key, value, remove_line)
    if edits is None or not _reads_back(post, edits, key, value, remove_line):
        return None
    return edits


def _header_edits(
    post: Post, source: SourceLines, key: str, value: str | date, remove_line: int | None
) -> tuple[Edit, ...] | None:
    style = post.header_style
    if style in ("yaml", "toml", "json"):
        if key in post.headers:
            return None  # an empty value in front matter: rewriting YAML in place is risky
        inserted = _front_matter_insertion(post, source, key, value)
    else:
        line = post.header_lines.get(key) if style == "pelican" else None
        if remove_line is not None and remove_line in post.header_lines.values():
            line = remove_line  # a title line read as another key: it becomes the title
        if line is not None:
            # an empty ``Title:`` line: write the value on it
            text = header_text("pelican", key, value, capitalized=_capitalized(source, line))
            replaced = Edit(source.start(line), source.end(line), text)
            return _with_removal(source, (replaced,), None if line == remove_line else remove_line)
        inserted = _block_insertion(post, source, key, value)
    if inserted is None:
        return None
    if remove_line is not None and inserted.start == source.start(remove_line):
        # the header goes just where the line was: replace the line's text in place
        return (
            Edit(
                source.start(remove_line),
                source.end(remove_line),
                inserted.replacement.rstrip("\r\n"),
            ),
        )
    return _with_removal(source, (inserted,), remove_line)


def _with_removal(
    source: SourceLines, edits: Sequence[Edit], remove_line: int | None
) -> tuple[Edit, ...]:
    if remove_line is None:
        return tuple(edits)
    removal = Edit(source.start(remove_line), source.end_with_ending(remove_line))
    if any(edit.start <= removal.end and removal.start <= edit.end for edit in edits):
        return tuple(edits)  # cannot happen for a line outside the header block
    return (*edits, removal)


def _capitalized(source: SourceLines, line: int) -> bool:
    return source.content(line)[:1].isupper()


def _front_matter_insertion(
    post: Post, source: SourceLines, key: str, value: str | date
) -> Edit | None:
    if post.header_style == "json":
        return _json_insertion(source, key, value)
    closing = _closing_fence(post)
    if closing is None:
        return None
    before = closing
    if post.header_style == "toml":
        before = next(
            (n for n in range(2, closing) if _TOML_TABLE_LINE.match(source.content(n))), closing
        )
    text = header_text(post.header_style, key, value)
    return Edit(source.start(before), source.start(before), text + source.newline)


def _closing_fence(post: Post) -> int | None:
    from haikulint.blog.frontmatter_loading import read_front_matter

    text = post.source.removeprefix("\ufeff").replace("\r\n", "\n")
    front = read_front_matter(text)
    if front is None or front.error is not None or front.body_start is None:
        return None
    return front.body_line - 1


def _json_insertion(source: SourceLines, key: str, value: str | date) -> Edit | None:
    text = source.text
    opening = text.find("{")
    if opening < 0:
        return None
    member = header_text("json", key, value)
    after = text[opening + 1 :]
    if after.lstrip(" \t").startswith("}"):
        return Edit(opening + 1, opening + 1, member)
    first_line = source.line_of(opening)
    if not text[opening + 1 : source.end(first_line)].strip() and first_line < source.count:
        following = source.content(first_line + 1)
        indent = following[: len(following) - len(following.lstrip(" \t"))] or "  "
        start = source.start(first_line + 1)
        return Edit(start, start, f"{indent}{member},{source.newline}")
    return Edit(opening + 1, opening + 1, f"{member}, ")


def _block_insertion(post: Post, source: SourceLines, key: str, value: str | date) -> Edit | None:
    """Where a ``Key: value`` line goes: after the header block's last line, or, with no
    block, where a block would start (the first line after the haiku line and blanks)."""
    if post.header_lines:
        last = max(post.header_lines.values())
        while last < source.count and _CONTINUATION.match(source.content(last + 1)):
            last += 1
        text = header_text("pelican", key, value, capitalized=_capitalized(source, last))
        return _insert_after(source, last, text)
    text = header_text("pelican", key, value)
    line = 1
    if post.haiku is not None and post.haiku.line >= 1:
        line = post.haiku.line + 1
    while line <= source.count and not source.content(line).strip():
        line += 1
    if line > source.count:
        return _insert_after(source, source.count, text) if source.count else None
    # a new block is kept apart from the body by a blank line
    start = source.start(line)
    return Edit(start, start, text + source.newline + source.newline)


def _insert_after(source: SourceLines, line: int, text: str) -> Edit:
    end = source.end_with_ending(line)
    if source.ending(line):
        return Edit(end, end, text + source.newline)
    return Edit(end, end, source.newline + text)


def _reads_back(
    post: Post,
    edits: Sequence[Edit],
    key: str,
    value: str | date,
    remove_line: int | None,
) -> bool:
    """Whether the fixed text reads with ``key`` = ``value`` and every other header as
    it was: the edit is where the blog layer looks, and it broke nothing."""
    from haikulint.blog.post import read_text

    fixed = read_text(apply_edits(post.source, edits))
    if fixed.front_matter_error is not None:
        return False
    if post.header_style != "none" and fixed.header_style != post.header_style:
        return False
    wanted = value.isoformat() if isinstance(value, date) else value
    got = fixed.headers.get(key)
    got_text = got.isoformat() if isinstance(got, date) else got
    if got_text != wanted:
        return False
    others = {
        name: found
        for name, found in post.headers.items()
        if name != key and post.header_lines.get(name) != remove_line
    }
    return all(fixed.headers.get(name) == found for name, found in others.items())
