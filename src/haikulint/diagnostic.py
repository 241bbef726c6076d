"""The one record every layer agrees on: a problem found in one post."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from haikulint.fix.model import Fix

from haikulint.escape import valid_unicode


class Severity(str, Enum):
    """How bad a problem is. Only errors make ``check`` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Diagnostic:
    """A rule's finding about one file, ready for any reporter.

    ``path`` is a POSIX path relative to the working directory where possible.
    ``line`` and ``column`` are 1-based, or ``None`` where they do not apply
    (a problem with the file's path, say). ``fix``, when the rule knows how to repair
    the problem, is data for the fix stage (:mod:`haikulint.fix`); ``fixable`` says
    whether there is one.
    """

    path: str
    line: int | None
    column: int | None
    code: str
    name: str
    severity: Severity
    message: str
    fixable: bool = False
    fix: Fix | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by path, then position (path-level problems first), then code."""
        return (self.path, self.line or 0, self.column or 0, self.code)

    def to_json(self) -> dict[str, object]:
        """The JSON object of ``--output-format json``: exactly these keys; a file-name byte
        that was not UTF-8 is written ``\\xNN``, so that strict JSON readers accept it."""
        return {
            "path": valid_unicode(self.path),
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "line": self.line,
            "column": self.column,
            "message": valid_unicode(self.message),
            "fixable": self.fixable,
            "fix": self.fix.to_json() if self.fix is not None else None,
        }
