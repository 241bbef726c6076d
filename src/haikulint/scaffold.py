"""Scaffolding a post from a typed haiku: slugs, headers and a create-only write.

Pure except for :func:`read_blog` (and the :class:`Blog` it reads) and :func:`create_post`,
which touch the file system. Nothing here prints or decides exit codes:
``haikulint.commands.new`` does.

Slugs are made by hand rather than with python-slugify or Unidecode: those turn
``don't`` into ``don-t`` and transliterate any script (``東京`` to ``dong-jing``),
which gives a path whose syllables no longer match what the writer typed. Here the
rules are the issue's: lowercase, accents folded, a few Latin letters spelled out,
anything else refused with a message that says which letter.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from haikulint.blog.slug import SEPARATOR, parse_slug
from haikulint.blog.spelling import fold_to_ascii
from haikulint.prosody.tokenize import normalize_apostrophes, split_lines

if TYPE_CHECKING:
    from haikulint.blog.discover import PostFile
    from haikulint.catalogue import Rule
    from haikulint.checks import Problem
    from haikulint.checks.summary import PostSummary
    from haikulint.config import Config
    from haikulint.engine import LintJob

EXTENSION = ".md"
MAX_NAME_BYTES = 255
"""The longest file or folder name on common file systems (ext4, APFS, NTFS, tmpfs)."""

_SLUG_LINE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Refusal(Exception):
    """``new`` will not write this post; the message says why (exit 1)."""


class HaikuRefused(Refusal):
    """A line cannot become a safe slug, or the haiku does not fit the form."""


class PostExistsError(Refusal):
    """A post with this slug is already there; ``path`` says where."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: a post with this slug already exists; nothing was written")
        self.path = path


class TitleError(ValueError):
    """The title cannot be written so that it reads back the same."""


@dataclass(frozen=True)
class Haiku:
    """A typed haiku: its lines as written (spacing normalised) and as slugs."""

    lines: tuple[str, ...]
    slugs: tuple[str, ...]

    @property
    def text(self) -> str:
        """The first body line of the post: ``line / line / line``."""
        return " / ".join(self.lines)

    @property
    def slug(self) -> str:
        """``line-one-/-line-two-/-line-three``: the post's path below the root."""
        return SEPARATOR.join(self.slugs)

    def relative_path(self) -> Path:
        """The post file below the root: every line but the last is a folder."""
        *folders, name = self.slug.split("/")
        return Path(*folders, name + EXTENSION)


def split_haiku(text: str) -> list[str]:
    """Typed haiku (``a b / c d``) or its slug (``a-b-/-c-d``) to lines, spacing normalised.

    Raises :class:`HaikuRefused` for an empty line (``a / / b``) rather than dropping it.
    """
    slug_spelling = SEPARATOR in text and not any(char.isspace() for char in text)
    pieces = text.split("/")
    for number, piece in enumerate(pieces, start=1):
        if not split_lines(piece) and len(pieces) > 1:
            raise HaikuRefused(f"line {number} of {text.strip()!r} is empty")
    lines = split_lines(text)
    if not lines:
        raise HaikuRefused("the haiku is empty")
    if slug_spelling:
        lines = [line.replace("-", " ") for line in lines]
    return [" ".join(line.split()) for line in lines]


def slugify_line(line: str) -> str:
    """One haiku line to its slug: ``Don't panic, café!`` to ``dont-panic-cafe``.

    Apostrophes are dropped; everything else that is not a letter or a digit ends a
    word (``node.js`` to ``node-js``), exactly as ``check`` reads the haiku line of a
    post. Raises :class:`HaikuRefused` when a letter has no ASCII spelling or nothing
    is left.
    """
    text = fold_to_ascii(normalize_apostrophes(line).replace("'", ""))
    kept: list[str] = []
    for char in text:
        if char.isascii() and char.isalnum():
            kept.append(char)
        elif unicodedata.category(char).startswith("L"):
            raise HaikuRefused(
                f"{line!r}: {char!r} ({unicodedata.name(char, 'unnamed letter').lower()}) "
                "has no ASCII spelling; write the line in Latin letters"
            )
        else:  # spaces, dashes, punctuation, symbols, emoji
            kept.append("-")
    slug = re.sub(r"-+", "-", "".join(kept)).strip("-")
    if not _SLUG_LINE.fullmatch(slug):  # empty; `.` and `..` cannot survive the loop
        raise HaikuRefused(f"{line!r} has no letters or digits to make a slug from")
    return slug


