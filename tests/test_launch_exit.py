"""How a run ends when haikulint runs as a program: without the interpreter's teardown.

The console script flushes its output, runs the ``atexit`` handlers and ends the
process at once (see ``haikulint.launch._end``); these tests hold that nothing is lost
on the way: every byte of a long report, the exit code, the handlers, a closed pipe
that stays quiet. Called with arguments (as the other tests do), ``main`` raises
``SystemExit`` and leaves the interpreter as it was.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import WriteBlog, run_cli

BROKEN = 300
"""Posts whose slug is no haiku: a report far larger than a pipe's buffer."""


def program(*args: str, before: str = "") -> list[str]:
    """``python -c`` running haikulint as the console script does: ``main()``, no argv."""
    code = f"import sys\n{before}sys.argv = {['haikulint', *args]!r}\n"
    code += "from haikulint.launch import main\nmain()\n"
    return [sys.executable, "-c", code]


def broken_blog(write_blog: WriteBlog) -> Path:
    return write_blog(
        {
            "haikulint.toml": 'root = "posts"\n',
            **{f"posts/post-{n}.md": "---\ntitle: T\n---\n" for n in range(BROKEN)},
        }
    )


def test_a_long_report_arrives_whole_with_its_exit_code(
    write_blog: WriteBlog, cache_dir: Path
) -> None:
    blog = broken_blog(write_blog)
    args = ("check", "--output-format", "json", "--no-progress")
    result = subprocess.run(program(*args), cwd=blog, capture_output=True, text=True, check=False)
    assert (result.returncode, result.stderr) == (1, "")
    assert len(result.stdout) > 65536
    reported = json.loads(result.stdout)
    assert len({item["path"] for item in reported}) == BROKEN


def test_atexit_handlers_still_run(write_blog: WriteBlog, cache_dir: Path) -> None:
    blog = broken_blog(write_blog)
    handler = "import atexit\natexit.register(lambda: sys.stderr.write('handler ran\\n'))\n"
    result = subprocess.run(
        program("check", "--no-progress", "--statistics", before=handler),
        cwd=blog,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (1, "handler ran\n")
    assert result.stdout.endswith("in 300 of 300 files.\n")


def test_a_closed_pipe_ends_the_run_quietly(write_blog: WriteBlog, cache_dir: Path) -> None:
    """``haikulint check | head -1``: the reader goes away; no traceback, no complaint."""
    blog = broken_blog(write_blog)
    with subprocess.Popen(
        program("check", "--no-progress"),
        cwd=blog,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        error = process.stderr.read()
        assert process.wait() == 1
    assert error == b""


def test_called_with_arguments_it_raises_and_leaves_the_collector_alone(
    write_blog: WriteBlog, in_tmp: Path, cache_dir: Path
) -> None:
    broken_blog(write_blog)
    threshold = gc.get_threshold()
    code, out, err = run_cli("check", "--no-progress", "--statistics")
    assert (code, err) == (1, "")
    assert out.endswith("in 300 of 300 files.\n")
    assert gc.get_threshold() == threshold
