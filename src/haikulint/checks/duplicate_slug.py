"""duplicate-slug: two posts must not share a slug.

``a.md`` next to ``a.markdown``, or two paths that differ only in case, build
to the same URL (or to two URLs that collide on case-insensitive file systems
and hosts), so one post silently replaces the other. So do near-duplicates whose
lines are joined differently (``a-/-b`` and ``a--/--b``, or a bare ``a/b``): slugs
are compared with letter case and separators set aside, and the message says so
when the slugs' spellings differ. Every post of such a group is reported, naming
the others, so the problem shows whichever file is checked. A file named only by
its extension (``.md``) has no slug: slug-lines reports it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import duplicates, either
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
    for post, others in duplicates(posts, lambda post: group_key(post, options)):
        paths = ", ".join(other.display_path for other in others)
        ignored = _differences(post, others)
        if not ignored:
            said = f'the slug "{post.slug_text}" is also the slug of {paths}'
        else:
            plural = len(ignored) > 1 or ignored[0] in _PLURAL
            said = (
                f'the slug "{post.slug_text}" collides with {paths}: they are the same slug '
                f"once {either(ignored, conjunction='and')} {'are' if plural else 'is'} ignored, "
                "and build to the same address"
            )
        yield post, Problem(f"{said}; keep one of the posts, or give one a new haiku")


def group_key(post: PostSummary, options: Mapping[str, object]) -> str | None:
    """What two posts that build to the same address share; None for a post with no slug."""
    text = post.slug_text
    return None if not text or text.endswith("/") else post.slug_key  # "post/.md": no slug


_SEPARATOR = re.compile(r"[-_]*/[-_]*")
_PLURAL = frozenset({"separators", "leading zeros in date folders"})


def _differences(post: PostSummary, others: Sequence[PostSummary]) -> list[str]:
    """What tells the slug of ``post`` from those of ``others``, in words; [] if none does.

    Each difference is looked for with every other one set aside: two slugs differ in
    letter case if they still differ once their separators and date folders are made
    alike, and so on.
    """
    mine = post.slug_text
    if all(other.slug_text == mine for other in others):
        return []
    found: list[str] = []
    aspects: list[tuple[str, Callable[[str], str]]] = [
        ("letter case", lambda text: _unpadded(_joined(text))),
        ("separators", lambda text: _unpadded(text).casefold()),
        ("leading zeros in date folders", lambda text: _joined(text).casefold()),
    ]
    for aspect, alike in aspects:
        if any(alike(other.slug_text) != alike(mine) for other in others):
            found.append(aspect)
    canonical = _unpadded(_joined(mine)).casefold()
    if any(_unpadded(_joined(other.slug_text)).casefold() != canonical for other in others):
        found.append("the order of section and date folders")
    if any(other.slug_extension != post.slug_extension for other in others):
        found.append("extension")
    return found


def _joined(text: str) -> str:
    """Every line boundary spelled ``/``: ``a--/--b`` and ``a-/-b`` alike."""
    return _SEPARATOR.sub("/", text)


def _unpadded(text: str) -> str:
    """Date folders without leading zeros: ``2024/03`` and ``2024/3`` alike."""
    return "/".join(
        str(int(part)) if part.isdigit() and part.isascii() else part for part in text.split("/")
    )
