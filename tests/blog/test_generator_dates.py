"""Dates as Pelican and Hugo users write them: ``Date:`` with a time, ``Modified:``,
Hugo's ``publishDate``/``lastmod``/``expiryDate``; HK203 holds every date key to the
same standard, HK208 keeps them in order."""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haikulint.blog.dates import parse_date
from tests.checks.helpers import make_post, messages
from tests.conftest import WriteBlog, check_json

PATH = "post/the-flaky-test-passed-/-nobody-knows-why-it-failed-/-we-merged-it-anyway.md"


@pytest.mark.parametrize(
    "written",
    [
        "2024-03-05 10:20",  # Pelican's documented form
        "2024-03-05T10:20:00+01:00",  # Pelican and Hugo: ISO 8601 / RFC 3339
        "2024-03-05 10:20:00",
        "2024/03/05 10:20",  # Pelican's %Y/%m/%d %H:%M
        "2024-03-05T10:20:00Z",
        "2024-03-05 10:20:00 -07:00",  # Hugo's "2006-01-02 15:04:05 -07:00"
        "Tue, 05 Mar 2024 10:20:00 +0100",  # Hugo's RFC 1123
        "05 Mar 2024 10:20 GMT",
        "March 5, 2024 10:20 PM",
    ],
)
def test_dates_with_times_as_generators_write_them(written: str) -> None:
    assert parse_date(written) == date(2024, 3, 5)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("2024-03-05 25:00", "25:00 is not a time of day"),
        ("2024/03/05 10:61", "10:61 is not a time of day"),
        ("2024-03-05T10:20:00+25:00", "+25:00 is not a UTC offset"),
        ("205-09-29", "'205-09-29' is not a date"),  # the typo Hugo refused in the wild
    ],
)
def test_a_time_that_is_no_time_makes_it_no_date(written: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason.replace("+", r"\+")):
        parse_date(written)


DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31))
HOURS = st.integers(0, 23)
MINUTES = st.integers(0, 59)


@given(day=DAYS, hour=HOURS, minute=MINUTES, offset=st.integers(-23, 23))
def test_any_date_with_any_time_reads_as_its_day(
    day: date, hour: int, minute: int, offset: int
) -> None:
    sign = "+" if offset >= 0 else "-"
    zone = f"{sign}{abs(offset):02d}:00"
    month = calendar.month_abbr[day.month]
    for written in (
        f"{day.isoformat()} {hour:02d}:{minute:02d}",
        f"{day.isoformat()}T{hour:02d}:{minute:02d}:00{zone}",
        f"{day.year:04d}/{day.month:02d}/{day.day:02d} {hour:02d}:{minute:02d}",
        f"{day.day:02d} {month} {day.year:04d} {hour:02d}:{minute:02d}:00 {zone.replace(':', '')}",
    ):
        assert parse_date(written) == day, written


@given(day=DAYS, hour=st.integers(24, 99), minute=MINUTES)
def test_an_hour_past_23_is_refused_in_every_form(day: date, hour: int, minute: int) -> None:
    for written in (
        f"{day.isoformat()} {hour}:{minute:02d}",
        f"{day.year:04d}/{day.month:02d}/{day.day:02d} {hour}:{minute:02d}",
    ):
        with pytest.raises(ValueError, match="is not a time of day"):
            parse_date(written)


def test_every_date_key_is_checked_when_present() -> None:
    post = make_post(
        PATH,
        headers={"date": "2024-03-05", "lastmod": "2024-13-01", "expirydate": "soon"},
        header_style="yaml",
    )
    assert messages("HK203", post) == [
        'the lastmod header "2024-13-01" is not a real date: there is no month 13; '
        "months run from 1 to 12",
        "the expirydate header \"soon\" is not a real date: 'soon' is not a date; "
        "write it as YYYY-MM-DD, e.g. 2024-05-20",
    ]
    empty = make_post(PATH, headers={"date": "2024-03-05", "modified": ""})
    assert messages("HK203", empty) == []


def test_dates_out_of_order() -> None:
    post = make_post(
        PATH,
        headers={"date": "2024-03-05 10:00", "modified": "2024-03-05 09:00"},
    )
    assert messages("HK208", post) == []  # the same day: times are not compared
    earlier = make_post(PATH, headers={"date": "2024-03-05", "updated": "2024-03-01"})
    assert messages("HK208", earlier) == [
        "the updated 2024-03-01 is before the date 2024-03-05: a post cannot be changed "
        "before it is written; fix one of the two"
    ]
    broken = make_post(PATH, headers={"date": "2024-03-05", "lastmod": "never"})
    assert messages("HK208", broken) == []  # date-invalid's business


def test_hugo_dates_through_the_cli(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog(
        {
            PATH: (
                '+++\ntitle = "The Flaky Test"\ndate = 2024-03-05T10:00:00+01:00\n'
                'publishDate = "205-09-29"\nexpiryDate = 2024-03-01\n+++\n\nBody.\n'
            )
        }
    )
    code, diagnostics = check_json("--select", "HK203,HK208", "post")
    assert code == 1
    found = sorted((str(item["code"]), item["line"]) for item in diagnostics)
    assert found == [("HK203", 4), ("HK208", 5)]


def test_a_hugo_post_dated_by_publish_date_has_its_date() -> None:
    post = make_post(PATH, headers={"title": "T", "publishdate": "2024-03-05"})
    assert messages("HK202", post) == []
    empty = make_post(PATH, headers={"title": "T", "publishdate": ""})
    assert messages("HK202", empty) == ["no date header; add Date: YYYY-MM-DD"]
