"""Writing files inside a blog root: atomically, never through a link that leaves it.

Every file haikulint writes goes through this module: new posts (``new``), fixed
posts and renames (``check --fix``, ``mv``), and files outside any blog (baselines,
caches) through :func:`write_atomically`.

Inside a root, every folder is entered with ``O_NOFOLLOW`` relative to the one
above it (``openat``), starting from the root's own descriptor, so a link swapped in
while we work cannot redirect a write: the kernel refuses to follow it. A link
that leads to another place inside the root is followed (its target is resolved
and the walk starts again from the root); one that leads outside is refused with
:class:`OutsideRootError`. Files are written to a hidden temporary file in their
own folder, flushed to disk, then put in place by ``link`` (create-only: fails if
the name exists) or ``rename`` (replace), so a reader never sees half a file.

Everything here is low-level and knows nothing of posts or rules, so the scaffold,
the fix stage, baselines and caches can all stand on it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "OutsideRootError",
    "SafeFsError",
    "TargetExistsError",
    "is_inside",
    "make_dirs_inside",
    "move_inside",
    "remove_empty_dirs",
    "replace_file",
    "write_atomically",
    "write_new_file",
]

_MAX_LINK_HOPS = 40
"""As many links as the kernel follows in one path before ``ELOOP``."""

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


class SafeFsError(Exception):
    """A write refused to keep the blog safe; the message is one line naming the path."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class OutsideRootError(SafeFsError):
    """The path, or a link on the way to it, leads outside the root."""

    def __init__(self, path: Path, root: Path) -> None:
        super().__init__(path, f"leads outside the blog root {root}")
        self.root = root


class TargetExistsError(SafeFsError):
    """Something is already at the path; haikulint never replaces what it was not asked to."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "already exists")


def is_inside(root: Path, path: Path) -> bool:
    """Whether the real location of ``path`` is ``root``'s real location or below it."""
    real_root = os.path.realpath(root)
    real_path = os.path.realpath(path)
    return real_path == real_root or real_path.startswith(real_root.rstrip(os.sep) + os.sep)


def _relative_parts(root: Path, path: Path) -> tuple[str, ...]:
    """``path``'s components below ``root``, or :class:`OutsideRootError`.

    ``..`` is resolved lexically: that is sound because the walk never follows a
    link without checking where it leads.
    """
    absolute = Path(os.path.abspath(path))
    for base in (Path(os.path.abspath(root)), Path(os.path.realpath(root))):
        with contextlib.suppress(ValueError):
            return absolute.relative_to(base).parts
    raise OutsideRootError(path, root)


def _open_root(root: Path) -> int:
    try:
        return os.open(root, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    except NotADirectoryError:
        raise SafeFsError(root, "the blog root is not a folder") from None


@contextlib.contextmanager
def _folder(root: Path, folder: Path, *, create: bool) -> Iterator[tuple[int, list[Path]]]:
    """A descriptor for ``folder`` reached from ``root`` without leaving it.

    With ``create``, missing folders are made one at a time (each entered with
    ``O_NOFOLLOW`` right after ``mkdirat``); yields the descriptor and the folders
    made, outermost first. Missing folders without ``create`` raise
    :class:`FileNotFoundError`.
    """
    created: list[Path] = []
    parts = list(_relative_parts(root, folder))
    hops = 0
    descriptor = _open_root(root)
    try:
        index = 0
        while index < len(parts):
            name = parts[index]
            here = Path(root, *parts[: index + 1])
            try:
                child = os.open(name, _DIR_FLAGS, dir_fd=descriptor)
            except FileNotFoundError:
                if not create:
                    raise
                try:
                    os.mkdir(name, 0o777, dir_fd=descriptor)
                    created.append(here)
                except FileExistsError:  # a concurrent run made it: enter it, not ours
                    pass
                continue
            except OSError as error:
                if error.errno not in (errno.ELOOP, errno.ENOTDIR):
                    raise
                if not stat.S_ISLNK(
                    os.stat(name, dir_fd=descriptor, follow_symlinks=False).st_mode
                ):
                    raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(here)) from None
                hops += 1
                if hops > _MAX_LINK_HOPS:
                    raise OutsideRootError(here, root) from None
                target = Path(os.path.realpath(here))
                if not is_inside(root, target):
                    raise OutsideRootError(here, root) from None
                # Follow a link that stays inside: start again from the root along
                # the link's real path (the check above and the walk both see it).
                parts = [
                    *_relative_parts(Path(os.path.realpath(root)), target),
                    *parts[index + 1 :],
                ]
                os.close(descriptor)
                descriptor = _open_root(Path(os.path.realpath(root)))
                index = 0
                continue
            os.close(descriptor)
            descriptor = child
            index += 1
        yield descriptor, created
    except BaseException:
        _remove_created(root, created)
        raise
    finally:
        os.close(descriptor)


