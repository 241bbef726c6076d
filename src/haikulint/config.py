"""Configuration: ``[tool.haikulint]`` in pyproject.toml, or haikulint.toml / .haikulint.toml.

The first of those found walking up from the working directory wins. Keys are
spelled with hyphens as in the README (``per-file-ignores``); underscores are
accepted too. Relative paths in a config file are relative to that file's folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from haikulint.bounded_read import (
    MAX_CONFIG_SIZE,
    MAX_POST_SIZE,
    MAX_WORDS_SIZE,
    InputError,
    parse_toml,
    read_bytes,
    read_document,
    read_text,
)
from haikulint.errors import ConfigError, unknown_choice

CONFIG_FILE_NAMES = ("haikulint.toml", ".haikulint.toml", "pyproject.toml")
HEADER_FORMATS = ("yaml", "toml", "pelican")

_KNOWN_KEYS = {
    "root",
    "form",
    "select",
    "ignore",
    "extend-select",
    "per-file-ignores",
    "include",
    "exclude",
    "sections",
    "words",
    "words-file",
    "rules-dirs",
    "allow-future-dates",
    "header-style",
    "header-lines",
    "file-name-dates",
    "header-format",  # the old name of header-style, still read (with a note)
    "max-post-size",
    "cache-dir",
    "alias-key",
    "alias-prefix",
    "fix",
    "unsafe-fixes",
}


@dataclass(frozen=True)
class Config:
    """Settings for one run; the defaults are what a blog with no config gets."""

    source: Path | None = None
    base: Path = field(default_factory=Path.cwd)
    root: Path | None = None
    form: tuple[int, ...] = (5, 7, 5)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    include: tuple[str, ...] = ("*.md", "*.markdown")
    exclude: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    words: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    words_file: Path | None = None
    rules_dirs: tuple[Path, ...] = ()
    allow_future_dates: bool = False
    header_style: str = "yaml"
    header_lines: str = "after-haiku"
    file_name_dates: bool | None = None
    """Whether a date that starts a post's file name (``2024-03-05-...``) is its date, as
    Jekyll reads it: ``None`` (``"auto"``) for posts below a ``_posts`` folder only."""
    """Where ``Key: value`` header lines may start: ``after-haiku`` or ``top`` (see
    :data:`haikulint.blog.post.HEADER_LINES`)."""
    max_post_size: int = MAX_POST_SIZE
    """A post larger than this many bytes is reported unreadable (HK001), not read."""
    cache_dir: Path | None = None
    """Where results are cached between runs (``$HAIKULINT_CACHE_DIR`` wins over it)."""
    alias_key: str | None = None
    """The header ``mv --alias`` records old addresses in (default: by header style)."""
    alias_prefix: str = "/"
    """What an old address starts with, before the post's path below the root."""
    fix: bool = False
    """``check`` applies safe fixes, as with ``--fix``."""
    unsafe_fixes: bool = False
    """``--fix`` applies unsafe fixes too, as with ``--unsafe-fixes``."""

    def user_words(self) -> dict[str, tuple[int, ...]]:
        """The user's own word counts: the words file first, then ``words`` over it."""
        merged: dict[str, tuple[int, ...]] = {}
        if self.words_file is not None:
            merged.update(read_words_file(self.words_file))
        merged.update(self.words)
        return merged

    def setting(self, key: str, value: str, table: str = "") -> str:
        """Where and how to set a config value, for a fix hint: see :func:`setting_hint`."""
        return setting_hint(
            self.source.name if self.source is not None else None, key, value, table
        )


def setting_hint(config_file: str | None, key: str, value: str, table: str = "") -> str:
    """Where and how to set a config value, written for the config file named ``config_file``.

    ``in pyproject.toml: [tool.haikulint.words] glorp = N`` with a pyproject.toml,
    ``in haikulint.toml: [words] glorp = N`` with any other config file, named as
    it is. Without a config file, haikulint.toml's form: it is the file a blog
    that is not a Python project creates.
    """
    name = config_file or "haikulint.toml"
    if name == "pyproject.toml":
        header = "[tool.haikulint" + (f".{table}" if table else "") + "] "
    else:
        header = f"[{table}] " if table else ""
    return f"in {name}: {header}{key} = {value}"


