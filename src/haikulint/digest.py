"""Digests for cache keys: a stable form of any value, and BLAKE2b without loading OpenSSL.

``hashlib`` loads OpenSSL's library first (3 ms of a pre-commit run) to offer its
algorithms; BLAKE2 is CPython's own, and ``hashlib.blake2b`` is this very class.
Imports only the standard library; every layer may use it.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from pathlib import PurePath

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python without the _blake2 module
    from hashlib import blake2b

__all__ = ["blake2b", "fields_form", "stable", "text_digest"]


def text_digest(text: str) -> str:
    """A 32-hex-digit digest of ``text`` (any ``str``, lone surrogates included)."""
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def stable(value: object) -> object:
    """``value`` as plain data (lists, dicts, text, numbers, None) whose ``repr`` is equal
    exactly when the values are: dataclasses field by field (every field, so a config
    key added later counts by itself), mappings by sorted key, paths as text, enums by
    value. A dataclass with a ``stable_digest`` (a digest of its :func:`fields_form`,
    made once and kept) counts by that digest."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        remembered = getattr(value, "stable_digest", None)
        if isinstance(remembered, str):
            return {"@": type(value).__name__, "digest": remembered}
        return fields_form(value)
    if isinstance(value, enum.Enum):
        return stable(value.value)
    if isinstance(value, Mapping):
        return sorted(([stable(key), stable(item)] for key, item in value.items()), key=repr)
    if isinstance(value, (set, frozenset)):
        return sorted((stable(item) for item in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [stable(item) for item in value]
    if isinstance(value, PurePath):
        return {"path": str(value)}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return {type(value).__name__: repr(value)}


def fields_form(value: object) -> dict[str, object]:
    """The :func:`stable` form of the dataclass instance ``value``, field by field."""
    return {
        "@": type(value).__name__,
        **{f.name: stable(getattr(value, f.name)) for f in dataclasses.fields(value)},  # type: ignore[arg-type]
    }
