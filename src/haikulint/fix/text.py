"""A post's text as numbered lines, keeping every byte: line endings, BOM, last newline.

The blog layer reads a post with its BOM dropped and ``\\r\\n`` and a lone ``\\r`` turned
into ``\\n``; its line numbers are the same as here, since ``\\n``, ``\\r\\n`` and a lone
``\\r`` each end a line in both. Fixes are
edits on the text exactly as it is on disk, so they are made through this map.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property

from haikulint.fix.model import Edit

BOM = "\ufeff"
_LINE_END = re.compile(r"\r\n?|\n")


class SourceLines:
    """1-based line numbers to offsets in ``text``, and the line ending to write."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _starts(self) -> list[int]:
        first = 1 if self.text.startswith(BOM) else 0
        starts = [first]
        if "\r" in self.text:
            starts += (match.end() for match in _LINE_END.finditer(self.text, first))
            return starts
        index = self.text.find("\n", first)
        while index >= 0:
            starts.append(index + 1)
            index = self.text.find("\n", index + 1)
        return starts

    @property
    def count(self) -> int:
        """The number of lines; a final newline does not start another (empty) line."""
        starts = self._starts
        if len(starts) > 1 and starts[-1] == len(self.text):
            return len(starts) - 1
        return len(starts)

    def start(self, line: int) -> int:
        """The offset where ``line`` starts; the end of the text for the line after the last."""
        if line > self.count:
            return len(self.text)
        return self._starts[self._index(line)]

    def end(self, line: int) -> int:
        """The offset where ``line``'s content ends, before its line ending."""
        stop = self.end_with_ending(line)
        text = self.text
        if stop > self.start(line) and text[stop - 1] == "\n":
            stop -= 1
            if stop > self.start(line) and text[stop - 1] == "\r":
                stop -= 1
        elif stop > self.start(line) and text[stop - 1] == "\r":
            stop -= 1  # a lone CR (old Mac line ends)
        return stop

    def end_with_ending(self, line: int) -> int:
        """The offset just after ``line``'s line ending (the next line's start)."""
        index = self._index(line)
        starts = self._starts
        return starts[index + 1] if index + 1 < len(starts) else len(self.text)

    def content(self, line: int) -> str:
        """``line`` without its line ending."""
        return self.text[self.start(line) : self.end(line)]

    def ending(self, line: int) -> str:
        """``\\r\\n``, ``\\n``, ``\\r``, or ``""`` (the last line, with no final newline)."""
        return self.text[self.end(line) : self.end_with_ending(line)]

    def line_of(self, offset: int) -> int:
        """The 1-based line holding ``offset``."""
        return max(1, bisect_right(self._starts, offset))

    @cached_property
    def newline(self) -> str:
        """The line ending new lines get: the file's own (its first), else ``\\n``."""
        first = _LINE_END.search(self.text)
        return first.group() if first is not None else "\n"

    def _index(self, line: int) -> int:
        if not 1 <= line <= max(self.count, 1):
            raise IndexError(f"line {line} is not in a text of {self.count} lines")
        return line - 1


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied; every other character kept."""
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits):
        if edit.start < position or edit.end > len(text):
            raise ValueError(f"edit {edit} does not fit the text or overlaps another")
        pieces.append(text[position : edit.start])
        pieces.append(edit.replacement)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)
