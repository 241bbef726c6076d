"""Writing a config as TOML text: a ``haikulint.toml``, or a table appended to pyproject.toml.

What is written is checked by reading it back with the TOML parser the config loader
uses: the new file must hold exactly the table meant, and an appended pyproject.toml
must still parse, with every byte that was there kept and only ``[tool.haikulint]``
added. Anything else is a :class:`ConfigWriteError`, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

PYPROJECT = "pyproject.toml"
TABLE_HEADER = "[tool.haikulint]"

Value = str | bool | int | Sequence[int] | Sequence[str]


class ConfigWriteError(Exception):
    """The config cannot be written soundly into this file; the message says why."""


def render_table(values: Mapping[str, Value], comment: str = "") -> str:
    """``key = value`` lines, one per key in order, preceded by ``# comment`` lines."""
    lines = [f"# {_comment_text(line)}".rstrip() for line in comment.splitlines()]
    lines += [f"{key} = {toml_value(value)}" for key, value in values.items()]
    return "".join(line + "\n" for line in lines)


def _comment_text(line: str) -> str:
    """``line`` as a TOML comment may hold it: control characters and lone surrogates
    (which TOML and UTF-8 refuse) as ``?``."""
    return "".join(
        "?"
        if (ord(char) < 0x20 and char != "\t") or ord(char) == 0x7F or 0xD800 <= ord(char) <= 0xDFFF
        else char
        for char in line
    )


def toml_value(value: Value) -> str:
    """A TOML value on one line: a string, a boolean, an integer or a flat array."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    return "[" + ", ".join(toml_value(item) for item in value) + "]"


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: ``\\``, ``"`` and every control character escaped."""
    escaped = []
    for char in text:
        if char in ('"', "\\"):
            escaped.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04x}")
        elif 0xD800 <= ord(char) <= 0xDFFF:
            raise ConfigWriteError(f"{text!r} holds a byte that is not UTF-8 text")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def new_config_file(values: Mapping[str, Value], comment: str = "") -> bytes:
    """The content of a new ``haikulint.toml``: the keys at the top level."""
    text = render_table(values, comment)
    _check_reads_back(_parse(text, "the new config would hold "), values)
    return text.encode("utf-8")


def appended_pyproject(existing: bytes, values: Mapping[str, Value], comment: str = "") -> bytes:
    """``existing`` (a pyproject.toml's bytes) with a ``[tool.haikulint]`` table appended.

    Every existing byte is kept, in place; a final line break is added if the file
    lacks one, in the file's own style (CRLF if it uses CRLF). Raises
    :class:`ConfigWriteError` if the file is not UTF-8 TOML, already configures
    haikulint, or would not read back with exactly ``values`` as its table.
    """
    try:
        text = existing.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigWriteError("it is not UTF-8 text") from None
    before = _parse(text.removeprefix("\ufeff"), "")
    tool = before.get("tool")
    if isinstance(tool, Mapping) and "haikulint" in tool:
        raise ConfigWriteError(f"it already has a {TABLE_HEADER} table")
    separator = "" if not text or text.endswith(("\n", "\r")) else "\n"
    table = render_table(values, comment)
    addition = separator + ("\n" if text.strip() else "") + TABLE_HEADER + "\n" + table
    if "\r\n" in text:
        addition = addition.replace("\n", "\r\n")
    combined = text + addition
    after = _parse(combined.removeprefix("\ufeff"), "with it added, the file would hold ")
    after_tool = after.get("tool")
    if not isinstance(after_tool, Mapping):
        raise ConfigWriteError(f"{TABLE_HEADER} would not read back as a table")
    _check_reads_back(after_tool.get("haikulint", {}), values)
    return existing + addition.encode("utf-8")


def _parse(text: str, what: str) -> dict[str, Any]:
    """``text`` parsed as the config loader parses it; a failure is ``what`` + its error."""
    from haikulint.bounded_read import InputError, parse_toml

    try:
        return parse_toml(text)
    except InputError as error:
        raise ConfigWriteError(f"{what}{error}") from None


def _check_reads_back(table: object, values: Mapping[str, Value]) -> None:
    expected = {
        key: list(value) if isinstance(value, tuple) else value for key, value in values.items()
    }
    if table != expected:
        raise ConfigWriteError(f"{TABLE_HEADER} would not read back as written")
