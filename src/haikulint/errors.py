"""Exceptions that end a run with exit code 2 and a one-line message."""


class HaikulintError(Exception):
    """Base class: the CLI prints ``haikulint: error: <message>`` and exits 2."""


class UsageError(HaikulintError):
    """The command line asks for something that cannot be done."""


class ConfigError(HaikulintError):
    """A configuration file is missing, unreadable or invalid."""
