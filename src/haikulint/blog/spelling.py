"""How a slug spells words: lowercase ASCII letters and digits, apostrophes dropped.

Shared by the checks that compare a written haiku or title with its slug and by
``new``, which names posts, so the two always agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from haikulint.prosody.tokenize import is_plain_line, normalize_apostrophes

# Latin letters that NFKD leaves alone, spelled the way English keyboards write them.
# (``ß`` and ``ſ`` need no entry: ``str.casefold`` gives ``ss`` and ``s``.)
_LETTER_FOLDS = {
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ł": "l",
    "ı": "i",
    "ŋ": "ng",
    "ħ": "h",
    "ŧ": "t",
    "ƒ": "f",
    "ə": "e",
    "ĸ": "k",
}


def fold_to_ascii(text: str) -> str:
    """Lowercase ASCII where the text has a Latin spelling: ``Café`` to ``cafe``.

    Letters with no such spelling (``λ``, ``東``) are kept, for :func:`slugify_line`
    to refuse; marks are dropped; other digits become ASCII digits (``٣`` to ``3``).
    """
    if text.isascii():  # nearly every slug: skip the per-character walk
        return text.lower()
    folded: list[str] = []
    for char in unicodedata.normalize("NFKD", text.casefold()):
        if char.isascii():
            folded.append(char)
        elif unicodedata.category(char).startswith("M"):
            continue
        elif char in _LETTER_FOLDS:
            folded.append(_LETTER_FOLDS[char])
        elif unicodedata.category(char) == "Nd":
            folded.append(str(unicodedata.decimal(char)))
        else:
            folded.append(char)
    return "".join(folded).lower()  # NFKD can make capitals: `㎒` is `MHz`


@lru_cache(maxsize=4096)
def slug_words(text: str) -> tuple[str, ...]:
    """The words a slug would spell for ``text``: lowercase ASCII, no apostrophes.

    ``"Don't Panic: Café Straße"`` gives ``("dont", "panic", "cafe", "strasse")``.
    Cached, for the several checks that spell one post's lines; a few thousand entries
    are enough for that (a cache of every line of a 100,000-post blog held ~25 MB).
    """
    if is_plain_line(text):  # letters between spaces and hyphens: nothing to fold
        return tuple(text.lower().replace("-", " ").split())
    return _folded_words(text)


def _folded_words(text: str) -> tuple[str, ...]:
    """:func:`slug_words` of any text."""
    folded = fold_to_ascii(normalize_apostrophes(text).replace("'", ""))
    return tuple(_WORD.findall(folded))


_WORD = re.compile(r"[a-z0-9]+")
