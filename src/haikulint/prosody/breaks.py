"""Syllable breaks for display: ``re-po``, ``de-ploy``, ``l-l-m``.

Hyphenation points are a close stand-in for syllable boundaries. They come from
pyphen's ``hyph_en_US.dic`` patterns, applied here with Liang's algorithm (as pyphen
does) rather than through ``pyphen.Pyphen``: that parses all 11,000 patterns with
regular expressions on every run (~40 ms, more than the rest of ``haikulint
syllables``). Instead the parsed patterns are written once, as a sorted
``pattern<TAB>offset<TAB>weights`` text file cached by :mod:`haikulint.prosody.cache`,
and looked up by bisecting that file through ``mmap`` (as :mod:`haikulint.prosody.cmu`
does): loading the whole table, even from marshal, cost ~4 ms per run, while the few
dozen lookups of a line cost a small fraction of that. Pieces are merged when there
are more than the count, and initialisms are shown letter by letter. When the patterns
give fewer pieces than the count, the word is cut before each vowel group instead; a
word is shown with exactly as many pieces as the count it sits beside, or whole
(``nginx`` 3 is shown as it is, never ``ng-inx``). Display only: counts never come
from here.
"""

from __future__ import annotations

import importlib.util
import itertools
import mmap
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from haikulint.prosody import cache, letters

if TYPE_CHECKING:
    from haikulint.prosody.readings import WordReading

FORMAT_VERSION = 2
HEADER_PREFIX = b"haikulint-hyph\t%d\t" % FORMAT_VERSION  # then the longest pattern, "\n"
LEFT_MIN = 2  # pyphen's defaults: no piece shorter than two letters at either end
RIGHT_MIN = 2
_GALLOP_BYTES = 128  # see PatternTable._lower_bound

Pattern = tuple[int, tuple[int, ...]]  # where the weights start in the key, the weights
Patterns = dict[str, Pattern]


def word_breaks(word: WordReading) -> str:
    """A word's breaks for display, beside its readings (``4|5``): as many pieces as
    one of them, the largest that can be shown, or the word whole.

    A word counted from parts (``re`` + ``deploy``) is cut where its parts meet.
    """
    for count in sorted(word.readings, reverse=True):
        if word.parts and sum(max(part.readings) for part in word.parts) == count:
            shown = "-".join(syllable_breaks(part.text, max(part.readings)) for part in word.parts)
            if shown.count("-") == count - 1:
                return shown
        shown = syllable_breaks(word.text, count)
        if shown.count("-") == count - 1:
            return shown
    return word.text


def syllable_breaks(word: str, count: int) -> str:
    """``word`` cut into exactly ``count`` pieces at (approximately) its syllables,
    or ``word`` whole when it cannot be."""
    if not word.isalpha() or count <= 1:
        return word
    spelled = letters.spelled_count(word) == count
    # Spelled out: an initialism (``llm``), or two or three letters read as letters
    # (``us`` of us-east-1, ``CI``): no such short word has as many syllables as letters.
    if spelled and (len(word) <= 3 or (len(word) <= 5 and _vowelless(word))):
        return "-".join(word) if len(word) == count else word  # w is three: a-w-s is not 5
    pieces = hyphenate(word)
    if len(pieces) < count:
        pieces = vowel_groups(word)
    if len(pieces) < count:
        return word
    while len(pieces) > count:
        index = min(range(len(pieces) - 1), key=lambda i: len(pieces[i]) + len(pieces[i + 1]))
        pieces[index : index + 2] = [pieces[index] + pieces[index + 1]]
    return "-".join(pieces)