def make_haiku(text: str) -> Haiku:
    """Split and slugify a typed haiku; see :func:`split_haiku` and :func:`slugify_line`."""
    lines = split_haiku(text)
    return Haiku(lines=tuple(lines), slugs=tuple(slugify_line(line) for line in lines))


def check_name_lengths(relative: Path) -> None:
    """Refuse a path whose folder or file name is longer than the file system allows."""
    for number, name in enumerate(relative.parts, start=1):
        size = len(os.fsencode(name))
        if size > MAX_NAME_BYTES:
            raise HaikuRefused(
                f"line {number} is too long for a file name: {size} bytes on disk, "
                f"at most {MAX_NAME_BYTES}; shorten it"
            )


def parse_date(text: str) -> date:
    """``--date``: a real calendar date written ``YYYY-MM-DD``; ``ValueError`` otherwise."""
    if not _DATE.fullmatch(text.strip()):
        raise ValueError(f"date {text!r} is not written YYYY-MM-DD")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"date {text!r} is not a real date") from None


def check_title(title: str, header_format: str) -> str:
    """The title, unchanged, if ``header_format`` can write it so that it reads back the same.

    YAML and TOML front matter hold any text (line breaks, tabs, edge spaces, any
    script) through their serializers. A Pelican ``Key: value`` line cannot hold a
    line break or a control character, and readers trim its ends, so such a title is
    refused there rather than changed. Everywhere, an empty or blank title is refused
    (``title-missing`` would report it), and so is a lone surrogate (an undecodable
    byte of the command line), which no UTF-8 file can hold. Raises :class:`TitleError`.
    """
    if not title.strip():
        raise TitleError("the title is empty")
    for char in title:
        if unicodedata.category(char) == "Cs":
            raise TitleError(
                f"the title contains U+{ord(char):04X}, which is not a character "
                "(a byte that is not UTF-8?); remove it"
            )
    if header_format == "pelican":
        _check_pelican_title(title)
    return title


_PELICAN_ADVICE = "use --header-style yaml (or toml), which keeps any title exactly"


def _check_pelican_title(title: str) -> None:
    lines = f"x{title}x".splitlines()
    if len(lines) > 1:
        breaking = title[len(lines[0]) - 1]
        raise TitleError(
            f"a Pelican header line cannot hold a line break (U+{ord(breaking):04X}); "
            + _PELICAN_ADVICE
        )
    if title.strip() != title:
        raise TitleError(
            "a Pelican header line cannot keep the spaces at the start or end of the title; "
            f"remove them, or {_PELICAN_ADVICE}"
        )
    for char in title:
        if char != "\t" and unicodedata.category(char) == "Cc":
            raise TitleError(
                f"a Pelican header line cannot hold the control character U+{ord(char):04X}; "
                + _PELICAN_ADVICE
            )


def render_post(title: str, when: date, haiku: Haiku, header_format: str) -> str:
    """The new post: headers in ``header_format``, a blank line, the haiku, a blank line.

    Each style is written by its own serializer, so any title reads back unchanged:
    YAML via PyYAML, TOML via tomli-w; Pelican's ``Key: value`` lines have no escaping,
    which is why :func:`check_title` refuses what one such line cannot hold.
    """
    if header_format == "yaml":
        header = f"---\n{_yaml_header(title, when)}---\n"
    elif header_format == "toml":
        import tomli_w

        header = f"+++\n{tomli_w.dumps({'title': title, 'date': when})}+++\n"
    elif header_format == "pelican":
        header = f"Title: {title}\nDate: {when.isoformat()}\n"
    else:
        raise ValueError(f"unknown header format {header_format!r}")
    return f"{header}\n{haiku.text}\n\n"


