"""Recording a post's old address in its headers, where the site generator reads it.

After ``haikulint mv --alias`` the old URL keeps working: Hugo reads ``aliases`` (a
list, in YAML, TOML or JSON front matter), Jekyll's jekyll-redirect-from plugin reads
``redirect_from`` (a list in YAML); for ``Key: value`` headers the key is configurable
(default ``Aliases``, values separated by commas). The address is appended to a list
that is already there (flow ``[a, b]`` or block ``- a`` lists, or a single value turned
into a list), and every edit is read back: when the list does not come out as the old
one plus the new address, or any other header changes, there is no edit rather than a
wrong one (:class:`CannotRecord`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from haikulint.fix.model import Edit
from haikulint.fix.text import SourceLines, apply_edits

if TYPE_CHECKING:
    from haikulint.blog.post import PostText

HUGO_KEY = "aliases"
JEKYLL_KEY = "redirect_from"
PELICAN_KEY = "Aliases"
_JEKYLL_CONFIGS = ("_config.yml", "_config.yaml", "_config.toml")
_TOML_TABLE = re.compile(r"[ \t]*\[")


class CannotRecord(ValueError):
    """The old address cannot be added to this post's headers soundly; says why."""


class NoHeaders(CannotRecord):
    """The post has no headers (as ``check`` reads it) to add the old address to.

    No header block is made up for it: a first header changes what a generator makes of
    the file (Jekyll copies a file below ``_posts`` with no front matter as a static
    file, and makes it a post once it has some; Pelican skips a post with no title,
    whatever else it gives), so the writer gives the post its own headers first."""


def alias_key(parts: PostText, configured: str | None, root: Path) -> str:
    """The header to record old addresses in.

    A key the post already uses (``aliases`` or ``redirect_from``) wins, then the
    configured ``alias-key``; else ``redirect_from`` for YAML posts of a Jekyll site
    (a ``_config.yml`` at or above the root), ``Aliases`` for ``Key: value`` headers,
    and Hugo's ``aliases`` otherwise.
    """
    for key in (HUGO_KEY, JEKYLL_KEY):
        if key in parts.headers:
            return key
    if configured:
        return configured
    if parts.header_style == "pelican":
        return PELICAN_KEY
    if parts.header_style == "yaml" and _is_jekyll_site(root):
        return JEKYLL_KEY
    return HUGO_KEY


def _is_jekyll_site(root: Path) -> bool:
    folder = Path(os.path.abspath(root))
    for candidate in (folder, *folder.parents):
        if any((candidate / name).is_file() for name in _JEKYLL_CONFIGS):
            return True
    return False


def alias_edits(
    text: str, key: str, alias: str, *, header_lines: str = "after-haiku"
) -> tuple[Edit, ...]:
    """Edits that add ``alias`` to the header ``key`` of the post ``text`` (as on disk),
    read as ``check`` reads it with the config's ``header-lines``.

    None needed (``()``) when the alias is already there. Raises :class:`CannotRecord`.
    """
    from haikulint.blog.post import read_text

    parts = read_text(text, header_lines=header_lines)
    if parts.front_matter_error is not None:
        raise CannotRecord("its front matter cannot be read")
    if parts.header_style == "none":
        raise NoHeaders(_no_headers(text, header_lines))
    folded = key.lower()
    existing = parts.headers.get(folded)
    old = _as_list(existing, parts.header_style)
    if old is None:
        raise CannotRecord(f"its {key} header is not a list of addresses")
    if alias in old:
        return ()
    source = SourceLines(text)
    line = parts.header_lines.get(folded)
    if existing is None or line is None:
        edits: tuple[Edit, ...] = (_new_header(parts, source, key, alias),)
    else:
        edits = _appended(parts.header_style, source, line, existing, alias)
    _check(text, edits, folded, [*old, alias], parts, header_lines)
    return edits


def _no_headers(text: str, header_lines: str) -> str:
    """Why the post has no headers: none at all, or none where ``header-lines`` reads them."""
    from haikulint.blog.post import read_text

    if header_lines == "top" and read_text(text).header_style != "none":
        return (
            'it has no headers on line 1, and with header-lines = "top" header lines '
            "are read only from the first line of the file down to the first blank line"
        )
    return "it has no headers"


def _as_list(value: object, style: str) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, str):
        if style == "pelican":
            return [item.strip() for item in value.split(",") if item.strip()]
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    return None


def _new_header(parts: PostText, source: SourceLines, key: str, alias: str) -> Edit:
    """A new header line holding ``[alias]``, where it is read at the top level."""
    newline = source.newline
    style = parts.header_style
    if style == "pelican":
        return _line_after(source, max(parts.header_lines.values()), f"{key}: {alias}")
    if style == "json":
        opening = source.text.find("{")
        rest = source.text[opening + 1 :].lstrip()
        separator = "" if rest.startswith("}") else ", "
        return Edit(
            opening + 1, opening + 1, f"{json.dumps(key)}: {json.dumps([alias])}{separator}"
        )
    written = json.dumps([alias])  # a JSON list is a YAML flow list and a TOML array
    assign = f"{key} = {written}" if style == "toml" else f"{key}: {written}"
    if style == "toml":
        line = 2
        while line < source.count and not _TOML_TABLE.match(source.content(line)):
            if source.content(line).strip() == "+++":
                break
            line += 1
    else:
        line = 2
        while line < source.count and source.content(line).rstrip() != "---":
            line += 1
    at = source.start(line)
    return Edit(at, at, f"{assign}{newline}")


