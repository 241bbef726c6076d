"""HK001, HK201, HK202, HK206, HK207 and the header-required kind, on hand-built posts."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.checks.helpers import (
    HAIKU,
    dateline,
    located,
    make_post,
    messages,
    problems,
)

HEADER_CODES = ("HK201", "HK202", "HK203", "HK204", "HK205", "HK206")


# HK001 unreadable-file and HK207 front-matter-invalid, and what they keep quiet


def test_unreadable_file_gives_the_reason() -> None:
    post = make_post(read_error="byte 0xe9 at offset 12 is not UTF-8")
    (message,) = messages("HK001", post)
    assert message == "cannot read the file: byte 0xe9 at offset 12 is not UTF-8"
    assert problems("HK001", make_post(headers={"title": "A", "date": "2024-01-01"})) == []


def test_invalid_front_matter_is_reported_where_it_is() -> None:
    post = make_post(front_matter_error=located("the front matter is never closed", 1))
    (problem,) = problems("HK207", post)
    assert problem.message == "front matter cannot be used: the front matter is never closed"
    assert problem.line == 1
    assert problems("HK207", make_post(headers={"title": "A"})) == []


@pytest.mark.parametrize("code", HEADER_CODES)
@pytest.mark.parametrize(
    "broken",
    [
        {"read_error": "permission denied"},
        {"front_matter_error": located("a YAML list, not a mapping", 2)},
    ],
)
def test_header_rules_stay_quiet_on_broken_posts(code: str, broken: dict[str, Any]) -> None:
    post = make_post(
        "post/2023/" + HAIKU[5:],
        haiku=located("something else entirely / a / b", 1),
        first_line=located("A Bare Title", 1),
        dateline=dateline(date(2030, 1, 1), "January 1, 2030", 3),
        **broken,
    )
    assert problems(code, post) == []


def test_slug_rules_still_judge_an_unreadable_post() -> None:
    post = make_post("post/Reflections.md", read_error="not UTF-8")
    assert problems("HK101", post) and problems("HK104", post)


# HK201 title-missing


def test_bare_first_line_is_not_a_title_header() -> None:
    post = make_post(first_line=located("Reflections on a Turbulent Month in Tech", 1))
    (problem,) = problems("HK201", post)
    assert problem.message == (
        'no title header: the bare line "Reflections on a Turbulent Month in Tech" (line 1) '
        "is not a header; write it as Title: Reflections on a Turbulent Month in Tech"
    )
    assert problem.line == 1


def test_title_suggestion_follows_the_header_style() -> None:
    post = make_post(
        headers={"date": "2024-01-01"},
        header_style="yaml",
        first_line=located("My Title", 5),
    )
    assert "write it as title: My Title in the --- front matter" in messages("HK201", post)[0]
    toml = make_post(headers={"date": "2024-01-01"}, header_style="toml")
    assert messages("HK201", toml) == ['no title header; add title = "..." in the +++ front matter']


def test_no_title_and_no_first_line() -> None:
    assert messages("HK201", make_post()) == ["no title header; add Title: ..."]


@pytest.mark.parametrize("value", ["", "   ", None])
def test_empty_title(value: object) -> None:
    post = make_post(headers={"title": value})
    (problem,) = problems("HK201", post)
    assert problem.message == "the title header is empty; give it a value"
    assert problem.line == 1


def test_title_must_be_text() -> None:
    post = make_post(headers={"date": "2024-01-01", "title": ["a", "b"]}, header_style="yaml")
    (problem,) = problems("HK201", post)
    assert problem.message == (
        'the title header is a list, expected text; write it as one line: title: "a, b" '
        "in the --- front matter"
    )
    assert problem.line == 2


@pytest.mark.parametrize(
    ("value", "style", "message"),
    [
        (
            2024,
            "yaml",
            'the title header is a number, expected text; quote it: title: "2024" '
            "in the --- front matter",
        ),
        (
            2024,
            "toml",
            'the title header is a number, expected text; quote it: title = "2024" '
            "in the +++ front matter",
        ),
        (
            1.5,
            "json",
            'the title header is a number, expected text; quote it: "title": "1.5" '
            "in the JSON front matter",
        ),
        (
            {"en": "Hello"},
            "yaml",
            "the title header is a table of keys, expected text; write it as one line of "
            'text: title: "..." in the --- front matter',
        ),
        (
            True,
            "yaml",
            "the title header is true/false, expected text (YAML reads an unquoted yes, no, "
            'on, off, true or false so); quote the word: title: "..." in the --- front matter',
        ),
        (
            date(2024, 5, 20),
            "toml",
            'the title header is a date, expected text; quote it: title = "2024-05-20" '
            "in the +++ front matter",
        ),
    ],
)
def test_a_title_that_is_not_text_is_named_in_plain_words(
    value: object, style: str, message: str
) -> None:
    # Never Python's type names ("a int", "a dict", "a float", "a bool").
    post = make_post(headers={"date": "2024-01-01", "title": value}, header_style=style)
    assert messages("HK201", post) == [message]


def test_a_title_header_passes() -> None:
    assert problems("HK201", make_post(headers={"title": "Friday Deploys"})) == []


# HK202 date-missing


def test_date_missing_names_the_dateline() -> None:
    post = make_post(
        headers={"title": "Learning the Hard Way"},
        dateline=dateline(date(2023, 4, 24), "April 24, 2023", 9),
    )
    (problem,) = problems("HK202", post)
    assert problem.message == (
        'no date header; the body opens with the date "April 24, 2023" (line 9): '
        "add Date: 2023-04-24"
    )
    assert problem.line == 9


def test_date_missing_without_dateline() -> None:
    post = make_post(headers={"title": "T"}, header_style="yaml")
    assert messages("HK202", post) == [
        "no date header; add date: YYYY-MM-DD in the --- front matter"
    ]


def test_empty_date_is_missing_not_invalid() -> None:
    post = make_post(headers={"title": "T", "date": ""})
    assert messages("HK202", post) == ["the date header is empty; give it a value"]
    assert problems("HK203", post) == []


def test_a_date_header_passes_date_missing() -> None:
    assert problems("HK202", make_post(headers={"date": "2024-01-01"})) == []


# HK206 haiku-mismatch


def test_haiku_in_the_body_matches_as_slug_words() -> None:
    post = make_post(
        haiku=located(
            "The Build is Green, Now! / I merge before the tests’ end / Friday afternoon", 1
        )
    )
    assert problems("HK206", post) == []


def test_haiku_in_the_body_differs() -> None:
    post = make_post(
        haiku=located("the build is green now / i merge before the tests end / monday morning", 3)
    )
    (problem,) = problems("HK206", post)
    assert 'line 3 reads "monday morning", the slug "friday-afternoon"' in problem.message
    assert problem.line == 3


def test_haiku_with_another_number_of_lines() -> None:
    post = make_post(haiku=located("the build is green now / friday afternoon", 1))
    assert "it has 2 lines, the slug 3" in messages("HK206", post)[0]


def test_multi_line_front_matter_haiku() -> None:
    text = "the build is green now\ni merge before the tests end\nfriday afternoon\n"
    assert problems("HK206", make_post(haiku=located(text, 4))) == []


def test_a_slash_inside_a_written_line_may_stay_in_it() -> None:
    written = located("we blamed tcp/ip / on call 24/7 / the repo held it", 1)
    path = "post/we-blamed-tcp-ip-/-on-call-24-7-/-the-repo-held-it.md"
    assert problems("HK206", make_post(path, haiku=written)) == []
    other = "post/we-blamed-tcp-ip-/-on-call-24-/-7-the-repo-held-it.md"
    assert problems("HK206", make_post(other, haiku=written)) != []


def test_lines_written_with_bare_slashes_still_match() -> None:
    written = located("we blamed the dns/we were on call/the repo held it", 1)
    path = "post/we-blamed-the-dns-/-we-were-on-call-/-the-repo-held-it.md"
    assert problems("HK206", make_post(path, haiku=written)) == []


def test_no_written_haiku_passes() -> None:
    assert problems("HK206", make_post()) == []


def test_a_one_line_written_haiku_is_one_line() -> None:
    post = make_post(haiku=located("the build is green now", 1))
    assert "it has 1 line, the slug 3" in messages("HK206", post)[0]
