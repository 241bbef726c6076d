"""The gold sets, counted by ear by two blind counters, against the engine: at least 98%
right; and the sets are what the counters' columns and the written resolutions make."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from haikulint.prosody.count import SyllableCounter

HERE = Path(__file__).parent


def _benchmark(name: str) -> Any:
    """A script of benchmarks/ (not a package): the scoring rules, the gold's builder."""
    path = HERE.parent.parent / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


accuracy = _benchmark("syllable_accuracy")
builder = _benchmark("gold_from_counters")
read_gold, word_misses, line_misses = accuracy.read_gold, accuracy.word_misses, accuracy.line_misses


def test_gold_words() -> None:
    gold = read_gold(HERE / "gold_words.tsv")
    assert len(gold) >= 600
    misses = word_misses(SyllableCounter(), gold)
    assert len(misses) <= 0.02 * len(gold), misses


def test_gold_lines() -> None:
    gold = read_gold(HERE / "gold_lines.tsv")
    assert len(gold) >= 150
    misses = line_misses(SyllableCounter(), gold)
    assert len(misses) <= 0.02 * len(gold), misses


def test_accepted_sets_come_from_the_counters_and_the_written_resolutions() -> None:
    """No row was edited by hand: each accepted set is the counters' agreement, their
    union, or a correction written down with its evidence in gold_from_counters.py."""
    for name in ("gold_words.tsv", "gold_lines.tsv"):
        for row in accuracy.read_gold_rows(HERE / name):
            accepted, note = builder.resolve(row.text, row.a, row.b)
            assert (row.accepted, row.note) == (accuracy._counts(accepted), note), row.text


def test_published_lines_cite_their_source() -> None:
    rows = accuracy.read_gold_rows(HERE / "gold_lines.tsv")
    published = [row for row in rows if accuracy._published(row)]
    assert len(published) >= 60
    assert all(row.source.rstrip().endswith(tuple("0123456789")) for row in published)  # a year


def test_agreement_is_computed_from_the_columns() -> None:
    rows = [
        accuracy.GoldRow("a", frozenset({1}), frozenset({1}), frozenset({1}), "", ""),
        accuracy.GoldRow("b", frozenset({1, 2}), frozenset({2}), frozenset({1, 2}), "", ""),
        accuracy.GoldRow("c", frozenset({3}), frozenset({4}), frozenset({3, 4}), "", ""),
        accuracy.GoldRow("d", frozenset({5}), frozenset({5}), frozenset({5}), "", ""),
    ]
    assert accuracy.agreement(rows) == (50.0, 75.0)
