"""``haikulint syllables``: every word's readings, their sources and the line totals.

Start-up matters here: only ``rich.console`` and ``rich.table`` are imported, and only
for the table output; ``json`` only for JSON output; the hyphenation patterns only when
breaks are shown.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from haikulint.errors import UsageError, unknown_choice
from haikulint.escape import printable, valid_unicode
from haikulint.prosody.count import SyllableCounter
from haikulint.prosody.readings import LineReading, WordReading

if TYPE_CHECKING:
    from pathlib import Path

    from rich.table import Table

    from haikulint.config import Config

OUTPUT_FORMATS = ("table", "json")
STDIN_MARK = "-"


def from_command_line(
    *, texts: list[str] | None, output_format: str, config_file: Path | None
) -> int:
    """:func:`run` with the command line's options (``haikulint syllables --help``'s
    parameters, by name, as typer or :mod:`haikulint.command_line` read them)."""
    from haikulint.config import load_config

    return run(texts=texts or [], output_format=output_format, config=load_config(config_file))


def run(texts: Sequence[str], output_format: str, config: Config) -> int:
    """Count and print each input; returns the exit code (0)."""
    if output_format not in OUTPUT_FORMATS:
        raise UsageError(unknown_choice("--output-format", output_format, OUTPUT_FORMATS))
    inputs = read_inputs(texts, sys.stdin)
    counter = SyllableCounter(config.user_words())
    analysed = [(text, counter.lines(text)) for text in inputs]
    if output_format == "json":
        write_json(analysed, sys.stdout)
    else:
        write_tables(analysed, config)
    return 0


def read_inputs(texts: Sequence[str], stdin: TextIO | None) -> list[str]:
    """The texts to count: the arguments, with ``-`` (or nothing, when piped) read from stdin."""
    if not texts:
        if stdin is None or _is_terminal(stdin):
            raise UsageError(
                "no text to count: give TEXT arguments, `-`, or pipe lines on standard input"
            )
        texts = [STDIN_MARK]
    inputs: list[str] = []
    for text in texts:
        if text == STDIN_MARK:
            if stdin is None:
                raise UsageError("`-` given but there is no standard input")
            inputs.extend(line.strip() for line in stdin if line.strip())
        else:
            inputs.append(text)
    return inputs


def as_json(text: str, lines: Iterable[LineReading]) -> dict[str, object]:
    """One input as the JSON Lines object of ``--format json`` (a byte that was not UTF-8
    written ``\\xNN``, so that strict JSON readers take it)."""
    return {
        "text": valid_unicode(text),
        "lines": [
            {
                "text": valid_unicode(line.text),
                "totals": list(line.totals),
                "words": [
                    {
                        "text": valid_unicode(word.text),
                        "readings": list(word.readings),
                        "source": str(word.source),
                        **(
                            {"parts": [valid_unicode(part.text) for part in word.parts]}
                            if word.parts
                            else {}
                        ),
                    }
                    for word in line.words
                ],
            }
            for line in lines
        ],
    }


def write_json(analysed: Iterable[tuple[str, list[LineReading]]], out: TextIO) -> None:
    import json  # lazy: start-up time of the table output

    for text, lines in analysed:
        out.write(json.dumps(as_json(text, lines), ensure_ascii=False) + "\n")


def write_tables(analysed: Iterable[tuple[str, list[LineReading]]], config: Config) -> None:
    from rich.console import Console  # lazy: start-up time
    from rich.markup import escape  # imported by rich.console already
    from rich.text import Text  # imported by rich.console already

    from haikulint.config import toml_key

    analysed = list(analysed)
    console = Console(highlight=False, emoji=False)
    for text, lines in analysed:
        if not any(line.words for line in lines):  # "", "...": nothing to count
            console.print(Text(f"{printable(text)}: no words" if text.strip() else "no words"))
            continue
        # The haiku as its lines above the table: a long title would wrap mid-line.
        for line in lines:
            console.print(Text(printable(line.text)), soft_wrap=True)
        console.print(build_table(text, lines, config.form))
        unknown = [word for line in lines for word in line.unknown_words]
        if unknown:
            fix = config.setting(toml_key(unknown[0].text.lower()), "N", table="words")
            console.print(
                "[yellow]? guessed[/]: in no dictionary, so estimated or spelled out. "
                f"If it is wrong, set it [bold]{escape(fix)}[/]",
            )


def build_table(text: str, lines: Sequence[LineReading], form: tuple[int, ...]) -> Table:
    """A table of one input: a section per line, its words, then its total."""
    from rich.table import Table  # lazy: start-up time

    checked = len(lines) == len(form)
    table = Table(show_lines=False)
    table.add_column("line", justify="right")
    table.add_column("word")
    table.add_column("syllables", justify="right")
    table.add_column("source")
    table.add_column("breaks")
    for number, line in enumerate(lines, start=1):
        if number > 1:
            table.add_section()
        for index, word in enumerate(line.words):
            table.add_row(str(number) if index == 0 else "", *_word_cells(word))
        expected = form[number - 1] if checked else None
        shown = "" if line.words else str(number)  # a line of no words still has its number
        table.add_row(shown, "[bold]total[/]", _counts(line.totals), "", _verdict(line, expected))
    return table


def _word_cells(word: WordReading) -> tuple[str, str, str, str]:
    from rich.markup import escape  # imported by rich.table already

    from haikulint.prosody.breaks import word_breaks  # loads pyphen

    breaks = escape(word_breaks(word))
    if not word.known:  # an estimate, or a string spelled out: a guess either way
        return (
            f"[yellow bold]{escape(printable(word.text))}[/]",
            f"[yellow]{_counts(word.readings)}?[/]",
            f"[yellow]{word.source} ?[/]",
            f"[yellow]{breaks}[/]",
        )
    return escape(printable(word.text)), _counts(word.readings), str(word.source), breaks


def _verdict(line: LineReading, expected: int | None) -> str:
    if expected is None:
        return ""
    if line.fits(expected):
        return f"[green]✓ {expected}[/]"
    return f"[red bold]✗ expected {expected}[/]"


def _counts(counts: Iterable[int]) -> str:
    return "|".join(map(str, counts))


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
