"""A parallel run never leaves workers behind, and SIGTERM ends it as Ctrl-C does.

Each test starts ``haikulint check`` on a blog big enough to be checked on several
processes, waits until the worker processes exist, signals the main process, and then
looks at the process table: every worker must be gone within seconds, and the
caller's end of standard output must reach end-of-file (an orphan holding the pipe
open would hang the caller, as a killed pre-commit run once did).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from haikulint.engine import PARALLEL_THRESHOLD

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir() or (os.cpu_count() or 1) < 2,
    reason="needs Linux's /proc and two cores for a parallel run",
)

POSTS = 3 * PARALLEL_THRESHOLD
WORDS = ("old", "new", "slow", "fast", "cold", "warm", "dark", "bright", "still", "late")
DEADLINE_SECONDS = 10.0


@pytest.fixture(scope="module")
def big_blog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``POSTS`` small posts, each with a distinct valid haiku slug, under ``posts/``."""
    blog = tmp_path_factory.mktemp("big-blog")
    (blog / "haikulint.toml").write_text('root = "posts"\n', encoding="utf-8")
    for number in range(POSTS):
        a, b, c, d = (WORDS[(number // 10**place) % 10] for place in range(4))
        first = f"the-{a}-{b}-{c}-{d}-"
        folder = blog / "posts" / first / "-the-frog-sits-by-the-still-pond-"
        folder.mkdir(parents=True, exist_ok=True)
        body = f"---\ntitle: Post {number}\ndate: 2024-01-02\n---\n\n" + "Some text.\n" * 40
        (folder / "-the-moon-is-out-now.md").write_text(body, encoding="utf-8")
    return blog


def _children(pid: int) -> set[int]:
    """Every descendant of ``pid`` alive now."""
    found: set[int] = set()
    queue = [pid]
    while queue:
        current = queue.pop()
        try:
            tasks = list(Path(f"/proc/{current}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                listed = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, listed):
                if child not in found:
                    found.add(child)
                    queue.append(child)
    return found


def _alive(pid: int) -> bool:
    """Whether ``pid`` is a running process (a zombie has finished: it is not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    state = next((line for line in status.splitlines() if line.startswith("State:")), "")
    return "zombie" not in state and " Z" not in state


def _start(blog: Path) -> subprocess.Popen[bytes]:
    environment = {**os.environ, "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "haikulint", "check", "--no-progress"],
        cwd=blog,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )


def _wait_for_workers(process: subprocess.Popen[bytes]) -> set[int]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = _children(process.pid)
        if workers:
            return workers
        if process.poll() is not None:
            pytest.fail(f"the run ended (exit {process.returncode}) before any worker started")
        time.sleep(0.005)
    pytest.fail("no worker process started within 60 s")


def _wait_gone(pids: set[int]) -> set[int]:
    """The processes of ``pids`` still alive after ``DEADLINE_SECONDS``."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        left = {pid for pid in pids if _alive(pid)}
        if not left:
            return set()
        time.sleep(0.05)
    return {pid for pid in pids if _alive(pid)}


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_killing_the_main_process_leaves_no_worker(big_blog: Path, stop: int) -> None:
    process = _start(big_blog)
    workers = _wait_for_workers(process)
    process.send_signal(stop)
    try:
        # The caller's pipe reaches end-of-file: no orphan keeps it open.
        process.communicate(timeout=DEADLINE_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        left = _wait_gone(workers)
        pytest.fail(f"stdout stayed open {DEADLINE_SECONDS} s after {stop!r}; alive: {left}")
    assert _wait_gone(workers) == set()


@pytest.mark.parametrize(
    ("stop", "code", "said"),
    [
        (signal.SIGTERM, 143, "haikulint: terminated by SIGTERM"),
        (signal.SIGHUP, 129, "haikulint: terminated by SIGHUP"),
        (signal.SIGINT, 130, "haikulint: interrupted"),
    ],
)
def test_a_stop_signal_ends_the_run_promptly_with_its_exit_code(
    big_blog: Path, stop: int, code: int, said: str
) -> None:
    process = _start(big_blog)
    _wait_for_workers(process)
    signalled = time.monotonic()
    process.send_signal(stop)
    _, err = process.communicate(timeout=DEADLINE_SECONDS)
    took = time.monotonic() - signalled
    assert process.returncode == code, err.decode()
    assert err.decode().strip().splitlines()[-1] == said
    assert "Traceback" not in err.decode()
    # Generous for a loaded machine; a run that waited for its workers' spans or for
    # the whole blog would still pass a looser bound, so the exit code is the real test.
    assert took < DEADLINE_SECONDS


def test_an_undisturbed_parallel_run_finishes_and_leaves_no_worker(big_blog: Path) -> None:
    process = _start(big_blog)
    workers = _wait_for_workers(process)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()
    assert out.decode().startswith(f"All checks passed: {POSTS} files"), out.decode()[:300]
    assert _wait_gone(workers) == set()
