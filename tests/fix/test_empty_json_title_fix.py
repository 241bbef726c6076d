"""title-missing's fix fills an empty JSON ``"title": ""`` (or ``null``) as it fills YAML's
``title: ""`` and TOML's ``title = ""``: only on a line that holds just the key and the
empty value (its indent and a trailing comma kept), and only when the result reads back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fix.test_empty_title_fix import BODY, FILLED_BODY, assert_left_alone, fixed_title


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            '{\n  "title": "",\n  "date": "2023-11-13"\n}\n',
            '{\n  "title": "Tabs Versus Spaces",\n  "date": "2023-11-13"\n}\n',
        ),
        (
            '{\n  "title": null,\n  "date": "2023-11-13"\n}\n',
            '{\n  "title": "Tabs Versus Spaces",\n  "date": "2023-11-13"\n}\n',
        ),
        (
            '{\n  "date": "2023-11-13",\n\t"title" : ""  \n}\n',
            '{\n  "date": "2023-11-13",\n\t"title" : "Tabs Versus Spaces"  \n}\n',
        ),
        (
            '{\r\n  "title": "",\r\n  "date": "2023-11-13"\r\n}\r\n',
            '{\r\n  "title": "Tabs Versus Spaces",\r\n  "date": "2023-11-13"\r\n}\r\n',
        ),
    ],
    ids=["first-member", "null", "last-member-tab-and-blanks", "crlf"],
)
def test_an_empty_json_title_is_filled_from_the_heading(
    in_tmp: Path, before: str, after: str
) -> None:
    newline = "\r\n" if "\r\n" in before else "\n"
    fixed = fixed_title(in_tmp, before + BODY.replace("\n", newline))
    assert fixed == after + FILLED_BODY.replace("\n", newline)


def test_a_title_with_quotes_and_unicode_is_escaped_as_json(in_tmp: Path) -> None:
    body = '\n# "Tabs" — Versus \\ Spaces\n\nThe standup ran long again.\n'
    fixed = fixed_title(in_tmp, '{\n  "title": "",\n  "date": "2023-11-13"\n}\n' + body)
    assert fixed.startswith('{\n  "title": "\\"Tabs\\" — Versus \\\\ Spaces",\n')


@pytest.mark.parametrize(
    "front",
    [
        '{"title": "", "date": "2023-11-13"}\n',
        '{\n  "title": "", "date": "2023-11-13"\n}\n',
        '{\n  "title": " ",\n  "date": "2023-11-13"\n}\n',
        '{\n  "title": [],\n  "date": "2023-11-13"\n}\n',
    ],
    ids=["one-line-object", "two-members-on-the-line", "a-blank-inside-quotes", "empty-list"],
)
def test_a_json_title_line_holding_anything_else_is_left_alone(in_tmp: Path, front: str) -> None:
    assert_left_alone(in_tmp, front + BODY)
