"""Accuracy of the syllable engine on the gold sets in tests/prosody/, and the agreement
of the two blind counters who made them.

A word is right when it has readings and every one of them is acceptable; a line is
right when its set of totals is non-empty and every total is acceptable. Accuracy is
printed for the whole of each set and for two parts of it: the words that are not
lexicon entries (the lexicon was audited against these very counts, so its own words
say little), and the lines quoted from published poems.
Agreement is the counters' own: rows where A and B gave the same set, and rows where
their sets share a reading; it says how firm the answer key is, not how good the tool is.

Peer references, measured in the same run on the same rows: haikulint's own spelling
estimate (what it falls back on for a word no dictionary knows) beside the ``syllables``
package's ``syllables.estimate``, each alone, with no dictionary. An estimator gives one
count: a word is right when that count is acceptable; a line, when the sum over its
words is. Words are the gold words that are one alphabetic word, all of them, then
those the CMU dictionary lists and those it does not (coinages, names, software words:
the words an estimate is for).

    python benchmarks/syllable_accuracy.py [--words FILE] [--lines FILE] [--quiet]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from haikulint.prosody import cmu, lexicon
from haikulint.prosody.count import SyllableCounter
from haikulint.prosody.estimate import estimate
from haikulint.prosody.tokenize import split_words

Miss = tuple[str, tuple[int, ...], frozenset[int], str]
"""A miss: the text, what the engine said, what is acceptable, and a note."""

GOLD = Path(__file__).resolve().parent.parent / "tests" / "prosody"


def read_gold(path: Path) -> list[tuple[str, frozenset[int]]]:
    """The gold rows as ``[(text, accepted counts)]``."""
    return [(row.text, row.accepted) for row in read_gold_rows(path)]


class GoldRow(NamedTuple):
    text: str
    a: frozenset[int]
    b: frozenset[int]
    accepted: frozenset[int]
    source: str
    note: str


def read_gold_rows(path: Path) -> list[GoldRow]:
    """``text<TAB>A<TAB>B<TAB>accepted<TAB>source<TAB>note`` lines; ``#`` starts a comment
    line (one without a tab: ``#hashtag`` is a row)."""
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or (raw.startswith("#") and "\t" not in raw):  # not #hashtag
            continue
        text, a, b, accepted, source, note = raw.split("\t")
        rows.append(GoldRow(text, _counts(a), _counts(b), _counts(accepted), source, note))
    return rows


def _counts(field: str) -> frozenset[int]:
    return frozenset(int(count) for count in field.split(","))


def _published(row: GoldRow) -> bool:
    """A line quoted from a published poem: its source names it (not ``constructed``)."""
    return bool(row.source) and row.source != "constructed"


def agreement(rows: list[GoldRow]) -> tuple[float, float]:
    """Shares of rows where the counters gave the same set, and where their sets meet."""
    if not rows:
        return 100.0, 100.0
    same = sum(1 for row in rows if row.a == row.b)
    overlap = sum(1 for row in rows if row.a & row.b)
    return 100.0 * same / len(rows), 100.0 * overlap / len(rows)


def word_misses(counter: SyllableCounter, gold: list[tuple[str, frozenset[int]]]) -> list[Miss]:
    misses: list[Miss] = []
    for text, accepted in gold:
        tokens = split_words(text)
        if len(tokens) != 1:  # 50/50, i/o, /dev/null: read as the words they are
            lines = counter.lines(text)
            totals = lines[0].totals if len(lines) == 1 and tokens else ()
            if not set(totals) <= accepted or not totals:
                misses.append((text, totals, accepted, f"words: {tokens}"))
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


Estimator = Callable[[str], int]
"""A spelling estimate: a lower-case word to one syllable count."""


def peer_estimators() -> list[tuple[str, Estimator]]:
    """haikulint's own estimate and the ``syllables`` package's, to score side by side."""
    import syllables  # the peer reference (the test extra installs it)

    return [("haikulint estimate", estimate), ("syllables.estimate", syllables.estimate)]


def estimated_word_right(estimator: Estimator, text: str, accepted: frozenset[int]) -> bool:
    return estimator(text.lower()) in accepted


def estimated_line_right(estimator: Estimator, text: str, accepted: frozenset[int]) -> bool:
    words = split_words(text)
    return bool(words) and sum(estimator(word.lower()) for word in words) in accepted


def estimator_words(rows: list[GoldRow]) -> dict[str, list[GoldRow]]:
    """The gold words an estimator is scored on (one alphabetic word), all of them and
    split by whether the CMU dictionary lists them."""
    words = [row for row in rows if row.text.isalpha() and row.text.isascii()]
    lookup = cmu.default_lookup()
    listed = [row for row in words if lookup is not None and lookup.counts(row.text.lower())]
    unlisted = [row for row in words if lookup is None or not lookup.counts(row.text.lower())]
    return {"words": words, "words in CMU": listed, "words not in CMU": unlisted}


def peer_report(word_rows: list[GoldRow], line_rows: list[GoldRow]) -> dict[str, Score]:
    """Print and return how many rows each estimator gets right, keyed ``"NAME: SET"``."""
    scores: dict[str, Score] = {}
    sets = {**estimator_words(word_rows), "lines": line_rows}
    print("peer references: spelling estimates alone, no dictionary")
    for name, estimator in peer_estimators():
        for title, rows in sets.items():
            right_one = estimated_line_right if title == "lines" else estimated_word_right
            right = sum(right_one(estimator, row.text, row.accepted) for row in rows)
            score = scores[f"{name}: {title}"] = Score(right, len(rows))
            print(f"  {name}, {title}: {right}/{len(rows)} right ({score.share:.1f}%)")
    return scores


class Score(NamedTuple):
    right: int
    total: int

    @property
    def share(self) -> float:
        return 100.0 * self.right / self.total if self.total else 100.0


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
    word_rows = read_gold_rows(options.words)
    line_rows = read_gold_rows(options.lines)
    words = [(row.text, row.accepted) for row in word_rows]
    lines = [(row.text, row.accepted) for row in line_rows]
    report("words", len(words), word_misses(counter, words), options.quiet)
    listed = lexicon.lexicon()
    unlisted = [(text, accepted) for text, accepted in words if text.lower() not in listed]
    report("  of which not in the lexicon", len(unlisted), word_misses(counter, unlisted), True)
    report("lines", len(lines), line_misses(counter, lines), options.quiet)
    published = [(row.text, row.accepted) for row in line_rows if _published(row)]
    if published:
        report("  of which published lines", len(published), line_misses(counter, published), True)
    peer_report(word_rows, line_rows)
    print("agreement of the two blind counters (not a measure of haikulint):")
    for title, rows in (("words", word_rows), ("lines", line_rows)):
        same, overlap = agreement(rows)
        print(f"  {title}: same set {same:.1f}%, sets overlap {overlap:.1f}% of {len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