def _remove_created(root: Path, created: list[Path]) -> None:
    for folder in reversed(created):
        try:
            with _folder(root, folder.parent, create=False) as (parent, _):
                os.rmdir(folder.name, dir_fd=parent)
        except OSError:  # not empty (a concurrent run wrote there) or gone already
            return


def make_dirs_inside(root: Path, folder: Path) -> list[Path]:
    """``mkdir -p folder`` without leaving ``root``; returns the folders made, outermost first."""
    with _folder(root, folder, create=True) as (_, created):
        return list(created)


Writer = Callable[[BinaryIO], object]
"""Writes a file's content to the open file it is given, as it makes it."""


def _write_temporary(
    folder: int, name: str, data: bytes | Writer, mode: int, *, durable: bool = True
) -> str:
    """Write ``data`` (or what the writer ``data`` writes) to a new hidden file beside
    ``name``, flushed to disk (with ``durable``; else left to the system); its name."""
    # os.urandom is what secrets.token_hex reads; importing secrets (random, hmac,
    # OpenSSL) cost a pre-commit run that writes its cache 5-10 ms.
    temporary = f".{name[:40]}.haikulint-{os.urandom(6).hex()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    handle = os.open(temporary, flags, mode, dir_fd=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            if mode != 0o666:
                os.fchmod(file.fileno(), mode)
            if isinstance(data, bytes | bytearray | memoryview):
                file.write(data)
            else:
                data(file)
            file.flush()
            if durable:
                os.fsync(file.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
        raise
    return temporary


def write_new_file(root: Path, path: Path, data: bytes) -> list[Path]:
    """Create ``path`` holding ``data``, never replacing anything; the folders made.

    The file appears whole or not at all (``link`` of a flushed temporary file; where
    the file system has no hard links, the name is reserved with ``O_EXCL`` and the
    temporary file renamed over it). Raises :class:`TargetExistsError` if the name
    is taken, :class:`OutsideRootError` if the path leaves ``root``; folders this
    call made are removed again on failure.
    """
    path = Path(path)
    with _folder(root, path.parent, create=True) as (folder, created):
        temporary = _write_temporary(folder, path.name, data, 0o666)
        try:
            try:
                os.link(temporary, path.name, src_dir_fd=folder, dst_dir_fd=folder)
            except FileExistsError:
                raise TargetExistsError(path) from None
            except OSError as error:
                if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
                    raise
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                try:
                    os.close(os.open(path.name, flags, 0o666, dir_fd=folder))
                except FileExistsError:
                    raise TargetExistsError(path) from None
                os.replace(temporary, path.name, src_dir_fd=folder, dst_dir_fd=folder)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary, dir_fd=folder)
        return list(created)


def replace_file(root: Path, path: Path, data: bytes) -> None:
    """Atomically replace the regular file ``path`` under ``root`` with ``data``, keeping its mode.

    Refuses a link (:class:`SafeFsError`) and anything outside ``root``.
    """
    path = Path(path)
    with _folder(root, path.parent, create=False) as (folder, _):
        status = os.stat(path.name, dir_fd=folder, follow_symlinks=False)
        if not stat.S_ISREG(status.st_mode):
            raise SafeFsError(path, "is not a regular file; it was left as it is")
        temporary = _write_temporary(folder, path.name, data, stat.S_IMODE(status.st_mode))
        try:
            os.replace(temporary, path.name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=folder)
            raise


