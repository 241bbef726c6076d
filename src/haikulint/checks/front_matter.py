"""front-matter-invalid: front matter that cannot be used.

python-frontmatter silently turns an unclosed fence, a YAML or TOML syntax
error, or front matter that is a list instead of a mapping into "no headers";
the blog layer records why instead, and this check reports it. The header
checks stay silent on such a post rather than report headers as missing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from haikulint.checks import CheckContext, Problem
from haikulint.checks.options import Option

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "front-matter-invalid"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    error = post.front_matter_error
    if post.read_error is None and error is not None:
        yield Problem(f"front matter cannot be used: {error.text}", line=error.line)
