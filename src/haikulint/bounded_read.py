"""Reading what the user's files hold: regular files only, within a size, never past the root.

Every file haikulint reads from the user (posts, configs, words files, baselines,
rule files, ``.gitignore``) goes through :func:`read_bytes`, so no input can
hang a run, exhaust its memory or leak what lies outside the blog:

* A file is opened with ``O_NONBLOCK`` (a FIFO opens at once instead of waiting for a
  writer) and ``O_NOCTTY``, then ``fstat``-ed: only a regular file is read; a folder,
  FIFO, socket or device is named and refused.
* Its size is checked before a byte is read, and the read stops one byte past the
  limit (a file growing while read, ``/dev/zero`` behind a link): larger is a
  one-line refusal, never a ``MemoryError``.
* :func:`read_post_bytes` reads a post only if its real location is inside the blog
  root: the last component is opened with ``O_NOFOLLOW`` (a link is resolved and
  judged first), and the file actually opened is checked through ``/proc/self/fd``,
  so a folder swapped for a link after the walk cannot lead the read outside.

The parsers' own failures on hostile input (a TOML or JSON integer of thousands of
digits, arrays nested thousands deep) are turned into one-line :class:`InputError` s
by :func:`parse_toml` and :func:`parse_json`. :func:`read_document` reads and parses
a config, rule or baseline file, and words any failure as one line naming the file.

Imports only the standard library; every layer may use it.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = [
    "MAX_BASELINE_SIZE",
    "MAX_CONFIG_SIZE",
    "MAX_POST_SIZE",
    "MAX_WORDS_SIZE",
    "InputError",
    "format_size",
    "parse_json",
    "parse_toml",
    "read_bytes",
    "read_document",
    "read_post_bytes",
    "read_post_file",
    "read_text",
]

MAX_POST_SIZE = 4 * 1024 * 1024
"""The default ``max-post-size``: a post larger than this is a diagnostic, not a read."""
MAX_CONFIG_SIZE = 1024 * 1024
"""A config file, a rule file or a ``.gitignore`` larger than this is refused."""
MAX_WORDS_SIZE = 16 * 1024 * 1024
"""A ``words-file`` larger than this is refused (the CMU dictionary itself is 3.6 MB)."""
MAX_BASELINE_SIZE = 256 * 1024 * 1024
"""A baseline larger than this is refused (100,000 problems take about 20 MB)."""

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_OPEN_FLAGS |= getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CHUNK = 1 << 20
_Parsed = TypeVar("_Parsed")


class InputError(Exception):
    """A file that cannot be read or parsed; the message is one line, without the path."""


def format_size(size: int) -> str:
    """``4 MB``, ``1.5 kB``, ``12 bytes``: a size for a message."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit``), else :class:`InputError`."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise InputError(_open_failure(path, error)) from None
    try:
        return _read_open_file(descriptor, limit)
    finally:
        os.close(descriptor)


def read_text(path: str | os.PathLike[str], limit: int, *, errors: str = "strict") -> str:
    """:func:`read_bytes` decoded as UTF-8 (a BOM allowed), else :class:`InputError`."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8-sig", errors)
    except UnicodeDecodeError as error:
        raise InputError(undecodable(data, error)) from None


def undecodable(data: bytes, error: UnicodeDecodeError) -> str:
    """Why ``data`` is not UTF-8, in a writer's words: which byte, on which line."""
    line = data.count(b"\n", 0, error.start) + 1
    return f"not UTF-8 text (byte 0x{data[error.start]:02x} on line {line}); save it as UTF-8"


