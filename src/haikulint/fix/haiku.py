"""Rewriting the haiku a post writes so that it tells a given poem.

A post may write its haiku twice: as the first body line (``a / b / c``, before or
after a block of ``Key: value`` lines) and in a ``haiku:`` header. Both must tell the
post's poem, or haiku-mismatch fires: its fix rewrites them from the slug
(:func:`lines_from_slug`), and ``mv`` with the new haiku. Only the haiku's own
characters are replaced (Markdown around it and the line ending stay); a header
value is replaced only when it is one string on one line, written again by its
format's rules. Every edit is read back; where the result would not tell the poem,
or another header would change, there is no edit rather than a wrong one
(:class:`CannotRewrite`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from haikulint.blog.post import HAIKU_SEPARATOR
from haikulint.blog.spelling import slug_words
from haikulint.fix.model import Edit
from haikulint.fix.text import SourceLines, apply_edits

if TYPE_CHECKING:
    from haikulint.blog.post import Located, Post, PostText


def haiku_fix_edits(post: Post, lines: Sequence[str]) -> tuple[Edit, ...] | None:
    """The edits that make ``post``'s written haiku read ``lines``; None when there are
    none to make soundly (see :func:`haiku_edits`)."""
    if post.haiku is None or not post.source:
        return None
    try:
        edits = haiku_edits(
            post.source, HAIKU_SEPARATOR.join(lines), header_lines=post.header_lines_at
        )
    except CannotRewrite:
        return None
    return edits or None


def lines_from_slug(post: Post) -> list[str]:
    """The slug's poem, keeping each written line that already says the slug's words
    (its capitals and punctuation), and spelling the others from the slug."""
    in_slug = [" ".join(slug_words(line)) for line in post.slug.lines]
    written = post.haiku.text.split(HAIKU_SEPARATOR) if post.haiku is not None else []
    if len(written) != len(in_slug):
        return in_slug
    return [
        mine.strip() if " ".join(slug_words(mine)) == theirs else theirs
        for mine, theirs in zip(written, in_slug, strict=True)
    ]


_KEY = r"""(?:haiku|"haiku"|'haiku')"""
_YAML_VALUE = re.compile(rf"[ \t]*{_KEY}[ \t]*:[ \t]*", re.IGNORECASE)
_TOML_VALUE = re.compile(rf"[ \t]*{_KEY}[ \t]*=[ \t]*", re.IGNORECASE)
_JSON_VALUE = re.compile(r'"haiku"[ \t]*:[ \t]*', re.IGNORECASE)
_PELICAN_VALUE = re.compile(r"[ \t]*haiku[ \t]*:[ \t]*", re.IGNORECASE)
_DOUBLE_QUOTED = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_SINGLE_QUOTED_YAML = re.compile(r"'(?:[^'\n]|'')*'")
_SINGLE_QUOTED_TOML = re.compile(r"'[^'\n]*'")
_YAML_PLAIN_END = re.compile(r"[ \t]+#|[ \t]*$")
_MARKUP_BEFORE = "#>*_ \t"
_MARKUP_AFTER = "*_ \t"


class CannotRewrite(ValueError):
    """The post's haiku cannot be rewritten soundly; the message says where and why."""


def haiku_edits(text: str, haiku: str, *, header_lines: str = "after-haiku") -> tuple[Edit, ...]:
    """Edits that make every haiku ``text`` writes read ``haiku``; none if it writes none.

    ``text`` is the file's text as on disk (BOM, CRLF kept), read as ``check`` reads it
    with the config's ``header-lines``. Raises :class:`CannotRewrite` when a written
    haiku cannot be replaced soundly.
    """
    from haikulint.blog.post import read_text

    parts = read_text(text, header_lines=header_lines)
    if parts.front_matter_error is not None:
        raise CannotRewrite(
            f"its front matter cannot be read (line {parts.front_matter_error.line}: "
            f"{parts.front_matter_error.text})"
        )
    source = SourceLines(text)
    edits: list[Edit] = []
    body = parts.haiku
    if "haiku" in parts.headers:
        line = parts.header_lines.get("haiku")
        if line is None or not isinstance(parts.headers["haiku"], str):
            raise CannotRewrite("its haiku header is not one line of text; edit it by hand")
        edits.append(_header_value(source, parts.header_style, line, haiku))
        body = _body_haiku_under_header(text, source, line, header_lines)
    if body is not None:
        content = source.content(body.line)
        at = content.find(body.text)
        if at < 0:  # pragma: no cover - read_text found it on this line
            raise CannotRewrite(f"line {body.line} does not hold the haiku it was read from")
        # Markdown around the words (``*a / b / c*``, ``> a / b / c``) stays.
        words = body.text.lstrip(_MARKUP_BEFORE)
        lead = len(body.text) - len(words)
        words = words.rstrip(_MARKUP_AFTER)
        start = source.start(body.line) + at + lead
        edits.append(Edit(start, start + len(words), haiku))
    _check_reads_back(text, edits, parts, haiku, header_lines)
    return tuple(edits)


