from __future__ import annotations

import pytest

from haikulint.prosody.numbers import cardinal, number_readings, ordinal


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        ("7", (2,)),
        ("11", (3,)),
        ("0", (2,)),
        ("500", (3,)),  # five hundred
        ("200", (3,)),
        ("404", (3, 4)),  # four oh four, four hundred four
        ("443", (3, 4, 6)),  # four four three, four forty-three, four hundred forty-three
        ("2024", (5, 6)),  # twenty twenty-four, two thousand twenty-four
        ("1900", (4, 6)),  # nineteen hundred, one thousand nine hundred
        ("2005", (4,)),  # twenty oh five, two thousand five
        ("2000", (3,)),
        ("8080", (4, 5)),
        ("1,000", (3,)),
        ("007", (4, 6)),  # oh oh seven, zero zero seven
        ("4th", (1,)),
        ("21st", (3,)),
        ("22nd", (4,)),  # twenty-second
        ("20th", (3,)),  # twentieth
        ("12th", (1,)),
        ("100th", (3,)),
        ("3.5", (3,)),
        ("0.5", (2, 3, 4)),  # point five, oh point five, zero point five
        ("3.11", (4, 5)),  # three point one one, three point eleven
        ("1.2.3", (5,)),
        ("50%", (4,)),
        ("1990s", (4, 8)),
        ("1000000", (3,)),
    ],
)
def test_number_readings(token: str, readings: tuple[int, ...]) -> None:
    assert number_readings(token) == readings


@pytest.mark.parametrize("token", ["", "abc", "12a", "1.5th", "-", "²"])
def test_not_numbers(token: str) -> None:
    assert number_readings(token) == ()


def test_cardinal_and_ordinal() -> None:
    assert cardinal(77) == 5  # seventy-seven
    assert cardinal(1_000_001) == 4  # one million one
    assert ordinal(2) == 2  # second
    assert ordinal(30) == 3  # thirtieth


def test_huge_numbers_are_said_digit_by_digit() -> None:
    assert number_readings("1" * 20) == (20,)
