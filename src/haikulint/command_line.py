"""Plain command lines of ``check`` and ``syllables``, read without typer.

pre-commit runs ``haikulint check --force-exclude FILE...`` on every commit, and people
run ``haikulint syllables "a line"`` by hand; importing typer and building the app costs
30-60 ms of either. :func:`read_plain` reads such a command line into exactly the
arguments typer would pass to the command's function in :mod:`haikulint.cli`, or gives
up (None) as soon as anything is not plain: another command, help, an option this
module does not list or spelled another way (``--select=X``, ``-h``), a missing value,
``--``, ``-``, an empty argument, or a path that typer would refuse (a folder given to
``--config``, a file that exists but cannot be read). typer then runs and explains.
The tests hold these tables to the typer app's, and compare both readings on generated
command lines.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

TEXT, TEXTS, PATH, PATHS, FILE = "text", "texts", "path", "paths", "file"
"""The kinds of value: text, repeatable text, a path, several paths, a path that must not
be a folder (typer's ``dir_okay=False``)."""


class Command(NamedTuple):
    """What one command takes, as typer declares it in :mod:`haikulint.cli`."""

    runner: str
    """The module whose ``from_command_line(**arguments)`` runs the command."""
    arguments: tuple[str, str]
    """The positional arguments' parameter and kind (TEXTS or PATHS)."""
    flags: Mapping[str, tuple[str, bool]]
    """Each flag: the parameter it sets, and to what."""
    values: Mapping[str, tuple[str, str]]
    """Each option that takes a value: its parameter and the value's kind."""
    defaults: Mapping[str, object]
    """What typer passes for each parameter left out of the command line."""


CONFIG: Mapping[str, tuple[str, str]] = {"--config": ("config_file", FILE)}

COMMANDS: Mapping[str, Command] = {
    "check": Command(
        runner="haikulint.commands.check",
        arguments=("paths", PATHS),
        flags={
            "--statistics": ("statistics", True),
            "--exit-zero": ("exit_zero", True),
            "--force-exclude": ("force_exclude", True),
            "--no-progress": ("no_progress", True),
            "--no-cache": ("no_cache", True),
            "--fix": ("fix", True),
            "--no-fix": ("fix", False),
            "--unsafe-fixes": ("unsafe_fixes", True),
            "--no-unsafe-fixes": ("unsafe_fixes", False),
            "--diff": ("diff", True),
            "--fix-only": ("fix_only", True),
        },
        values={
            "--output-format": ("output_format", TEXT),
            "--format": ("output_format", TEXT),
            "--select": ("select", TEXTS),
            "--ignore": ("ignore", TEXTS),
            "--extend-select": ("extend_select", TEXTS),
            "--baseline": ("baseline", PATH),
            "--write-baseline": ("write_baseline", PATH),
            "--root": ("root", PATH),
            **CONFIG,
        },
        defaults={
            "paths": None,
            "output_format": "text",
            "select": None,
            "ignore": None,
            "extend_select": None,
            "statistics": False,
            "baseline": None,
            "write_baseline": None,
            "root": None,
            "exit_zero": False,
            "force_exclude": False,
            "no_progress": False,
            "no_cache": False,
            "fix": None,
            "unsafe_fixes": None,
            "diff": False,
            "fix_only": False,
            "config_file": None,
        },
    ),
    "syllables": Command(
        runner="haikulint.commands.syllables",
        arguments=("texts", TEXTS),
        flags={},
        values={
            "--format": ("output_format", TEXT),
            "--output-format": ("output_format", TEXT),
            **CONFIG,
        },
        defaults={"texts": None, "output_format": "table", "config_file": None},
    ),
}


def read_plain(args: Sequence[str]) -> tuple[Command, dict[str, Any]] | None:
    """The command ``haikulint ARGS`` names and the arguments typer would call its
    function with; None if it is not plain (see the module's docstring)."""
    command = COMMANDS.get(args[0]) if args else None
    if command is None:
        return None
    found: dict[str, Any] = dict(command.defaults)
    lists: dict[str, list[object]] = {}
    rest = list(args[1:])
    while rest:
        arg = rest.pop(0)
        if not arg or arg == "-":
            return None
        if not arg.startswith("-"):
            name, kind = command.arguments
            value = _value(arg, kind)
            if value is None:
                return None
            lists.setdefault(name, []).append(value)
        elif arg in command.flags:
            name, setting = command.flags[arg]
            found[name] = setting
        elif arg in command.values:
            if not rest or not rest[0] or rest[0].startswith("-"):
                return None
            name, kind = command.values[arg]
            value = _value(rest.pop(0), kind)
            if value is None:
                return None
            if kind == TEXTS:
                lists.setdefault(name, []).append(value)
            else:
                found[name] = value
        else:  # help, a typo, `--`, `--opt=value`, a negative number...: typer's to say
            return None
    found.update(lists)
    return command, found


def _value(text: str, kind: str) -> object | None:
    """``text`` as typer takes a value of ``kind``; None where typer would refuse it."""
    if kind in (TEXT, TEXTS):
        return text
    return _path(text, folder_ok=kind != FILE)


def _path(text: str, *, folder_ok: bool) -> Path | None:
    """``text`` as typer's path parameters take it; None where typer would refuse it (a
    path that exists but cannot be read, a folder where a file is wanted) or be unsure."""
    if "\0" in text:
        return None
    try:
        status = os.stat(text)
    except OSError:
        return Path(text)  # need not exist: the command says what is missing
    if not folder_ok and stat.S_ISDIR(status.st_mode):
        return None
    if not os.access(text, os.R_OK):
        return None
    return Path(text)
