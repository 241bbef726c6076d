"""Front matter: YAML (``---``), TOML (``+++``) and JSON (``{ ... }``) headers.

python-frontmatter's handlers recognise the three styles (their ``detect`` and
boundary patterns are used as they are), but its loading is wrong for a linter in
several ways, so those steps are done here instead:

* ``frontmatter.parse`` returns ``{}`` silently for an unclosed fence, a YAML error or
  front matter that is a list or a scalar, and it strips the content, losing line
  numbers. Here each of those is a :class:`Located` error, and lines are kept.
* Its YAML handler resolves timestamps, so ``date: 2023-02-30`` raises inside the
  loader: an invalid date would look like a broken file. Here dates stay strings as
  written (a loader without the timestamp resolver), for the date rules to judge.
* Nothing bounds YAML aliases; a "billion laughs" header is refused here before it is
  constructed.
* Its TOML handler exists only when the old ``toml`` package is installed; the
  standard ``tomllib`` does the work here.
* Its JSON boundary pattern ends the object at the first ``{`` or ``}`` line, nested
  ones included; here the JSON decoder itself says where the object ends.

This module imports ``frontmatter`` and ``yaml``; it is loaded only for files that
start with ``---``, ``+++`` or ``{``.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from haikulint.blog.post import Located

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

if TYPE_CHECKING:
    import yaml

MAX_EXPANDED_NODES = 10_000
"""YAML front matter whose aliases, copied out, would make more values than this is refused."""

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_JSON_KEY = re.compile(r'\s*"((?:[^"\\]|\\.)*)"\s*:')
_TOML_KEY = re.compile(r"""\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*[=.]""")
_TOML_TABLE = re.compile(r"""\s*\[\[?\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))""")
_TOML_AT = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")


class FrontMatterError(Exception):
    """Front matter that cannot be used, with the file line to blame."""

    def __init__(self, reason: str, line: int) -> None:
        super().__init__(reason)
        self.located = Located(reason, line)


@dataclass
class FrontMatter:
    """The header block at the top of a post, parsed or refused."""

    style: str
    """``yaml``, ``toml`` or ``json``."""
    headers: dict[str, object] = field(default_factory=dict)
    header_lines: dict[str, int] = field(default_factory=dict)
    error: Located | None = None
    body_start: int | None = None
    """Offset in the text where the body begins; ``None`` when the fence is never closed."""
    body_line: int = 1


@dataclass(frozen=True)
class _Style:
    name: str
    detect: Callable[[str], bool]
    closing: re.Pattern[str] | None
    fence: str


def read_front_matter(text: str) -> FrontMatter | None:
    """The front matter at the start of ``text`` (LF line ends), or ``None`` if it has none."""
    style = next((style for style in _styles() if style.detect(text)), None)
    if style is None:
        return None
    found = FrontMatter(style=style.name)
    if style.name == "json":
        return _read_json(text, found)
    opening_end = text.find("\n")
    if opening_end < 0:
        found.error = _unclosed(style)
        return found
    content_start = opening_end + 1
    assert style.closing is not None
    closing = style.closing.search(text, content_start)
    if closing is None:
        found.error = _unclosed(style)
        return found
    closing_line = 2 + text.count("\n", content_start, closing.start())
    after = text.find("\n", closing.start())
    found.body_start = len(text) if after < 0 else after + 1
    found.body_line = closing_line + 1
    try:
        load = _load_yaml if style.name == "yaml" else _load_toml
        data, lines = load(text[content_start : closing.start()], 2)
    except FrontMatterError as error:
        found.error = error.located
        return found
    _store(found, data, lines)
    return found


def _store(found: FrontMatter, data: dict[Any, Any], lines: dict[str, int]) -> None:
    for key, value in data.items():
        name = str(key).lower()
        if name not in found.headers:
            found.headers[name] = value
            if name in lines:
                found.header_lines[name] = lines[name]


@functools.cache
def _styles() -> tuple[_Style, ...]:
    from frontmatter.default_handlers import BaseHandler, JSONHandler, YAMLHandler

    class TomlHandler(BaseHandler):
        """python-frontmatter's own TOMLHandler is ``None`` without the old ``toml`` package."""

        FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
        START_DELIMITER = END_DELIMITER = "+++"

        def load(self, fm: str, **kwargs: object) -> Any:
            return tomllib.loads(fm)

    yaml_handler, toml_handler, json_handler = YAMLHandler(), TomlHandler(), JSONHandler()
    return (
        _Style("yaml", yaml_handler.detect, YAMLHandler.FM_BOUNDARY, "---"),
        _Style("toml", toml_handler.detect, TomlHandler.FM_BOUNDARY, "+++"),
        # JSONHandler.detect also says yes to a first line "}"; only "{" opens an object.
        _Style("json", lambda text: text[:1] == "{" and json_handler.detect(text), None, "{"),
    )


