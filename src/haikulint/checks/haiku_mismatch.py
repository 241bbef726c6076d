"""haiku-mismatch: the haiku written in the post must be the haiku of its slug.

Posts often repeat their haiku, in a ``haiku:`` front matter key or as a first
body line ``a / b / c``. After an edit to one of them, the post's address and
its text tell different poems. The two are compared as slug words: case,
punctuation, accents and apostrophes do not matter (``I'm`` matches ``im``).

Fix (unsafe: the post's words change): rewrite the written haiku from the slug,
keeping each written line that already agrees with it (see :mod:`haikulint.fix.haiku`).
The slug is taken as the truth, since it is the post's address.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from haikulint.blog.post import HAIKU_SEPARATOR
from haikulint.blog.spelling import slug_words
from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import headers_usable, plural
from haikulint.checks.options import Option
from haikulint.fix.model import Applicability, Fix
from haikulint.prosody.tokenize import is_plain_poem, split_lines, split_text_lines

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "haiku-mismatch"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    if not headers_usable(post) or post.haiku is None or not post.slug.lines:
        return  # a file named only ".md" has no slug to compare: slug-lines says so
    in_slug = [slug_words(line) for line in post.slug.lines]
    if _plainly_the_same(post.haiku.text, in_slug):
        return
    # Read as free text, a ``/`` inside a line stays (``we blamed tcp/ip``), as
    # ``haikulint syllables`` reads it; read as a path, every ``/`` breaks a line. Either
    # reading that tells the slug's poem will do; the second is rarely needed.
    written = _words(split_text_lines(post.haiku.text))
    if written == in_slug or _words(split_lines(post.haiku.text)) == in_slug:
        return
    if len(written) != len(in_slug):
        detail = f"it has {plural(len(written), 'line')}, the slug {len(in_slug)}"
    else:
        number, mine, theirs = next(
            (index, a, b)
            for index, (a, b) in enumerate(zip(written, in_slug, strict=True), start=1)
            if a != b
        )
        detail = f'line {number} reads "{" ".join(mine)}", the slug "{"-".join(theirs)}"'
    yield Problem(
        f'the haiku in the post "{post.haiku.text}" differs from its slug ({detail}); '
        "make them the same poem",
        line=post.haiku.line,
        fix=_fix(post),
    )


def _fix(post: Post) -> Fix | None:
    from haikulint.fix.haiku import haiku_fix_edits, lines_from_slug

    lines = lines_from_slug(post)
    edits = haiku_fix_edits(post, lines)
    if edits is None:
        return None
    return Fix(
        f'rewrite the haiku as "{HAIKU_SEPARATOR.join(lines)}"',
        edits,
        applicability=Applicability.UNSAFE,
    )


def _plainly_the_same(text: str, in_slug: list[tuple[str, ...]]) -> bool:
    """Whether ``text``, a haiku of plain words (ASCII letters and spaces, lines apart by
    `` / ``), spells the slug's words ``in_slug``, line for line.

    A shortcut for the usual post, whose haiku is its slug's (1.6 us rather than 5): it
    says yes only when splitting the text would give ``in_slug``. Its words, lowercased
    and joined by one space, are then the slug's lines joined by `` / `` (a word is never
    ``/``, and no slug line is without words, so no line is dropped or split otherwise).
    Any other text, or a slug line without words, is left to the full comparison."""
    if not is_plain_poem(text) or not all(in_slug):
        return False
    return " ".join(text.lower().split()) == " / ".join(map(" ".join, in_slug))


def _words(lines: list[str]) -> list[tuple[str, ...]]:
    """Each line's slug words; lines with none (``/ a / b``: the empty first) left out."""
    return [words for words in map(slug_words, lines) if words]
