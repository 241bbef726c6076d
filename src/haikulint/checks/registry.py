"""The check kinds rule files can bind to: a plain dict from KIND to module.

Modules are imported when a rule of their kind is loaded; they import nothing
heavy at module level (the syllable engine and date parser are imported inside
the functions that need them), so loading the whole catalogue stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from haikulint.checks.options import Option

MODULES: Mapping[str, str] = {
    "unreadable-file": "haikulint.checks.unreadable",
    "slug-lines": "haikulint.checks.slug_lines",
    "slug-separator": "haikulint.checks.slug_separator",
    "slug-syllables": "haikulint.checks.slug_syllables",
    "slug-charset": "haikulint.checks.slug_charset",
    "unknown-word": "haikulint.checks.unknown_words",
    "header-required": "haikulint.checks.header_required",
    "date-invalid": "haikulint.checks.date_invalid",
    "date-future": "haikulint.checks.date_future",
    "date-mismatch": "haikulint.checks.date_mismatch",
    "date-order": "haikulint.checks.date_order",
    "file-name-undated": "haikulint.checks.file_name_undated",
    "haiku-mismatch": "haikulint.checks.haiku_mismatch",
    "front-matter-invalid": "haikulint.checks.front_matter",
    "duplicate-slug": "haikulint.checks.duplicate_slug",
    "duplicate-header": "haikulint.checks.duplicate_header",
}
"""Every kind, and the module implementing it."""


@dataclass(frozen=True)
class CheckKind:
    """A check module seen through its contract: kind, scope, options and ``check()``."""

    kind: str
    scope: str
    """``post`` or ``blog``."""
    options: Mapping[str, Option]
    check: Callable[..., Iterator[Any]]
    doc: str
    headers_read: Callable[[Mapping[str, object]], frozenset[str]]
    """Blog scope: the headers ``check`` reads of each post (see :mod:`.summary`); none for
    a post-scope check."""
    group_key: Callable[[Any, Mapping[str, object]], str | None] | None = None
    """Blog scope: the key ``check`` groups posts by, when it only ever relates posts
    whose keys are equal (see :mod:`haikulint.checks`); None when it may relate any two."""
    uses_today: bool = False
    """Whether what ``check`` says depends on today's date (``USES_TODAY`` in the module):
    such results are cached for the day only."""


def _no_headers(options: Mapping[str, object]) -> frozenset[str]:
    """What a post-scope check reads of the other posts: nothing."""
    return frozenset()


def kinds() -> tuple[str, ...]:
    return tuple(MODULES)


@cache
def load_kind(kind: str) -> CheckKind:
    """The check of ``kind``; KeyError for a kind nobody implements."""
    module = importlib.import_module(MODULES[kind])
    scope = module.SCOPE
    if kind != module.KIND or scope not in ("post", "blog"):  # pragma: no cover - a bug
        raise RuntimeError(f"{module.__name__}: KIND or SCOPE does not match the registry")
    if scope == "blog" and not hasattr(module, "headers_read"):  # pragma: no cover - a bug
        raise RuntimeError(f"{module.__name__}: a blog-scope check must define headers_read()")
    return CheckKind(
        kind=kind,
        scope=scope,
        options=module.OPTIONS,
        check=module.check,
        doc=(module.__doc__ or "").strip(),
        headers_read=getattr(module, "headers_read", _no_headers),
        group_key=getattr(module, "group_key", None),
        uses_today=getattr(module, "USES_TODAY", False),
    )
