"""``--output-format github``: GitHub Actions workflow commands, one per problem.

``::error file=PATH,line=L,col=C,title=HK103 slug-syllables::message`` makes an
annotation on the pull request. ``warning`` is used for warnings, ``notice`` for
info. Escaping follows the Actions toolkit (``@actions/core`` command.ts): in the
message ``%``, CR and LF are percent-encoded; in property values also ``:`` and
``,``, which would otherwise end the value. Nothing else is written.

Other control characters are shown as backslash escapes, as in the text format:
the Actions log viewer interprets ANSI codes, so an ESC in a file name must not
reach it raw. So is a lone surrogate (a file-name byte that was not UTF-8, which
a UTF-8 log cannot hold): ``\\xe9``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from haikulint.diagnostic import Diagnostic, Severity
from haikulint.report.styled import fit_encoding, printable

COMMANDS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}

_DATA_ESCAPES: dict[int, str] = {ord("%"): "%25", ord("\r"): "%0D", ord("\n"): "%0A"}
_PROPERTY_ESCAPES: dict[int, str] = {**_DATA_ESCAPES, ord(":"): "%3A", ord(","): "%2C"}


def render(diagnostics: Sequence[Diagnostic], stream: TextIO) -> None:
    """One workflow command line per diagnostic."""
    text = "".join(workflow_command(diagnostic) + "\n" for diagnostic in diagnostics)
    stream.write(fit_encoding(text, stream))


def workflow_command(diagnostic: Diagnostic) -> str:
    """The ``::error ...::message`` line for one diagnostic (without newline)."""
    properties = [("file", diagnostic.path)]
    if diagnostic.line is not None:
        properties.append(("line", str(diagnostic.line)))
        if diagnostic.column is not None:
            properties.append(("col", str(diagnostic.column)))
    properties.append(("title", f"{diagnostic.code} {diagnostic.name}"))
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    command = COMMANDS[diagnostic.severity]
    return f"::{command} {rendered}::{escape_data(diagnostic.message)}"


def escape_data(text: str) -> str:
    """Escape a command's message (the part after the second ``::``)."""
    return printable(text, keep_line_breaks=True).translate(_DATA_ESCAPES)


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=`` ...)."""
    return printable(text, keep_line_breaks=True).translate(_PROPERTY_ESCAPES)
