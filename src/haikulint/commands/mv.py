"""``haikulint mv POST "line / line / line"``: give a post a new haiku.

A rename plan plus the body's haiku-line edit, carried out by the fix stage
(:mod:`haikulint.fix.apply`): the haiku is judged exactly as ``new`` judges it (the
same counter, refusal and ``--force``); the post (or its page bundle's folder) moves
to the haiku's nested path under the same root, sections and date folders, never
over anything; the folders it leaves empty are removed (only those); the haiku the
post writes (its first body line, a ``haiku:`` header) is rewritten; with ``--alias``
the old address is added to the headers the site generator reads. Every check is made
before anything moves: a refusal leaves the blog as it was.

Standard output carries the result (``old -> new``, the plan of a dry run, or JSON);
the table, warnings and refusals go to standard error.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from haikulint import scaffold
from haikulint.errors import UsageError

if TYPE_CHECKING:
    from haikulint.blog.slug import Slug
    from haikulint.config import Config
    from haikulint.fix.apply import Plan

OUTPUT_FORMATS = ("text", "json")


class Refused(Exception):
    """``mv`` will not do this; the message says why (exit 1). Nothing was moved."""


@dataclass(frozen=True)
class Move:
    """What ``mv`` will do: the plan, and how to tell it."""

    plan: Plan
    source: Path
    """The post file, or its page bundle's folder."""
    target: Path
    slug: str
    """The new slug, from the root: ``post/2024/a-/-b-/-c``."""
    alias: str | None
    original: str
    text: str
    file: Path
    """The post file (a bundle's ``index.md``) before the move."""


def run(
    post: Path,
    haiku: str,
    root: Path | None,
    force: bool,
    dry_run: bool,
    alias: bool,
    output_format: str,
    config: Config,
) -> int:
    """Run the command: 0 moved (or shown), 1 refused; raises UsageError."""
    from haikulint.commands.new import judge
    from haikulint.prosody.count import SyllableCounter

    if output_format not in OUTPUT_FORMATS:
        raise UsageError(
            f"--output-format must be one of {', '.join(OUTPUT_FORMATS)}, not {output_format!r}"
        )
    file, bundle = _post_file(post, config)
    blog_root = _blog_root(file, root, config)
    counter = SyllableCounter(config.user_words())
    try:
        poem = scaffold.make_haiku(haiku)
        if not judge(poem, counter, config, force, refusal="nothing was moved (--force moves it)"):
            return 1
        move = _plan(file, bundle, blog_root, poem, alias, config)
    except (Refused, scaffold.Refusal) as refusal:
        _error(str(refusal))
        return 1
    if dry_run:
        _print_plan(move, output_format)
        return 0
    from haikulint.fix.apply import execute
    from haikulint.safe_fs import SafeFsError

    try:
        execute(move.plan)
    except (OSError, SafeFsError) as error:  # a link swapped in, a race, a full disk
        _error(_failure(move, error))
        return 1
    _print_result(move, output_format)
    return 0


def _failure(move: Move, error: Exception) -> str:
    """What a failed move left: nothing moved, or moved with its text not yet edited.

    The fix stage moves first and writes after; each step is all or nothing.
    """
    from haikulint.safe_fs import SafeFsError

    if isinstance(error, SafeFsError):
        reason = f"{_shown(error.path)}: {error.reason}"
    else:
        reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
    if os.path.lexists(move.source) or not os.path.lexists(move.target):
        return f"{_shown(move.source)}: cannot move the post ({reason}); nothing was moved"
    return (
        f"{_shown(move.source)} -> {_shown(move.target)}: moved, but its text could not be "
        f"rewritten ({reason}); edit the haiku line by hand"
    )


# --- what is moved -----------------------------------------------------------------


