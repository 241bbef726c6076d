"""Numbers as people say them, as sets of syllable counts.

* cardinals: ``7`` seven (2), ``11`` eleven (3), ``500`` five hundred (3);
* four-digit numbers in pairs, as years and ports are said: ``1984`` nineteen
  eighty-four (only: nobody says one thousand nine hundred...), ``1080`` ten eighty,
  ``1900`` nineteen hundred, ``2005`` twenty oh five; years of this century also in
  words (``2024`` twenty twenty-four, 5, or two thousand twenty-four, 6); others
  (ports, PINs) also digit by digit (``8080`` eighty eighty, ``6379`` six three seven
  nine or sixty-three seventy-nine);
* three-digit strings also digit by digit or as digit and pair: ``443`` four four
  three, four forty-three, four hundred forty-three; one with a zero in the middle is
  a code, said with "oh" (``404`` four oh four, 3; ``503``);
* leading zeros digit by digit (``007``: oh or zero; a leading ``00`` before another
  digit also "double oh": double-oh-seven);
* longer numbers that are not round also digit by digit (``65536``, ``123456789``:
  one two three...), as people read out ports, IDs and PINs; a round one (``1000000``,
  ``250000``: at most three digits before its zeros) only in words;
* thousands separators as commas or underscores (``1,000``, ``1_000_000``);
* a hexadecimal, binary or octal literal (``0x1F``) as "oh x" (or "zero x") then its
  digits and letters one by one: oh x one F;
* ordinals (``4th`` fourth, ``22nd`` twenty-second, ``20th`` twentieth), decimals
  (``3.5`` three point five, ``.5`` point five), versions (``1.2.3``), thousands commas
  (``1,000``), percentages (``50%``), decade plurals (``1990s``, ``90s``) and seconds
  (``30s`` thirty seconds, ``5s`` five seconds);
* numbers too long to say in words (a digit string of more than 15 digits, or beyond
  the decillions) digit by digit, as people read them out: never an error. A round
  one up to the decillions (``1`` and 33 zeros, at most three digits before its
  zeros) is said in words only: one decillion.

Written by hand: a number-words library would spell the words out only to have
them counted again, and the ones on PyPI cover neither pairs nor digit strings.
"""

from __future__ import annotations

import re

# Syllables of zero..nineteen and of the tens (twenty..ninety).
_SMALL = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2)
_TENS = (0, 0, 2, 2, 2, 2, 2, 3, 2, 2)
_HUNDRED = 2
# thousand, million, billion, trillion, quadrillion, quintillion, sextillion,
# septillion, octillion, nonillion, decillion
_SCALES = (2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3)
_LONGEST_SAID = 3 * (len(_SCALES) + 1)  # digits of the largest number said in words
_LONGEST_PLAIN = 15  # a longer digit string without commas is read digit by digit
_OH = 1  # "oh" for a zero digit
_DOUBLE = 2  # "double" of "double oh seven"
_ROUND_DIGITS = 3  # 250000 is round (two hundred fifty thousand); 2500001 is not
_POINT = 1  # "point" or "dot"
_PERCENT = 2
_YEAR_LIKE = (1000, 2099)  # said in pairs only: 1984, 1080 (p), 1999; 2024 also in words
_TWO_THOUSANDS = 20  # 20xx: "two thousand twenty-four" as well as "twenty twenty-four"
_SECONDS = 2

_NUMBER = re.compile(
    r"""
    (?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)*|\.\d+)
    (?P<suffix>st|nd|rd|th|s|'s|%)?
    """,
    re.VERBOSE,
)
# ``0x1F``, ``0b1010``, ``0o755``: the prefix, then digits and letters one by one.
_RADIX = r"0(?:x[0-9a-f]{1,32}|b[01]{1,64}|o[0-7]{1,32})"  # compiled on first use


def number_readings(token: str) -> tuple[int, ...]:
    """Every plausible syllable count of a number token, or ``()`` if it is not one."""
    token = token.lower().replace("_", ",")  # ``1_000_000``: Python's thousands separator
    match = _NUMBER.fullmatch(token)
    if match is None:
        return radix_readings(token)
    number, suffix = match["number"], match["suffix"] or ""
    if suffix in ("st", "nd", "rd", "th"):
        if "." in number:
            return ()
        return tuple(sorted(_ordinal_readings(number.replace(",", ""))))
    if "," in number:
        counts = _grouped(number.replace(",", ""))
    elif number.startswith("."):
        counts = {_POINT + way for way in _fraction_readings(number[1:], alone=True)}
    elif "." in number:
        counts = _dotted(number)
    else:
        counts = integer_readings(number)
    if suffix == "%":
        counts = {count + _PERCENT for count in counts}
    elif suffix == "s" and "." not in number and len(number) <= 3:
        counts |= {count + _SECONDS for count in counts}  # "30s" thirties, thirty seconds
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
    """Syllables of a whole number in words (``2024`` two thousand twenty-four: 6).

    Raises ValueError past the decillions (36 digits), which have no common names;
    :func:`number_readings` reads such numbers digit by digit instead.
    """
    count = _said(value)
    if count is None:
        raise ValueError("number too large to say")
    return count


