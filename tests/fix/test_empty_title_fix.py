"""title-missing's fix fills an empty title in front matter, quoted or bare, through the CLI.

An empty YAML ``title:``, ``title: ""`` and ``title: ~`` (and TOML ``title = ""``) are the
same empty header to ``check``; ``--fix`` fills each from the post's first ``# Heading``, and
leaves alone a line that holds anything else (a comment, a blank inside the quotes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import check_json, run_cli, write_tree

POST = "post/the-standup-ran-long-/-we-argued-about-the-tabs-/-nobody-merged-code.md"
BODY = "\n# Tabs Versus Spaces\n\nThe standup ran long again.\n"
FILLED_BODY = "\n\nThe standup ran long again.\n"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("---\ntitle:\ndate: 2023-11-13\n---\n", "---\ntitle: Tabs Versus Spaces\n"),
        ('---\ntitle: ""\ndate: 2023-11-13\n---\n', "---\ntitle: Tabs Versus Spaces\n"),
        ("---\ntitle: ''\ndate: 2023-11-13\n---\n", "---\ntitle: Tabs Versus Spaces\n"),
        ("---\ntitle: ~\ndate: 2023-11-13\n---\n", "---\ntitle: Tabs Versus Spaces\n"),
        ("---\ntitle: null\ndate: 2023-11-13\n---\n", "---\ntitle: Tabs Versus Spaces\n"),
        (
            '---\r\ntitle: ""  \r\ndate: 2023-11-13\r\n---\r\n',
            "---\r\ntitle: Tabs Versus Spaces\r\n",
        ),
        ('+++\ntitle = ""\ndate = 2023-11-13\n+++\n', '+++\ntitle = "Tabs Versus Spaces"\n'),
    ],
    ids=[
        "yaml-bare",
        "yaml-double-quoted",
        "yaml-single-quoted",
        "yaml-tilde",
        "yaml-null",
        "yaml-crlf-blanks",
        "toml",
    ],
)
def test_an_empty_title_is_filled_from_the_heading(in_tmp: Path, before: str, after: str) -> None:
    newline = "\r\n" if "\r\n" in before else "\n"
    fixed = fixed_title(in_tmp, before + BODY.replace("\n", newline))
    rest = before.split(newline, 2)[2]
    assert fixed == after + rest + FILLED_BODY.replace("\n", newline)


def fixed_title(folder: Path, text: str) -> str:
    """The post ``text``, whose empty title check offers to fix, as ``--fix`` leaves it
    (title-missing no more)."""
    write_tree(folder, {POST: text.encode("utf-8")})
    code, diagnostics = check_json("--select", "HK201", "post")
    assert (code, [item["fixable"] for item in diagnostics]) == (1, [True])
    code, _, err = run_cli("check", "--no-progress", "--fix", "--select", "HK201", "post")
    assert code == 0, err
    assert check_json("--select", "HK201", "post") == (0, [])
    return (folder / POST).read_bytes().decode("utf-8")


@pytest.mark.parametrize(
    "front",
    ['---\ntitle: "" # to do\n---\n', '---\ntitle: " "\n---\n', "+++\ntitle = ''' '''\n+++\n"],
    ids=["comment", "a-blank-inside-quotes", "toml-multi-line-string"],
)
def test_a_title_line_holding_anything_else_is_left_alone(in_tmp: Path, front: str) -> None:
    assert_left_alone(in_tmp, front + BODY)


def assert_left_alone(folder: Path, text: str) -> None:
    """The post ``text``'s empty title is reported with no fix, and ``--fix`` keeps it."""
    write_tree(folder, {POST: text})
    code, diagnostics = check_json("--select", "HK201", "post")
    assert (code, [item["fixable"] for item in diagnostics]) == (1, [False])
    code, _, _ = run_cli("check", "--no-progress", "--fix", "--select", "HK201", "post")
    assert code == 1
    assert (folder / POST).read_text("utf-8") == text
