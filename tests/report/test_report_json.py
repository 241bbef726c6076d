"""``--output-format json``: exactly the documented keys, sorted, nothing else."""

from __future__ import annotations

import json
from dataclasses import replace

from haikulint.diagnostic import Diagnostic
from tests.report.support import (
    CHARSET,
    FUTURE_DATE,
    SAMPLE,
    SLUG_DATE,
    SLUG_SYLLABLES,
    UNKNOWN_WORD,
    rendered,
)

KEYS = ["path", "code", "name", "severity", "line", "column", "message", "fixable", "fix"]


def test_each_object_has_exactly_the_documented_keys() -> None:
    objects = json.loads(rendered("json"))
    assert len(objects) == len(SAMPLE)
    for item in objects:
        assert list(item) == KEYS


def test_the_array_is_sorted_by_path_then_position_then_code() -> None:
    objects = json.loads(rendered("json"))
    expected = [UNKNOWN_WORD, FUTURE_DATE, CHARSET, SLUG_SYLLABLES, SLUG_DATE]
    assert objects == [diagnostic.to_json() for diagnostic in expected]


def test_values_round_trip_including_nulls_quotes_newlines_and_non_ascii() -> None:
    objects = json.loads(rendered("json"))
    by_code = {item["code"]: item for item in objects}
    assert by_code["HK103"]["line"] is None
    assert by_code["HK103"]["column"] is None
    assert by_code["HK204"]["line"] == 12
    assert by_code["HK204"]["column"] is None
    assert by_code["HK204"]["message"] == "date 2099-01-01 is 100% in the future\nsee line 12"
    assert by_code["HK204"]["severity"] == "info"
    assert by_code["HK104"]["path"] == "post/café, au lait.md"
    assert by_code["HK105"]["fixable"] is True


def test_no_problems_is_an_empty_array_and_nothing_else() -> None:
    assert rendered("json", []) == "[]\n"


def test_the_output_is_one_json_document() -> None:
    output = rendered("json")
    assert output.endswith("]\n")
    json.loads(output)  # raises if anything but the array were written
    assert output.isascii()


def test_a_path_with_undecodable_bytes_still_makes_valid_json() -> None:
    odd = replace(SLUG_SYLLABLES, path="post/caf\udce9.md", message="see caf\udce9.md")
    [item] = json.loads(rendered("json", [odd]))
    # Strict readers refuse a lone surrogate (\udce9): the byte is written as text, \xe9.
    assert item["path"] == "post/caf\\xe9.md"
    assert item["message"] == "see caf\\xe9.md"
    item["path"].encode("utf-8")


def test_statistics_are_objects_of_code_name_count_fixable() -> None:
    second = replace(UNKNOWN_WORD, line=9, fixable=False)
    diagnostics: list[Diagnostic] = [SLUG_SYLLABLES, second, UNKNOWN_WORD, FUTURE_DATE]
    assert json.loads(rendered("json", diagnostics, statistics=True)) == [
        {"code": "HK105", "name": "unknown-word", "count": 2, "fixable": True},
        {"code": "HK103", "name": "slug-syllables", "count": 1, "fixable": False},
        {"code": "HK204", "name": "date-future", "count": 1, "fixable": False},
    ]
    assert rendered("json", [], statistics=True) == "[]\n"
