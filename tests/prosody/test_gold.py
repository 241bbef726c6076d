"""The gold sets, counted by ear by two blind counters, against the engine: at least 98%
right; and the sets are what the counters' columns and the written resolutions make."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from haikulint.prosody.count import SyllableCounter
from tests.benchmark_scripts import load_benchmark

HERE = Path(__file__).parent


accuracy = load_benchmark("syllable_accuracy")
builder = load_benchmark("gold_from_counters")
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


def _peer_scores() -> dict[str, Any]:
    return dict(
        accuracy.peer_report(
            accuracy.read_gold_rows(HERE / "gold_words.tsv"),
            accuracy.read_gold_rows(HERE / "gold_lines.tsv"),
        )
    )


PEER_SETS = ("words", "words in CMU", "words not in CMU", "lines")


def test_our_estimate_is_right_more_often_than_the_syllables_package() -> None:
    """Why prosody/estimate.py is our own: on the blind counts, ``syllables.estimate``
    is wrong more often, on every set. Should that change, use the library."""
    scores = _peer_scores()
    for name in PEER_SETS:
        ours, theirs = scores[f"haikulint estimate: {name}"], scores[f"syllables.estimate: {name}"]
        assert ours.total == theirs.total > 100
        assert ours.right > theirs.right, name


def test_the_peer_scoring_rules() -> None:
    one = frozenset({1})
    assert accuracy.estimated_word_right(lambda word: 1, "Fire", frozenset({1, 2}))
    assert not accuracy.estimated_word_right(lambda word: 2, "the", one)
    assert accuracy.estimated_line_right(len, "a-bb", frozenset({3}))  # 1 + 2, per word
    assert not accuracy.estimated_line_right(len, "", one)


def test_the_figures_quoted_for_not_using_syllables_are_the_benchmarks() -> None:
    """estimate.py's docstring and the README quote the peer figures: they must be these."""
    scores = _peer_scores()

    def versus(name: str, what: str) -> str:
        ours, theirs = scores[f"haikulint estimate: {name}"], scores[f"syllables.estimate: {name}"]
        return (
            f"{ours.right:,} of {what.format(total=f'{ours.total:,}')} ({ours.share:.1f}%) "
            f"against {theirs.right:,} ({theirs.share:.1f}%)"
        )

    quoted = [
        versus("words", "{total} single words right"),
        versus("words not in CMU", "the {total} words the CMU dictionary lacks"),
        versus("lines", "{total} lines"),
    ]
    repository = HERE.parent.parent
    for path in (repository / "README.md", repository / "src/haikulint/prosody/estimate.py"):
        text = " ".join(path.read_text(encoding="utf-8").split())
        for fragment in quoted:
            assert fragment in text, (path.name, fragment)
