"""SourceLines and apply_edits: line numbers to offsets, every byte kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haikulint.fix.model import Edit
from haikulint.fix.text import SourceLines, apply_edits


def test_lines_keep_their_endings_and_the_bom() -> None:
    source = SourceLines("\ufeffTitle: A\r\nDate: B\r\n\r\nbody")
    assert source.count == 4
    assert source.content(1) == "Title: A"
    assert source.start(1) == 1  # after the BOM
    assert source.ending(1) == "\r\n"
    assert source.content(4) == "body"
    assert source.ending(4) == ""
    assert source.newline == "\r\n"
    assert source.start(5) == len(source.text)


def test_a_final_newline_does_not_make_another_line() -> None:
    source = SourceLines("a\nb\n")
    assert source.count == 2
    assert source.newline == "\n"
    assert source.end_with_ending(2) == 4


def test_a_line_outside_the_text_is_an_index_error() -> None:
    with pytest.raises(IndexError):
        SourceLines("a\n").content(0)


@given(st.text(alphabet="ab\r\n\ufeff "))
def test_the_lines_put_back_together_are_the_text(text: str) -> None:
    source = SourceLines(text)
    rebuilt = text[: source.start(1)] + "".join(
        source.content(line) + source.ending(line) for line in range(1, source.count + 1)
    )
    assert rebuilt == text
    for line in range(1, source.count + 1):
        assert source.line_of(source.start(line)) == line
        assert "\n" not in source.content(line)


def test_edits_apply_in_offset_order_and_keep_the_rest() -> None:
    text = "one\r\ntwo\r\nthree"
    edits = [Edit(5, 8, "TWO"), Edit(0, 0, "zero\r\n"), Edit(len(text), len(text), "!")]
    assert apply_edits(text, edits) == "zero\r\none\r\nTWO\r\nthree!"


def test_overlapping_edits_are_refused() -> None:
    with pytest.raises(ValueError, match="overlaps"):
        apply_edits("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])


def test_an_edit_must_have_ordered_offsets() -> None:
    with pytest.raises(ValueError):
        Edit(3, 1, "x")
