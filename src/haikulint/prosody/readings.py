"""Result types of the syllable engine."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Source(str, Enum):
    """Where a word's readings came from, most trusted first."""

    USER = "user"
    LEXICON = "lexicon"
    CMUDICT = "cmudict"
    PARTS = "parts"  # counted from known parts: re+deploy, peta+bytes, host+name
    LETTERS = "letters"
    NUMBER = "number"
    SPELLED_GUESS = "spelled-guess"  # in no dictionary, so spelled out: a guess (sqsx)
    ESTIMATE = "estimate"

    def __str__(self) -> str:
        return self.value


GUESSES = frozenset({Source.SPELLED_GUESS, Source.ESTIMATE})
"""Sources whose counts are guesses, not knowledge."""


@dataclass(frozen=True)
class WordReading:
    """One word as written, with all its plausible syllable counts (sorted, unique)."""

    text: str
    readings: tuple[int, ...]
    source: Source
    parts: tuple[WordReading, ...] = ()
    """The pieces a ``parts`` reading was counted from (``re`` + ``deploy``), as written."""

    @property
    def known(self) -> bool:
        """False when the count is a guess (an estimate, or letters spelled out of a string
        no dictionary knows): rules surface such words."""
        return self.source not in GUESSES

    @property
    def guessed_spelling(self) -> bool:
        return self.source is Source.SPELLED_GUESS


@dataclass(frozen=True)
class LineReading:
    """A line of a haiku: its words and every total its readings can add up to."""

    text: str
    words: tuple[WordReading, ...]
    totals: tuple[int, ...]

    def fits(self, count: int) -> bool:
        """True when some combination of readings gives exactly ``count``."""
        return count in self.totals

    @property
    def unknown_words(self) -> tuple[WordReading, ...]:
        return tuple(word for word in self.words if not word.known)

    def count_text(self) -> str:
        """The totals in words: ``6 syllables``, ``1 syllable``, ``7 or 8 syllables``."""
        if not self.totals:
            return "no syllables"
        shown = [str(total) for total in self.totals]
        joined = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"
        return f"{joined} syllable" + ("" if self.totals == (1,) else "s")
