"""``--output-format github``: workflow commands with the Actions toolkit's escaping."""

from __future__ import annotations

from dataclasses import replace

import pytest

from haikulint.diagnostic import Severity
from haikulint.report.github import escape_data, escape_property
from tests.report.support import (
    SAMPLE,
    SLUG_PATH,
    SLUG_SYLLABLES,
    SYLLABLES_MESSAGE,
    UNKNOWN_WORD,
    parse_workflow_command,
    rendered,
)

EXPECTED = f"""\
::warning file=post/b.md,line=3,col=7,title=HK105 unknown-word::word "pcap", in line 3: no dictionary knows it
::notice file=post/b.md,line=12,title=HK204 date-future::date 2099-01-01 is 100%25 in the future%0Asee line 12
::error file=post/café%2C au lait.md,line=1,col=1,title=HK104 slug-charset::character "é" is not a-z, 0-9 or a hyphen
::error file={SLUG_PATH},title=HK103 slug-syllables::{SYLLABLES_MESSAGE}
::error file={SLUG_PATH},title=HK202 date-missing::no date header (the body opens with "April 24, 2023 - Today")
"""  # noqa: E501


def test_one_workflow_command_per_problem_and_nothing_else() -> None:
    assert rendered("github") == EXPECTED


def test_no_problems_write_nothing() -> None:
    assert rendered("github", []) == ""


@pytest.mark.parametrize(
    ("severity", "command"),
    [(Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "notice")],
)
def test_severity_picks_the_command(severity: Severity, command: str) -> None:
    output = rendered("github", [replace(SLUG_SYLLABLES, severity=severity)])
    assert output.startswith(f"::{command} file=")


def test_a_path_level_problem_has_no_line_or_col() -> None:
    name, properties, _ = parse_workflow_command(rendered("github", [SLUG_SYLLABLES]).rstrip("\n"))
    assert name == "error"
    assert properties == {"file": SLUG_PATH, "title": "HK103 slug-syllables"}


def test_a_column_without_a_line_is_dropped() -> None:
    odd = replace(UNKNOWN_WORD, line=None, column=4)
    _, properties, _ = parse_workflow_command(rendered("github", [odd]).rstrip("\n"))
    assert "col" not in properties
    assert "line" not in properties


@pytest.mark.parametrize(
    ("text", "as_data", "as_property"),
    [
        ("plain words", "plain words", "plain words"),
        ("100%", "100%25", "100%25"),
        ("%0A is not a newline", "%250A is not a newline", "%250A is not a newline"),
        ("one\ntwo", "one%0Atwo", "one%0Atwo"),
        ("one\r\ntwo", "one%0D%0Atwo", "one%0D%0Atwo"),
        ("a: b, c", "a: b, c", "a%3A b%2C c"),
        ("::set-output name=x::y", "::set-output name=x::y", "%3A%3Aset-output name=x%3A%3Ay"),
        ('quotes "and" é', 'quotes "and" é', 'quotes "and" é'),
    ],
)
def test_escaping_follows_the_actions_toolkit(text: str, as_data: str, as_property: str) -> None:
    assert escape_data(text) == as_data
    assert escape_property(text) == as_property


def test_a_newline_in_a_message_cannot_start_a_second_command() -> None:
    evil = replace(SLUG_SYLLABLES, message="fine\n::error file=x.md::forged", path="a,b:c.md")
    output = rendered("github", [evil])
    assert output.count("\n") == 1
    _, properties, message = parse_workflow_command(output.rstrip("\n"))
    assert properties["file"] == "a,b:c.md"
    assert message == "fine\n::error file=x.md::forged"


def test_every_sample_problem_reads_back_exactly() -> None:
    lines = rendered("github").splitlines()
    by_title = {}
    for line in lines:
        _, properties, message = parse_workflow_command(line)
        by_title[properties["title"]] = (properties, message)
    for diagnostic in SAMPLE:
        properties, message = by_title[f"{diagnostic.code} {diagnostic.name}"]
        assert properties["file"] == diagnostic.path
        assert message == diagnostic.message
        if diagnostic.line is not None:
            assert properties["line"] == str(diagnostic.line)


def test_an_undecodable_byte_is_shown_as_an_escape() -> None:
    odd = replace(SLUG_SYLLABLES, path="post/caf\udce9.md", message="bad \udce9 byte")
    output = rendered("github", [odd])
    assert "file=post/caf\\xe9.md," in output
    assert output.endswith("::bad \\xe9 byte\n")
    output.encode("utf-8")  # writable to a strict UTF-8 log


def test_no_escape_code_reaches_the_actions_log() -> None:
    coloured = replace(SLUG_SYLLABLES, path="post/\x1b[31mred.md", message="\x1b[2Khidden\ttab")
    output = rendered("github", [coloured])
    assert "\x1b" not in output
    assert "file=post/\\x1b[31mred.md," in output
    assert output.endswith("::\\x1b[2Khidden\\ttab\n")