def write_atomically(path: Path, data: bytes | Writer, *, durable: bool = True) -> None:
    """Replace or create ``path`` (a baseline, a cache file) with ``data``, all or nothing.
    ``data`` may be a :data:`Writer`, so that a large file is never whole in memory; an
    exception it raises leaves ``path`` as it was.

    The old file, if any, is untouched unless the new one is complete on disk; its
    mode is kept. Not for files inside a blog root: use :func:`replace_file`. Without
    ``durable`` the new file is not forced to disk before it takes the name (``fsync``
    costs a pre-commit run 1-10 ms of waiting): for a cache, which a crash may then
    leave empty or torn, and whose reader ignores such a file.
    """
    path = Path(path)
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    try:
        try:
            mode = stat.S_IMODE(os.stat(path.name, dir_fd=folder).st_mode)
        except FileNotFoundError:
            mode = 0o666
        temporary = _write_temporary(folder, path.name, data, mode, durable=durable)
        try:
            os.replace(temporary, path.name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=folder)
            raise
    finally:
        os.close(folder)


_RENAME_NOREPLACE = 1


def _rename_noreplace(source_dir: int, source: str, target_dir: int, target: str) -> bool:
    """``renameat2(..., RENAME_NOREPLACE)`` where the C library has it; False where not."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(
        source_dir, os.fsencode(source), target_dir, os.fsencode(target), _RENAME_NOREPLACE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), target)


def move_inside(root: Path, source: Path, target: Path) -> list[Path]:
    """Move the file or folder ``source`` to ``target``, both under ``root``; the folders made.

    Never replaces anything (:class:`TargetExistsError`); the target's folders are
    made inside the root (and removed again if the move fails).
    """
    source, target = Path(source), Path(target)
    with _folder(root, source.parent, create=False) as (source_dir, _):
        status = os.stat(source.name, dir_fd=source_dir, follow_symlinks=False)
        with _folder(root, target.parent, create=True) as (target_dir, created):
            if _exists(target_dir, target.name):
                raise TargetExistsError(target)
            try:
                moved = _rename_noreplace(source_dir, source.name, target_dir, target.name)
            except FileExistsError:
                raise TargetExistsError(target) from None
            if not moved:
                _move_without_renameat2(source_dir, source, target_dir, target, status)
            return list(created)


def _move_without_renameat2(
    source_dir: int, source: Path, target_dir: int, target: Path, status: os.stat_result
) -> None:
    if stat.S_ISDIR(status.st_mode):
        # rename() would replace an empty folder at the target: checked just above;
        # a folder made there in between is the only window left.
        if _exists(target_dir, target.name):
            raise TargetExistsError(target)
        os.rename(source.name, target.name, src_dir_fd=source_dir, dst_dir_fd=target_dir)
        return
    try:
        os.link(source.name, target.name, src_dir_fd=source_dir, dst_dir_fd=target_dir)
    except FileExistsError:
        raise TargetExistsError(target) from None
    os.unlink(source.name, dir_fd=source_dir)


def _exists(folder: int, name: str) -> bool:
    try:
        os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def remove_empty_dirs(root: Path, folder: Path) -> list[Path]:
    """Remove ``folder`` and then each parent that is left empty, stopping below ``root``.

    Only empty folders go (``rmdir`` refuses the others); the root itself is never
    removed. Returns the folders removed, innermost first.
    """
    removed: list[Path] = []
    parts = _relative_parts(root, folder)
    while parts:
        here = Path(root, *parts)
        try:
            with _folder(root, here.parent, create=False) as (parent, _):
                os.rmdir(parts[-1], dir_fd=parent)
        except OSError:  # not empty, not a folder, or gone: stop here
            break
        removed.append(here)
        parts = parts[:-1]
    return removed