def _said(value: int) -> int | None:
    """:func:`cardinal`, or None when the number is too large to say in words."""
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
            return None
    return count


def _ordinal_extra(value: int) -> int:
    """What the ordinal adds to the cardinal: ``second`` and ``-tieth`` one syllable."""
    last_two = value % 100
    if 10 <= last_two < 20 or last_two == 0:
        return 0
    if value % 10 == 0 or value % 10 == 2:
        return 1
    return 0


def digit_by_digit(digits: str, zero: int = _OH) -> int:
    """Syllables of a digit string said one digit at a time (``404`` four oh four)."""
    return sum(zero if digit == "0" else _SMALL[int(digit)] for digit in digits)


def integer_readings(digits: str) -> set[int]:
    """Every way to say a string of digits."""
    if len(digits) > 1 and digits.startswith("0"):
        return _digits_readings(digits)
    # A round number up to the decillions in words (one decillion), a long one that is
    # not round digit by digit: checked before int(), which refuses 4300+ digits.
    significant = len(digits.rstrip("0"))
    if len(digits) > _LONGEST_SAID or (
        len(digits) > _LONGEST_PLAIN and significant > _ROUND_DIGITS
    ):
        return _digits_readings(digits)
    value = int(digits)
    counts = {cardinal(value)}
    if len(digits) == 3 and value % 100:
        first, rest = int(digits[0]), value % 100
        counts.add(digit_by_digit(digits))
        if rest >= 10:
            counts.add(_SMALL[first] + below_hundred(rest))
        else:  # a code: 404 four oh four, 503 (not four hundred four)
            counts.discard(cardinal(value))
    elif len(digits) == 4 and value % 1000:
        counts = {_in_pairs(value)}
        if not _YEAR_LIKE[0] <= value <= _YEAR_LIKE[1]:
            counts.add(digit_by_digit(digits))  # a port: 6379 six three seven nine
        if value // 100 == _TWO_THOUSANDS:
            counts.add(cardinal(value))  # 2024 two thousand twenty-four
    elif 4 < len(digits) <= _LONGEST_PLAIN and significant > _ROUND_DIGITS:
        counts |= _digits_readings(digits)  # a port, an ID: six five five three six
    return counts


def radix_readings(token: str) -> tuple[int, ...]:
    """``0x1F`` oh x one F (or zero x...): the prefix, then each digit and letter."""
    if not token.startswith("0") or not re.fullmatch(_RADIX, token):
        return ()
    counts = {_OH + 1, _SMALL[0] + 1}  # "oh x", "zero x" (b and o are one syllable too)
    for character in token[2:]:
        if character.isdigit():
            said = {_OH, _SMALL[0]} if character == "0" else {_SMALL[int(character)]}
        else:
            said = {1}  # a to f: one syllable each
        counts = {count + way for count in counts for way in said}
    return tuple(sorted(counts))


def _digits_readings(digits: str) -> set[int]:
    """A digit string said one digit at a time, zeros as "oh" or "zero".

    A leading ``00`` may also be "double oh" (``007``: double-oh-seven).
    """
    counts = {digit_by_digit(digits), digit_by_digit(digits, zero=_SMALL[0])}
    if digits.startswith("00") and digits[2:3] not in ("", "0"):  # not 00, 000
        counts.add(_DOUBLE + _OH + digit_by_digit(digits[2:]))
    return counts


def _grouped(digits: str) -> set[int]:
    """``1,000,000`` one million; past the decillions, digit by digit."""
    if len(digits.lstrip("0")) > _LONGEST_SAID:
        return _digits_readings(digits)
    count = _said(int(digits))
    return {count} if count is not None else _digits_readings(digits)


def _ordinal_readings(digits: str) -> set[int]:
    """``4th`` fourth; a number too long to say in words, digit by digit to the last."""
    if len(digits) <= _LONGEST_SAID:
        value = int(digits)
        count = _said(value)
        if count is not None:
            return {count + _ordinal_extra(value)}
    last = int(digits[-1])
    extra = 1 if last == 2 else 0  # two, second; the others keep their syllables
    return {count + extra for count in _digits_readings(digits)}


def _fraction_readings(part: str, alone: bool) -> set[int]:
    """The digits after a decimal point: ``5`` five, ``25`` two five or twenty-five."""
    ways = _digits_readings(part)
    if not alone or (not part.startswith("0") and len(part) <= 2):
        ways |= integer_readings(part)
    return ways


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
        ways = _fraction_readings(part, alone=len(parts) == 1)
        counts = {count + _POINT + way for count in counts for way in ways}
    return counts
