"""One way for text to reach a terminal, a log or a JSON reader: escaped and on one line.

Paths and post text come from the user's files and file names, which may hold
anything: a newline (one message would read as two), ESC (a terminal takes it for a
command: colour, cursor moves, a changed window title), bidirectional overrides (a
path that reads differently from what it is), bytes that were not UTF-8 (lone
surrogates, which a strict UTF-8 stream or JSON reader refuses), or a line that
starts with ``::`` (GitHub Actions reads such a line of a job's output as a
workflow command). Every path and text that reaches standard output or standard
error passes through :func:`printable` (the reports) or :func:`warn` / :func:`error`
(messages on standard error), and JSON strings through :func:`valid_unicode`.

Imports nothing but ``re`` and ``sys``: every layer may use it.
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

__all__ = [
    "error",
    "fit_encoding",
    "hint",
    "note",
    "one_line",
    "printable",
    "valid_unicode",
    "warn",
]

# Characters that must not reach a terminal raw: C0/C1 controls (ESC among them),
# Unicode line and paragraph separators (one problem, one line), bidirectional
# overrides and isolates, and lone surrogates (bytes that were not UTF-8).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
WORKFLOW_COMMAND_START = "::"
"""What GitHub Actions reads as a workflow command at the start of a line of output."""


def printable(text: str, *, keep_line_breaks: bool = False) -> str:
    """``text`` with every unprintable character shown as a backslash escape.

    ``keep_line_breaks`` leaves CR and LF alone, for a format that escapes them its own
    way (GitHub's workflow commands).
    """
    if _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub(_keep_line_breaks if keep_line_breaks else _escape, text)


def one_line(text: str) -> str:
    """``text`` escaped, as a line of output of its own: :func:`printable`, and a start
    of ``::`` (a workflow command to GitHub Actions) escaped as ``\\x3a:``."""
    shown = printable(text)
    if shown.startswith(WORKFLOW_COMMAND_START):
        shown = "\\x3a" + shown[1:]
    return shown


def valid_unicode(text: str) -> str:
    """``text`` with each lone surrogate (a file-name byte that was not UTF-8) written as
    ``\\xNN``: a string every strict JSON reader and UTF-8 stream accepts."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(_escape, text)


def warn(message: str, stream: TextIO | None = None) -> None:
    """``haikulint: warning: <message>`` on standard error, escaped, on one line."""
    _say("warning", message, stream)


def error(message: str, stream: TextIO | None = None) -> None:
    """``haikulint: error: <message>`` on standard error, escaped, on one line."""
    _say("error", message, stream)


def hint(message: str, stream: TextIO | None = None) -> None:
    """``haikulint: hint: <message>`` on standard error, escaped, on one line."""
    _say("hint", message, stream)


def note(message: str, stream: TextIO | None = None) -> None:
    """``haikulint: <message>`` on standard error, escaped, on one line."""
    out = stream if stream is not None else sys.stderr
    out.write(fit_encoding(f"haikulint: {printable(message)}\n", out))
    out.flush()


def _say(kind: str, message: str, stream: TextIO | None) -> None:
    note(f"{kind}: {message}", stream)


def fit_encoding(text: str, stream: TextIO) -> str:
    """``text`` made writable to ``stream``: what its encoding cannot hold becomes ``\\x..``.

    Standard output is UTF-8 almost everywhere, but a redirect on Windows may be
    cp1252 and an old locale ASCII; a report must not die on a word like "café".
    """
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:  # an encoding Python does not know: leave it to the stream
        return text
    return text


def _keep_line_breaks(match: re.Match[str]) -> str:
    char = match.group()
    return char if char in "\r\n" else _escape(match)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"
