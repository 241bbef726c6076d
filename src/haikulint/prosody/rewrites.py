"""Rewrites of a haiku line that is a syllable or two off, each counted by the engine.

A line that does not count (HK103, or a line ``new`` and ``mv`` refuse) gets up to
three concrete rewrites that do, found by small, sound edits of its own words:

* a contraction or its expansion (``do not`` / ``don't``, ``it is`` -> ``it's``; the
  ones whose slug spells another word, ``were`` or ``ill``, only one way);
* dropping a one-syllable function word (``the``, ``a``, ``it``, ``all``), or adding
  one where it is sure to read well (``the`` after a preposition, ``all`` after
  ``us`` or ``them``);
* another word of a small curated list of synonyms (``until`` / ``till``,
  ``repository`` / ``repo``), some only one way (``into`` -> ``in``);
* a number written in words as digits (``twenty twenty four`` -> ``2024``, which
  reads either way);
* the singular of a plural that has a syllable more (``boxes`` -> ``box``), or the
  other way.

Two edits are tried only when no single one fits. Every candidate is counted by the
same :class:`~haikulint.prosody.count.SyllableCounter` as ``check``, as a slug line,
and kept only if it fits and every word it brings in is known (no estimate): no
suggestion rather than a wrong one. Pure: no I/O beyond the counter's own data.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from haikulint.prosody.count import SyllableCounter
    from haikulint.prosody.readings import LineReading

MAX_SUGGESTIONS = 3
_MAX_WORDS = 20
"""A longer "line" is a paragraph (a legacy slug): not worth searching."""
_MAX_SAID = 8
"""The most syllables a word may be said in, for :func:`estimate_readings`."""
_MAX_CANDIDATES = 400
"""How many two-edit candidates are counted at most: suggestions must stay cheap."""

# --- the curated lists -------------------------------------------------------------

# (long, short, both ways?)
_CONTRACTIONS: tuple[tuple[str, str, bool], ...] = (
    ("do not", "don't", True),
    ("does not", "doesn't", True),
    ("did not", "didn't", True),
    ("is not", "isn't", True),
    ("are not", "aren't", True),
    ("was not", "wasn't", True),
    ("were not", "weren't", True),
    ("can not", "can't", True),
    ("cannot", "can't", False),
    ("will not", "won't", False),  # slug "wont" is also a word
    ("would not", "wouldn't", True),
    ("could not", "couldn't", True),
    ("should not", "shouldn't", True),
    ("have not", "haven't", True),
    ("has not", "hasn't", True),
    ("had not", "hadn't", True),
    ("it is", "it's", False),  # slug "its" is also the possessive
    ("that is", "that's", True),
    ("there is", "there's", True),
    ("what is", "what's", True),
    ("here is", "here's", True),
    ("i am", "i'm", True),
    ("you are", "you're", True),
    ("they are", "they're", True),
    ("we are", "we're", False),  # slug "were"
    ("i have", "i've", True),
    ("we have", "we've", True),
    ("you have", "you've", True),
    ("they have", "they've", True),
    ("i will", "i'll", False),  # slug "ill"
    ("we will", "we'll", False),  # slug "well"
    ("you will", "you'll", True),
    ("they will", "they'll", True),
    ("he is", "he's", False),
    ("she is", "she's", False),  # slug "shes": kept one way, as "he's"
    ("let us", "let's", False),  # slug "lets"
    ("i would", "i'd", False),  # slug "id"
)

# (one, other, both ways?): each pair says the same thing in a different count.
_SYNONYMS: tuple[tuple[str, str, bool], ...] = (
    ("until", "till", True),
    ("although", "though", False),  # "even though" has no "even although"
    ("upon", "on", True),
    ("into", "in", False),  # "in the dark" is not "into the dark"
    ("onto", "on", False),
    ("around", "round", True),
    ("every", "each", True),
    ("little", "small", True),
    ("quickly", "fast", False),  # "a fast build" is not "a quickly build"
    ("begin", "start", True),
    ("production", "prod", True),
    ("development", "dev", True),
    ("repository", "repo", True),
    ("database", "db", True),
    ("application", "app", True),
    ("configuration", "config", True),
    ("kubernetes", "k8s", True),
    ("documentation", "docs", True),
    ("environment", "env", True),
    ("information", "info", True),
    ("directory", "dir", True),
    ("directory", "folder", True),
    ("postgresql", "postgres", True),
    ("javascript", "js", True),
    ("typescript", "ts", True),
    ("pull request", "pr", True),
    ("merge request", "mr", True),
    ("continuous integration", "ci", True),
)

_DROP_ORDER = (
    *("and", "but", "so", "then"),
    *("just", "still", "now", "very", "really", "all", "it"),
    *("the", "a", "an"),
)
"""One-syllable function words a line still reads without, the least missed first."""
_DROPPABLE_FIRST_ONLY = frozenset({"and", "but"})
"""Words that may go only when they open the line (``and the pager went still``)."""
_PREPOSITIONS = frozenset(
    {"in", "on", "at", "to", "for", "from", "with", "by", "of", "into", "through", "under"}
)
_NO_ARTICLE_BEFORE = frozenset(
    {
        *("a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this"),
        *("that", "these", "those", "every", "each", "some", "no", "all", "any", "me"),
        *("us", "them", "him", "it", "you", "we", "they", "i", "he", "she", "one", "both"),
        *_PREPOSITIONS,
    }
)
_ALL_AFTER = frozenset({"us", "them"})
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")
_PLURAL_WITH_ES = ("ss", "x", "z", "ch", "sh")
"""Singular endings whose plural is ``-es``, a syllable more (``box``, ``class``)."""

_UNITS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORDS = frozenset({*_UNITS, *_TENS[2:], "hundred", "thousand"})


# --- the result --------------------------------------------------------------------


@dataclass(frozen=True)
class Rewrite:
    """A line rewritten so that it counts: its words as shown and the engine's reading."""

    words: tuple[str, ...]
    reading: LineReading
    edits: int

    @property
    def text(self) -> str:
        """The line as a writer would type it: ``we don't roll back``."""
        return " ".join(self.words)

    @property
    def slug(self) -> str:
        """The line as a slug spells it: ``we-dont-roll-back``."""
        return "-".join(_slug_word(word) for word in self.words)

    def shown(self) -> str:
        """``"we don't roll back" (5)``; several totals show as ``(5|6)``."""
        counts = "|".join(str(total) for total in self.reading.totals)
        return f'"{self.text}" ({counts})'


