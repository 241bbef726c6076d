"""The bad-input catalogue: every input a user or an attacker may hand haikulint, and
what it must answer. README's "Reliability" section lists the same rows (a test below
keeps the two in step).

Every row runs the real command line and holds haikulint to the same promises:
the documented exit code (0, 1 or 2), never a traceback or ``internal error``, every
line on standard error one line starting ``haikulint:`` with nothing unprintable in
it, and the expected diagnostic or message. Rows that could hang or exhaust memory if
the protection regressed run in a child process with a deadline.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import run_cli

POST = "posts/an-old-silent-pond-/-a-frog-jumps-into-the-pond-/-splash-silence-again.md"
HAIKU = "the prod deploy froze / I parsed the pcap for hours / the repo held it"
GOOD = "---\ntitle: Pond\ndate: 2024-03-01\n---\n\nSome words.\n"
README = Path(__file__).parent.parent / "README.md"

Setup = Callable[[Path], None]


@dataclass(frozen=True)
class Row:
    """One bad input: how to make it, the command, and the answer expected."""

    input: str
    """What the input is, as README's table says it."""
    args: tuple[str, ...]
    exit_code: int
    expected: str
    """Text the output must hold: a rule code (``HK001``) or part of a message."""
    files: dict[str, str | bytes] = field(default_factory=dict)
    setup: Setup | None = None
    isolated: bool = False
    """Run in a child process with a deadline (a regression would hang or eat memory)."""


def _fifo(name: str) -> Setup:
    return lambda folder: os.mkfifo(folder / name)


def _sparse(name: str, size: int) -> Setup:
    def make(folder: Path) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        with open(folder / name, "wb") as handle:
            handle.truncate(size)

    return make


def _locked(name: str) -> Setup:
    """A folder nobody may list (as root, any folder can be listed: the row is skipped)."""

    def make(folder: Path) -> None:
        (folder / name).mkdir()
        (folder / name).chmod(0)

    return make


def _link(name: str, target: str) -> Setup:
    def make(folder: Path) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).symlink_to(target)

    return make


CHECK = ("check", "--no-progress", "--output-format", "concise")
DEEP = "[" * 5000 + "]" * 5000
HUGE = "9" * 5000

