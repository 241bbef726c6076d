"""``haikulint init``: survey a blog, propose a config, and write it once confirmed.

What was found and the proposed config go to standard output; the question and the
closing messages to standard error. The config goes into an existing pyproject.toml
as an appended ``[tool.haikulint]`` table (every byte already there kept), else into
a new ``haikulint.toml``; an existing haikulint config is never replaced. Both writes
are atomic (:mod:`haikulint.safe_fs`).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from haikulint import escape
from haikulint.errors import ConfigError, UsageError, unknown_choice
from haikulint.wording import plural

if TYPE_CHECKING:
    from haikulint.blog.survey import Survey
    from haikulint.config_writer import Value

OUTPUT_FORMATS = ("text", "json")
HAIKULINT_TOML = "haikulint.toml"
PYPROJECT = "pyproject.toml"
TABLE = "[tool.haikulint]"
COMMENT = "written by haikulint init; every key is in haikulint's README, under Configuration"
PLACES = {"top": "at the top", "after-haiku": "below a haiku line or blank lines"}
"""Where a post's ``Key: value`` block sits, in the findings (see ``header-lines``)."""
HEADER_STYLE_FOR_GENERATOR = {"pelican": "pelican", "hugo": "toml", "jekyll": "yaml"}
"""What ``new`` writes in a blog without posts: each generator's own default."""


