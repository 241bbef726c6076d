"""Where a missing header goes: one answer (:func:`header_placement`) for the message that
tells the writer and for the fix that writes it; and lines meant as headers that are not
read as headers, named for what is wrong with them (never "write it as Title: Title: ...").
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haikulint.blog.post import Post, post_from_text, read_text
from haikulint.blog.slug import parse_slug
from haikulint.catalogue import load_catalogue, run_post_rule
from haikulint.fix.headers import header_placement, near_header, set_header
from haikulint.fix.text import apply_edits
from tests.checks.helpers import context

PATH = "post/the-build-is-green-now-/-i-merge-before-the-tests-end-/-friday-afternoon.md"
HAIKU_LINE = "the build is green now / I merge before the tests end / friday afternoon"
DAY = date(2024, 3, 5)


def post(text: str) -> Post:
    return post_from_text(text, Path(PATH), PATH, parse_slug(PATH))


def messages(code: str, text: str) -> list[str]:
    rule = load_catalogue().find(code)
    assert rule is not None
    return [problem.message for problem in run_post_rule(rule, post(text), context())]


@pytest.mark.parametrize(
    ("text", "where", "line"),
    [
        (
            f"{HAIKU_LINE}\n\n\nTitle: A Day\n\n\nMarch 5, 2024. Body.\n",
            "into the header block, after the Title: line (line 4)",
            5,
        ),
        (
            "---\ntitle: A Day\ntags: [ops]\n---\n\nBody.\n",
            "inside the --- front matter, after the tags: line (line 3)",
            4,
        ),
        ("---\n---\n\nBody.\n", "inside the --- front matter, after its opening --- (line 1)", 2),
        (
            '+++\ntitle = "A Day"\n[extra]\nmood = "ok"\n+++\n\nBody.\n',
            "inside the +++ front matter, before its [extra] table (line 3)",
            3,
        ),
        (
            '{\n  "title": "A Day"\n}\n\nBody.\n',
            "inside the JSON front matter, after its opening { (line 1)",
            2,
        ),
        (
            f"{HAIKU_LINE}\n\nBody.\n",
            "on line 3, after the haiku line (line 1), as a header block above the body",
            3,
        ),
        ("Body.\n", "at the top of the post, as a header block above the body", 1),
    ],
)
def test_the_placement_names_the_block_and_line_where_the_fix_writes(
    text: str, where: str, line: int
) -> None:
    read = post(text)
    placement = header_placement(read, "date", DAY)
    assert placement is not None
    assert placement.where == where
    edits = set_header(read, "date", DAY)
    assert edits is not None
    fixed = read_text(apply_edits(text, edits))
    assert fixed.header_lines["date"] == line == placement.line


def test_the_date_missing_message_says_where_to_add_it() -> None:
    text = f"{HAIKU_LINE}\n\nTitle: A Day\n\nMarch 5, 2024. The deploy froze.\n"
    assert messages("HK202", text) == [
        'no date header; the body opens with the date "March 5, 2024" (line 5): '
        "add Date: 2024-03-05 into the header block, after the Title: line (line 3)"
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("# Title: A Day", "is a Markdown heading, not a header line"),
        ("## Title: A Day", "is a Markdown heading, not a header line"),
        ("**Title:** A Day", "has its key in bold or italics"),
        ("**Title**: A Day", "has its key in bold or italics"),
        ("_Title:_ A Day", "has its key in bold or italics"),
        ("  Title: A Day", "starts with spaces"),
        ("Title : A Day", "has a space before its colon"),
    ],
)
def test_a_title_line_written_wrong_is_named_for_its_form(line: str, reason: str) -> None:
    (message,) = messages("HK201", f"{line}\nDate: 2024-03-05\n\nThe standup ran long.\n")
    assert reason in message
    assert message.endswith("write it there as Title: A Day")
    assert "Title: Title" not in message and "**" not in message.split(";")[-1]


def test_a_title_line_after_body_text_says_so_and_where_it_belongs() -> None:
    text = "Date: 2024-03-05\n\nThe standup ran long.\n\nTitle: A Day\n"
    (message,) = messages("HK201", text)
    assert message == (
        'no title header: the line "Title: A Day" (line 5) is after body text (line 3), '
        "so it is not read as a header; move it into the header block, after the Date: "
        "line (line 1): Title: A Day"
    )


def test_a_title_line_below_front_matter_says_the_front_matter_is_where_headers_are() -> None:
    text = "---\ndate: 2024-03-05\n---\n\nTitle: A Day\n\nBody.\n"
    (message,) = messages("HK201", text)
    assert "is below the --- front matter" in message
    assert message.endswith(
        "move it inside the --- front matter, after the date: line (line 2): title: A Day"
    )


def test_a_date_line_below_a_line_that_is_no_header_says_the_block_never_started() -> None:
    text = " Title: A Day\nDate: 2024-03-05\n\nBody.\n"
    date_message = messages("HK202", text)[0]
    assert "follows line 1, which is not a header line" in date_message


def test_another_header_written_wrong_is_not_suggested_as_the_title() -> None:
    (message,) = messages("HK201", "**Date:** 2024-03-05\n\nThe standup ran long.\n")
    assert message == (
        "no title header; add Title: ... at the top of the post, as a header block above the body"
    )


def test_a_url_first_line_is_still_a_title_suggestion() -> None:
    (message,) = messages("HK201", "http://example.com\n\nBody.\n")
    assert 'the bare line "http://example.com" (line 1) is not a header' in message


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Title: A Day", ("title", "A Day", None)),
        ("# Title: A Day", ("title", "A Day", "heading")),
        ("**Date:** 2024-03-05", ("date", "2024-03-05", "emphasis")),
        ("   Date: 2024-03-05", ("date", "2024-03-05", "indented")),
        ("Date : 2024-03-05", ("date", "2024-03-05", "spaced")),
        ("    Date: 2024-03-05", None),  # four spaces: a Markdown code block
        ("Title:", None),
        ("Just a sentence.", None),
    ],
)
def test_near_header(line: str, expected: tuple[str, str, str | None] | None) -> None:
    assert near_header(line) == expected


KEYS = st.sampled_from(["Title", "title", "TITLE", "Date"])
VALUES = st.text(
    st.characters(categories=("L", "N", "Zs", "P"), exclude_characters="\r\n\x85\u2028\u2029"),
    min_size=1,
    max_size=30,
).filter(lambda value: value.strip() == value and value.strip())
DECORATIONS = st.sampled_from(
    [("", "", ""), ("# ", "", ""), ("**", "**", ""), ("*", "*", ""), ("  ", "", ""), ("", "", " ")]
)


@given(key=KEYS, value=VALUES, decoration=DECORATIONS)
def test_near_header_reads_back_the_value_whatever_the_decoration(
    key: str, value: str, decoration: tuple[str, str, str]
) -> None:
    before, after, space = decoration
    found = near_header(f"{before}{key}{after}{space}: {value}")
    assert found is not None
    assert found[0] == key.lower()
    assert found[1] == value


@st.composite
def post_shapes(draw: st.DrawFn) -> str:
    """A post missing its date header: a haiku line or not, header lines or front matter
    or none, blank lines between, body lines."""
    lines: list[str] = []
    style = draw(st.sampled_from(["none", "pelican", "yaml", "toml"]))
    if style == "yaml":
        lines += ["---", "title: A Day", *draw(st.lists(st.just("tags: [ops]"), max_size=1))]
        lines += ["---"]
    elif style == "toml":
        lines += ["+++", 'title = "A Day"', *draw(st.sampled_from([[], ["[extra]", "a = 1"]]))]
        lines += ["+++"]
    elif draw(st.booleans()):
        lines.append(HAIKU_LINE)
    lines += [""] * draw(st.integers(0, 2))
    if style == "pelican":
        lines += draw(
            st.lists(st.sampled_from(["Title: A Day", "Tags: ops", "Summary: x"]), min_size=1)
        )
        lines += [""] * draw(st.integers(0, 2))
    lines += draw(st.lists(st.sampled_from(["Body text.", "More of it.", ""]), max_size=4))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=150, deadline=None)
@given(text=post_shapes())
def test_the_message_names_the_line_the_fix_writes_the_header_on(text: str) -> None:
    read = post(text)
    if "date" in read.headers:
        return
    placement = header_placement(read, "date", DAY)
    edits = set_header(read, "date", DAY)
    if placement is None:
        assert edits is None  # no place, no fix
        return
    assert edits is not None, "a header with a place is written there"
    fixed = read_text(apply_edits(text, edits))
    assert fixed.headers["date"] in ("2024-03-05", DAY)
    assert fixed.header_lines["date"] == placement.line
