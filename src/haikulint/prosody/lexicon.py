"""The shipped lexicon of software and infrastructure vocabulary (``data/lexicon.txt``).

One entry a line: the word in lower case, then every syllable count people really
say (``kubectl 3 4``, ``sql 2 3``); ``#`` after white space starts a comment.
Loaded on first use only.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

LEXICON_FILE = Path(__file__).with_name("data") / "lexicon.txt"


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
    return parse_lexicon(LEXICON_FILE.read_text(encoding="utf-8"), str(LEXICON_FILE))