def _unclosed(style: _Style) -> Located:
    return Located(
        f"{style.name.upper()} front matter opened on line 1 is never closed "
        f"(no {style.fence!r} line after it)",
        1,
    )


def _load_yaml(source: str, first_line: int) -> tuple[dict[Any, Any], dict[str, int]]:
    import yaml

    loader = _yaml_loader()(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if "&" in source and _expanded_size(node, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES:
            raise FrontMatterError(
                f"YAML front matter whose aliases expand to more than {MAX_EXPANDED_NODES} "
                "values (an alias bomb?) is refused",
                first_line + node.start_mark.line,
            )
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark is not None else 0)
        problem = error.problem or error.context or "cannot be parsed"
        raise FrontMatterError(f"invalid YAML front matter: {problem}", line) from error
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        raise FrontMatterError(f"invalid YAML front matter: {error}", first_line) from error
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"YAML front matter is {_kind(data)}, not key: value pairs", first_line
        )
    lines = {
        str(key.value).lower(): first_line + key.start_mark.line
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }
    return data, lines


@functools.cache
def _yaml_loader() -> type[yaml.SafeLoader]:
    """PyYAML's C safe loader (about 8x faster than the pure-Python one python-frontmatter
    falls back to) minus the timestamp resolver, so dates stay as written."""
    import yaml

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    resolvers = {
        first: [(tag, pattern) for tag, pattern in entries if tag != _TIMESTAMP_TAG]
        for first, entries in base.yaml_implicit_resolvers.items()
    }
    return type("DatesAsWrittenLoader", (base,), {"yaml_implicit_resolvers": resolvers})


def _expanded_size(root: yaml.Node, limit: int) -> int:
    """How many nodes the document would have with every alias copied out, up to ``limit + 1``.

    Aliases share nodes, so composing a bomb is cheap; this counts each shared node once
    and multiplies, and a node that contains itself counts as too many.
    """
    import yaml

    def children(node: yaml.Node) -> list[yaml.Node]:
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        if isinstance(node, yaml.MappingNode):
            return [child for pair in node.value for child in pair]
        return []

    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            in_progress.discard(key)
            sizes[key] = min(limit + 1, 1 + sum(sizes[id(child)] for child in children(node)))
            continue
        if key in sizes:
            continue
        if key in in_progress:
            return limit + 1
        in_progress.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children(node) if id(child) not in sizes)
    return sizes[id(root)]


def _load_toml(source: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        at = _TOML_AT.search(message)
        line = first_line + source.count("\n")
        if at is not None:
            message = message[: at.start()] + message[at.end() :]
            if at.group(1) is not None:
                line = first_line + int(at.group(1)) - 1
        raise FrontMatterError(f"invalid TOML front matter: {message}", line) from error
    lines: dict[str, int] = {}
    in_table = False
    for offset, text in enumerate(source.split("\n")):
        table = _TOML_TABLE.match(text)
        if table is not None:
            in_table = True
            name = next(group for group in table.groups() if group is not None).lower()
            lines.setdefault(name, first_line + offset)
            continue
        key = None if in_table else _TOML_KEY.match(text)
        if key is not None:
            name = next(group for group in key.groups() if group is not None).lower()
            lines.setdefault(name, first_line + offset)
    return data, lines


def _read_json(text: str, found: FrontMatter) -> FrontMatter:
    try:
        data, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as error:
        found.error = Located(f"invalid JSON front matter: {error.msg}", error.lineno)
        return found
    except RecursionError:
        found.error = Located("invalid JSON front matter: nested too deeply", 1)
        return found
    after = text.find("\n", end)
    found.body_start = len(text) if after < 0 else after + 1
    found.body_line = 2 + text.count("\n", 0, end)
    if not isinstance(data, dict):  # pragma: no cover - detect() lets only "{" through
        found.error = Located(f"JSON front matter is {_kind(data)}, not an object", 1)
        return found
    lines: dict[str, int] = {}
    for offset, line in enumerate(text[:end].split("\n")):
        key = _JSON_KEY.match(line)
        if key is not None and key.group(1) in data:
            lines.setdefault(key.group(1).lower(), 1 + offset)
    _store(found, data, lines)
    return found


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a line of text"
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, (int, float)):
        return "a number"
    return f"a {type(value).__name__}"
