"""Numbers as people say them, as sets of syllable counts.

* cardinals: ``7`` seven (2), ``11`` eleven (3), ``500`` five hundred (3);
* four-digit numbers also in pairs, as years and ports are said: ``2024`` twenty
  twenty-four (5) or two thousand twenty-four (6); ``1900`` nineteen hundred;
  ``2005`` twenty oh five; ``8080`` eighty eighty;
* three-digit strings also digit by digit or as digit and pair: ``404`` four oh four
  (3) or four hundred four (4); ``443`` four four three, four forty-three;
* leading zeros digit by digit (``007``: oh or zero);
* ordinals (``4th`` fourth, ``22nd`` twenty-second, ``20th`` twentieth), decimals
  (``3.5`` three point five), versions (``1.2.3``), thousands commas (``1,000``),
  percentages (``50%``) and decade plurals (``1990s``, ``90s``).

Written by hand: a number-words library would spell the words out only to have
them counted again, and the ones on PyPI cover neither pairs nor digit strings.
"""

from __future__ import annotations

import re

# Syllables of zero..nineteen and of the tens (twenty..ninety).
_SMALL = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2)
_TENS = (0, 0, 2, 2, 2, 2, 2, 3, 2, 2)
_HUNDRED = 2
_SCALES = (2, 2, 2, 2, 3)  # thousand, million, billion, trillion, quadrillion
_OH = 1  # "oh" for a zero digit
_POINT = 1  # "point" or "dot"
_PERCENT = 2

_NUMBER = re.compile(
    r"""
    (?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)*)
    (?P<suffix>st|nd|rd|th|s|'s|%)?
    """,
    re.VERBOSE,
)


def number_readings(token: str) -> tuple[int, ...]:
    """Every plausible syllable count of a number token, or ``()`` if it is not one."""
    match = _NUMBER.fullmatch(token.lower())
    if match is None:
        return ()
    number, suffix = match["number"], match["suffix"] or ""
    if "," in number:
        counts = {cardinal(int(number.replace(",", "")))}
    elif "." in number:
        counts = _dotted(number)
    else:
        counts = integer_readings(number)
    if suffix in ("st", "nd", "rd", "th"):
        if "." in number:
            return ()
        counts = {ordinal(int(number.replace(",", "")))}
    elif suffix == "%":
        counts = {count + _PERCENT for count in counts}
    return tuple(sorted(counts))


def below_hundred(value: int) -> int:
    """Syllables of 1..99."""
    if value < 20:
        return _SMALL[value]
    tens, ones = divmod(value, 10)
    return _TENS[tens] + (_SMALL[ones] if ones else 0)


def below_thousand(value: int) -> int:
    """Syllables of 1..999 (``five hundred four``)."""
    hundreds, rest = divmod(value, 100)
    count = _SMALL[hundreds] + _HUNDRED if hundreds else 0
    return count + (below_hundred(rest) if rest else 0)


def cardinal(value: int) -> int:
    """Syllables of a whole number in words (``2024`` two thousand twenty-four: 6)."""
    if value == 0:
        return _SMALL[0]
    count = 0
    scale = -1
    while value:
        value, group = divmod(value, 1000)
        if group:
            count += below_thousand(group) + (_SCALES[scale] if scale >= 0 else 0)
        scale += 1
        if scale >= len(_SCALES) and value:
            raise ValueError("number too large to say")
    return count


def ordinal(value: int) -> int:
    """Syllables of an ordinal: like the cardinal, but second and -tieth add one."""
    count = cardinal(value)
    last_two = value % 100
    if 10 <= last_two < 20 or last_two == 0:
        return count
    if value % 10 == 0 or value % 10 == 2:
        return count + 1
    return count


def digit_by_digit(digits: str, zero: int = _OH) -> int:
    """Syllables of a digit string said one digit at a time (``404`` four oh four)."""
    return sum(zero if digit == "0" else _SMALL[int(digit)] for digit in digits)


def integer_readings(digits: str) -> set[int]:
    """Every way to say a string of digits."""
    if len(digits) > 1 and digits.startswith("0"):
        return {digit_by_digit(digits), digit_by_digit(digits, zero=_SMALL[0])}
    value = int(digits)
    counts = {cardinal(value)} if len(digits) <= 15 else set()
    if len(digits) == 3 and value % 100:
        first, rest = int(digits[0]), value % 100
        counts.add(digit_by_digit(digits))
        if rest >= 10:
            counts.add(_SMALL[first] + below_hundred(rest))
    elif len(digits) == 4 and value % 1000:
        counts.add(_in_pairs(value))
    elif len(digits) > 15:
        counts.add(digit_by_digit(digits))
    return counts


def _in_pairs(value: int) -> int:
    """``1984`` nineteen eighty-four, ``1900`` nineteen hundred, ``2005`` twenty oh five."""
    high, low = divmod(value, 100)
    if low == 0:
        return below_hundred(high) + _HUNDRED
    if low < 10:
        return below_hundred(high) + _OH + _SMALL[low]
    return below_hundred(high) + below_hundred(low)


def _dotted(number: str) -> set[int]:
    """``3.5`` three point five; ``3.11`` also three point eleven; ``1.2.3`` a version."""
    whole, *parts = number.split(".")
    counts = integer_readings(whole)
    if len(parts) == 1 and whole == "0":
        counts = {0, _OH, *counts}  # "point five", "oh point five", "zero point five"
    for part in parts:
        ways = {digit_by_digit(part), digit_by_digit(part, zero=_SMALL[0])}
        if len(parts) > 1 or (not part.startswith("0") and len(part) <= 2):
            ways |= integer_readings(part)
        counts = {count + _POINT + way for count in counts for way in ways}
    return counts
