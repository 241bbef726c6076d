"""Options a rule file may set in ``[options]`` for its check kind.

Each check module declares ``OPTIONS: Mapping[str, Option]``. The catalogue
validates a rule file's ``[options]`` table against it when loading (so a typo
in a user's rule is a one-line config error, not a surprise at run time), fills
in the defaults, and hands the result to ``check()`` as ``options``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    """One option of a check kind: how to read it from TOML, its default and its doc."""

    help: str
    parse: Callable[[object], object]
    """Turns the TOML value into what the check uses; raises ValueError with a reason."""
    default: object = None
    required: bool = False


def parse_text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty string")
    return value.strip()


def parse_key(value: object) -> str:
    """A header key: compared with the post's headers, whose keys are lowercased."""
    return parse_text(value).lower()


def parse_keys(value: object) -> tuple[str, ...]:
    """A list of header keys (``["lastmod", "expiryDate"]``), lowercased."""
    if not isinstance(value, list | tuple) or not all(
        isinstance(item, str) and item.strip() for item in value
    ):
        raise ValueError('must be a list of header names, like ["lastmod", "modified"]')
    return tuple(item.strip().lower() for item in value)


def parse_key_pairs(value: object) -> tuple[tuple[str, str], ...]:
    """``[["date", "lastmod"], ...]``: pairs of header keys, lowercased."""
    if not isinstance(value, list | tuple) or not all(
        isinstance(pair, list | tuple)
        and len(pair) == 2
        and all(isinstance(item, str) and item.strip() for item in pair)
        for pair in value
    ):
        raise ValueError('must be a list of pairs of header names, like [["date", "lastmod"]]')
    return tuple((pair[0].strip().lower(), pair[1].strip().lower()) for pair in value)


def parse_bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def parse_form(value: object) -> tuple[int, ...]:
    """``[5, 7, 5]``: syllables per line, each 1 to 20."""
    if (
        not isinstance(value, list | tuple)
        or not value
        or not all(
            isinstance(count, int) and not isinstance(count, bool) and 1 <= count <= 20
            for count in value
        )
    ):
        raise ValueError("must be a list of syllable counts, like [5, 7, 5]")
    return tuple(value)


def choice(*allowed: str) -> Callable[[object], str]:
    """A parser accepting one of ``allowed`` strings."""

    def parse(value: object) -> str:
        if value not in allowed:
            raise ValueError(f"must be one of {', '.join(repr(item) for item in allowed)}")
        assert isinstance(value, str)
        return value

    return parse


DATE_KEY = Option(help="The header holding the date.", parse=parse_key, default="date")

PUBLISH_KEYS = Option(
    help="Other headers that date the post (Hugo's publishDate and its kin).",
    parse=parse_keys,
    default=(),
)

FORM = Option(
    help="Syllables per line, e.g. [5, 7, 5, 7, 7] for tanka; default: the configured form.",
    parse=parse_form,
)


def text_option(options: Mapping[str, object], name: str) -> str:
    """An option the catalogue has already parsed as text."""
    value = options.get(name)
    return value if isinstance(value, str) else ""
