"""``haikulint new``: check a typed haiku and create its post at the nested path.

Messages, prompts and the per-line table go to standard error; standard output
carries only the result (the path, JSON, or the dry run's path and content), so
``$(haikulint new ...)`` gives the path.
"""

from __future__ import annotations

import datetime
import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from haikulint import escape, scaffold
from haikulint.config import HEADER_FORMATS
from haikulint.errors import UsageError, unknown_choice

if TYPE_CHECKING:
    from haikulint.config import Config
    from haikulint.prosody.count import SyllableCounter
    from haikulint.prosody.readings import LineReading, WordReading

OUTPUT_FORMATS = ("text", "json")


def is_interactive() -> bool:
    """True when a person can answer prompts (tests replace this function)."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def run(
    haiku: str | None,
    title: str | None,
    date: str | None,
    root: Path | None,
    header_style: str | None,
    force: bool,
    dry_run: bool,
    edit: bool,
    output_format: str,
    config: Config,
    legacy_format: str | None = None,
) -> int:
    """Run the command; 0 when written (or shown), 1 when refused. Raises UsageError."""
    if legacy_format is not None:
        header_style, output_format = _legacy_format(legacy_format, header_style, output_format)
    _check_choice("--output-format", output_format, OUTPUT_FORMATS)
    if header_style is not None:
        _check_choice("--header-style", header_style, HEADER_FORMATS)
    style = header_style or config.header_style
    when = _post_date(date)
    editor = _editor_command() if edit else None
    if edit and dry_run:
        raise UsageError("--edit and --dry-run cannot be used together")
    for option, text in (("HAIKU", haiku), ("--title", title)):
        _check_encoding(option, text)
    posts_root, root_missing = _posts_root(root, config)
    job = scaffold.foreseen_job(config)  # a selector that names no rule: refused up front
    interactive = is_interactive()
    if haiku is None and not interactive:
        raise UsageError("no haiku given and no terminal to ask for one; pass HAIKU")
    if title is not None:
        title = _title_or_usage_error(title, style)
    elif not interactive:
        raise UsageError("no --title given and no terminal to ask for one; pass --title TEXT")

    from haikulint.prosody.count import SyllableCounter

    counter = SyllableCounter(config.user_words())
    try:
        typed = _ask_haiku(counter, config, force) if haiku is None else haiku
        poem = scaffold.make_haiku(typed)
        # Lines typed at the prompt had their unknown words told as they were accepted.
        fits = judge(poem, counter, config, force, warn_unknown=haiku is not None)
        if not fits and not dry_run:
            return 1
        relative = _dated(poem.relative_path(), poem, posts_root, when, config)
        scaffold.check_name_lengths(relative)
        blog = scaffold.read_blog(posts_root, job)
        existing = blog.existing_post(relative)
        if existing is not None:
            raise scaffold.PostExistsError(Path(_display(existing)))
        title = title if title is not None else _ask_title(style)
        path = posts_root / relative
        content = _render(title, when, poem, style)
        for rule, problem in blog.foreseen_problems(content, path):
            _warn(f"{rule.code} {rule.name}: {problem.message}")
        shown = _display(path)
        if dry_run:
            # The plan is shown even for a haiku that is refused, beside the reasons.
            if root_missing and fits:
                _echo_err(f"haikulint: would create the posts root {_display(posts_root)}/")
            _print_result(shown, poem.slug, output_format, content)
            return 0 if fits else 1
        if root_missing:
            _make_root(posts_root)
        _create(posts_root, path, content)
    except scaffold.Refusal as refusal:
        _error(str(refusal))
        return 1
    _print_result(shown, poem.slug, output_format)
    return _open_editor(editor, path) if editor is not None else 0


def _dated(
    relative: Path, poem: scaffold.Haiku, root: Path, when: datetime.date, config: Config
) -> Path:
    """``relative``, its file name starting with the post's date where file names carry
    dates (Jekyll's ``_posts``, or ``file-name-dates = true``): Jekyll publishes a post
    only when its file name starts with its date."""
    from haikulint.blog.slug import dated_file_names, with_file_date

    if not dated_file_names(os.path.join(os.path.abspath(root), relative), config.file_name_dates):
        return relative
    return Path(with_file_date(poem.slug, when.isoformat()) + relative.suffix)


def _render(title: str, when: datetime.date, poem: scaffold.Haiku, style: str) -> str:
    try:
        return scaffold.render_readable_post(title, when, poem, style)
    except scaffold.TitleError as error:
        raise UsageError(f"--title: {error}") from None


def _create(posts_root: Path, path: Path, content: str) -> None:
    try:
        scaffold.create_post(path, content, root=posts_root)
    except OSError as error:  # permission denied, disk full, a file where a folder goes
        where = _display(Path(error.filename)) if error.filename else _display(path)
        if isinstance(error, NotADirectoryError):
            reason = "cannot make this folder, a file of that name is in the way"
        else:
            reason = f"cannot write the post ({error.strerror or error})"
        raise scaffold.Refusal(f"{where}: {reason}; nothing was written") from None


# --- options ---------------------------------------------------------------------------


def _check_encoding(option: str, text: str | None) -> None:
    """A byte that was not UTF-8 (a lone surrogate from the command line) cannot be written."""
    bad = next((char for char in text or "" if "\udc80" <= char <= "\udcff"), None)
    if bad is not None:
        byte = ord(bad) - 0xDC00
        raise UsageError(f"{option} holds the byte 0x{byte:02x}, which is not UTF-8 text")


def _check_choice(option: str, value: str, choices: Sequence[str]) -> None:
    if value not in choices:
        raise UsageError(unknown_choice(option, value, choices))


def _legacy_format(
    value: str, header_style: str | None, output_format: str
) -> tuple[str | None, str]:
    """``--format``, as every other command reads it, is the output format; ``new`` once
    read it as the header style, so a header style there still works, with a note."""
    if value in OUTPUT_FORMATS:
        return header_style, value
    if value in HEADER_FORMATS and header_style is None:
        _echo_err(
            f"haikulint: note: --format {value} is now --header-style {value} "
            "(--format is the output format, as in every command)"
        )
        return value, output_format
    raise UsageError(unknown_choice("--format", value, OUTPUT_FORMATS))


def _post_date(text: str | None) -> datetime.date:
    if text is None:
        return datetime.date.today()  # local time, as the writer's calendar says
    try:
        return scaffold.parse_date(text)
    except ValueError as error:
        raise UsageError(f"--date: {error}") from None


def _title_or_usage_error(title: str, style: str) -> str:
    """``--title`` exactly as given, if ``style`` can write it so; else a usage error."""
    try:
        return scaffold.check_title(title, style)
    except scaffold.TitleError as error:
        raise UsageError(f"--title: {error}") from None


def _posts_root(root: Path | None, config: Config) -> tuple[Path, bool]:
    """``--root``, else the configured root, else ``posts/`` if it exists, else ``.``;
    and whether it is still to be made: a root named by ``--root`` or the config that
    does not exist yet (a new blog) is made when the post is written."""
    given = root if root is not None else config.root
    if given is None:
        return (Path("posts") if Path("posts").is_dir() else Path(".")), False
    if given.is_dir():
        return given, False
    if given.exists() or given.is_symlink():
        raise UsageError(f"{given}: the posts root is not a folder")
    return given, True


def _make_root(root: Path) -> None:
    """Make the missing posts root (and the folders above it), never through a link that
    leads elsewhere; says so on standard error."""
    from haikulint import safe_fs

    target = Path(os.path.abspath(root))
    anchor = target.parent
    while not anchor.is_dir() and anchor != anchor.parent:
        anchor = anchor.parent
    try:
        safe_fs.make_dirs_inside(anchor, target)
    except (OSError, safe_fs.SafeFsError) as error:
        reason = getattr(error, "reason", None) or getattr(error, "strerror", None) or error
        raise scaffold.Refusal(
            f"{_display(root)}: cannot make the posts root ({reason}); nothing was written"
        ) from None
    _echo_err(f"haikulint: created the posts root {_display(root)}/ (it did not exist)")


def _editor_command() -> list[str]:
    value = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not value:
        raise UsageError("--edit needs $VISUAL or $EDITOR set to an editor command")
    try:
        command = shlex.split(value)
    except ValueError as error:
        raise UsageError(f"cannot read the editor command {value!r}: {error}") from None
    if not command or shutil.which(command[0]) is None:
        raise UsageError(f"editor {value!r} not found")
    return command


# --- the haiku -------------------------------------------------------------------------


def _count(counter: SyllableCounter, poem: scaffold.Haiku) -> list[LineReading]:
    """Count the slug, as ``check`` will, not the typed text (``3.5`` is ``3-5`` there)."""
    return [_count_line(counter, slug) for slug in poem.slugs]


def _count_line(counter: SyllableCounter, slug: str) -> LineReading:
    return counter.line(slug)


def _count_typed(counter: SyllableCounter, poem: scaffold.Haiku) -> list[LineReading]:
    """The typed lines counted as ``haikulint syllables`` counts them (``C#`` is 2).

    The whole poem is read at once, so that a haiku typed in capitals is read as
    shouted, line by line, as ``syllables`` reads it.
    """
    readings = counter.lines(poem.text)
    if len(readings) != len(poem.lines):  # pragma: no cover - split_haiku left no `/` inside
        readings = [counter.line(line) for line in poem.lines]
    return readings


def _typed_count_message(
    counter: SyllableCounter, number: int, slug: str, typed: LineReading, judged: LineReading
) -> str | None:
    """A warning when the line as typed counts otherwise than its slug, else None.

    The slug is what ``check`` counts, so it stays the verdict; the warning names the
    words the slug spells with other syllables (``C#`` as ``c``, ``$5`` as ``5``).
    """
    if typed.totals == judged.totals:
        return None
    changes: list[str] = []
    for word in typed.words:
        try:
            spelled = scaffold.slugify_line(word.text)
        except scaffold.HaikuRefused:  # pragma: no cover - the line itself was refused
            continue
        if set(counter.line(spelled).totals) != set(word.readings):
            changes.append(f"{word.text} as {spelled}")
    detail = f", which spells {', '.join(changes)}" if changes else ""
    return (
        f'line {number} "{typed.text}" has {typed.count_text()} as typed but '
        f'{_totals_text(judged)} as its slug "{slug}"{detail}; check counts the slug'
    )


def _warn_typed_count(
    counter: SyllableCounter, number: int, slug: str, typed: LineReading, judged: LineReading
) -> None:
    message = _typed_count_message(counter, number, slug, typed, judged)
    if message is not None:
        _warn(message)


def judge(
    poem: scaffold.Haiku,
    counter: SyllableCounter,
    config: Config,
    force: bool,
    *,
    warn_unknown: bool = True,
    refusal: str = "nothing was written (--force writes it anyway)",
) -> bool:
    """Show the problems and (if ``warn_unknown``) unknown words and lines whose typed
    count is not their slug's; True when it may be written.

    Shared by ``new`` and ``mv``, so a haiku is judged the same by both: the same
    counter, table, refusal and ``--force``; ``refusal`` is the last line of a refusal.
    """
    form = config.form
    readings = _count(counter, poem)
    problems = _form_problems(readings, form, poem.lines, counter)
    typed = _count_typed(counter, poem) if warn_unknown else []
    for line_number, reading in enumerate(readings, start=1):
        for word in reading.unknown_words if warn_unknown else ():
            _warn(_unknown_word_message(line_number, word, config))
        if warn_unknown:
            slug = poem.slugs[line_number - 1]
            _warn_typed_count(counter, line_number, slug, typed[line_number - 1], reading)
    if not problems:
        return True
    _echo_err("\n".join(_table(readings, form)))
    if force:
        for problem in problems:
            _warn(f"{problem}; writing anyway (--force)")
        return True
    for problem in problems:
        _error(problem)
    _error(refusal)
    return False


def _form_problems(
    readings: Sequence[LineReading],
    form: tuple[int, ...],
    typed: Sequence[str],
    counter: SyllableCounter,
) -> list[str]:
    problems: list[str] = []
    if len(readings) != len(form):
        problems.append(
            f"the haiku has {len(readings)} lines; the form {_form_text(form)} "
            f"has {len(form)} (a `/` inside a line starts a new one)"
        )
    for number, (reading, expected, line) in enumerate(
        zip(readings, form, typed, strict=False),
        start=1,  # extra or missing lines: above
    ):
        if not reading.fits(expected):
            problems.append(
                f'line {number} "{line}" has {reading.count_text()}, '
                f"expected {expected} ({_how_far_off(reading, expected)})"
                + _suggestions(reading, expected, counter)
            )
    return problems


def _suggestions(reading: LineReading, expected: int, counter: SyllableCounter) -> str:
    """``; try "..." (5)``: rewrites of the line's slug words that count, if any."""
    from haikulint.prosody.rewrites import suggest, suggestion_text

    found = suggest([word.text for word in reading.words], expected, counter)
    return f"; {suggestion_text(found)}" if found else ""


def _how_far_off(reading: LineReading, expected: int) -> str:
    if min(reading.totals, default=0) > expected:
        extra = min(reading.totals) - expected
        return f"{extra} too many"
    if max(reading.totals, default=0) < expected:
        missing = expected - max(reading.totals, default=0)
        return f"{missing} too few"
    return "no reading of its words adds up to it"


def _table(readings: Sequence[LineReading], form: tuple[int, ...]) -> list[str]:
    """The per-line table: words with their counts, totals, expected, verdict."""
    rows = [("line", "words", "count", "expected", "verdict")]
    for number, reading in enumerate(readings, start=1):
        expected = form[number - 1] if number <= len(form) else None
        if expected is None:
            verdict = "extra line"
        elif reading.fits(expected):
            verdict = "ok"
        else:
            verdict = _how_far_off(reading, expected)
        rows.append(
            (
                str(number),
                " ".join(_word_text(word) for word in reading.words),
                _totals_text(reading),
                "-" if expected is None else str(expected),
                verdict,
            )
        )
    for number in range(len(readings) + 1, len(form) + 1):
        rows.append((str(number), "", "0", str(form[number - 1]), "missing line"))
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    return [_table_row(row, widths) for row in rows]


def _table_row(row: tuple[str, ...], widths: Sequence[int]) -> str:
    *cells, verdict = row
    padded = (cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
    return f"{'  '.join(padded)}  {verdict}".rstrip()


def _word_text(word: WordReading) -> str:
    """``re-po(2)``, ``hours(1|2)``; ``?`` marks an estimate."""
    from haikulint.prosody.breaks import syllable_breaks

    counts = "|".join(str(count) for count in word.readings)
    spelled = syllable_breaks(word.text, min(word.readings, default=1))
    return f"{spelled}({counts}{'' if word.known else '?'})"


def _totals_text(reading: LineReading) -> str:
    return " or ".join(str(total) for total in reading.totals) or "0"


def _form_text(form: tuple[int, ...]) -> str:
    return "-".join(str(count) for count in form)


def _unknown_word_message(line_number: int, word: WordReading, config: Config) -> str:
    from haikulint.config import toml_key

    counts = " or ".join(str(count) for count in word.readings)
    fix = config.setting(toml_key(word.text.lower()), "N", table="words")
    return (
        f"line {line_number}: {word.text!r} is in no dictionary; counted as {counts} "
        f"(an estimate: if that is wrong, set it {fix})"
    )


# --- prompts ---------------------------------------------------------------------------


def _ask_haiku(counter: SyllableCounter, config: Config, force: bool) -> str:
    """Ask for each line on the terminal until it fits (any line, with ``--force``)."""
    form = config.form
    lines = [
        _ask_line(counter, config, number, len(form), expected, force)
        for number, expected in enumerate(form, start=1)
    ]
    return " / ".join(lines)


def _ask_line(
    counter: SyllableCounter, config: Config, number: int, of: int, expected: int, force: bool
) -> str:
    while True:
        line = " ".join(
            str(typer.prompt(f"Line {number} of {of} ({expected} syllables)", err=True)).split()
        )
        if "/" in line:
            _echo_err("  one line at a time, please: no `/`")
            continue
        try:
            slug = scaffold.slugify_line(line)
        except scaffold.HaikuRefused as refusal:
            _echo_err(f"  {refusal}")
            continue
        reading = _count_line(counter, slug)
        for word in reading.unknown_words:
            _warn(_unknown_word_message(number, word, config))
        words = " ".join(_word_text(word) for word in reading.words)
        if reading.fits(expected):
            _echo_err(f"  {expected} syllables: {words}")
            _warn_typed_count(counter, number, slug, counter.line(line), reading)
            return line
        off = (
            f"{reading.count_text()}, expected {expected} "
            f"({_how_far_off(reading, expected)}): {words}"
        )
        if force:
            _warn(f"line {number} has {off}; kept (--force)")
            _warn_typed_count(counter, number, slug, counter.line(line), reading)
            return line
        rewrites = _suggestions(reading, expected, counter).removeprefix("; try ")
        _echo_err(f"  {off}; try again" + (f", e.g. {rewrites}" if rewrites else ""))


def _ask_title(style: str) -> str:
    """The title typed at the prompt, without the spaces around it."""
    while True:
        answer = str(typer.prompt("Title", err=True)).strip()
        try:
            return scaffold.check_title(answer, style)
        except scaffold.TitleError as error:
            _echo_err(f"  {error}")


# --- output ----------------------------------------------------------------------------


def _display(path: Path) -> str:
    """The path as the user would type it: relative to the working folder when inside."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _print_result(shown: str, slug: str, output_format: str, content: str | None = None) -> None:
    if output_format == "json":
        result = {"path": shown, "slug": slug}
        if content is not None:
            result["content"] = content
        typer.echo(json.dumps(result, ensure_ascii=False))
    elif content is not None:
        typer.echo(escape.one_line(shown))
        typer.echo(escape.printable(content, keep_line_breaks=True), nl=False)
    else:
        typer.echo(escape.one_line(shown))


def _open_editor(command: list[str], path: Path) -> int:
    try:
        finished = subprocess.run([*command, str(path.resolve())], check=False)
    except OSError as error:
        _error(
            f"cannot run the editor {command[0]!r} ({error.strerror or error}); "
            f"the post is at {_display(path)}"
        )
        return 1
    if finished.returncode != 0:
        _error(f"the editor exited with {finished.returncode}; the post is at {_display(path)}")
        return 1
    return 0


def _echo_err(message: str) -> None:
    typer.echo(escape.printable(message, keep_line_breaks=True), err=True)


def _warn(message: str) -> None:
    escape.warn(message)


def _error(message: str) -> None:
    escape.error(message)
