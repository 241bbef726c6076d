"""The benchmark's generated blog keeps its promise: clean posts are clean, and each
planted defect is found by the rule it was planted for.

``benchmarks/check_speed.py`` scores haikulint against the defects the generator
plants; if the generator's premise is wrong (a word said in two ways), a defect is
not one and the score says haikulint missed it.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from haikulint.prosody.count import SyllableCounter
from tests.benchmark_scripts import load_benchmark

from .conftest import check_json


def _generator() -> ModuleType:
    return load_benchmark("generate_blog")


def test_every_word_of_the_generator_has_one_reading() -> None:
    """A line one syllable too long must not fit by another reading of one of its words
    (``gallery`` is gal-le-ry or gal-ry: a line of six with it may be five)."""
    generator = _generator()
    counter = SyllableCounter()
    ambiguous = {
        word: counter.word(word).readings
        for count, words in generator.WORDS.items()
        for word in words
        if counter.word(word).readings != (count,)
    }
    assert ambiguous == {}


def test_the_unknown_words_are_one_syllable_and_unknown() -> None:
    """Each replaces a one-syllable word: only unknown-word may fire, not slug-syllables."""
    counter = SyllableCounter()
    for word in _generator().UNKNOWN_WORDS:
        reading = counter.word(word)
        assert (reading.readings, reading.known) == ((1,), False), word


def test_every_planted_defect_is_found_and_no_clean_post_flagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = _generator().generate_blog(400, tmp_path / "blog", seed=11)
    monkeypatch.chdir(tmp_path / "blog")
    _, diagnostics = check_json("--no-cache")
    found: dict[str, set[object]] = {}
    for diagnostic in diagnostics:
        found.setdefault(str(diagnostic["path"]), set()).add(diagnostic["code"])
    missed = {path: code for path, code in planted.items() if code not in found.get(path, ())}
    assert missed == {}
    assert set(found) <= set(planted)
