"""Syllable breaks for display: ``re-po``, ``de-ploy``, ``l-l-m``.

Hyphenation points are a close stand-in for syllable boundaries. They come from
pyphen's ``hyph_en_US.dic`` patterns, applied here with Liang's algorithm (as pyphen
does) rather than through ``pyphen.Pyphen``: that parses all 11,000 patterns with
regular expressions on every run (~40 ms, more than the rest of ``haikulint
syllables``), while the parsed patterns, cached by :mod:`haikulint.prosody.cache`,
load in about a millisecond. Pieces are merged when there are more than the count,
and initialisms are shown letter by letter. Display only: counts never come from here.
"""

from __future__ import annotations

import importlib.util
import itertools
import marshal
import mmap
from functools import lru_cache
from pathlib import Path

from haikulint.prosody import cache, letters

FORMAT_VERSION = 1
HEADER = b"haikulint-hyph\t%d\n" % FORMAT_VERSION
LEFT_MIN = 2  # pyphen's defaults: no piece shorter than two letters at either end
RIGHT_MIN = 2

Patterns = dict[str, tuple[int, tuple[int, ...]]]


def syllable_breaks(word: str, count: int) -> str:
    """``word`` with hyphens between (approximately) its ``count`` syllables."""
    if not word.isalpha() or count <= 1:
        return word
    if len(word) <= 5 and letters.spelled_count(word) == count and _vowelless(word):
        return "-".join(word)
    pieces = hyphenate(word)
    while len(pieces) > count:
        index = min(range(len(pieces) - 1), key=lambda i: len(pieces[i]) + len(pieces[i + 1]))
        pieces[index : index + 2] = [pieces[index] + pieces[index + 1]]
    return "-".join(pieces)


def hyphenate(word: str) -> list[str]:
    """``word`` cut at its hyphenation points (``["ku", "ber", "netes"]``)."""
    patterns = _patterns()
    if not patterns:
        return [word]
    points = hyphenation_points(word.lower(), patterns, _longest())
    cuts = [0, *points, len(word)]
    return [word[start:end] for start, end in itertools.pairwise(cuts) if start < end]


def hyphenation_points(word: str, patterns: Patterns, longest: int = 0) -> list[int]:
    """Liang's algorithm: positions where ``word`` may be cut (odd pattern values)."""
    pointed = f".{word}."
    values = [0] * (len(pointed) + 1)
    longest = longest or max((len(key) for key in patterns), default=0)
    for start in range(len(pointed) - 1):
        for end in range(start + 1, min(start + longest, len(pointed)) + 1):
            found = patterns.get(pointed[start:end])
            if found is None:
                continue
            offset, weights = found
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


@lru_cache(maxsize=1)
def _patterns() -> Patterns:
    source = find_pattern_file()
    if source is None:
        return {}
    name = f"hyph-en-us-v{FORMAT_VERSION}-{cache.source_key(source)}.marshal"
    data = cache.load(name, lambda: _build(source), _valid)
    loaded: Patterns = marshal.loads(data[len(HEADER) :])
    return loaded


@lru_cache(maxsize=1)
def _longest() -> int:
    return max((len(key) for key in _patterns()), default=0)


def _build(source: Path) -> bytes:
    return HEADER + marshal.dumps(parse_patterns(source.read_text(encoding="utf-8")))


def _valid(data: bytes | mmap.mmap) -> bool:
    return data[: len(HEADER)] == HEADER


def _vowelless(word: str) -> bool:
    return not any(letter in "aeiouAEIOU" for letter in word)
