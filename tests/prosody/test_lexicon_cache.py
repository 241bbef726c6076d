"""The shipped lexicon, parsed once and cached (prosody/lexicon.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from haikulint.prosody import lexicon

SAMPLE = """\
# a comment
kubectl 3 4   # kube-control
sql 3 2
nginx 2
"""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "src" / "lexicon.txt"
    path.parent.mkdir()
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_cached_lexicon_equals_the_parsed_file(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    expected = {"kubectl": (3, 4), "sql": (2, 3), "nginx": (2,)}
    assert lexicon.load_lexicon(source, [folder]) == expected  # built
    assert lexicon.load_lexicon(source, [folder]) == expected  # read back
    assert [path.name for path in folder.iterdir()] == [lexicon.cache_file_name(source)]


def test_shipped_lexicon_equals_its_file() -> None:
    assert lexicon.lexicon() == lexicon.read_lexicon(lexicon.LEXICON_FILE)


def test_cache_is_rebuilt_when_the_file_changes(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    assert "yaml" not in lexicon.load_lexicon(source, [folder])
    source.write_text(SAMPLE + "yaml 2\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))
    assert lexicon.load_lexicon(source, [folder])["yaml"] == (2,)
    assert len(list(folder.iterdir())) == 2  # the old one is kept for a week


@pytest.mark.parametrize("content", [b"garbage", lexicon.HEADER + b"\xff\x00", lexicon.HEADER])
def test_a_damaged_cache_file_is_not_trusted(source: Path, tmp_path: Path, content: bytes) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / lexicon.cache_file_name(source)).write_bytes(content)
    assert lexicon.load_lexicon(source, [folder])["sql"] == (2, 3)


def test_a_cache_file_of_another_shape_is_not_trusted(source: Path, tmp_path: Path) -> None:
    import marshal

    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / lexicon.cache_file_name(source)).write_bytes(
        lexicon.HEADER + marshal.dumps(["not", "a", "table"])
    )
    assert lexicon.load_lexicon(source, [folder])["kubectl"] == (3, 4)


def test_no_usable_cache_folder_reads_the_file(source: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    assert lexicon.load_lexicon(source, [blocker / "a"])["nginx"] == (2,)


def test_a_malformed_lexicon_is_still_reported(source: Path, tmp_path: Path) -> None:
    source.write_text("ok 1\nbroken x\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lexicon\.txt:2"):
        lexicon.load_lexicon(source, [tmp_path / "cache"])
