"""parse_date and find_dateline: dates as bloggers write them."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, datetime, time, timezone

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from haikulint.blog.dates import DATELINE_LINES, find_dateline, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-04-24", date(2023, 4, 24)),
        ("2023-4-5", date(2023, 4, 5)),
        ("2023-04-24T10:00:00+02:00", date(2023, 4, 24)),
        ("2023-04-24T10:00:00Z", date(2023, 4, 24)),
        ("2023-04-24 10:00", date(2023, 4, 24)),
        ("2023-04-24 10:00:00 +0200", date(2023, 4, 24)),
        ("2023/04/24", date(2023, 4, 24)),
        ("April 24, 2023", date(2023, 4, 24)),
        ("Apr 24 2023", date(2023, 4, 24)),
        ("apr. 24, 2023", date(2023, 4, 24)),
        ("24 April 2023", date(2023, 4, 24)),
        ("24th of April, 2023", date(2023, 4, 24)),
        ("November 4th, 2024", date(2024, 11, 4)),
        ("Monday, November 4, 2024", date(2024, 11, 4)),
        ("Sept 1, 2024", date(2024, 9, 1)),
        ("  2024-02-29  ", date(2024, 2, 29)),
        (date(2023, 4, 24), date(2023, 4, 24)),
        (datetime(2023, 4, 24, 23, 30, tzinfo=timezone.utc), date(2023, 4, 24)),
    ],
)
def test_real_dates(value: object, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2023-02-30", "February 2023 has no day 30"),
        ("2023-02-29", "February 2023 has no day 29"),
        ("2023-13-01", "no month 13"),
        ("2023-04-24T25:00", "not a time of day"),
        ("yesterday", "'yesterday' is not a date"),
        ("", "empty"),
        (None, "empty"),
        (20240520, 'write it as "2024-05-20"'),
        (2024, "a number"),
        (3.5, "a number"),
        (True, "true is not a date"),
        (["2024-05-20"], "a list"),
        ({"on": "2024-05-20"}, "a table"),
        ("04/05/2024", "ambiguous"),
        ("Smarch 3, 2024", "'Smarch' is not a month"),
        ("0000-01-01", "no year 0"),
        (time(10, 0), "time of day"),
    ],
)
def test_invalid_dates_say_why(value: object, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_date(value)


def test_a_long_invalid_value_is_shortened_in_the_message() -> None:
    with pytest.raises(ValueError) as raised:
        parse_date("x" * 500)
    assert len(str(raised.value)) < 120


@pytest.mark.parametrize(
    ("line", "day", "text"),
    [
        ("April 24, 2023 - Today, I find myself", date(2023, 4, 24), "April 24, 2023"),
        ("December 2, 2024. The date feels like", date(2024, 12, 2), "December 2, 2024"),
        ("May 20, 2024. I\u2019m sitting", date(2024, 5, 20), "May 20, 2024"),
        ("November 4th, 2024. It\u2019s been", date(2024, 11, 4), "November 4th, 2024"),
        ("2024-05-20", date(2024, 5, 20), "2024-05-20"),
        ("**2024-05-20** \u2014 we shipped", date(2024, 5, 20), "2024-05-20"),
        ("20 May 2024, and the pager rang", date(2024, 5, 20), "20 May 2024"),
    ],
)
def test_datelines(line: str, day: date, text: str) -> None:
    found = find_dateline(["", line], 7)
    assert found is not None
    assert (found.date, found.text, found.line) == (day, text, 8)


@pytest.mark.parametrize(
    "line",
    [
        "November 4, 2024: A Mosaic of Realities",  # a title that starts with a date
        "In April 24, 2023 was a Monday.",
        "February 30, 2024. A day that never was.",
        "Today I parsed the pcap.",
        "- 2024-05-20. a list item",
    ],
)
def test_not_datelines(line: str) -> None:
    assert find_dateline([line], 1) is None


def test_only_the_first_few_non_empty_lines_are_searched() -> None:
    lines = ["", "First paragraph.", "", "Second.", "Third.", "April 24, 2023 - late."]
    assert find_dateline(lines, 1) is None
    assert find_dateline(lines[:2] + lines[-1:], 1) is not None
    assert DATELINE_LINES == 3


months = st.sampled_from(list(calendar.month_name)[1:] + list(calendar.month_abbr)[1:])
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
styles = st.sampled_from(["{m} {d}, {y}", "{m} {d}{o}, {y}", "{d} {m} {y}", "{iso}"])
breaks = st.sampled_from([" - ", ". ", ", ", " \u2014 ", ""])


def _spell(day: date, style: str) -> str:
    ordinal = {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10 if day.day not in (11, 12, 13) else 0)
    return style.format(
        m=calendar.month_name[day.month],
        d=day.day,
        y=day.year,
        o=ordinal or "th",
        iso=day.isoformat(),
    )


@given(days, styles, breaks, st.text(max_size=40))
def test_a_written_dateline_is_found_with_its_date(
    day: date, style: str, separator: str, rest: str
) -> None:
    rest = rest.replace("\n", " ")
    line = _spell(day, style) + (separator + "x" + rest if separator else "")
    found = find_dateline([line], 3)
    assert found is not None
    assert found.date == day
    assert found.line == 3
    assert parse_date(found.text) == day


@given(days, styles)
def test_parse_date_reads_every_spelling(day: date, style: str) -> None:
    assert parse_date(_spell(day, style)) == day


@given(st.lists(st.text(max_size=80), max_size=8), st.integers(min_value=1, max_value=10**6))
def test_find_dateline_never_raises(lines: list[str], first: int) -> None:
    found = find_dateline(lines, first)
    if found is not None:
        assert first <= found.line < first + len(lines)


@given(st.one_of(st.text(max_size=60), st.integers(), st.floats(), st.none(), st.booleans()))
def test_parse_date_returns_a_date_or_raises_value_error(value: object) -> None:
    try:
        result = parse_date(value)
    except ValueError as error:
        assert str(error)
    else:
        assert isinstance(result, date)


# --- day and month as numbers: read when only one reading is possible -----------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("24/04/2023", date(2023, 4, 24)),  # 24 can only be the day
        ("04/24/2023", date(2023, 4, 24)),  # 24 can only be the day, so 04 is the month
        ("24.04.2023", date(2023, 4, 24)),
        ("24-4-2023", date(2023, 4, 24)),
        ("13/01/2024", date(2024, 1, 13)),
        ("05/05/2023", date(2023, 5, 5)),  # both readings are the same day
    ],
)
def test_a_numeric_date_with_a_day_over_12_is_not_ambiguous(value: str, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("04/05/2023", r"ambiguous \(day or month first\?\).*2023-05-04 if 4 is the day"),
        ("12/01/2023", r"ambiguous.*2023-12-01 if it is the month"),
        ("31/02/2023", "February 2023 has no day 31"),
        ("02/31/2023", "February 2023 has no day 31"),
        ("24/13/2023", "neither 24 nor 13 can be a month"),
        ("24/04-2023", "is not a date"),  # two different separators
        ("24/04/23", "2-digit year"),
    ],
)
def test_numeric_dates_that_cannot_be_read_say_why(value: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_date(value)


@given(st.dates(min_value=date(1000, 1, 1)), st.sampled_from("/.-"))
def test_a_numeric_date_reads_back_whenever_only_one_reading_is_possible(
    day: date, separator: str
) -> None:
    day_first = f"{day.day:02d}{separator}{day.month:02d}{separator}{day.year}"
    month_first = f"{day.month:02d}{separator}{day.day:02d}{separator}{day.year}"
    for text in (day_first, month_first):
        if day.day > 12 or day.day == day.month:
            assert parse_date(text) == day
        else:
            with pytest.raises(ValueError, match="ambiguous"):
                parse_date(text)


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(1, 32))
def test_a_day_is_checked_against_the_calendars_count_of_days(
    year: int, month: int, day: int
) -> None:
    days = calendar.monthrange(year, month)[1]
    written = f"{year:04d}-{month:02d}-{day:02d}"
    if day <= days:
        assert parse_date(written) == date(year, month, day)
    else:
        with pytest.raises(ValueError, match=f"has no day {day} \\(it has {days}\\)"):
            parse_date(written)


@given(
    st.one_of(
        st.text(alphabet=st.sampled_from("0123456789-"), min_size=10, max_size=10),
        st.tuples(st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99)).map(
            lambda ymd: f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}"
        ),
        st.text(alphabet=st.sampled_from("0123456789-\u0663\u00b2 T:"), min_size=9, max_size=12),
    )
)
@example("2024-0\u0663-05")  # an Arabic-Indic digit: no digit for the date patterns
@example("2024-02-30")
@example("0000-01-01")
def test_a_plain_iso_date_reads_as_every_pattern_reads_it(text: str) -> None:
    """parse_date takes YYYY-MM-DD without the patterns; the outcome, date or reason, is
    the same as theirs."""
    from haikulint.blog.dates import _parse_text_fully

    def outcome(read: Callable[[str], date]) -> object:
        try:
            return read(text)
        except ValueError as error:
            return str(error)

    assert outcome(parse_date) == outcome(lambda value: _parse_text_fully(value.strip()))
