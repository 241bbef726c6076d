"""unreadable-file: the file could not be read as UTF-8 text.

Binary files, other encodings (Latin-1), permission problems and files that
vanish mid-run all end here, with the reason the blog layer found. Every other
header and body check stays silent on such a file; slug checks still judge its path.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from haikulint.checks import CheckContext, Problem
from haikulint.checks.options import Option

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "unreadable-file"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    if post.read_error is not None:
        # The blog layer's reason already says what would be right ("save it as UTF-8").
        yield Problem(f"cannot read the file: {post.read_error}")
