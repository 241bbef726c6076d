"""A small on-disk cache for data built once from installed files (the CMU table, patterns).

Each entry's file name carries everything that must trigger a rebuild (a format
version, the source file's size and mtime), so an upgrade simply writes a new file.
Files are written to a temporary file in the same folder and moved into place with
``os.replace``: concurrent processes never see half a file, and the last writer wins
with identical content. Folders are tried in order: ``$HAIKULINT_CACHE_DIR``; else
``$XDG_CACHE_HOME/haikulint`` or ``~/.cache/haikulint``; then a per-user folder in the
temporary directory. When none is writable the data is built in memory for this
process only.
"""

from __future__ import annotations

import contextlib
import mmap
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

CACHE_ENV = "HAIKULINT_CACHE_DIR"

Validator = Callable[["bytes | mmap.mmap"], bool]


def candidate_dirs() -> Iterator[Path]:
    """Where cached files may live, most preferred first."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        yield Path(explicit)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        if xdg and os.path.isabs(xdg):
            yield Path(xdg) / "haikulint"
        else:
            with contextlib.suppress(RuntimeError, KeyError):
                yield Path.home() / ".cache" / "haikulint"
    import tempfile  # only when the preferred folder fails: ~5 ms

    yield Path(tempfile.gettempdir()) / f"haikulint-{_user_id()}"


def source_key(source: Path, dirs: Iterable[Path] | None = None) -> str:
    """What identifies a version of an installed file: its size and a digest of its content.

    Not its mtime: reinstalling the same package (a new venv, a pre-commit environment)
    gives the same content a new mtime, and must not rebuild a table (a second or more
    for the CMU dictionary). Reading and hashing a few MB costs a few ms, so the digest is
    remembered in a tiny file named by the file's path, size and mtime: a run pays for
    one ``stat`` and one small read.
    """
    from haikulint.digest import blake2b  # not hashlib: it loads OpenSSL (3 ms)

    stat = source.stat()
    where = blake2b(os.fsencode(source), digest_size=8).hexdigest()
    memo = f"source-{where}-{stat.st_size}-{stat.st_mtime_ns}.key"
    given = None if dirs is None else list(dirs)
    for folder in candidate_dirs() if given is None else given:  # lazily: see candidate_dirs
        try:
            remembered = (folder / memo).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            continue
        if remembered.isalnum() and _owned_by_us(folder):
            return f"{stat.st_size}-{remembered}"
    digest = blake2b(source.read_bytes(), digest_size=12).hexdigest()
    for folder in candidate_dirs() if given is None else given:
        if write_atomically(folder / memo, digest.encode("ascii")):
            _remove_older_versions(folder / memo, prefix=f"source-{where}-")
            break
    return f"{stat.st_size}-{digest}"


def load(
    name: str,
    build: Callable[[], bytes],
    valid: Validator,
    dirs: Iterable[Path] | None = None,
) -> bytes | mmap.mmap:
    """The cached file ``name`` (memory-mapped), built with ``build()`` first if missing.

    ``valid`` checks a file's content (e.g. its header); invalid files are rebuilt.
    """
    built: bytes | None = None
    for folder in candidate_dirs() if dirs is None else dirs:
        target = folder / name
        data = _map(target, valid) if _owned_by_us(folder) else None
        if data is not None:
            return data
        if built is None:
            built = build()
        if write_atomically(target, built):
            _remove_older_versions(target)
            data = _map(target, valid)
            if data is not None:
                return data
    return built if built is not None else build()


STALE_AFTER_SECONDS = 7 * 24 * 3600


def _remove_older_versions(target: Path, prefix: str | None = None) -> None:
    """Delete this entry's files for other source versions, once they are a week old.

    Names are ``<entry>-v<format>-<source key>.<ext>`` (or start with ``prefix``: the
    remembered digests of one source file); without this, every upgrade of
    an installed data file would leave its old table behind for good. Another
    installation (a pre-commit environment beside a project's venv) may still use
    a sibling: sparing recent files means it rebuilds at most once a week.
    """
    import time

    entry = target.name.partition("-v")[0]
    cutoff = time.time() - STALE_AFTER_SECONDS
    pattern = f"{prefix}*{target.suffix}" if prefix else f"{entry}-v*{target.suffix}"
    for sibling in target.parent.glob(pattern):
        if sibling.name == target.name or (
            prefix is None and sibling.name.partition("-v")[0] != entry
        ):
            continue
        with contextlib.suppress(OSError):
            if sibling.stat().st_mtime < cutoff:
                sibling.unlink()


def write_atomically(target: Path, content: bytes) -> bool:
    """Write ``target`` via a temporary file in its folder and ``os.replace``."""
    import tempfile  # only when building: ~5 ms

    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _owned_by_us(target.parent):
            return False
        descriptor, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}-", suffix=".tmp"
        )
    except OSError:
        return False
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return target.is_file()
    return True


def _map(path: Path, valid: Validator) -> mmap.mmap | None:
    try:
        with path.open("rb") as handle:
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    if not valid(data):
        data.close()
        return None
    return data


def _owned_by_us(folder: Path) -> bool:
    """Refuse a shared temporary folder that another user created first (to read or write)."""
    getuid: Callable[[], int] | None = getattr(os, "getuid", None)
    if getuid is None:
        return True
    try:
        return folder.stat().st_uid == getuid()
    except OSError:
        return False


def _user_id() -> str:
    getuid = getattr(os, "getuid", None)
    if getuid is not None:
        return str(getuid())
    return os.environ.get("USERNAME") or os.environ.get("USER") or "user"
