"""The careful unpickler of every cache file: haikulint's classes and plain data, nothing that
could run code, whoever wrote the file."""

from __future__ import annotations

import io
import os
import pickle
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path, PurePosixPath

import pytest

from haikulint import cache
from haikulint.diagnostic import Diagnostic, Severity
from haikulint.safe_unpickle import SafeUnpickler


def unpickle(data: bytes) -> object:
    return SafeUnpickler(io.BytesIO(data)).load()


class _Calls:
    """Pickles as a call of ``function(*args)``: what a hostile cache file holds."""

    def __init__(self, function: object, *args: object) -> None:
        self.function = function
        self.args = args

    def __reduce__(self) -> tuple[object, ...]:
        return (self.function, self.args)


def test_plain_data_and_haikulint_classes_come_back_equal() -> None:
    diagnostic = Diagnostic("a.md", 1, None, "HK101", "slug-lines", Severity.ERROR, "m")
    value = {
        "d": diagnostic,
        "day": date(2024, 1, 2),
        "paths": (Path("a/b"), PurePosixPath("c")),
        "n": [1, 2.5, complex(1, 2), Decimal("1.5"), None, True, b"x"],
        "sets": (frozenset({"a"}), {"b"}),
    }
    assert unpickle(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) == value


@pytest.mark.parametrize(
    "target",
    [
        os.system,
        shutil.rmtree,
        Path.unlink,  # a method of an allowed class
        Path.touch,
        cache.clean,  # a function of haikulint's own
        io.BytesIO,  # a class of another module
    ],
    ids=lambda target: getattr(target, "__qualname__", str(target)),
)
def test_nothing_else_is_called(target: object, tmp_path: Path) -> None:
    planted = tmp_path / "planted"
    planted.write_text("keep me", encoding="utf-8")
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        data = pickle.dumps(_Calls(target, planted), protocol=protocol)
        with pytest.raises(pickle.UnpicklingError, match="is not allowed in a cache file"):
            unpickle(data)
    assert planted.read_text(encoding="utf-8") == "keep me"
