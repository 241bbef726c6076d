"""``haikulint check``'s command line read without typer, when that is safe.

pre-commit runs ``haikulint check --force-exclude FILE...`` on every commit; importing
typer and building the app is about 60 ms of that run. :func:`parse_check` reads such a
command line into exactly the arguments typer would pass to ``cli.check``, or gives up
(None) as soon as anything is not plain: another command, help, an option this module
does not list or spelled another way (``--select=X``, ``-h``), a missing value, ``--``,
an empty argument, or a path that typer would refuse (a folder given to ``--config``, a
file that exists but cannot be read). typer then runs and explains. The tests hold the
option table to the typer app's, and compare both parsers on generated command lines.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

FLAGS: Mapping[str, tuple[str, bool]] = {
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
}
"""Each flag of ``check``: the parameter it sets, and to what."""

TEXT, TEXTS, PATH, FILE = "text", "texts", "path", "file"
VALUES: Mapping[str, tuple[str, str]] = {
    "--output-format": ("output_format", TEXT),
    "--format": ("output_format", TEXT),
    "--select": ("select", TEXTS),
    "--ignore": ("ignore", TEXTS),
    "--extend-select": ("extend_select", TEXTS),
    "--baseline": ("baseline", PATH),
    "--write-baseline": ("write_baseline", PATH),
    "--root": ("root", PATH),
    "--config": ("config_file", FILE),
}
"""Each option of ``check`` that takes a value: its parameter, and the value's kind
(repeatable text, a path, a path that must not be a folder)."""

DEFAULTS: Mapping[str, object] = {
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
}
"""What typer passes for each parameter of ``check`` left out of the command line."""


def parse_check(args: Sequence[str]) -> dict[str, Any] | None:
    """The arguments typer would call ``cli.check`` with for ``haikulint ARGS``; None if
    ``ARGS`` is not ``check ...`` or is anything but plain (see the module's docstring)."""
    if not args or args[0] != "check":
        return None
    found: dict[str, Any] = dict(DEFAULTS)
    lists: dict[str, list[object]] = {}
    rest = list(args[1:])
    while rest:
        arg = rest.pop(0)
        if not arg:
            return None
        if not arg.startswith("-"):
            path = _path(arg, folder_ok=True)
            if path is None:
                return None
            lists.setdefault("paths", []).append(path)
        elif arg in FLAGS:
            name, setting = FLAGS[arg]
            found[name] = setting
        elif arg in VALUES:
            if not rest or not rest[0] or rest[0].startswith("-"):
                return None
            name, kind = VALUES[arg]
            text = rest.pop(0)
            if kind == TEXT:
                found[name] = text
            elif kind == TEXTS:
                lists.setdefault(name, []).append(text)
            else:
                given = _path(text, folder_ok=kind == PATH)
                if given is None:
                    return None
                found[name] = given
        else:  # help, a typo, `--`, `--opt=value`, a negative number...: typer's to say
            return None
    found.update(lists)
    return found


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
