"""Start-up cost of ``haikulint syllables "one line"`` against ``import typer, rich.console``.

Runs each command N times (default 20) after one warm-up run, and prints both
medians and their ratio. The issue's target is a ratio of at most 1.5.

    python benchmarks/startup.py [--runs N] [--text "one line"]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

BASELINE = [sys.executable, "-c", "import typer, rich.console"]


def haikulint_command(text: str) -> list[str]:
    script = shutil.which("haikulint")
    if script is not None:
        return [script, "syllables", text]
    return [sys.executable, "-m", "haikulint", "syllables", text]


def median_seconds(command: Sequence[str], runs: int) -> float:
    """Median wall time of ``runs`` runs, after one warm-up (which may build the cache)."""
    subprocess.run(command, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--text", default="the prod deploy froze")
    options = parser.parse_args(argv)
    baseline = median_seconds(BASELINE, options.runs)
    measured = median_seconds(haikulint_command(options.text), options.runs)
    print(f"python -c 'import typer, rich.console': {baseline * 1000:.1f} ms (median)")
    print(f"haikulint syllables {options.text!r}: {measured * 1000:.1f} ms (median)")
    print(f"ratio: {measured / baseline:.2f} (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
