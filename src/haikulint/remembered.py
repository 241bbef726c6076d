"""Values made from files' text once, and kept between runs: the rule catalogue, a config.

Parsing and validating sixteen rule files, or importing a TOML parser for one config
file, costs more than anything else a pre-commit run does before it looks at a post.
:func:`remembered` keeps such a value as a pickle in the cache folder (see
:mod:`haikulint.prosody.cache`: written atomically, the folders tried in order), named by
a digest of everything it is made from, so that a changed text is a new name and never
a stale value. A stored file that is corrupt or not ours (it may only hold haikulint's
classes and plain data: see :mod:`haikulint.safe_unpickle`) is ignored and written anew;
with no writable cache folder, the value is made on every run.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import mmap

Made = TypeVar("Made")


def remembered(entry: str, made_of: str, make: Callable[[], Made], kind: type[Made]) -> Made:
    """``make()``, or what it gave on an earlier run for the same ``made_of`` (a text that
    holds everything the value depends on). ``entry`` names the kind of value in the
    cache folder (``catalogue``); a stored value that is not a ``kind`` is made again."""
    import mmap

    from haikulint.digest import text_digest
    from haikulint.prosody import cache as store
    from haikulint.safe_unpickle import SafeUnpickler, dumps

    found: list[Made] = []

    def build() -> bytes:
        found.append(make())
        return dumps(found[-1], protocol=-1)

    def valid(data: bytes | mmap.mmap) -> bool:
        try:
            value = SafeUnpickler(io.BytesIO(data)).load()
        except Exception:  # corrupt, truncated, or not ours: any error unpickling raises
            return False
        if not isinstance(value, kind):
            return False
        found.append(value)
        return True

    data = store.load(f"{entry}-v1-{text_digest(made_of)}.pickle", build, valid)
    if isinstance(data, mmap.mmap):
        data.close()
    return found[-1]
