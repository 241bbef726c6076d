"""Initialisms spoken letter by letter: ``llm`` is el-el-em (3), ``aws`` is ay-double-u-ess (5).

Used for words in no dictionary that cannot be read as a word: no vowel at all
(``npm``, ``tls``), a start no English word has (``gpu``, ``tpm``), or at most three
letters (``ebs``, ``iot``).
"""

from __future__ import annotations

LETTER_SYLLABLES = {letter: 1 for letter in "abcdefghijklmnopqrstuvxyz"} | {"w": 3}
"""Syllables in each letter's name: every letter has one, except double-u."""

VOWELS = frozenset("aeiouy")

# Initial consonant clusters that English words may start with; a letter string
# starting with any other cluster (``gp``, ``tp``, ``ld``) is not read as a word.
_ONSETS_SPELLED = (
    "b bl br c ch chr cl cr cz d dr dw f fj fl fr g gh gl gn gr gw h j k kh kl kn kr kw l m "
    "n p ph phl phr pl pn pr ps q qu r rh s sc sch schl schm schn schr scl scr sh shl shm "
    "shn shr sk skr sl sm sn sp sph spl spr squ st str sv sw t th thr tr ts tw v vl w wh wr "
    "x y z zh"
)
_ONSETS = frozenset(_ONSETS_SPELLED.split(" "))


def spelled_count(word: str) -> int | None:
    """Syllables when ``word`` (ASCII letters only) is said letter by letter, else None."""
    if not word or not word.isascii() or not word.isalpha():
        return None
    return sum(LETTER_SYLLABLES[letter] for letter in word.lower())


def is_initialism(word: str) -> bool:
    """True when a word found in no dictionary is more likely spelled out than read."""
    lower = word.lower()
    if spelled_count(lower) is None:
        return False
    if len(lower) <= 3 or not any(letter in VOWELS for letter in lower):
        return True
    cluster = onset(lower)
    return bool(cluster) and cluster not in _ONSETS


def is_onset(cluster: str) -> bool:
    """True when English words may start with the consonants ``cluster`` (``str``)."""
    return cluster.lower() in _ONSETS


def onset(word: str) -> str:
    """The consonants before the first vowel (``y`` counts as a vowel after a consonant,
    ``u`` does not after ``q``: the onset of ``squash`` is ``squ``)."""
    for index, letter in enumerate(word):
        if letter == "u" and index > 0 and word[index - 1] == "q":
            continue
        if letter in "aeiou" or (letter == "y" and index > 0):
            return word[:index]
    return word
