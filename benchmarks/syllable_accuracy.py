"""Accuracy of the syllable engine on the gold sets in tests/prosody/.

A word is right when it has readings and every one of them is acceptable; a line is
right when its set of totals is non-empty and every total is acceptable.

    python benchmarks/syllable_accuracy.py [--words FILE] [--lines FILE] [--quiet]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from haikulint.prosody.count import SyllableCounter
from haikulint.prosody.tokenize import split_words

Miss = tuple[str, tuple[int, ...], frozenset[int], str]
"""A miss: the text, what the engine said, what is acceptable, and a note."""

GOLD = Path(__file__).resolve().parent.parent / "tests" / "prosody"


def read_gold(path: Path) -> list[tuple[str, frozenset[int]]]:
    """``text<TAB>1,2`` lines (``#`` comments) to ``[(text, {1, 2})]``."""
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        text, counts = raw.split("\t")
        rows.append((text, frozenset(int(count) for count in counts.split(","))))
    return rows


def word_misses(counter: SyllableCounter, gold: list[tuple[str, frozenset[int]]]) -> list[Miss]:
    misses: list[Miss] = []
    for text, accepted in gold:
        tokens = split_words(text)
        if len(tokens) != 1:
            misses.append((text, (), accepted, f"not one word: {tokens}"))
            continue
        word = counter.word(tokens[0])
        if not word.readings or not set(word.readings) <= accepted:
            misses.append((text, word.readings, accepted, str(word.source)))
    return misses


def line_misses(counter: SyllableCounter, gold: list[tuple[str, frozenset[int]]]) -> list[Miss]:
    misses: list[Miss] = []
    for text, accepted in gold:
        lines = counter.lines(text)
        totals = lines[0].totals if len(lines) == 1 else ()
        if not totals or not set(totals) <= accepted:
            details = " ".join(
                f"{word.text}={'|'.join(map(str, word.readings))}"
                for line in lines
                for word in line.words
            )
            misses.append((text, totals, accepted, details))
    return misses


def report(
    title: str,
    total: int,
    misses: list[Miss],
    quiet: bool,
) -> float:
    right = total - len(misses)
    share = 100.0 * right / total if total else 100.0
    print(f"{title}: {right}/{total} right ({share:.1f}%)")
    if not quiet:
        for text, got, accepted, note in misses:
            wanted = ",".join(map(str, sorted(accepted)))
            print(f"  miss {text!r}: got {'|'.join(map(str, got)) or '-'}, want {wanted} ({note})")
    return share


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=Path, default=GOLD / "gold_words.tsv")
    parser.add_argument("--lines", type=Path, default=GOLD / "gold_lines.tsv")
    parser.add_argument("--quiet", action="store_true", help="Only the percentages.")
    options = parser.parse_args(argv)
    counter = SyllableCounter()
    words = read_gold(options.words)
    lines = read_gold(options.lines)
    report("words", len(words), word_misses(counter, words), options.quiet)
    report("lines", len(lines), line_misses(counter, lines), options.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
