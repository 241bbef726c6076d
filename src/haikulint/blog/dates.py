"""Dates as bloggers write them: header values and the body's opening dateline.

``datetime.date.fromisoformat`` and ``strptime`` would accept only one spelling
each and explain nothing when they refuse; a header like ``date: 2023-02-30``
deserves "February 2023 has no day 30", so the few spellings blogs use are
matched here and checked with :class:`datetime.date` itself.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, datetime, time

from haikulint.blog.post import Dateline

DATELINE_LINES = 3
"""How many non-empty lines at the top of the body may hold the dateline."""

MONTHS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_TIME = (
    r"(?:[Tt ]\s*(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?:[Zz]|[+-](?P<offset_hour>\d{2})(?::?(?P<offset_minute>\d{2}))?|UTC|GMT)?)?"
)
_CLOCK = (
    r"(?:,?\s+(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
    r"(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?:[Zz]|[+-](?P<offset_hour>\d{2})(?::?(?P<offset_minute>\d{2}))?|[A-Z]{3,4}))?)?"
)
"""A time after a date written with a space (``2024/03/05 10:20``, ``05 Mar 2024 10:20:00
+0100``), as Pelican's and Hugo's date readers take it."""
_ISO = r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
_SLASHED = r"(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})"
_MONTH_FIRST = (
    _WEEKDAY + r"(?P<month_name>[a-z]+)\.?\s+(?P<day>\d{1,2})" + _ORDINAL + r",?\s+(?P<year>\d{4})"
)
_DAY_FIRST = (
    _WEEKDAY + r"(?P<day>\d{1,2})" + _ORDINAL + r"\s+(?:of\s+)?(?P<month_name>[a-z]+)\.?,?\s+"
    r"(?P<year>\d{4})"
)
# re.ASCII throughout: a date is written in ASCII digits (\d would take "٢٠٢٤" too).
_WHOLE_VALUE = [
    re.compile(_ISO + _TIME + r"\Z", re.IGNORECASE | re.ASCII),
    re.compile(_SLASHED + _CLOCK + r"\Z", re.ASCII),
    re.compile(_MONTH_FIRST + _CLOCK + r"\Z", re.IGNORECASE | re.ASCII),
    re.compile(_DAY_FIRST + _CLOCK + r"\Z", re.IGNORECASE | re.ASCII),
]
_AMBIGUOUS = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\Z", re.ASCII)
_NUMERIC = re.compile(
    r"(?P<first>\d{1,2})(?P<separator>[/.-])(?P<middle>\d{1,2})(?P=separator)(?P<year>\d{4})"
    + _CLOCK
    + r"\Z",
    re.ASCII,
)
"""``24/04/2023`` or ``04/24/2023``: read when only one of the first two numbers can be a month."""

# A dateline opens the body: the date (maybe in emphasis), then the end of the line or a
# sentence break (`.`, `,`, ` - `, an en or em dash). A colon is left out on purpose:
# `November 4, 2024: A Mosaic of Realities` is a title that starts with a date.
_LEAD = re.compile(r"[\s*_>#]*")
"""Markup before the date (emphasis, a quote, a heading), skipped once: the date itself
cannot start with any of it, so the patterns need not backtrack over it."""
_AFTER = r"[*_]*(?=\s*\Z|\s*[.,;!]|\s+-|\s*[–—])"
_DATELINE = [
    re.compile(r"(?P<text>" + pattern + r")" + _AFTER, re.IGNORECASE | re.ASCII)
    for pattern in (_MONTH_FIRST, _DAY_FIRST, _ISO)
]


def parse_date(value: object) -> date:
    """Read a header value as a date, or raise ``ValueError`` saying why it is not one.

    Accepts :class:`~datetime.date` and :class:`~datetime.datetime` objects (TOML gives
    them), ISO dates with or without a time and zone (``2023-04-24T10:00:00+02:00``,
    ``2023-04-24 10:00``), ``2023/04/24``, ``April 24, 2023``, ``Apr 24 2023``,
    ``24 April 2023`` and ``November 4th, 2024``; the last four and ``24.04.2023`` may be
    followed by a time (``2023/04/24 10:00``, ``Mon, 24 Apr 2023 10:00:00 +0200``), as
    Pelican's ``Date:`` and ``Modified:`` and Hugo's date keys are written. A time that
    is no time of day (``25:00``) or an offset that is no offset makes it no date.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return _parse_text(value)
    raise ValueError(_not_a_date(value))


def find_dateline(lines: Sequence[str], first_line_number: int) -> Dateline | None:
    """The date that opens the body, searched in its first few non-empty lines.

    ``lines`` are consecutive lines of the file, the first being line
    ``first_line_number``. Only the first :data:`DATELINE_LINES` non-empty lines count,
    so a date deep in the body is never taken for the dateline; a date-looking opening
    that is not a real date (``February 30, 2024.``) is passed over.
    """
    seen = 0
    for offset, line in enumerate(lines):
        if not line.strip():
            continue
        found = _dateline_in(line)
        if found is not None:
            day, text = found
            return Dateline(date=day, text=text, line=first_line_number + offset)
        seen += 1
        if seen >= DATELINE_LINES:
            break
    return None