def suggestion_text(rewrites: Sequence[Rewrite]) -> str:
    """``try "a" (5), "b" (5) or "c" (5)``; empty for none."""
    shown = [rewrite.shown() for rewrite in rewrites]
    if not shown:
        return ""
    listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"
    return f"try {listed}"


# --- the search --------------------------------------------------------------------


def suggest(
    words: Sequence[str],
    expected: int,
    counter: SyllableCounter,
    limit: int = MAX_SUGGESTIONS,
) -> list[Rewrite]:
    """Up to ``limit`` rewrites of the line ``words`` (slug words) that count ``expected``.

    Empty when the line already fits, is more than two syllables off, or nothing sound
    is found. Single edits come first, then pairs of edits; within those, contractions,
    function words, synonyms, numbers and plurals, in that order.
    """
    original = tuple(word.lower() for word in words if word)
    if not original or len(original) > _MAX_WORDS:
        return []
    reading = counter.line(_slug(original))
    if reading.fits(expected) or not reading.totals:
        return []
    if min(abs(total - expected) for total in reading.totals) > 2:
        return []
    found: list[Rewrite] = []
    seen = {_slug(original)}
    singles = list(_edits(original))
    pairs = (second for first in singles for second in _edits(first))
    stages = (singles, itertools.islice(pairs, _MAX_CANDIDATES))
    for edits, candidates in enumerate(stages, start=1):
        if found:
            break  # two edits are tried only when no single one fits
        for candidate in candidates:
            _keep(candidate, edits, original, expected, counter, seen, found)
    return found[:limit]


def _keep(
    candidate: tuple[str, ...],
    edits: int,
    original: tuple[str, ...],
    expected: int,
    counter: SyllableCounter,
    seen: set[str],
    found: list[Rewrite],
) -> None:
    slug = _slug(candidate)
    if not candidate or slug in seen:
        return
    seen.add(slug)
    reading = counter.line(slug)
    if not reading.fits(expected):
        return
    before = {_slug_word(word) for word in original}
    if any(not word.known for word in reading.words if word.text not in before):
        return  # a word the engine only estimates: no suggestion rather than a wrong one
    found.append(Rewrite(words=candidate, reading=reading, edits=edits))


