"""slug-lines: the slug must have as many lines as the form (three for 5-7-5).

Lines are joined by ``-/-``, which on disk is a folder boundary, so a haiku
post lives two folders deep: ``post/first-line-/-second-line-/-third-line.md``.
A flat file name such as ``post/reflections-on-a-turbulent-month.md`` is one line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import plural
from haikulint.checks.options import FORM, Option

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "slug-lines"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {"form": FORM}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    expected = len(context.form)
    found = len(post.slug.lines)
    if found == expected:
        return
    shape = "-/-".join(_ordinal_placeholder(index) for index in range(expected))
    yield Problem(
        f'slug has {plural(found, "line")}, expected {expected} joined by "-/-" '
        f"(a folder boundary on disk): {_prefix(post)}{shape}{post.slug.extension or '.md'}"
    )


def _ordinal_placeholder(index: int) -> str:
    names = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"]
    return f"{names[index]}-line" if index < len(names) else f"line-{index + 1}"


def _prefix(post: Post) -> str:
    parts = [*post.slug.sections, *(str(part) for part in post.slug.date_parts)]
    return "".join(f"{part}/" for part in parts)
