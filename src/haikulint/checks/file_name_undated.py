"""file-name-undated: below Jekyll's ``_posts``, a dated post whose file name has no date.

Jekyll reads a file below ``_posts`` as a post only when its name matches
``Document::DATE_FILENAME_MATCHER`` (``YYYY-MM-DD-title.md``): its post reader passes
over every other file there, whatever the file's front matter says. A ``date`` header
does not help; the post is silently never published. This applies where haikulint
reads file names for dates below ``_posts`` (config ``file-name-dates``, "auto" or
true). A post there with no date header at all is date-missing's, which names the file
name to give it.

Fix (unsafe: the post's address changes): rename the post (or its page bundle's folder)
so that its file name starts with the date header's day (see :mod:`haikulint.fix.paths`);
none when the date header is no date (date-invalid reports it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from haikulint.blog.slug import BUNDLE_INDEX, JEKYLL_POSTS, with_file_date
from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import headers_usable
from haikulint.checks.options import Option
from haikulint.fix.paths import header_file_date, needs_dated_name, path_fix

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "file-name-undated"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    if not headers_usable(post) or not needs_dated_name(post) or not _has_date(post):
        return
    day = header_file_date(post)
    bundle = Path(post.path).stem == BUNDLE_INDEX and not post.slug.text.endswith(BUNDLE_INDEX)
    last = post.slug.lines[-1] if post.slug.lines else "title"
    name = with_file_date(last, day or "YYYY-MM-DD") + ("" if bundle else post.slug.extension)
    whose = "the date header's day" if day is not None else "the post's date"
    named = "the page bundle's folder" if bundle else "the file name"
    yield Problem(
        f"{named} does not start with a date, and Jekyll publishes a file below "
        f"{JEKYLL_POSTS}/ only when its name does (YYYY-MM-DD-title.md): "
        f"name it {name}, with {whose}",
        fix=path_fix(post) if day is not None else None,
    )


def _has_date(post: Post) -> bool:
    value = post.headers.get("date")
    return value is not None and not (isinstance(value, str) and not value.strip())
