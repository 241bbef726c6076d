"""Values kept between runs (``haikulint.remembered``): made once for a text, made again for
another, never trusted when the stored file is corrupt or not ours; and the config file
parsed through it, which must read exactly as parsing it does."""

from __future__ import annotations

import os
import pickle
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from haikulint.bounded_read import parse_toml
from haikulint.config import load_config
from haikulint.errors import ConfigError
from haikulint.remembered import remembered


def stored(folder: Path, entry: str) -> list[Path]:
    return sorted(folder.glob(f"{entry}-v*.pickle"))


class Maker:
    """``make``: counts its calls, and gives ``value``."""

    def __init__(self, value: dict[str, object]) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> dict[str, object]:
        self.calls += 1
        return self.value


def test_made_once_for_a_text_and_again_for_another(cache_dir: Path) -> None:
    make = Maker({"a": [1, 2], "when": date(2024, 1, 2)})
    assert remembered("thing", "text one", make, dict) == make.value
    assert remembered("thing", "text one", make, dict) == make.value
    assert make.calls == 1
    assert remembered("thing", "text two", make, dict) == make.value
    assert make.calls == 2
    assert len(stored(cache_dir, "thing")) == 2


@pytest.mark.parametrize(
    "content",
    [b"", b"garbage", pickle.dumps(["a list"]), pickle.dumps({"a": 1})[:-3]],
    ids=["empty", "garbage", "another-kind", "truncated"],
)
def test_a_bad_stored_file_is_made_again_and_replaced(cache_dir: Path, content: bytes) -> None:
    make = Maker({"a": 1})
    remembered("thing", "text", make, dict)
    (path,) = stored(cache_dir, "thing")
    path.write_bytes(content)
    assert remembered("thing", "text", make, dict) == {"a": 1}
    assert remembered("thing", "text", make, dict) == {"a": 1}
    assert make.calls == 2


def test_a_stored_file_that_would_run_code_is_not_run(cache_dir: Path, tmp_path: Path) -> None:
    make = Maker({"a": 1})
    remembered("thing", "text", make, dict)
    (path,) = stored(cache_dir, "thing")
    planted = tmp_path / "planted"
    path.write_bytes(pickle.dumps({"a": _Touches(planted)}))
    assert remembered("thing", "text", make, dict) == {"a": 1}
    assert not planted.exists()


class _Touches:
    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return (os.system, (f"touch {self.path}",))


def test_a_failure_to_make_is_not_stored(cache_dir: Path) -> None:
    def fails() -> dict[str, int]:
        raise ConfigError("bad")

    for _ in range(2):
        with pytest.raises(ConfigError, match="bad"):
            remembered("thing", "text", fails, dict)
    assert stored(cache_dir, "thing") == []


@pytest.mark.usefixtures("no_writable_cache_folder")
def test_no_writable_folder_makes_it_every_time() -> None:
    make = Maker({"a": 1})
    assert remembered("thing", "text", make, dict) == {"a": 1}
    assert remembered("thing", "text", make, dict) == {"a": 1}
    assert make.calls == 2


CONFIG = """\
root = "posts"
form = [5, 7, 5]
words = {{ kubectl = [3] }}
max-post-size = "{size}"
[per-file-ignores]
"drafts/**" = ["HK1"]
"""


def test_a_config_edited_in_place_is_read_again(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same size, same mtime, other text: what counts is the text."""
    monkeypatch.chdir(tmp_path)
    config_file = tmp_path / "haikulint.toml"
    config_file.write_text(CONFIG.format(size="1 MB"), encoding="utf-8")
    assert load_config().max_post_size == 1 << 20
    assert load_config().max_post_size == 1 << 20
    status = config_file.stat()
    config_file.write_text(CONFIG.format(size="2 MB"), encoding="utf-8")
    os.utime(config_file, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert load_config().max_post_size == 2 << 20
    assert len(stored(cache_dir, "config")) == 2


def test_a_stored_table_is_what_parsing_gives(tmp_path: Path, cache_dir: Path) -> None:
    """Every kind of TOML value comes back equal, and of the same type."""
    text = (
        'title = "T"\nn = 3\nx = 1.5\ninf = inf\nyes = true\nday = 2024-01-02\n'
        "at = 2024-01-02T03:04:05+01:30\nlocal = 2024-01-02T03:04:05\nclock = 03:04:05\n"
        "[table]\nlist = [1, [2, 3], {a = 1}]\n[[array]]\nb = 2\n"
    )
    config_file = tmp_path / "pyproject.toml"
    config_file.write_text(text, encoding="utf-8")
    from haikulint.config import _load_toml

    expected = parse_toml(text)
    assert expected["at"] == datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(minutes=90)))
    assert expected["clock"] == time(3, 4, 5)
    for _ in range(2):
        table = _load_toml(config_file)
        assert table == expected
        assert repr(table) == repr(expected)


def test_an_invalid_config_is_an_error_every_time(tmp_path: Path, cache_dir: Path) -> None:
    config_file = tmp_path / "haikulint.toml"
    config_file.write_text('root = "posts\n', encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError, match=r"haikulint\.toml: invalid TOML"):
            load_config(config_file)
    assert stored(cache_dir, "config") == []


def test_another_python_is_another_table(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tomllib belongs to the Python running: another version parses for itself."""
    config_file = tmp_path / "haikulint.toml"
    config_file.write_text('root = "posts"\n', encoding="utf-8")
    load_config(config_file)
    monkeypatch.setattr(sys, "version", sys.version + " (another)")
    load_config(config_file)
    assert len(stored(cache_dir, "config")) == 2
