"""slug-syllables: each line of the slug must be able to have the form's count.

Words often have several readings (``hours`` is 1 or 2, ``kubectl`` 3 or 4), so
a line has a set of possible totals; it passes when any of them is the count
the form asks for (5-7-5 by default). The message shows every word with its
count(s) and syllable breaks, so the writer sees which word to change; a count
that is only an estimate (the word is in no dictionary) is marked with ``?``.
A line a syllable or two off ends with up to three rewrites that do count
(:mod:`haikulint.prosody.rewrites`), each counted by the same engine.
Slugs whose number of lines is wrong are left to slug-lines.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from haikulint.blog.spelling import slug_words
from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import plural
from haikulint.checks.options import FORM, Option
from haikulint.config import toml_key
from haikulint.prosody.readings import LineReading, WordReading
from haikulint.prosody.rewrites import estimate_readings, suggest, suggestion_text

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "slug-syllables"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {"form": FORM}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    lines = post.slug.lines
    if len(lines) != len(context.form):
        return
    for number, (line, expected) in enumerate(zip(lines, context.form, strict=True), start=1):
        reading = context.counter.line(line)
        if not reading.fits(expected):
            yield Problem(
                describe(number, line, reading, expected, _advice(line, reading, expected, context))
            )


def _advice(line: str, reading: LineReading, expected: int, context: CheckContext) -> str:
    """Rewrites that count, then the readings of estimated words that would fit."""
    advice = [suggestion_text(suggest(slug_words(line), expected, context.counter))]
    for word, count in estimate_readings(reading, expected):
        setting = context.setting(toml_key(word), str(count), table="words")
        said = f'if "{word}" is said in {plural(count, "syllable")}, set it {setting}'
        advice.append(f"or {said}" if any(advice) else said)
    return "; ".join(part for part in advice if part)


def describe(
    number: int, line: str, reading: LineReading, expected: int, suggestion: str = ""
) -> str:
    """``line 3 "the repo holds it all" has 6 syllables, expected 5 (the 1, re-po 2, ...);
    try "the repo holds it" (5)``: the suggestion, if any, after ``"; "`` as advice."""
    text = " ".join(line.replace("-", " ").split())
    words = ", ".join(_word(word) for word in reading.words)
    message = f'line {number} "{text}" has {reading.count_text()}, expected {expected}' + (
        f" ({words})" if words else ""
    )
    return f"{message}; {suggestion}" if suggestion else message


def _word(word: WordReading) -> str:
    counts = "|".join(str(count) for count in word.readings)
    if len(word.readings) == 1:
        from haikulint.prosody.breaks import syllable_breaks

        shown = syllable_breaks(word.text, word.readings[0])
    else:
        shown = word.text
    return f"{shown} {counts}" + ("" if word.known else "?")
