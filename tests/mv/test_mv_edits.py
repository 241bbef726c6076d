"""The text edits of ``mv``: the haiku line and the alias list, on any header style."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from haikulint.blog.post import read_text
from haikulint.fix.aliases import CannotRecord, alias_edits
from haikulint.fix.haiku import CannotRewrite, haiku_edits
from haikulint.fix.text import apply_edits
from tests.conftest import run_cli

NEW = "the prod deploy froze / I parsed the pcap for hours / the repo held it"
ALIAS = "/old-/-path-/-here/"


def test_the_body_line_is_rewritten_keeping_its_decoration() -> None:
    text = "Title: T\n\n*old one / old two / old three*\n\nbody\n"
    edits = haiku_edits(text, NEW)
    assert apply_edits(text, edits) == f"Title: T\n\n*{NEW}*\n\nbody\n"


def test_a_post_without_a_haiku_needs_no_edit() -> None:
    assert haiku_edits("Title: T\n\nJust prose.\n", NEW) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\nhaiku: a / b / c\n---\n", f"---\nhaiku: {NEW}\n---\n"),
        ("---\nhaiku: 'a / b / c'  # mine\n---\n", f'---\nhaiku: "{NEW}"  # mine\n---\n'),
        ('+++\nhaiku = "a / b / c"\n+++\n', f'+++\nhaiku = "{NEW}"\n+++\n'),
        ('{"haiku": "a / b / c", "title": "T"}\n', f'{{"haiku": "{NEW}", "title": "T"}}\n'),
        ("Haiku: a / b / c\nTitle: T\n", f"Haiku: {NEW}\nTitle: T\n"),
        (
            "---\nhaiku: a / b / c\n---\n\na / b / c\n",
            f"---\nhaiku: {NEW}\n---\n\n{NEW}\n",
        ),
    ],
)
def test_the_haiku_header_is_rewritten_in_its_format(text: str, expected: str) -> None:
    after = apply_edits(text, haiku_edits(text, NEW))
    assert after == expected
    assert read_text(after).headers["haiku"] == NEW


@pytest.mark.parametrize(
    "text",
    [
        "---\nhaiku:\n  - a\n  - b\n  - c\n---\n",
        "---\nhaiku: |\n  a / b / c\n---\n",
        '+++\nhaiku = """a / b / c"""\n+++\n',
        "---\nhaiku: [a, b\n---\n",
    ],
)
def test_a_haiku_header_that_is_not_one_line_is_refused(text: str) -> None:
    with pytest.raises(CannotRewrite):
        haiku_edits(text, NEW)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '+++\naliases = [\n    "/a/",\n]\n+++\n',
            f'+++\naliases = [\n    "/a/",\n    "{ALIAS}",\n]\n+++\n',
        ),
        (
            '{\n  "aliases": [\n    "/a/"\n  ],\n  "title": "T"\n}\n',
            f'{{\n  "aliases": [\n    "/a/",\n    "{ALIAS}"\n  ],\n  "title": "T"\n}}\n',
        ),
    ],
)
def test_an_alias_joins_a_list_written_over_several_lines(text: str, expected: str) -> None:
    assert apply_edits(text, alias_edits(text, "aliases", ALIAS)) == expected


def test_an_alias_already_there_is_not_added_again() -> None:
    text = f'---\naliases: ["{ALIAS}"]\n---\n'
    assert alias_edits(text, "aliases", ALIAS) == ()


@pytest.mark.parametrize(
    "text",
    [
        "---\naliases: {a: 1}\n---\n",  # not a list
        "---\n{title: T, date: 2024-01-01}\n---\n",  # YAML written as one flow mapping
        "Reflections\nNovember 13, 2023. As I sit down.\n",  # no headers at all
    ],
)
def test_what_cannot_be_recorded_soundly_is_refused(text: str) -> None:
    with pytest.raises(CannotRecord):
        alias_edits(text, "aliases", ALIAS)


KEYS = st.sampled_from(["title", "date", "tags", "author", "summary", "draft"])
SCALARS = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12),
    st.integers(-5, 5),
    st.booleans(),
)
ADDRESSES = st.lists(st.from_regex(r"/[a-z0-9/-]{0,12}", fullmatch=True), max_size=3)


@settings(max_examples=80, deadline=None)
@given(
    st.dictionaries(KEYS, SCALARS, max_size=5),
    st.none() | ADDRESSES,
    st.sampled_from(["block", "flow", "json-like"]),
    st.sampled_from(["yaml", "toml", "json"]),
)
def test_an_alias_is_appended_and_nothing_else_changes(
    headers: dict[str, object], existing: list[str] | None, layout: str, style: str
) -> None:
    data = dict(headers)
    if existing is not None:
        data["aliases"] = existing
    if style == "yaml":
        dumped = yaml.safe_dump(data, allow_unicode=True, default_flow_style=layout == "flow")
        text = f"---\n{dumped}---\n\nbody line\n"
    elif style == "toml":
        import tomli_w

        text = f"+++\n{tomli_w.dumps(data)}+++\n\nbody line\n"
    else:
        text = json.dumps(data, ensure_ascii=False, indent=None if layout == "flow" else 2)
        text += "\n\nbody line\n"
    before = read_text(text)
    assume(before.front_matter_error is None and before.header_style == style)
    try:
        edits = alias_edits(text, "aliases", ALIAS)
    except CannotRecord:
        return  # refused: nothing is written, so nothing is lost
    after_text = apply_edits(text, edits)
    after = read_text(after_text)
    assert after.headers.get("aliases") == [*(existing or []), ALIAS]
    assert {k: v for k, v in after.headers.items() if k != "aliases"} == {
        k: v for k, v in before.headers.items() if k != "aliases"
    }
    assert after_text.endswith("\n\nbody line\n")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet="abc xyz.,'!", min_size=1, max_size=20), min_size=0, max_size=6),
    st.sampled_from(["---\ntitle: T\n---\n", "Title: T\n", ""]),
    st.sampled_from(["\n", "\r\n"]),
)
def test_rewriting_the_haiku_never_loses_another_line(
    body: list[str], header: str, newline: str
) -> None:
    text = (header + "\nold one / old two / old three\n\n" + "\n".join(body) + "\n").replace(
        "\n", newline
    )
    parts = read_text(text)
    assume(parts.haiku is not None)
    after = apply_edits(text, haiku_edits(text, NEW))
    old_lines = text.split(newline)
    new_lines = after.split(newline)
    assert len(old_lines) == len(new_lines)
    differing = [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    assert len(differing) == 1
    assert new_lines[differing[0]] == NEW


def test_check_fix_rewrites_the_haiku_header_and_body_line_from_the_slug(
    in_tmp: Path,
) -> None:
    post = in_tmp / "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-held-it.md"
    post.parent.mkdir(parents=True)
    post.write_text(
        "---\ntitle: T\ndate: 2024-01-01\nhaiku: 'old one / old two / old three'\n---\n\n"
        "old one / old two / old three\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("check", "post", "--fix", "--unsafe-fixes", "--no-progress")
    assert code == 0, err
    slug_poem = "the prod deploy froze / i parsed the pcap for hours / the repo held it"
    assert post.read_text("utf-8") == (
        f'---\ntitle: T\ndate: 2024-01-01\nhaiku: "{slug_poem}"\n---\n\n{slug_poem}\n'
    )


def test_an_empty_pelican_haiku_header_is_filled_in() -> None:
    # "Haiku: " with nothing after it: the value to replace is empty, at the line's end
    text = "Haiku: \nTitle: A Day\n\nBody.\n"
    fixed = apply_edits(text, haiku_edits(text, "a b / c d / e f"))
    assert read_text(fixed).headers["haiku"] == "a b / c d / e f"
