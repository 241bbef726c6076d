"""Plain command lines read without typer (``haikulint.command_line``) read as typer does.

The quick reader either gives up (typer then runs) or gives exactly the arguments typer
would pass to the command's function: its tables are held to the typer app's, and both
readers are run on every option with every kind of value, and on generated command lines.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haikulint import command_line
from haikulint.cli import app
from haikulint.command_line import COMMANDS, read_plain

NAMES = sorted(COMMANDS)


def parameters(name: str) -> list[Any]:
    params: list[Any] = typer.main.get_command(app).commands[name].params  # type: ignore[attr-defined]
    return params


@pytest.mark.parametrize("name", NAMES)
def test_each_table_lists_every_parameter_as_typer_declares_it(name: str) -> None:
    command = COMMANDS[name]
    flags: dict[str, tuple[str, bool]] = {}
    values: dict[str, tuple[str, str]] = {}
    for param in parameters(name):
        is_path = type(param.type).__name__ == "TyperPath"
        if is_path:
            assert (param.type.exists, param.type.readable, param.type.allow_dash) == (
                False, True, False,
            )  # fmt: skip
        if param.param_type_name == "argument":
            assert param.nargs == -1
            kind = command_line.PATHS if is_path else command_line.TEXTS
            assert command.arguments == (param.name, kind)
        elif param.is_flag:
            for spelling in param.opts:
                flags[spelling] = (param.name, True)
            for spelling in param.secondary_opts:
                flags[spelling] = (param.name, False)
        else:
            if param.multiple:
                kind = command_line.TEXTS
            elif is_path:
                kind = command_line.PATH if param.type.dir_okay else command_line.FILE
            else:
                kind = command_line.TEXT
            for spelling in param.opts:
                values[spelling] = (param.name, kind)
    assert flags == command.flags
    assert values == command.values
    assert set(command.defaults) == {param.name for param in parameters(name)}


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, Any]]]:
    """The arguments each typer run passed on to the command, which does nothing."""
    calls: list[dict[str, Any]] = []

    def record(**arguments: Any) -> int:
        calls.append(arguments)
        return 0

    for command in COMMANDS.values():
        monkeypatch.setattr(importlib.import_module(command.runner), "from_command_line", record)
    yield calls


def typer_reads(args: list[str], calls: list[dict[str, Any]]) -> dict[str, Any] | None:
    """What typer passes for ``haikulint ARGS``; None if it refuses the command line."""
    calls.clear()
    try:
        typer.main.get_command(app).main(args=args, prog_name="haikulint", standalone_mode=False)
    except Exception as error:
        assert hasattr(error, "exit_code"), error  # a click usage error, nothing else
        return None
    return calls[0] if calls else None


def quick_reads(args: list[str]) -> dict[str, Any] | None:
    found = read_plain(args)
    if found is None:
        return None
    command, arguments = found
    assert command is COMMANDS[args[0]]
    return arguments


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("places")
    (base / "post.md").write_text("x")
    (base / "folder").mkdir()
    return {
        "file": str(base / "post.md"),
        "folder": str(base / "folder"),
        "missing": str(base / "missing.md"),
    }


PLACE = st.sampled_from(["file", "folder", "missing"])
OPTION_NAMES = sorted({name for c in COMMANDS.values() for name in (*c.flags, *c.values)})
VALUED = sorted({name for c in COMMANDS.values() for name in c.values})
ODD_TOKENS = ["--", "-h", "--help", "--version", "--select=HK1", "--no-such", "-", "", "check"]
VALUE_TEXTS = ["HK1", "HK101,HK2", "json", "-x", "", "a b", "the prod / deploy froze"]


@st.composite
def command_lines(draw: st.DrawFn) -> list[tuple[str, str]]:
    """Tokens, each a literal or a place to fill in: ("text", "--fix"), ("place", "file")."""
    text = st.sampled_from(OPTION_NAMES + ODD_TOKENS + VALUE_TEXTS).map(lambda t: [("text", t)])
    place = PLACE.map(lambda place: [("place", place)])
    value = st.one_of(st.sampled_from(VALUE_TEXTS).map(lambda t: ("text", t)), place.map(min))
    option_and_value = st.tuples(st.sampled_from(VALUED), value).map(
        lambda pair: [("text", pair[0]), pair[1]]
    )
    tokens = st.lists(st.one_of(text, place, option_and_value), max_size=6)
    first = draw(st.sampled_from([("text", name) for name in NAMES] * 3 + [("text", "rules")]))
    return [first, *(token for group in draw(tokens) for token in group)]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # cleared per call
@given(line=command_lines())
def test_the_quick_reader_reads_as_typer_or_gives_up(
    line: list[tuple[str, str]], places: dict[str, str], captured: list[dict[str, Any]]
) -> None:
    args = [places[value] if kind == "place" else value for kind, value in line]
    quick = quick_reads(args)
    if quick is not None:
        assert quick == typer_reads(args, captured), args


@pytest.mark.parametrize("name", NAMES)
def test_each_option_with_each_kind_of_value_reads_as_typer_reads_it(
    name: str, places: dict[str, str], captured: list[dict[str, Any]]
) -> None:
    command = COMMANDS[name]
    values = [*VALUE_TEXTS, *places.values()]
    lines = [[name, option, value] for option in command.values for value in values]
    lines += [[name, flag] for flag in command.flags]
    lines += [[name, value] for value in values]
    accepted = 0
    for args in lines:
        quick = quick_reads(args)
        if quick is not None:
            accepted += 1
            assert quick == typer_reads(args, captured), args
    assert accepted > len(lines) // 2


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "--force-exclude", "a.md", "b.md"],
        ["check", "a.md", "--select", "HK1,HK2", "--select", "HK3", "--format", "json"],
        ["check", "--fix", "--no-fix", "--unsafe-fixes", "--diff", "--fix-only"],
        ["check", "--root", "posts", "--baseline", "b.json", "--config", "missing.toml"],
        ["check", "--output-format", "json", "--output-format", "sarif", "--statistics"],
        ["check", "--exit-zero", "--no-progress", "--no-cache", "--write-baseline", "w.json"],
        ["check", "--ignore", "HK1", "--extend-select", "HK302", "--no-unsafe-fixes"],
        ["syllables"],
        ["syllables", "the prod deploy froze", "a / b / c", "--format", "json"],
        ["syllables", "--output-format", "table", "--config", "missing.toml", "word"],
    ],
)
def test_plain_command_lines_are_read_quickly_and_as_typer_reads_them(
    args: list[str], captured: list[dict[str, Any]]
) -> None:
    quick = quick_reads(args)
    assert quick is not None
    assert quick == typer_reads(args, captured)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--help"],
        ["check", "-h"],
        ["check", "--", "a.md"],
        ["check", "--select=HK1"],
        ["check", "--select"],
        ["check", "--sel", "HK1"],
        ["check", "--config", "."],  # a folder: typer says so
        ["syllables", "-"],  # standard input, spelled as an option would be
        ["syllables", "--", "-word"],
        ["--version"],
        ["-V"],
        ["rules"],
        [],
    ],
)
def test_anything_else_is_left_to_typer(args: list[str]) -> None:
    assert read_plain(args) is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file_is_left_to_typer(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("x")
    secret.chmod(0)
    assert read_plain(["check", str(secret)]) is None


@pytest.mark.parametrize(
    ("args", "code", "shown"),
    [
        (["check", "--no-progress", "--no-cache", "post.md"], 1, "post.md"),
        (["syllables", "the prod deploy froze"], 0, "froze"),
    ],
)
def test_a_plain_command_line_does_not_import_typer(
    tmp_path: Path, args: list[str], code: int, shown: str
) -> None:
    (tmp_path / "post.md").write_text("---\ntitle: T\n---\n")
    program = (
        "import sys\n"
        "from haikulint.launch import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "finally:\n"
        "    sys.stderr.write(f'typer imported: {\"typer\" in sys.modules}\\n')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == code, result.stderr  # 1: the post's slug is no haiku
    assert result.stderr.endswith("typer imported: False\n")
    assert shown in result.stdout