def _check_reads_back(
    text: str, edits: list[Edit], before: PostText, haiku: str, header_lines: str
) -> None:
    """Raise :class:`CannotRewrite` unless the edited text tells ``haiku`` and nothing
    else changed (no other header, no header style)."""
    from haikulint.blog.post import read_text

    if not edits:
        return
    after = read_text(apply_edits(text, edits), header_lines=header_lines)
    if (
        after.haiku is None
        or after.haiku.text.lstrip(_MARKUP_BEFORE).rstrip(_MARKUP_AFTER) != haiku
        or after.header_style != before.header_style
        or {**after.headers, "haiku": None} != {**before.headers, "haiku": None}
    ):
        raise CannotRewrite("the haiku could not be rewritten without changing something else")


def _body_haiku_under_header(
    text: str, source: SourceLines, line: int, header_lines: str
) -> Located | None:
    """The body's haiku line, which a ``haiku:`` header hides from :func:`read_text`.

    The text is read again with the header's key renamed (so that it is no longer the
    haiku header, and the front matter stays valid).
    """
    from haikulint.blog.post import read_text

    content = source.content(line)
    renamed = re.sub("haiku", "mv-old-haiku", content, count=1, flags=re.IGNORECASE)
    hidden = apply_edits(text, [Edit(source.start(line), source.end(line), renamed)])
    again = read_text(hidden, header_lines=header_lines)
    if "haiku" in again.headers or again.front_matter_error is not None:
        return None
    return again.haiku if again.haiku is not None and again.haiku.line != line else None


def _header_value(source: SourceLines, style: str, line: int, haiku: str) -> Edit:
    """The edit replacing the string value of the ``haiku`` header on ``line``."""
    content = source.content(line)
    start = source.start(line)
    if style == "json":
        key = _JSON_VALUE.search(content)
        if key is None:
            raise CannotRewrite(f"line {line}: cannot find the haiku value; edit it by hand")
        try:
            value, end = json.JSONDecoder().raw_decode(content, key.end())
        except json.JSONDecodeError:
            value, end = None, 0
        if not isinstance(value, str):
            raise CannotRewrite(f"line {line}: the haiku is not one string; edit it by hand")
        return Edit(start + key.end(), start + end, json.dumps(haiku, ensure_ascii=False))
    pattern = {"yaml": _YAML_VALUE, "toml": _TOML_VALUE}.get(style, _PELICAN_VALUE)
    key = pattern.match(content)
    if key is None:
        raise CannotRewrite(f"line {line}: cannot find the haiku value; edit it by hand")
    rest = content[key.end() :]
    if style == "pelican":
        # an empty value ("Haiku: "): the key's match has taken the trailing blanks
        end = max(key.end(), len(content.rstrip(" \t")))
        return Edit(start + key.end(), start + end, haiku)
    if rest.startswith('"""') or rest.startswith("'''"):
        raise CannotRewrite(f"line {line}: the haiku is a multi-line string; edit it by hand")
    quoted = {
        '"': _DOUBLE_QUOTED,
        "'": _SINGLE_QUOTED_YAML if style == "yaml" else _SINGLE_QUOTED_TOML,
    }.get(rest[:1])
    if quoted is not None:
        match = quoted.match(rest)
        if match is None:
            raise CannotRewrite(f"line {line}: the haiku's quotes do not close on this line")
        length = match.end()
    elif style == "yaml" and rest and rest[0] not in "|>[{&*!%@`":
        plain = _YAML_PLAIN_END.search(rest)
        length = plain.start() if plain is not None else len(rest)
        if _yaml_plain_ok(haiku):
            return Edit(start + key.end(), start + key.end() + length, haiku)
    else:
        raise CannotRewrite(f"line {line}: the haiku is not one string; edit it by hand")
    written = json.dumps(haiku, ensure_ascii=False)  # valid YAML and TOML basic strings too
    return Edit(start + key.end(), start + key.end() + length, written)


def _yaml_plain_ok(value: str) -> bool:
    """Whether ``value`` reads back as itself written plain after ``key: ``."""
    import yaml

    try:
        return bool(yaml.safe_load(f"k: {value}") == {"k": value})
    except yaml.YAMLError:
        return False
