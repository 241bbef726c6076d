"""duplicate-slug: two posts must not share a slug.

``a.md`` next to ``a.markdown``, or two paths that differ only in case, build
to the same URL (or to two URLs that collide on case-insensitive file systems
and hosts), so one post silently replaces the other. Every post of such a group
is reported, naming the others, so the problem shows whichever file is checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import duplicate_groups
from haikulint.checks.options import Option

if TYPE_CHECKING:
    from haikulint.checks.summary import PostSummary

KIND = "duplicate-slug"
SCOPE = "blog"
OPTIONS: Mapping[str, Option] = {}


def headers_read(options: Mapping[str, object]) -> frozenset[str]:
    """The headers :func:`check` reads of each post: none, the path is enough."""
    return frozenset()


def check(
    posts: Sequence[PostSummary], options: Mapping[str, object], context: CheckContext
) -> Iterator[tuple[PostSummary, Problem]]:
    for post, others in duplicate_groups(posts, lambda post: post.slug_key):
        yield (
            post,
            Problem(
                f'the slug "{post.slug_text}" is also the slug of {others}; '
                "keep one of the posts, or give one a new haiku"
            ),
        )
