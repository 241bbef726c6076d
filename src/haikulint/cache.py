"""Results of earlier runs: a post unchanged since is neither read nor checked again.

As ruff does it. One cache file per *run key*: a digest of haikulint's version, the
whole effective config, the selected rules (their files' content as loaded: code,
kind, severity, options, include and exclude), the user's words (the words file's
content, not its name) and the folder paths are shown relative to. Anything that
changes what a check would say about an unchanged post changes the key, so an old
file is simply never read again (and removed once several newer ones exist).

Inside, one entry per post file and blog root: the file's size and ``mtime_ns`` when
it was read (and a digest of its bytes when its mtime was too recent to trust: a
second write within the file system's timestamp tick keeps the mtime), the
:class:`~haikulint.checks.summary.PostSummary` the cross-post rules need, and the
post's diagnostics, each exactly as the checks made it (any fix attached included).

Results that depend on the date (``date-future``) hold for the day they were found:
such a post is checked again on the first run of another day. A run dated before the
cache's own date ignores the cache, as a post not in the future then might be.

The folder: ``$HAIKULINT_CACHE_DIR``, else the config's ``cache-dir``, else
``$XDG_CACHE_HOME/haikulint`` or ``~/.cache/haikulint``; results go in its ``results/``.
A cache that cannot be read, is corrupt, is not ours or cannot be written is no
error: the run goes on without it. Files are replaced atomically, so concurrent
runs each see a whole file (the last writer wins).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
import operator
import os
import time
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from datetime import date
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from haikulint.digest import blake2b, stable, text_digest
from haikulint.safe_unpickle import SafeUnpickler, dump, dumps

if TYPE_CHECKING:
    from haikulint.blog.discover import PostFile, WalkOptions
    from haikulint.checks.summary import PostSummary
    from haikulint.config import Config
    from haikulint.diagnostic import Diagnostic

CACHE_ENV = "HAIKULINT_CACHE_DIR"
RESULTS_FOLDER = "results"
SUFFIX = ".cache"
DELTA_SUFFIX = ".delta"
MAX_DELTA_ENTRIES = 2000
"""Changes kept in the delta file before the cache file is rewritten whole."""
FORMAT = 6
"""Bumped whenever what is stored changes shape."""

KEEP_FILES = 8
"""Cache files kept per folder (one per run key: config, rules, words...); older go."""
KEEP_WALKS = 16
"""Walks remembered per cache file (one per set of folders named on the command line)."""
MAX_ENTRIES = 1_000_000
"""Posts remembered per cache file; a run over more stores nothing."""
MAX_FILE_BYTES = 512 * 1024 * 1024
"""A cache file larger than this is not read (it cannot be one of ours)."""
RECENT_NANOSECONDS = 2_000_000_000
"""A post changed less than this before it was read may change again within the same
mtime; its content digest is stored too, and compared on the next run."""


def cache_folder(configured: Path | None = None) -> Path | None:
    """Where result caches live: ``$HAIKULINT_CACHE_DIR``, else ``configured`` (the
    config's ``cache-dir``), else the user cache folder. None if there is none."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        base = Path(explicit)
    elif configured is not None:
        base = configured
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        if xdg and os.path.isabs(xdg):
            base = Path(xdg) / "haikulint"
        else:
            try:
                base = Path.home() / ".cache" / "haikulint"
            except (RuntimeError, KeyError):  # no home folder
                return None
    return base / RESULTS_FOLDER


def run_key(*parts: object) -> str:
    """A digest of ``parts``, serialized generically (see :func:`~haikulint.digest.stable`)."""
    return text_digest(repr([stable(part) for part in parts]))


Stat = tuple[int, int]
"""A file's size and ``mtime_ns``."""

GroupKeys = tuple[str | None, ...]
"""A post's key under each of the run's cross-post rules (see ``group_key`` in
:mod:`haikulint.checks`): what a run checking a few posts compares them by."""

KEYS_LATER: GroupKeys = ("<made when written>",)
"""Group keys to store: made from the summary (with :attr:`ResultCache.group_keys`) when
the cache file is written, not held for every post all run (12 MB for 100,000 posts).
Told apart by identity, never by value."""

Details = tuple["PostSummary", "tuple[Diagnostic, ...] | None"]
"""A post's summary and diagnostics, as this run stored them."""

Entry = tuple[str, int, int, bytes | None, "bytes | Details", bool, date | None, GroupKeys | None]
"""The blog root the post was read against, its size, mtime_ns, content digest (or
None), its *details* (the summary's fields and the diagnostics, pickled on their own:
see below; as objects until written, for a post stored by this run), whether it was
checked (else only summarized, and the diagnostics are None), the one day they hold
for (None: any day), and its group keys (None when some cross-post rule of the run
groups by no key).

The details are unpickled only when asked for: a run that checks one post of 10,000
needs every post's size, mtime and keys, and the details of a handful."""

Walk = tuple[bytes, bytes, tuple[tuple[str, int, int], ...], tuple[tuple[str, bytes], ...]]
"""A remembered walk: the folders listed (NUL-joined paths, zlib-compressed), their
mtime_ns (packed 64-bit), the ``.gitignore`` files that applied (path, size, mtime_ns;
-1 for none), and what was found: for each blog root, its files (NUL-joined,
compressed)."""


class ListedFolders:
    """The folders a walk listed and their mtimes, packed as they come: a big blog has
    two folders a post (its haiku's first lines), 200,000 paths for 100,000 posts, which
    as a list of strings and tuples held ~45 MB until the walk was remembered (11 MB as
    bytes; compressed, about 2). Paths are encoded and compressed a batch at a time
    (one at a time, that cost 5 us a folder)."""

    BATCH = 1024

    def __init__(self) -> None:
        self._compressor: Any = zlib.compressobj(1)
        self._names: list[bytes] = []
        """The paths, NUL-joined and encoded, compressed a batch at a time."""
        self._batch: list[str] = []
        self.mtimes = array("q")
        self.newest = 0

    def add(self, folder: str, mtime_ns: int) -> None:
        self._batch.append(folder)
        if len(self._batch) >= self.BATCH:
            self._compress_batch()
        self.mtimes.append(mtime_ns)
        if mtime_ns > self.newest:
            self.newest = mtime_ns

    def _compress_batch(self) -> None:
        separator = b"\0" if self._names else b""
        joined = os.fsencode("\0".join(self._batch))
        self._names.append(self._compressor.compress(separator + joined))
        self._batch = []

    def packed_names(self) -> bytes:
        """The paths NUL-joined, compressed (empty when there are none)."""
        if not self.mtimes:
            return b""
        if self._batch:
            self._compress_batch()
        if self._compressor is not None:  # flushed once: nothing can be added after
            self._names = [b"".join([*self._names, self._compressor.flush()])]
            self._compressor = None
        return self._names[0]


def _packed(paths: Iterable[str]) -> bytes:
    """``paths`` NUL-joined and compressed, as a walk keeps them: they share long
    prefixes, and shrink about five times."""
    return zlib.compress(b"\0".join(map(os.fsencode, paths)), 1)


class Cached(NamedTuple):
    """What the cache holds of an unchanged post."""

    summary: PostSummary
    diagnostics: tuple[Diagnostic, ...] | None


class ResultCache:
    """The results stored under one run key, loaded once, saved once at the end."""

    def __init__(
        self,
        path: Path | None,
        today: date,
        entries: dict[str, Entry],
        walks: dict[str, Walk] | None = None,
    ) -> None:
        self.path = path
        self.today = today
        self._entries = entries
        self._walks = walks or {}
        self._base_loaded = False
        self._delta_entries: dict[str, Entry] = {}
        self._delta_walks: dict[str, Walk] = {}
        self._stored: dict[str, Entry] = {}
        self._new_walks: dict[str, Walk] = {}
        self._roots: dict[str, str] = {}
        self._seen: set[str] = set()
        self._changed = False
        self.group_keys: Callable[[PostSummary], GroupKeys | None] | None = None
        """How a post's group keys are made from its summary, for entries stored with
        ``keys=KEYS_LATER``: computed as the file is written, not held all run."""

    @classmethod
    def open(cls, folder: Path | None, key: str, today: date) -> ResultCache:
        """The cache for ``key`` in ``folder``; empty when missing, unusable or stale."""
        path = folder / f"{key}{SUFFIX}" if folder is not None else None
        if path is None:
            return cls(None, today, {})
        loaded = _load(path, key, today)
        cache = cls(path, today, *(loaded or ({}, {})))
        cache._base_loaded = loaded is not None
        delta = _load(_delta_path(path), key, today) if loaded is not None else None
        if delta is not None:
            cache._delta_entries, cache._delta_walks = delta
            cache._entries.update(delta[0])
            cache._walks.update(delta[1])
        return cache

    @classmethod
    def disabled(cls, today: date) -> ResultCache:
        """A cache that remembers nothing (``--no-cache``)."""
        return cls(None, today, {})

    def lookup(
        self, filename: str, root: str | os.PathLike[str], *, checked: bool
    ) -> Cached | Stat | None:
        """The stored summary and diagnostics of ``filename`` if it is unchanged (with
        ``checked``, only if it was checked, not just summarized); else its current
        :data:`Stat` (to pass to :meth:`store`), or None if it cannot be stat'ed."""
        entry, stat = self._unchanged(filename, root, checked=checked)
        if entry is None:
            return stat
        if not isinstance(entry[4], bytes):  # stored by this run
            return Cached(*entry[4])
        try:
            fields, diagnostics = SafeUnpickler(io.BytesIO(entry[4])).load()
            from haikulint.checks.summary import PostSummary

            return Cached(PostSummary(*fields), diagnostics)
        except Exception:  # details that are not ours: the post is read again
            return stat

    def knows(self, filename: str) -> bool:
        """Whether an entry is stored for ``filename``, changed since or not: if not,
        :meth:`lookup` can only miss, and the file need not be stat'ed before it is read."""
        return filename in self._entries

    def keys_of(
        self, files: Sequence[PostFile], wanted: AbstractSet[tuple[int, str]] | None = None
    ) -> tuple[dict[int, GroupKeys], list[tuple[int, Stat | None]]]:
        """:meth:`lookup` of many posts only compared with (not checked), as their group
        keys: the unchanged posts' keys by position in ``files``, and the others' positions
        and :data:`Stat` (None: cannot be stat'ed). A post stored without keys counts as
        changed. With ``wanted`` (``(index, key)`` pairs), only the unchanged posts that
        share one of those keys are given. One tight loop: a pre-commit run asks this of
        every post of the blog."""
        unchanged: dict[int, GroupKeys] = {}
        changed: list[tuple[int, Stat | None]] = []
        if self.path is None:
            return unchanged, [(position, None) for position in range(len(files))]
        stat, find, see, today = os.stat, self._entries.get, self._seen.add, self.today
        pairs = wanted if wanted is not None else frozenset()
        texts = None if wanted is None else frozenset(key for _, key in wanted)
        root: object = None
        root_text = ""
        for position, file in enumerate(files):
            filename = file.filename
            try:
                status = stat(filename)
            except (OSError, ValueError):
                changed.append((position, None))
                continue
            if not S_ISREG(status.st_mode):  # see _unchanged
                changed.append((position, None))
                continue
            see(filename)
            if file.root is not root:
                root, root_text = file.root, os.fspath(file.root)
            size, mtime = status.st_size, status.st_mtime_ns
            entry = find(filename)
            if entry is None:
                changed.append((position, (size, mtime)))
                continue
            if (  # the common case, inline: what _holds says of an entry with its keys
                entry[2] == mtime
                and entry[1] == size
                and entry[0] == root_text
                and entry[3] is None
                and (entry[6] is None or entry[6] == today)
                and (keys := entry[7]) is not None
                and keys is not KEYS_LATER
            ) or (
                (keys := self._keys(entry)) is not None
                and self._holds(entry, size, mtime, root_text, checked=False)
                and (entry[3] is None or entry[3] == _digest_of(filename, root_text))
            ):
                if texts is None or (
                    not texts.isdisjoint(keys)  # most posts share no key text at all
                    and not pairs.isdisjoint(enumerate(keys))
                ):
                    unchanged[position] = keys
            else:
                changed.append((position, (size, mtime)))
        return unchanged, changed

    def _unchanged(
        self, filename: str, root: str | os.PathLike[str], *, checked: bool
    ) -> tuple[Entry | None, Stat | None]:
        """The entry of ``filename`` if it still holds (see :meth:`lookup`), and the
        file's current :data:`Stat` (None if it cannot be stat'ed)."""
        if self.path is None:
            return None, None
        try:
            status = os.stat(filename)
        except (OSError, ValueError):
            return None, None
        if not S_ISREG(status.st_mode):  # a FIFO, a device: the reader names it, every time
            return None, None
        stat = (status.st_size, status.st_mtime_ns)
        if self._base_loaded:  # see save: without a file read, every entry is this run's
            self._seen.add(filename)
        entry = self._entries.get(filename)
        if entry is None or not self._holds(entry, *stat, os.fspath(root), checked=checked):
            return None, stat
        if entry[3] is not None and entry[3] != _digest_of(filename, root):
            return None, stat
        return entry, stat

    def _keys(self, entry: Entry) -> GroupKeys | None:
        """``entry``'s group keys, made now if they were left for later."""
        keys = entry[7]
        if keys is not KEYS_LATER:
            return keys
        details = entry[4]
        if self.group_keys is None or isinstance(details, bytes):
            return None
        return self.group_keys(details[0])

    def _holds(self, entry: Entry, size: int, mtime: int, root: str, *, checked: bool) -> bool:
        """Whether ``entry`` answers for its file, now of ``size`` and ``mtime``, read
        against ``root`` (with ``checked``: if it was checked), today: its content aside."""
        return (
            entry[2] == mtime
            and entry[1] == size
            and entry[0] == root
            and (entry[5] or not checked)
            and (entry[6] is None or entry[6] == self.today)
        )

    def store(
        self,
        filename: str,
        root: str | os.PathLike[str],
        stat: Stat,
        summary: PostSummary,
        diagnostics: tuple[Diagnostic, ...] | None,
        *,
        today_only: bool = False,
        keys: GroupKeys | None = None,
    ) -> None:
        """Remember what ``filename`` gave, as it was when stat'ed (``stat``, taken before
        it was read: a change while it was read is seen by the next run); with
        ``today_only``, for today only (what was found depends on the date); with its
        group ``keys`` for :meth:`lookup_keys`."""
        day = self.today if today_only else None
        checked = diagnostics is not None
        # The details are pickled as the file is written (see _on_disk), not here: held
        # pickled, a cold run over 100,000 posts kept 35 MB more until the end.
        if keys is KEYS_LATER and self.group_keys is None:
            keys = None
        self._put(filename, root, stat, (summary, diagnostics), checked, day, keys)

    def store_pickled(
        self,
        filename: str,
        root: str | os.PathLike[str],
        stat: Stat,
        details: bytes,
        *,
        keys: GroupKeys | None,
    ) -> None:
        """:meth:`store` of a post only summarized (not checked) whose details are
        already pickled (by :func:`pickled_details`, in the process that read it): a
        run that only compares with it never holds its summary."""
        self._put(filename, root, stat, details, False, None, keys)

    def _put(
        self,
        filename: str,
        root: str | os.PathLike[str],
        stat: Stat,
        details: bytes | Details,
        checked: bool,
        day: date | None,
        keys: GroupKeys | None,
    ) -> None:
        if self.path is None:
            return
        size, mtime = stat
        digest = None
        if time.time_ns() - mtime < RECENT_NANOSECONDS:
            digest = _digest_of(filename, root)
            if digest is None:
                return
        root_text = self._roots.setdefault(os.fspath(root), os.fspath(root))  # one copy
        entry = (root_text, size, mtime, digest, details, checked, day, keys)
        self._entries[filename] = entry
        if self._base_loaded:
            self._seen.add(filename)
            if len(self._stored) <= MAX_DELTA_ENTRIES:
                self._stored[filename] = entry  # for a delta; past the limit, a whole file
        self._changed = True

    def walk(self, key: str) -> list[tuple[str, str]] | None:
        """What the walk ``key`` found last time, as ``(file, root)`` in its order, if
        none of the folders it listed (nor the ``.gitignore`` files that applied) has
        changed since; else None."""
        record = self._walks.get(key)
        if record is None:
            return None
        names, packed, ignores, found = record
        mtimes = array("q")
        mtimes.frombytes(packed)
        try:
            folders = os.fsdecode(zlib.decompress(names)).split("\0") if names else []
        except zlib.error:  # not as written: walk again
            return None
        if len(folders) != len(mtimes):
            return None
        stat = os.stat
        try:
            for folder, mtime in zip(folders, mtimes, strict=True):
                if stat(folder).st_mtime_ns != mtime:
                    return None
        except (OSError, ValueError):
            return None
        if any(_file_stamp(path) != (size, mtime) for path, size, mtime in ignores):
            return None
        try:
            files = [(root, zlib.decompress(paths)) for root, paths in found if paths]
        except zlib.error:
            return None
        return [(file, root) for root, paths in files for file in os.fsdecode(paths).split("\0")]

    def remember_walk(
        self,
        key: str,
        folders: ListedFolders,
        ignore_files: list[str],
        found: Sequence[PostFile],
        started_ns: int,
    ) -> None:
        """Remember a walk: the folders it listed with their mtimes (stat'ed after each
        listing), the ``.gitignore`` files that applied, and what it found. Not when a
        folder changed after the walk began (its listing may be older than its mtime)."""
        if self.path is None:
            return
        if folders.newest >= started_ns - RECENT_NANOSECONDS:
            return
        by_root: dict[str, list[str]] = {}
        for file in found:
            by_root.setdefault(os.fspath(file.root), []).append(file.filename)
        self._walks[key] = self._new_walks[key] = (
            folders.packed_names(),
            folders.mtimes.tobytes(),
            tuple((path, *_file_stamp(path)) for path in ignore_files),
            tuple((root, _packed(files)) for root, files in by_root.items()),
        )
        self._changed = True

    def save(self) -> None:
        """Write what this run added. A few changes (a pre-commit run) go to a small
        *delta* file beside the cache file, read over it; many, or a delta grown large,
        rewrite the cache file whole (dropping the entries of posts that are gone) and
        remove the delta. Never fails: a cache that cannot be written is no cache."""
        if self.path is None or not self._changed:
            return
        if self._base_loaded:
            delta = {**self._delta_entries, **self._stored}
            if len(delta) <= MAX_DELTA_ENTRIES:
                walks = {**self._delta_walks, **self._new_walks}
                self._write(_delta_path(self.path), delta, walks)
                return
        if self._base_loaded:  # drop the entries of posts that are gone
            kept = [key for key in self._entries if key in self._seen or os.path.lexists(key)]
        else:  # every entry was stored by this run
            kept = list(self._entries)
        if len(kept) > MAX_ENTRIES:
            return
        walks = dict(list(self._walks.items())[-KEEP_WALKS:])
        if self._write(self.path, self._entries, walks, kept):
            with contextlib.suppress(OSError):
                _delta_path(self.path).unlink()
            _remove_old_files(self.path)

    def _write(
        self,
        path: Path,
        entries: Mapping[str, Entry],
        walks: dict[str, Walk],
        keys: Sequence[str] | None = None,
    ) -> bool:
        """Write ``entries`` (those of ``keys``, else all) and ``walks`` to ``path``."""
        assert self.path is not None
        header = {"format": FORMAT, "key": self.path.stem, "today": self.today, "walks": walks}
        from haikulint.safe_fs import write_atomically

        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not _owned_by_us(path.parent):
                return False
            # Pickled into the file a chunk at a time: never whole in memory (that was
            # 95 MB more at the peak of a cold run over 100,000 posts).
            chosen = list(entries) if keys is None else keys
            made = self.group_keys
            write_atomically(  # not forced to disk: a torn cache file is one _load ignores
                path,
                lambda file: _pickle_into(file, header, entries, chosen, made),
                durable=False,
            )
        except OSError:
            return False
        except Exception:  # something unpicklable in a diagnostic: no cache rather than no run
            return False
        return True


@functools.cache
def _summary_fields() -> Callable[[PostSummary], tuple[Any, ...]]:
    """A summary's field values, in order (one C call, not a generator over fields())."""
    from haikulint.checks.summary import PostSummary

    return operator.attrgetter(*(field.name for field in dataclasses.fields(PostSummary)))


def pickled_details(
    summary_fields: tuple[Any, ...], diagnostics: tuple[Diagnostic, ...] | None
) -> bytes:
    """A post's details as a cache file holds them (see :data:`Entry`): its summary's
    field values and its diagnostics, pickled on their own."""
    return dumps((summary_fields, diagnostics), protocol=-1)


def _on_disk(
    entry: Entry, group_keys: Callable[[PostSummary], GroupKeys | None] | None
) -> Entry | None:
    """``entry`` as a cache file holds it: its details pickled on their own (see
    :data:`Entry`) and its group keys made (with ``group_keys``) if they were left for
    later; None if the details cannot be pickled (that post is not cached)."""
    details = entry[4]
    if isinstance(details, bytes):
        return entry
    summary, diagnostics = details
    keys = entry[7]
    if keys is KEYS_LATER:
        keys = group_keys(summary) if group_keys is not None else None
    try:
        pickled = pickled_details(_summary_fields()(summary), diagnostics)
    except Exception:  # something unpicklable in a diagnostic
        return None
    return (*entry[:4], pickled, entry[5], entry[6], keys)


def clean(folder: Path | None) -> list[Path]:
    """Remove every result cache file in ``folder``; the files removed."""
    if folder is None:
        return []
    removed: list[Path] = []
    for path in _cache_files(folder):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    with contextlib.suppress(OSError):
        folder.rmdir()  # only if nothing else is left in it
    return removed


ENTRIES_PER_CHUNK = 2000


def _pickle_into(
    file: BinaryIO,
    header: dict[str, object],
    entries: Mapping[str, Entry],
    keys: Sequence[str],
    group_keys: Callable[[PostSummary], GroupKeys | None] | None = None,
) -> None:
    """Write the cache file: ``header`` (with the number of chunks), then the entries of
    ``keys`` in chunks, each pickled on its own. A pickler remembers every object it has
    written; for 100,000 posts at once that memo costs more memory than the entries.
    The pickler writes the walks' long bytes straight to the file, not through a copy."""
    chunks = range(0, len(keys), ENTRIES_PER_CHUNK)
    dump({**header, "chunks": len(chunks)}, file, protocol=-1)
    for start in chunks:
        chunk = {
            key: stored
            for key in keys[start : start + ENTRIES_PER_CHUNK]
            if (stored := _on_disk(entries[key], group_keys)) is not None
        }
        dump(chunk, file, protocol=-1)


def _delta_path(path: Path) -> Path:
    return path.with_name(path.stem + DELTA_SUFFIX)


def _file_stamp(path: str) -> tuple[int, int]:
    """A file's size and mtime_ns; (-1, -1) when there is none, (0, 0) for a folder (a
    ``.git`` folder counts by being there: git changes its mtime on every command)."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return (-1, -1)
    if S_ISDIR(status.st_mode):
        return (0, 0)
    return (status.st_size, status.st_mtime_ns)


MAX_DIGEST_BYTES = 64 << 20
"""A post larger than this is not cached (it is over any sensible max-post-size)."""


def _digest_of(filename: str, root: str | os.PathLike[str]) -> bytes | None:
    """A digest of the regular file ``filename``'s bytes; None for anything else. Read as
    the post reader reads it: never through a link out of ``root``, never past a size."""
    from haikulint.bounded_read import InputError, read_post_bytes

    try:
        data = read_post_bytes(filename, root, MAX_DIGEST_BYTES)
    except (InputError, ValueError):
        return None
    return blake2b(data, digest_size=16).digest()


def _load(path: Path, key: str, today: date) -> tuple[dict[str, Entry], dict[str, Walk]] | None:
    """The entries and walks of the cache file ``path``, or None if it is missing, not
    ours, too big, corrupt, of another format or key, or written on a later day than
    ``today``."""
    try:
        with open(path, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not _ours(status) or status.st_size > MAX_FILE_BYTES:
                return None
            # From the file, chunk by chunk, not from its bytes read whole: the bytes
            # of a big blog's cache would double what loading it costs in memory.
            header = SafeUnpickler(handle).load()
            if not (
                isinstance(header, dict)
                and header.get("format") == FORMAT
                and header.get("key") == key
                and isinstance(header.get("today"), date)
                and isinstance(header.get("walks"), dict)
                and isinstance(header.get("chunks"), int)
            ):
                return None
            if header["today"] > today:
                return None
            entries: dict[str, Entry] = {}
            for _ in range(header["chunks"]):
                chunk = SafeUnpickler(handle).load()
                if not isinstance(chunk, dict):
                    return None
                entries.update(chunk)
    except Exception:  # corrupt or truncated: any error the unpickler may raise
        return None
    walks: dict[str, Walk] = header["walks"]
    return entries, walks


def _ours(status: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or status.st_uid == getuid()


def _owned_by_us(folder: Path) -> bool:
    try:
        return _ours(folder.stat())
    except OSError:
        return False


def _cache_files(folder: Path) -> list[Path]:
    try:
        return [path for path in folder.iterdir() if path.name.endswith((SUFFIX, DELTA_SUFFIX))]
    except OSError:
        return []


def _remove_old_files(current: Path) -> None:
    """Keep the :data:`KEEP_FILES` most recently written cache files of the folder."""
    files = [path for path in _cache_files(current.parent) if path.name.endswith(SUFFIX)]
    if len(files) <= KEEP_FILES:
        return

    def written(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    for old in sorted(files, key=written, reverse=True)[KEEP_FILES:]:
        if old != current:
            for path in (old, _delta_path(old)):
                with contextlib.suppress(OSError):
                    path.unlink()


def discover_remembered(
    cache: ResultCache | None,
    paths: Sequence[Path],
    config: Config,
    options: WalkOptions,
) -> list[PostFile] | Iterator[PostFile]:
    """The posts :func:`~haikulint.blog.discover.discover_posts` finds, remembered in
    ``cache``: a list sorted by path when no folder is walked (the walk is remembered,
    or only files are named), else the files as the walk finds them (see
    :func:`~haikulint.blog.discover.find_posts`), so that they can be read while it
    goes on; the walk is remembered once they have all been taken.

    A walk of folders is reused when no folder it listed has a new mtime (adding,
    removing or renaming anything in a folder changes it) and no ``.gitignore`` that
    applied, nor any above the folders walked, has changed: then the tree holds the
    same posts, found without listing a folder. A walk that warned about something (a
    folder it could not list, a link it did not follow, a ``.gitignore`` line or an
    ``exclude`` entry that is no pattern) is not remembered, so that the warning is
    given again. Files named on the command line are never remembered.
    """
    from haikulint.blog.discover import PostFile, discover_posts, find_posts

    targets = [os.path.abspath(path) for path in paths]
    if not targets or not all(map(os.path.isdir, targets)):
        return discover_posts(paths, config, options)
    if cache is None or cache.path is None:
        return find_posts(paths, config, options)
    named_root = os.fspath(options.root) if options.root is not None else None
    key = run_key("walk", targets, named_root, options.force_exclude)
    remembered = cache.walk(key)
    if remembered is not None:
        roots: dict[str, Path] = {}
        found = []
        for file, top in remembered:
            root = roots.get(top)
            if root is None:
                root = roots[top] = Path(top)  # one Path per root, not one per post
            found.append(PostFile(file, root))
        return found
    walk = _RememberedWalk(options)
    return walk.files(cache, key, targets, find_posts(paths, config, walk.watched))


class _RememberedWalk:
    """What a walk lists and warns about, for :meth:`ResultCache.remember_walk`."""

    def __init__(self, options: WalkOptions) -> None:
        self.options = options
        self.folders = ListedFolders()
        self.ignore_files: list[str] = []
        self.warned = False
        self.started = time.time_ns()
        self.watched = dataclasses.replace(
            options,
            on_unlistable=self.unlistable,
            on_skipped=self.skipped,
            on_folder=self.listed,
            on_bad_pattern=self.bad_pattern,
        )

    def files(
        self, cache: ResultCache, key: str, targets: list[str], found: Iterable[PostFile]
    ) -> Iterator[PostFile]:
        """``found`` passed on as it comes; the walk remembered (in path order) at its end,
        unless it warned."""
        from haikulint.blog.discover import by_path

        taken = []
        for file in found:
            taken.append(file)
            yield file
        if not self.warned:
            self.ignore_files.extend(_files_above(targets))
            cache.remember_walk(key, self.folders, self.ignore_files, by_path(taken), self.started)

    def listed(self, folder: str, has_gitignore: bool) -> None:
        try:
            self.folders.add(folder, os.stat(folder).st_mtime_ns)
        except OSError:
            self.warned = True
        if has_gitignore:
            self.ignore_files.append(os.path.join(folder, ".gitignore"))

    def unlistable(self, folder: str, reason: str) -> None:
        self.warned = True
        if self.options.on_unlistable is not None:
            self.options.on_unlistable(folder, reason)

    def skipped(self, path: str, reason: str) -> None:
        self.warned = True
        if self.options.on_skipped is not None:
            self.options.on_skipped(path, reason)
        else:
            from haikulint.blog.discover import skip_warner

            skip_warner()(path, reason)

    def bad_pattern(self) -> None:
        self.warned = True


def _files_above(folders: Iterable[str]) -> list[str]:
    """The ``.gitignore`` and ``.git`` paths in and above ``folders``, which decide the
    ignore files a walk reads (whether or not they exist: one appearing counts too)."""
    found: dict[str, None] = {}
    for folder in folders:
        current = folder
        while True:
            found[os.path.join(current, ".git")] = None
            found[os.path.join(os.path.dirname(current), ".gitignore")] = None
            parent = os.path.dirname(current)
            if parent == current:
                break
            current = parent
    return list(found)
