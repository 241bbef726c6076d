"""Front matter: YAML (``---``), TOML (``+++``) and JSON (``{ ... }``) headers.

python-frontmatter's handlers recognise the three styles (their ``detect`` and
boundary patterns are used as they are: copied, and held to the package by the tests),
but its loading is wrong for a linter in several ways, so those steps are done here
instead:

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
  ones included, and it knows only an object whose first line is a lone ``{``; here
  ``{"title": "T", ...}`` on one line counts too (as in Hugo), and the JSON decoder
  itself says where the object ends.
* ``tomllib`` refuses an impossible date (``date = 2023-02-30``, ``2023-13-01``,
  ``2024-01-02T25:00:00``) as a syntax error, and recurses without bound into nested
  arrays. Here such a date becomes the text it was written as, for the date rules to
  judge as YAML's are, and deep nesting is an error.

Where a parser's message says only what is wrong, a hint says what would be right
(``title: "Kubernetes: The Hard Way"``, ``title = "A Title"``), and an unclosed quote
is blamed on the line where it opens.

This module is loaded only for files that start with ``---``, ``+++`` or ``{``; it
imports ``yaml`` only for a YAML header that is not plain ``key: value`` text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from haikulint.blog.post import Located, double_quoted, value_kind
from haikulint.bounded_read import toml_module

if TYPE_CHECKING:
    import json

    import yaml


# tomllib (bounded_read.toml_module) and json are imported at first use, not with this
# module: a run whose headers are all YAML (or whose posts all come from the result
# cache) never needs them, and importing the two costs about 5 ms of a pre-commit run.
@functools.cache
def _json() -> Any:
    import json

    return json


MAX_EXPANDED_NODES = 10_000
"""YAML front matter whose aliases, copied out, would make more values than this is refused."""

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_JSON_KEY = re.compile(r'[\s{,]*"((?:[^"\\]|\\.)*)"\s*:')
_TOML_KEY = re.compile(r"""\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*[=.]""")
_TOML_TABLE = re.compile(r"""\s*\[\[?\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))""")
_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")
_TOML_DATETIME = re.compile(
    # tomllib's own pattern for a date or date-time value (tomllib._re.RE_DATETIME)
    r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"(?:[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?"
    r"(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?"
)
_TOML_DATE_SHAPED = re.compile(
    # A date or date-time written as TOML writes them, any digits in each place
    # (``2023-13-01``, ``2024-01-02T25:00:00``), then what may follow a value.
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(?:[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})?)?"
    r"(?=[ \t]*(?:[,\]}#]|\Z))"
)
_TOML_TIME_PARTS = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:(?P<second>[0-9]{2})(?:\.[0-9]+)?"
    r"(?:[Zz]|(?P<offset>[+-][0-9]{2}:[0-9]{2}))?"
)
_TOML_VALUE_START = ("=", "[", ",")
"""What stands before a value: a key's ``=``, an array's ``[`` or a ``,`` between items."""
_TOML_ASSIGNMENT = re.compile(
    r"""[ \t]*((?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+)(?:[ \t]*\.[ \t]*"""
    r"""(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+))*)[ \t]*=[ \t]*"""
)
_BRACKET = re.compile(r"[\[\]{}]")
_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[Tt ]\S*)?\Z")
_YAML_PAIR = re.compile(r"""([ \t]*(?:-[ \t]+)?)([^\s:#'"{}\[\],&*!|>%@`-][^:#]*?):[ \t]+""")
MAX_DATE_FIXES = 20
"""How many impossible TOML dates in one front matter are turned into text before giving up."""
MAX_NESTING_DEPTH = 100
"""Front matter whose lists and tables nest deeper than this is refused, in every format
(the parsers' own limits differ, and tomllib has none but the interpreter's stack)."""
NESTED_TOO_DEEPLY = (
    f"values are nested more than {MAX_NESTING_DEPTH} levels deep (lists or tables inside "
    "one another); a header needs only a few levels"
)
HUGE_NUMBER = "a number has thousands of digits; a header needs no such number"


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
    # Each style's fence starts with its own character: only that style can detect it.
    style = _style_by_first_character().get(text[:1])
    if style is None or not style.detect(text):
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
        source = text[content_start : closing.start()]
        data, lines = load(source, 2)
        if _too_deep(data):
            raise FrontMatterError(_nested_too_deeply(style.name), 2 + _deepest_line(source))
    except FrontMatterError as error:
        found.error = error.located
        return found
    _store(found, data, lines)
    return found


def _too_deep(data: dict[Any, Any]) -> bool:
    """Whether lists and mappings in ``data`` nest more than :data:`MAX_NESTING_DEPTH` deep."""
    containers = (dict, list)
    stack = [(value, 1) for value in data.values() if isinstance(value, containers)]
    while stack:  # most headers are text: then there is nothing to walk
        value, depth = stack.pop()
        if depth > MAX_NESTING_DEPTH:
            return True
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children if isinstance(child, containers))
    return False


def _nested_too_deeply(style: str) -> str:
    return f"invalid {style.upper()} front matter: {NESTED_TOO_DEEPLY}"


def _store(found: FrontMatter, data: dict[Any, Any], lines: dict[str, int]) -> None:
    for key, value in data.items():
        name = str(key).lower()
        if name not in found.headers:
            found.headers[name] = value
            if name in lines:
                found.header_lines[name] = lines[name]


YAML_BOUNDARY = re.compile(r"^-{3,}\s*$", re.MULTILINE)
TOML_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
JSON_BOUNDARY = re.compile(r"^(?:{|})$", re.MULTILINE)
"""python-frontmatter's boundary patterns (``YAMLHandler.FM_BOUNDARY``, ...), and its
``detect`` is their ``match`` at the start of the text: the same here, without importing
the package and PyYAML with it (~25 ms of a pre-commit run whose posts' headers are all
plain ``key: value`` text). The tests hold them to the installed package's."""


@functools.cache
def _styles() -> tuple[_Style, ...]:
    return (
        # YAML's document-end marker "..." closes front matter too, as in Jekyll.
        _Style("yaml", _detector(YAML_BOUNDARY), _YAML_CLOSING, "---"),
        _Style("toml", _detector(TOML_BOUNDARY), TOML_BOUNDARY, "+++"),
        # JSONHandler.detect also says yes to a first line "}"; only "{" opens an object,
        # and it says no to an object on one line ({"title": "T"}), which Hugo reads.
        _Style("json", lambda text: _is_json_opening(text, _detector(JSON_BOUNDARY)), None, "{"),
    )


@functools.cache
def _style_by_first_character() -> dict[str, _Style]:
    return {style.fence[0]: style for style in _styles()}


def _detector(boundary: re.Pattern[str]) -> Callable[[str], bool]:
    """python-frontmatter's ``BaseHandler.detect`` for a handler with this boundary."""
    return lambda text: boundary.match(text) is not None


_YAML_CLOSING = re.compile(r"^(?:-{3,}|\.{3})\s*$", re.MULTILINE)

_JSON_OPENING = re.compile(r'\{\s*["}]')


def _is_json_opening(text: str, detect: Callable[[str], bool]) -> bool:
    """A lone ``{`` first line, or ``{`` then a key or ``}``: not ``{{< shortcode >}}``."""
    return text[:1] == "{" and (detect(text) or _JSON_OPENING.match(text) is not None)


def _unclosed(style: _Style) -> Located:
    return Located(
        f"{style.name.upper()} front matter opened on line 1 is never closed "
        f"(no {style.fence!r} line after it)",
        1,
    )


def _load_yaml(source: str, first_line: int) -> tuple[dict[Any, Any], dict[str, int]]:
    """The mapping YAML front matter ``source`` holds and the line of each key, or
    :class:`FrontMatterError`; ``source`` starts on line ``first_line`` of the file."""
    return _plain_pairs(source, first_line) or _load_yaml_fully(source, first_line)


_PLAIN_PAIR = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,99}): +([^-?:,\[\]{}#&*!|>'\"%@`\s][^\t]*)")
"""``key: value`` at the start of a line, the value a plain scalar that starts with no
YAML indicator (no quote, list, mapping, anchor, alias, tag or block scalar)."""


def _plain_pairs(source: str, first_line: int) -> tuple[dict[Any, Any], dict[str, int]] | None:
    """What :func:`_load_yaml_fully` makes of front matter that is only ``key: text`` lines
    (and blank ones), as nearly every post's is; None for anything else.

    PyYAML's C loader takes 25-35 us for a three-line header (the scanner, then a node
    tree, then constructing it, all through Python objects); these lines are read here
    in 3-5 us. A value is text exactly when PyYAML's own resolvers (the loader's, without
    timestamps) give it no other type, so ``draft: false``, ``weight: 3`` and ``~`` go the
    full way, as does any key repeated, any ``: `` or `` #`` in a value, and any character
    that is not printable. ``tests/blog/test_front_matter_fast_path.py`` compares both on
    generated headers.
    """
    resolvers = _resolvers_by_first_character()
    data: dict[Any, Any] = {}
    lines: dict[str, int] = {}
    for offset, line in enumerate(source.split("\n")):
        if not line:
            continue
        pair = _PLAIN_PAIR.fullmatch(line)
        if pair is None:
            return None
        key, value = pair.group(1), pair.group(2).rstrip(" ")
        if ": " in value or value[-1] == ":" or " #" in value or not value.isprintable():
            return None
        for text in (key, value):
            for pattern in resolvers.get(text[0], resolvers[""]):
                if pattern.match(text):
                    return None  # a number, true/false, null...: not text
        name = key.lower()
        if name in lines:
            return None
        data[key] = value
        lines[name] = first_line + offset
    return (data, lines) if data else None


@functools.cache
def _resolvers_by_first_character() -> dict[str, tuple[re.Pattern[str], ...]]:
    """The patterns PyYAML's resolver tries on a plain scalar, by its first character
    (``""``: the ones for any other character), as :func:`_yaml_loader`'s resolver has them.

    Built from a copy of PyYAML's table (:data:`YAML_PLAIN_RESOLVERS`), not from PyYAML
    itself: importing it costs 14 ms, a tenth of a pre-commit run whose headers all take
    the fast path. ``tests/blog/test_front_matter_fast_path.py`` holds the copy to the
    installed loader's table."""
    by_first: dict[str, list[re.Pattern[str]]] = {}
    for first_characters, source, flags in YAML_PLAIN_RESOLVERS:
        pattern = re.compile(source, flags)
        for first in first_characters:
            # "": the empty value, which a plain pair never has (PyYAML's None, the
            # patterns for any first character, would go into every entry: it has none)
            if first:
                by_first.setdefault(first, []).append(pattern)
    found = {first: tuple(patterns) for first, patterns in by_first.items()}
    found[""] = ()
    return found


YAML_PLAIN_RESOLVERS: tuple[tuple[tuple[str, ...], str, int], ...] = (
    # (first characters, pattern, flags): PyYAML 6's SafeLoader implicit resolvers in its
    # order, but the timestamp one (see _yaml_loader).
    (
        tuple("yYnNtTfFoO"),
        r"""^(?:yes|Yes|YES|no|No|NO
                    |true|True|TRUE|false|False|FALSE
                    |on|On|ON|off|Off|OFF)$""",
        re.X,
    ),
    (
        tuple("-+0123456789."),
        r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$""",
        re.X,
    ),
    (
        tuple("-+0123456789"),
        r"""^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
        re.X,
    ),
    (("<",), r"^(?:<<)$", 0),
    (
        ("~", "n", "N", ""),
        r"""^(?: ~
                    |null|Null|NULL
                    | )$""",
        re.X,
    ),
    (("=",), r"^(?:=)$", 0),
    (tuple("!&*"), r"^(?:!|&|\*)$", 0),
)


def _load_yaml_fully(source: str, first_line: int) -> tuple[dict[Any, Any], dict[str, int]]:
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
        reason, line = _yaml_error(error, source, first_line)
        raise FrontMatterError(f"invalid YAML front matter: {reason}", first_line + line) from error
    except RecursionError as error:
        raise FrontMatterError(
            _nested_too_deeply("yaml"), first_line + _deepest_line(source)
        ) from error
    except (yaml.YAMLError, ValueError, TypeError) as error:
        raise FrontMatterError(f"invalid YAML front matter: {error}", first_line) from error
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"YAML front matter is {value_kind(data)}, not key: value pairs", first_line
        )
    lines = {
        str(key.value).lower(): first_line + key.start_mark.line
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }
    return data, lines


def _yaml_error(error: yaml.MarkedYAMLError, source: str, first_line: int) -> tuple[str, int]:
    """What is wrong and what would be right, and the 0-based line of ``source`` to blame
    (``source`` starts on line ``first_line`` of the file)."""
    problem = error.problem or error.context or "cannot be parsed"
    context = error.context or ""
    problem_mark, context_mark = error.problem_mark, error.context_mark
    mark = problem_mark or context_mark
    line = mark.line if mark is not None else 0
    lines = source.split("\n")
    if "nesting depth" in problem:
        return NESTED_TOO_DEEPLY, _deepest_line(source)
    if context_mark is not None and "quoted scalar" in context and "end of stream" in problem:
        start = lines[context_mark.line] if context_mark.line < len(lines) else ""
        quote = start[context_mark.column : context_mark.column + 1] or '"'
        return (
            f"the {quote}quoted{quote} value that starts on line "
            f"{first_line + context_mark.line} is never closed; end it with {quote}",
            context_mark.line,
        )
    if context_mark is not None and context.startswith("while parsing a flow "):
        kind, opening, closing = (
            ("list", "[", "]") if "sequence" in context else ("mapping", "{", "}")
        )
        if problem_mark is None or problem_mark.line > context_mark.line:
            return (
                f"{problem} in the {opening} {kind} that opens on line "
                f"{first_line + context_mark.line}; close it with {closing} "
                "(and put commas between its items)",
                context_mark.line,
            )
    if problem.startswith("mapping values are not allowed") and line < len(lines):
        hint = _yaml_quote_hint(lines[line])
        if hint is not None:
            return f"{problem}; {hint}", line
    return problem, line


def _yaml_quote_hint(line: str) -> str | None:
    """``title: Kubernetes: The Hard Way`` -> quote the value: title: "Kubernetes: ..."."""
    pair = _YAML_PAIR.match(line)
    if pair is None:
        return None
    value = line[pair.end() :].strip()
    if not value or value[0] in "'\"":
        return None
    key = pair.group(2).strip()
    quoted = double_quoted(value)
    if not yaml_reads_back(key, quoted, value):
        return None
    return f'a value holding ": " must be quoted: {key}: {quoted}'


def yaml_reads_back(key: str, written: str, value: str) -> bool:
    """Whether the YAML line ``key: written`` reads back as the text ``value``, both as
    front matter is read here and by YAML readers that turn ``2024-01-02`` into a date.

    ``title: Kubernetes: The Hard Way`` does not (a second ``: `` is a syntax error);
    ``title: "Kubernetes: The Hard Way"`` does.
    """
    import yaml

    try:
        if yaml.load(f"{key}: {written}", Loader=_yaml_loader()) != {key: value}:
            return False
    except yaml.YAMLError:
        return False
    return not _is_yaml_timestamp(written)


def _is_yaml_timestamp(written: str) -> bool:
    """Whether YAML's own resolvers (which :func:`_yaml_loader` drops) read ``written``,
    unquoted, as a timestamp."""
    import yaml

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return any(
        tag == _TIMESTAMP_TAG and pattern.match(written)
        for tag, pattern in base.yaml_implicit_resolvers.get(written[:1], [])
    )


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
    return _plain_toml_pairs(source, first_line) or _load_toml_fully(source, first_line)


_PLAIN_TOML_PAIR = re.compile(
    r"""[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*"""
    r"""(?:"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"|'([^'\x00-\x08\x0a-\x1f\x7f]*)'"""
    r"""|([0-9]{4})-([0-9]{2})-([0-9]{2}))[ \t]*"""
)
"""``key = "text"``, ``key = 'text'`` or ``key = 2024-01-02`` on a line of its own: a bare
key, then a one-line string with no escape and no control character (tomllib refuses
those but tab), or a local date, and no comment."""


def _plain_toml_pairs(source: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]] | None:
    """What :func:`_load_toml_fully` makes of TOML front matter that is only ``key =
    "text"`` and ``key = YYYY-MM-DD`` lines (and blank ones), as nearly every post's is;
    None for anything else.

    tomllib takes 15-20 us for a two-line header (it is written in Python, character by
    character); these lines are read here in 2-3. It declines everything else to the
    full parser: escapes, multi-line strings, arrays, inline tables, tables, dotted or
    quoted keys, numbers, booleans, times, comments, a key repeated, and a date that is
    no real one (``2023-02-30``, which the full way keeps as text).
    ``tests/blog/test_front_matter_fast_path.py`` compares both on generated headers.
    """
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for offset, line in enumerate(source.split("\n")):
        if not line.strip(" \t"):
            continue
        pair = _PLAIN_TOML_PAIR.fullmatch(line)
        if pair is None:
            return None
        key, basic, literal, year = pair.group(1, 2, 3, 4)
        if key in data:
            return None  # tomllib refuses it, and says where
        if year is None:
            data[key] = basic if basic is not None else literal
        else:
            try:
                data[key] = date(int(year), int(pair.group(5)), int(pair.group(6)))
            except ValueError:
                return None
        lines.setdefault(key.lower(), first_line + offset)
    return (data, lines) if data else None


