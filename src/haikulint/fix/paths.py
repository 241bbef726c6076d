"""Where a post belongs: the clean path of its slug, as a rename fix.

A slug line with characters a slug cannot have (``The-Pager``, ``november-4,-2024:``)
or a line boundary that is not ``-/-`` (``--/--``, ``_/_``, a bare ``/``) has one clean
spelling: each line spelled as slug words, the lines joined by ``-/-``, below the same
sections and date folders. Below Jekyll's ``_posts``, where a file name must start with
the post's date to be published at all, the path also takes the date header's day when
the name has no date (file-name-undated). Renaming a post changes its address, so the
fix is unsafe.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from haikulint.blog.slug import BUNDLE_INDEX, JEKYLL_POSTS, SEPARATOR
from haikulint.blog.spelling import slug_words
from haikulint.fix.model import Applicability, Fix, Rename

if TYPE_CHECKING:
    from haikulint.blog.post import Post


def moved_post(post: Post) -> tuple[Path, Path] | None:
    """The post as moved (its file, or a page bundle's folder) and its blog root."""
    path = Path(post.path)
    depth = len(post.slug.text.split("/"))
    bundle = path.stem == BUNDLE_INDEX and not post.slug.text.endswith(BUNDLE_INDEX)
    moved = path.parent if bundle else path
    if depth > len(moved.parents) or not post.slug.text:
        return None
    return moved, moved.parents[depth - 1]


def clean_chain(post: Post) -> str | None:
    """The slug's lines spelled clean and joined by ``-/-``; None when a line has no words."""
    lines = ["-".join(slug_words(line)) for line in post.slug.lines]
    if not lines or not all(lines):
        return None
    return SEPARATOR.join(lines)


def needs_dated_name(post: Post) -> bool:
    """Whether ``post`` is below Jekyll's ``_posts`` (file names read for dates: config
    ``file-name-dates`` "auto" or true) with a file name that does not start with a date.
    Jekyll's post reader passes over such a file: the post is never published."""
    slug = post.slug
    return (
        slug.dated_names
        and slug.file_date is None
        and JEKYLL_POSTS in Path(os.path.abspath(post.path)).parent.parts
    )


def header_file_date(post: Post) -> str | None:
    """The ``date`` header's day as a file name starts with it (``2024-03-05``); None
    without a date header, or one that is no date."""
    from haikulint.blog.dates import parse_date

    try:
        return parse_date(post.headers.get("date")).isoformat()
    except ValueError:
        return None


def clean_path_fix(post: Post) -> Fix | None:
    """Rename ``post`` to its clean path; None when it is clean or cannot be made so."""
    if clean_chain(post) is None:
        return None
    return path_fix(post)


def path_fix(post: Post) -> Fix | None:
    """Rename ``post`` to where it belongs: its slug's lines spelled clean (as on disk
    when a line has no words), and below ``_posts`` a file name that starts with its
    date, from the date header when the name has none. None when it is there already,
    or when the place cannot be told. Every rule that renames a post asks here, so two
    of them on one post ask for the same rename."""
    chain = clean_chain(post) or post.slug.chain
    file_date = post.slug.file_date
    if file_date is None and needs_dated_name(post):
        file_date = header_file_date(post)
    found = moved_post(post)
    if found is None or not chain:
        return None
    moved, root = found
    extension = post.slug.extension if moved == Path(post.path) else ""  # a bundle's folder
    from haikulint.blog.slug import with_file_date

    target = root / (post.slug.prefix + with_file_date(chain, file_date) + extension)
    if target == moved:
        return None
    from haikulint.blog.post import display_path

    return Fix(
        f"rename to {display_path(target)}",
        renames=(Rename(moved, target, root),),
        applicability=Applicability.UNSAFE,
    )
