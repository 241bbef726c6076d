"""Shared material for the reporter tests: crafted diagnostics, a SARIF validator."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from haikulint.diagnostic import Diagnostic, Severity
from haikulint.report import RuleSummary, RunSummary, render

SARIF_SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "sarif-schema-2.1.0.json"
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
SLUG_PATH = "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md"
SYLLABLES_MESSAGE = (
    'line 3 "the repo holds it all" has 6 syllables, expected 5 '
    "(the 1, re-po 2, holds 1, it 1, all 1)"
)

# The shapes a reporter must handle: path-level and positioned, a line without a
# column, all three severities, quotes, commas, colons, percent signs, a newline,
# non-ASCII in a path and in a message, one fixable problem.
SLUG_SYLLABLES = Diagnostic(
    SLUG_PATH, None, None, "HK103", "slug-syllables", Severity.ERROR, SYLLABLES_MESSAGE
)
SLUG_DATE = Diagnostic(
    SLUG_PATH,
    None,
    None,
    "HK202",
    "date-missing",
    Severity.ERROR,
    'no date header (the body opens with "April 24, 2023 - Today")',
)
UNKNOWN_WORD = Diagnostic(
    "post/b.md",
    3,
    7,
    "HK105",
    "unknown-word",
    Severity.WARNING,
    'word "pcap", in line 3: no dictionary knows it',
    True,
)
FUTURE_DATE = Diagnostic(
    "post/b.md",
    12,
    None,
    "HK204",
    "date-future",
    Severity.INFO,
    "date 2099-01-01 is 100% in the future\nsee line 12",
)
CHARSET = Diagnostic(
    "post/café, au lait.md",
    1,
    1,
    "HK104",
    "slug-charset",
    Severity.ERROR,
    'character "é" is not a-z, 0-9 or a hyphen',
)
SAMPLE: tuple[Diagnostic, ...] = (SLUG_SYLLABLES, SLUG_DATE, UNKNOWN_WORD, FUTURE_DATE, CHARSET)
RULES: tuple[RuleSummary, ...] = (
    RuleSummary("HK103", "slug-syllables", Severity.ERROR, "A slug line has the wrong count."),
    RuleSummary("HK104", "slug-charset", Severity.ERROR, "A slug has characters outside a-z0-9-."),
    RuleSummary("HK105", "unknown-word", Severity.WARNING, "A slug word is in no dictionary."),
    RuleSummary("HK202", "date-missing", Severity.ERROR, "A post has no date header."),
    RuleSummary("HK204", "date-future", Severity.WARNING, "A post's date is after today."),
)
RUN = RunSummary(files_checked=12, rules=RULES)


class TerminalStringIO(io.StringIO):
    """A string stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def rendered(
    output_format: str,
    diagnostics: Sequence[Diagnostic] = SAMPLE,
    run: RunSummary = RUN,
    *,
    statistics: bool = False,
    color: bool | None = None,
) -> str:
    """What ``render`` writes to a plain (non-terminal) string stream."""
    stream = io.StringIO()
    render(output_format, diagnostics, run, stream, statistics=statistics, color=color)
    return stream.getvalue()


def sarif_of(diagnostics: Sequence[Diagnostic] = SAMPLE, run: RunSummary = RUN) -> Any:
    return json.loads(rendered("sarif", diagnostics, run))


# jsonschema checks "uri" and "uri-reference" only with optional packages that
# this project does not need; these two follow RFC 3986 closely enough to catch
# an unencoded space, "%", "#", non-ASCII, or a scheme-like first segment.
_URI_CHARACTERS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def is_uri_reference(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _URI_CHARACTERS.match(value):
        return False
    if _SCHEME.match(value):
        return True
    # A relative reference's first segment must not look like a scheme (RFC 3986, 4.2).
    first_segment = value.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return ":" not in first_segment


def is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return is_uri_reference(value) and _SCHEME.match(value) is not None


@cache
def sarif_schema() -> Any:
    return json.loads(SARIF_SCHEMA_PATH.read_text(encoding="utf-8"))


@cache
def sarif_validator() -> Any:
    """A validator for the vendored official schema, with URI formats checked.

    The schema is used as published; it does not pass its own meta-schema check
    (``region`` has an ``anyOf`` misplaced under ``properties``), so the
    validator is built directly rather than through ``jsonschema.validate``.
    """
    schema = sarif_schema()
    checker = jsonschema.FormatChecker()
    checker.checks("uri")(is_uri)
    checker.checks("uri-reference")(is_uri_reference)
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema, format_checker=checker)


def sarif_errors(log: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in sarif_validator().iter_errors(log)
    ]


def unescape_github(text: str) -> str:
    """Undo the Actions toolkit's escaping, as the runner does (``%25`` last)."""
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def parse_workflow_command(line: str) -> tuple[str, dict[str, str], str]:
    """``::name k=v,k=v::message`` read the way the Actions runner reads it."""
    assert line.startswith("::"), line
    head, separator, message = line[2:].partition("::")
    assert separator, line
    name, _, properties = head.partition(" ")
    parsed: dict[str, str] = {}
    for item in properties.split(","):
        key, equals, value = item.partition("=")
        assert equals, line
        parsed[key] = unescape_github(value)
    return name, parsed, unescape_github(message)