def toml_key(word: str) -> str:
    """``word`` as a TOML key: bare when it may be (``kubectl``), else double-quoted."""
    from haikulint.blog.post import double_quoted

    bare = word.replace("-", "").replace("_", "").isalnum() and word.isascii()
    return word if bare else double_quoted(word)


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` that configures haikulint."""
    start = start.resolve()
    for folder in (start, *start.parents):
        found = next(configuring_files(folder), None)
        if found is not None:
            return found
    return None


def configuring_files(folder: Path) -> Iterator[Path]:
    """The config files in ``folder`` itself that configure haikulint (a pyproject.toml
    only with its ``[tool.haikulint]`` table), in the order they are looked for."""
    for name in CONFIG_FILE_NAMES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or _pyproject_has_section(candidate)):
            yield candidate


def load_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    """Load the config named on the command line, else the nearest one, else defaults."""
    if explicit is not None:
        if not explicit.exists():
            raise ConfigError(f"{explicit}: config file not found")
        path: Path | None = explicit
    else:
        path = find_config_file(start or Path.cwd())
    if path is None:
        return Config(base=(start or Path.cwd()).resolve())
    table = _read_table(path)
    return config_from_table(table, source=path, base=path.resolve().parent)


def config_from_table(table: Mapping[str, Any], source: Path | None, base: Path) -> Config:
    """Validate a ``[tool.haikulint]`` table and turn it into a :class:`Config`."""
    where = str(source) if source is not None else "config"
    values = {key.replace("_", "-"): value for key, value in table.items()}
    unknown = sorted(set(values) - _KNOWN_KEYS)
    in_pyproject = source is not None and source.name == "pyproject.toml"
    if unknown == ["tool"] and not in_pyproject:
        raise ConfigError(
            f"{where}: takes its keys at the top level; drop the [tool.haikulint] line "
            "(that table is for pyproject.toml)"
        )
    if unknown:
        section = " in [tool.haikulint]" if in_pyproject else ""
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}{section}")

    def strings(key: str) -> tuple[str, ...]:
        return _string_list(values.get(key, []), where, key)

    root = values.get("root")
    if root is not None and not isinstance(root, str):
        raise ConfigError(f"{where}: 'root' must be a string path")
    words_file = values.get("words-file")
    if words_file is not None and not isinstance(words_file, str):
        raise ConfigError(f"{where}: 'words-file' must be a string path")
    for key in ("root", "words-file", "rules-dirs"):
        value = values.get(key)
        if any("\0" in item for item in (value if isinstance(value, list) else [value]) if item):
            raise ConfigError(f"{where}: {key!r} holds a NUL character, which no path can")
    allow_future = values.get("allow-future-dates", False)
    if not isinstance(allow_future, bool):
        raise ConfigError(f"{where}: 'allow-future-dates' must be true or false")
    cache_dir = values.get("cache-dir")
    if cache_dir is not None and not isinstance(cache_dir, str):
        raise ConfigError(f"{where}: 'cache-dir' must be a string path")
    for flag in ("fix", "unsafe-fixes"):
        if not isinstance(values.get(flag, False), bool):
            raise ConfigError(f"{where}: {flag!r} must be true or false")
    header_style = _header_style(values, where)
    alias_key = values.get("alias-key")
    if alias_key is not None and (not isinstance(alias_key, str) or not alias_key.strip()):
        raise ConfigError(f"{where}: 'alias-key' must be a header name, like \"aliases\"")
    alias_prefix = values.get("alias-prefix", "/")
    if not isinstance(alias_prefix, str):
        raise ConfigError(f"{where}: 'alias-prefix' must be a string, like \"/posts/\"")
    defaults = Config(base=base)
    return Config(
        source=source,
        base=base,
        root=(base / root) if root is not None else None,
        form=_form(values.get("form", list(defaults.form)), where),
        select=strings("select"),
        ignore=strings("ignore"),
        extend_select=strings("extend-select"),
        per_file_ignores=_per_file_ignores(values.get("per-file-ignores", {}), where),
        include=strings("include") or defaults.include,
        exclude=strings("exclude"),
        sections=strings("sections"),
        words=parse_words(values.get("words", {}), where),
        words_file=(base / words_file) if words_file is not None else None,
        rules_dirs=tuple(base / folder for folder in strings("rules-dirs")),
        allow_future_dates=allow_future,
        header_style=header_style,
        header_lines=_header_lines(values, where),
        file_name_dates=_file_name_dates(values.get("file-name-dates", "auto"), where),
        max_post_size=_size(values.get("max-post-size", MAX_POST_SIZE), where),
        cache_dir=(base / cache_dir) if cache_dir is not None else None,
        alias_key=alias_key,
        alias_prefix=alias_prefix,
        fix=values.get("fix", False),
        unsafe_fixes=values.get("unsafe-fixes", False),
    )


def parse_words(table: object, where: str) -> dict[str, tuple[int, ...]]:
    """``{"kubectl": 3}`` or ``{"kubectl": [3, 4]}`` to ``{"kubectl": (3, 4)}``."""
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: 'words' must be a table of word = count")
    words: dict[str, tuple[int, ...]] = {}
    for word, counts in table.items():
        listed = counts if isinstance(counts, list) else [counts]
        if not listed or not all(_is_count(count) for count in listed):
            raise ConfigError(
                f"{where}: word {word!r} needs a syllable count or a list of counts (1-20)"
            )
        words[str(word).lower()] = tuple(sorted(set(listed)))
    return words


def read_words_file(path: Path) -> dict[str, tuple[int, ...]]:
    """A words file: one ``word count [count...]`` per line; ``#`` starts a comment."""
    try:
        text = read_text(path, MAX_WORDS_SIZE)
    except InputError as error:
        raise ConfigError(f"{path}: cannot read words file ({error})") from None
    words: dict[str, list[int]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].replace("=", " ").replace(",", " ").strip()
        if not line:
            continue
        word, *counts = line.split()
        try:
            values = [int(count) for count in counts]
        except ValueError:
            values = []
        if not values or not all(_is_count(value) for value in values):
            raise ConfigError(f"{path}:{number}: expected 'word count', got {raw.strip()!r}")
        words[word.lower()] = values
    return {word: tuple(sorted(set(counts))) for word, counts in words.items()}


def _read_table(path: Path) -> Mapping[str, Any]:
    data = _load_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("haikulint", {})
    if not isinstance(data, Mapping):
        raise ConfigError(f"{path}: [tool.haikulint] must be a table")
    return data


def _pyproject_has_section(path: Path) -> bool:
    """Whether ``path`` holds ``[tool.haikulint]``. A pyproject.toml that cannot be parsed
    is another tool's business, unless it mentions haikulint: then its error is ours,
    and is raised rather than the user's settings silently ignored."""
    try:
        data = _load_toml(path)
    except ConfigError:
        try:
            mentions_us = b"tool.haikulint" in read_bytes(path, MAX_CONFIG_SIZE)
        except InputError:
            mentions_us = False
        if mentions_us:
            raise
        return False
    tool = data.get("tool", {})
    return isinstance(tool, Mapping) and "haikulint" in tool


def _load_toml(path: Path) -> dict[str, Any]:
    """A TOML file's content; any failure (too large, not a regular file, a number of
    thousands of digits, nesting thousands deep) is a one-line :class:`ConfigError`."""
    return read_document(path, MAX_CONFIG_SIZE, _parsed, what="config", fail=ConfigError)


def _parsed(text: str) -> dict[str, Any]:
    """:func:`~haikulint.bounded_read.parse_toml`, kept between runs (a TOML parser costs
    a pre-commit run more to import than to use): see :mod:`haikulint.remembered`. Text
    that is no valid TOML raises as it does, every time."""
    import sys

    from haikulint.remembered import remembered

    return remembered("config", repr([sys.version, text]), lambda: parse_toml(text), dict)


_SIZE = re.compile(r"\s*(\d{1,12})\s*(|b|bytes|kb|k|mb|m|gb|g)\s*", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "b": 1, "bytes": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20}
_SIZE_UNITS |= {"mb": 1 << 20, "g": 1 << 30, "gb": 1 << 30}


def _size(value: object, where: str) -> int:
    """``max-post-size``: bytes as a number (``4194304``) or text (``"4 MB"``, ``"512 kB"``)."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    match = _SIZE.fullmatch(value) if isinstance(value, str) else None
    if match is not None and int(match.group(1)) > 0:
        return int(match.group(1)) * _SIZE_UNITS[match.group(2).lower()]
    raise ConfigError(f"{where}: 'max-post-size' must be a size in bytes, like \"4 MB\" or 4194304")


def _header_style(values: Mapping[str, Any], where: str) -> str:
    """``header-style``, or the old ``header-format`` with a note to rename it."""
    key = "header-style"
    if "header-format" in values:
        if key in values:
            raise ConfigError(
                f"{where}: 'header-format' is the old name of 'header-style'; keep only one"
            )
        key = "header-format"
        from haikulint import escape

        escape.note(
            f"note: {where}: 'header-format' is now called 'header-style'; "
            "rename it (the old name is still read)"
        )
    style = values.get(key, "yaml")
    if style not in HEADER_FORMATS:
        raise ConfigError(f"{where}: {unknown_choice(key, style, HEADER_FORMATS)}")
    return str(style)


def _header_lines(values: Mapping[str, Any], where: str) -> str:
    """``header-lines``: where a block of ``Key: value`` header lines may start."""
    from haikulint.blog.post import HEADER_LINES

    value = values.get("header-lines", HEADER_LINES[0])
    if value not in HEADER_LINES:
        raise ConfigError(f"{where}: {unknown_choice('header-lines', value, HEADER_LINES)}")
    return str(value)


def _file_name_dates(value: object, where: str) -> bool | None:
    """``file-name-dates``: true, false, or "auto" (below ``_posts`` only, as Jekyll)."""
    if isinstance(value, bool):
        return value
    if value == "auto":
        return None
    raise ConfigError(f"{where}: 'file-name-dates' must be true, false or \"auto\"")


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 20


def _string_list(value: object, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Sequence) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: {key!r} must be a list of strings")
    return tuple(value)


def _form(value: object, where: str) -> tuple[int, ...]:
    if not isinstance(value, list) or not value or not all(_is_count(count) for count in value):
        raise ConfigError(f"{where}: 'form' must be a list of syllable counts, like [5, 7, 5]")
    return tuple(value)


def _per_file_ignores(value: object, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [codes]")
    return {
        str(pattern): _string_list(codes, where, f"per-file-ignores.{pattern}")
        for pattern, codes in value.items()
    }
