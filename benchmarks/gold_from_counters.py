"""Build tests/prosody/gold_words.tsv and gold_lines.tsv from two blind counters' files.

The counters (A and B) counted every token and line by ear without seeing haikulint,
its lexicon or its output (see tests/prosody/README.md). Their files are
``X_words.tsv`` and ``X_lines.tsv`` (``token<TAB>counts<TAB>note``) in one folder,
beside ``new_lines.txt`` (``slug<TAB>source``: where a published line comes from).

The accepted set of a row is the counters' common set where they agree. Where they
disagree it is the union of their readings (each counted every reading people
commonly say, so a reading one of them hears is a reading someone says), except in
the rows of :data:`CORRECTIONS`: readings shown wrong by evidence that does not
involve haikulint (the syllables of the words a counter wrote out, the CMU
dictionary's pronunciations, the name's owner). Every disagreement gets a note.

    python benchmarks/gold_from_counters.py BLIND_FOLDER
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "tests" / "prosody"

CORRECTIONS: dict[str, tuple[str, str]] = {
    # words
    "1999": ("5", "nineteen (2) ninety (2) nine (1) = 5, as B says; A's 4 mis-added"),
    "70": ("3", "seventy: CMU S EH1 V AH0 N T IY0, 3; B's 2 has no source"),
    "-1": ("3,4", "minus one: CMU minus M AY1 N AH0 S, 2 + 1 = 3 (B wrote 2); negative one 4"),
    "salesforce": ("2", "CMU S EY1 L Z F AO2 R S: sales-force 2 (B corrected 3 to 2 too)"),
    "elasticsearch": ("4", "CMU elastic IH0 L AE1 S T IH0 K (3) + search (1) = 4"),
    "anthropic": ("3", "an-throp-ic: 3 (the company's own pronunciation); A's 4 unsupported"),
    "pwd": ("5", "p-double-u-d = 5 by both counters' own rule that w is double-you (3)"),
    "£100": ("3,4", "(a/one) hundred pounds = 3 or 4, as B's own note spells it; not 5"),
    "libraries": ("2,3", "CMU L AY1 B R EH0 R IY2 Z (3); lie-breez 2; no 4-syllable reading"),
    "lowercase": ("3", "CMU lower L OW1 ER0 (2) + case (1) = 3"),
    "proxies": ("2", "CMU P R AA1 K S IY0 Z: prox-ies, 2 (both counters wrote 3)"),
    "android": ("2", "CMU AE1 N D R OY2 D: an-droid, 2 (both counters wrote 3)"),
    # lines
    "the-build-is-green-at-last": ("6", "six words of one syllable each (CMU): 6, not 7"),
    "the-cache-was-stale": ("4", "cache is one syllable (CMU K AE1 SH): 1+1+1+1 = 4"),
    "on call 24/7": ("7", "on call twenty-four seven = 1+1+3+2 = 7, as both notes spell it"),
    "the-firewall-dropped-every-packet": (
        "8,9,10",
        "the (1) firewall (2,3) dropped (1) every (2,3) packet (2) = 8 to 10; A's 7 mis-added",
    ),
    "sqs-queues-fill-at-night": ("7", "s-q-s (3) queues (1, CMU K Y UW1 Z) fill at night = 7"),
    "1999-called-for-its-perl": ("9", "nineteen ninety-nine (5) + called for its perl (4) = 9"),
}
"""Rows where a counter's reading is shown wrong: the accepted set and the evidence."""

BRIEF_EXAMPLES = frozenset(
    {"fire", "every", "hours", "llm", "gpu", "nasa", "json", "sql", "2024", "404", "kubectl"}
)
"""Words whose counts the counters' brief gave as examples: not independent of the project."""


def read_counts(path: Path) -> list[tuple[str, frozenset[int], str]]:
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        token, counts, *note = raw.split("\t")
        rows.append((token, frozenset(int(count) for count in counts.split(",")), "".join(note)))
    return rows


def read_sources(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    sources = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        if "\t" in raw and not raw.startswith("#"):
            slug, source = raw.split("\t", 1)
            sources[slug] = source.strip()
    return sources


def shown(counts: frozenset[int]) -> str:
    return ",".join(map(str, sorted(counts)))


def resolve(token: str, a: frozenset[int], b: frozenset[int]) -> tuple[str, str]:
    """The accepted set of one row and the note on how it was reached."""
    note = "brief example (not independent)" if token in BRIEF_EXAMPLES else ""
    if token in CORRECTIONS:
        accepted, evidence = CORRECTIONS[token]
        return accepted, "; ".join(filter(None, [note, f"corrected: {evidence}"]))
    if a == b:
        return shown(a), note
    union = f"disagree: union, each reading is heard (A only {shown(a - b) or '-'}, "
    union += f"B only {shown(b - a) or '-'})"
    return shown(a | b), "; ".join(filter(None, [note, union]))


def build(
    a_rows: list[tuple[str, frozenset[int], str]],
    b_rows: list[tuple[str, frozenset[int], str]],
    sources: dict[str, str] | None = None,
) -> list[str]:
    """The gold file's rows: text, A, B, accepted, source, note."""
    if [row[0] for row in a_rows] != [row[0] for row in b_rows]:
        raise ValueError("the two counters' files do not list the same rows in the same order")
    lines = []
    for (token, a, _), (_, b, _) in zip(a_rows, b_rows, strict=True):
        accepted, note = resolve(token, a, b)
        source = (sources or {}).get(token, "")
        lines.append("\t".join([token, shown(a), shown(b), accepted, source, note]))
    return lines


HEADER = """\
# Gold set counted by ear by two blind counters (A, B) who never saw haikulint, its
# lexicon or its output; built by benchmarks/gold_from_counters.py (see README.md here).
# Columns: text<TAB>A<TAB>B<TAB>accepted<TAB>source<TAB>note. A reading of haikulint is
# right when every count it gives is in `accepted`. `source` cites a published line.
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("blind", type=Path, help="the folder of A_words.tsv, B_words.tsv...")
    parser.add_argument("--out", type=Path, default=GOLD)
    options = parser.parse_args(argv)
    sources = read_sources(options.blind / "new_lines.txt")
    for kind in ("words", "lines"):
        a_rows = read_counts(options.blind / f"A_{kind}.tsv")
        b_rows = read_counts(options.blind / f"B_{kind}.tsv")
        rows = build(a_rows, b_rows, sources if kind == "lines" else None)
        text = HEADER + "".join(row + "\n" for row in rows)
        (options.out / f"gold_{kind}.tsv").write_text(text, encoding="utf-8")
        print(f"gold_{kind}.tsv: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
