"""Readings that ordinary speech and poets use, derived from CMU phonemes by rule.

The CMU dictionary often lists only one pronunciation of a word. These well-known
variants give a reading one syllable shorter (or, for the first, longer), and all are
applied to every pronunciation (never to a word list), so that the words built on a
base get them too (``fire``, ``firewall``, ``fireside``, ``wireless``, ``towering``):

* **a diphthong before r or l** (smoothing): ``AY``/``AW`` followed by the unstressed
  r-coloured vowel ``ER0`` (``fire`` F AY1 ER0, ``hour``, ``flower``, ``power``,
  ``tired``), or by an unstressed schwa and ``L`` (``trial`` T R AY1 AH0 L, ``vowel``,
  ``towel``) is said as one syllable as often as two. ``OY`` is left out: ``lawyer``,
  ``employer`` and ``foyer`` keep both syllables in ordinary speech. The other way
  round, ``AY``/``AW`` before a consonant ``R`` that ends its syllable (``wireless``
  W AY1 R L IH0 S, ``expire``, ``firewall``) is also said as two (wi-er-less); not
  when a vowel follows the ``R`` (``irish``, ``spiral``: the r starts the next syllable).
* **a vowel and a schwa before l run together** (gliding): ``UW`` and a schwa before
  ``L`` (``duel`` D UW1 AH0 L, ``annual``, ``ritual``) and a schwa, ``W``, a schwa before
  ``L`` (``casual`` K AE1 ZH AH0 W AH0 L, ``visual``, ``actual``) lose one syllable
  (``ri-tchual``, ``vi-zhual``).
* **a medial schwa dropped before r or l** (syncope): after a syllable with primary
  stress and at least one consonant, an unstressed ``ER0`` directly before an
  unstressed vowel (``history`` HH IH1 S T ER0 IY0 his-try, ``favorite``, ``bakery``,
  ``general``), or an unstressed ``AH0`` before ``L`` or ``R`` and an unstressed vowel
  (``family`` F AE1 M AH0 L IY0 fam-ly), is often not said. A stressed vowel after it
  blocks the drop: ``evaporate`` (``ER0 EY2``) keeps its four syllables, and so does
  ``parallel`` (``AH0 L EH2``); so does a glide before it (``turbulent``, ``popular``:
  the schwa of a written ``u`` is said). A schwa before ``L`` drops only before an
  unstressed ``IY`` and after a consonant other than ``R`` or ``L`` (``family``,
  ``finally``; not ``desolate``, nor ``nat-ral-ly`` again), and a pronunciation
  drops at most one medial schwa (``naturally`` nat-ral-ly, not natch-ly).

One pronunciation is left out instead: a schwa the spelling does not write between a
diphthong and a final ``l`` (``aisle`` AY1 AH0 L beside AY1 L: the ``s`` is silent
and there is no vowel letter for the schwa), a drawl of the one-syllable word.

Each rule is a variant: the full reading is always kept beside the short one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

RULES_VERSION = 5
"""Part of the CMU table cache's name: change it with any rule, so the table is rebuilt."""

SMOOTHING_DIPHTHONGS = frozenset({"AY", "AW"})
_DIPHTHONGS = frozenset({"AY", "AW", "OY"})
_GLIDES = frozenset({"Y", "W"})


def vowel(phone: str) -> bool:
    """A CMU phone that carries a stress digit: a vowel, the nucleus of a syllable."""
    return phone[-1:].isdigit()


def syllable_count(phones: Sequence[str]) -> int:
    return sum(1 for phone in phones if vowel(phone))


def breakings(phones: Sequence[str]) -> int:
    """How many syllables a diphthong before a syllable-final ``R`` may add (fi-er)."""
    added = 0
    for index, phone in enumerate(phones[:-1]):
        if phone[:-1] in SMOOTHING_DIPHTHONGS and vowel(phone) and phones[index + 1] == "R":
            after = phones[index + 2 : index + 3]
            if not after or not vowel(after[0]):
                added += 1
    return added


def reductions(phones: Sequence[str]) -> int:
    """How many syllables the rules above may drop from one pronunciation."""
    dropped = 0
    syncopated = False
    index = 0
    while index < len(phones):
        step = _smoothed(phones, index) or _glided(phones, index)
        if not step and not syncopated:
            step = _syncopated(phones, index)
            syncopated = bool(step)
        if step:
            dropped += 1
            index += step
        else:
            index += 1
    return dropped


def unwritten_schwa(word: str, phones: Sequence[str]) -> bool:
    """A drawled pronunciation: diphthong, schwa, final ``L``, where the spelling has a
    consonant and ``le`` after the vowel (``aisle``, ``isle``) and so no letter for it."""
    if len(phones) < 3 or list(phones[-2:]) != ["AH0", "L"]:
        return False
    if phones[-3][:-1] not in _DIPHTHONGS or not vowel(phones[-3]):
        return False
    return re.search(r"[aeiouy][^aeiouyl]+le$", word) is not None


def readings(phones: Sequence[str]) -> set[int]:
    """Every syllable count of one pronunciation: its own and each variant's."""
    full = syllable_count(phones)
    counts = {full - dropped for dropped in range(reductions(phones) + 1) if full - dropped > 0}
    return counts | {full + added for added in range(1, breakings(phones) + 1)}


def _smoothed(phones: Sequence[str], index: int) -> int:
    """``AY1 ER0`` or ``AY1 AH0 L`` at ``index``: the phones to step over, else 0."""
    if phones[index][:-1] not in SMOOTHING_DIPHTHONGS or not vowel(phones[index]):
        return 0
    after = phones[index + 1 : index + 3]
    if after[:1] == ["ER0"]:
        return 2
    if len(after) == 2 and after[0] == "AH0" and after[1] == "L":
        return 3
    return 0


def _glided(phones: Sequence[str], index: int) -> int:
    """``UW AH0 L`` or ``AH0 W AH0 L`` at ``index``: the phones to step over, else 0."""
    if phones[index][:-1] == "UW" and list(phones[index + 1 : index + 3]) == ["AH0", "L"]:
        return 3
    if phones[index] == "AH0" and list(phones[index + 1 : index + 4]) == ["W", "AH0", "L"]:
        return 4
    return 0


def _syncopated(phones: Sequence[str], index: int) -> int:
    """A medial schwa at ``index`` that may be dropped: the phones to step over, else 0."""
    phone = phones[index]
    if phone == "ER0":
        following = index + 1
    elif phone == "AH0" and phones[index + 1 : index + 2] == ["R"]:
        following = index + 2
    elif (
        phone == "AH0"
        and phones[index + 1 : index + 3] == ["L", "IY0"]
        and phones[index - 1 : index] not in (["R"], ["L"])
    ):
        following = index + 2  # family; not naturally's nat-ral-ly as natch-ly
    else:
        return 0
    if following >= len(phones) or phones[following][-1:] != "0":
        return 0  # no vowel right after, or a stressed one (evaporate, parallel)
    before = index - 1
    if before < 0 or vowel(phones[before]) or phones[before] in _GLIDES:
        return 0  # no consonant before it, or a glide (turbulent, popular: -yuh-)
    while before >= 0 and not vowel(phones[before]):
        before -= 1
    if before < 0 or phones[before][-1] != "1":
        return 0  # the syllable before is not the stressed one
    return following - index