ROWS = [
    # --- the command line
    Row("a path that does not exist", (*CHECK, "nowhere"), 2, "nowhere: no such file or folder"),
    Row(
        "a missing path holding a newline and ESC",
        (*CHECK, "a\n\x1b[31mb"),
        2,
        "a\\n\\x1b[31mb: no such file or folder",
    ),
    Row(
        "an unknown output format",
        ("check", "--output-format", "xml"),
        2,
        "unknown --output-format",
    ),
    # --- config files
    Row("a config that is not TOML", CHECK, 2, "invalid TOML", {"haikulint.toml": "root = \n"}),
    Row(
        "a config number of 5,000 digits",
        CHECK,
        2,
        "a number with thousands of digits",
        {"haikulint.toml": f"form = [{HUGE}]\n"},
    ),
    Row(
        "a config nested 5,000 levels deep",
        CHECK,
        2,
        "nested too deeply",
        {"pyproject.toml": f"[tool.haikulint]\nx = {DEEP}\n"},
    ),
    Row(
        "a config with an unknown key",
        CHECK,
        2,
        "unknown key 'rot'",
        {"haikulint.toml": "rot = 1\n"},
    ),
    Row(
        "a NUL in rules-dirs",
        CHECK,
        2,
        "'rules-dirs' holds a NUL character",
        {"haikulint.toml": 'rules-dirs = ["a\\u0000b"]\n'},
    ),
    Row(
        "max-post-size that is not a size",
        CHECK,
        2,
        "'max-post-size' must be a size",
        {"haikulint.toml": 'max-post-size = "big"\n'},
    ),
    Row(
        "--config naming a FIFO",
        (*CHECK, "--config", "pipe"),
        2,
        "a named pipe (FIFO), not a regular file",
        setup=_fifo("pipe"),
        isolated=True,
    ),
    Row(
        "--config naming /dev/zero",
        (*CHECK, "--config", "/dev/zero"),
        2,
        "a device, not a regular file",
        isolated=True,
    ),
    Row(
        "words-file naming a FIFO",
        CHECK,
        2,
        "a named pipe (FIFO), not a regular file",
        {"haikulint.toml": 'words-file = "pipe"\n'},
        _fifo("pipe"),
        isolated=True,
    ),
    Row(
        "words-file naming /dev/zero",
        CHECK,
        2,
        "a device, not a regular file",
        {"haikulint.toml": 'words-file = "/dev/zero"\n'},
        isolated=True,
    ),
    Row(
        "a words file over 16 MB",
        CHECK,
        2,
        "over the limit of 16 MB",
        {"haikulint.toml": 'words-file = "words.txt"\n'},
        _sparse("words.txt", 17 << 20),
        isolated=True,
    ),
    Row(
        "a NUL in the words file",
        CHECK,
        2,
        "words.txt:1: expected 'word count'",
        {"haikulint.toml": 'words-file = "words.txt"\n', "words.txt": b"kubectl 3\x00\n"},
    ),
    # --- baselines
    Row(
        "--baseline naming a FIFO",
        (*CHECK, "--baseline", "pipe"),
        2,
        "a named pipe (FIFO), not a regular file",
        setup=_fifo("pipe"),
        isolated=True,
    ),
    Row(
        "--baseline naming /dev/zero",
        (*CHECK, "--baseline", "/dev/zero"),
        2,
        "a device, not a regular file",
        isolated=True,
    ),
    Row(
        "a baseline that is not JSON",
        (*CHECK, "--baseline", "b.json"),
        2,
        "not a haikulint baseline (invalid JSON",
        {"b.json": "{"},
    ),
    Row(
        "a baseline number of 5,000 digits",
        (*CHECK, "--baseline", "b.json"),
        2,
        "a number with thousands of digits",
        {"b.json": f'{{"haikulint-baseline": {HUGE}, "problems": []}}'},
    ),
    Row(
        "a baseline nested 100,000 levels deep",
        (*CHECK, "--baseline", "b.json"),
        2,
        "nested too deeply",
        {"b.json": '{"haikulint-baseline": 1, "problems": ' + "[" * 99_999 + "]" * 99_999 + "}"},
    ),
    Row(
        "--write-baseline into a missing folder",
        (*CHECK, "--write-baseline", "gone/b.json"),
        2,
        "gone/b.json: cannot write baseline",
    ),
    # --- posts
    Row(
        "an 8 GB post (sparse)",
        CHECK,
        1,
        "HK001 [error] cannot read the file: it is 8 GB, over max-post-size, 4 MB",
        setup=_sparse(POST, 8 << 30),
        isolated=True,
    ),
    Row(
        "a post that is a FIFO",
        CHECK,
        1,
        "HK001 [error] cannot read the file: a named pipe (FIFO), not a regular file",
        setup=_fifo("posts/pipe.md"),
        isolated=True,
    ),
    Row(
        "a post with NUL bytes",
        CHECK,
        1,
        "HK001 [error] cannot read the file: binary file",
        {POST: b"Title: x\x00\n"},
    ),
    Row(
        "a post that is not UTF-8",
        CHECK,
        1,
        "HK001 [error] cannot read the file: not UTF-8 text (byte 0xe9 on line 1)",
        {POST: b"Title: caf\xe9\n"},
    ),
    Row(
        "a broken link named like a post",
        CHECK,
        1,
        "HK001 [error] cannot read the file: a broken symbolic link",
        setup=_link("posts/gone.md", "nowhere.md"),
    ),
    Row(
        "a TOML front matter number of 5,000 digits",
        CHECK,
        1,
        "HK207 [error] front matter cannot be used: invalid TOML front matter: a number has",
        {POST: f"+++\ntitle = 'T'\nx = {HUGE}\n+++\n"},
    ),
    Row(
        "a JSON front matter number of 5,000 digits",
        CHECK,
        1,
        "HK207 [error] front matter cannot be used: invalid JSON front matter: a number has",
        {POST: f'{{"title": "T", "x": {HUGE}}}\n'},
    ),
    Row(
        "YAML front matter nested 5,000 levels deep",
        CHECK,
        1,
        "HK207 [error] front matter cannot be used: invalid YAML front matter: values are nested",
        {POST: f"---\ntitle: T\nx: {DEEP}\n---\n"},
    ),
    Row(
        "a date with a +99:99 offset",
        CHECK,
        1,
        "HK203 [error] the date header",
        {POST: "---\ntitle: T\ndate: '2024-03-01T10:00:00+99:99'\n---\n"},
    ),
    Row(
        "a date in Arabic-Indic digits",
        CHECK,
        1,
        "HK203 [error] the date header",
        {POST: "---\ntitle: T\ndate: '\u0662\u0660\u0662\u0664-03-01'\n---\n"},
    ),
    Row(
        "a post with lone CR line ends",
        CHECK,
        0,
        "All checks passed: 1 file",
        {POST: GOOD.replace("\n", "\r")},
    ),
    Row(
        "80,000 header continuation lines",
        CHECK,
        0,
        "All checks passed: 1 file",
        {POST: "Title: T\nDate: 2024-03-01\nSummary: s\n" + "  more\n" * 80_000},
        isolated=True,
    ),
    # --- the tree
    Row(
        "a post that is a link outside the blog",
        (*CHECK, "posts"),
        0,
        "posts/x.md: a symbolic link that leads outside the blog root; not followed, not read",
        {POST: GOOD},
        _link("posts/x.md", "/etc/passwd"),
    ),
    Row(
        "a folder link to /",
        (*CHECK, "posts"),
        0,
        "posts/all: a symbolic link that leads outside the blog root",
        {POST: GOOD},
        _link("posts/all", "/"),
        isolated=True,
    ),
    Row(
        "a folder link to a folder above it",
        (*CHECK, "posts"),
        0,
        "posts/again: a symbolic link to a folder above it (a loop); not followed",
        {POST: GOOD},
        _link("posts/again", "."),
    ),
    Row(
        "a .gitignore line `[z-a]`",
        (*CHECK, "posts"),
        0,
        "posts/.gitignore: line 1: '[z-a]' is not a pattern haikulint can read; it matches nothing",
        {POST: GOOD, "posts/.gitignore": "[z-a]\n"},
    ),
    Row(
        "an exclude entry `!`",
        (*CHECK, "posts"),
        0,
        "exclude: entry 1: '!' is not a pattern haikulint can read; it matches nothing",
        {POST: GOOD, "haikulint.toml": 'exclude = ["!"]\n'},
    ),
    # --- syllables
    Row("ESC in a syllables input", ("syllables", "ab\x1b[31mcd"), 0, "ab\\x1b[31mcd"),
    Row(
        "a byte that is not UTF-8 in a syllables input, as JSON",
        ("syllables", "--format", "json", os.fsdecode(b"caf\xe9 ok")),
        0,
        '{"text": "caf\\\\xe9 ok"',
    ),
    # --- new
    Row(
        "a 0xFF byte in new's haiku",
        ("new", os.fsdecode(b"the prod \xff deploy froze / a / b"), "--title", "T", "--force"),
        2,
        "HAIKU holds the byte 0xff, which is not UTF-8 text",
    ),
    Row(
        "new through a line folder linked outside",
        ("new", HAIKU, "--title", "T", "--root", "posts"),
        1,
        "leads outside the blog root posts; nothing was written",
        {POST: GOOD},
        _link("posts/the-prod-deploy-froze-", "/tmp"),
    ),
    # --- init
    Row("init of a missing folder", ("init", "--yes", "nowhere"), 2, "nowhere: no such folder"),
    Row(
        "init of a file, not a folder",
        ("init", "--yes", "notes.md"),
        2,
        "notes.md: not a folder",
        {"notes.md": GOOD},
    ),
    Row(
        "init of a folder it cannot list",
        ("init", "--yes", "locked"),
        2,
        "locked: cannot list the folder (Permission denied)",
        setup=_locked("locked"),
        isolated=True,
    ),
    Row(
        "init with a site config linked outside",
        ("init", "--yes", "site"),
        0,
        "skipped       hugo.toml: a symbolic link; not followed, its settings not read",
        setup=_link("site/hugo.toml", "/etc/passwd"),
    ),
    Row(
        "init with a posts folder linked outside",
        ("init", "--yes", "site"),
        0,
        "skipped       posts: a symbolic link that leads outside the blog root; not followed",
        setup=_link("site/posts", "/"),
        isolated=True,
    ),
    Row(
        "init with a broken site config",
        ("init", "--yes", "site"),
        0,
        "skipped       hugo.toml: cannot read this site config (invalid TOML",
        {"site/hugo.toml": 'baseURL = "/"\ncontentDir = [\n'},
    ),
    Row(
        "init with a site config of 5,000 nested lists",
        ("init", "--yes", "site"),
        0,
        "skipped       hugo.yaml: cannot read this site config (invalid YAML",
        {"site/hugo.yaml": f"contentDir: {DEEP}\n"},
        isolated=True,
    ),
    Row(
        "init with a site config over 1 MB",
        ("init", "--yes", "site"),
        0,
        "skipped       hugo.toml: cannot read this site config (it is 2 MB, over the limit of 1 MB",
        setup=_sparse("site/hugo.toml", 2 << 20),
    ),
]

