"""A cold run reads posts while the tree is still being walked.

The walk hands the files it finds to the post phase as it goes, and workers are forked
to read them once enough wait, long before the walk ends (see ``engine._PostPhase``).
What a run reports must not depend on that: every test here compares a pipelined run
with a serial one (no workers, the walk done before anything is read), on trees with
everything a walk has to get right, and a failing worker must end the run with a
one-line error, never a hang.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from haikulint import engine
from haikulint.blog import discover
from haikulint.blog.discover import WalkOptions, by_path, discover_posts, find_posts
from haikulint.blog.post import read_post
from haikulint.config import Config
from haikulint.errors import UsageError
from tests.conftest import WriteBlog, run_cli

LINES = (
    "an-old-silent-pond-/-a-frog-jumps-into-the-pond-/-splash-silence-again",
    "the-light-of-the-moon-/-moves-west-and-the-shadows-stretch-/-toward-the-east-again",
    "the-repo-holds-it-all-/-a-frog-jumps-into-the-pond-/-splash-silence-again",
)


def post(title: str, day: str) -> str:
    return f"---\ntitle: {title}\ndate: {day}\n---\n\nSome words.\n"


def plain_blog(count: int) -> dict[str, str]:
    """``count`` posts in year folders: repeated titles and slugs, one slug too long."""
    return {
        f"posts/{1900 + number}/{LINES[number % 3]}.md": post(
            f"Title {number % 7}", f"{1900 + number}-03-01"
        )
        for number in range(count)
    }


@pytest.fixture
def tangled_blog(write_blog: WriteBlog, in_tmp: Path, tmp_path_factory: Any) -> Path:
    """A blog with everything a walk must get right: ignored, hidden and excluded posts,
    links inside the root (one to a folder walked anyway, one to a hidden folder), links
    out of it and above it, a linked post out of it, and a folder that cannot be listed."""
    outside = tmp_path_factory.mktemp("outside")
    (outside / "stray.md").write_text(post("Stray", "2024-01-01"), encoding="utf-8")
    files = {
        **plain_blog(30),
        "haikulint.toml": 'root = "posts"\nexclude = ["posts/1905/"]\n',
        "posts/.gitignore": "1907/\n*.tmp.md\n",
        "posts/1910/notes.tmp.md": post("Ignored", "2024-01-01"),
        "posts/.stash/" + LINES[0] + ".md": post("Title 1", "2024-01-01"),
        "posts/1911/.draft.md": post("Draft", "2024-01-01"),
        "posts/1912/_index.md": "list page\n",
        "posts/locked/" + LINES[1] + ".md": post("Locked", "2024-01-01"),
    }
    write_blog(files)
    (in_tmp / "posts" / "latest").symlink_to("1920")  # walked anyway: found there
    (in_tmp / "posts" / "stash").symlink_to(".stash")  # a hidden folder, reached by a link
    (in_tmp / "posts" / "away").symlink_to(outside)
    (in_tmp / "posts" / "1913" / "up").symlink_to("..")
    (in_tmp / "posts" / "1914" / "stray.md").symlink_to(outside / "stray.md")
    return in_tmp


@pytest.fixture
def unlistable_locked(monkeypatch: pytest.MonkeyPatch) -> None:
    """``posts/locked`` cannot be listed (as root, chmod would not stop the walk)."""
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if str(path).endswith(os.sep + "locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # as the walk lists folders


def pipelined(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers as soon as four posts wait, spans of two: every walk is pipelined."""
    monkeypatch.setattr(engine, "PARALLEL_THRESHOLD", 8)
    monkeypatch.setattr(engine, "SPAN_POSTS", 2)
    monkeypatch.setattr(engine, "_worker_count", lambda count: 2)


def serial(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "PARALLEL_THRESHOLD", 10**9)


def runs(*args: str) -> list[tuple[int, str, str]]:
    """A run without the cache, then a cold and a warm run with a fresh one."""
    return [run_cli("check", "--no-progress", "--no-cache", *args)] + [
        run_cli("check", "--no-progress", *args) for _ in range(2)
    ]


@pytest.mark.usefixtures("unlistable_locked")
@pytest.mark.parametrize("output", ["text", "json"])
def test_a_pipelined_walk_reports_exactly_what_a_serial_one_does(
    tangled_blog: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
    output: str,
) -> None:
    said = {}
    for name, setup in (("serial", serial), ("pipelined", pipelined)):
        setup(monkeypatch)
        monkeypatch.setenv("HAIKULINT_CACHE_DIR", str(tmp_path_factory.mktemp(name)))
        said[name] = runs("--output-format", output)
        assert len(set(said[name])) == 1, name  # with or without the cache, cold or warm
    assert said["pipelined"] == said["serial"]
    code, out, err = said["serial"][0]
    assert code == 1
    shown = {line.split(":")[0] for line in out.splitlines() if line.startswith("posts/")}
    if output == "json":
        shown = {str(found["path"]) for found in json.loads(out)}
    years = {int(path.split("/")[1]) for path in shown if path.split("/")[1].isdigit()}
    assert years == set(range(1900, 1930)) - {1905, 1907}  # excluded, ignored
    assert {path for path in shown if not path.split("/")[1].isdigit()} == {
        f"posts/stash/{LINES[0]}.md",  # reached by the link only
        "posts/locked",  # cannot be listed: a problem, in the report
    }  # posts/latest/...: found at its real place, posts/1920
    left_out = (".tmp", ".draft", "_index", "stray")
    assert not [path for path in shown if any(part in path for part in left_out)]
    for warned in ("away", "up", "stray.md"):
        assert f"{warned}: a symbolic link" in err


