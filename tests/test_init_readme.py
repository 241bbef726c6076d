"""The README's ``haikulint init`` transcript is what the commands really print."""

from __future__ import annotations

import shlex
from pathlib import Path

from tests.conftest import run_cli, write_tree
from tests.layouts import HUGO

PROJECT = Path(__file__).resolve().parents[1]


def transcript() -> list[tuple[str, str]]:
    """The (command, output) pairs of the console block of the init section."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Starting a blog: haikulint init") :]
    block = section[section.index("```console\n") + len("```console\n") :]
    block = block[: block.index("```\n")].rstrip("\n")
    pairs: list[tuple[str, str]] = []
    for chunk in block.split("\n$ "):
        command, _, output = chunk.removeprefix("$ ").partition("\n")
        pairs.append((command, output + "\n" if output else ""))
    return pairs


def test_the_readme_transcript_is_true(in_tmp: Path) -> None:
    write_tree(in_tmp, HUGO)
    pairs = transcript()
    assert [command for command, _ in pairs] == ["haikulint init --yes", "haikulint check"]
    for command, shown in pairs:
        program, *args = shlex.split(command)
        assert program == "haikulint"
        extra = ["--no-progress"] if args[0] == "check" else []
        code, out, err = run_cli(*args, *extra)
        assert code == 0, err
        assert out + err == shown, command
