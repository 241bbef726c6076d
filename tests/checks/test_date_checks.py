"""HK203 date-invalid, HK204 date-future and HK205 date-mismatch, on hand-built posts."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from tests.checks.helpers import HAIKU, dateline, make_post, messages, problems
from tests.conftest import WriteBlog, check_json

DATED = "post/2024/05/" + HAIKU[5:]


# HK203 date-invalid


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2023-02-30", "February 2023 has no day 30"),
        ("yesterday", "'yesterday' is not a date"),
        ("2024-13-01", "there is no month 13"),
        (20240520, "is a number"),
        (["2024-05-20"], "is a list"),
    ],
)
def test_invalid_dates(value: object, reason: str) -> None:
    post = make_post(headers={"title": "T", "date": value})
    (problem,) = problems("HK203", post)
    shown = "" if isinstance(value, list) else f' "{value}"'
    assert problem.message.startswith(f"the date header{shown} is not a real date: ")
    assert reason in problem.message
    assert problem.line == 2


@pytest.mark.parametrize(
    ("value", "shown"), [({"year": 2024}, ""), (True, ' "true"'), ([{"a": 1}], "")]
)
def test_invalid_dates_are_shown_as_written_never_as_python(value: object, shown: str) -> None:
    # str() of a dict or a bool is Python's spelling, not the writer's: {'year': 2024}, True.
    post = make_post(headers={"title": "T", "date": value})
    (message,) = messages("HK203", post)
    assert "{'" not in message and "True" not in message
    assert message.startswith(f"the date header{shown} is not a real date: ")


@pytest.mark.parametrize(
    "value", ["2024-05-20", "2024-05-20T10:00:00+02:00", "May 20, 2024", date(2024, 5, 20)]
)
def test_valid_dates(value: object) -> None:
    assert problems("HK203", make_post(headers={"date": value})) == []


def test_no_date_is_not_invalid() -> None:
    assert problems("HK203", make_post(headers={"title": "T"})) == []


# HK204 date-future


def test_future_date_warns() -> None:
    post = make_post(headers={"date": "2024-06-03"})
    (problem,) = problems("HK204", post)
    assert problem.message == (
        "the date 2024-06-03 is in the future; fix the date, or if the post is scheduled, "
        "allow future dates in haikulint.toml: allow-future-dates = true"
    )
    assert problem.line == 1


def test_the_future_date_message_is_the_same_every_day() -> None:
    # A baseline matches path, code and message: a day count or today's date in the
    # message would bring a baselined warning back the next day.
    post = make_post(headers={"date": "2099-01-02"})
    first = messages("HK204", post, today=date(2026, 12, 1))
    assert first == messages("HK204", post, today=date(2026, 12, 2))
    assert "2026" not in first[0] and "days" not in first[0]


@pytest.mark.parametrize(
    ("config_file", "hint"),
    [
        ("pyproject.toml", "in pyproject.toml: [tool.haikulint] allow-future-dates = true"),
        ("haikulint.toml", "in haikulint.toml: allow-future-dates = true"),
        (".haikulint.toml", "in .haikulint.toml: allow-future-dates = true"),
        (None, "in haikulint.toml: allow-future-dates = true"),
    ],
)
def test_the_future_date_hint_is_written_for_the_config_file(
    config_file: str | None, hint: str
) -> None:
    post = make_post(headers={"date": "2099-01-02"})
    (message,) = messages("HK204", post, config_file=config_file)
    assert message.endswith(hint)


@pytest.mark.parametrize("value", ["2024-06-01", "2024-05-31", "not a date", datetime(2020, 1, 1)])
def test_today_past_and_invalid_dates_pass_date_future(value: object) -> None:
    assert problems("HK204", make_post(headers={"date": value})) == []


def test_allow_future_dates_turns_it_off() -> None:
    post = make_post(headers={"date": "2042-01-01"})
    assert problems("HK204", post, allow_future_dates=True) == []
    assert problems("HK204", post, today=date(2042, 1, 2)) == []


# HK205 date-mismatch


@pytest.mark.parametrize(
    ("path", "folders", "expected"),
    [
        ("post/2023/" + HAIKU[5:], "2023/", "2024/"),
        ("post/2024/04/" + HAIKU[5:], "2024/04/", "2024/05/"),
        ("post/2024/05/21/" + HAIKU[5:], "2024/05/21/", "2024/05/20/"),
        # Folders are shown as the path spells them, the expected ones in the same shape.
        ("post/2024-03/" + HAIKU[5:], "2024-03/", "2024-05/"),
        ("post/2024-03-05/" + HAIKU[5:], "2024-03-05/", "2024-05-20/"),
        ("post/2024-03/21/" + HAIKU[5:], "2024-03/21/", "2024-05/20/"),
        ("post/2024/3/" + HAIKU[5:], "2024/3/", "2024/5/"),
        ("post/2024/12/1/" + HAIKU[5:], "2024/12/1/", "2024/05/20/"),
        ("post/03/2024/" + HAIKU[5:], "03/2024/", "2024/05/"),
        ("post/0000/" + HAIKU[5:], "0000/", "2024/"),
        # Parts after the day are not compared, and kept as written.
        ("post/2024/03/05/07/" + HAIKU[5:], "2024/03/05/07/", "2024/05/20/07/"),
        ("2023/posts/05/" + HAIKU[5:], "2023/05/", "2024/05/"),
    ],
)
def test_header_disagrees_with_path(path: str, folders: str, expected: str) -> None:
    (message,) = messages("HK205", make_post(path, headers={"date": "2024-05-20"}))
    assert message == (
        f"the date 2024-05-20 disagrees with the path's date folders {folders}; expected {expected}"
    )


@pytest.mark.parametrize(
    "path",
    [
        HAIKU,
        "post/2024/" + HAIKU[5:],
        DATED,
        "post/2024/05/20/" + HAIKU[5:],
        "post/2024-05/" + HAIKU[5:],
        "post/2024-05-20/" + HAIKU[5:],
        "post/2024-05/20/" + HAIKU[5:],
        "post/2024/05/20/07/" + HAIKU[5:],
    ],
)
def test_header_agrees_with_path(path: str) -> None:
    assert problems("HK205", make_post(path, headers={"date": "2024-05-20"})) == []


def test_header_disagrees_with_dateline() -> None:
    post = make_post(
        headers={"title": "T", "date": "2024-05-20"},
        dateline=dateline(date(2024, 5, 21), "May 21, 2024", 4),
    )
    (problem,) = problems("HK205", post)
    assert problem.message == (
        'the date 2024-05-20 disagrees with the body\'s dateline "May 21, 2024" (line 4), '
        "which says 2024-05-21"
    )
    assert problem.line == 2


def test_path_and_dateline_compared_without_a_date_header() -> None:
    post = make_post(DATED, dateline=dateline(date(2023, 5, 20), "May 20, 2023", 3))
    (problem,) = problems("HK205", post)
    assert problem.message.startswith("the path's date folders 2024/05/ disagree with the body")
    assert problem.line == 3
    agreeing = make_post(DATED, dateline=dateline(date(2024, 5, 2), "May 2, 2024", 3))
    assert problems("HK205", agreeing) == []


def test_path_and_dateline_show_a_hyphenated_date_folder_as_written() -> None:
    path = "post/2024-05/" + HAIKU[5:]
    post = make_post(path, dateline=dateline(date(2023, 5, 20), "May 20, 2023", 3))
    (message,) = messages("HK205", post)
    assert message.startswith("the path's date folders 2024-05/ disagree with the body")


def test_invalid_header_date_is_left_to_date_invalid() -> None:
    post = make_post(
        DATED,
        headers={"date": "2024-02-30"},
        dateline=dateline(date(2024, 5, 20), "May 20, 2024", 3),
    )
    assert problems("HK205", post) == []


# HK205 through the command line: a date folder written with hyphens

HYPHENATED = "posts/2024-03/" + HAIKU[5:]
POST = "---\ntitle: T\ndate: 2023-03-01\n---\n\n" + HAIKU[5:-3].replace("-/-", " / ") + "\n"


@pytest.mark.parametrize("target", ["posts", "posts/2024-03", HYPHENATED])
def test_a_hyphenated_date_folder_is_a_date_from_any_starting_point(
    write_blog: WriteBlog, in_tmp: Path, target: str
) -> None:
    write_blog({HYPHENATED: POST})
    _, diagnostics = check_json(target)
    assert [(d["path"], d["code"], d["message"]) for d in diagnostics] == [
        (
            HYPHENATED,
            "HK205",
            "the date 2023-03-01 disagrees with the path's date folders 2024-03/; "
            "expected 2023-03/",
        )
    ]
