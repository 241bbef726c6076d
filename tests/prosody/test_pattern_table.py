"""The hyphenation patterns as a sorted, bisected cache file (prosody/breaks.py)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haikulint.prosody import breaks

SAMPLE = """\
UTF-8
LEFTHYPHENMIN 2
% a comment
.ach4
.ad4der
1ba
4b1ly
bel5ing
cy4
de1p
e1ploy
n1a
nay4
ﬁ1n
ploy4
"""

ALPHABET = "abdelnpyﬁ.'"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "src" / "hyph_en_US.dic"
    path.parent.mkdir()
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_table_finds_every_pattern_and_nothing_else() -> None:
    patterns = breaks.parse_patterns(SAMPLE)
    table = breaks.PatternTable(breaks.serialize(patterns))
    assert table.longest == max(len(key) for key in patterns)
    for key, pattern in patterns.items():
        assert table.get(key) == pattern
    for missing in ("", "a", ".ac", "achx", "zz", "ploy4", "b\tly", "\ud800"):
        assert table.get(missing) is None


def test_prefixes_are_every_pattern_the_text_starts_with() -> None:
    table = breaks.PatternTable(breaks.serialize(breaks.parse_patterns(SAMPLE)))
    assert list(table.prefixes_of("nays")) == [(1, (1,)), (3, (4,))]  # n1a, nay4
    assert list(table.prefixes_of("zebra")) == []


@st.composite
def pattern_items(draw: st.DrawFn) -> tuple[str, breaks.Pattern]:
    """A Liang pattern: its letters, and weights for some of the gaps around them."""
    key = draw(st.text(ALPHABET, min_size=1, max_size=6))
    offset = draw(st.integers(0, len(key)))
    weights = draw(st.lists(st.integers(0, 9), min_size=1, max_size=len(key) + 1 - offset))
    return key, (offset, tuple(weights))


@settings(max_examples=300)
@given(
    items=st.lists(pattern_items(), max_size=40),
    word=st.text(ALPHABET + "xz\t", max_size=12),
)
def test_table_cuts_words_as_the_parsed_patterns_do(
    items: list[tuple[str, breaks.Pattern]], word: str
) -> None:
    patterns = dict(items)
    table = breaks.PatternTable(breaks.serialize(patterns))
    assert breaks.hyphenation_points(word, table) == breaks.hyphenation_points(word, patterns)


def test_installed_table_cuts_words_as_the_parsed_pyphen_file_does() -> None:
    source = breaks.find_pattern_file()
    table = breaks.default_table()
    assert source is not None and table is not None
    patterns = breaks.parse_patterns(source.read_text(encoding="utf-8"))
    gold = Path(__file__).with_name("gold_words.tsv").read_text(encoding="utf-8")
    words = [line.split("\t")[0] for line in gold.splitlines() if line and line[0] != "#"]
    words += ["kubernetes", "ﬁnder's", "naïve", "filibustering", "x", ""]
    assert len(words) > 300
    for word in words:
        expected = breaks.hyphenation_points(word.lower(), patterns)
        assert breaks.hyphenation_points(word.lower(), table) == expected, word


def test_not_a_table_is_refused() -> None:
    with pytest.raises(ValueError, match="hyphenation table"):
        breaks.PatternTable(b"haikulint-hyph\t1\n")
    with pytest.raises(ValueError, match="hyphenation table"):
        breaks.PatternTable(b"haikulint-hyph\t2\tx\n")


def test_cache_is_built_once(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    breaks.open_table(source, [folder])
    built = list(folder.iterdir())
    assert [path.name for path in built] == [breaks.cache_file_name(source)]
    stamp = built[0].stat().st_mtime_ns
    assert breaks.open_table(source, [folder]).get(".ach") == (4, (4,))
    assert built[0].stat().st_mtime_ns == stamp
    assert list(folder.iterdir()) == built


def test_cache_is_rebuilt_when_the_patterns_change(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    assert breaks.open_table(source, [folder]).get("zy") is None
    source.write_text(SAMPLE + "z1y\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))
    assert breaks.open_table(source, [folder]).get("zy") == (1, (1,))
    assert len(list(folder.iterdir())) == 2  # the old one is kept for a week


def test_a_corrupt_cache_file_is_rebuilt(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / breaks.cache_file_name(source)).write_bytes(b"haikulint-hyph\t2\tgarbage")
    assert breaks.open_table(source, [folder]).get("ba") == (0, (1,))


def test_concurrent_builders_agree(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    results: list[list[int]] = []
    errors: list[BaseException] = []

    def build() -> None:
        try:
            results.append(breaks.hyphenation_points("deploy", breaks.open_table(source, [folder])))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=build) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert results == [[2]] * 8
    assert [path.name for path in folder.iterdir()] == [breaks.cache_file_name(source)]


def test_no_usable_cache_folder_builds_in_memory(source: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    table = breaks.open_table(source, [blocker / "a", blocker / "b"])
    assert breaks.hyphenation_points("deploy", table) == [2]