def read_post_bytes(path: str, root: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the post file ``path``, read only if it really lies inside ``root``.

    A link named ``path`` is followed only to a file inside ``root``; whatever the
    way there, the file opened is checked to be inside ``root`` before it is read.
    Raises :class:`InputError` with the reason a post cannot be read.
    """
    return read_post_file(path, root, limit)[0]


def read_post_file(
    path: str, root: str | os.PathLike[str], limit: int
) -> tuple[bytes, tuple[int, int]]:
    """:func:`read_post_bytes`, and the file's ``(size, mtime_ns)`` as the open file's
    fstat gave them just before it was read: what the result cache keys a post on, so
    that a run need not stat each post it reads a second time (10,000 stat calls a cold
    run of 10,000 posts)."""
    real_root = _real_root(os.fspath(root), os.getcwd() if not os.path.isabs(root) else "")
    try:
        descriptor = os.open(path, _OPEN_FLAGS | _NOFOLLOW)
    except OSError as error:
        if error.errno not in (errno.ELOOP, errno.EMLINK) or not os.path.islink(path):
            raise InputError(_open_failure(path, error)) from None
        # The last component is a link: judge where it leads before opening anything.
        target = os.path.realpath(path)
        if not _inside(real_root, target) and os.path.exists(target):
            raise InputError(OUTSIDE_ROOT) from None
        try:
            descriptor = os.open(target, _OPEN_FLAGS | _NOFOLLOW)
        except OSError as error:
            raise InputError(_open_failure(path, error)) from None
    try:
        opened = _opened_path(descriptor)
        if opened is not None and not _inside(real_root, opened):
            raise InputError(OUTSIDE_ROOT)
        return _read_open_file_and_stat(descriptor, limit)
    finally:
        os.close(descriptor)


OUTSIDE_ROOT = "a symbolic link that leads outside the blog root; it was not read"


@functools.cache
def toml_module() -> Any:
    """``tomllib`` (``tomli`` before Python 3.11), imported at first use, not at start-up:
    a run whose config, rules and headers are all kept parsed or are YAML never needs it."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    return tomllib


def parse_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads``, every failure (a huge integer, deep nesting) an :class:`InputError`."""
    tomllib = toml_module()
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"invalid TOML ({error})") from None
    except RecursionError:
        raise InputError("invalid TOML (values nested too deeply)") from None
    except ValueError as error:  # an integer past Python's 4,300-digit limit
        raise InputError(f"invalid TOML ({_value_error(error)})") from None
    return data


def parse_json(text: str) -> Any:
    """``json.loads``, every failure (a huge integer, deep nesting) an :class:`InputError`."""
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"invalid JSON ({error})") from None
    except RecursionError:
        raise InputError("invalid JSON (values nested too deeply)") from None
    except ValueError as error:
        raise InputError(f"invalid JSON ({_value_error(error)})") from None


def read_document(
    path: str | os.PathLike[str],
    limit: int,
    parse: Callable[[str], _Parsed],
    *,
    what: str,
    fail: Callable[[str], Exception],
    invalid: str = "{}",
    errors: str = "strict",
) -> _Parsed:
    """The file ``path`` read as :func:`read_text` does and parsed by ``parse``
    (:func:`parse_toml`, :func:`parse_json`).

    A failure raises the caller's own error, ``fail(message)``, with a one-line message
    that names the file: ``PATH: cannot read WHAT (why)``, or ``PATH: `` and ``invalid``
    with the parser's reason in place of ``{}``.
    """
    try:
        text = read_text(path, limit, errors=errors)
    except InputError as error:
        raise fail(f"{os.fspath(path)}: cannot read {what} ({error})") from None
    try:
        return parse(text)
    except InputError as error:
        raise fail(f"{os.fspath(path)}: {invalid.format(error)}") from None


def _value_error(error: ValueError) -> str:
    if "digits" in str(error):
        return "a number with thousands of digits"
    return str(error).split("\n", 1)[0]


def _read_open_file(descriptor: int, limit: int) -> bytes:
    return _read_open_file_and_stat(descriptor, limit)[0]


def _read_open_file_and_stat(descriptor: int, limit: int) -> tuple[bytes, tuple[int, int]]:
    """The open file's bytes (see :func:`read_bytes`) and its size and mtime_ns as
    fstat gave them before the read."""
    status = os.fstat(descriptor)
    if stat.S_ISDIR(status.st_mode):
        raise InputError("it is a folder, not a file")
    if not stat.S_ISREG(status.st_mode):
        raise InputError(f"{file_kind(status.st_mode)}, not a regular file")
    if status.st_size > limit:
        raise InputError(_too_large(status.st_size, limit))
    try:
        data = os.read(descriptor, status.st_size + 1)  # most files: one read, to the end
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror or error})") from None
    stat_seen = (status.st_size, status.st_mtime_ns)
    if len(data) <= status.st_size:
        return data, stat_seen
    chunks = [data]  # it grew since fstat: read on, up to the limit
    size = len(data)
    try:
        while size <= limit:
            chunk = os.read(descriptor, min(_CHUNK, limit + 1 - size) or 1)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror or error})") from None
    if size > limit:  # it grew while being read
        raise InputError(_too_large(size, limit))
    return b"".join(chunks), stat_seen


def _too_large(size: int, limit: int) -> str:
    return f"it is {format_size(size)}, over the limit of {format_size(limit)}; it was not read"


def file_kind(mode: int) -> str:
    """``a named pipe (FIFO)``, ``a socket``, ``a device``: what a file that is not regular is."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _open_failure(path: str | os.PathLike[str], error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        if os.path.islink(path):
            return (
                f"a broken symbolic link: its target {os.readlink(path)} does not exist; "
                "point it at a post or delete it"
            )
        return "the file vanished before it could be read"
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.errno == errno.ELOOP:
        return (
            "a loop of symbolic links that never reaches a file; "
            "point the link at a post or delete it"
        )
    if isinstance(error, IsADirectoryError):
        return "it is a folder, not a file"
    return f"cannot open the file ({error.strerror or error})"


@functools.lru_cache(maxsize=64)
def _real_root(root: str, cwd: str) -> str:
    """The real path of ``root`` (relative to ``cwd`` when not absolute), computed once."""
    return os.path.realpath(os.path.join(cwd, root))


def _inside(real_root: str, real_path: str) -> bool:
    return real_path == real_root or real_path.startswith(real_root.rstrip(os.sep) + os.sep)


def _opened_path(descriptor: int) -> str | None:
    """The real path of the file open on ``descriptor``, where the system tells it."""
    try:
        target = os.readlink(f"/proc/self/fd/{descriptor}")
    except OSError:
        return None
    return target if target.startswith(os.sep) else None
