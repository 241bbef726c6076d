"""duplicate-header: two posts must not share a value of a header (the title, by default).

Two posts called the same are hard to tell apart in feeds, archives and search
results, and it is often a copied post whose title was never changed. Values
are compared with case and runs of whitespace folded. Every post of a group is
reported, naming the others, so a new post that repeats an old title is caught
even when only the new one is checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import duplicate_groups
from haikulint.checks.options import Option, parse_key, text_option

if TYPE_CHECKING:
    from haikulint.checks.summary import PostSummary

KIND = "duplicate-header"
SCOPE = "blog"
OPTIONS: Mapping[str, Option] = {
    "key": Option(help="The header whose values must be unique.", parse=parse_key, default="title"),
}


def headers_read(options: Mapping[str, object]) -> frozenset[str]:
    """The headers :func:`check` reads of each post: the rule's ``key``."""
    return frozenset({text_option(options, "key")})


def check(
    posts: Sequence[PostSummary], options: Mapping[str, object], context: CheckContext
) -> Iterator[tuple[PostSummary, Problem]]:
    key = text_option(options, "key")
    for post, others in duplicate_groups(posts, lambda post: group_key(post, options)):
        shown = " ".join(str(post.header(key)).split())
        yield (
            post,
            Problem(
                f'the {key} "{shown}" is also the {key} of {others}; give each post its own {key}',
                line=post.header_line(key),
            ),
        )


def group_key(post: PostSummary, options: Mapping[str, object]) -> str | None:
    """The post's value of the header, folded; None when it has none (or no usable headers)."""
    value = post.header(text_option(options, "key")) if post.headers_usable else None
    return fold(value) if isinstance(value, str) and value.strip() else None


def fold(value: str) -> str:
    """``"  Hello   World "`` and ``"hello world"`` are the same title."""
    return " ".join(value.split()).casefold()