def _post_file(post: Path, config: Config) -> tuple[Path, bool]:
    """The post's file and whether it is a page bundle's ``index``; UsageError if not a post."""
    from haikulint.blog.slug import BUNDLE_INDEX

    shown = _shown(post)
    if not os.path.lexists(post):
        raise UsageError(f"{shown}: no such file or folder")
    if os.path.islink(post):
        raise UsageError(f"{shown}: is a symbolic link; mv moves posts, not links to them")
    if post.is_dir():
        for name in sorted(os.listdir(post)):
            candidate = post / name
            stem = os.path.splitext(name)[0]
            if stem == BUNDLE_INDEX and _is_post_name(name, config) and candidate.is_file():
                return candidate, True
        raise UsageError(f"{shown}: not a post (a folder with no index.md)")
    if not post.is_file() or not _is_post_name(post.name, config):
        patterns = " or ".join(config.include)
        raise UsageError(f"{shown}: not a post (a post is a file named {patterns})")
    if post.name.startswith(("_", ".")):
        raise UsageError(f"{shown}: not a post (hidden files and list pages are not posts)")
    bundle = os.path.splitext(post.name)[0] == BUNDLE_INDEX
    if bundle and os.path.islink(post.parent):
        raise UsageError(f"{_shown(post.parent)}: is a symbolic link; mv moves posts, not links")
    return post, bundle


def _is_post_name(name: str, config: Config) -> bool:
    return any(fnmatch(name, pattern) for pattern in config.include)


def _blog_root(file: Path, root: Path | None, config: Config) -> Path:
    """``--root``, else the configured root, else the top of the post's own chain."""
    from haikulint.blog.discover import derive_root, is_under
    from haikulint.safe_fs import is_inside

    chosen = root if root is not None else config.root
    if chosen is not None and not chosen.is_dir():
        raise UsageError(f"{_shown(chosen)}: the blog root is not a folder")
    folder = Path(chosen) if chosen is not None else Path(derive_root(file))
    if not is_under(file, folder) or not is_inside(folder, file):
        raise UsageError(f"{_shown(file)}: not a post under the blog root {_shown(folder)}")
    return folder


def _plan(
    file: Path, bundle: bool, root: Path, poem: scaffold.Haiku, alias: bool, config: Config
) -> Move:
    """Everything the move will do, checked before anything is touched."""
    from haikulint.blog.post import relative_to_root
    from haikulint.blog.slug import dated_file_names, parse_slug
    from haikulint.fix.apply import FileChange, PlanError, plan
    from haikulint.fix.model import Rename

    absolute = os.path.abspath(file)
    dated = dated_file_names(absolute, config.file_name_dates)
    old = parse_slug(relative_to_root(absolute, root), config.sections, dated)
    relative = _new_relative(old, poem, bundle, file)
    scaffold.check_name_lengths(relative)
    source = file.parent if bundle else file
    target = root / (relative.parent if bundle else relative)
    _refuse_duplicate(root, relative, file, config)
    original = _read(file, root, config.max_post_size)
    text, recorded = _edited(original, poem, old, alias, root, config, file)
    renames = [] if _same_path(source, target) else [Rename(source, target, root)]
    if not renames and text == original:
        raise Refused(f"{_shown(file)}: already named by this haiku; nothing to do")
    try:
        checked = plan([FileChange(file, root, original, text)], renames)
    except PlanError as error:
        raise Refused(f"{error}; nothing was moved") from None
    new_slug = parse_slug(relative.as_posix(), config.sections, dated)
    return Move(
        plan=checked,
        source=source,
        target=target,
        slug=new_slug.text,
        alias=recorded,
        original=original,
        text=text,
        file=file,
    )


def _new_relative(old: Slug, poem: scaffold.Haiku, bundle: bool, file: Path) -> Path:
    """The new path below the root: the old sections and date folders, the new haiku."""
    from haikulint.blog.slug import with_file_date

    *folders, name = with_file_date(poem.slug, old.file_date).split("/")  # Jekyll's date kept
    prefix = [part for part in old.prefix.split("/") if part]
    if bundle:
        return Path(*prefix, *folders, name, file.name)
    return Path(*prefix, *folders, name + (old.extension or scaffold.EXTENSION))