def vowel_groups(word: str) -> list[str]:
    """``word`` cut before the consonant ahead of each vowel group after the first
    and with it the longest onset English words start with (``ku-ber-ne-tes``,
    ``py-tho-nic``, ``de-plo-ya-ble``, ``doc-ker``); a final ``e`` after a
    consonant is silent (``ma-chine``), a final ``le`` after one is a syllable
    (``a-ble``), and ``y`` before a vowel is a consonant."""
    lower = word.lower()
    vowels = [
        letter in "aeiou"
        or (letter == "y" and index > 0 and lower[index + 1 : index + 2] not in tuple("aeiou"))
        for index, letter in enumerate(lower)
    ]
    nuclei = [
        index for index, vowel in enumerate(vowels) if vowel and not (index and vowels[index - 1])
    ]
    syllabic_le = len(lower) > 2 and lower.endswith("le") and not vowels[-3]
    if len(nuclei) > 1 and nuclei[-1] == len(lower) - 1 and lower[-1] == "e":
        nuclei.pop()
        if syllabic_le:
            nuclei.append(len(lower) - 2)  # the l of a-ble is its nucleus
    cuts = [0]
    for start in nuclei[1:]:
        cut = start
        if start - 1 > cuts[-1] and not vowels[start - 1]:
            cut = start - 1  # the longest onset English words start with goes with it
            while (
                cut - 1 > cuts[-1]
                and not vowels[cut - 1]
                and letters.is_onset(lower[cut - 1 : start])
            ):
                cut -= 1
        cuts.append(cut)
    cuts.append(len(word))
    return [word[start:end] for start, end in itertools.pairwise(cuts) if start < end]


def hyphenate(word: str) -> list[str]:
    """``word`` cut at its hyphenation points (``["ku", "ber", "netes"]``)."""
    table = default_table()
    if table is None:
        return [word]
    cuts = [0, *_remembered_points(word.lower(), table), len(word)]
    return [word[start:end] for start, end in itertools.pairwise(cuts) if start < end]


@lru_cache(maxsize=4096)
def _remembered_points(word: str, table: PatternTable) -> tuple[int, ...]:
    """:func:`hyphenation_points` of ``word`` in ``table`` (a table is its own key, by
    identity), remembered: a message about a slug line shows every word's breaks, a
    blog's slugs repeat their words, and each word costs hundreds of searches of the
    table (~0.3 ms), several times what checking a post costs. Bounded."""
    return tuple(hyphenation_points(word, table))


def hyphenation_points(word: str, patterns: Patterns | PatternTable, longest: int = 0) -> list[int]:
    """Liang's algorithm: positions where ``word`` may be cut (odd pattern values)."""
    pointed = f".{word}."
    values = [0] * (len(pointed) + 1)
    if isinstance(patterns, PatternTable):
        longest = longest or patterns.longest
    else:
        longest = longest or max((len(key) for key in patterns), default=0)
    for start in range(len(pointed) - 1):
        window = pointed[start : start + longest]
        found = (
            patterns.prefixes_of(window)
            if isinstance(patterns, PatternTable)
            else _dict_prefixes_of(window, patterns)
        )
        for offset, weights in found:
            for index, weight in enumerate(weights, start=start + offset):
                values[index] = max(values[index], weight)
    return [
        position - 1
        for position, value in enumerate(values)
        if value % 2 and LEFT_MIN + 1 <= position <= len(word) - RIGHT_MIN + 1
    ]


def parse_patterns(text: str) -> Patterns:
    """A hunspell ``hyph_*.dic`` body (``.ach4``, ``4b1ly``...) to Liang patterns."""
    patterns: Patterns = {}
    for raw in text.splitlines()[1:]:
        line = raw.strip()
        if not line or line[0] in "%#" or line[0].isupper() or "/" in line:
            continue
        letters_only = "".join(character for character in line if not character.isdigit())
        weights: list[int] = []
        pending = 0
        for character in line:
            if character.isdigit():
                pending = int(character)
            else:
                weights.append(pending)
                pending = 0
        weights.append(pending)
        if not any(weights):
            continue
        start = next(index for index, weight in enumerate(weights) if weight)
        end = len(weights) - next(i for i, weight in enumerate(reversed(weights)) if weight)
        patterns[letters_only] = (start, tuple(weights[start:end]))
    return patterns


def serialize(patterns: Patterns) -> bytes:
    """The sorted lookup file: a header with the longest pattern's length, then
    ``pattern<TAB>offset<TAB>weights`` lines sorted by bytes (``ach\t0\t4``)."""
    rows = sorted(
        (key.encode("utf-8"), b"%d\t%s" % (offset, "".join(map(str, weights)).encode("ascii")))
        for key, (offset, weights) in patterns.items()
        if key and "\t" not in key and "\n" not in key
    )
    longest = max((len(key) for key in patterns), default=0)
    header = HEADER_PREFIX + b"%d\n" % longest
    return header + b"".join(key + b"\t" + value + b"\n" for key, value in rows)


