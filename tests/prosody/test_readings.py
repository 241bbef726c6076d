"""How a line's totals are put in words, for check's and new's messages."""

from __future__ import annotations

import pytest

from haikulint.prosody.readings import LineReading


@pytest.mark.parametrize(
    ("totals", "text"),
    [
        ((), "no syllables"),
        ((1,), "1 syllable"),
        ((6,), "6 syllables"),
        ((7, 8), "7 or 8 syllables"),
        ((5, 6, 7), "5, 6 or 7 syllables"),
    ],
)
def test_count_text(totals: tuple[int, ...], text: str) -> None:
    assert LineReading("line", (), totals).count_text() == text