def is_interactive() -> bool:
    """True when a person can answer the question (tests replace this function)."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def run(
    folder: Path,
    yes: bool,
    dry_run: bool,
    config_file: Path | None,
    output_format: str,
) -> int:
    """Run the command: 0 written (or shown), 1 refused or declined. Raises UsageError."""
    if output_format not in OUTPUT_FORMATS:
        raise UsageError(unknown_choice("--output-format", output_format, OUTPUT_FORMATS))
    if not folder.is_dir():
        raise UsageError(f"{folder}: {'not a folder' if folder.exists() else 'no such folder'}")
    _refuse_an_unlistable(folder)
    target = config_file if config_file is not None else _default_target(folder)
    try:
        _refuse_an_existing_config(folder, target)
        if not (yes or dry_run or is_interactive()):
            raise UsageError(
                "no terminal to confirm on; pass --yes to write the config, or --dry-run to see it"
            )
        plan = _plan(folder, target)
        if output_format == "text":
            _print_findings(plan.found)
            _print_proposal(plan)
        if dry_run:
            if output_format == "json":
                _print_json(plan, written=False)
            return 0
        if not yes and not _confirmed(plan):
            escape.note("nothing was written")
            return 1
        _carry_out(plan)
    except _Refused as refused:
        escape.error(str(refused))
        return 1
    _note_config_above(target)
    if output_format == "json":
        _print_json(plan, written=True)
    else:
        escape.note(f"wrote {plan.where}")
        if plan.create_root:
            escape.note(f"created the posts root {_root_shown(plan.root_shown)}")
    return 0


class _Refused(Exception):
    """init cannot do what it was asked without harm; one line, exit 1."""


@dataclass(frozen=True)
class _Plan:
    """What init found, and what it would write where."""

    folder: Path
    found: Survey
    target: Path
    values: dict[str, Value]
    data: bytes
    """The bytes the target file is to hold."""

    @property
    def in_pyproject(self) -> bool:
        return self.target.name == PYPROJECT

    @property
    def shown(self) -> str:
        return _display(self.target)

    @property
    def where(self) -> str:
        """``haikulint.toml``, or ``[tool.haikulint] in pyproject.toml``."""
        return f"{TABLE} in {self.shown}" if self.in_pyproject else self.shown

    @property
    def create_root(self) -> bool:
        return not self.found.root_exists

    @property
    def root_shown(self) -> str:
        return _display(self.folder / self.found.root) if self.found.root != "." else "."


def _plan(folder: Path, target: Path) -> _Plan:
    from haikulint.blog.survey import survey

    found = survey(folder)
    values = proposed_config(found, target.parent)
    return _Plan(folder, found, target, values, _content(target, values))


def _carry_out(plan: _Plan) -> None:
    _write(plan.target, plan.data)
    if plan.create_root:
        _make_root(plan.folder, plan.found.root)


# --- what to write ---------------------------------------------------------------------


def proposed_config(found: Survey, config_folder: Path) -> dict[str, Value]:
    """The config the survey points to: root (relative to ``config_folder``), form,
    header style and the sections the slug reader would otherwise take for lines."""
    from haikulint.blog.survey import FORMS

    values: dict[str, Value] = {"root": _relative_to(found.top / found.root, config_folder)}
    lines = found.lines
    values["form"] = list(FORMS.get(lines, FORMS[3]) if lines is not None else FORMS[3])
    style = _header_style(found)
    if style is not None:
        values["header-style"] = style
    if found.dated_outside_posts * 2 > found.posts:
        values["file-name-dates"] = True  # "auto" reads them only below _posts/
    header_lines = _header_lines(found)
    if header_lines is not None:
        values["header-lines"] = header_lines
    if found.schedules_posts:
        values["allow-future-dates"] = True  # date-future would warn of every scheduled post
    if found.sections:
        values["sections"] = list(found.sections)
    if found.not_posts:
        values["exclude"] = [
            _relative_to(found.top / found.root / entry, config_folder) + "/" * entry.endswith("/")
            for entry in found.not_posts
        ]
    return values


def _header_lines(found: Survey) -> str | None:
    """Where ``Key: value`` header lines are read: ``top`` for a Pelican site (as Pelican
    reads them, so check reports the posts whose headers it would not see), else
    ``after-haiku`` when some posts have them below a haiku line; else the default."""
    if found.generator == "pelican" and (found.header_places or not found.posts):
        return "top"
    return "after-haiku" if "after-haiku" in found.header_places else None


def _relative_to(path: Path, folder: Path) -> str:
    return os.path.relpath(path, folder).replace(os.sep, "/")


def _header_style(found: Survey) -> str | None:
    from haikulint.config import HEADER_FORMATS

    style = found.header_style
    if style is None and found.posts == 0:
        style = HEADER_STYLE_FOR_GENERATOR.get(found.generator or "", "yaml")
    return style if style in HEADER_FORMATS else None


def _default_target(folder: Path) -> Path:
    """pyproject.toml when the folder has one, else a new haikulint.toml."""
    pyproject = folder / PYPROJECT
    return pyproject if pyproject.is_file() else folder / HAIKULINT_TOML


def _refuse_an_unlistable(folder: Path) -> None:
    """A folder whose entries cannot be listed cannot be surveyed: a usage error, rather
    than a config proposed from nothing."""
    try:
        with os.scandir(folder):
            pass
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(f"{folder}: cannot list the folder ({reason})") from None


def _refuse_an_existing_config(folder: Path, target: Path) -> None:
    """Refuse (:class:`_Refused`) if a config already configures haikulint here, or
    something is already where the new file would go."""
    from haikulint.config import configuring_files

    for place in dict.fromkeys((folder, target.parent)):
        try:
            existing = next(configuring_files(place), None)
        except ConfigError as error:
            raise UsageError(str(error)) from None
        if existing is not None:
            what = f"has a {TABLE} table" if existing.name == PYPROJECT else "exists"
            raise _Refused(
                f"{_display(existing)} {what}; init never overwrites a config: edit it instead"
            )
    if target.name != PYPROJECT and (target.exists() or target.is_symlink()):
        raise _Refused(f"{_display(target)} exists; init never overwrites a file")


def _note_config_above(target: Path) -> None:
    """Say so when a config in a folder above now stands behind the new one."""
    from haikulint.config import find_config_file

    folder = Path(os.path.abspath(target.parent))
    try:
        above = find_config_file(folder.parent) if folder.parent != folder else None
    except ConfigError:
        return
    if above is not None:
        escape.note(
            f"note: {_display(above)} configures haikulint further up; "
            f"from here down, {_display(target)} is read instead"
        )


def _content(target: Path, values: Mapping[str, Value]) -> bytes:
    """The bytes to write to ``target``: a new file, or pyproject.toml with the table added."""
    from haikulint.config_writer import ConfigWriteError, appended_pyproject, new_config_file

    try:
        if target.name == PYPROJECT and target.exists():
            return appended_pyproject(_read_pyproject(target), values, COMMENT)
        table = f"{TABLE}\n".encode() if target.name == PYPROJECT else b""
        return table + new_config_file(values, COMMENT)
    except ConfigWriteError as error:
        raise _Refused(
            f"{_display(target)}: cannot add {TABLE}: {error}; "
            f"nothing was written (--config-file {HAIKULINT_TOML} writes a file of its own)"
        ) from None


def _read_pyproject(path: Path) -> bytes:
    from haikulint.bounded_read import MAX_CONFIG_SIZE, InputError, read_bytes

    try:
        return read_bytes(path, MAX_CONFIG_SIZE)
    except InputError as error:
        raise _Refused(f"{_display(path)}: cannot read it ({error}); nothing was written") from None


def _write(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically: create-only for a new file, a replace of
    pyproject.toml (whose old bytes ``data`` starts with)."""
    from haikulint import safe_fs

    parent = Path(os.path.abspath(target.parent))
    try:
        if target.name == PYPROJECT and target.exists():
            before = _read_pyproject(target)
            if not data.startswith(before):
                raise _Refused(f"{_display(target)} changed while init ran; nothing was written")
            safe_fs.replace_file(parent, parent / target.name, data)
        else:
            safe_fs.write_new_file(parent, parent / target.name, data)
    except safe_fs.TargetExistsError:
        raise _Refused(
            f"{_display(target)} exists; init never overwrites a file; nothing was written"
        ) from None
    except (OSError, safe_fs.SafeFsError) as error:
        reason = getattr(error, "reason", None) or getattr(error, "strerror", None) or error
        raise _Refused(
            f"{_display(target)}: cannot write it ({reason}); nothing was written"
        ) from None