def _edits(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    yield from _contractions(words)
    yield from _function_words(words)
    yield from _synonyms(words)
    yield from _numbers(words)
    yield from _plurals(words)


def _replaced(words: tuple[str, ...], start: int, length: int, new: str) -> tuple[str, ...]:
    return (*words[:start], *new.split(), *words[start + length :])


def _phrase_swaps(
    words: tuple[str, ...], pairs: Sequence[tuple[str, str, bool]]
) -> Iterator[tuple[str, ...]]:
    """Each occurrence of one side of a pair replaced by the other (one way if so marked)."""
    slugged = tuple(_slug_word(word) for word in words)
    for long, short, both_ways in pairs:
        swaps = [(long, short)] + ([(short, long)] if both_ways else [])
        for old, new in swaps:
            pattern = tuple(_slug_word(part) for part in old.split())
            size = len(pattern)
            for start in range(len(words) - size + 1):
                if slugged[start : start + size] == pattern:
                    yield _replaced(words, start, size, new)


def _contractions(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    return _phrase_swaps(words, _CONTRACTIONS)


def _synonyms(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    return _phrase_swaps(words, _SYNONYMS)


def _function_words(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    if len(words) > 1:
        droppable = [
            (_DROP_ORDER.index(word), index)
            for index, word in enumerate(words)
            if word in _DROP_ORDER and (index == 0 or word not in _DROPPABLE_FIRST_ONLY)
        ]
        for _, index in sorted(droppable):
            yield (*words[:index], *words[index + 1 :])
    for index in range(1, len(words)):
        before, word = words[index - 1], words[index]
        if before in _PREPOSITIONS and word not in _NO_ARTICLE_BEFORE and word.isalpha():
            yield (*words[:index], "the", *words[index:])
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in _ALL_AFTER and following != "all":
            yield (*words[: index + 1], "all", *words[index + 1 :])


def _plurals(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    for index, word in enumerate(words):
        if not word.isalpha():
            continue
        if word.endswith("es") and word[:-2].endswith(_SIBILANT_ENDINGS):
            yield _replaced(words, index, 1, word[:-2])
        elif word.endswith(_PLURAL_WITH_ES):
            yield _replaced(words, index, 1, word + "es")


def _numbers(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Each run of number words (``twenty twenty four``) written in digits (``2024``)."""
    index = 0
    while index < len(words):
        if words[index] not in _NUMBER_WORDS:
            index += 1
            continue
        end = index
        while end < len(words) and words[end] in _NUMBER_WORDS:
            end += 1
        value = parse_number_words(words[index:end])
        if value is not None:
            yield _replaced(words, index, end - index, str(value))
        index = end


def parse_number_words(words: Sequence[str]) -> int | None:
    """``("twenty", "four")`` -> 24, ``("two", "thousand", "twenty", "four")`` -> 2024,
    ``("nineteen", "ninety", "nine")`` -> 1999 (a year said in pairs); None if the words
    are not one number said in full (``("four", "four")``)."""
    value = _cardinal(list(words))
    if value is not None:
        return value
    for split in range(1, len(words)):
        high, low = _cardinal(list(words[:split])), _cardinal(list(words[split:]))
        if high is not None and low is not None and 10 <= high <= 99 and 10 <= low <= 99:
            return high * 100 + low
    return None


def _cardinal(words: list[str]) -> int | None:
    """A number below 10,000 said in full (``one thousand two hundred five``), or None."""
    if not words:
        return None
    if "thousand" in words:
        at = words.index("thousand")
        thousands = _below_hundred(words[:at])
        rest = words[at + 1 :]
        remainder = _below_thousand(rest) if rest else 0
        if thousands in (None, 0) or remainder is None:
            return None
        return thousands * 1000 + remainder
    return _below_thousand(words)


def _below_thousand(words: list[str]) -> int | None:
    if "hundred" in words:
        at = words.index("hundred")
        hundreds = _below_hundred(words[:at])
        rest = words[at + 1 :]
        remainder = _below_hundred(rest) if rest else 0
        if hundreds is None or not 1 <= hundreds <= 9 or (remainder in (None, 0) and rest):
            return None
        return hundreds * 100 + (remainder or 0)
    return _below_hundred(words)


def _below_hundred(words: list[str]) -> int | None:
    if len(words) == 1 and words[0] in _UNITS:
        return _UNITS.index(words[0])
    if words and words[0] in _TENS[2:]:
        tens = _TENS.index(words[0]) * 10
        if len(words) == 1:
            return tens
        if len(words) == 2 and words[1] in _UNITS[1:10]:
            return tens + _UNITS.index(words[1])
    return None


def _slug_word(word: str) -> str:
    return word.replace("'", "")


def _slug(words: Sequence[str]) -> str:
    return "-".join(_slug_word(word) for word in words)


def estimate_readings(reading: LineReading, expected: int) -> list[tuple[str, int]]:
    """For each word whose count is only an estimate, the count that would make the line
    fit, if one does: ``[("glorp", 2)]``. The writer knows how the word is said; the
    engine only guessed, so another reading is a fix as sound as a rewrite."""
    from haikulint.prosody.count import line_totals

    found: list[tuple[str, int]] = []
    for index, word in enumerate(reading.words):
        if word.known:
            continue
        rest = line_totals(other.readings for at, other in enumerate(reading.words) if at != index)
        counts = [expected - total for total in rest if 1 <= expected - total <= _MAX_SAID]
        fitting = [count for count in counts if count not in word.readings]
        if fitting:
            estimate = min(word.readings)
            found.append((word.text, min(fitting, key=lambda count: abs(count - estimate))))
    return found


def split_count(
    words: Sequence[str], form: Sequence[int], counter: SyllableCounter
) -> list[tuple[str, ...]] | None:
    """The first split of ``words`` into ``len(form)`` runs that count ``form``, or None.

    A legacy one-line slug (``reflections-on-a-turbulent-month``) with the right words
    in it needs only new folder boundaries: every split point is tried, each run
    counted as a slug line.
    """
    if len(words) > _MAX_WORDS * 2 or len(words) < len(form):
        return None
    for cuts in itertools.combinations(range(1, len(words)), len(form) - 1):
        bounds = (0, *cuts, len(words))
        runs = [tuple(words[bounds[i] : bounds[i + 1]]) for i in range(len(form))]
        if all(counter.line(_slug(run)).fits(count) for run, count in zip(runs, form, strict=True)):
            return runs
    return None
