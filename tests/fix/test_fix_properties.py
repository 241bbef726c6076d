"""Properties of ``--fix`` on posts of every shape: it never loses a line, and a second
pass changes nothing.

Posts are built from the pieces real ones have (a haiku line, a block of ``Key: value``
lines or front matter, a bare title line or ``# Heading``, a dateline, body lines, a
``Title:`` or ``Date:`` line stranded in the body), with LF or CRLF endings, a BOM or
not, a final newline or not. The post is fixed in memory by the same stage as
``haikulint check --fix``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from haikulint.blog.discover import PostFile
from haikulint.blog.post import read_text
from haikulint.catalogue import load_catalogue
from haikulint.config import Config
from haikulint.engine import LintJob
from haikulint.fix.apply import fix_text

ROOT = Path("/blog")
FILE = PostFile(
    str(ROOT / "post/a-quiet-release-/-nothing-broke-and-no-one-called-/-we-went-home-on-time.md"),
    ROOT,
)
HEADER_LINE = re.compile(r'\ufeff?(?:title|date)\s*[:=]|\s*"(?:title|date)":', re.IGNORECASE)


@cache
def job() -> LintJob:
    codes = tuple(rule.code for rule in load_catalogue().rules)
    return LintJob(config=Config(base=ROOT), rule_codes=codes, today=date(2025, 1, 1), cwd=ROOT)


def fixed(text: str, *, unsafe: bool = False) -> str:
    return fix_text(text, lambda version: job().lint_text(FILE, version), unsafe=unsafe).text


WORDS = st.text(alphabet="abcdefghij ,.:#-'", min_size=1, max_size=30).filter(str.strip)
BODY_LINE = st.one_of(
    WORDS,
    st.just(""),
    st.sampled_from(["Title: Stranded Title", "Date: 2024-02-03", "date: not a date", "```"]),
)
TOP = st.sampled_from(
    [
        [],
        ["Title: A Quiet Release"],
        ["Date: 2024-03-05"],
        ["Title: A Quiet Release", "Date: 2024-03-05"],
        ["Tags: ops", "Title:"],
        ["---", "title: A Quiet Release", "---"],
        ["---", "tags: [ops]", "---"],
        ["+++", 'title = "A Quiet Release"', "+++"],
        ["+++", "[extra]", 'mood = "calm"', "+++"],
        ["{", '  "tags": "ops"', "}"],
    ]
)
FIRST = st.sampled_from(
    ["", "A Quiet Release", "# A Quiet Release", "Kubernetes: The Hard Way", "Some words."]
)
HAIKU = st.sampled_from(
    [
        [],
        ["a quiet release / nothing broke and no one called / we went home on time", ""],
        ["a quiet release / something broke and no one called / we went home on time", ""],
    ]
)
DATELINE = st.sampled_from([[], ["March 5, 2024. We shipped it."], ["November 4th, 2024."]])


@st.composite
def posts(draw: st.DrawFn) -> str:
    top = draw(TOP)
    lines = top if top[:1] in (["---"], ["+++"], ["{"]) else []
    lines = [*lines, *draw(HAIKU)]
    if top and top[0] not in ("---", "+++", "{"):
        lines += top
    lines += [""] * draw(st.integers(0, 2))
    lines += [draw(FIRST), *draw(DATELINE), *draw(st.lists(BODY_LINE, max_size=6))]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(lines) + (newline if draw(st.booleans()) else "")
    return ("\ufeff" if draw(st.booleans()) else "") + text


def unmatched(original: list[str], result: list[str]) -> tuple[list[str], list[str]]:
    """The lines of each left out of a longest common subsequence of the two."""
    rows, columns = len(original), len(result)
    longest = [[0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(columns - 1, -1, -1):
            longest[i][j] = (
                longest[i + 1][j + 1] + 1
                if original[i] == result[j]
                else max(longest[i + 1][j], longest[i][j + 1])
            )
    lost: list[str] = []
    added: list[str] = []
    i = j = 0
    while i < rows and j < columns:
        if original[i] == result[j]:
            i, j = i + 1, j + 1
        elif longest[i + 1][j] >= longest[i][j + 1]:
            lost.append(original[i])
            i += 1
        else:
            added.append(result[j])
            j += 1
    return lost + original[i:], added + result[j:]


def is_header(line: str) -> bool:
    return HEADER_LINE.match(line) is not None


@settings(deadline=None, max_examples=150)
@given(posts())
def test_fix_keeps_every_line_but_the_header_lines_it_moves(text: str) -> None:
    result = fixed(text)
    before = [line for line in text.lstrip("\ufeff").split("\n") if not is_header(line)]
    after = result.lstrip("\ufeff").split("\n")
    new_headers = [line for line in after if is_header(line)]
    lost, added = unmatched(before, [line for line in after if not is_header(line)])
    for line in lost:
        # a line that went into a header: a bare title, a heading, a line read as
        # another key
        words = line.strip(" \r#")
        # as written in a header line, or as its value reads (YAML writes ',''a' for ,'a)
        values = [str(value) for value in read_text(result).headers.values()]
        assert any(words in header for header in [*new_headers, *values]), (line, result)
    assert all(not line.strip("\r") for line in added), result  # blank lines only
    assert text.startswith("\ufeff") == result.startswith("\ufeff")
    if "\r\n" in text:
        assert result.count("\n") == result.count("\r\n")


@settings(deadline=None, max_examples=100)
@given(posts(), st.booleans())
def test_a_second_fix_changes_nothing(text: str, unsafe: bool) -> None:
    once = fixed(text, unsafe=unsafe)
    assert fixed(once, unsafe=unsafe) == once
