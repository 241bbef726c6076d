"""The shipped lexicon of software and infrastructure vocabulary (``data/lexicon.txt``).

One entry a line: the word in lower case, then every syllable count people really
say (``kubectl 3 4``, ``sql 2 3``); ``#`` after white space starts a comment.
Loaded on first use only. Parsing its ~1,100 lines costs ~1 ms, so the parsed table
is cached (marshal, ~0.05 ms to load) by :mod:`haikulint.prosody.cache` under a name
carrying a format version and the file's size and mtime: editing the file rebuilds it.
"""

from __future__ import annotations

import marshal
import mmap
import sys
from functools import lru_cache
from pathlib import Path

from haikulint.prosody import cache

LEXICON_FILE = Path(__file__).with_name("data") / "lexicon.txt"
FORMAT_VERSION = 1
HEADER = b"haikulint-lexicon\t%d\n" % FORMAT_VERSION

Lexicon = dict[str, tuple[int, ...]]


def parse_lexicon(text: str, where: str = "lexicon") -> dict[str, tuple[int, ...]]:
    """Lexicon text to ``{word: counts}``; a malformed line raises ValueError."""
    entries: dict[str, tuple[int, ...]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = line.split(" #", 1)[0].split("\t#", 1)[0]
        word, *counts = line.split()
        try:
            values = sorted({int(count) for count in counts})
        except ValueError:
            values = []
        if not values or values[0] < 1:
            raise ValueError(f"{where}:{number}: expected 'word count [count...]': {raw!r}")
        entries[word.lower()] = tuple(values)
    return entries


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[int, ...]]:
    """The shipped lexicon, read once."""
    return load_lexicon(LEXICON_FILE)


def load_lexicon(source: Path, cache_dirs: list[Path] | None = None) -> Lexicon:
    """The lexicon file ``source`` parsed, from the cache when it holds this version."""
    data = cache.load(cache_file_name(source), lambda: _build(source), _valid, cache_dirs)
    try:
        loaded = marshal.loads(data[len(HEADER) :])
    except (EOFError, ValueError, TypeError):  # a damaged cache file: parse the source
        loaded = None
    if not isinstance(loaded, dict):
        return read_lexicon(source)
    table: Lexicon = loaded
    return table


def read_lexicon(source: Path) -> Lexicon:
    """The lexicon file ``source`` parsed, without the cache."""
    return parse_lexicon(source.read_text(encoding="utf-8"), str(source))


def cache_file_name(source: Path) -> str:
    """The cache file's name: format version plus the source's size and mtime."""
    # marshal's format belongs to the Python version that wrote it.
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"
    return f"lexicon-{python}-v{FORMAT_VERSION}-{cache.source_key(source)}.marshal"


def _build(source: Path) -> bytes:
    return HEADER + marshal.dumps(read_lexicon(source))


def _valid(data: bytes | mmap.mmap) -> bool:
    return data[: len(HEADER)] == HEADER
