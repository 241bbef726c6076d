"""Short readings derived from CMU phonemes by rule (class 2 of issue 11)."""

from __future__ import annotations

import pytest

from haikulint.prosody import cmu, phonology


@pytest.mark.parametrize(
    ("phones", "counts"),
    [
        ("F AY1 ER0", {1, 2}),  # fire: a diphthong before r
        ("AW1 ER0", {1, 2}),  # hour
        ("F L AW1 ER0 IH0 NG", {2, 3}),  # flowering
        ("T R AY1 AH0 L", {1, 2}),  # trial: a diphthong before schwa + l
        ("F AY1 ER0 P AW2 ER0", {2, 3, 4}),  # firepower: both smoothed, or one, or none
        ("L OY1 ER0", {2}),  # lawyer: OY keeps its two syllables
        ("HH IH1 S T ER0 IY0", {2, 3}),  # history: medial schwa before r
        ("F AE1 M AH0 L IY0", {2, 3}),  # family: medial schwa before l
        ("IH0 V AE1 P ER0 EY2 T", {4}),  # evaporate: a stressed vowel after it
        ("P AE1 R AH0 L EH2 L", {3}),  # parallel
        ("T ER1 B Y AH0 L AH0 N T", {3}),  # turbulent: a glide before the schwa
        ("AA1 P ER0 EY2 T", {3}),  # operate
        ("B AH1 T ER0 F L AY2", {3}),  # butterfly: no vowel right after ER0
        ("S P ER0 IH1 NG", {2}),  # ER0 at the start: no stressed syllable before
        ("W AY1 R L IH0 S", {2, 3}),  # wireless: a diphthong before a final r, wi-er-less
        ("AY1 R IH0 SH", {2}),  # irish: the r starts the next syllable
        ("D UW1 AH0 L", {1, 2}),  # duel: a vowel and a schwa before l run together
        ("R IH1 CH UW0 AH0 L", {2, 3}),  # ritual
        ("V IH1 ZH AH0 W AH0 L", {2, 3}),  # visual
    ],
)
def test_short_readings(phones: str, counts: set[int]) -> None:
    assert phonology.readings(phones.split()) == counts


def test_rules_apply_to_every_word_of_the_table() -> None:
    """Not a word list: made-up words with the same phonemes get the same readings."""
    table = cmu.parse_cmudict(["zzfire Z F AY1 ER0", "zzhistory Z IH1 S T ER0 IY0"])
    assert table == {"zzfire": {1, 2}, "zzhistory": {2, 3}}


@pytest.mark.parametrize(
    ("word", "counts"),
    [
        ("fire", (1, 2)),
        ("hour", (1, 2)),
        ("flower", (1, 2)),
        ("power", (1, 2)),
        ("tired", (1, 2)),
        ("powerful", (2, 3)),
        ("fireside", (2, 3)),
        ("general", (2, 3)),
        ("favorite", (2, 3)),
        ("bakery", (2, 3)),
        ("popular", (3,)),
    ],
)
def test_installed_dictionary_keeps_both_readings(word: str, counts: tuple[int, ...]) -> None:
    lookup = cmu.default_lookup()
    assert lookup is not None
    assert lookup.counts(word) == counts
