"""unknown-word: a slug word is in no dictionary, so its syllable count is a guess.

The syllable engine knows the CMU dictionary, a lexicon of software words,
initialisms, numbers and the project's own words; anything else is estimated
from its spelling, or spelled out letter by letter when it cannot be read as a
word (``sqsx``), and such guesses are wrong often enough to matter. Each
unknown word is reported once per post with its estimate, and the fix is to
tell haikulint the count in the config's ``words`` table (``[words]`` in
haikulint.toml, ``[tool.haikulint.words]`` in pyproject.toml); the message shows
the line for the config file in use.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import either
from haikulint.checks.options import FORM, Option
from haikulint.config import toml_key

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "unknown-word"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {"form": FORM}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    lines = post.slug.lines
    if len(lines) != len(context.form):  # not a haiku slug: slug-lines says so
        return
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        for word in context.counter.line(line).unknown_words:
            key = word.text.lower()
            if key in seen:
                continue
            seen.add(key)
            counts = either([str(count) for count in word.readings])
            noun = "syllable" if word.readings == (1,) else "syllables"
            fix = context.setting(toml_key(key), "N", table="words")
            guess = "a guess: it is spelled out" if word.guessed_spelling else "an estimate"
            yield Problem(
                f'"{word.text}" (line {number}) is in no dictionary, so its count of '
                f"{counts} {noun} is {guess}; if that is wrong, set it {fix}"
            )
