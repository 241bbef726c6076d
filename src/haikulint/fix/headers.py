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
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from haikulint.fix.model import Edit
from haikulint.fix.text import SourceLines, apply_edits

if TYPE_CHECKING:
    from haikulint.blog.post import Post

_CONTINUATION = re.compile(r"(?:[ \t]{2,}|\t)\S")
_FENCE = re.compile(r"^[ ]{0,3}(?:```|~~~)", re.MULTILINE)
_TOML_TABLE_LINE = re.compile(r"[ \t]*\[")
_EMPTY_VALUE = {
    "yaml": r"""{key}:[ \t]*(?P<value>""|''|~|null|Null|NULL)?[ \t]*""",
    "toml": r"""{key}[ \t]*=[ \t]*(?P<value>""|'')[ \t]*""",
    "json": r"""[ \t]*"{key}"[ \t]*:[ \t]*(?P<value>""|null)[ \t]*,?[ \t]*""",
}
"""A front matter line holding ``key`` with an empty value, the value alone on it (in
JSON, one member alone on its line, indented, maybe followed by its comma)."""


@dataclass(frozen=True)
class StrayHeader:
    """A line that is meant as a header but is not read as one: its value, its line, the
    line as written, and what is wrong with its form (None when it is a proper
    ``Key: value`` line that only stands in the wrong place)."""

    value: str
    line: int
    written: str
    form: str | None = None


FORM_PROBLEMS = {
    "heading": "is a Markdown heading, not a header line (a header line starts with its key)",
    "emphasis": "has its key in bold or italics, so it is not read as a header",
    "indented": "starts with spaces, so it is not read as a header (its key must start the line)",
    "spaced": "has a space before its colon, so it is not read as a header",
}
"""Why a line in the form :func:`near_header` accepts is not a header line, per form."""


def near_header(line: str, key: str | None = None) -> tuple[str, str, str | None] | None:
    """``line`` read as a header line, or as one written slightly wrong: (lowercased key,
    value, form problem or None). ``# Title: X``, ``**Title:** X``, `` Title: X`` and
    ``Title : X`` give ``("title", "X", "heading" | "emphasis" | "indented" | "spaced")``.
    With ``key``, only that key counts. None for anything else (and for an empty value)."""
    match = _NEAR_HEADER.match(line)
    if match is None or (key is not None and match.group("key").lower() != key):
        return None
    value = match.group("value")
    if match.group("hashes"):
        form: str | None = "heading"
    elif match.group("open") or match.group("close") or match.group("after"):
        form = "emphasis"
    elif match.group("lead"):
        form = "indented"
    elif match.group("space"):
        form = "spaced"
    else:
        form = None
    return match.group("key").lower(), value, form


_NEAR_HEADER = re.compile(
    r"(?P<lead>[ ]{0,3})(?P<hashes>\#{1,6}[ \t]+)?(?P<open>[*_]{1,3})?"
    r"(?P<key>[A-Za-z][A-Za-z0-9-]*(?:_[A-Za-z0-9-]+)*)(?P<close>[*_]{1,3})?"
    r"(?P<space>[ \t]*):(?P<after>[*_]{1,3})?"
    r"[ \t]*(?P<value>\S[^\r\n]*?)[ \t]*\r?\Z"
)