def _yaml_header(title: str, when: date) -> str:
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def double_quoted(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')

    # A title with a line break, tab, no-break space or control character is written
    # double-quoted, with escapes (\n, \t, \a): on one line, and read back as typed.
    # Plain or single-quoted, PyYAML would fold a line break over several lines of the
    # file, where a line "---" in the title would end the front matter.
    Dumper.add_representer(_DoubleQuoted, double_quoted)
    value = title if title.isprintable() else _DoubleQuoted(title)
    # A huge width keeps every value on one line (no folded continuation lines).
    dumped: str = yaml.dump(
        {"title": value, "date": when},
        Dumper=Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000_000,
    )
    return dumped


class _DoubleQuoted(str):
    """A string PyYAML is to write in double quotes."""

    __slots__ = ()


def render_readable_post(title: str, when: date, haiku: Haiku, header_format: str) -> str:
    """:func:`render_post`, read back with the blog's own reader before anything is written.

    The title and date must read back unchanged (else :class:`TitleError`). A haiku
    line the reader would take for something else (``Note: the cat / ...`` looks like a
    ``Key: value`` header) is written in its slug's words instead (``note the cat / ...``),
    which still matches the path; a line too long to be read as a haiku stays as typed.
    """
    from haikulint.blog.post import read_text

    content = render_post(title, when, haiku, header_format)
    parts = read_text(content)
    if parts.headers.get("title") != title or str(parts.headers.get("date")) != str(when):
        raise TitleError(
            f"the title {title!r} does not read back the same from {header_format} headers; "
            "use --header-style yaml, which keeps any title exactly"
        )
    if parts.haiku is not None and parts.haiku.text == haiku.text:
        return content
    plain = Haiku(lines=tuple(slug.replace("-", " ") for slug in haiku.slugs), slugs=haiku.slugs)
    plain_content = render_post(title, when, plain, header_format)
    found = read_text(plain_content).haiku
    return plain_content if found is not None and found.text == plain.text else content


FORESEEN_KINDS = frozenset({"duplicate-header", "date-future"})
"""The rules whose verdict on the new post ``new`` tells in advance, as warnings."""


@dataclass(frozen=True)
class Blog:
    """The posts already below ``root``, each read once: what a new post is checked against.

    Made by :func:`read_blog`. ``job`` runs the rules in :data:`FORESEEN_KINDS` that the
    config selects (:func:`foreseen_job`); ``summaries`` are the engine's summaries of
    ``files``, in order.
    """

    root: Path
    job: LintJob
    files: Sequence[PostFile]
    summaries: Sequence[PostSummary]

    def existing_post(self, relative: Path) -> Path | None:
        """A post that ``check`` would call a duplicate of ``relative`` (HK301).

        Slugs are compared as duplicate-slug compares them, by :attr:`Slug.key`: any
        extension the config includes, any letter case, and any separator between lines
        (``_/_``, ``--/--``, a bare ``/``).
        """
        from haikulint.blog.slug import dated_file_names

        config = self.job.config
        dated = dated_file_names(os.path.join(self.root, relative), config.file_name_dates)
        wanted = parse_slug(relative.as_posix(), config.sections, dated).key
        for file, summary in zip(self.files, self.summaries, strict=True):
            if summary.slug_key == wanted:
                return file.path
        return None

    def foreseen_problems(self, content: str, path: Path) -> list[tuple[Rule, Problem]]:
        """What ``check`` would report of the post ``content`` once written at ``path``.

        Only the rules in :data:`FORESEEN_KINDS` (a repeated title, a date after today),
        and only as a run of ``check`` would apply them (``select``, ``ignore``,
        ``extend-select``, ``per-file-ignores``, each rule's own include and exclude);
        the cross-post ones compare the new post with :attr:`summaries`.
        """
        from haikulint.blog.post import display_path, post_from_text, relative_to_root
        from haikulint.catalogue import run_blog_rule_on_summaries

        job = self.job
        if not job.rules:
            return []
        absolute = os.path.abspath(path)
        from haikulint.blog.slug import dated_file_names

        dated = dated_file_names(absolute, job.config.file_name_dates)
        slug = parse_slug(relative_to_root(absolute, self.root), job.config.sections, dated)
        post = post_from_text(
            content,
            Path(absolute),
            display_path(absolute, job.cwd),
            slug,
            header_lines=job.config.header_lines,
        )
        found = [
            (rule, problem)
            for rule, check in job.post_checks
            if job.is_active(rule, post)
            for problem in check(post)
        ]
        new = job.summarize(post)
        everyone = [new, *self.summaries]
        for rule in job.blog_rules:
            if job.switched_on(rule, new.suppressions, post.path):
                found += [
                    (rule, problem)
                    for summary, problem in run_blog_rule_on_summaries(rule, everyone, job.context)
                    if summary is new
                ]
        return found


def foreseen_job(config: Config | None = None, today: date | None = None) -> LintJob:
    """A run of the rules in :data:`FORESEEN_KINDS` that the config selects, as ``check``
    would run them on ``today`` (default: the local date).

    Raises :class:`~haikulint.errors.UsageError` for a selector in the config (``select``,
    ``ignore``, ``per-file-ignores``...) that names no rule, as ``check`` does.
    """
    from haikulint.catalogue import load_catalogue
    from haikulint.config import Config
    from haikulint.engine import LintJob

    config = config if config is not None else Config()
    rules = load_catalogue(config.rules_dirs).select(
        config.select, config.ignore, config.extend_select
    )
    return LintJob(
        config=config,
        rule_codes=tuple(rule.code for rule in rules if rule.kind in FORESEEN_KINDS),
        today=today or date.today(),
        cwd=Path.cwd(),
    )


def read_blog(root: Path, job: LintJob) -> Blog:
    """The posts ``check`` finds under ``root`` (the config's include and exclude globs,
    hidden folders and ``.gitignore`` files heeded, as :func:`discover_posts` does), read
    by the engine for ``job`` (see :func:`foreseen_job`), on all cores for a large blog."""
    from haikulint.blog.discover import WalkOptions, discover_posts
    from haikulint.engine import summarize_posts

    files = discover_posts([root], job.config, WalkOptions(root)) if root.is_dir() else []
    return Blog(root=root, job=job, files=files, summaries=summarize_posts(files, job))


def create_post(path: Path, content: str, *, root: Path | None = None) -> None:
    """Write ``content`` to a new file at ``path`` below ``root``, never replacing anything.

    Through :func:`haikulint.safe_fs.write_new_file`: parent folders are made as needed,
    each entered from the root with ``O_NOFOLLOW``, so a line folder that is a link
    leading outside ``root`` (default: ``path``'s folder) is refused, even one swapped in
    while the post is written; the post appears whole or not at all. Raises
    :class:`PostExistsError`, or :class:`Refusal` for a path that leaves the root;
    other ``OSError`` s pass through, and folders this call created are removed again
    on failure.
    """
    from haikulint import safe_fs

    boundary = root if root is not None else path.parent
    while not boundary.is_dir() and boundary.parent != boundary:
        boundary = boundary.parent  # a root not made yet: it is made, from the folder above
    try:
        safe_fs.write_new_file(boundary, path, content.encode())
    except safe_fs.TargetExistsError:
        raise PostExistsError(path) from None
    except safe_fs.SafeFsError as error:
        raise Refusal(f"{error.path}: {error.reason}; nothing was written") from None
