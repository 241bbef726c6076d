"""Rewriting the haiku a post repeats (a first body line ``a / b / c``, or a ``haiku``
header on one line) so that it tells the poem of the post's slug."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from haikulint.blog.post import HAIKU_SEPARATOR
from haikulint.blog.spelling import slug_words
from haikulint.fix.model import Edit
from haikulint.fix.text import SourceLines, apply_edits

if TYPE_CHECKING:
    from haikulint.blog.post import Post


def haiku_edit(post: Post, lines: Sequence[str]) -> Edit | None:
    """The edit that makes ``post``'s written haiku read ``lines``; None when the haiku
    is not written on one line of the file (a YAML list, continued header lines), or
    the fixed file would not read back so."""
    if post.haiku is None or not post.source:
        return None
    source = SourceLines(post.source)
    if not 1 <= post.haiku.line <= source.count:
        return None
    content = source.content(post.haiku.line)
    at = content.find(post.haiku.text)
    if at < 0 or content.find(post.haiku.text, at + 1) >= 0:
        return None
    wanted = HAIKU_SEPARATOR.join(lines)
    start = source.start(post.haiku.line) + at
    edit = Edit(start, start + len(post.haiku.text), wanted)
    from haikulint.blog.post import read_text

    fixed = read_text(apply_edits(post.source, [edit]))
    if fixed.haiku is None or fixed.haiku.text != wanted:
        return None
    if {**fixed.headers, "haiku": None} != {**post.headers, "haiku": None}:
        return None  # the edit spilled into another header
    return edit


def lines_from_slug(post: Post) -> list[str]:
    """The slug's poem, keeping each written line that already says the slug's words
    (its capitals and punctuation), and spelling the others from the slug."""
    in_slug = [" ".join(slug_words(line)) for line in post.slug.lines]
    written = post.haiku.text.split(HAIKU_SEPARATOR) if post.haiku is not None else []
    if len(written) != len(in_slug):
        return in_slug
    return [
        mine.strip() if " ".join(slug_words(mine)) == theirs else theirs
        for mine, theirs in zip(written, in_slug, strict=True)
    ]