def _make_root(folder: Path, root: str) -> None:
    from haikulint import safe_fs

    top = Path(os.path.abspath(folder))
    try:
        safe_fs.make_dirs_inside(top, top / root)
    except (OSError, safe_fs.SafeFsError) as error:
        reason = getattr(error, "reason", None) or getattr(error, "strerror", None) or error
        raise _Refused(f"{_display(top / root)}: cannot make the posts root ({reason})") from None


# --- what to show ----------------------------------------------------------------------


def _print_findings(found: Survey) -> None:
    rows = _finding_rows(found)
    width = max(len(label) for label, _ in [*rows, ("date folders", "")])
    typer.echo(escape.printable(f"Found in {_display(found.top)}:"))
    for label, text in rows:
        typer.echo(escape.printable(f"  {label:<{width}}  {text}"))


def _finding_rows(found: Survey) -> list[tuple[str, str]]:
    rows = [("posts", _posts_text(found))]
    if found.outside_root:
        files = sum(found.outside_root.values())
        folders = ", ".join(_root_shown(folder) for folder in found.outside_root)
        rows.append(
            (
                "elsewhere",
                f"{plural(files, 'Markdown file', grouped=True)} outside the root "
                f"({folders}), not posts",
            )
        )
    if found.posts:
        rows.append(("extensions", _tally(found.extensions)))
        rows.append(("date folders", _tally(found.date_folders) or "none"))
        rows.append(("sections", _sections_text(found)))
        if found.not_posts:
            entries = ", ".join(found.not_posts)
            rows.append(("not posts", f"{entries}: no haiku paths; pages, not posts (to exclude)"))
        rows.append(("headers", _headers_text(found)))
        unread = found.header_places.get("after-haiku", 0)
        if found.generator == "pelican" and unread:
            rows.append(
                (
                    "pelican",
                    f"{plural(unread, 'sampled post', grouped=True)} with Key: value lines "
                    "Pelican does not read as metadata (not one block from the first line)",
                )
            )
        future = _future_text(found)
        if future is not None:
            rows.append(("future dates", future))
        if found.dated_names:
            rows.append(
                (
                    "dated names",
                    f"{plural(found.dated_names, 'post', grouped=True)} whose file name starts "
                    "with a date (.../2024-03-05-line.md), the post's date",
                )
            )
    evidence: dict[str, list[str]] = {}
    for hint in found.generators:
        evidence.setdefault(hint.generator, []).append(hint.evidence)
    hints = "; ".join(f"{name} ({', '.join(files)})" for name, files in evidence.items())
    rows.append(("generator", hints or "none found"))
    for path, reason in found.skipped:
        rows.append(("skipped", f"{path}: {reason}"))
    return rows


def _future_text(found: Survey) -> str | None:
    """What the survey saw of posts dated after today, and whether that means scheduling."""
    said = [
        f"{hint.evidence} sets {'buildFuture' if hint.generator == 'hugo' else 'future'} "
        "(future-dated posts are published)"
        for hint in found.generators
        if hint.future
    ]
    if found.scheduled:
        posts = plural(found.scheduled, "sampled post", grouped=True)
        said.append(f"{posts} dated after today, within a year")
    if found.far_future:
        posts = plural(found.far_future, "sampled post", grouped=True)
        said.append(f"{posts} dated more than a year ahead (typos?)")
    if not said:
        return None
    verdict = (
        "scheduled posts, so allow-future-dates"
        if found.schedules_posts
        else "one may be a typo, so date-future still warns"
    )
    return f"{'; '.join(said)}: {verdict}"


