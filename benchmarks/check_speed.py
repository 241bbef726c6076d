"""How fast ``haikulint check`` is, as ratios to references measured in the same run.

    python benchmarks/check_speed.py                 # 10,000 posts, 3 runs each (~2 min)
    python benchmarks/check_speed.py --large         # and 100,000 posts (~10 min more)
    python benchmarks/check_speed.py --posts 2000 --runs 1    # a quick look

For each blog size it generates a blog (``generate_blog.py``, fixed seed) in a temporary
folder and times, as the median of ``--runs`` runs (wall clock, start to exit):

* floor: what any tool must do, in one Python process: walk the tree, read every post,
  decode it, parse its YAML header with PyYAML's C loader (``benchmarks/floor.py``);
* cold: ``haikulint check`` with an empty result cache (the cache is written);
* warm: ``haikulint check`` again, nothing changed;
* one post, warm: ``haikulint check POST`` as pre-commit runs it, the post just edited,
  the rest of the blog cached; one post, cold: the same with an empty cache;
* markdownlint-cli2 on that one post, the reference for one-post runs (a linter people
  already run in pre-commit). Found with ``--markdownlint PATH``, else
  ``$MARKDOWNLINT_CLI2``, else ``markdownlint-cli2`` on the PATH; if none, the script
  says so and prints no ratio for it. Install it outside the repository:
  ``npm install --prefix /some/tools markdownlint-cli2`` then
  ``--markdownlint /some/tools/node_modules/.bin/markdownlint-cli2``.

Every figure is printed as a ratio to its reference beside the absolute time, with the
target from issue 10, the machine (CPU model, cores, Python) and the load average
before and after: a figure taken on a busy machine is marked as such. Peak memory is
the most that haikulint and its workers held at once (summed PSS from ``/proc``, Linux).
Before timing, one run's JSON output is compared with the defects the generator
planted, and warm and cold output must be identical; haikulint's modules are compiled
to bytecode first, as a wheel install does.

This is a benchmark, not a test: it reports and exits 0 (1 with ``--strict`` when a
target is missed).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate_blog import generate_blog  # noqa: E402 - found through sys.path above

TARGETS = {
    "cold": ("floor", 2.5),
    "warm": ("floor", 1.2),
    "one post, warm": ("markdownlint-cli2, one post", 0.75),
    "one post, cold": ("markdownlint-cli2, one post", 2.0),
}
"""Each timed figure: (its reference, the most the ratio may be)."""
TARGET_POSTS = 10_000
"""The blog size issue 10 sets those ratios for; other sizes show theirs without a target
(at 100,000 posts the targets are linear time and peak memory)."""
LINEAR_FACTOR = 11.0
"""100,000 posts may take at most this many times 10,000 posts' time (cold)."""
TARGET_MEMORY_MB = 200.0
BUSY_LOAD_PER_CORE = 0.3
"""A 1-minute load average above this many per core marks the figures as taken under load."""


@dataclass
class Timing:
    seconds: list[float] = field(default_factory=list)
    exit_codes: set[int] = field(default_factory=set)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


@dataclass
class SizeResult:
    posts: int
    timings: dict[str, Timing]
    memory_mb: float | None
    found_defects: int
    planted_defects: int
    noisy_clean_posts: int
    warm_equals_cold: bool


def haikulint_command() -> list[str]:
    """The ``haikulint`` next to this Python (the same venv), else ``python -m haikulint``."""
    script = Path(sys.executable).with_name("haikulint")
    if script.exists():
        return [str(script)]
    found = shutil.which("haikulint")
    return [found] if found else [sys.executable, "-m", "haikulint"]


def compile_haikulint() -> None:
    """Compile haikulint's modules, as ``pip install`` does for a wheel: an editable
    install run with ``PYTHONDONTWRITEBYTECODE`` would otherwise compile them on every run."""
    located = subprocess.run(
        [sys.executable, "-c", "import haikulint, os; print(os.path.dirname(haikulint.__file__))"],
        capture_output=True,
        text=True,
        check=False,
    )
    if located.returncode == 0:
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", located.stdout.strip()],
            stdout=subprocess.DEVNULL,
            check=False,
        )


def find_markdownlint(given: str | None) -> list[str] | None:
    """markdownlint-cli2: ``--markdownlint``, ``$MARKDOWNLINT_CLI2``, or on the PATH."""
    for candidate in (given, os.environ.get("MARKDOWNLINT_CLI2"), "markdownlint-cli2"):
        if candidate:
            found = shutil.which(candidate)
            if found:
                return [found]
    return None


