"""Split haiku text and slugs into lines, and lines into words.

Lines are separated by newlines and by ``/``. :func:`split_text_lines`, which the
syllable engine reads haiku with, tells slugs from free text (see :func:`is_slug`): in
a slug (``a-b-/-c-d``, ``a-b/c-d``) every ``/`` separates lines; in free text, and in
a single token such as ``CI/CD`` or ``24/7``, only a ``/`` standing apart does (``a b /
c d``, or ``-/-`` as slugs write it), and one between two words stays in the line
(``on call 24/7``, ``tcp/ip``, ``and/or``), whose words are then its parts.
:func:`split_lines` splits on every ``/`` (``new`` relies on that: a ``/`` kept in a
line would become a folder).

Words are runs of letters and digits; they keep internal apostrophes (``don't``),
decimal points and thousands separators between digits (``3.5``, ``1,000``,
``1_000_000``; other commas and underscores between digits separate them: ``1,5`` is
two words), dots between letters (``node.js``), a leading dot (``.NET``, ``.5``), a
currency sign next to digits (``$10``, ``10€``), a ``+`` between digits (``2+2``), an
``&`` between letters (``Q&A``, ``AT&T``), an ``@`` or ``#`` starting a word (``@home``,
``#haiku``), a sign starting a number (``+1``,
``-1``: a ``+``, ``-`` or ``−`` directly before a digit, at the start or after white
space or an opening bracket or quote, so ``us-east-1`` and ``a-/-1`` hold none), a
trailing ``%`` and the ``++``/``#`` of ``c++`` and ``c#``. A symbol standing alone
between spaces, slashes or joiners is a word too, as it is read aloud: ``&`` (or ``&&``), ``+``,
``@``, ``%``, ``#`` (``rock & roll``). Everything else (spaces,
hyphens, underscores, other punctuation) separates words, so ``the-repo-holds-it-all``
is five words. Words are returned as written (curly apostrophes kept), in NFC. Nothing
here raises, whatever the Unicode.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

APOSTROPHES = "\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032"
"""Curly and look-alike apostrophes, read as ``'``."""

_APOSTROPHE_TABLE = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))

_NEWLINE = re.compile(r"[\n\r\u2028\u2029\u0085\u000b\u000c]")
_LINE_BREAK = re.compile(r"[/\n\r\u2028\u2029\u0085\u000b\u000c]")
_SLUG_BREAK = re.compile(r"/")
_JOINERS = "-_\u2010\u2011\u2012\u2013\u2014\u2015"
"""What slugs join words with: hyphens (and dashes typed for them) and underscores."""
# In free text: slashes with white space, a slug joiner or an end of the line on each side.
_JOINER_CLASS = re.escape(_JOINERS)
_TEXT_BREAK = re.compile(rf"(?:(?<=[\s{_JOINER_CLASS}])|^)/+(?=[\s{_JOINER_CLASS}]|$)")
_LINE_TRIM = " \t" + _JOINERS

_ALNUM = r"[^\W_]"
_CURRENCY = "$€£¥"
_SIGNS = "+\\-\u2212"
# A sign starting a number: at the start, or after white space or an opening bracket or
# quote; not after a letter, digit, joiner or other punctuation (``us-east-1``, ``4,-5``).
_SIGN = rf"(?<![^\s(\[{{\"'“‘«])[{_SIGNS}](?=\d)"
_WORD = re.compile(
    rf"""
    (?:[{_CURRENCY}](?=\d)|(?<![\w.])\.(?={_ALNUM})|{_SIGN}|(?<![^\W_])(?<![@\#])[@\#](?={_ALNUM}))?
    {_ALNUM}+
    (?:
        (?:'|(?<=\d)[.,_+](?=\d)|(?<=[^\W\d_])[.&](?=[^\W\d_]))
        {_ALNUM}+
    )*
    (?:\+\+|\#|%|(?<=\d)[{_CURRENCY}])?
    |
    (?<![^\s/{_JOINER_CLASS}])(?:&+|[+@%\#])(?![^\s/{_JOINER_CLASS}])
    """,
    re.VERBOSE,
)
# A word whose commas (underscores) all belong to one grouped number (``1,000,000``).
_THOUSANDS = re.compile(r"[^,]*?(?<!\d)\d{1,3}(?:,\d{3})+(?!\d)[^,]*")
# Compiled on first use by re's cache: most text has no underscore between digits.
_UNDERSCORED = r"[^_]*?(?<!\d)\d{1,3}(?:_\d{3})+(?!\d)[^_]*"


def normalize_apostrophes(text: str) -> str:
    """``don’t`` to ``don't``."""
    return text.translate(_APOSTROPHE_TABLE)


def split_lines(text: str) -> list[str]:
    """Haiku text or a slug to its lines at every ``/`` and newline, trimmed.

    ``"a b / c d"``, ``"a-b-/-c-d"`` and ``"a b\\nc d"`` all give ``["a b", "c d"]``
    (the slug keeps its inner hyphens: ``["a-b", "c-d"]``); ``"a/b c"`` gives
    ``["a", "b c"]``. Blank lines are dropped.
    """
    lines = (_trim(part, before) for before, part in _split(_LINE_BREAK, text))
    return [line for line in lines if line]