def _load_toml_fully(source: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        data = _parse_toml(source)
    except toml_module().TOMLDecodeError as error:
        message = str(error)
        at = _TOML_AT.search(message)
        line = first_line + source.count("\n")
        if at is not None:
            message = message[: at.start()] + message[at.end() :]
            if at.group(1) is not None:
                line = first_line + int(at.group(1)) - 1
        hint, hint_line = _toml_hint(message, source, line - first_line, first_line)
        reason = f"{message}; {hint}" if hint else message
        raise FrontMatterError(
            f"invalid TOML front matter: {reason}", first_line + hint_line
        ) from error
    except RecursionError as error:
        raise FrontMatterError(
            _nested_too_deeply("toml"), first_line + _deepest_line(source)
        ) from error
    except ValueError as error:  # an integer past Python's 4,300-digit limit
        raise FrontMatterError(f"invalid TOML front matter: {HUGE_NUMBER}", first_line) from error
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


def _parse_toml(source: str) -> dict[str, Any]:
    """``tomllib.loads``, but an impossible date (``2023-02-30``) is kept as the text it is.

    tomllib refuses such a date as a syntax error, losing every other header; as text
    it reaches the date rules, as YAML's dates do. Only a date-time token where tomllib
    stopped is quoted: the one it names as an "Invalid date or datetime", or one shaped
    like a TOML date (``2023-13-01``, ``2024-01-02T25:00:00``) that is not a real one.
    """
    text = source
    for _ in range(MAX_DATE_FIXES):
        try:
            data: dict[str, Any] = toml_module().loads(text)
            return data
        except toml_module().TOMLDecodeError as error:
            fixed = _quote_invalid_date(text, str(error))
            if fixed is None:
                raise
            text = fixed
    data = toml_module().loads(text)
    return data


def _quote_invalid_date(text: str, message: str) -> str | None:
    """``text`` with the impossible date tomllib stopped at quoted, or ``None`` if there is none.

    For ``2023-02-30`` tomllib says "Invalid date or datetime" at the token's start. A
    month, hour or minute out of range (``2023-13-01``, ``T25:00:00``) fails its date
    pattern instead, so it reads ``2023`` or ``2024-01-02`` and stops inside the token or
    just after it ("Expected newline", "Unclosed array"): there the token on that line
    that holds the column, stands where a value does and is no real date, is quoted.
    """
    at = _TOML_AT.search(message)
    if at is None or at.group(1) is None:
        return None
    line, column = int(at.group(1)), int(at.group(2))
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    position = start + column - 1
    if message.startswith("Invalid date or datetime"):
        token = _TOML_DATETIME.match(text, position)
        if token is None:
            return None
        return f'{text[:position]}"{token.group()}"{text[token.end() :]}'
    stop = text.find("\n", start)
    line_end = len(text) if stop < 0 else stop
    for token in _TOML_DATE_SHAPED.finditer(text, start, line_end):
        if token.start() <= position <= token.end() and _is_impossible_date(text, token):
            return f'{text[: token.start()]}"{token.group()}"{text[token.end() :]}'
    return None


def _is_impossible_date(text: str, token: re.Match[str]) -> bool:
    """Whether ``token`` stands where a value does and is a date the date rules refuse."""
    before = text[: token.start()].rstrip()  # an array's items may start a line
    if not before.endswith(_TOML_VALUE_START) or _TOML_DATETIME.fullmatch(token.group()):
        return False
    if "offset" in (_time_out_of_range(token.group()) or ""):
        return False  # an offset past 23:59: tomllib's error (and hint) stands
    from haikulint.blog.dates import parse_date

    try:
        parse_date(token.group())
    except ValueError:
        return True
    return False  # a leap second: tomllib's error (and hint) stands


def _toml_hint(message: str, source: str, line: int, first_line: int) -> tuple[str | None, int]:
    """What would be right for a TOML syntax error on 0-based ``line`` of ``source``, and the
    0-based line to blame (``source`` starts on line ``first_line`` of the file)."""
    lines = source.split("\n")
    if message.startswith("Unterminated string"):
        opened = _unclosed_toml_string(source)
        if opened is not None:
            quotes, opened_line = opened
            return (
                f"the {quotes} text that starts on line {first_line + opened_line} "
                f"is never closed; end it with {quotes}",
                opened_line,
            )
        return None, line
    if line >= len(lines):
        return None, line
    assignment = _TOML_ASSIGNMENT.match(lines[line])
    if assignment is None:
        return None, line
    key, value = assignment.group(1), lines[line][assignment.end() :].strip()
    if message.startswith("Illegal character '\\n'") and value[:1] in ("'", '"'):
        return (
            f"the quoted value of {key} is not closed on its line; end it with {value[0]} "
            'or write text over several lines between """ and """',
            line,
        )
    if not value or _toml_value_ok(value):
        return None, line
    written = value.partition(" #")[0].strip()  # without a comment after it
    if _DATE_LIKE.match(written):
        from haikulint.blog.dates import parse_date

        out_of_range = _time_out_of_range(written)
        try:
            day = parse_date(written)
        except ValueError as reason:
            if out_of_range is None:
                return f"{written} is not a real date: {reason}", line
        if out_of_range is not None:
            return f"{written} is not a real date-time: {out_of_range}", line
        return f"TOML dates are written YYYY-MM-DD: {key} = {day.isoformat()}", line
    quoted = double_quoted(value)
    if value[0] not in "\"'[{" and _toml_value_ok(quoted):
        return f"text values are quoted in TOML: {key} = {quoted}", line
    return None, line


def _time_out_of_range(written: str) -> str | None:
    """What is out of range in a TOML-shaped date-time the date rules accept: a second
    60 (a leap second, which TOML and Hugo refuse) or a UTC offset past 23:59."""
    parts = _TOML_TIME_PARTS.fullmatch(written)
    if parts is None:
        return None
    if int(parts["second"]) > 59:
        return f"there is no second {parts['second']}; seconds run from 00 to 59"
    offset = parts["offset"]
    if offset is not None and (int(offset[1:3]) > 23 or int(offset[4:6]) > 59):
        return f"{offset} is not a UTC offset; offsets run from -23:59 to +23:59"
    return None


def _toml_value_ok(value: str) -> bool:
    try:
        toml_module().loads(f"v = {value}")
    except (toml_module().TOMLDecodeError, RecursionError, ValueError):
        return False
    return True


def _unclosed_toml_string(source: str) -> tuple[str, int] | None:
    """The quotes and 0-based line of a string that runs to the end of ``source``."""
    position, length = 0, len(source)
    while position < length:
        char = source[position]
        if char == "#":
            stop = source.find("\n", position)
            position = length if stop < 0 else stop
        elif char in "\"'":
            quotes = char * 3 if source.startswith(char * 3, position) else char
            start = position
            position += len(quotes)
            while position < length:
                here = source[position]
                if here == "\\" and char == '"':
                    position += 2
                    continue
                if source.startswith(quotes, position):
                    break
                if here == "\n" and len(quotes) == 1:
                    break  # tomllib has already named this line
                position += 1
            else:
                return quotes, source.count("\n", 0, start)
            position += len(quotes) if source.startswith(quotes, position) else 1
            continue
        position += 1
    return None


def _deepest_line(source: str) -> int:
    """The 0-based line where brackets and braces nest past :data:`MAX_NESTING_DEPTH`, else
    where they nest deepest: a rough count (quotes are not parsed) to blame for nesting."""
    depth = deepest = at = 0
    for bracket in _BRACKET.finditer(source):
        if bracket.group() in "[{":
            depth += 1
            if depth > deepest:
                deepest, at = depth, bracket.start()
                if depth > MAX_NESTING_DEPTH:
                    break
        else:
            depth -= 1
    return source.count("\n", 0, at)


@functools.cache
def _json_decoder() -> json.JSONDecoder:
    """json's default decoder, made once (1.3 us each time); it keeps no state between calls."""
    decoder: json.JSONDecoder = _json().JSONDecoder()
    return decoder


def _read_json(text: str, found: FrontMatter) -> FrontMatter:
    try:
        data, end = _json_decoder().raw_decode(text)
    except _json().JSONDecodeError as error:
        found.error = Located(f"invalid JSON front matter: {error.msg}", error.lineno)
        return found
    except RecursionError:
        found.error = Located(_nested_too_deeply("json"), 1 + _deepest_line(text))
        return found
    except ValueError:  # an integer past Python's 4,300-digit limit
        found.error = Located(f"invalid JSON front matter: {HUGE_NUMBER}", 1)
        return found
    after = text.find("\n", end)
    line_end = len(text) if after < 0 else after
    if text[end:line_end].strip():  # {"title": "T"} Text: the body starts after the "}"
        found.body_start, found.body_line = end, 1 + text.count("\n", 0, end)
    else:
        found.body_start = min(len(text), line_end + 1)
        found.body_line = 2 + text.count("\n", 0, end)
    if not isinstance(data, dict):  # pragma: no cover - detect() lets only "{" through
        found.error = Located(f"JSON front matter is {value_kind(data)}, not an object", 1)
        return found
    if _too_deep(data):
        found.error = Located(_nested_too_deeply("json"), 1 + _deepest_line(text[:end]))
        return found
    lines: dict[str, int] = {}
    if "\n" not in text[:end]:  # {"title": "T", "date": "2024-01-02"}: all on line 1
        for name in data:
            lines.setdefault(str(name).lower(), 1)
    for offset, line in enumerate(text[:end].split("\n") if "\n" in text[:end] else ()):
        key = _JSON_KEY.match(line)
        if key is not None and key.group(1) in data:
            lines.setdefault(key.group(1).lower(), 1 + offset)
    _store(found, data, lines)
    return found