class PatternTable:
    """Bisect search over a serialized pattern table (bytes or an mmap of the cache file)."""

    def __init__(self, data: bytes | mmap.mmap) -> None:
        if not _valid(data):
            raise ValueError("not a haikulint hyphenation table")
        self._data = data
        header_end = data.find(b"\n")
        self.longest = int(data[len(HEADER_PREFIX) : header_end])
        self._start = header_end + 1

    def get(self, key: str) -> Pattern | None:
        """The pattern spelled ``key``, or None."""
        for found_key, pattern in self._prefixes(key):
            if found_key == len(key):
                return pattern
        return None

    def prefixes_of(self, text: str) -> Iterator[Pattern]:
        """Every pattern that ``text`` starts with (``.de``, ``.dep`` of ``.deploy.``)."""
        for _, pattern in self._prefixes(text):
            yield pattern

    def _prefixes(self, text: str) -> Iterator[tuple[int, Pattern]]:
        # Keys sharing a prefix are adjacent in the sorted file, so after each search
        # the next line says whether any longer pattern can still match: most windows
        # stop after two or three searches instead of trying every length.
        data, low = self._data, self._start
        for length in range(1, len(text) + 1):
            key = text[:length].encode("utf-8", "surrogatepass")
            if b"\t" in key or b"\n" in key:
                return
            low = self._lower_bound(key, low)
            start, end, tab = self._line(low)
            if data[start:tab] == key:
                second = data.find(b"\t", tab + 1, end)
                weights = tuple(data[second + 1 : end])
                yield length, (int(data[tab + 1 : second]), tuple(w - 48 for w in weights))
                start, end, tab = self._line(end + 1)
            if start >= len(data) or not data[start:tab].startswith(key):
                return

    def _lower_bound(self, key: bytes, low: int) -> int:
        """The start of the first line at or after ``low`` whose key is not below ``key``."""
        data = self._data
        high = len(data)
        if low > self._start:  # a longer key than the last: usually a few lines on
            step = _GALLOP_BYTES
            while low + step < high:
                start = data.rfind(b"\n", low - 1, low + step) + 1
                end = data.find(b"\n", start)
                if data[start : data.find(b"\t", start, end)] >= key:
                    high = start
                    break
                low = end + 1
                step *= 2
        while low < high:
            middle = (low + high) // 2
            start = data.rfind(b"\n", low - 1, middle) + 1
            end = data.find(b"\n", start)
            if data[start : data.find(b"\t", start, end)] < key:
                low = end + 1
            else:
                high = start
        return low

    def _line(self, start: int) -> tuple[int, int, int]:
        """A line's start, end (its newline) and first tab; past the end: all ``len``."""
        data = self._data
        if start >= len(data):
            return len(data), len(data), len(data)
        end = data.find(b"\n", start)
        return start, end, data.find(b"\t", start, end)


def _dict_prefixes_of(text: str, patterns: Patterns) -> Iterator[Pattern]:
    for length in range(1, len(text) + 1):
        found = patterns.get(text[:length])
        if found is not None:
            yield found


def find_pattern_file() -> Path | None:
    """pyphen's American English patterns, found without importing pyphen."""
    try:
        spec = importlib.util.find_spec("pyphen")
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / "dictionaries" / "hyph_en_US.dic"
        if candidate.is_file():
            return candidate
    return None


def cache_file_name(source: Path) -> str:
    """The cache file's name: format version plus the source's size and mtime."""
    return f"hyph-en-us-v{FORMAT_VERSION}-{cache.source_key(source)}.tsv"


def open_table(source: Path, cache_dirs: list[Path] | None = None) -> PatternTable:
    """Open the cached pattern table for ``source``, building it first if needed."""
    data = cache.load(cache_file_name(source), lambda: _build(source), _valid, cache_dirs)
    return PatternTable(data)


@lru_cache(maxsize=1)
def default_table() -> PatternTable | None:
    """pyphen's installed patterns, opened (or built) on first use; None if absent."""
    source = find_pattern_file()
    return open_table(source) if source is not None else None


def _build(source: Path) -> bytes:
    return serialize(parse_patterns(source.read_text(encoding="utf-8")))


def _valid(data: bytes | mmap.mmap) -> bool:
    if data[: len(HEADER_PREFIX)] != HEADER_PREFIX or data[-1:] != b"\n":
        return False
    longest = data[len(HEADER_PREFIX) : data.find(b"\n")]
    return longest.isdigit()


def _vowelless(word: str) -> bool:
    return not any(letter in "aeiouAEIOU" for letter in word)
