"""Exceptions that end a run with exit code 2 and a one-line message."""

from __future__ import annotations

from collections.abc import Sequence


class HaikulintError(Exception):
    """Base class: the CLI prints ``haikulint: error: <message>`` and exits 2."""


class UsageError(HaikulintError):
    """The command line asks for something that cannot be done."""


class ConfigError(HaikulintError):
    """A configuration file is missing, unreadable or invalid."""


def unknown_choice(option: str, value: object, choices: Sequence[str]) -> str:
    """The one wording of every bad-choice error, on the command line and in config files:
    ``unknown --output-format 'xml' (choose from text, json)``."""
    return f"unknown {option} {value!r} (choose from {', '.join(choices)})"