def timed(command: Sequence[str], cwd: Path, env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and exit code of one run; output goes to /dev/null."""
    start = time.perf_counter()
    completed = subprocess.run(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    return time.perf_counter() - start, completed.returncode


def repeat(
    runs: int,
    command: Sequence[str],
    cwd: Path,
    env: dict[str, str],
    before: Callable[[], None] = lambda: None,
) -> Timing:
    timing = Timing()
    for _ in range(runs):
        before()
        seconds, code = timed(command, cwd, env)
        timing.seconds.append(seconds)
        timing.exit_codes.add(code)
    return timing


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


def peak_memory_mb(command: Sequence[str], cwd: Path, env: dict[str, str]) -> float | None:
    """Peak summed PSS in MB of one run, or None where ``/proc`` cannot tell."""
    if not Path("/proc/self/smaps_rollup").exists():
        return None
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    with TreeMemory(process.pid) as memory:
        process.wait()
    return memory.peak_kib / 1024


def json_output(command: Sequence[str], cwd: Path, env: dict[str, str]) -> list[dict[str, object]]:
    result = subprocess.run(
        [*command, "--output-format", "json"], cwd=cwd, env=env, capture_output=True, check=False
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"haikulint failed ({result.returncode}): {result.stderr.decode()}")
    diagnostics: list[dict[str, object]] = json.loads(result.stdout)
    return diagnostics


def score(diagnostics: list[dict[str, object]], planted: dict[str, str]) -> tuple[int, int]:
    """(planted defects found, clean posts with a diagnostic)."""
    codes: dict[str, set[object]] = {}
    for diagnostic in diagnostics:
        codes.setdefault(str(diagnostic["path"]), set()).add(diagnostic["code"])
    found = sum(1 for path, code in planted.items() if code in codes.get(path, set()))
    noisy = sum(1 for path in codes if path not in planted)
    return found, noisy


def bench_size(
    posts: int, runs: int, seed: int, scratch: Path, markdownlint: list[str] | None
) -> SizeResult:
    blog = scratch / f"blog-{posts}"
    started = time.perf_counter()
    planted = generate_blog(posts, blog, seed=seed)
    say(f"generated {posts:,} posts in {time.perf_counter() - started:.1f} s")
    cache = scratch / f"cache-{posts}"
    env = {**os.environ, "HAIKULINT_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    check = [*haikulint_command(), "check", "--no-progress"]

    def empty_cache() -> None:
        shutil.rmtree(cache / "results", ignore_errors=True)

    # Correctness first (this also warms the page cache and builds the CMU table).
    empty_cache()
    cold_output = json_output(check, blog, env)
    warm_output = json_output(check, blog, env)
    found, noisy = score(cold_output, planted)

    one = sorted(blog.glob("posts/**/*.md"))[len(planted) % 97]
    one_arg = str(one.relative_to(blog))

    def edit_one() -> None:  # pre-commit checks a post that was just changed
        one.write_text(one.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    def empty_cache_and_edit() -> None:
        empty_cache()
        edit_one()

    floor = [sys.executable, str(HERE / "floor.py"), "posts"]
    timings = {"floor": repeat(runs, floor, blog, env)}
    if timings["floor"].exit_codes != {0}:
        raise SystemExit(f"the floor failed: {' '.join(floor)} (in {blog})")
    say(f"{posts:,}: floor {timings['floor'].median:.2f} s")
    timings["cold"] = repeat(runs, check, blog, env, empty_cache)
    timings["warm"] = repeat(runs, check, blog, env)
    repeat(1, check, blog, env)  # the cache as the warm runs left it, for the next ones
    timings["one post, warm"] = repeat(runs, [*check, one_arg], blog, env, edit_one)
    timings["one post, cold"] = repeat(runs, [*check, one_arg], blog, env, empty_cache_and_edit)
    if markdownlint is not None:
        timings["markdownlint-cli2, one post"] = repeat(runs, [*markdownlint, one_arg], blog, env)
    say(f"{posts:,}: " + ", ".join(f"{name} {t.median:.2f} s" for name, t in timings.items()))
    empty_cache()
    memory = peak_memory_mb(check, blog, env)
    shutil.rmtree(blog)
    shutil.rmtree(cache, ignore_errors=True)
    for name, timing in timings.items():
        if name.startswith(("cold", "warm", "one")) and not timing.exit_codes <= {0, 1}:
            raise SystemExit(f"haikulint failed during '{name}': exit {timing.exit_codes}")
    return SizeResult(
        posts=posts,
        timings=timings,
        memory_mb=memory,
        found_defects=found,
        planted_defects=len(planted),
        noisy_clean_posts=noisy,
        warm_equals_cold=warm_output == cold_output,
    )


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    return (
        f"{model}, {usable} cores usable ({os.cpu_count()} online), "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def table(results: Sequence[SizeResult]) -> tuple[str, list[str]]:
    """The Markdown table, and the targets missed."""
    rows = [
        "| posts | figure | time (median, min-max) | ratio | target |",
        "|---|---|---|---|---|",
    ]
    missed: list[str] = []
    for result in results:
        for name, timing in result.timings.items():
            span = f"{timing.median:.2f} s ({min(timing.seconds):.2f}-{max(timing.seconds):.2f})"
            reference_name, limit = TARGETS.get(name, ("", 0.0))
            reference = result.timings.get(reference_name)
            if reference is None:
                ratio = "reference" if name in ("floor", "markdownlint-cli2, one post") else "-"
                target = "-" if not reference_name else f"<= {limit:g}x ({reference_name}: n/a)"
            else:
                value = timing.median / reference.median
                ratio = f"**{value:.2f}x** {reference_name}"
                target = f"<= {limit:g}x" if result.posts == TARGET_POSTS else "-"
                if result.posts == TARGET_POSTS and value > limit:
                    missed.append(f"{result.posts:,} posts, {name}: {value:.2f}x > {limit:g}x")
                    target += " (missed)"
            rows.append(f"| {result.posts:,} | {name} | {span} | {ratio} | {target} |")
        if result.memory_mb is not None:
            over = result.posts >= 100_000 and result.memory_mb > TARGET_MEMORY_MB
            if over:
                missed.append(f"{result.posts:,} posts: peak memory {result.memory_mb:.0f} MB")
            target = f"<= {TARGET_MEMORY_MB:g} MB at 100,000" + (" (missed)" if over else "")
            rows.append(
                f"| {result.posts:,} | peak memory, cold (all processes, PSS) "
                f"| {result.memory_mb:.0f} MB | - | {target} |"
            )
    by_size = {result.posts: result.timings["cold"].median for result in results}
    for small, large in ((10_000, 100_000),):
        if small in by_size and large in by_size:
            value = by_size[large] / by_size[small]
            if value > LINEAR_FACTOR:
                missed.append(f"100,000 posts take {value:.1f}x 10,000 posts' time")
            rows.append(
                f"| {large:,} | cold, against {small:,} posts | - | **{value:.1f}x** "
                f"| <= {LINEAR_FACTOR:g}x (linear) |"
            )
    return "\n".join(rows), missed


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        epilog="See the module docstring (the top of this file) for what each figure means.",
    )
    parser.add_argument(
        "--posts", type=int, action="append", help="blog size, repeatable (default 10000)"
    )
    parser.add_argument("--large", action="store_true", help="also 100,000 posts")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure (default 3)")
    parser.add_argument("--seed", type=int, default=2024, help="the generated blog's seed")
    parser.add_argument(
        "--markdownlint",
        metavar="PATH",
        help="markdownlint-cli2 executable (default: $MARKDOWNLINT_CLI2, else the PATH)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)
    sizes = args.posts or [10_000]
    if args.large and 100_000 not in sizes:
        sizes.append(100_000)
    markdownlint = find_markdownlint(args.markdownlint)
    if markdownlint is None:
        say(
            "markdownlint-cli2 not found (--markdownlint PATH or $MARKDOWNLINT_CLI2): "
            "one-post figures are shown without their reference"
        )
    say(f"{' '.join(haikulint_command())} check on {machine()}")
    compile_haikulint()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="haikulint-bench-") as scratch:
        results = [
            bench_size(size, args.runs, args.seed, Path(scratch), markdownlint) for size in sizes
        ]
    load_after = os.getloadavg()[0]
    text, missed = table(results)
    cores = os.cpu_count() or 1
    busy = max(load_before, load_after) > BUSY_LOAD_PER_CORE * cores
    print(f"Machine: {machine()}")
    print(
        f"Load average (1 min): {load_before:.1f} before, {load_after:.1f} after"
        + (" - MEASURED UNDER LOAD: other work shared the cores" if busy else " (quiet)")
    )
    print(f"markdownlint-cli2: {' '.join(markdownlint) if markdownlint else 'not found'}")
    print()
    print(text)
    print()
    for result in results:
        print(
            f"{result.posts:,} posts: {result.found_defects}/{result.planted_defects} planted "
            f"defects found, {result.noisy_clean_posts} clean posts flagged, warm output "
            f"{'identical to' if result.warm_equals_cold else 'DIFFERENT FROM'} cold"
        )
    if missed:
        print("targets missed: " + "; ".join(missed))
    return 1 if args.strict and (missed or not all(r.warm_equals_cold for r in results)) else 0


if __name__ == "__main__":
    sys.exit(main())