_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _run(row: Row, folder: Path) -> tuple[int, str, str]:
    if not row.isolated:
        return run_cli(*row.args)
    done = subprocess.run(
        [sys.executable, "-m", "haikulint", *row.args],
        capture_output=True,
        timeout=120,
        cwd=folder,
        env={**os.environ, "NO_COLOR": "1"},
    )
    return done.returncode, _decoded(done.stdout), _decoded(done.stderr)


def _decoded(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


@pytest.mark.parametrize("row", ROWS, ids=[row.input for row in ROWS])
def test_bad_input(row: Row, in_tmp: Path) -> None:
    if row.setup is not None and "pipe" in row.input.lower() and not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")  # pragma: no cover - POSIX has them
    if "cannot list" in row.expected and os.geteuid() == 0:
        pytest.skip("root lists any folder (tests/test_init_site_config.py simulates it)")
    for relative, content in row.files.items():
        target = in_tmp / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="")
    (in_tmp / "posts").mkdir(exist_ok=True)
    if row.setup is not None:
        row.setup(in_tmp)
    code, out, err = _run(row, in_tmp)
    assert code == row.exit_code, (out, err)
    assert row.expected in out + err, (out, err)
    assert "Traceback" not in err and "internal error" not in err
    for line in err.splitlines():
        assert line.startswith("haikulint: "), line
        assert _UNPRINTABLE.search(line) is None, line
    for line in out.splitlines():
        assert _UNPRINTABLE.search(line) is None, line


def test_readme_lists_every_row() -> None:
    section = README.read_text("utf-8").split("## Reliability", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1].strip() for line in section.splitlines() if line.startswith("| ")]
    assert rows[1:] == [row.input for row in ROWS]  # the first is the table's header


def test_rows_are_distinct() -> None:
    assert len({row.input for row in ROWS}) == len(ROWS)
    assert json.dumps([row.input for row in ROWS], ensure_ascii=True)  # names are plain
