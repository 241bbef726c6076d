"""A post file read into headers, body, the haiku line and the opening dateline."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from haikulint.blog.slug import Slug


@dataclass(frozen=True)
class Located:
    """A piece of text and the 1-based line it stands on in the file."""

    text: str
    line: int


@dataclass(frozen=True)
class Dateline:
    """A date found in the body's opening sentence (``April 24, 2023 - Today ...``)."""

    date: date
    text: str
    line: int


@dataclass(frozen=True)
class Post:
    """Everything the checks may ask of one post file. Built by :func:`read_post`."""

    path: Path
    """The file as discovered."""
    display_path: str
    """POSIX path relative to the working directory where possible, for reports."""
    slug: Slug
    read_error: str | None = None
    """Why the file could not be read as UTF-8 text; every other field is then empty."""
    header_style: str = "none"
    """``yaml``, ``toml``, ``json`` (front matter), ``pelican`` (``Key: value`` lines) or ``none``."""
    headers: Mapping[str, object] = field(default_factory=dict)
    """Header values with keys lowercased. Dates stay as written (strings), never coerced."""
    header_lines: Mapping[str, int] = field(default_factory=dict)
    """The 1-based line of each header key, where known."""
    front_matter_error: Located | None = None
    """Why the front matter could not be used (unclosed, syntax error, not a mapping)."""
    haiku: Located | None = None
    """The haiku as written in the post: front matter ``haiku:`` or a first body line ``a / b / c``."""
    first_line: Located | None = None
    """A bare first line that is neither a header nor the haiku (a title without ``Title:``)."""
    dateline: Dateline | None = None
    body_line: int = 1
    """The 1-based line where the body starts."""
    suppressions: frozenset[str] = frozenset()
    """Rule codes or names this post asks to ignore (``haikulint: {ignore: [...]}``)."""
