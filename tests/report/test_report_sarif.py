"""``--output-format sarif``: valid against the official SARIF 2.1.0 schema, and useful."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

from haikulint import __version__
from haikulint.diagnostic import Severity
from haikulint.report import RuleSummary, RunSummary
from haikulint.report import sarif as sarif_module
from tests.report.support import (
    CHARSET,
    FUTURE_DATE,
    RULES,
    SAMPLE,
    SARIF_SCHEMA_PATH,
    SLUG_PATH,
    SLUG_SYLLABLES,
    UNKNOWN_WORD,
    rendered,
    sarif_errors,
    sarif_of,
    sarif_schema,
)


def only_result(log: Any) -> Any:
    [result] = log["runs"][0]["results"]
    return result


def physical(result: Any) -> Any:
    [location] = result["locations"]
    return location["physicalLocation"]


def test_the_vendored_schema_is_the_official_one() -> None:
    schema = sarif_schema()
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["$id"].endswith("/sarif-spec/master/Schemata/sarif-schema-2.1.0.json")
    assert len(SARIF_SCHEMA_PATH.read_text(encoding="utf-8")) == 112785


def test_the_sample_log_validates() -> None:
    assert sarif_errors(sarif_of()) == []


def test_a_log_with_no_results_validates_and_still_lists_the_rules() -> None:
    log = sarif_of([])
    assert sarif_errors(log) == []
    [run] = log["runs"]
    assert run["results"] == []
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == [r.code for r in RULES]


def test_the_validator_is_not_a_rubber_stamp() -> None:
    log = sarif_of([UNKNOWN_WORD])
    broken_level = copy.deepcopy(log)
    only_result(broken_level)["level"] = "fatal"
    zero_line = copy.deepcopy(log)
    physical(only_result(zero_line))["region"]["startLine"] = 0
    raw_uri = copy.deepcopy(log)
    physical(only_result(raw_uri))["artifactLocation"]["uri"] = "post/a b#c.md"
    for broken in (broken_level, zero_line, raw_uri):
        assert sarif_errors(broken) != []


def test_the_log_header_and_driver() -> None:
    log = sarif_of()
    assert log["$schema"] == sarif_module.SCHEMA_URI
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "haikulint"
    assert driver["version"] == __version__
    assert run["columnKind"] == "unicodeCodePoints"


def test_rules_carry_id_name_description_and_default_level() -> None:
    rules = sarif_of()["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0] == {
        "id": "HK103",
        "name": "slug-syllables",
        "shortDescription": {"text": "A slug line has the wrong count."},
        "defaultConfiguration": {"level": "error"},
    }
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in rules}
    assert levels == {
        "HK103": "error",
        "HK104": "error",
        "HK105": "warning",
        "HK202": "error",
        "HK204": "warning",
    }


def test_every_result_points_at_its_rule() -> None:
    run = sarif_of()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == len(SAMPLE)
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


@pytest.mark.parametrize(
    ("severity", "level"),
    [(Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "note")],
)
def test_result_levels(severity: Severity, level: str) -> None:
    result = only_result(sarif_of([replace(UNKNOWN_WORD, severity=severity)]))
    assert result["level"] == level


def test_a_result_carries_the_exact_message() -> None:
    result = only_result(sarif_of([FUTURE_DATE]))
    assert result["message"] == {"text": "date 2099-01-01 is 100% in the future\nsee line 12"}


def test_an_empty_message_falls_back_to_the_rule_name() -> None:
    result = only_result(sarif_of([replace(UNKNOWN_WORD, message="")]))
    assert result["message"] == {"text": "unknown-word"}


def test_a_positioned_problem_has_line_and_column() -> None:
    location = physical(only_result(sarif_of([UNKNOWN_WORD])))
    assert location == {
        "artifactLocation": {"uri": "post/b.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3, "startColumn": 7},
    }


def test_a_line_without_a_column_has_only_start_line() -> None:
    assert physical(only_result(sarif_of([FUTURE_DATE])))["region"] == {"startLine": 12}


@pytest.mark.parametrize(("line", "column"), [(None, None), (None, 5), (0, None), (0, 3), (-1, 1)])
def test_no_region_is_written_without_a_valid_line(line: int | None, column: int | None) -> None:
    log = sarif_of([replace(UNKNOWN_WORD, line=line, column=column)])
    assert "region" not in physical(only_result(log))
    assert sarif_errors(log) == []


def test_a_column_below_one_is_left_out() -> None:
    log = sarif_of([replace(UNKNOWN_WORD, column=0)])
    assert physical(only_result(log))["region"] == {"startLine": 3}


def test_a_path_level_problem_names_the_file_only() -> None:
    location = physical(only_result(sarif_of([SLUG_SYLLABLES])))
    assert location == {"artifactLocation": {"uri": SLUG_PATH, "uriBaseId": "%SRCROOT%"}}


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("post/café, au lait.md", "post/caf%C3%A9%2C%20au%20lait.md"),
        ("post/100%#1?.md", "post/100%25%231%3F.md"),
        ("a:b/post.md", "a%3Ab/post.md"),
        ("post/caf\udce9.md", "post/caf%E9.md"),
    ],
)
def test_relative_paths_become_percent_encoded_uri_references(path: str, uri: str) -> None:
    log = sarif_of([replace(CHARSET, path=path)])
    assert physical(only_result(log))["artifactLocation"] == {"uri": uri, "uriBaseId": "%SRCROOT%"}
    assert sarif_errors(log) == []


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("/srv/blog/post/a b.md", "file:///srv/blog/post/a%20b.md"),
        ("C:/blog/post/a.md", "file:///C:/blog/post/a.md"),
    ],
)
def test_absolute_paths_become_file_uris_without_a_base(path: str, uri: str) -> None:
    log = sarif_of([replace(CHARSET, path=path)])
    assert physical(only_result(log))["artifactLocation"] == {"uri": uri}
    assert sarif_errors(log) == []


def test_the_source_root_is_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blog = tmp_path / "my blog"
    blog.mkdir()
    monkeypatch.chdir(blog)
    run = sarif_of()["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": blog.as_uri() + "/"}}


def test_rules_listed_twice_and_rules_not_listed_are_both_handled() -> None:
    doubled = RunSummary(files_checked=3, rules=[RULES[0], RULES[0], RULES[2]])
    unlisted = replace(UNKNOWN_WORD, code="HK999", name="from-a-rules-dir")
    log = sarif_of([SLUG_SYLLABLES, unlisted], doubled)
    assert sarif_errors(log) == []
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["HK103", "HK105", "HK999"]
    assert rules[2]["name"] == "from-a-rules-dir"
    assert rules[2]["defaultConfiguration"] == {"level": "warning"}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_an_empty_rule_summary_falls_back_to_the_name() -> None:
    run = RunSummary(1, [RuleSummary("HK103", "slug-syllables", Severity.ERROR, "")])
    [rule] = sarif_of([], run)["runs"][0]["tool"]["driver"]["rules"]
    assert rule["shortDescription"] == {"text": "slug-syllables"}


class FakeMetadata:
    def __init__(self, fields: dict[str, list[str]]) -> None:
        self.fields = fields

    def get_all(self, name: str) -> list[str] | None:
        return self.fields.get(name)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"Project-URL": ["Changelog, https://e.test/log", "Homepage, https://e.test/hl"]},
            "https://e.test/hl",
        ),
        ({"Project-URL": ["Source, https://e.test/src"]}, "https://e.test/src"),
        ({"Home-page": ["https://e.test/home"]}, "https://e.test/home"),
        ({"Project-URL": ["Homepage, not a url"]}, None),
        ({}, None),
    ],
)
def test_information_uri_comes_from_the_package_metadata(
    fields: dict[str, list[str]], expected: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(metadata, "metadata", lambda name: FakeMetadata(fields))
    assert sarif_module.information_uri() == expected
    driver = sarif_of()["runs"][0]["tool"]["driver"]
    assert driver.get("informationUri") == expected
    assert sarif_errors(sarif_of()) == []


def test_information_uri_is_left_out_when_haikulint_is_not_installed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def missing(name: str) -> None:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "metadata", missing)
    assert "informationUri" not in sarif_of()["runs"][0]["tool"]["driver"]


def test_the_output_is_one_ascii_json_document() -> None:
    output = rendered("sarif")
    assert output.isascii()
    assert output.endswith("}\n")
    json.loads(output)
