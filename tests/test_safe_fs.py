"""safe_fs: atomic writes that never leave the blog root and never replace by surprise."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from haikulint import safe_fs
from haikulint.safe_fs import (
    OutsideRootError,
    SafeFsError,
    TargetExistsError,
    is_inside,
    make_dirs_inside,
    move_inside,
    remove_empty_dirs,
    replace_file,
    write_atomically,
    write_new_file,
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    blog = tmp_path / "blog"
    blog.mkdir()
    return blog


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp"))


def test_write_new_file_makes_the_folders_and_reports_them(root: Path) -> None:
    target = root / "a-" / "-b-" / "-c.md"
    created = write_new_file(root, target, b"hello\r\n")
    assert target.read_bytes() == b"hello\r\n"
    assert created == [root / "a-", root / "a-" / "-b-"]
    assert leftovers(root) == []


def test_write_new_file_never_replaces(root: Path) -> None:
    target = root / "post.md"
    target.write_bytes(b"mine")
    with pytest.raises(TargetExistsError, match=r"post\.md: already exists"):
        write_new_file(root, target, b"theirs")
    assert target.read_bytes() == b"mine"
    assert leftovers(root) == []


def test_write_new_file_removes_the_folders_it_made_when_it_fails(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (root / "file").write_text("not a folder")
    with pytest.raises(NotADirectoryError):
        write_new_file(root, root / "file" / "post.md", b"y")

    def full_disk(_: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_new_file(root, root / "new" / "deeper" / "post.md", b"y")
    assert not (root / "new").exists()


def test_a_link_to_a_folder_outside_is_never_written_through(root: Path, outside: Path) -> None:
    (root / "line-").symlink_to(outside)
    with pytest.raises(OutsideRootError, match="outside the blog root"):
        write_new_file(root, root / "line-" / "-two-" / "-three.md", b"secret")
    assert list(outside.iterdir()) == []


def test_a_link_inside_the_root_is_followed(root: Path) -> None:
    (root / "real").mkdir()
    (root / "alias").symlink_to(root / "real")
    write_new_file(root, root / "alias" / "post.md", b"x")
    assert (root / "real" / "post.md").read_bytes() == b"x"


def test_a_link_loop_is_refused(root: Path) -> None:
    (root / "loop").symlink_to(root / "loop")
    with pytest.raises(OutsideRootError):
        write_new_file(root, root / "loop" / "post.md", b"x")


def test_paths_outside_the_root_are_refused(root: Path, outside: Path) -> None:
    with pytest.raises(OutsideRootError):
        write_new_file(root, outside / "post.md", b"x")
    with pytest.raises(OutsideRootError):
        write_new_file(root, root / ".." / "outside" / "post.md", b"x")
    assert list(outside.iterdir()) == []


def test_make_dirs_inside(root: Path, outside: Path) -> None:
    assert make_dirs_inside(root, root / "x" / "y") == [root / "x", root / "x" / "y"]
    assert make_dirs_inside(root, root / "x" / "y") == []
    (root / "out").symlink_to(outside)
    with pytest.raises(OutsideRootError):
        make_dirs_inside(root, root / "out" / "z")
    assert not (outside / "z").exists()


def test_replace_file_keeps_the_mode_and_is_atomic(root: Path) -> None:
    post = root / "post.md"
    post.write_bytes(b"old")
    post.chmod(0o640)
    replace_file(root, post, b"new")
    assert post.read_bytes() == b"new"
    assert stat.S_IMODE(post.stat().st_mode) == 0o640
    assert leftovers(root) == []


def test_replace_file_refuses_a_link(root: Path, outside: Path) -> None:
    secret = outside / "secret"
    secret.write_text("keep")
    (root / "post.md").symlink_to(secret)
    with pytest.raises(SafeFsError, match="not a regular file"):
        replace_file(root, root / "post.md", b"overwritten")
    assert secret.read_text() == "keep"


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"old": true}')
    post = root / "post.md"
    post.write_text("old post")

    def full_disk(_: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomically(baseline, b"{}")
    with pytest.raises(OSError, match="No space"):
        replace_file(root, post, b"new post")
    with pytest.raises(OSError, match="No space"):
        write_new_file(root, root / "new.md", b"new post")
    assert baseline.read_text() == '{"old": true}'
    assert post.read_text() == "old post"
    assert not (root / "new.md").exists()
    assert leftovers(tmp_path) == []


def test_write_atomically_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "cache.bin"
    write_atomically(target, b"one")
    target.chmod(0o600)
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_only_durable_writes_wait_for_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A baseline is forced to disk before it takes its name; a cache file (not durable)
    is not, and is replaced all the same."""
    synced: list[int] = []
    fsync = os.fsync

    def counted(descriptor: int) -> None:
        synced.append(descriptor)
        fsync(descriptor)

    monkeypatch.setattr(os, "fsync", counted)
    target = tmp_path / "file.bin"
    write_atomically(target, b"one")
    assert len(synced) == 1
    write_atomically(target, b"two", durable=False)
    write_atomically(target, lambda file: file.write(b"three"), durable=False)
    assert len(synced) == 1
    assert target.read_bytes() == b"three"
    assert leftovers(tmp_path) == []


