"""Unpickling haikulint's own cache files without letting them run code.

A cache file (results, the rule catalogue) is data that sits in a folder others may
write to; whoever wrote it, reading it must never import or call anything but
haikulint's own classes and plain data. Anything else is an
:class:`pickle.UnpicklingError`, and the caller treats the file as no cache.

Imports only the standard library; every layer may use it.
"""

from __future__ import annotations

import pickle
from typing import Any

ALLOWED: dict[str, frozenset[str]] = {
    "builtins": frozenset({"frozenset", "set", "tuple", "list", "dict", "object", "complex"}),
    "copyreg": frozenset({"__newobj__", "_reconstructor"}),
    "datetime": frozenset({"date", "datetime", "time", "timedelta", "timezone"}),
    "decimal": frozenset({"Decimal"}),
    "pathlib": frozenset(
        {"Path", "PosixPath", "WindowsPath", "PurePath", "PurePosixPath", "PureWindowsPath"}
    ),
}
"""The only names a cache file may use outside haikulint: plain data types, and what
pickle itself needs to rebuild an object."""


class SafeUnpickler(pickle.Unpickler):
    """Unpickles haikulint's own classes and plain data, nothing else: no function (not
    even haikulint's, nor a method such as ``Path.unlink``), no class of another library."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith("haikulint.") and name.isidentifier() and not name.startswith("_"):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        elif name in ALLOWED.get(module, ()):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache file")
