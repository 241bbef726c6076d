"""The TOML ``init`` writes: a new config file, or a table appended to a pyproject.toml."""

from __future__ import annotations

import copy
import sys
from typing import Any

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from haikulint.config_writer import (
    ConfigWriteError,
    Value,
    appended_pyproject,
    new_config_file,
    toml_string,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# Any text a folder name or a setting may hold (no lone surrogates: not UTF-8 text).
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
KEYS = st.text("abcdefghijklmnopqrstuvwxyz-_", min_size=1, max_size=8)
CONFIGS = st.fixed_dictionaries(
    {
        "root": TEXT,
        "form": st.lists(st.integers(1, 20), min_size=1, max_size=7),
    },
    optional={
        "header-style": st.sampled_from(["yaml", "toml", "pelican"]),
        "sections": st.lists(TEXT, max_size=4),
        "allow-future-dates": st.booleans(),
    },
)
SCALARS = st.one_of(TEXT, st.integers(-(10**6), 10**6), st.booleans())
TABLES = st.dictionaries(
    KEYS, st.one_of(SCALARS, st.lists(st.integers(0, 9), max_size=3)), max_size=4
)
PYPROJECTS = st.fixed_dictionaries(
    {},
    optional={
        "project": TABLES,
        "tool": st.dictionaries(KEYS.filter(lambda key: key != "haikulint"), TABLES, max_size=3),
        "build-system": TABLES,
    },
)


@st.composite
def pyproject_bytes(draw: st.DrawFn) -> tuple[bytes, dict[str, Any]]:
    """A pyproject.toml's bytes as people leave them: LF or CRLF, a final newline or not,
    a trailing comment, a BOM; and what it holds."""
    data = draw(PYPROJECTS)
    text = tomli_w.dumps(data)
    if draw(st.booleans()):
        text += "# the end" + draw(st.sampled_from(["", "\n", "  \n\n"]))
    elif draw(st.booleans()):
        text = text.rstrip("\n")
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text.encode("utf-8"), data


def parse(data: bytes) -> dict[str, Any]:
    parsed: dict[str, Any] = tomllib.loads(data.decode("utf-8").removeprefix("\ufeff"))
    return parsed


@given(pyproject_bytes(), CONFIGS, TEXT)
def test_appending_keeps_every_byte_and_reads_back(
    existing: tuple[bytes, dict[str, Any]], values: dict[str, Value], comment: str
) -> None:
    original, holds = existing
    result = appended_pyproject(original, values, comment.replace("\r", ""))
    assert result.startswith(original)
    expected = copy.deepcopy(holds)
    expected.setdefault("tool", {})["haikulint"] = values
    assert parse(result) == expected
    if b"\r\n" in original:
        assert b"\n" not in result[len(original) :].replace(b"\r\n", b"")


@given(CONFIGS)
def test_a_new_file_reads_back_as_the_values(values: dict[str, Value]) -> None:
    assert parse(new_config_file(values)) == values


@given(TEXT)
def test_any_text_is_a_toml_string(text: str) -> None:
    assert tomllib.loads(f"key = {toml_string(text)}\n") == {"key": text}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"[tool.haikulint]\nroot = 'x'\n", "it already has a [tool.haikulint] table"),
        (b"tool.haikulint.root = 'x'\n", "it already has a [tool.haikulint] table"),
        (b"[project\n", "invalid TOML"),
        (b"\xff\n", "it is not UTF-8 text"),
        (b"tool = {ruff = {}}\n", "with it added, the file would hold invalid TOML"),
    ],
)
def test_a_pyproject_that_cannot_take_the_table(content: bytes, reason: str) -> None:
    with pytest.raises(ConfigWriteError, match=reason.replace("[", r"\[").replace("]", r"\]")):
        appended_pyproject(content, {"root": "posts"})


def test_an_empty_pyproject_gets_just_the_table() -> None:
    assert appended_pyproject(b"", {"root": "posts"}) == b'[tool.haikulint]\nroot = "posts"\n'
    assert appended_pyproject(b"[a]\nb = 1", {"root": "p"}) == (
        b'[a]\nb = 1\n\n[tool.haikulint]\nroot = "p"\n'
    )
