"""What one post costs haikulint, in CPU time, beside the floor's cost of one post.

``python benchmarks/post_cost.py [--posts N] [--runs N] [--blog DIR]``

A cold run pays for every post: a whole-blog check reads and checks each one, and a
pre-commit run that names one post reads every other post's headers for the cross-post
rules. This script times those per-post costs in one process, with the walk done once
beforehand and every table built, so that what it prints is the work per post alone:

* **floor**: read the file, decode it, parse a YAML header with PyYAML's C loader (the
  per-file work of ``benchmarks/floor.py``);
* **headers only**: ``LintJob.read(file, headers_only=True)`` and its summary, as a
  one-post run does for every post it only compares with;
* **read and check**: the read, the summary and every post-scope rule, as a whole-blog
  run does for every post.

Times are CPU seconds (``time.process_time``, the least of ``--runs``), so other work on
a shared machine slows them less than it slows wall-clock figures; each is printed in
microseconds per post and as a ratio to the floor measured in the same run. Without
``--blog``, a blog of ``--posts`` posts is generated (``generate_blog.py``) in a
temporary folder. ``python -m cProfile -s tottime benchmarks/post_cost.py --runs 1``
shows where the time goes.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import yaml

from haikulint.blog.discover import PostFile, discover_posts
from haikulint.catalogue import load_catalogue
from haikulint.config import load_config
from haikulint.engine import LintJob


def floor_post(file: PostFile) -> None:
    """The floor's work for one post (see ``benchmarks/floor.py``)."""
    with open(file.filename, "rb") as handle:
        text = handle.read().decode("utf-8", errors="replace")
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            with contextlib.suppress(yaml.YAMLError, ValueError):  # 2023-02-30: ValueError
                yaml.load(text[4:end], Loader=yaml.CSafeLoader)


def least_time(work: Callable[[], None], runs: int) -> float:
    """The least CPU time of ``runs`` calls of ``work``, in seconds."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def measure(blog: Path, runs: int) -> list[tuple[str, float]]:
    """Each figure's CPU seconds per post for the blog at ``blog`` (its config found there),
    run from that folder as ``haikulint check`` would be."""
    before = os.getcwd()
    os.chdir(blog)
    try:
        return _measure(blog, runs)
    finally:
        os.chdir(before)


def _measure(blog: Path, runs: int) -> list[tuple[str, float]]:
    config = load_config(None, blog)
    rules = load_catalogue(config.rules_dirs).select(
        config.select, config.ignore, config.extend_select
    )
    job = LintJob(
        config=config, rule_codes=tuple(rule.code for rule in rules), today=date.today(), cwd=blog
    )
    files = discover_posts([blog], config)
    if not files:
        raise SystemExit(f"{blog}: no posts")

    def floor() -> None:
        for file in files:
            floor_post(file)

    def headers_only() -> None:
        for file in files:
            job.summarize(job.read(file, headers_only=True))

    def read_and_check() -> None:
        for file in files:
            post = job.read(file)
            job.summarize(post)
            job.lint_post(post)

    read_and_check()  # build the counter's caches and tables before timing anything
    figures = [("floor", floor), ("headers only", headers_only), ("read and check", read_and_check)]
    return [(name, least_time(work, runs) / len(files)) for name, work in figures]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000, help="generated blog size")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each figure")
    parser.add_argument("--blog", type=Path, help="an existing blog (its top folder) instead")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="haikulint-post-cost-") as scratch:
        blog = options.blog
        if blog is None:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from generate_blog import generate_blog

            blog = Path(scratch) / "blog"
            generate_blog(options.posts, blog)
        figures = measure(blog.resolve(), options.runs)
    floor = figures[0][1]
    print(f"CPU time per post, least of {options.runs} runs, Python {sys.version.split()[0]}:")
    for name, seconds in figures:
        ratio = "reference" if name == "floor" else f"{seconds / floor:.2f}x floor"
        print(f"  {name:15s} {seconds * 1e6:7.1f} us  {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
