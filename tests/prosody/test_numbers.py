from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haikulint.prosody.count import SyllableCounter
from haikulint.prosody.numbers import cardinal, number_readings, radix_readings


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        ("7", (2,)),
        ("11", (3,)),
        ("0", (2,)),
        ("500", (3,)),  # five hundred
        ("200", (3,)),
        ("404", (3,)),  # four oh four: a code, not four hundred four
        ("443", (3, 4, 6)),  # four four three, four forty-three, four hundred forty-three
        ("2024", (5, 6)),  # twenty twenty-four, two thousand twenty-four
        ("1900", (4,)),  # nineteen hundred: a year, in pairs only
        ("2005", (4,)),  # twenty oh five, two thousand five
        ("2000", (3,)),
        ("8080", (4,)),  # eighty eighty, eight oh eight oh
        ("6379", (5, 7)),  # six three seven nine, sixty-three seventy-nine
        ("2024", (5, 6)),  # twenty twenty-four, two thousand twenty-four
        ("1984", (5,)),
        ("1,000", (3,)),
        ("007", (4, 5, 6)),  # oh oh seven, double-oh-seven, zero zero seven
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
        ("1990s", (4,)),
        ("1000000", (3,)),
        (".5", (2,)),  # point five
        (".25", (3, 4)),  # point two five, point twenty-five
        ("30s", (2, 4)),  # thirties, thirty seconds
        ("5s", (1, 3)),  # fives, five seconds
        ("1,000,000,000,000,000,000", (4,)),  # one sextillion
        ("1000000000000000000th", (4,)),  # one quintillionth
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
    assert number_readings("2nd") == (2,)  # second
    assert number_readings("30th") == (3,)  # thirtieth


def test_huge_numbers_are_said_digit_by_digit() -> None:
    assert number_readings("1" * 20) == (20,)


def test_past_the_named_scales_numbers_are_said_digit_by_digit() -> None:
    assert number_readings("1" + ",000" * 12) == (37, 73)  # one, then oh or zero 36 times
    assert number_readings("9" * 5000) == (5000,)  # int() refuses 4300+ digits: not used
    assert number_readings("1" * 39 + "2nd") == (41,)  # ... one one second
    with pytest.raises(ValueError, match="too large"):
        cardinal(10**36)
    assert cardinal(10**35) == 6  # one hundred decillion


_NUMBERISH = st.text(alphabet="0123456789,.", min_size=1, max_size=80).flatmap(
    lambda digits: st.sampled_from(["", "st", "nd", "rd", "th", "s", "'s", "%"]).map(
        lambda suffix: digits + suffix
    )
)


@settings(deadline=None)  # the first example loads the dictionaries
@given(_NUMBERISH)
def test_digits_commas_dots_and_suffixes_never_raise(token: str) -> None:
    readings = number_readings(token)
    assert list(readings) == sorted(set(readings))
    assert all(count >= 1 for count in readings)
    word = SyllableCounter().word(token)
    assert word.readings and min(word.readings) >= 1


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=6000))
def test_any_length_of_digits_never_raises(length: int) -> None:
    for token in ("9" * length, "1" + "0" * (length - 1), "1" * length + "th"):
        assert number_readings(token)


# --- second audit: decillions, digit strings, underscores, hex ---


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        ("1" + "0" * 33, (4,)),  # one decillion: said, not 34 digits
        ("1" + "0" * 35, (6,)),  # one hundred decillion
        ("25" + "0" * 21, (6,)),  # twenty-five sextillion
        ("1" + "0" * 36, (37, 73)),  # past the decillions: digit by digit
        ("1234" + "0" * 20, (24, 44)),  # long and not round: digit by digit
        ("123456789", (10, 23)),  # one two three..., or in words
        ("65536", (5, 11)),  # six five five three six, sixty-five thousand...
        ("27017", (7, 8, 9)),  # two seven oh one seven, twenty-seven thousand seventeen
        ("100000", (5,)),  # round: only in words
        ("250000", (7,)),
        ("123456789012345", (16, 17, 34)),  # fifteen digits: both
        ("0012", (4, 5, 6)),  # oh oh one two, double oh one two, zero zero one two
        ("1_000_000", (3,)),  # underscores as thousands separators
        ("1_000", (3,)),
        ("0x1f", (4, 5)),  # oh x one F, zero x one F
        ("0xff", (4, 5)),
        ("0x10", (4, 5, 6)),  # oh x one oh, ... one zero
        ("0b101", (5, 6, 7)),
        ("0o755", (6, 7)),
    ],
)
def test_number_readings_of_the_second_audit(token: str, readings: tuple[int, ...]) -> None:
    assert number_readings(token) == readings


@pytest.mark.parametrize("token", ["0x", "0xg", "0b2", "0o8", "0x" + "f" * 33, "1_0", "1__000"])
def test_not_radix_or_grouped_numbers(token: str) -> None:
    assert number_readings(token) == ()
    assert radix_readings(token) == ()


def test_hex_in_a_word() -> None:
    word = SyllableCounter().word("0x1F")
    assert (word.readings, str(word.source)) == ((4, 5), "number")
