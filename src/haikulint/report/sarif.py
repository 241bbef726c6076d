"""``--output-format sarif``: a SARIF 2.1.0 log for code-scanning tools.

One run; ``tool.driver.rules`` lists the rules that ran (plus any rule a
diagnostic names that the run did not list, so every ``ruleIndex`` is valid).
Paths are relative URIs against ``%SRCROOT%`` (the working directory, given in
``originalUriBaseIds``), percent-encoded so that spaces, ``#``, ``%``, ``:`` or
non-UTF-8 bytes in a file name still make a valid URI reference. A region is
written only when the line is known (SARIF lines start at 1, and an empty
region is not allowed), with ``startColumn`` only when the column is known too. A
problem with a text fix carries it as ``fixes`` (replacements by character offset).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO
from urllib.parse import quote_from_bytes

from haikulint import __version__
from haikulint.diagnostic import Diagnostic, Severity
from haikulint.escape import valid_unicode
from haikulint.report import RuleSummary, RunSummary

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_VERSION = "2.1.0"
TOOL_NAME = "haikulint"
SOURCE_ROOT = "%SRCROOT%"
LEVELS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}
# Project-URL labels, best first, that say where to read about haikulint.
_INFORMATION_LABELS = ("homepage", "documentation", "repository", "source")
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


def render(diagnostics: Sequence[Diagnostic], run: RunSummary, stream: TextIO) -> None:
    """Write the SARIF log for ``diagnostics`` (already sorted)."""
    stream.write(json.dumps(sarif_log(diagnostics, run), indent=2, ensure_ascii=True))
    stream.write("\n")


def sarif_log(diagnostics: Sequence[Diagnostic], run: RunSummary) -> dict[str, object]:
    """The SARIF log as plain data, ready for ``json.dumps``."""
    rules = _rules(diagnostics, run.rules)
    index_of = {rule.code: index for index, rule in enumerate(rules)}
    sarif_run: dict[str, object] = {"tool": {"driver": _driver(rules)}}
    source_root = _source_root_uri()
    if source_root is not None:
        sarif_run["originalUriBaseIds"] = {SOURCE_ROOT: {"uri": source_root}}
    sarif_run["columnKind"] = "unicodeCodePoints"  # columns count characters of a Python str
    sarif_run["results"] = [
        _result(diagnostic, index_of[diagnostic.code]) for diagnostic in diagnostics
    ]
    return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [sarif_run]}


def artifact_location(path: str) -> dict[str, str]:
    """A POSIX path as a SARIF ``artifactLocation``: relative to ``%SRCROOT%`` if it can be."""
    if path.startswith("/"):
        return {"uri": "file://" + _quote(path)}
    if _WINDOWS_DRIVE.match(path):
        return {"uri": "file:///" + path[:2] + _quote(path[2:])}
    return {"uri": _quote(path), "uriBaseId": SOURCE_ROOT}


def region(diagnostic: Diagnostic) -> dict[str, int] | None:
    """``startLine`` (and ``startColumn``) when known and valid, else ``None``."""
    if diagnostic.line is None or diagnostic.line < 1:
        return None
    found = {"startLine": diagnostic.line}
    if diagnostic.column is not None and diagnostic.column >= 1:
        found["startColumn"] = diagnostic.column
    return found


def information_uri() -> str | None:
    """Where to read about haikulint: the package's Project-URL, if it declares one."""
    from importlib import metadata

    try:
        fields = metadata.metadata(TOOL_NAME)
    except metadata.PackageNotFoundError:
        return None
    urls: dict[str, str] = {}
    for entry in fields.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls.setdefault(label.strip().lower(), url.strip())
    for label in _INFORMATION_LABELS:
        if urls.get(label, "").startswith(("https://", "http://")):
            return urls[label]
    for home_page in fields.get_all("Home-page") or []:
        if str(home_page).startswith(("https://", "http://")):
            return str(home_page)
    return None


def _rules(diagnostics: Sequence[Diagnostic], ran: Sequence[RuleSummary]) -> list[RuleSummary]:
    by_code: dict[str, RuleSummary] = {}
    for rule in ran:
        by_code.setdefault(rule.code, rule)
    for diagnostic in diagnostics:
        if diagnostic.code not in by_code:
            by_code[diagnostic.code] = RuleSummary(
                diagnostic.code, diagnostic.name, diagnostic.severity, diagnostic.name
            )
    return list(by_code.values())


def _driver(rules: Sequence[RuleSummary]) -> dict[str, object]:
    driver: dict[str, object] = {"name": TOOL_NAME, "version": __version__}
    uri = information_uri()
    if uri is not None:
        driver["informationUri"] = uri
    driver["rules"] = [_rule_descriptor(rule) for rule in rules]
    return driver


def _rule_descriptor(rule: RuleSummary) -> dict[str, object]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _result(diagnostic: Diagnostic, rule_index: int) -> dict[str, object]:
    physical_location: dict[str, object] = {"artifactLocation": artifact_location(diagnostic.path)}
    found = region(diagnostic)
    if found is not None:
        physical_location["region"] = found
    result: dict[str, object] = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": LEVELS[diagnostic.severity],
        # Code-scanning viewers reject an empty message; the rule name is better than nothing.
        "message": {"text": valid_unicode(diagnostic.message or diagnostic.name)},
        "locations": [{"physicalLocation": physical_location}],
    }
    if diagnostic.fix is not None and diagnostic.fix.edits and not diagnostic.fix.renames:
        result["fixes"] = [_fix(diagnostic)]
    return result


def _fix(diagnostic: Diagnostic) -> dict[str, object]:
    """A text fix as a SARIF ``fix``: replacements by character offset in the file (a
    rename has no SARIF form, so a fix with one is left out)."""
    assert diagnostic.fix is not None
    return {
        "description": {"text": diagnostic.fix.message},
        "artifactChanges": [
            {
                "artifactLocation": artifact_location(diagnostic.path),
                "replacements": [
                    {
                        "deletedRegion": {
                            "charOffset": edit.start,
                            "charLength": edit.end - edit.start,
                        },
                        "insertedContent": {"text": edit.replacement},
                    }
                    for edit in sorted(diagnostic.fix.edits)
                ],
            }
        ],
    }


def _quote(path: str) -> str:
    try:
        # surrogateescape gives back the original bytes of a name that was not UTF-8.
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file system decoding makes
        raw = path.encode("utf-8", "surrogatepass")
    return quote_from_bytes(raw, safe="/")


def _source_root_uri() -> str | None:
    try:
        return Path.cwd().as_uri().rstrip("/") + "/"
    except (OSError, ValueError):  # the working directory was removed
        return None
