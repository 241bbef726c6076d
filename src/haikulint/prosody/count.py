"""Syllable counting: every plausible reading of each word, and the totals of a line.

A word's readings come from the first source that knows it (see :class:`Source`):

1. the user's own words (config), which override everything;
2. the shipped lexicon of software vocabulary (``kubectl 3 4``, ``sql 2 3``);
3. the CMU Pronouncing Dictionary, every variant (``hours 1 2``); an all-caps word
   of up to five letters in free text may also be spelled out (``IT``, ``US``);
   a contraction spelled without its apostrophe, as slugs do (``dont``, ``youre``),
   reads as its apostrophe form, united with the real word it may also be
   (``wont``, ``cant``, ``shed``, ``well``);
4. numbers (``2024``, ``404``, ``4th``, ``3.5``), also inside words (``ipv6``, ``10x``,
   ``5k``, ``v2``), and inflections of known words (``repos``, ``gpus``, ``grepping``);
5. letters: initialisms in no dictionary, spelled out (``llm`` 3, ``aws`` 5);
6. an estimate for anything else, marked as such so rules can surface it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

from haikulint.prosody import cmu, letters, lexicon, numbers
from haikulint.prosody.readings import LineReading, Source, WordReading
from haikulint.prosody.tokenize import normalize_apostrophes, split_lines, split_words

Readings = tuple[tuple[int, ...], Source]

_CONTRACTION_ENDINGS = (
    ("nt", "n't"),
    ("re", "'re"),
    ("ve", "'ve"),
    ("ll", "'ll"),
    ("d", "'d"),
    ("s", "'s"),
    ("m", "'m"),
)
# After a number: unit and multiplier suffixes as said (``5k`` five kay / five thousand).
_UNITS: dict[str, tuple[int, ...]] = {
    "k": (1, 2),
    "m": (1, 2),
    "b": (1, 2),
    "x": (1,),
    "h": (1, 2),
    "hr": (1, 2),
    "hrs": (1, 2),
    "d": (1,),
    "w": (1, 3),
    "y": (1,),
    "yr": (1,),
    "yrs": (1,),
    "s": (0, 1),
    "ms": (2, 4),
    "ns": (2, 4),
    "us": (2, 4),
    "min": (1, 2),
    "mins": (1, 2),
    "sec": (1, 2),
    "secs": (1, 2),
    "kb": (2, 3),
    "mb": (1, 2, 3),
    "gb": (1, 2, 3),
    "tb": (1, 2, 3),
    "pb": (2, 3),
    "kib": (2, 3),
    "mib": (2, 3),
    "gib": (2, 3),
    "tib": (2, 3),
    "hz": (1,),
    "khz": (3,),
    "mhz": (3,),
    "ghz": (3,),
    "fps": (3, 4),
    "px": (2,),
    "km": (2, 4),
    "cm": (2, 4),
    "mm": (2, 4),
    "kg": (2, 3),
    "g": (1,),
    "mbps": (4, 5),
    "gbps": (4, 5),
    "rps": (3, 5),
    "qps": (3, 5),
}
# Readings the CMU dictionary lists that do not fit the word as written in free text.
_CMU_CORRECTIONS: dict[str, tuple[int, ...]] = {
    "us": (1,),  # adds "U.S."; all-caps US is still spelled out
    "cache": (1,),  # adds "cachet"
    "fine": (1,),  # adds Italian "fine"
    "memory": (2, 3),  # lists only mem-o-ry; mem-ry is as common
}
_ALPHA_RUN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh", "ce", "se", "ge", "ze")
_SIBILANT_LETTERS = frozenset("sxh")


_LINE_CACHE_SIZE = 4096


class SyllableCounter:
    """Counts syllables of words and lines; results are cached per word and per line."""

    def __init__(self, user_words: Mapping[str, tuple[int, ...]] | None = None) -> None:
        self._user = {_fold(word): tuple(counts) for word, counts in (user_words or {}).items()}
        self._cache: dict[str, WordReading] = {}
        self._line_cache: dict[str, LineReading] = {}
        self._estimate: Callable[[str], int] | None = None

    def word(self, token: str) -> WordReading:
        """Every reading of one word as written (as returned by ``split_words``)."""
        cached = self._cache.get(token)
        if cached is None:
            counts, source = self._readings(token)
            cached = WordReading(token, counts, source)
            self._cache[token] = cached
        return cached

    def line(self, text: str) -> LineReading:
        """One line: its words and every total their readings can add up to."""
        cached = self._line_cache.get(text)
        if cached is None:  # several rules ask about the same slug line, one post at a time
            words = tuple(self.word(token) for token in split_words(text))
            cached = LineReading(text, words, line_totals(word.readings for word in words))
            if len(self._line_cache) >= _LINE_CACHE_SIZE:  # bounded: a blog has many lines
                self._line_cache.clear()
            self._line_cache[text] = cached
        return cached

    def lines(self, text: str) -> list[LineReading]:
        """Every line of haiku text or a slug (split on ``/`` and newlines)."""
        return [self.line(line) for line in split_lines(text)]

    # The sources, most trusted first.

    def _readings(self, token: str) -> Readings:
        key = _fold(token)
        if not key:
            return (1,), Source.ESTIMATE
        found = self._known(key, token)
        if found is None:
            found = self._composed(key)
        if found is None:
            found = self._guessed(key)
        return found

    def _known(self, key: str, token: str = "") -> Readings | None:
        """User words, lexicon, dictionary and contractions: the word as a whole."""
        if key in self._user:
            return self._user[key], Source.USER
        listed = lexicon.lexicon().get(key)
        if listed is not None:
            return listed, Source.LEXICON
        counts = set(_cmu(key))
        counts |= self._contracted(key)
        if token and _shouted(token):
            spelled = letters.spelled_count(key)
            if spelled is not None:
                source = Source.CMUDICT if counts else Source.LETTERS
                return tuple(sorted({*counts, spelled})), source
        if counts:
            return tuple(sorted(counts)), Source.CMUDICT
        return None

    def _contracted(self, key: str) -> set[int]:
        """``dont`` as ``don't``, ``youre`` as ``you're``: slugs drop apostrophes."""
        if "'" in key or not key.isalpha():
            return set()
        counts: set[int] = set()
        for ending, replacement in _CONTRACTION_ENDINGS:
            stem = key[: -len(ending)]
            # A stem without a vowel is an initialism's plural (``js``), not ``j's``.
            if key.endswith(ending) and any(letter in "aeiouy" for letter in stem):
                counts.update(_cmu(stem + replacement))
        return counts

    def _composed(self, key: str) -> Readings | None:
        """Numbers, inflections of known words, and words made of parts."""
        counts = numbers.number_readings(key)
        if counts:
            return counts, Source.NUMBER
        inflected = self._inflected(key)
        if inflected is not None:
            return inflected
        for suffix, extra in (("++", (2,)), ("#", (1,)), ("%", (2,))):
            if key.endswith(suffix) and len(key) > len(suffix):
                base = self._part(key[: -len(suffix)])
                return _add(base, (extra, Source.LEXICON))
        if "." in key:
            return self._dotted(key)
        if "'" in key:
            return self._part(key.replace("'", ""))
        if not key.isalpha():
            return self._mixed(key)
        return None

    def _inflected(self, key: str) -> Readings | None:
        """``repos``, ``gpus``, ``pcap's``, ``grepping``, ``dockerized`` from their stems."""
        if key.endswith("'s") and len(key) > 2:
            base = self._stem(key[:-2])
            return _add(base, ((_plural_extra(key[:-2], base),), base[1])) if base else None
        if key.endswith("s") and not key.endswith("ss") and len(key) > 2:
            base = self._stem(key[:-1])
            if base is not None:
                return _add(base, ((_plural_extra(key[:-1], base),), base[1]))
            if key.endswith("es") and key[:-2].endswith(_SIBILANT_ENDINGS):
                base = self._stem(key[:-2])
                if base is not None:
                    return _add(base, ((1,), base[1]))
        for ending, extra in (("ing", 1), ("er", 1), ("ers", 1), ("ed", 0)):
            if key.endswith(ending) and len(key) > len(ending) + 1:
                stem = key[: -len(ending)]
                for candidate in (stem, stem + "e", stem[:-1] if _doubled(stem) else ""):
                    base = self._stem(candidate) if candidate else None
                    if base is not None:
                        added = 1 if ending == "ed" and candidate.endswith(("t", "d")) else extra
                        return _add(base, ((added,), base[1]))
        return None

    def _stem(self, key: str) -> Readings | None:
        """A stem known as a whole word, or an initialism (``gpu`` of ``gpus``)."""
        if len(key) < 2:
            return None
        known = self._known(key)
        if known is not None:
            return known
        if letters.is_initialism(key) and len(key) >= 2:
            return _spelled(key)
        return None

    def _dotted(self, key: str) -> Readings:
        """``node.js`` node js; ``config.yaml`` config dot yaml."""
        parts = [part for part in key.split(".") if part]
        result: Readings = ((0,), Source.LEXICON)
        for index, part in enumerate(parts):
            if index and part != "js":
                result = _add(result, ((1,), Source.LEXICON))
            result = _add(result, self._part(part))
        return result

    def _mixed(self, key: str) -> Readings:
        """Letters and digits together: ``ipv6``, ``ec2``, ``10x``, ``5k``, ``2fa``, ``v2``."""
        runs = _ALPHA_RUN.findall(key)
        if not runs or runs == [key]:  # nothing to split (``v¼l``: ¼ is neither)
            return self._guessed(key)
        result: Readings = ((0,), Source.LEXICON)
        after_number = False
        for run in runs:
            if run[0].isdigit():
                part: Readings = (numbers.number_readings(run) or (1,), Source.NUMBER)
                after_number = True
            elif after_number and run in _UNITS:
                part = (_UNITS[run], Source.NUMBER)
            elif after_number and len(run) <= 3 and letters.spelled_count(run) is not None:
                part = _spelled(run)
            elif run == "v" and key.startswith("v") and len(runs) > 1:
                part = ((1, 2), Source.LEXICON)  # "vee" or "version"
            else:
                part = self._part(run)
            result = _add(result, part)
        return result

    def _part(self, key: str) -> Readings:
        """A piece of a composed word, read by the whole pipeline."""
        if not key:
            return (0,), Source.LEXICON
        return self._known(key) or self._composed(key) or self._guessed(key)

    def _guessed(self, key: str) -> Readings:
        """Initialisms spelled out; anything else estimated."""
        if letters.is_initialism(key):
            return _spelled(key)
        return (self._estimated(key),), Source.ESTIMATE

    def _estimated(self, key: str) -> int:
        if self._estimate is None:
            self._estimate = _load_estimator()
        letters_only = "".join(character for character in key if character.isalpha())
        if not letters_only:
            return 1
        return max(1, self._estimate(letters_only))


