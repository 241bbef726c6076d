"""Lines made of styled spans, written plain or, on a terminal, in colour with rich.

The human formats build their output once as spans; the plain writer joins the
texts, the colour writer hands the same spans to rich. So the two outputs differ
only by escape codes, and plain output (pipes, files, pre-commit logs) never
imports rich at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple, TextIO

from haikulint.escape import fit_encoding, printable

__all__ = ["Span", "StyledLine", "fit_encoding", "printable", "write_lines"]


class Span(NamedTuple):
    """A piece of a line and its rich style ("" for none)."""

    text: str
    style: str = ""


StyledLine = Sequence[Span]


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
