"""Where a post belongs: the clean path of its slug, as a rename fix.

A slug line with characters a slug cannot have (``The-Pager``, ``november-4,-2024:``)
or a line boundary that is not ``-/-`` (``--/--``, ``_/_``, a bare ``/``) has one clean
spelling: each line spelled as slug words, the lines joined by ``-/-``, below the same
sections and date folders. Renaming a post changes its address, so the fix is unsafe.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from haikulint.blog.slug import BUNDLE_INDEX, SEPARATOR
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


def clean_path_fix(post: Post) -> Fix | None:
    """Rename ``post`` to its clean path; None when it is clean or cannot be made so."""
    chain = clean_chain(post)
    if chain is None or chain == post.slug.chain:
        return None
    found = moved_post(post)
    if found is None:
        return None
    moved, root = found
    extension = post.slug.extension if moved == Path(post.path) else ""  # a bundle's folder
    from haikulint.blog.slug import with_file_date

    target = root / (post.slug.prefix + with_file_date(chain, post.slug.file_date) + extension)
    from haikulint.blog.post import display_path

    return Fix(
        f"rename to {display_path(target)}",
        renames=(Rename(moved, target, root),),
        applicability=Applicability.UNSAFE,
    )