def line_totals(readings: Iterable[tuple[int, ...]]) -> tuple[int, ...]:
    """Every sum of one reading per word, sorted (``(1, 2)`` and ``(1,)`` give ``(2, 3)``)."""
    totals = {0}
    for counts in readings:
        totals = {total + count for total in totals for count in counts}
    return tuple(sorted(totals))


def _load_estimator() -> Callable[[str], int]:
    import syllables  # ~25 ms: imported only when a word is unknown

    estimate: Callable[[str], int] = syllables.estimate
    return estimate


def _cmu(key: str) -> tuple[int, ...]:
    corrected = _CMU_CORRECTIONS.get(key)
    if corrected is not None:
        return corrected
    table = cmu.default_lookup()
    if table is None:
        return ()
    return table.counts(key)


def _fold(token: str) -> str:
    """The lookup key: lower case, straight apostrophes, accents removed, edges trimmed."""
    key = normalize_apostrophes(token).casefold().strip("'")
    if not key.isascii():
        stripped = "".join(
            character
            for character in unicodedata.normalize("NFKD", key)
            if not unicodedata.combining(character)
        )
        if stripped.isascii():
            key = stripped
    return key


def _shouted(token: str) -> bool:
    """An all-caps word of two to five letters (``AWS``, ``IT``): maybe spelled out."""
    return 2 <= len(token) <= 5 and token.isalpha() and token.isupper()


def _spelled(key: str) -> Readings:
    count = letters.spelled_count(key)
    return ((count,) if count is not None else (len(key),)), Source.LETTERS


def _add(left: Readings, right: Readings) -> Readings:
    """Readings of two parts said one after the other; the weaker source wins."""
    counts = tuple(sorted({a + b for a in left[0] for b in right[0]}))
    return counts, max(left[1], right[1], key=_SOURCE_ORDER.index)


def _plural_extra(stem: str, base: Readings) -> int:
    """``-s`` adds a syllable after a hiss: ``caches``, ``gpu's`` no, ``aws's`` yes."""
    if base[1] is Source.LETTERS:
        return 1 if stem[-1] in _SIBILANT_LETTERS else 0
    return 1 if stem.endswith(_SIBILANT_ENDINGS) else 0


def _doubled(stem: str) -> bool:
    return len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls"


_SOURCE_ORDER = list(Source)
