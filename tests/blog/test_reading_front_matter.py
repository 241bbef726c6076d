"""Front matter that cannot be used: deep nesting, impossible TOML dates, and messages that
say what would be right (issue 3, "Reading a post")."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haikulint.blog.frontmatter_loading import MAX_NESTING_DEPTH
from haikulint.blog.post import Located, read_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

# --- deep nesting is front-matter-invalid in every format, never a crash ---------------------


def nested(style: str, shape: str, depth: int) -> str:
    """Front matter with a title and a value ``depth`` lists or tables deep."""
    if shape == "list":
        value = "[" * depth + "]" * depth
    elif style == "toml":
        value = "{a = " * depth + "1" + "}" * depth
    elif style == "yaml":
        value = "{a: " * depth + "1" + "}" * depth
    else:
        value = '{"a": ' * depth + "1" + "}" * depth
    if style == "yaml":
        return f"---\ntitle: T\nx: {value}\n---\n\nBody.\n"
    if style == "toml":
        return f'+++\ntitle = "T"\nx = {value}\n+++\n\nBody.\n'
    return f'{{\n"title": "T",\n"x": {value}\n}}\n\nBody.\n'


@pytest.mark.parametrize("style", ["yaml", "toml", "json"])
@pytest.mark.parametrize("shape", ["list", "table"])
@pytest.mark.parametrize("depth", [MAX_NESTING_DEPTH + 1, 500, 5_000, 100_000])
def test_deep_nesting_is_invalid_front_matter(style: str, shape: str, depth: int) -> None:
    found = read_text(nested(style, shape, depth))
    assert found.front_matter_error == Located(
        f"invalid {style.upper()} front matter: values are nested more than "
        f"{MAX_NESTING_DEPTH} levels deep (lists or tables inside one another); "
        "a header needs only a few levels",
        3,  # the line of the nested value
    )
    assert found.headers == {}


@pytest.mark.parametrize("style", ["yaml", "toml", "json"])
@pytest.mark.parametrize("shape", ["list", "table"])
def test_nesting_up_to_the_limit_is_fine(style: str, shape: str) -> None:
    found = read_text(nested(style, shape, MAX_NESTING_DEPTH))
    assert found.front_matter_error is None
    assert found.headers["title"] == "T"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["yaml", "toml", "json"]), st.sampled_from(["list", "table"]), st.data())
def test_any_nesting_depth_is_read_or_refused_never_raised(
    style: str, shape: str, data: st.DataObject
) -> None:
    depth = data.draw(st.integers(min_value=1, max_value=3_000), label="depth")
    found = read_text(nested(style, shape, depth))
    if depth <= MAX_NESTING_DEPTH:
        assert found.front_matter_error is None
        assert found.headers["title"] == "T"
    else:
        assert found.front_matter_error is not None
        assert "nested more than" in found.front_matter_error.text
        assert found.front_matter_error.line == 3


# --- an impossible TOML date is a date the date rules judge, as in YAML --------------------


def test_an_impossible_toml_date_stays_as_written_and_keeps_the_other_headers() -> None:
    found = read_text('+++\ntitle = "T"\ndate = 2023-02-30\ntags = ["a"]\n+++\n\nBody.\n')
    assert found.front_matter_error is None
    assert found.headers == {"title": "T", "date": "2023-02-30", "tags": ["a"]}
    assert found.header_lines == {"title": 2, "date": 3, "tags": 4}
    assert found.body_line == 7


def test_impossible_toml_dates_anywhere_and_real_ones_beside_them() -> None:
    found = read_text(
        "+++\n"
        'title = "T"\n'
        "date = 2023-02-30T10:00:00Z # a comment\n"
        "updated = [2023-02-31, 2024-02-29, 2023-04-31 10:00:00]\n"
        "created = 2023-04-24\n"
        "[extra]\n"
        "when = {on = 2023-06-31}\n"
        "+++\n"
    )
    assert found.front_matter_error is None
    assert found.headers["date"] == "2023-02-30T10:00:00Z"
    assert found.headers["updated"] == ["2023-02-31", date(2024, 2, 29), "2023-04-31 10:00:00"]
    assert found.headers["created"] == date(2023, 4, 24)
    assert found.headers["extra"] == {"when": {"on": "2023-06-31"}}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("date = 2023-02-30x", None),  # not a date token: tomllib's own error stands
        ("date = 2023-13-01x", 'text values are quoted in TOML: date = "2023-13-01x"'),
        ("date = 2023-13-01T10:00", "2023-13-01T10:00 is not a real date: there is no month 13"),
        (  # a leap second: the date rules would take it, TOML and Hugo do not
            "date = 2024-01-02T10:00:60",
            "2024-01-02T10:00:60 is not a real date-time: there is no second 60; "
            "seconds run from 00 to 59",
        ),
        (
            "date = 2024-01-02T10:00:00+25:00",
            "2024-01-02T10:00:00+25:00 is not a real date-time: +25:00 is not a UTC offset; "
            "offsets run from -23:59 to +23:59",
        ),
        ('date = "2023-02-30', "not closed"),
        ("date = 2023-02-3", "TOML dates are written YYYY-MM-DD: date = 2023-02-03"),
    ],
)
def test_other_bad_toml_dates_stay_front_matter_invalid(line: str, reason: str | None) -> None:
    found = read_text(f'+++\ntitle = "T"\n{line}\n+++\n')
    assert found.front_matter_error is not None
    assert found.front_matter_error.line == 3
    assert found.headers == {}
    if reason is not None:
        assert reason in found.front_matter_error.text


@pytest.mark.parametrize(
    "written",
    [
        "2023-13-01",  # tomllib reads 2023 and stops at the "-" after it
        "2023-00-10",
        "2023-01-00",
        "2024-01-02T25:00:00",  # tomllib reads 2024-01-02 and stops at the "T"
        "2024-01-02 25:00:00",
        "2024-01-02T10:61:00",
        "2024-01-02t10:00:61Z",
        "2023-13-01T10:00:00+02:00",
    ],
)
def test_a_toml_date_out_of_range_stays_as_written_like_an_impossible_day(written: str) -> None:
    found = read_text(f'+++\ntitle = "T"\ndate = {written} # a comment\ntags = ["a"]\n+++\n')
    assert found.front_matter_error is None
    assert found.headers == {"title": "T", "date": written, "tags": ["a"]}


def test_toml_dates_out_of_range_in_arrays_and_tables() -> None:
    found = read_text(
        "+++\n"
        "updated = [2023-13-01, 2024-02-29,2023-04-24T24:00:00]\n"
        "tags = [\n  2023-13-01,\n  2024-01-02T25:00:00\n]\n"
        "[extra]\n"
        "when = {on = 2023-13-01, at = 2023-02-30}\n"
        "+++\n"
    )
    assert found.front_matter_error is None
    assert found.headers["updated"] == ["2023-13-01", date(2024, 2, 29), "2023-04-24T24:00:00"]
    assert found.headers["tags"] == ["2023-13-01", "2024-01-02T25:00:00"]
    assert found.headers["extra"] == {"when": {"on": "2023-13-01", "at": "2023-02-30"}}


def test_a_toml_key_shaped_like_a_date_is_not_quoted() -> None:
    found = read_text('+++\n2023-13-01 = "a"\nx = {2023-13-01 = 1}\n+++\n')
    assert found.front_matter_error is None
    assert found.headers == {"2023-13-01": "a", "x": {"2023-13-01": 1}}


def test_a_toml_string_that_looks_like_an_impossible_date_is_not_touched() -> None:
    found = read_text('+++\ntitle = "2023-02-30"\nnote = """\n2023-02-30\n"""\n+++\n')
    assert found.front_matter_error is None
    assert found.headers == {"title": "2023-02-30", "note": "2023-02-30\n"}


# --- messages say what would be right -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "---\ntitle: Kubernetes: The Hard Way\n---\n",
            Located(
                "invalid YAML front matter: mapping values are not allowed in this context; "
                'a value holding ": " must be quoted: title: "Kubernetes: The Hard Way"',
                2,
            ),
        ),
        (
            '---\ndate: 2024-01-02\ntitle: Say "Hi": A Greeting\n---\n',
            Located(
                "invalid YAML front matter: mapping values are not allowed in this context; "
                'a value holding ": " must be quoted: title: "Say \\"Hi\\": A Greeting"',
                3,
            ),
        ),
        (
            '---\ntitle: "unterminated\ndate: 2024-01-02\nx: y\n---\n',
            Located(
                'invalid YAML front matter: the "quoted" value that starts on line 2 is never '
                'closed; end it with "',
                2,
            ),
        ),
        (
            "---\ndate: 2024-01-02\ntitle: 'it''s open\nx: y\n---\n",
            Located(
                "invalid YAML front matter: the 'quoted' value that starts on line 3 is never "
                "closed; end it with '",
                3,
            ),
        ),
        (
            "+++\ntitle = A Title\n+++\n",
            Located(
                "invalid TOML front matter: Invalid value; "
                'text values are quoted in TOML: title = "A Title"',
                2,
            ),
        ),
        (
            '+++\ndate = 2024-01-02\ntitle = "unterminated\nx = 1\n+++\n',
            Located(
                "invalid TOML front matter: Illegal character '\\n'; the quoted value of title "
                'is not closed on its line; end it with " or write text over several lines '
                'between """ and """',
                3,
            ),
        ),
        (
            '+++\ndate = 2024-01-02\ntitle = """unterminated\nx = 1\ny = 2\n+++\n',
            Located(
                'invalid TOML front matter: Unterminated string; the """ text that starts on '
                'line 3 is never closed; end it with """',
                3,
            ),
        ),
    ],
)
def test_front_matter_errors_say_what_would_be_right(text: str, expected: Located) -> None:
    assert read_text(text).front_matter_error == expected


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: [a, b: c\n---\n",  # no quoting of a flow list
        "---\ntitle: 'quoted': x\n---\n",
        "+++\ntitle = [A Title]\n+++\n",
        "+++\ntitle = 'quoted' x\n+++\n",
    ],
)
def test_no_hint_where_quoting_would_not_be_right(text: str) -> None:
    found = read_text(text)
    assert found.front_matter_error is not None
    assert "quoted in TOML" not in found.front_matter_error.text
    assert "must be quoted" not in found.front_matter_error.text