def test_write_atomically_streams_from_a_writer_all_or_nothing(tmp_path: Path) -> None:
    """A writer writes into the new file as it goes; if it fails, the old file stays and
    no temporary file is left behind."""
    target = tmp_path / "cache.bin"
    write_atomically(target, lambda file: [file.write(piece) for piece in (b"a", b"b")])
    assert target.read_bytes() == b"ab"

    def failing(file: BinaryIO) -> None:
        file.write(b"half")
        raise ValueError("cannot pickle this")

    with pytest.raises(ValueError, match="cannot pickle"):
        write_atomically(target, failing)
    assert target.read_bytes() == b"ab"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("without_renameat2", [False, True])
def test_move_inside_moves_files_and_folders(
    root: Path, monkeypatch: pytest.MonkeyPatch, without_renameat2: bool
) -> None:
    if without_renameat2:
        monkeypatch.setattr(safe_fs, "_rename_noreplace", lambda *_: False)
    (root / "a").mkdir()
    (root / "a" / "post.md").write_text("post")
    created = move_inside(root, root / "a" / "post.md", root / "b" / "c" / "post.md")
    assert created == [root / "b", root / "b" / "c"]
    assert (root / "b" / "c" / "post.md").read_text() == "post"
    assert not (root / "a" / "post.md").exists()
    bundle = root / "bundle"
    bundle.mkdir()
    (bundle / "index.md").write_text("bundle")
    move_inside(root, bundle, root / "x" / "bundle")
    assert (root / "x" / "bundle" / "index.md").read_text() == "bundle"


@pytest.mark.parametrize("without_renameat2", [False, True])
def test_move_inside_never_replaces(
    root: Path, monkeypatch: pytest.MonkeyPatch, without_renameat2: bool
) -> None:
    if without_renameat2:
        monkeypatch.setattr(safe_fs, "_rename_noreplace", lambda *_: False)
    (root / "one.md").write_text("one")
    (root / "two.md").write_text("two")
    with pytest.raises(TargetExistsError):
        move_inside(root, root / "one.md", root / "two.md")
    (root / "folder").mkdir()
    (root / "empty").mkdir()
    with pytest.raises(TargetExistsError):
        move_inside(root, root / "folder", root / "empty")
    assert (root / "one.md").read_text() == "one"
    assert (root / "two.md").read_text() == "two"
    assert (root / "folder").is_dir()


def test_move_inside_refuses_to_leave_the_root(root: Path, outside: Path) -> None:
    (root / "post.md").write_text("post")
    (root / "out").symlink_to(outside)
    with pytest.raises(OutsideRootError):
        move_inside(root, root / "post.md", root / "out" / "post.md")
    with pytest.raises(OutsideRootError):
        move_inside(root, root / "post.md", outside / "post.md")
    assert (root / "post.md").exists()
    assert list(outside.iterdir()) == []


def test_remove_empty_dirs_stops_at_a_non_empty_folder_and_the_root(root: Path) -> None:
    (root / "a" / "b" / "c").mkdir(parents=True)
    (root / "a" / "keep.md").write_text("x")
    assert remove_empty_dirs(root, root / "a" / "b" / "c") == [
        root / "a" / "b" / "c",
        root / "a" / "b",
    ]
    assert (root / "a" / "keep.md").exists()
    (root / "d").mkdir()
    assert remove_empty_dirs(root, root / "d") == [root / "d"]
    assert root.is_dir()
    assert remove_empty_dirs(root, root) == []


def test_is_inside(root: Path, outside: Path) -> None:
    (root / "out").symlink_to(outside)
    assert is_inside(root, root / "x" / "y")
    assert is_inside(root, root)
    assert not is_inside(root, root / "out" / "y")
    assert not is_inside(root, root.parent / "blog-other")


def test_relative_working_folder(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root.parent)
    write_new_file(Path("blog"), Path("blog") / "p.md", b"x")
    assert (root / "p.md").read_bytes() == b"x"
    assert os.listdir(root) == ["p.md"]