def stray_header(
    post: Post, key: str, accept: Callable[[str], bool] | None = None
) -> StrayHeader | None:
    """A ``Key: value`` line for ``key`` below where headers are read (after the header
    block or the front matter, in the body), outside code fences, or one written slightly
    wrong (:func:`near_header`: ``# Title: X``, ``**Date:** 2024-03-05``).

    Such a line is meant as the header, but every generator reads it as body text. Only
    the body is searched, with one regular expression, and only for a missing header.
    ``accept`` says which values count (a ``Date:`` line must hold a date).
    """
    if not post.source:
        return None
    source = SourceLines(post.source)
    if post.body_line > source.count:
        return None
    start = source.start(post.body_line)
    pattern = re.compile(
        rf"^[ ]{{0,3}}(?:\#{{1,6}}[ \t]+)?[*_]{{0,3}}{re.escape(key)}[*_]{{0,3}}[ \t]*:",
        re.MULTILINE | re.IGNORECASE,
    )
    for match in pattern.finditer(post.source, start):
        line = source.line_of(match.start())
        written = source.content(line)
        found = near_header(written, key)
        if found is None or (accept is not None and not accept(found[1])):
            continue
        if len(_FENCE.findall(post.source, start, match.start())) % 2 == 0:
            return StrayHeader(found[1], line, written, found[2])
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
    if style not in ("yaml", "toml", "json"):
        line = post.header_lines.get(key) if style == "pelican" else None
        if remove_line is not None and remove_line in post.header_lines.values():
            line = remove_line  # a title line read as another key: it becomes the title
        if line is not None:
            # an empty ``Title:`` line: write the value on it
            text = header_text("pelican", key, value, capitalized=_capitalized(source, line))
            replaced = Edit(source.start(line), source.end(line), text)
            return _with_removal(source, (replaced,), None if line == remove_line else remove_line)
    if style in _EMPTY_VALUE and key in post.headers:
        # an empty title in front matter (``title:``, ``title: ""``, ``title: ~``,
        # ``title = ''``, JSON's ``"title": "",``): write the value on its line, and only
        # on a line that is the key and an empty value (no comment, no flow or block
        # value to rewrite, in JSON no other member)
        line = post.header_lines.get(key)
        empty = _EMPTY_VALUE[style].format(key=re.escape(key))
        found = re.fullmatch(empty, source.content(line)) if line is not None else None
        if line is None or found is None:
            return None
        if style == "json":  # the value alone: the indent and the comma stay
            start = source.start(line) + found.start("value")
            written = json.dumps(
                value.isoformat() if isinstance(value, date) else value, ensure_ascii=False
            )
            replaced = Edit(start, start + len(found.group("value")), written)
        else:
            replaced = Edit(source.start(line), source.end(line), header_text(style, key, value))
        return _with_removal(source, (replaced,), remove_line)
    placement = _placement(post, source, key, value)
    if placement is None:
        return None
    inserted = placement.edit
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


@dataclass(frozen=True)
class Placement:
    """Where a missing header is written: the edit that writes it, and the same place in
    words for a message (``in the header block, after the Title: line (line 3)``).

    The one answer to "where does this header go", used by the fix that writes it and by
    the message that tells the writer where to add it, so the two never disagree.
    """

    edit: Edit
    where: str
    """The place in words, line numbers of the post as it is now."""
    line: int
    """The line the header stands on once written."""


def header_placement(post: Post, key: str, value: str | date) -> Placement | None:
    """Where header ``key`` = ``value`` goes in ``post`` (which lacks it); None when it
    cannot be placed soundly (unclosed front matter, an empty front matter key)."""
    return _placement(post, SourceLines(post.source), key, value)


def _placement(post: Post, source: SourceLines, key: str, value: str | date) -> Placement | None:
    if not post.source or any(line > source.count for line in post.header_lines.values()):
        return None  # a post made in memory, not read from a text
    if post.header_style in ("yaml", "toml", "json"):
        if key in post.headers:
            return None  # an empty value in front matter: rewriting YAML in place is risky
        if post.header_style == "json":
            return _json_placement(source, key, value)
        return _front_matter_placement(post, source, key, value)
    return _block_placement(post, source, key, value)


_FENCE_OF = {"yaml": "---", "toml": "+++"}


def _front_matter_placement(
    post: Post, source: SourceLines, key: str, value: str | date
) -> Placement | None:
    closing = _closing_fence(post)
    if closing is None:
        return None
    fence = _FENCE_OF[post.header_style]
    before = closing
    where = f"inside the {fence} front matter, after {_line_named(post, source, closing - 1)}"
    if post.header_style == "toml":
        table = next(
            (n for n in range(2, closing) if _TOML_TABLE_LINE.match(source.content(n))), None
        )
        if table is not None:
            before = table
            shown = source.content(table).strip()
            where = f"inside the {fence} front matter, before its {shown} table (line {table})"
    text = header_text(post.header_style, key, value)
    edit = Edit(source.start(before), source.start(before), text + source.newline)
    return Placement(edit, where, before)


