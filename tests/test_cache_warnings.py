"""Warnings about the blog's ignore files and config are the same on a warm run (the
result cache answering) as on a cold one and on one with no cache.

Each run is its own process: within one process a bad pattern is warned about once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

POST = "posts/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it.md"
GOOD = "---\ntitle: Deploy\ndate: 2024-01-02\n---\n\nSome text.\n"


def run_check(blog: Path, cache_dir: Path, *args: str) -> tuple[int, str, str]:
    environment = {**os.environ, "HAIKULINT_CACHE_DIR": str(cache_dir), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "haikulint", "check", "--no-progress", *args],
        cwd=blog,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(
    ("files", "warning"),
    [
        (
            {"posts/.gitignore": "drafts/\n[z-a]\n"},
            "haikulint: warning: posts/.gitignore: line 2: '[z-a]' is not a pattern "
            "haikulint can read; it matches nothing\n",
        ),
        (
            {".git/HEAD": "ref: refs/heads/main\n", ".gitignore": "!\n"},
            "haikulint: warning: .gitignore: line 1: '!' is not a pattern "
            "haikulint can read; it matches nothing\n",
        ),
        (
            {"haikulint.toml": 'root = "posts"\nexclude = ["\\\\"]\n'},
            "haikulint.toml: exclude: entry 1: '\\\\' is not a pattern "
            "haikulint can read; it matches nothing\n",
        ),
    ],
    ids=["posts-gitignore", "repository-gitignore", "config-exclude"],
)
def test_a_bad_pattern_is_warned_about_on_every_run(
    tmp_path: Path, files: dict[str, str], warning: str
) -> None:
    blog = tmp_path / "blog"
    for relative, content in {"haikulint.toml": 'root = "posts"\n', POST: GOOD, **files}.items():
        (blog / relative).parent.mkdir(parents=True, exist_ok=True)
        (blog / relative).write_text(content, encoding="utf-8")
    for path in [*blog.rglob("*"), blog]:  # a walk is remembered only when no folder is recent
        status = path.stat()
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns - 60 * 10**9))
    cache_dir = tmp_path / "cache"
    uncached = run_check(blog, cache_dir, "--no-cache")
    cold = run_check(blog, cache_dir)
    warm = run_check(blog, cache_dir)
    assert uncached[:2] == (0, "All checks passed: 1 file, no problems.\n")
    assert uncached[2].startswith("haikulint: warning: ") and uncached[2].endswith(warning)
    assert cold == uncached
    assert warm == uncached
