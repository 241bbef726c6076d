"""Unpickling haikulint's own cache files without letting them run code.

A cache file (results, the rule catalogue) is data that sits in a folder others may
write to; whoever wrote it, reading it must never import or call anything but
haikulint's own classes and plain data. Anything else is an
:class:`pickle.UnpicklingError`, and the caller treats the file as no cache.

:func:`dump` and :func:`dumps` are pickle's, for the files these read (give them
``protocol=-1``: the highest). Imports only the standard library; every layer may use it.
"""

from __future__ import annotations

from typing import Any

try:  # pickle's own C implementation, without pickle.py, whose pure-Python fallback
    # classes take 1-2 ms to define: a tenth of what a pre-commit run spends on its cache
    from _pickle import Unpickler, UnpicklingError, dump, dumps
except ImportError:  # pragma: no cover - a Python without the C accelerator
    from pickle import Unpickler, UnpicklingError, dump, dumps

__all__ = ["ALLOWED", "SafeUnpickler", "UnpicklingError", "dump", "dumps"]

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


class SafeUnpickler(Unpickler):
    """Unpickles haikulint's own classes and plain data, nothing else: no function (not
    even haikulint's, nor a method such as ``Path.unlink``), no class of another library."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith("haikulint.") and name.isidentifier() and not name.startswith("_"):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        elif name in ALLOWED.get(module, ()):
            return super().find_class(module, name)
        raise UnpicklingError(f"{module}.{name} is not allowed in a cache file")