@pytest.mark.parametrize("named", [False, True], ids=["whole-blog", "one-post"])
def test_a_pipelined_cold_run_remembers_the_walk_for_the_warm_one(
    write_blog: WriteBlog,
    in_tmp: Path,
    monkeypatch: pytest.MonkeyPatch,
    cache_dir: Path,
    named: bool,
) -> None:
    """The walk is remembered once the pipelined walk is over, in path order: the warm
    run lists no folder, reads no post, and says the same (in the same order)."""
    write_blog({**plain_blog(40), "haikulint.toml": 'root = "posts"\n'})
    os.utime(in_tmp / "posts", ns=(0, 0))
    for folder in (in_tmp / "posts").rglob("*"):
        os.utime(folder, ns=(0, 0))  # older than any run: a walk can be remembered
    args = [f"posts/1901/{LINES[1]}.md"] if named else []
    serial(monkeypatch)
    expected = run_cli("check", "--no-progress", "--no-cache", *args)
    pipelined(monkeypatch)
    walked: list[object] = []
    reads: list[object] = []
    real_walk, real_read = discover.find_posts, read_post

    def walk(*args: Any) -> Any:
        walked.append(args)
        return real_walk(*args)

    def read(*args: Any, **kwargs: Any) -> Any:
        reads.append(args)
        return real_read(*args, **kwargs)

    monkeypatch.setattr(discover, "find_posts", walk)
    assert run_cli("check", "--no-progress", *args) == expected
    assert walked
    walked.clear()
    monkeypatch.setattr(engine, "read_post", read)
    assert run_cli("check", "--no-progress", *args) == expected
    assert len(walked) == (1 if named else 0)  # the named post is looked at, no folder
    assert reads == []


def test_workers_start_while_the_walk_is_still_going(
    write_blog: WriteBlog, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_blog(plain_blog(40))
    pipelined(monkeypatch)
    listed: list[str] = []
    started_at: list[int] = []
    real_scandir = os.scandir
    real_start = engine._PostPhase.start_workers

    def scandir(path: Any) -> Any:
        listed.append(str(path))
        return real_scandir(path)

    def start_workers(phase: engine._PostPhase, *args: Any) -> Any:
        started_at.append(len(listed))
        return real_start(phase, *args)

    monkeypatch.setattr(os, "scandir", scandir)  # as the walk lists folders
    monkeypatch.setattr(engine._PostPhase, "start_workers", start_workers)
    code, out, _ = run_cli("check", "--no-progress", "--no-cache", "posts")
    assert code == 1 and "40 files" in out
    (started,) = started_at
    assert 0 < started < len(listed) / 2


def test_find_posts_gives_what_it_finds_as_the_walk_goes(tmp_path: Path) -> None:
    """The first file comes before the walk has listed every folder; sorted, they are
    exactly what ``discover_posts`` gives; a missing path is refused before any walk."""
    for number in range(10):
        (tmp_path / f"{number}").mkdir()
        (tmp_path / f"{number}" / "post.md").write_text("x")
    folders: list[str] = []
    options = WalkOptions(on_folder=lambda folder, _: folders.append(folder))
    found = find_posts([tmp_path], Config(base=tmp_path), options)
    assert folders == []  # nothing walked yet
    first = next(found)
    assert len(folders) < 11
    rest = list(found)
    assert len(folders) == 11
    assert by_path([first, *rest]) == discover_posts([tmp_path], Config(base=tmp_path))
    with pytest.raises(UsageError, match="missing"):
        find_posts([tmp_path, tmp_path / "missing"], Config(base=tmp_path), options)
    assert len(folders) == 11


FAILING_RUN = """
import os, sys
from haikulint import engine
from haikulint.blog import discover
from haikulint.launch import main

main_process = os.getpid()
real_read, real_files = engine.read_post, discover._Walk.files

def read_post(*args, **kwargs):
    if os.getpid() != main_process:
        {in_worker}
    return real_read(*args, **kwargs)

def files(walk, top):
    for number, file in enumerate(real_files(walk, top)):
        {in_walk}
        yield file

engine.read_post = read_post
discover._Walk.files = files
engine.PARALLEL_THRESHOLD, engine.SPAN_POSTS = 8, 2
engine._worker_count = lambda count: 2
sys.argv = ["haikulint", "check", "--no-progress", "--no-cache"]
main()
"""


@pytest.mark.skipif(
    "fork" not in __import__("multiprocessing").get_all_start_methods(), reason="no fork"
)
@pytest.mark.parametrize(
    ("in_worker", "in_walk", "said"),
    [
        ('raise RuntimeError("boom")', "pass", "internal error: RuntimeError: boom"),
        ("os._exit(7)", "pass", "internal error: BrokenProcessPool: "),
        ("pass", 'if number == 30: raise RuntimeError("lost")', "internal error: Runtime"),
    ],
    ids=["worker-raises", "worker-dies", "walk-fails"],
)
def test_a_failure_during_a_pipelined_run_is_one_line_and_exit_two(
    write_blog: WriteBlog, in_tmp: Path, in_worker: str, in_walk: str, said: str
) -> None:
    write_blog({**plain_blog(60), "haikulint.toml": 'root = "posts"\n'})
    script = FAILING_RUN.format(in_worker=in_worker, in_walk=in_walk)
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=120,  # a hang fails here
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert run.returncode == 2, run.stderr
    assert run.stderr.count("\n") == 1, run.stderr
    assert run.stderr.startswith(f"haikulint: error: {said}"), run.stderr
    assert run.stdout == ""
