"""The five real posts this blog started with, recreated in shape, must come out right.

The shapes are in tests/seeds.py: paths, header lines and datelines as in the
originals, body text ours.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import WriteBlog, check_json
from tests.seeds import SEEDS

EXPECTED: dict[str, set[str]] = {
    "the-prod-deploy-froze": {"slug-syllables", "date-missing"},
    "the-deploy-pipeline": {"slug-syllables", "title-missing", "date-missing"},
    "telnet-to-nowhere": {"slug-syllables", "date-missing"},
    "reflections-on": {"slug-lines", "title-missing", "date-missing"},
    "november-4": {"slug-lines", "slug-charset", "title-missing", "date-missing"},
}

SYLLABLE_LINES = {
    "the-prod-deploy-froze": ("line 3", "6"),
    "the-deploy-pipeline": ("line 2", "8"),
    "telnet-to-nowhere": ("line 2", "8"),
}


def _expected_for(path: str) -> set[str]:
    (codes,) = [codes for prefix, codes in EXPECTED.items() if f"post/{prefix}" in path]
    return codes


def _by_path(diagnostics: list[dict[str, object]]) -> dict[str, list[dict[str, object]]]:
    grouped: dict[str, list[dict[str, object]]] = {}
    for diagnostic in diagnostics:
        grouped.setdefault(str(diagnostic["path"]), []).append(diagnostic)
    return grouped


@pytest.mark.parametrize("target", [".", "post"])
def test_every_seed_gets_exactly_its_problems(
    write_blog: WriteBlog, in_tmp: Path, target: str
) -> None:
    write_blog(SEEDS)
    code, diagnostics = check_json(target)
    assert code == 1
    grouped = _by_path(diagnostics)
    assert sorted(grouped) == sorted(SEEDS)
    for path, found in grouped.items():
        assert {str(d["name"]) for d in found} == _expected_for(path), path


def test_syllable_messages_name_the_line_and_its_count(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog(SEEDS)
    _, diagnostics = check_json("post")
    for prefix, (line, count) in SYLLABLE_LINES.items():
        messages = [
            str(d["message"])
            for d in diagnostics
            if d["name"] == "slug-syllables" and f"post/{prefix}" in str(d["path"])
        ]
        assert any(f'{line} "' in m and f" {count} " in m for m in messages), messages


def test_seed_date_missing_names_the_dateline(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog(SEEDS)
    _, diagnostics = check_json("post")
    messages = {
        str(d["path"]): str(d["message"]) for d in diagnostics if d["name"] == "date-missing"
    }
    assert "2023-04-24" in messages[next(p for p in SEEDS if "prod-deploy" in p)]
    assert "2024-11-04" in messages[next(p for p in SEEDS if "november" in p)]


def test_each_seed_alone_is_judged_as_in_its_folder(write_blog: WriteBlog, in_tmp: Path) -> None:
    """pre-commit passes files one by one: the slug must not depend on that."""
    write_blog(SEEDS)
    _, whole = check_json("post")
    for path in SEEDS:
        _, alone = check_json(path)
        expected = sorted((d["code"], d["message"]) for d in whole if d["path"] == path)
        assert sorted((d["code"], d["message"]) for d in alone) == expected, path
