"""slug-charset: slug lines use only a-z, 0-9 and single hyphens.

Uppercase letters collide on case-insensitive file systems and in URLs,
punctuation such as ``,`` and ``:`` must be escaped in URLs, spaces become
``%20``, non-ASCII letters are spelled several ways in Unicode, and a double
hyphen looks like a broken separator. The message lists what is wrong and
suggests the slug spelling of the line. A file named only by its extension
(``.md``) has no lines: slug-lines reports it.

Fix (unsafe: the post's address changes): rename the post, or its page bundle's
folder, to the clean path of every line (see :mod:`haikulint.fix.paths`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from haikulint.blog.slug import JOINERS
from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import either, slugify
from haikulint.checks.options import Option
from haikulint.fix.paths import clean_path_fix

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "slug-charset"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {}

_VALID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    for number, line in enumerate(post.slug.lines, start=1):
        if _VALID.fullmatch(line):
            continue
        if not line.strip(JOINERS):
            # Nothing but the hyphens of a separator, e.g. the stem of "post/a-b-/.md".
            yield Problem(
                f'line {number} "{line}" has no words; a slug line is words of a-z and 0-9 '
                'joined by single hyphens, and lines are joined by "-/-"'
            )
            continue
        faults = either(find_faults(line)) or "characters a slug cannot have"
        suggestion = slugify(line)
        fix = f': "{suggestion}"' if suggestion else ""
        yield Problem(
            f'line {number} "{line}" has {faults}; '
            f"a slug uses only a-z, 0-9 and single hyphens{fix}",
            fix=clean_path_fix(post),
        )


def find_faults(line: str) -> list[str]:
    """What keeps ``line`` from being a slug line, in words, each kind once."""
    faults: list[str] = []
    if any(char.isupper() for char in line):
        faults.append("uppercase letters")
    if " " in line:
        faults.append("spaces")
    if "--" in line:
        faults.append('a double hyphen "--"')
    if line.startswith("-") or line.endswith("-"):
        faults.append("a hyphen at an end")
    others = sorted(
        {char for char in line if not (char.isascii() and (char.isalnum() or char in "- "))},
        key=line.index,
    )
    ascii_marks = [char for char in others if char.isascii()]
    non_ascii = [char for char in others if not char.isascii()]
    if ascii_marks:
        faults.append(" ".join(f'"{char}"' for char in ascii_marks))
    if non_ascii:
        faults.append("non-ASCII " + " ".join(f'"{char}"' for char in non_ascii))
    return faults