def _refuse_duplicate(root: Path, relative: Path, file: Path, config: Config) -> None:
    """Refuse a new slug that another post already has (as duplicate-slug compares)."""
    blog = scaffold.read_blog(root, scaffold.foreseen_job(config))
    existing = blog.existing_post(relative)
    if existing is not None and not _same_file(existing, file):
        raise Refused(
            f"{_shown(existing)}: a post with this slug already exists; nothing was moved"
        )


def _read(file: Path, root: Path, limit: int) -> str:
    from haikulint.bounded_read import InputError, read_post_bytes

    try:  # a regular file inside the root, within max-post-size: as check reads it
        data = read_post_bytes(os.fspath(file), root, limit)
    except InputError as error:
        raise Refused(f"{_shown(file)}: cannot read the post ({error})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(
            f"{_shown(file)}: not UTF-8 text, so its haiku line cannot be rewritten; "
            "nothing was moved"
        ) from None


def _edited(
    original: str,
    poem: scaffold.Haiku,
    old: Slug,
    alias: bool,
    root: Path,
    config: Config,
    file: Path,
) -> tuple[str, str | None]:
    """The post's new text, and the old address recorded (None without ``--alias``)."""
    from haikulint.blog.post import read_text
    from haikulint.fix.aliases import CannotRecord, NoHeaders, alias_edits, alias_key
    from haikulint.fix.haiku import CannotRewrite, haiku_edits
    from haikulint.fix.text import apply_edits

    try:
        text = apply_edits(
            original, haiku_edits(original, poem.text, header_lines=config.header_lines)
        )
    except CannotRewrite as error:
        raise Refused(f"{_shown(file)}: {error}; nothing was moved") from None
    if not alias:
        return text, None
    address = f"{config.alias_prefix}{old.text}/"
    key = alias_key(read_text(text, header_lines=config.header_lines), config.alias_key, root)
    try:
        edits = alias_edits(text, key, address, header_lines=config.header_lines)
        return apply_edits(text, edits), address
    except NoHeaders as error:
        import shlex

        command = f"haikulint check --fix --select HK201 {shlex.quote(_shown(file))}"
        raise Refused(
            f"{_shown(file)}: cannot record the old address ({error}); nothing was moved: "
            f"add a title header first ({command} "
            "writes one when a line reads as the title), or move it without --alias"
        ) from None
    except CannotRecord as error:
        raise Refused(
            f"{_shown(file)}: cannot record the old address ({error}); nothing was moved"
        ) from None


def _same_path(first: Path, second: Path) -> bool:
    return os.path.abspath(first) == os.path.abspath(second)


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return _same_path(first, second)


# --- output ------------------------------------------------------------------------


def _print_plan(move: Move, output_format: str) -> None:
    from haikulint import escape
    from haikulint.fix.apply import unified_diff

    moved_file = move.plan.final_path(move.file)
    diff = unified_diff(_shown(move.file), move.original, move.text, _shown(moved_file))
    if output_format == "json":
        planned = {**_result(move), "dry_run": True, "diff": escape.valid_unicode(diff)}
        typer.echo(json.dumps(planned, ensure_ascii=False))
        return
    typer.echo(escape.one_line(f"rename {_shown(move.source)} -> {_shown(move.target)}"))
    if diff:  # the post's own text: escaped, its line ends kept
        typer.echo(escape.printable(diff, keep_line_breaks=True), nl=False)


def _print_result(move: Move, output_format: str) -> None:
    from haikulint import escape

    if output_format == "json":
        typer.echo(json.dumps(_result(move), ensure_ascii=False))
    else:
        typer.echo(escape.one_line(f"{_shown(move.source)} -> {_shown(move.target)}"))


def _result(move: Move) -> dict[str, object]:
    """The result for ``--output-format json``: every string valid Unicode."""
    from haikulint.escape import valid_unicode

    return {
        "source": valid_unicode(_shown(move.source)),
        "target": valid_unicode(_shown(move.target)),
        "slug": move.slug,
        "alias": valid_unicode(move.alias) if move.alias is not None else None,
        "edited": move.text != move.original,
    }


def _shown(path: Path) -> str:
    from haikulint.blog.post import display_path

    return display_path(path)


def _error(message: str) -> None:
    from haikulint import escape

    escape.error(message)
