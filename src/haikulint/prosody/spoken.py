"""What the syllable engine knows about how written pieces are said.

* :data:`PREFIXES`: common prefixes and SI (and binary) unit prefixes with their
  syllables, so that a known word behind one is counted from its parts
  (``redeploy`` re + deploy, ``petabytes`` peta + bytes, ``multicloud``).
* :data:`SUFFIXES` and :data:`SWAPPED_ENDINGS`: suffixes after a known word
  (``dockerless``, ``configurable``), and endings said like a known word's
  (``transparence`` as ``transparent``).
* :data:`SYMBOLS`: symbols read aloud (``&`` and, ``@`` at, ``%`` percent).
* :data:`NUMERONYMS`: the words that common numeronyms stand for (``k8s``
  Kubernetes): a numeronym keeps its first and last letters and counts the letters
  between (``i18n``: i, 18 letters, n), and is said either as that word or as written.
"""

from __future__ import annotations

PREFIXES: dict[str, tuple[int, ...]] = {
    # ordinary prefixes
    "anti": (2,),
    "auto": (2,),
    "bi": (1,),
    "co": (1,),
    "counter": (2,),
    "cross": (1,),
    "cyber": (2,),
    "de": (1,),
    "dis": (1,),
    "extra": (2,),
    "hyper": (2,),
    "inter": (2,),
    "intra": (2,),
    "meta": (2,),
    "mid": (1,),
    "mis": (1,),
    "mono": (2,),
    "multi": (2,),
    "neo": (2,),
    "non": (1,),
    "out": (1,),
    "over": (2,),
    "poly": (2,),
    "post": (1,),
    "pre": (1,),
    "proto": (2,),
    "pseudo": (2,),
    "re": (1,),
    "self": (1,),
    "semi": (2,),
    "sub": (1,),
    "super": (2,),
    "trans": (1,),
    "tri": (1,),
    "ultra": (2,),
    "un": (1,),
    "under": (2,),
    # SI prefixes and binary prefixes, before a unit
    "atto": (2,),
    "centi": (2,),
    "deca": (2,),
    "deci": (2,),
    "exa": (2,),
    "exbi": (2,),
    "femto": (2,),
    "gibi": (2,),
    "giga": (2,),
    "hecto": (2,),
    "kibi": (2,),
    "kilo": (2,),
    "mebi": (2,),
    "mega": (2,),
    "micro": (2,),
    "milli": (2,),
    "nano": (2,),
    "pebi": (2,),
    "peta": (2,),
    "pico": (2,),
    "tebi": (2,),
    "tera": (2,),
    "yotta": (2,),
    "zetta": (2,),
}
"""Prefix: its syllables. Longest first is tried first (``under`` before ``un``)."""

PREFIXES_LONGEST_FIRST = tuple(sorted(PREFIXES, key=len, reverse=True))

SUFFIXES: dict[str, tuple[int, ...]] = {
    "ability": (4,),
    "able": (2,),
    "ably": (2,),
    "dom": (1,),
    "ful": (1,),
    "fully": (2,),
    "hood": (1,),
    "ification": (4,),
    "ified": (2,),
    "ifies": (2,),
    "ify": (2,),
    "ish": (1,),
    "ism": (2,),
    "isms": (2,),
    "ist": (1,),
    "ists": (1,),
    "less": (1,),
    "lessly": (2,),
    "lessness": (2,),
    "like": (1,),
    "ly": (1,),
    "ment": (1,),
    "ments": (1,),
    "ness": (1,),
    "ship": (1,),
    "ships": (1,),
    "wise": (1,),
}
"""Suffix: its syllables, after a known stem (``dockerless``, ``configurable``)."""

SUFFIXES_LONGEST_FIRST = tuple(sorted(SUFFIXES, key=len, reverse=True))

SWAPPED_ENDINGS: tuple[tuple[str, str, int], ...] = (
    ("ence", "ent", 0),
    ("ance", "ant", 0),
    ("ency", "ent", 1),
    ("ancy", "ant", 1),
)
"""An ending said like another's, plus syllables: ``transparence`` as ``transparent``."""

SYMBOLS: dict[str, tuple[int, ...]] = {
    "&": (1,),  # and
    "+": (1,),  # plus
    "@": (1,),  # at
    "%": (2,),  # percent
    "#": (1, 2),  # hash, pound; number, hashtag
}
"""A symbol standing alone, read aloud."""

NUMERONYMS: dict[str, tuple[str, ...]] = {
    "a11y": ("accessibility", "ally"),
    "c14n": ("canonicalization",),
    "g11n": ("globalization",),
    "i18n": ("internationalization",),
    "k8s": ("kubernetes", "kates"),
    "l10n": ("localization",),
    "m17n": ("multilingualization",),
    "o11y": ("observability", "olly"),
    "p13n": ("personalization",),
    "s11n": ("serialization",),
    "v12n": ("virtualization",),
}
"""Numeronym: the word it stands for, then any nickname it is said as (``kates``)."""
