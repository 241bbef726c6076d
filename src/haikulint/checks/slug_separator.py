"""slug-separator: every line boundary of the slug must be exactly ``-/-``.

``--/--``, ``_/_`` or ``-/`` are near misses that tools and readers split
differently; a bare ``/`` after a multi-word folder
(``the-cron-job-ran-twice/a-null-pointer...``) is usually a haiku line that
lost its hyphens. A folder that really is a section is listed in the config's
``sections`` instead. Only the folder right above the haiku is read this way;
multi-word folders further up are sections (see :func:`haikulint.blog.slug.parse_slug`).

Fix (unsafe: the post's address changes): rename the post to the path whose lines
are joined by ``-/-`` (see :mod:`haikulint.fix.paths`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from haikulint.blog.slug import SEPARATOR
from haikulint.checks import CheckContext, Problem
from haikulint.checks.options import Option
from haikulint.fix.paths import clean_path_fix

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "slug-separator"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    if all(separator == SEPARATOR for separator in post.slug.separators):
        return  # the common case: no fix to plan
    lines = post.slug.lines
    # a slug with a line too many may hold a section read as a line: no rename for it
    fix = clean_path_fix(post) if len(lines) == len(context.form) else None
    for index, separator in enumerate(post.slug.separators):
        if separator == SEPARATOR:
            continue
        before = lines[index] if index < len(lines) else ""
        after = lines[index + 1] if index + 1 < len(lines) else ""
        where = f'between line {index + 1} "{before}" and line {index + 2} "{after}"'
        if separator == "/":
            advice = f'"{before}-/-{after}"'
            # Only folders above the first proper separator can be sections.
            if all(other == "/" for other in post.slug.separators[:index]):
                listed = context.setting("sections", f'["{before}"]')
                advice += f'); if "{before}" is a section, not a line, add it to sections {listed}'
            else:
                advice += ")"
            yield Problem(
                f'lines are joined by a bare "/" {where}, expected "-/-" ({advice}',
                fix=fix,
            )
        else:
            yield Problem(
                f'lines are joined by "{separator}" {where}, expected "-/-" ("{before}-/-{after}")',
                fix=fix,
            )