def _line_named(post: Post, source: SourceLines, line: int) -> str:
    """``the title: line (line 2)``, ``its opening --- (line 1)`` or ``line 5``: a line of
    the post, named by the header it holds when it holds one."""
    content = source.content(line).strip()
    if line == 1 and content in ("---", "+++"):
        return f"its opening {content} (line 1)"
    for key, number in post.header_lines.items():
        if number == line:
            if post.header_style == "toml":
                return f"the {key} = line (line {line})"
            if post.header_style == "json":
                return f'the "{key}": line (line {line})'
            written = content.split(":", 1)[0].strip() if ":" in content else key
            return f"the {written}: line (line {line})"
    return f"line {line}"


def _closing_fence(post: Post) -> int | None:
    from haikulint.blog.frontmatter_loading import read_front_matter

    text = post.source.removeprefix("\ufeff").replace("\r\n", "\n")
    front = read_front_matter(text)
    if front is None or front.error is not None or front.body_start is None:
        return None
    return front.body_line - 1


def _json_placement(source: SourceLines, key: str, value: str | date) -> Placement | None:
    text = source.text
    opening = text.find("{")
    if opening < 0:
        return None
    member = header_text("json", key, value)
    first_line = source.line_of(opening)
    where = f"inside the JSON front matter, just after its opening {{ (line {first_line})"
    after = text[opening + 1 :]
    if after.lstrip(" \t").startswith("}"):
        return Placement(Edit(opening + 1, opening + 1, member), where, first_line)
    if not text[opening + 1 : source.end(first_line)].strip() and first_line < source.count:
        following = source.content(first_line + 1)
        indent = following[: len(following) - len(following.lstrip(" \t"))] or "  "
        start = source.start(first_line + 1)
        where = f"inside the JSON front matter, after its opening {{ (line {first_line})"
        edit = Edit(start, start, f"{indent}{member},{source.newline}")
        return Placement(edit, where, first_line + 1)
    return Placement(Edit(opening + 1, opening + 1, f"{member}, "), where, first_line)


def _block_placement(
    post: Post, source: SourceLines, key: str, value: str | date
) -> Placement | None:
    """Where a ``Key: value`` line goes: after the header block's last line, or, with no
    block, where a block would start: the first line after the haiku line and blanks, or
    line 1 when header lines are read only from the top (``header-lines = "top"``)."""
    if post.header_lines:
        last = max(post.header_lines.values())
        while last < source.count and _CONTINUATION.match(source.content(last + 1)):
            last += 1
        text = header_text("pelican", key, value, capitalized=_capitalized(source, last))
        where = f"into the header block, after {_line_named(post, source, last)}"
        return Placement(_insert_after(source, last, text), where, last + 1)
    text = header_text("pelican", key, value)
    line = 1
    haiku_line = post.haiku.line if post.haiku is not None and post.haiku.line >= 1 else None
    if post.header_lines_at == "top":
        haiku_line = None  # above the haiku line, or it would end the block before it starts
    elif haiku_line is not None:
        line = haiku_line + 1
    while (
        post.header_lines_at != "top" and line <= source.count and not source.content(line).strip()
    ):
        line += 1
    after = f", after the haiku line (line {haiku_line})" if haiku_line is not None else ""
    if line > source.count:
        if not source.count:
            return None
        where = f"on line {source.count + 1}{after}, as the post's header block"
        return Placement(_insert_after(source, source.count, text), where, source.count + 1)
    # a new block is kept apart from the body by a blank line
    start = source.start(line)
    above = "at the top of the post" if line == 1 else f"on line {line}{after}"
    where = f"{above}, as a header block above the body"
    return Placement(Edit(start, start, text + source.newline + source.newline), where, line)


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

    fixed = read_text(apply_edits(post.source, edits), header_lines=post.header_lines_at)
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