def is_slug(text: str) -> bool:
    """True when ``text`` (one line of input, no newline) is written as a slug.

    The exact rule: ``text`` has no white space, and either some ``/`` in it has a
    joiner (``-`` or ``_``, or a dash) directly on one side (``a-b-/-c-d``, ``a_/_b``,
    ``a-/b``), or at least two of the parts between its slashes hold a joiner
    (``the-cron-job/a-null-pointer``). A single token such as ``CI/CD``, ``24/7``,
    ``HTTP/2`` or ``tcp/ip`` is no slug, nor is ``old-pond/splash``: one word or
    compound with a ``/`` in it.
    """
    if "/" not in text or any(character.isspace() for character in text):
        return False
    parts = text.split("/")
    for left, right in itertools.pairwise(parts):  # the two sides of each slash
        if _is_joiner(left[-1:]) or _is_joiner(right[:1]):
            return True
    joined = sum(1 for part in parts if any(character in _JOINERS for character in part))
    return joined >= 2


def _is_joiner(character: str) -> bool:
    return bool(character) and character in _JOINERS


def split_text_lines(text: str) -> list[str]:
    """Like :func:`split_lines`, but a ``/`` between two words of free text stays.

    Each line of ``text`` that :func:`is_slug` calls a slug splits at every ``/``, as
    :func:`split_lines` does: ``"a-b-/-c-d"`` and ``"a-b/c-d"`` give ``["a-b", "c-d"]``.
    Any other line splits only at a ``/`` with white space, a joiner or an end of the
    line on each side: ``"on call 24/7 / now"`` gives ``["on call 24/7", "now"]``,
    ``"CI/CD"`` gives ``["CI/CD"]``.
    """
    if is_plain_poem(text):  # "old pond / a frog jumps in / splash", the usual
        # 0.7 us rather than 8 us: every ``/`` stands between spaces, so each splits.
        return [line for line in map(str.strip, text.split("/")) if line]
    return _split_text_lines(text)


def _split_text_lines(text: str) -> list[str]:
    """:func:`split_text_lines` of any text."""
    lines: list[str] = []
    for _, segment in _split(_NEWLINE, text):
        segment = segment.strip()
        breaks = _SLUG_BREAK if is_slug(segment) else _TEXT_BREAK
        lines.extend(_trim(part, before) for before, part in _split(breaks, segment))
    return [line for line in lines if line]


def _split(pattern: re.Pattern[str], text: str) -> list[tuple[str, str]]:
    """``text`` cut at ``pattern``: each part with the character just before it."""
    parts: list[tuple[str, str]] = []
    start, before = 0, ""
    for match in pattern.finditer(text):
        parts.append((before, text[start : match.start()]))
        start, before = match.end(), text[match.end() - 1 : match.end()]
    parts.append((before, text[start:]))
    return parts


def _trim(part: str, before: str) -> str:
    """A line's white space and joiners cut from both ends, but not a sign (``-1``).

    ``before`` is the character before ``part`` in the text (``/``, a newline, or
    nothing). The line holds the words :func:`split_words` finds in ``part`` there: a
    hyphen starting a number is kept where it is a sign (``-1``) and cut where it is a
    joiner (``a-/-1``), and a sign or dot that starts no word there (``_+1``, ``_.5``)
    is cut, so that it starts none in the line either.
    """
    context = before + part
    start = 0
    while start < len(part):
        joiner = part[start] in _LINE_TRIM
        if not joiner and not (part[start] in "+.\u2212" and _WORD.match(part[start:])):
            break  # a word, or punctuation that starts none
        if _WORD.match(context, len(before) + start):
            break  # a sign or a leading dot where it is one: kept
        start += 1
    return part[start:].rstrip(_LINE_TRIM)


_PLAIN_POEM = re.compile(r"[A-Za-z ]+(?: / [A-Za-z ]+)*")
"""A haiku on one line in ASCII letters, its lines apart by `` / ``."""
_PLAIN_LINE = re.compile(r"[A-Za-z -]*")
"""A line of ASCII letters between spaces and hyphens, as most slug lines are: its words
are its runs of letters (the whole pattern below finds just those in it)."""


def is_plain_poem(text: str) -> bool:
    """``text`` is only ASCII letters and spaces, its lines apart by `` / ``: each ``/``
    splits it (:func:`split_text_lines`), and each line's words are its letter runs."""
    return _PLAIN_POEM.fullmatch(text) is not None


def is_plain_line(line: str) -> bool:
    """``line`` is only ASCII letters, spaces and hyphens: its words are its letter runs."""
    return _PLAIN_LINE.fullmatch(line) is not None


def split_words(line: str) -> list[str]:
    """A line to its words, as written (case and curly apostrophes kept), in NFC."""
    if _PLAIN_LINE.fullmatch(line):
        # 0.4 us rather than 6 us a line: the slug rules split three or four lines a post.
        return line.replace("-", " ").split()
    return _split_words(line)


def _split_words(line: str) -> list[str]:
    """:func:`split_words` of any line."""
    text = unicodedata.normalize("NFC", line)
    plain = normalize_apostrophes(text)  # one character for one: offsets still match
    words: list[str] = []
    for match in _WORD.finditer(plain):
        word = text[match.start() : match.end()]
        pieces = [word]
        if "_" in word and not re.fullmatch(_UNDERSCORED, word):  # ``x86_64``: two words
            pieces = [piece for piece in word.split("_") if piece]
        for piece in pieces:
            if "," in piece and not _THOUSANDS.fullmatch(piece):
                words.extend(part for part in piece.split(",") if part)  # ``1,5``: one five
            else:
                words.append(piece)
    return words