def test_yaml_front_matter_may_end_with_the_document_end_marker() -> None:
    found = read_text("---\ntitle: Dots\ndate: 2024-01-02\n...\n\nBody.\n")
    assert found.front_matter_error is None
    assert found.headers == {"title": "Dots", "date": "2024-01-02"}
    assert found.body_line == 6


# --- the value helpers the reader and the checks' messages share --------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [("A Day", '"A Day"'), ('say "hi"', r'"say \"hi\""'), ("C:\\dir", r'"C:\\dir"'), ("", '""')],
)
def test_double_quoted_text_reads_back_in_yaml_toml_and_json(text: str, written: str) -> None:
    import json

    from haikulint.blog.frontmatter_loading import yaml_reads_back
    from haikulint.blog.post import double_quoted

    assert double_quoted(text) == written
    assert yaml_reads_back("title", written, text)
    assert tomllib.loads(f"title = {written}") == {"title": text}
    assert json.loads(written) == text


@pytest.mark.parametrize(
    ("written", "holds"),
    [
        ("A Day", True),
        ("Kubernetes: The Hard Way", False),  # a second ": " is a syntax error
        ("yes", False),  # true/false
        ("2024", False),  # a number
        ("2024-01-02 10:00:00", False),  # the front matter reader keeps it; others make a date
        ("[a, b]", False),
        ('"A Day"', False),  # the quotes are not the value's
    ],
)
def test_yaml_reads_back_only_the_same_text(written: str, holds: bool) -> None:
    from haikulint.blog.frontmatter_loading import yaml_reads_back

    assert yaml_reads_back("title", written, written) is holds


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("words", "a line of text"),
        (True, "true/false"),
        (2024, "a number"),
        (1.5, "a number"),
        ({"en": "Hi"}, "a table of keys"),
        (["a"], "a list"),
        (date(2024, 1, 2), "a date"),
        (None, "a null value"),
    ],
)
def test_value_kind_says_what_a_value_is(value: object, kind: str) -> None:
    from haikulint.blog.post import value_kind

    assert value_kind(value) == kind


def test_a_title_suggested_from_a_date_shaped_line_is_quoted() -> None:
    from haikulint.checks._common import header_example
    from tests.checks.helpers import make_post

    post = make_post(headers={"date": "2024-01-02"}, header_style="yaml")
    example = header_example(post, "title", "2024-01-02 10:00:00")
    assert example == 'title: "2024-01-02 10:00:00" in the --- front matter'
    assert header_example(post, "title", "A Day") == "title: A Day in the --- front matter"
