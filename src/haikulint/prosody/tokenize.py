"""Split haiku text and slugs into lines, and lines into words.

Lines are separated by newlines and by ``/``. :func:`split_text_lines`, which the
syllable engine reads haiku with, tells slugs from free text: in a slug (a line of
text without white space: ``a-b-/-c-d``, ``a-b/c-d``) every ``/`` separates lines; in
free text only a ``/`` standing apart does (``a b / c d``, or ``-/-`` as slugs write
it), and one between two words stays in the line (``on call 24/7``, ``tcp/ip``,
``and/or``), whose words are then its parts. :func:`split_lines` splits on every
``/`` (``new`` relies on that: a ``/`` kept in a line would become a folder).

Words are runs of letters and digits; they keep internal apostrophes (``don't``),
decimal points and thousands commas between digits (``3.5``, ``1,000``; other commas
between digits separate them: ``1,5`` is two words), dots between letters
(``node.js``), a leading dot (``.NET``, ``.5``), a currency sign next to digits
(``$10``, ``10€``), a trailing ``%`` and the ``++``/``#`` of ``c++`` and ``c#``.
Everything else (spaces, hyphens, underscores, other punctuation) separates words,
so ``the-repo-holds-it-all`` is five words. Words are returned as written (curly
apostrophes kept), in NFC. Nothing here raises, whatever the Unicode.
"""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = "\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032"
"""Curly and look-alike apostrophes, read as ``'``."""

_APOSTROPHE_TABLE = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))

_NEWLINE = re.compile(r"[\n\r\u2028\u2029\u0085\u000b\u000c]")
_LINE_BREAK = re.compile(r"[/\n\r\u2028\u2029\u0085\u000b\u000c]")
_SLUG_BREAK = re.compile(r"/")
# In free text: slashes with white space, a slug joiner or an end of the line on each side.
_TEXT_BREAK = re.compile(r"(?:(?<=[\s\-_])|^)/+(?=[\s\-_]|$)")
_LINE_TRIM = " \t-\u2010\u2011\u2012\u2013\u2014\u2015_"

_ALNUM = r"[^\W_]"
_CURRENCY = "$€£¥"
_WORD = re.compile(
    rf"""
    (?:[{_CURRENCY}](?=\d)|(?<![\w.])\.(?={_ALNUM}))?
    {_ALNUM}+
    (?:
        (?:'|(?<=\d)[.,](?=\d)|(?<=[^\W\d_])\.(?=[^\W\d_]))
        {_ALNUM}+
    )*
    (?:\+\+|\#|%|(?<=\d)[{_CURRENCY}])?
    """,
    re.VERBOSE,
)
# A word whose commas all belong to one thousands-grouped number (``1,000,000``).
_THOUSANDS = re.compile(r"[^,]*?(?<!\d)\d{1,3}(?:,\d{3})+(?!\d)[^,]*")


def normalize_apostrophes(text: str) -> str:
    """``don’t`` to ``don't``."""
    return text.translate(_APOSTROPHE_TABLE)


def split_lines(text: str) -> list[str]:
    """Haiku text or a slug to its lines at every ``/`` and newline, trimmed.

    ``"a b / c d"``, ``"a-b-/-c-d"`` and ``"a b\\nc d"`` all give ``["a b", "c d"]``
    (the slug keeps its inner hyphens: ``["a-b", "c-d"]``); ``"a/b c"`` gives
    ``["a", "b c"]``. Blank lines are dropped.
    """
    lines = (part.strip(_LINE_TRIM) for part in _LINE_BREAK.split(text))
    return [line for line in lines if line]


def split_text_lines(text: str) -> list[str]:
    """Like :func:`split_lines`, but a ``/`` between two words of free text stays.

    ``"on call 24/7 / now"`` gives ``["on call 24/7", "now"]``; slugs split as
    always: ``"a-b-/-c-d"`` and ``"a-b/c-d"`` give ``["a-b", "c-d"]``.
    """
    lines: list[str] = []
    for segment in _NEWLINE.split(text):
        segment = segment.strip()
        free_text = any(character.isspace() for character in segment)
        breaks = _TEXT_BREAK if free_text else _SLUG_BREAK
        lines.extend(part.strip(_LINE_TRIM) for part in breaks.split(segment))
    return [line for line in lines if line]


def split_words(line: str) -> list[str]:
    """A line to its words, as written (case and curly apostrophes kept), in NFC."""
    text = unicodedata.normalize("NFC", line)
    plain = normalize_apostrophes(text)  # one character for one: offsets still match
    words: list[str] = []
    for match in _WORD.finditer(plain):
        word = text[match.start() : match.end()]
        if "," in word and not _THOUSANDS.fullmatch(word):
            words.extend(piece for piece in word.split(",") if piece)  # ``1,5``: one five
        else:
            words.append(word)
    return words