def _dateline_in(line: str) -> tuple[date, str] | None:
    if len(line) > 0 and not (line.lstrip(" \t*_>#")[:1].isalnum()):
        return None
    lead = None if line[:1].isalnum() else _LEAD.match(line)
    start = lead.end() if lead is not None else 0
    for pattern in _DATELINE:
        match = pattern.match(line, start)
        if match is None:
            continue
        try:
            return _date_from(match), match.group("text")
        except ValueError:
            return None
    return None


def _parse_text(value: str) -> date:
    text = value.strip()
    if len(text) == 10 and text[4] == text[7] == "-" and text.isascii():
        digits = text[:4] + text[5:7] + text[8:]
        if digits.isdigit():
            # YYYY-MM-DD, as most headers are: what the first pattern reads it as (its
            # year, month and day checked), without the match and its group dictionary.
            return _checked_date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    return _parse_text_fully(text)


def _parse_text_fully(text: str) -> date:
    """:func:`_parse_text` of stripped text, by every pattern."""
    if not text:
        raise ValueError("the date is empty")
    for pattern in _WHOLE_VALUE:
        match = pattern.match(text)
        if match is not None:
            return _date_from(match)
    shown = text if len(text) <= 40 else text[:37] + "..."
    numeric = _NUMERIC.match(text)
    if numeric is not None:
        return _day_and_month(numeric, shown)
    year = re.split(r"[/.-]", text)[-1]
    if _AMBIGUOUS.match(text) and len(year) != 4:
        raise ValueError(
            f"{shown!r} has a {len(year)}-digit year, so its century is unknown; "
            "write it as YYYY-MM-DD"
        )
    raise ValueError(f"{shown!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-05-20")


def _day_and_month(match: re.Match[str], shown: str) -> date:
    """``d/m/yyyy`` or ``m/d/yyyy``: whichever reading is possible, else why not."""
    first, second, year = (int(match.group(name)) for name in ("first", "middle", "year"))
    groups = match.groupdict()
    _check_time(groups["hour"], groups["minute"], groups["second"])
    _check_offset(groups["offset_hour"], groups["offset_minute"])
    if first > 12 and second > 12:
        raise ValueError(
            f"{shown!r} is not a date: neither {first} nor {second} can be a month; "
            "write it as YYYY-MM-DD"
        )
    if first > 12 or first == second:
        return _checked_date(year, second, first)  # day first: 24/04/2023
    if second > 12:
        return _checked_date(year, first, second)  # month first: 04/24/2023
    day_first = f"{year:04d}-{second:02d}-{first:02d}"
    month_first = f"{year:04d}-{first:02d}-{second:02d}"
    raise ValueError(
        f"{shown!r} is ambiguous (day or month first?); write it as YYYY-MM-DD: "
        f"{day_first} if {first} is the day, {month_first} if it is the month"
    )


def _date_from(match: re.Match[str]) -> date:
    groups = match.groupdict()
    year = int(groups["year"])
    day = int(groups["day"])
    month_name = groups.get("month_name")
    if month_name is not None:
        month = MONTHS.get(month_name.lower(), 0)
        if month == 0:
            raise ValueError(f"{month_name!r} is not a month")
    else:
        month = int(groups["month"])
    _check_time(groups.get("hour"), groups.get("minute"), groups.get("second"))
    _check_offset(groups.get("offset_hour"), groups.get("offset_minute"))
    return _checked_date(year, month, day)


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
"""Days in each month of a common year (``calendar.mdays``, which typeshed does not know)."""


def _checked_date(year: int, month: int, day: int) -> date:
    if year < 1:
        raise ValueError(f"there is no year {year}")
    if not 1 <= month <= 12:
        raise ValueError(f"there is no month {month}; months run from 1 to 12")
    # calendar.monthrange's count of days, without the weekday it works out first
    days = _DAYS_IN_MONTH[month] + (month == 2 and calendar.isleap(year))
    if not 1 <= day <= days:
        raise ValueError(f"{calendar.month_name[month]} {year} has no day {day} (it has {days})")
    return date(year, month, day)


def _check_time(hour: str | None, minute: str | None, second: str | None) -> None:
    if hour is None or minute is None:
        return
    if int(hour) > 23 or int(minute) > 59 or (second is not None and int(second) > 60):
        raise ValueError(f"{hour}:{minute} is not a time of day")


def _check_offset(hour: str | None, minute: str | None) -> None:
    if hour is None:
        return
    if int(hour) > 23 or (minute is not None and int(minute) > 59):
        raise ValueError(
            f"+{hour}:{minute or '00'} is not a UTC offset; offsets run from -23:59 to +23:59"
        )


def _not_a_date(value: object) -> str:
    if value is None:
        return "the date is empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} is not a date; write it as YYYY-MM-DD"
    if isinstance(value, int):
        digits = str(value)
        if len(digits) == 8:
            return (
                f"{value} is a number, not a date; "
                f'write it as "{digits[:4]}-{digits[4:6]}-{digits[6:]}"'
            )
        return f"{value} is a number, not a date; write it as YYYY-MM-DD"
    if isinstance(value, float):
        return f"{value} is a number, not a date; write it as YYYY-MM-DD"
    if isinstance(value, time):
        return f"{value} is a time of day without a date"
    if isinstance(value, (list, tuple)):
        return "the date is a list; give one date, written YYYY-MM-DD"
    if isinstance(value, dict):
        return "the date is a table of values; give one date, written YYYY-MM-DD"
    return f"a {type(value).__name__} is not a date; write it as YYYY-MM-DD"
