"""``--output-format json``: a JSON array and nothing else on the stream.

Each problem is exactly ``Diagnostic.to_json()``. With ``--statistics`` the array
holds ``{"code", "name", "count", "fixable"}`` objects instead. Non-ASCII text is
written as ``\\u`` escapes: valid JSON that any stream can encode, including a
path holding bytes that were not UTF-8.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from haikulint.diagnostic import Diagnostic
from haikulint.report.tally import rule_statistics


def render(diagnostics: Sequence[Diagnostic], stream: TextIO) -> None:
    """The sorted diagnostics as a JSON array (``[]`` when there are none)."""
    _dump([diagnostic.to_json() for diagnostic in diagnostics], stream)


def render_statistics(diagnostics: Sequence[Diagnostic], stream: TextIO) -> None:
    """One object per rule that fired, most frequent first."""
    _dump([row.to_json() for row in rule_statistics(diagnostics)], stream)


def _dump(items: list[dict[str, object]], stream: TextIO) -> None:
    stream.write(json.dumps(items, indent=2, ensure_ascii=True))
    stream.write("\n")
