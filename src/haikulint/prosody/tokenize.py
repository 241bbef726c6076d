"""Split haiku text and slugs into lines, and lines into words.

Lines are separated by ``/`` (``a b / c d``, or a slug ``a-b-/-c-d``) and by newlines.
Words are runs of letters and digits; they keep internal apostrophes (``don't``,
curly ones made straight), decimal points and thousands commas between digits
(``3.5``, ``1,000``), dots between letters (``node.js``), a trailing ``%`` and the
``++``/``#`` of ``c++`` and ``c#``. Everything else (spaces, hyphens, underscores,
other punctuation) separates words, so ``the-repo-holds-it-all`` is five words.
Nothing here raises, whatever the Unicode.
"""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = "\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032"
"""Curly and look-alike apostrophes, read as ``'``."""

_APOSTROPHE_TABLE = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))

_LINE_BREAK = re.compile(r"[/\n\r\u2028\u2029\u0085\u000b\u000c]")
_LINE_TRIM = " \t-\u2010\u2011\u2012\u2013\u2014\u2015_"

_ALNUM = r"[^\W_]"
_WORD = re.compile(
    rf"""
    {_ALNUM}+
    (?:
        (?:'|(?<=\d)[.,](?=\d)|(?<=[^\W\d_])\.(?=[^\W\d_]))
        {_ALNUM}+
    )*
    (?:\+\+|\#|%)?
    """,
    re.VERBOSE,
)


def normalize_apostrophes(text: str) -> str:
    """``don’t`` to ``don't``."""
    return text.translate(_APOSTROPHE_TABLE)


def split_lines(text: str) -> list[str]:
    """Haiku text or a slug to its lines, trimmed of spaces and stray hyphens.

    ``"a b / c d"``, ``"a-b-/-c-d"`` and ``"a b\\nc d"`` all give ``["a b", "c d"]``
    (the slug keeps its inner hyphens: ``["a-b", "c-d"]``). Blank lines are dropped.
    """
    lines = (part.strip(_LINE_TRIM) for part in _LINE_BREAK.split(text))
    return [line for line in lines if line]


def split_words(line: str) -> list[str]:
    """A line to its words, as written (case kept, apostrophes made straight)."""
    return _WORD.findall(normalize_apostrophes(unicodedata.normalize("NFC", line)))