def _line_after(source: SourceLines, line: int, content: str) -> Edit:
    """A new line ``content`` after ``line``, in the file's line endings; after a last line
    with no line ending, the new line has none either (the file keeps its shape)."""
    at = source.end_with_ending(line)
    if source.ending(line):
        return Edit(at, at, f"{content}{source.newline}")
    return Edit(at, at, f"{source.newline}{content}")


def _appended(
    style: str, source: SourceLines, line: int, existing: object, alias: str
) -> tuple[Edit, ...]:
    content = source.content(line)
    start = source.start(line)
    if style == "pelican":
        end = start + len(content.rstrip(" \t"))
        return (Edit(end, end, f", {alias}"),)
    quoted = json.dumps(alias, ensure_ascii=False)
    if isinstance(existing, str):  # one address: make it a list of two
        value = _value_span(style, content)
        if value is None:
            raise CannotRecord(f"line {line}: cannot find the value of the header")
        first, last = value
        return (Edit(start + first, start + last, f"[{content[first:last]}, {quoted}]"),)
    closing = content.rstrip().rfind("]")
    if closing >= 0 and "[" in content:
        inside = content[content.index("[") + 1 : closing].strip()
        separator = ", " if inside else ""
        return (Edit(start + closing, start + closing, f"{separator}{quoted}"),)
    if style == "yaml":
        return (_yaml_block_item(source, line, alias),)
    return _multi_line_array_item(source, line, quoted)


def _value_span(style: str, content: str) -> tuple[int, int] | None:
    mark = {"toml": "=", "yaml": ":", "json": ":"}[style]
    at = content.find(mark)
    if at < 0:
        return None
    first = at + 1
    while first < len(content) and content[first] in " \t":
        first += 1
    last = len(content.rstrip(" \t,")) if style == "json" else len(content.rstrip(" \t"))
    return (first, last) if first < last else None


def _multi_line_array_item(source: SourceLines, line: int, quoted: str) -> tuple[Edit, ...]:
    """``quoted`` as a new last item of a TOML or JSON array written over several lines."""
    closing = line + 1
    while closing <= source.count and not source.content(closing).lstrip().startswith("]"):
        closing += 1
    if closing > source.count:
        raise CannotRecord(f"line {line}: cannot find the end of the list")
    last = closing - 1
    while last > line and not source.content(last).strip():
        last -= 1
    item = source.content(last)
    if last == line:  # an empty list: `key = [` then `]`
        indent = source.content(closing)[: -len(source.content(closing).lstrip()) or None]
        at = source.start(closing)
        return (Edit(at, at, f"{indent}  {quoted}{source.newline}"),)
    indent = item[: len(item) - len(item.lstrip())]
    at = source.start(closing)
    if item.rstrip().endswith(","):  # TOML allows a comma after the last item: keep the habit
        return (Edit(at, at, f"{indent}{quoted},{source.newline}"),)
    end = source.start(last) + len(item.rstrip())
    return (Edit(end, end, ","), Edit(at, at, f"{indent}{quoted}{source.newline}"))


def _yaml_block_item(source: SourceLines, line: int, alias: str) -> Edit:
    """``- alias`` after the last ``- item`` line of the block list under ``line``."""
    last = line
    indent: str | None = None
    number = line + 1
    while number <= source.count:
        content = source.content(number)
        match = re.match(r"([ \t]*)- ", content)
        if match is None or (indent is not None and match.group(1) != indent):
            break
        indent = match.group(1)
        last = number
        number += 1
    if indent is None:
        raise CannotRecord(f"line {line}: cannot find the list's items")
    return _line_after(source, last, f"{indent}- {json.dumps(alias)}")


def _check(
    text: str,
    edits: Sequence[Edit],
    key: str,
    wanted: list[str],
    before: PostText,
    header_lines: str,
) -> None:
    """Raise :class:`CannotRecord` unless the edited text reads as intended."""
    from haikulint.blog.post import read_text

    after = read_text(apply_edits(text, edits), header_lines=header_lines)
    found = _as_list(after.headers.get(key), after.header_style)
    others_kept = _without(after.headers, key) == _without(before.headers, key)
    if (
        after.front_matter_error is not None
        or after.header_style != before.header_style
        or found != wanted
        or not others_kept
        or _haiku_text(after) != _haiku_text(before)
    ):
        raise CannotRecord("the address could not be added without changing something else")


def _without(headers: Mapping[str, object], key: str) -> dict[str, object]:
    return {name: value for name, value in headers.items() if name != key}


def _haiku_text(parts: PostText) -> str | None:
    return parts.haiku.text if parts.haiku is not None else None
