from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from haikulint.prosody import cache, cmu

SAMPLE = """\
;;; a comment line
'bout B AW1 T
aalborg AO1 L B AO0 R G # place, danish
every EH1 V ER0 IY0
every(2) EH1 V R IY0
fire F AY1 ER0
fire(2) F AY1 R
hours AW1 ER0 Z
hours(2) AW1 R Z
zebra Z IY1 B R AH0
"""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "src" / "cmudict.dict"
    path.parent.mkdir()
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_parse_counts_stressed_phones_and_merges_variants() -> None:
    table = cmu.parse_cmudict(SAMPLE.splitlines())
    assert table["every"] == {2, 3}
    assert table["hours"] == {1, 2}
    assert table["aalborg"] == {2}
    assert table["'bout"] == {1}
    assert ";;;" not in table


def test_lookup_finds_every_entry_and_nothing_else() -> None:
    table = cmu.parse_cmudict(SAMPLE.splitlines())
    lookup = cmu.CmuLookup(cmu.serialize(table))
    for word, counts in table.items():
        assert lookup.counts(word) == tuple(sorted(counts))
    for missing in ("", "a", "evers", "zzz", "aaa", "fire(2)", "tab\tword"):
        assert lookup.counts(missing) == ()


def test_installed_dictionary_is_found_and_read() -> None:
    lookup = cmu.default_lookup()
    assert lookup is not None
    assert lookup.counts("hours") == (1, 2)
    assert lookup.counts("every") == (2, 3)


def test_cache_is_built_once(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cmu.open_lookup(source, [folder])
    built = list(folder.iterdir())
    assert [path.name for path in built] == [cmu.cache_file_name(source)]
    stamp = built[0].stat().st_mtime_ns
    lookup = cmu.open_lookup(source, [folder])
    assert lookup.counts("fire") == (1, 2)
    assert built[0].stat().st_mtime_ns == stamp
    assert list(folder.iterdir()) == built


def test_cache_is_rebuilt_when_the_dictionary_changes(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    assert cmu.open_lookup(source, [folder]).counts("zebra") == (2,)
    source.write_text(SAMPLE + "zebras Z IY1 B R AH0 Z\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))
    assert cmu.open_lookup(source, [folder]).counts("zebras") == (2,)
    assert len(list(folder.iterdir())) == 2  # the old one is kept for a week


def test_a_reinstall_with_the_same_content_reuses_the_table(source: Path, tmp_path: Path) -> None:
    """A new venv or pre-commit environment installs the same dictionary with a new
    mtime: the table is keyed on content, so it is not built again."""
    folder = tmp_path / "cache"
    cmu.open_lookup(source, [folder])
    (built,) = folder.iterdir()
    stamp = built.stat().st_mtime_ns
    reinstalled = source.with_name("copy.dict")
    reinstalled.write_bytes(source.read_bytes())
    source.unlink()
    reinstalled.rename(source)
    os.utime(source, ns=(10**18, 10**18))
    assert cmu.cache_file_name(source) == built.name
    assert cmu.open_lookup(source, [folder]).counts("fire") == (1, 2)
    assert list(folder.iterdir()) == [built]
    assert built.stat().st_mtime_ns == stamp


def test_a_corrupt_cache_file_is_rebuilt(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / cmu.cache_file_name(source)).write_bytes(b"garbage")
    assert cmu.open_lookup(source, [folder]).counts("hours") == (1, 2)


def test_concurrent_builders_agree(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    results: list[tuple[int, ...]] = []
    errors: list[BaseException] = []

    def build() -> None:
        try:
            results.append(cmu.open_lookup(source, [folder]).counts("every"))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=build) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert results == [(2, 3)] * 8
    assert [path.name for path in folder.iterdir()] == [cmu.cache_file_name(source)]


def test_unwritable_cache_folder_falls_back(source: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    second = tmp_path / "second"
    lookup = cmu.open_lookup(source, [blocker / "haikulint", second])
    assert lookup.counts("hours") == (1, 2)
    assert (second / cmu.cache_file_name(source)).is_file()


def test_no_usable_folder_builds_in_memory(source: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    assert cmu.open_lookup(source, [blocker / "a", blocker / "b"]).counts("fire") == (1, 2)


def test_cache_folders_follow_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "explicit"))
    assert next(cache.candidate_dirs()) == tmp_path / "explicit"
    monkeypatch.delenv(cache.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert next(cache.candidate_dirs()) == tmp_path / "xdg" / "haikulint"
    folders = list(cache.candidate_dirs())
    assert len(folders) == 2 and folders[1].name.startswith("haikulint-")


def test_importing_the_engine_loads_no_data() -> None:
    import subprocess
    import sys

    code = (
        "import sys, haikulint.prosody, haikulint.prosody.count, haikulint.commands.syllables; "
        "from haikulint.prosody import cmu; "
        "assert cmu._default is None and not cmu._default_loaded; "
        "assert 'cmudict' not in sys.modules and 'syllables' not in sys.modules; "
        "assert 'pyphen' not in sys.modules and 'rich' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_writing_a_new_version_removes_week_old_versions_of_that_entry(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    stale = folder / "table-v1-10-111.tsv"
    recent = folder / "table-v1-11-333.tsv"  # maybe another installation's, in use
    other_entry = folder / "tablet-v1-10-111.tsv"
    for path in (stale, recent, other_entry):
        path.write_bytes(b"old")
    week_and_a_day = cache.STALE_AFTER_SECONDS + 24 * 3600
    for path in (stale, other_entry):
        os.utime(path, (path.stat().st_atime - week_and_a_day,) * 2)
    data = cache.load("table-v1-12-222.tsv", lambda: b"new", lambda data: True, [folder])
    assert bytes(data) == b"new"
    assert sorted(path.name for path in folder.iterdir()) == [
        "table-v1-11-333.tsv",
        "table-v1-12-222.tsv",
        "tablet-v1-10-111.tsv",
    ]


def test_a_cache_folder_owned_by_someone_else_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "table-v1-1-1.tsv").write_bytes(b"planted")
    monkeypatch.setattr(cache, "_owned_by_us", lambda path: False)
    data = cache.load("table-v1-1-1.tsv", lambda: b"built", lambda data: True, [folder])
    assert bytes(data) == b"built"


def test_the_data_key_changes_with_the_phonology_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cached check results key on it: new rules must not be read through old results."""
    from haikulint.prosody import count, phonology

    before = count.data_key()
    monkeypatch.setattr(phonology, "RULES_VERSION", phonology.RULES_VERSION + 1)
    assert count.data_key() != before
