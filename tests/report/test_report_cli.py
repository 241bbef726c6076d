"""Every output format through ``haikulint check``, as a user or a CI job runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import WriteBlog, run_cli
from tests.report.support import ANSI_ESCAPE, parse_workflow_command, sarif_errors

# The seeds' shape: the haiku on the first line, a Title line, a dateline in the body.
BAD = "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md"
BAD_POST = (
    "the prod deploy froze / i parsed the pcap for hours / the repo holds it all\n"
    "Title: Pcap\n\nApril 24, 2023 - Today I looked.\n"
)
GOOD = "post/an-old-silent-pond-/-a-frog-jumps-into-the-pond-/-splash-silence-again.md"
GOOD_POST = "---\ntitle: Pond\ndate: 2024-03-01\n---\n\nSome words.\n"


@pytest.fixture
def blog(write_blog: WriteBlog, in_tmp: Path) -> Path:
    return write_blog({BAD: BAD_POST, GOOD: GOOD_POST})


def check(*args: str) -> tuple[int, str, str]:
    return run_cli("check", "--no-progress", *args)


def test_text_groups_the_bad_post_and_ends_with_the_summary(blog: Path) -> None:
    code, out, err = check("post")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == BAD
    assert any("error    HK103 slug-syllables  line 3 " in line for line in lines)
    assert any("error    HK202 date-missing    [*] no date header" in line for line in lines)
    assert lines[-2:] == ["Found 2 problems (2 errors) in 1 of 2 files.", "1 fixable with --fix."]


def test_concise_lines_start_with_the_path(blog: Path) -> None:
    code, out, _ = check("--output-format", "concise", "post")
    assert code == 1
    problems = out.splitlines()[:-2]
    assert len(problems) == 2
    assert all(line.startswith(BAD) for line in problems)
    assert f"{BAD}: HK103 [error] line 3 " in out


def test_json_is_the_only_thing_on_stdout(blog: Path) -> None:
    code, out, _ = check("--output-format", "json", "post")
    assert code == 1
    names = {item["name"] for item in json.loads(out)}
    assert names == {"slug-syllables", "date-missing"}


def test_github_annotations_name_the_file(blog: Path) -> None:
    code, out, _ = check("--output-format", "github", "post")
    assert code == 1
    titles = set()
    for line in out.splitlines():
        command, properties, _ = parse_workflow_command(line)
        assert command == "error"
        assert properties["file"] == BAD
        titles.add(properties["title"])
    assert titles == {"HK103 slug-syllables", "HK202 date-missing"}


def test_sarif_validates_and_lists_every_rule_that_ran(blog: Path) -> None:
    code, out, _ = check("--output-format", "sarif", "post")
    assert code == 1
    log = json.loads(out)
    assert sarif_errors(log) == []
    [run] = log["runs"]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert {"HK103", "HK202", "HK301"} <= set(rule_ids)
    assert {result["ruleId"] for result in run["results"]} == {"HK103", "HK202"}
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": BAD, "uriBaseId": "%SRCROOT%"}


def test_a_clean_run_in_every_format(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({GOOD: GOOD_POST})
    assert check("post") == (0, "All checks passed: 1 file, no problems.\n", "")
    assert check("--output-format", "json", "post") == (0, "[]\n", "")
    assert check("--output-format", "github", "post") == (0, "", "")
    code, out, _ = check("--output-format", "sarif", "post")
    assert code == 0
    assert sarif_errors(json.loads(out)) == []


def test_statistics(blog: Path) -> None:
    code, out, _ = check("--statistics", "post")
    assert code == 1
    assert out.splitlines() == [
        "1  HK103      slug-syllables",
        "1  HK202  [*] date-missing",
        "Found 2 problems (2 errors) in 1 of 2 files.",
        "1 fixable with --fix.",
    ]
    code, out, _ = check("--statistics", "--output-format", "json", "post")
    assert json.loads(out) == [
        {"code": "HK103", "name": "slug-syllables", "count": 1, "fixable": False},
        {"code": "HK202", "name": "date-missing", "count": 1, "fixable": True},
    ]


def test_statistics_with_sarif_is_a_one_line_usage_error(blog: Path) -> None:
    code, out, err = check("--statistics", "--output-format", "sarif", "post")
    assert code == 2
    assert out == ""
    assert err == (
        "haikulint: error: --statistics works only with --output-format text, concise "
        "or json, not sarif\n"
    )


def test_a_pipe_gets_no_colour_unless_forced(blog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    _, plain, _ = check("post")
    assert "\x1b" not in plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, coloured, _ = check("post")
    assert "\x1b[" in coloured
    assert ANSI_ESCAPE.sub("", coloured) == plain
    monkeypatch.setenv("NO_COLOR", "1")
    assert check("post")[1] == plain
