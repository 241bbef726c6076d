"""The gold sets, counted by ear, against the engine: at least 98% right."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from haikulint.prosody.count import SyllableCounter

HERE = Path(__file__).parent


def _benchmark() -> Any:
    """benchmarks/syllable_accuracy.py, which holds the scoring rules (not a package)."""
    path = HERE.parent.parent / "benchmarks" / "syllable_accuracy.py"
    spec = importlib.util.spec_from_file_location("syllable_accuracy", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


accuracy = _benchmark()
read_gold, word_misses, line_misses = accuracy.read_gold, accuracy.word_misses, accuracy.line_misses


def test_gold_words() -> None:
    gold = read_gold(HERE / "gold_words.tsv")
    assert len(gold) >= 300
    misses = word_misses(SyllableCounter(), gold)
    assert len(misses) <= 0.02 * len(gold), misses


def test_gold_lines() -> None:
    gold = read_gold(HERE / "gold_lines.tsv")
    assert len(gold) >= 50
    misses = line_misses(SyllableCounter(), gold)
    assert len(misses) <= 0.02 * len(gold), misses
