"""Time ``haikulint check`` on generated blogs: ``python benchmarks/check_speed.py [--large]``.

For each size (10,000 posts; 100,000 more with ``--large``) it generates a blog with
``generate_blog.py`` into a temporary folder, runs ``haikulint check`` there once as a
check of the results (JSON output, compared with the defects the generator planted),
then times ``--runs`` runs of the plain command (text output to a file, no progress
bar), and measures memory in one more run. It prints a table:

* wall: median of the timed runs (min and max beside it), from start to exit;
* peak RSS: the largest single process, from ``wait4``'s rusage (worker processes
  included, as the largest of them);
* tree RSS: the most that haikulint and all its worker processes held at once,
  sampled every 10 ms from ``/proc`` as PSS (shared pages counted once), Linux only.

This is a benchmark, not a test: it reports, it does not fail, unless ``--strict``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_blog import generate_blog

TARGETS_SECONDS = {10_000: 1.5, 100_000: 15.0}
TARGET_MEMORY_MB = 200.0


@dataclass(frozen=True)
class Timing:
    seconds: float
    max_rss_mb: float
    exit_code: int


@dataclass(frozen=True)
class Result:
    posts: int
    walls: list[float]
    max_rss_mb: float
    tree_mb: float | None
    found_defects: int
    planted_defects: int
    noisy_clean_posts: int

    @property
    def median(self) -> float:
        return statistics.median(self.walls)


def haikulint_command() -> list[str]:
    """The ``haikulint`` next to this Python (the same venv), else ``python -m haikulint``."""
    script = Path(sys.executable).with_name("haikulint")
    if script.exists():
        return [str(script)]
    found = shutil.which("haikulint")
    return [found] if found else [sys.executable, "-m", "haikulint"]


def run_once(command: list[str], cwd: Path, output: Path) -> Timing:
    """Run ``command`` to completion; its wall time and its largest process's peak RSS."""
    with output.open("wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Timing(seconds, usage.ru_maxrss / 1024, process.returncode)  # ru_maxrss: KiB


class TreeMemory:
    """Samples the summed PSS of a process and its descendants, every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.01) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_kib = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._done.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._done.is_set():
            total = sum(_pss_kib(pid) for pid in _descendants(self.pid))
            self.peak_kib = max(self.peak_kib, total)
            self._done.wait(self.interval)


def _descendants(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                queue.extend(int(child) for child in (task / "children").read_text().split())
        except OSError:  # the process ended between two reads
            continue
    return found


def _pss_kib(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def measure_tree(command: list[str], cwd: Path, output: Path) -> float | None:
    """Peak summed PSS in MB of one run, or None where ``/proc`` cannot tell."""
    if not Path("/proc/self/smaps_rollup").exists():
        return None
    with output.open("wb") as sink:
        process = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT)
        with TreeMemory(process.pid) as memory:
            process.wait()
    return memory.peak_kib / 1024


def verify(command: list[str], blog: Path, planted: dict[str, str]) -> tuple[int, int]:
    """Run once with JSON output: (planted defects found, clean posts with diagnostics)."""
    result = subprocess.run(
        [*command, "--output-format", "json"], cwd=blog, capture_output=True, check=False
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"haikulint failed ({result.returncode}): {result.stderr.decode()}")
    codes: dict[str, set[str]] = {}
    for diagnostic in json.loads(result.stdout):
        codes.setdefault(diagnostic["path"], set()).add(diagnostic["code"])
    found = sum(1 for path, code in planted.items() if code in codes.get(path, set()))
    noisy = sum(1 for path in codes if path not in planted)
    return found, noisy


def bench(posts: int, runs: int, seed: int, workdir: Path) -> Result:
    blog = workdir / f"blog-{posts}"
    started = time.perf_counter()
    planted = generate_blog(posts, blog, seed=seed)
    print(f"generated {posts:,} posts in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    command = [*haikulint_command(), "check", "--no-progress"]
    found, noisy = verify(command, blog, planted)  # also warms the page cache
    output = workdir / "output.txt"
    timings = [run_once(command, blog, output) for _ in range(runs)]
    if any(timing.exit_code not in (0, 1) for timing in timings):
        raise SystemExit(f"haikulint failed:\n{output.read_text(errors='replace')[-2000:]}")
    tree = measure_tree(command, blog, output)
    shutil.rmtree(blog)
    return Result(
        posts=posts,
        walls=[timing.seconds for timing in timings],
        max_rss_mb=max(timing.max_rss_mb for timing in timings),
        tree_mb=tree,
        found_defects=found,
        planted_defects=len(planted),
        noisy_clean_posts=noisy,
    )


def meets_targets(result: Result) -> bool:
    memory = result.tree_mb if result.tree_mb is not None else result.max_rss_mb
    target = TARGETS_SECONDS.get(result.posts)
    return (target is None or result.median <= target) and memory <= TARGET_MEMORY_MB


def table(results: Sequence[Result]) -> str:
    header = (
        "| posts | wall median (min-max) | target | posts/s | peak RSS | tree PSS "
        "| defects found | clean posts flagged |"
    )
    rows = [header, "|---" * (header.count("|") - 1) + "|"]
    for result in results:
        target = TARGETS_SECONDS.get(result.posts)
        tree = f"{result.tree_mb:.0f} MB" if result.tree_mb is not None else "n/a"
        rows.append(
            f"| {result.posts:,} | {result.median:.2f} s ({min(result.walls):.2f}-"
            f"{max(result.walls):.2f}) | {f'<= {target:g} s' if target else '-'} "
            f"| {result.posts / result.median:,.0f} | {result.max_rss_mb:.0f} MB | {tree} "
            f"| {result.found_defects}/{result.planted_defects} | {result.noisy_clean_posts} |"
        )
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, action="append", help="blog size (repeatable)")
    parser.add_argument("--large", action="store_true", help="also 100,000 posts")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per size")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)
    sizes = args.posts or [10_000]
    if args.large:
        sizes.append(100_000)
    print(f"{' '.join(haikulint_command())} check, {os.cpu_count()} CPUs", file=sys.stderr)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="haikulint-bench-") as scratch:
        results = [bench(size, args.runs, args.seed, Path(scratch)) for size in sizes]
    print(table(results))
    # Other work on the machine slows every figure: say how busy it was.
    print(f"load average (1 min): {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    missed = [result.posts for result in results if not meets_targets(result)]
    if missed:
        print(f"targets missed for {', '.join(f'{size:,}' for size in missed)} posts")
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
