"""Lines made of styled spans, written plain or, on a terminal, in colour with rich.

The human formats build their output once as spans; the plain writer joins the
texts, the colour writer hands the same spans to rich. So the two outputs differ
only by escape codes, and plain output (pipes, files, pre-commit logs) never
imports rich at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple, TextIO


class Span(NamedTuple):
    """A piece of a line and its rich style ("" for none)."""

    text: str
    style: str = ""


StyledLine = Sequence[Span]

# Characters that must not reach a terminal raw: C0/C1 controls (a file name can
# hold ESC and so colour or move the cursor), Unicode line and paragraph
# separators (one problem, one line), bidirectional overrides (which can make a
# path read differently from what it is) and lone surrogates (bytes that were
# not UTF-8, which no strict UTF-8 stream can encode).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str, *, keep_line_breaks: bool = False) -> str:
    """``text`` with every unprintable character shown as a backslash escape.

    ``keep_line_breaks`` leaves CR and LF alone, for a format that escapes them its own way.
    """
    if _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub(_keep_line_breaks if keep_line_breaks else _escape, text)


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


def write_lines(lines: Iterable[StyledLine], stream: TextIO, *, color: bool) -> None:
    """Write each line followed by a newline, in colour only if ``color``."""
    if color:
        _write_rich(lines, stream)
    else:
        text = "".join("".join(span.text for span in line) + "\n" for line in lines)
        stream.write(fit_encoding(text, stream))


def _write_rich(lines: Iterable[StyledLine], stream: TextIO) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=stream,
        force_terminal=True,
        force_jupyter=False,
        color_system="standard",
        no_color=False,  # the caller has decided; rich must not read NO_COLOR again
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=True,  # never wrap or crop a long message
        legacy_windows=False,
    )
    for line in lines:
        console.print(Text.assemble(*((fit_encoding(text, stream), style) for text, style in line)))
