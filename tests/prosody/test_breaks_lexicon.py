from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from haikulint.prosody import breaks
from haikulint.prosody.breaks import hyphenate, parse_patterns, syllable_breaks
from haikulint.prosody.lexicon import LEXICON_FILE, lexicon, parse_lexicon
from haikulint.prosody.tokenize import split_words


@pytest.mark.parametrize(
    ("word", "count", "shown"),
    [
        ("repo", 2, "re-po"),
        ("deploy", 2, "de-ploy"),
        ("pipeline", 2, "pipe-line"),
        ("kubernetes", 4, "ku-ber-ne-tes"),
        ("kubernetes", 2, "kuber-netes"),
        ("llm", 3, "l-l-m"),
        ("us", 2, "u-s"),  # us-east-1
        ("CI", 2, "C-I"),
        ("ios", 3, "i-o-s"),
        ("us", 1, "us"),
        ("area", 3, "area"),
        ("hours", 1, "hours"),
        ("2024", 5, "2024"),
    ],
)
def test_syllable_breaks(word: str, count: int, shown: str) -> None:
    assert syllable_breaks(word, count) == shown


def test_liang_patterns() -> None:
    patterns = parse_patterns("UTF-8\nLEFTHYPHENMIN 2\n1ba\n% comment\n")
    assert patterns == {"ba": (0, (1,))}
    assert hyphenate("Memory") == ["Mem", "o", "ry"]


def test_lexicon_is_broad_and_well_formed() -> None:
    entries = lexicon()
    assert len(entries) >= 400
    for word, counts in entries.items():
        assert split_words(word) == [word], word
        assert counts == tuple(sorted(set(counts))) and counts[0] >= 1
    assert entries["kubectl"] == (3, 4)
    assert entries["sql"] == (2, 3)


def test_lexicon_has_no_duplicate_entries() -> None:
    words = [
        line.split()[0]
        for line in LEXICON_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(words) == len(set(words))


def test_malformed_lexicon_line_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="lexicon:2"):
        parse_lexicon("ok 1\nbroken x\n")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzAEKZ"), min_size=1, max_size=14))
def test_remembered_hyphenation_is_liangs_algorithm_run_afresh(word: str) -> None:
    """``hyphenate`` remembers each word's points (see ``_remembered_points``): asked
    twice, it cuts the word where the algorithm run on the table afresh does."""
    table = breaks.default_table()
    assume(table is not None)
    assert table is not None
    cuts = [0, *breaks.hyphenation_points(word.lower(), table), len(word)]
    afresh = [word[start:end] for start, end in itertools.pairwise(cuts) if start < end]
    assert hyphenate(word) == afresh
    assert hyphenate(word) == afresh  # the second time from memory