def _posts_text(found: Survey) -> str:
    root = _root_shown(found.root)
    if not found.posts:
        where = f"{root} does not exist yet" if not found.root_exists else f"{root} is empty"
        return f"none yet ({where})"
    paths = "a haiku path" if found.haiku_posts == 1 else "haiku paths"
    posts = plural(found.posts, "post", grouped=True)
    text = f"{posts} under {root}, {found.haiku_posts:,} with {paths}"
    counts = found.line_counts
    if len(counts) == 1:
        lines = next(iter(counts))
        text += f" (all of {lines} lines)" if found.haiku_posts > 1 else f" ({lines} lines)"
    elif counts:
        text += " (" + ", ".join(f"{n:,} of {lines} lines" for lines, n in counts.items()) + ")"
    return text


def _sections_text(found: Survey) -> str:
    if not found.section_folders:
        return "none"
    listed = set(found.sections)
    parts = []
    for section, count in found.section_folders.items():
        note = "; multi-word, so listed in sections" if section.rsplit("/", 1)[-1] in listed else ""
        parts.append(f"{section}/ ({plural(count, 'post', grouped=True)}{note})")
    return ", ".join(parts)


def _headers_text(found: Survey) -> str:
    if found.sampled == found.posts:
        sample = f"all {plural(found.posts, 'post', grouped=True)}"
    else:
        sample = f"a sample of {found.sampled:,} of {found.posts:,} posts, spread over the blog"
    text = f"read from {sample}: {_tally(found.header_styles)}"
    if found.unreadable:
        text += f"{', ' if found.header_styles else ''}unreadable {found.unreadable:,}"
    if found.header_places:
        places = ", ".join(
            f"{count:,} {PLACES[place]}" for place, count in found.header_places.items()
        )
        text += f" (Key: value lines: {places})"
    styles = [style for style in found.header_styles if style != "none"]
    if len(styles) > 1:
        text += f" (mixed: mostly {found.header_style})"
    if found.header_style == "json":
        text += "; new writes no JSON, so header-style is left to yaml"
    return text


def _print_proposal(plan: _Plan) -> None:
    from haikulint.config_writer import render_table

    typer.echo("")
    typer.echo(escape.printable(f"Proposed config, for {plan.where}:"))
    typer.echo("")
    text = (f"{TABLE}\n" if plan.in_pyproject else "") + render_table(plan.values, COMMENT)
    typer.echo(escape.printable(text, keep_line_breaks=True), nl=False)
    if plan.create_root:
        typer.echo("")
        typer.echo(escape.printable(f"and a new folder for posts: {_root_shown(plan.root_shown)}"))


def _confirmed(plan: _Plan) -> bool:
    """Ask on standard error whether to write; yes unless the answer is no."""
    question = f"Write {plan.shown}"
    if plan.create_root:
        question += f" and create {_root_shown(plan.root_shown)}"
    return typer.confirm(escape.printable(question + "?"), default=True, err=True)


def _print_json(plan: _Plan, *, written: bool) -> None:
    found = plan.found
    document = {
        "survey": {
            "folder": _display(found.top),
            "root": found.root,
            "root_exists": found.root_exists,
            "posts": found.posts,
            "haiku_posts": found.haiku_posts,
            "line_counts": {str(lines): count for lines, count in found.line_counts.items()},
            "outside_root": dict(found.outside_root),
            "extensions": dict(found.extensions),
            "date_folders": dict(found.date_folders),
            "dated_names": found.dated_names,
            "sections": dict(found.section_folders),
            "not_posts": list(found.not_posts),
            "sampled": found.sampled,
            "unreadable": found.unreadable,
            "header_styles": dict(found.header_styles),
            "header_places": dict(found.header_places),
            "header_style": found.header_style,
            "scheduled": found.scheduled,
            "far_future": found.far_future,
            "generators": [
                {
                    "generator": hint.generator,
                    "file": hint.evidence,
                    "posts": hint.posts_folder,
                    "content": hint.content_folder,
                    "future": hint.future,
                }
                for hint in found.generators
            ],
            "skipped": [{"path": path, "reason": reason} for path, reason in found.skipped],
        },
        "config_file": plan.shown,
        "config": plan.values,
        "written": written,
        "created_root": written and plan.create_root,
    }
    typer.echo(escape.valid_unicode(json.dumps(document, ensure_ascii=False)))


def _tally(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{key} {count:,}" for key, count in counts.items())


def _root_shown(root: str) -> str:
    return "the top folder" if root == "." else f"{root}/"


def _display(path: Path) -> str:
    """The path as the user would type it: relative to the working folder when inside."""
    try:
        shown = Path(os.path.abspath(path)).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
    return shown
