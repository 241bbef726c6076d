"""``haikulint check``: discover posts, lint them, filter by baseline, report, exit."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from haikulint import escape
from haikulint.config import Config
from haikulint.errors import UsageError

if TYPE_CHECKING:
    from collections import Counter

    from haikulint.baseline import Fingerprint
    from haikulint.blog.discover import PostFile
    from haikulint.cache import ResultCache
    from haikulint.catalogue import Catalogue, Rule
    from haikulint.diagnostic import Diagnostic
    from haikulint.engine import Files


def from_command_line(
    *,
    paths: list[Path] | None,
    output_format: str,
    select: list[str] | None,
    ignore: list[str] | None,
    extend_select: list[str] | None,
    statistics: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    root: Path | None,
    exit_zero: bool,
    force_exclude: bool,
    no_progress: bool,
    no_cache: bool,
    fix: bool | None,
    unsafe_fixes: bool | None,
    diff: bool,
    fix_only: bool,
    config_file: Path | None,
) -> int:
    """:func:`run` with the command line's options (each ``haikulint check --help``
    parameter, by name, as typer or :mod:`haikulint.command_line` read them)."""
    from haikulint.config import load_config

    return run(
        paths=paths or [],
        config=load_config(config_file),
        output_format=output_format,
        select=_split(select),
        ignore=_split(ignore),
        extend_select=_split(extend_select),
        statistics=statistics,
        baseline=baseline,
        write_baseline=write_baseline,
        root=root,
        exit_zero=exit_zero,
        force_exclude=force_exclude,
        show_progress=not no_progress,
        use_cache=not no_cache,
        fixing=Fixing(fix=fix, unsafe=unsafe_fixes, diff=diff, only=fix_only),
    )


def _split(values: list[str] | None) -> tuple[str, ...]:
    """``--select HK1,HK2 --select date-missing`` to ``("HK1", "HK2", "date-missing")``."""
    return tuple(
        item.strip() for value in values or [] for item in value.split(",") if item.strip()
    )


def run(
    *,
    paths: Sequence[Path],
    config: Config,
    output_format: str,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    statistics: bool = False,
    baseline: Path | None = None,
    write_baseline: Path | None = None,
    root: Path | None = None,
    exit_zero: bool = False,
    force_exclude: bool = False,
    show_progress: bool = True,
    today: date | None = None,
    use_cache: bool = True,
    fixing: Fixing | None = None,
) -> int:
    """Check posts and report; returns the exit code (0 clean or warnings, 1 errors).

    With ``fixing``, the fixes found are applied (or shown) after checking, and the
    fixed posts checked again: see :mod:`haikulint.commands.fixing`.
    """
    from haikulint import report

    report.validate_format(output_format, statistics=statistics)
    from haikulint.catalogue import load_catalogue
    from haikulint.diagnostic import Severity
    from haikulint.engine import LintJob, lint

    recorded = None
    if baseline is not None:
        from haikulint.baseline import read_baseline

        recorded = read_baseline(baseline)
    catalogue = load_catalogue(config.rules_dirs)
    rules = catalogue.select(
        select or config.select,
        (*config.ignore, *ignore),
        (*config.extend_select, *extend_select),
    )
    # A baseline is matched by path and message, which name posts: name them relative to
    # the baseline file, not the cwd, so it holds from any folder (shown relative to the
    # cwd again below).
    baseline_file = write_baseline or baseline
    anchor = baseline_file.resolve().parent if baseline_file is not None else Path.cwd()
    job = LintJob(  # refuses a per-file-ignores selector that names no rule
        config=config,
        rule_codes=tuple(rule.code for rule in rules),
        today=today or date.today(),
        cwd=anchor,
    )
    configured_root = root or config.root
    from haikulint.cache import ResultCache, cache_folder

    cache = (
        ResultCache.open(cache_folder(config.cache_dir), job.cache_key, job.today)
        if use_cache
        else None
    )
    unlistable: list[tuple[str, str]] = []
    files, context_files = _posts_to_check(
        paths,
        config,
        root,
        force_exclude=force_exclude,
        need_context=bool(job.blog_rules),
        cache=cache,
        on_unlistable=lambda folder, reason: unlistable.append((folder, reason)),
    )
    total = len(files) if isinstance(files, list) else None  # a walk under way: not yet
    with _ProgressBar(total, enabled=show_progress) as progress:
        if not isinstance(files, list):
            files = _counted(files, progress.set_total)
        result = lint(
            files, job, context_files=context_files, on_progress=progress.advance, cache=cache
        )

    fixing = (fixing or Fixing()).with_config(config)
    if fixing.any:
        from haikulint.commands import fixing as stage

        outcome = stage.fix_posts(
            result.diagnostics,
            result.files,
            job,
            unsafe=bool(fixing.unsafe),
            reported=_baseline_filter(recorded),
        )
        if fixing.diff:
            stage.show_diff(outcome, sys.stdout)
            stage.say_fixed(outcome, would=True)
            return 1 if outcome.plan else 0
        stage.write(outcome)
        stage.say_fixed(outcome)
        if fixing.only:
            return 0
        if outcome.plan:
            moved, context = outcome.moved(result.files), outcome.moved(result.context_files)
            result = lint(moved, job, context_files=context)

    unlisted = _unlistable_folders(unlistable, rules, anchor)
    diagnostics = [*result.diagnostics, *unlisted]
    _warn_about_suppressions(result.suppression_problems, result.unknown_suppressions, catalogue)
    if write_baseline is not None:
        from haikulint.baseline import write_baseline as save_baseline

        save_baseline(write_baseline, diagnostics)
        from haikulint.wording import plural

        escape.note(f"wrote {plural(len(diagnostics), 'problem')} to baseline {write_baseline}")
        return 0
    left_out = 0
    if recorded is not None:
        from haikulint.baseline import filter_known

        reported = filter_known(diagnostics, recorded)
        left_out = len(diagnostics) - len(reported)
        diagnostics = reported
        if left_out and output_format not in ("text", "concise"):
            # The machine formats carry no summary line: say it where people look.
            from haikulint.report.tally import left_out_sentence

            escape.note(left_out_sentence(left_out))
    if anchor != Path.cwd():
        diagnostics = [_relative_to_cwd(diagnostic, anchor) for diagnostic in diagnostics]
    if (
        configured_root is None
        and any(not os.path.isdir(path) for path in paths)
        and any(diagnostic.name == "slug-lines" for diagnostic in diagnostics)
    ):
        # Files named one by one (pre-commit) are each read from their own -/- chain;
        # with no root configured, a README.md is judged as a one-line post.
        where = config.setting("root", '"posts"')
        escape.hint(
            f"no root is configured: set root ({where}) "
            "so that files named outside it are not judged as posts"
        )

    run_summary = report.RunSummary(
        files_checked=result.files_checked + len(unlisted),
        rules=[
            report.RuleSummary(rule.code, rule.name, rule.severity, rule.summary) for rule in rules
        ],
        left_out=left_out,
        unsafe_fixes=bool(fixing.unsafe),
    )
    report.render(output_format, diagnostics, run_summary, sys.stdout, statistics=statistics)
    has_errors = any(diagnostic.severity is Severity.ERROR for diagnostic in diagnostics)
    return 1 if has_errors and not exit_zero else 0


def _baseline_filter(
    recorded: Counter[Fingerprint] | None,
) -> Callable[[Sequence[Diagnostic]], list[Diagnostic]]:
    """What the run reports of some diagnostics: those ``recorded`` (a baseline) does not
    know; all of them without a baseline. The fix stage fixes only these."""
    if recorded is None:
        return list
    from haikulint.baseline import filter_known

    known = recorded
    return lambda diagnostics: filter_known(diagnostics, known)


@dataclass(frozen=True)
class Fixing:
    """What the run does with fixes: ``--fix``, ``--unsafe-fixes``, ``--diff``, ``--fix-only``.

    ``fix`` and ``unsafe`` are None when the command line leaves them to the config.
    """

    fix: bool | None = None
    unsafe: bool | None = None
    diff: bool = False
    only: bool = False

    @property
    def any(self) -> bool:
        return bool(self.fix or self.diff or self.only)

    def with_config(self, config: Config) -> Fixing:
        """The command line's choices, the config's (``fix``, ``unsafe-fixes``) where it
        makes none."""
        return replace(
            self,
            fix=config.fix if self.fix is None else self.fix,
            unsafe=config.unsafe_fixes if self.unsafe is None else self.unsafe,
        )


def _warn_about_suppressions(
    problems: Sequence[tuple[str, str]], unknown: Sequence[tuple[str, str]], catalogue: Catalogue
) -> None:
    """Warn about the posts' malformed ignore lists and entries that name no rule, post by
    post (in path order), what is malformed first."""
    warnings = [
        *problems,
        *(
            (
                path,
                f"the post's ignore list names no rule: {selector!r} "
                f"({catalogue.did_you_mean(selector)}see 'haikulint rules')",
            )
            for path, selector in unknown
        ),
    ]
    for path, message in sorted(warnings, key=lambda warning: warning[0]):
        escape.warn(f"{path}: {message}")


def _posts_to_check(
    paths: Sequence[Path],
    config: Config,
    root: Path | None,
    *,
    force_exclude: bool,
    need_context: bool,
    cache: ResultCache | None = None,
    on_unlistable: Callable[[str, str], None] | None = None,
) -> tuple[list[PostFile] | Iterator[PostFile], Callable[[], Files]]:
    """The posts to check, and (when ``need_context``) a function that finds the other
    posts of their roots that the cross-post rules compare them with. Warns on stderr
    about a missing root, files outside it, folders that cannot be listed, and finding
    nothing. Walks are remembered in ``cache`` (see
    :func:`haikulint.cache.discover_remembered`).

    The posts come as a list when no folder is walked, else as the walk finds them (so
    that they are read while it goes on; see :data:`haikulint.engine.Files`). The other
    posts always come that way, and are only found once the posts to check are all in
    (their roots are known then)."""
    from haikulint.blog.discover import WalkOptions, skip_warner
    from haikulint.cache import discover_remembered

    configured_root = root or config.root
    root_missing = configured_root is not None and not configured_root.is_dir()
    if root_missing and root is not None:
        what = "not a folder" if root.exists() else "no such folder"
        raise UsageError(f"--root {root}: {what}")
    nothing_to_check = root_missing and not paths
    if root_missing:
        # A warning, not an error: a new blog may commit before its first post.
        so = ", so there are no posts to check" if nothing_to_check else ""
        escape.warn(f"{config.source}: root {config.root}: no such folder{so}")
    if nothing_to_check:
        return [], lambda: []
    targets = list(paths) or [configured_root or Path(".")]
    options = WalkOptions(
        root=configured_root,
        force_exclude=force_exclude,
        on_unlistable=on_unlistable,
        on_skipped=skip_warner(),  # one warning per link over both walks
    )
    found = discover_remembered(cache, targets, config, options)
    roots: set[Path] = set()
    files: list[PostFile] | Iterator[PostFile] = _inside_root(
        found, configured_root, config.include, roots
    )
    if isinstance(found, list):
        files = list(files)
    if not need_context:
        return files, lambda: []

    def compared() -> list[PostFile] | Iterator[PostFile]:
        # Cross-post rules compare with the whole root; a root already walked as a
        # target needs no second walk.
        walked = {os.path.abspath(target) for target in targets if os.path.isdir(target)}
        others = sorted(root for root in roots if os.path.abspath(root) not in walked)
        if not others:
            return []
        context = WalkOptions(root=configured_root, on_skipped=options.on_skipped)
        return discover_remembered(cache, others, config, context)

    return files, compared


def _inside_root(
    found: Iterable[PostFile], root: Path | None, include: Sequence[str], roots: set[Path]
) -> Iterator[PostFile]:
    """The ``found`` files inside ``root`` (all without one), as they come, their roots
    added to ``roots``. Once all have come, says if there were none, and which were
    left out for lying outside it."""
    from haikulint.blog.discover import by_path, is_under

    count = 0
    outside = []
    inside = os.path.abspath(root).rstrip(os.sep) + os.sep if root is not None else ""
    for file in found:
        count += 1
        # A walk's files are absolute and clean: most are plainly below the root.
        if root is None or file.filename.startswith(inside) or is_under(file.filename, root):
            roots.add(file.root)
            yield file
        else:
            outside.append(file)
    if not count:
        escape.warn(f"no posts found to check ({', '.join(include)})")
    if outside:
        _warn_outside_root(by_path(outside), root)  # as found, in the walk's order


def _counted(files: Iterator[PostFile], on_total: Callable[[int], None]) -> Iterator[PostFile]:
    """``files`` as they come; once all have, how many there were, to ``on_total``."""
    count = 0
    for file in files:
        count += 1
        yield file
    on_total(count)


def _unlistable_folders(
    folders: Sequence[tuple[str, str]], rules: Sequence[Rule], anchor: Path
) -> list[Diagnostic]:
    """A folder that could not be listed is not "passed": each is an unreadable-file
    problem (HK001) so the run fails, or, with that rule switched off, a warning."""
    from haikulint.blog.post import display_path
    from haikulint.diagnostic import Diagnostic

    rule = next((rule for rule in rules if rule.kind == "unreadable-file"), None)
    problems = []
    for folder, reason in folders:
        message = f"cannot list the folder ({reason}); the posts in it were not checked"
        if rule is None:
            escape.warn(f"{display_path(folder)}: {message}")
            continue
        path = display_path(os.path.abspath(folder), anchor)  # as the posts' paths are
        problems.append(Diagnostic(path, None, None, rule.code, rule.name, rule.severity, message))
    return problems


def _warn_outside_root(skipped: Sequence[PostFile], root: Path | None) -> None:
    """Say which named files were not checked for lying outside the configured root."""
    from haikulint.blog.post import display_path

    shown = ", ".join(display_path(file.filename) for file in skipped[:5])
    more = f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
    escape.warn(f"not checked, outside the root {display_path(str(root))}: {shown}{more}")


def _relative_to_cwd(diagnostic: Diagnostic, anchor: Path) -> Diagnostic:
    from dataclasses import replace

    from haikulint.blog.post import display_path

    return replace(diagnostic, path=display_path(os.path.join(anchor, diagnostic.path)))


class _ProgressBar:
    """A rich progress bar on a terminal, shown only once a run has taken a second."""

    DELAY_SECONDS = 1.0

    def __init__(
        self,
        total: int | None,
        *,
        enabled: bool,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._total = total
        self._stream = stream or sys.stderr
        self._enabled = enabled and self._stream.isatty() and not os.environ.get("CI")
        self._clock = clock
        self._started = clock()
        self._done = 0
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def set_total(self, total: int) -> None:
        """The number of posts, once known (a walk under way finds them as it goes)."""
        self._total = total
        if self._progress is not None:
            self._progress.update(self._task, total=total)

    def advance(self, count: int) -> None:
        self._done += count
        if not self._enabled:
            return
        if self._progress is None:
            if self._clock() - self._started < self.DELAY_SECONDS:
                return
            self._start()
        self._progress.update(self._task, completed=self._done)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self._progress = Progress(console=Console(file=self._stream), transient=True)
        self._task = self._progress.add_task("Checking posts", total=self._total)
        self._progress.start()
