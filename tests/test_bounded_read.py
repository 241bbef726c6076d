"""``bounded_read.read_document``: read, parse, and one line naming the file on failure."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from haikulint.bounded_read import MAX_CONFIG_SIZE, parse_json, parse_toml, read_document


class Refused(Exception):
    """The caller's own error class, which read_document must raise."""


def _read(path: Path, parse: Callable[[str], object] = parse_toml, invalid: str = "{}") -> object:
    return read_document(
        path, MAX_CONFIG_SIZE, parse, what="rule file", fail=Refused, invalid=invalid
    )


def test_a_document_is_read_and_parsed(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('code = "XX001"\n', encoding="utf-8")
    assert _read(tmp_path / "a.toml") == {"code": "XX001"}


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: path.mkdir(), "{path}: cannot read rule file (it is a folder, not a file)"),
        (
            lambda path: path.write_bytes(b"code = '\xe9'\n"),
            "{path}: cannot read rule file (not UTF-8 text (byte 0xe9 on line 1); "
            "save it as UTF-8)",
        ),
        (
            lambda path: path.write_text("code = \n", encoding="utf-8"),
            "{path}: invalid TOML (Invalid value (at line 1, column 8))",
        ),
    ],
)
def test_a_failure_is_the_callers_error_naming_the_file(
    tmp_path: Path, make: Callable[[Path], object], message: str
) -> None:
    path = tmp_path / "a.toml"
    make(path)
    with pytest.raises(Refused) as refused:
        _read(path)
    assert str(refused.value) == message.format(path=path)


def test_what_an_unparsable_file_is_called_is_the_callers(tmp_path: Path) -> None:
    (tmp_path / "b.json").write_text("[1,", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        _read(tmp_path / "b.json", parse_json, invalid="not a haikulint baseline ({})")
    assert str(refused.value).startswith(
        f"{tmp_path / 'b.json'}: not a haikulint baseline (invalid JSON ("
    )


def test_a_post_read_carries_the_stat_the_cache_keys_it_on(tmp_path: Path) -> None:
    """``read_post_file`` gives the open file's (size, mtime_ns): what ``os.stat`` of the
    path gives, through a link inside the root too, so the engine need not stat again."""
    from haikulint.blog.discover import PostFile
    from haikulint.blog.post import read_post
    from haikulint.bounded_read import MAX_POST_SIZE, read_post_file

    post = tmp_path / "a-b-c.md"
    post.write_text("---\ntitle: A\n---\n\nText.\n", encoding="utf-8")
    link = tmp_path / "d-e-f.md"
    link.symlink_to(post)
    for path in (post, link):
        status = os.stat(path)
        data, stat = read_post_file(str(path), tmp_path, MAX_POST_SIZE)
        assert data == post.read_bytes()
        assert stat == (status.st_size, status.st_mtime_ns)
        read = read_post(PostFile(str(path), tmp_path))
        assert read.read_error is None
        assert read.file_stat == stat
    binary = tmp_path / "g-h-i.md"
    binary.write_bytes(b"\x00\x01")
    status = binary.stat()
    read = read_post(PostFile(str(binary), tmp_path))
    assert read.read_error is not None  # read, but no text: still keyed on what was read
    assert read.file_stat == (status.st_size, status.st_mtime_ns)
    assert read_post(PostFile(str(tmp_path / "gone.md"), tmp_path)).file_stat is None
    assert read_post(PostFile(str(tmp_path), tmp_path)).file_stat is None  # a folder
