"""What a cross-post (blog-scope) check may ask of each post: a :class:`PostSummary`.

A blog-scope check compares every post of the blog with every other, so the engine
must hold something for each of them until all are read; a whole :class:`Post` is
about 3 KB, too much for a blog of 100,000 posts. Worker processes read and check
each post, then send the engine only this summary (a few hundred bytes): the post's
display path, its slug's spelling and identity, whether its headers can be trusted, its
suppressions (and what is wrong with them, for the command to warn about), and just the
headers the run's blog-scope rules read. Each blog-scope check module says which headers
those are with ``headers_read(options)``; anything else of a post is out of a blog-scope
check's reach.
"""

from __future__ import annotations

import sys
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from haikulint.checks._common import headers_usable

if TYPE_CHECKING:
    from haikulint.blog.post import Post

HeaderEntry = tuple[str, object, int | None]
"""A header's key (lowercased), its value and its 1-based line where known."""


@dataclass(frozen=True, slots=True)
class PostSummary:
    """One post as the cross-post checks see it. Built by :func:`summarize`."""

    display_path: str
    slug_text: str
    """``post.slug.text``: the path below the root, without extension."""
    slug_extension: str
    slug_key: str
    """``post.slug.key``: equal for two posts that build to the same address."""
    headers_usable: bool
    """False for an unreadable post or one whose front matter is invalid."""
    suppressions: frozenset[str]
    headers: tuple[HeaderEntry, ...] = ()
    """The headers asked for that the post has, when usable; no others."""
    suppression_problems: tuple[str, ...] = ()
    """``post.suppression_problems``: what is wrong with the post's ignore list."""

    def header(self, key: str) -> object | None:
        """The value of header ``key`` (if it was asked for and the post has it)."""
        for name, value, _ in self.headers:
            if name == key:
                return value
        return None

    def header_line(self, key: str) -> int | None:
        for name, _, line in self.headers:
            if name == key:
                return line
        return None


def summarize(post: Post, header_keys: Collection[str] = ()) -> PostSummary:
    """``post`` reduced to what cross-post checks need, keeping the headers in ``header_keys``."""
    usable = headers_usable(post)
    headers = post.headers if usable else {}
    lines = post.header_lines
    slug = post.slug
    key = slug.key
    return PostSummary(
        display_path=post.display_path,
        slug_text=slug.text,
        # The same few extensions and empty suppressions on every post: share them.
        slug_extension=sys.intern(slug.extension),
        # Most slugs are their own key (lower case, year folders): keep one string.
        slug_key=slug.text if key == slug.text else key,
        headers_usable=usable,
        suppressions=post.suppressions or _NONE,
        headers=tuple((key, headers[key], lines.get(key)) for key in header_keys if key in headers),
        suppression_problems=post.suppression_problems,
    )


_NONE: frozenset[str] = frozenset()
