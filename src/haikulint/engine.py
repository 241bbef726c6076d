"""The engine: read posts, run the selected rules, and filter what they find.

Two phases. The post phase reads each file and runs the post-scope rules on it;
on large trees it is spread over every core. The blog phase runs the cross-post
rules over every post of the blog (``context`` files too, so that a staged post
is compared with the whole root), reporting only on the posts being checked.
Then per-file ignores and per-post suppressions are applied. Baselines are the
command's business (see :mod:`haikulint.baseline`).
"""

from __future__ import annotations

import contextlib
import gc
import operator
import os
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from haikulint.blog.discover import PostFile
from haikulint.blog.post import Post, read_post
from haikulint.cache import KEYS_LATER, Cached, GroupKeys, ResultCache, Stat, run_key
from haikulint.catalogue import (
    PostCheck,
    Rule,
    bind_post_rule,
    load_catalogue,
    rule_matches,
    run_blog_rule_on_summaries,
    summary_headers,
)
from haikulint.checks import CheckContext, Problem
from haikulint.checks.summary import PostSummary, summarize
from haikulint.config import Config
from haikulint.diagnostic import Diagnostic
from haikulint.lifeline import kill_workers, start_worker, stop_signals_deferred

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

PARALLEL_THRESHOLD = 2000
"""Below this many posts, starting worker processes costs more than it saves."""

ProgressCallback = Callable[[int], None]


@dataclass(frozen=True)
class LintJob:
    """Everything a worker process needs to lint a share of the posts."""

    config: Config
    rule_codes: tuple[str, ...]
    today: date
    cwd: Path

    def __post_init__(self) -> None:
        # Built now, not on the first post: a per-file-ignores selector that names no
        # rule is refused before anything is read, by every command that makes a job.
        self.ignores  # noqa: B018

    def __getstate__(self) -> dict[str, object]:
        # Send workers the settings only; they rebuild the cached rules and counter.
        return {field.name: self.__dict__[field.name] for field in fields(self)}

    @cached_property
    def rules(self) -> tuple[Rule, ...]:
        catalogue = load_catalogue(self.config.rules_dirs)
        by_code = {rule.code: rule for rule in catalogue.rules}
        return tuple(by_code[code] for code in self.rule_codes)

    @cached_property
    def context(self) -> CheckContext:
        from haikulint.prosody.count import SyllableCounter

        return CheckContext(
            counter=SyllableCounter(self.config.user_words()),
            today=self.today,
            form=self.config.form,
            allow_future_dates=self.config.allow_future_dates,
            config_file=self.config.source.name if self.config.source is not None else None,
        )

    @cached_property
    def ignores(self) -> PerFileIgnores:
        return PerFileIgnores(self.config)

    @cached_property
    def post_checks(self) -> tuple[tuple[Rule, PostCheck], ...]:
        """The post-scope rules, each bound to its check once per run, not once per post."""
        return tuple(
            (rule, bind_post_rule(rule, self.context))
            for rule in self.rules
            if rule.scope == "post"
        )

    @cached_property
    def cache_key(self) -> str:
        """What the result cache is keyed on: everything but the posts that decides what
        the checks say (the whole config, the selected rules as loaded, the user's words
        as read, where paths are shown from, the version, the syllable data)."""
        from haikulint import __version__
        from haikulint.prosody.count import data_key  # the lexicon, CMU table and rules

        return run_key(
            __version__,
            data_key(),
            self.config,
            self.rules,
            self.config.user_words(),
            str(self.cwd),
        )

    @cached_property
    def today_codes(self) -> frozenset[str]:
        """The selected rules whose verdict depends on today's date."""
        return frozenset(rule.code for rule in self.rules if rule.check_kind.uses_today)

    def depends_on_today(self, diagnostics: Iterable[Diagnostic] | None) -> bool:
        """Whether ``diagnostics`` hold a finding that may read otherwise another day."""
        return any(diagnostic.code in self.today_codes for diagnostic in diagnostics or ())

    @cached_property
    def blog_rules(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.scope == "blog")

    @cached_property
    def grouped_blog_rules(
        self,
    ) -> tuple[tuple[Rule, Callable[[PostSummary, Any], str | None]], ...] | None:
        """Each cross-post rule with the key it groups posts by; None when one of them
        may relate posts whatever their keys (see ``group_key`` in :mod:`.checks`)."""
        grouped = []
        for rule in self.blog_rules:
            key = rule.check_kind.group_key
            if key is None:
                return None
            grouped.append((rule, key))
        return tuple(grouped)

    def group_keys(self, summary: PostSummary) -> GroupKeys | None:
        """``summary``'s key under each cross-post rule (None where the rule does not
        apply to its slug), or None when the rules cannot say (see above)."""
        grouped = self.grouped_blog_rules
        if grouped is None:
            return None
        return tuple(
            key(summary, rule.options)
            if rule.applies_to_slug(summary.slug_text, summary.slug_extension)
            else None
            for rule, key in grouped
        )

    @cached_property
    def summary_headers(self) -> tuple[str, ...]:
        return summary_headers(self.blog_rules)

    def read(self, file: PostFile, *, headers_only: bool = False) -> Post:
        """``file`` read; with ``headers_only``, no further than needed to summarize it."""
        return read_post(
            file,
            self.cwd,
            sections=self.config.sections,
            file_name_dates=self.config.file_name_dates,
            max_size=self.config.max_post_size,
            headers_only=headers_only,
            header_lines=self.config.header_lines,
        )

    def lint_text(self, file: PostFile, text: str) -> list[Diagnostic]:
        """:meth:`lint_post` of ``file`` as if it held ``text`` (a fixed version of it)."""
        from haikulint.blog.post import read_post_text

        return self.lint_post(
            read_post_text(
                file,
                text,
                self.cwd,
                sections=self.config.sections,
                header_lines=self.config.header_lines,
                file_name_dates=self.config.file_name_dates,
            )
        )

    def summarize(self, post: Post) -> PostSummary:
        """What the blog phase keeps of ``post``."""
        return summarize(post, self.summary_headers)

    def lint_post(self, post: Post) -> list[Diagnostic]:
        """Every post-scope rule that applies to ``post`` and is not switched off for it."""
        diagnostics: list[Diagnostic] = []
        every_rule_applies = self.no_rule_is_scoped and not post.suppressions
        for rule, check in self.post_checks:
            if not (every_rule_applies or self.is_active(rule, post)):
                continue
            try:
                problems = list(check(post))
            except (RecursionError, MemoryError, ValueError, TypeError, ArithmeticError) as error:
                # A check's bug on strange content: this post says so, the others go on.
                problems = [_check_failed(error)]
            if problems:  # most rules find nothing in most posts
                diagnostics.extend(to_diagnostic(rule, post, problem) for problem in problems)
        return diagnostics

    @cached_property
    def no_rule_is_scoped(self) -> bool:
        """No rule has ``include`` or ``exclude`` and the config has no per-file ignores:
        then only a post's own suppressions can switch a rule off (asking each rule
        about each post costs more than some checks do)."""
        return self.ignores.empty and not any(rule.include or rule.exclude for rule in self.rules)

    def is_active(self, rule: Rule, post: Post) -> bool:
        """``rule`` applies to ``post`` and neither the post nor the config turns it off."""
        return rule.applies_to(post) and self.switched_on(rule, post.suppressions, post.path)

    def switched_on(self, rule: Rule, suppressions: frozenset[str], path: str | Path) -> bool:
        """Neither the post's suppressions nor the config's per-file ignores turn ``rule`` off."""
        return not (suppressions and _suppressed(rule, suppressions)) and not (
            self.ignores.ignores(rule, path)
        )


@dataclass(frozen=True)
class LintResult:
    diagnostics: list[Diagnostic]
    files_checked: int
    unknown_suppressions: list[tuple[str, str]] = field(default_factory=list)
    """``(path, selector)`` for each entry of a post's ignore list that names no rule."""
    suppression_problems: list[tuple[str, str]] = field(default_factory=list)
    """``(path, problem)`` for each way a post's ignore list is malformed (an entry that is
    a number, a misspelt key; see :func:`haikulint.blog.post.read_suppressions`)."""


def lint(
    files: Sequence[PostFile],
    job: LintJob,
    *,
    context_files: Iterable[PostFile] = (),
    on_progress: ProgressCallback | None = None,
    cache: ResultCache | None = None,
) -> LintResult:
    """Lint ``files``; ``context_files`` only serve the cross-post rules. A post that
    ``cache`` holds unchanged is neither read nor checked again; what the others give
    is stored in it, and it is saved at the end."""
    cache = cache or ResultCache.disabled(job.today)
    cache.group_keys = job.group_keys
    results = _results(files, job, cache, on_progress)
    summaries = [summary for summary, _ in results]
    diagnostics = [diagnostic for _, found in results for diagnostic in found or ()]
    del results  # a tuple a post: 6 MB for 100,000 posts, through the blog phase and save
    if job.blog_rules:
        extra = _not_among(context_files, files)
        others = _compared_with(extra, summaries, job, cache)
        diagnostics.extend(_blog_phase(summaries, files, others, job))
    cache.save()
    diagnostics.sort(key=Diagnostic.sort_key)
    return LintResult(
        diagnostics=diagnostics,
        files_checked=len(summaries),
        unknown_suppressions=_unknown_suppressions(summaries, job),
        suppression_problems=[
            (summary.display_path, problem)
            for summary in summaries
            for problem in summary.suppression_problems
        ],
    )


def _unknown_suppressions(summaries: Iterable[PostSummary], job: LintJob) -> list[tuple[str, str]]:
    """Entries of the posts' ignore lists that name no rule at all: typos (``HK1O3``)."""
    catalogue = load_catalogue(job.config.rules_dirs)
    return [
        (summary.display_path, selector)
        for summary in summaries
        if summary.suppressions
        for selector in catalogue.unknown_selectors(sorted(summary.suppressions))
    ]


def summarize_posts(files: Sequence[PostFile], job: LintJob) -> list[PostSummary]:
    """Read the posts that are only compared with, not reported on: a summary of each,
    in the order of ``files``.

    A pre-commit run names a few staged posts, but the cross-post rules compare them with
    every post of the root, so a big blog is read on all cores here too.
    """
    return [summary for summary, _ in _read_phase(files, job, lint=False)]


def _results(
    files: Sequence[PostFile],
    job: LintJob,
    cache: ResultCache,
    on_progress: ProgressCallback | None = None,
    *,
    lint: bool = True,
) -> list[PostResult]:
    """What each of ``files`` gives, in order: from ``cache`` where the file is unchanged,
    else read (and, with ``lint``, checked) and stored in ``cache``."""
    results: list[PostResult | None] = []
    missed = _Misses()
    for file in files:
        found = cache.lookup(file.filename, file.root, checked=lint)
        if isinstance(found, Cached):
            results.append((found.summary, found.diagnostics))
        else:
            missed.add(len(results), found)
            results.append(None)
    if on_progress is not None and len(missed) < len(files):
        on_progress(len(files) - len(missed))
    fresh = _read_and_store(files, missed, job, cache, on_progress, lint=lint)
    for (index, _), (result, _) in zip(missed, fresh, strict=True):
        results[index] = result
    return [result for result in results if result is not None]


class _Misses(Sequence[tuple[int, "Stat | None"]]):
    """The posts the cache does not hold, as ``(index in the files, Stat or None)``,
    kept packed: as a list of tuples they held 15 MB for 100,000 posts, all of them
    on a cold run, until every post was read."""

    def __init__(self) -> None:
        self._indices = array("q")
        self._sizes = array("q")
        """-1 where there is no Stat (a size is never negative)."""
        self._mtimes = array("q")

    def add(self, index: int, stat: Stat | None) -> None:
        size, mtime = stat if stat is not None else (-1, 0)
        self._indices.append(index)
        self._sizes.append(size)
        self._mtimes.append(mtime)

    def __len__(self) -> int:
        return len(self._indices)

    @overload
    def __getitem__(self, position: int) -> tuple[int, Stat | None]: ...

    @overload
    def __getitem__(self, position: slice) -> Sequence[tuple[int, Stat | None]]: ...

    def __getitem__(
        self, position: int | slice
    ) -> tuple[int, Stat | None] | Sequence[tuple[int, Stat | None]]:
        if isinstance(position, slice):
            return [self[index] for index in range(len(self))[position]]
        size = self._sizes[position]
        return self._indices[position], (size, self._mtimes[position]) if size >= 0 else None

    def __iter__(self) -> Iterator[tuple[int, Stat | None]]:
        for index, size, mtime in zip(self._indices, self._sizes, self._mtimes, strict=True):
            yield index, (size, mtime) if size >= 0 else None


def _read_and_store(
    files: Sequence[PostFile],
    missed: Sequence[tuple[int, Stat | None]],
    job: LintJob,
    cache: ResultCache,
    on_progress: ProgressCallback | None = None,
    *,
    lint: bool = True,
) -> list[tuple[PostResult, GroupKeys | None]]:
    """Read (and, with ``lint``, check) the ``missed`` files, given by their index in
    ``files`` and their Stat; store each in ``cache``. Their results and group keys."""
    if not missed:
        return []
    fresh = _read_phase([files[index] for index, _ in missed], job, on_progress, lint=lint)
    stored = []
    # The keys of posts checked (not only compared with) are made as the cache file is
    # written: nothing in this run asks for them.
    later = lint and job.blog_rules and cache.group_keys is not None
    for (index, stat), result in zip(missed, fresh, strict=True):
        summary, diagnostics = result
        keys = KEYS_LATER if later else job.group_keys(summary) if job.blog_rules else None
        if stat is not None:
            file = files[index]
            today_only = job.depends_on_today(diagnostics)
            cache.store(
                file.filename,
                file.root,
                stat,
                summary,
                diagnostics,
                today_only=today_only,
                keys=keys,
            )
        stored.append((result, None if keys is KEYS_LATER else keys))
    return stored


def _compared_with(
    files: Sequence[PostFile], checked: Sequence[PostSummary], job: LintJob, cache: ResultCache
) -> list[PostSummary]:
    """The summaries of ``files`` (posts only compared with, not reported on) that the
    cross-post rules need to judge the ``checked`` posts, in the order of ``files``.

    When every such rule groups posts by a key, only the posts sharing a key with a
    checked post can make a difference: an unchanged post's keys come from ``cache``,
    and its summary only if they match (a pre-commit run names one post of
    thousands). Otherwise, every post's summary.
    """
    if not files:  # a run over the whole blog: every post is checked
        return []
    if job.grouped_blog_rules is None:
        return [summary for summary, _ in _results(files, job, cache, lint=False)]
    wanted = {
        (index, key)
        for summary in checked
        for index, key in enumerate(job.group_keys(summary) or ())
        if key is not None
    }
    kept: list[tuple[int, PostSummary]] = []
    unchanged, missed = cache.keys_of(files, wanted)  # only those sharing a key
    for position, keys in unchanged.items():
        if wanted.isdisjoint(enumerate(keys)):
            continue
        file = files[position]
        found = cache.lookup(file.filename, file.root, checked=False)  # its summary
        if isinstance(found, Cached):
            kept.append((position, found.summary))
        else:
            missed.append((position, found))
    fresh = _read_and_store(files, missed, job, cache, lint=False)
    for (position, _), ((summary, _), read_keys) in zip(missed, fresh, strict=True):
        if not wanted.isdisjoint(enumerate(read_keys or ())):
            kept.append((position, summary))
    kept.sort(key=lambda item: item[0])
    return [summary for _, summary in kept]


def _read_phase(
    files: Sequence[PostFile],
    job: LintJob,
    on_progress: ProgressCallback | None = None,
    *,
    lint: bool = True,
) -> list[PostResult]:
    """Read every file into a :class:`PostSummary` for the blog phase, in order, and lint
    it unless ``lint`` is false; on all cores for a large tree."""
    processes = _worker_count(len(files))
    if processes <= 1:
        return _lint_chunk(job, files, on_progress, lint=lint)
    return _SharedPostPhase(job, files, processes, lint=lint).run(on_progress)


SPAN_POSTS = 500
"""Posts per share of the work: small enough to keep every process busy to the end and
the progress bar moving, large enough that handing out shares costs nothing."""

PostResult = tuple[PostSummary, "tuple[Diagnostic, ...] | None"]
"""A post's summary, and its diagnostics (None when it was only summarized)."""
SharedResult = list[PostResult]


class _SharedPostPhase:
    """The post phase on several cores: this process and ``processes - 1`` forked workers.

    The files are cut into spans, handed out through a shared counter to whichever
    process is free, this one included (on two cores, a second worker would only
    compete with this process for a core). fork gives the workers the imported modules,
    the loaded dictionaries and the file list for free: a task carries no arguments,
    and only each span's summaries and diagnostics travel back.
    """

    def __init__(
        self, job: LintJob, files: Sequence[PostFile], processes: int, *, lint: bool = True
    ) -> None:
        import multiprocessing

        self.job = job
        self.files = files
        self.lint = lint
        self.processes = processes
        shares = max(processes * 8, len(files) // SPAN_POSTS)
        self.spans = _spans(len(files), shares)
        self.context = multiprocessing.get_context("fork")
        self.next_span = self.context.Value("i", 0)
        self.results: list[SharedResult | None] = [None] * len(self.spans)

    def run(self, on_progress: ProgressCallback | None) -> SharedResult:
        global _RUNNING
        _RUNNING = self
        # Objects the collector never visits stay in pages the workers share with this
        # process; otherwise each worker's first full collection copies them all.
        # Build the checks, the counter and its tables, and import the reader, before
        # forking: the workers inherit them instead of each building its own.
        _lint_chunk(self.job, self.files[:1], lint=self.lint)
        gc.freeze()
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        pool = ProcessPoolExecutor(
            self.processes - 1,
            mp_context=self.context,
            initializer=start_worker,
            initargs=(os.getpid(),),
        )
        try:
            # Two tasks per worker, so a worker never waits for this process to hand
            # out the next one; a task takes its span when it starts, not when sent.
            with stop_signals_deferred():  # see there
                pending: set[Future[tuple[int, PackedResult] | None]] = {
                    pool.submit(_lint_next_span) for _ in range(2 * (self.processes - 1))
                }
            while (index := self.take()) is not None:
                self.results[index] = self.lint_span(index, on_progress)
                done = {future for future in pending if future.done()}
                pending = (pending - done) | self.collect(done, pool, on_progress)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                pending |= self.collect(done, pool, on_progress)
        except BaseException:
            # Ctrl-C, SIGTERM or a failure: the workers' results are of no use now, so
            # stop them at once rather than wait for their spans to finish.
            import multiprocessing

            kill_workers(child.pid for child in multiprocessing.active_children() if child.pid)
            with contextlib.suppress(Exception):  # never hide why the run stopped
                pool.shutdown(cancel_futures=True)  # prompt: its workers are gone
            raise
        else:
            pool.shutdown()
        finally:
            _RUNNING = None
            gc.unfreeze()
        merged: SharedResult = []
        for result in self.results:
            assert result is not None, "every span is taken exactly once"
            merged.extend(result)
        return merged

    def take(self) -> int | None:
        """The next span nobody has taken, or None when all are."""
        with self.next_span.get_lock():
            index: int = self.next_span.value
            if index >= len(self.spans):
                return None
            self.next_span.value = index + 1
        return index

    def lint_span(self, index: int, on_progress: ProgressCallback | None = None) -> SharedResult:
        start, stop = self.spans[index]
        return _lint_chunk(self.job, self.files[start:stop], on_progress, lint=self.lint)

    def collect(
        self,
        done: Iterable[Future[tuple[int, PackedResult] | None]],
        pool: ProcessPoolExecutor,
        on_progress: ProgressCallback | None,
    ) -> set[Future[tuple[int, PackedResult] | None]]:
        """Store what finished tasks found; a task that found work is followed by another."""
        more: set[Future[tuple[int, PackedResult] | None]] = set()
        for future in done:
            outcome = future.result()
            if outcome is None:
                continue  # nothing was left to take
            index, packed = outcome
            self.results[index] = _unpack(packed)
            if on_progress is not None:
                start, stop = self.spans[index]
                on_progress(stop - start)
            more.add(pool.submit(_lint_next_span))
        return more


_RUNNING: _SharedPostPhase | None = None
"""The parallel post phase under way, inherited by its forked workers."""


def _lint_next_span() -> tuple[int, PackedResult] | None:
    """In a worker: lint the next span nobody has taken; None when there is none."""
    assert _RUNNING is not None, "workers are forked by _SharedPostPhase.run"
    index = _RUNNING.take()
    return None if index is None else (index, _pack(_RUNNING.lint_span(index)))


PackedResult = list[tuple[tuple[Any, ...], tuple[tuple[Any, ...], ...] | None]]
"""A span's results as plain tuples of field values: they travel from a worker several
times faster than pickled dataclasses."""


def _pack(results: SharedResult) -> PackedResult:
    return [
        (_values(summary), None if found is None else tuple(map(_values, found)))
        for summary, found in results
    ]


def _unpack(packed: PackedResult) -> SharedResult:
    return [
        (PostSummary(*summary), None if found is None else tuple(Diagnostic(*d) for d in found))
        for summary, found in packed
    ]


def _values(record: Any) -> tuple[Any, ...]:
    """A dataclass's field values, in order: one C call (a generator of getattr cost
    3 us a summary, on every post of a cold run)."""
    kind = type(record)
    getter = _FIELD_GETTERS.get(kind)
    if getter is None:
        names = [field.name for field in fields(kind)]
        # attrgetter of one name gives the value, not a tuple of it
        getter = _FIELD_GETTERS[kind] = (
            operator.attrgetter(*names)
            if len(names) > 1
            else lambda record: (getattr(record, names[0]),)
        )
    values: tuple[Any, ...] = getter(record)
    return values


_FIELD_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _lint_chunk(
    job: LintJob,
    files: Sequence[PostFile],
    on_progress: ProgressCallback | None = None,
    *,
    lint: bool = True,
) -> SharedResult:
    """Read ``files`` into summaries, and lint them unless ``lint`` is false."""
    results: SharedResult = []
    for file in files:
        post = job.read(file, headers_only=not lint)
        results.append((job.summarize(post), tuple(job.lint_post(post)) if lint else None))
        if on_progress is not None:
            on_progress(1)
    return results


def _blog_phase(
    checked: list[PostSummary],
    files: Sequence[PostFile],
    others: list[PostSummary],
    job: LintJob,
) -> Iterator[Diagnostic]:
    """The cross-post rules over every post; only ``checked`` (read from ``files``, in
    order) are reported on. Rules that apply to a post's slug are its check's business."""
    reported = {id(summary): file for summary, file in zip(checked, files, strict=True)}
    everyone = [*checked, *others]
    for rule in job.blog_rules:
        for post, problem in run_blog_rule_on_summaries(rule, everyone, job.context):
            file = reported.get(id(post))
            if file is not None and job.switched_on(rule, post.suppressions, file.filename):
                yield to_diagnostic(rule, post, problem)


def _check_failed(error: Exception) -> Problem:
    cause = f"{type(error).__name__}: {error}".split("\n")[0][:200]
    return Problem(f"haikulint could not check this post for this rule ({cause}); please report it")


def to_diagnostic(rule: Rule, post: Post | PostSummary, problem: Problem) -> Diagnostic:
    return Diagnostic(
        path=post.display_path,
        line=problem.line,
        column=problem.column,
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=problem.message,
        fixable=problem.fixable,
        fix=problem.fix,
    )


def _suppressed(rule: Rule, suppressions: frozenset[str]) -> bool:
    return any(rule_matches(rule, entry) for entry in suppressions)


class PerFileIgnores:
    """``per-file-ignores``: gitignore-style globs, relative to the config's folder.

    A selector that names no rule (a typo: ``HK1O3``) is a :class:`UsageError`.
    """

    def __init__(self, config: Config) -> None:
        self._base = config.base
        self._entries: list[tuple[Any, tuple[str, ...]]] = []
        if not config.per_file_ignores:
            return
        from haikulint.patterns import compile_gitignore

        catalogue = load_catalogue(config.rules_dirs)
        for codes in config.per_file_ignores.values():
            catalogue.check_selectors(codes, where=f"{config.source}: per-file-ignores: ")
        self._entries = [
            (compile_gitignore([pattern], f"{config.source}: per-file-ignores", item=""), codes)
            for pattern, codes in config.per_file_ignores.items()
        ]

    @property
    def empty(self) -> bool:
        return not self._entries

    def ignores(self, rule: Rule, path: str | Path) -> bool:
        if not self._entries:
            return False
        relative = _relative_posix(Path(path), self._base)
        return any(
            spec.match_file(relative) and any(rule_matches(rule, code) for code in codes)
            for spec, codes in self._entries
        )


def _not_among(files: Iterable[PostFile], among: Sequence[PostFile]) -> list[PostFile]:
    """The ``files`` that are none of ``among`` (compared as absolute paths). A file can
    only be one of them if its name ends as one of theirs does, or ends in a way that
    making it absolute may change (``/``, ``.``, ``..``): the others (thousands of context
    posts, against one checked post) are not made absolute one by one."""
    files = list(files)
    if not files:  # a whole blog checked: no set of every path to build (20 MB at 100,000)
        return []
    absolute = {_absolute(file.filename) for file in among}
    endings = (*{os.path.basename(path) for path in absolute}, "/", os.sep, ".")
    return [
        file
        for file in files
        if not file.filename.endswith(endings) or _absolute(file.filename) not in absolute
    ]


def _absolute(path: str | Path) -> str:
    return os.path.abspath(path)


def _relative_posix(path: Path, base: Path) -> str:
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return os.path.relpath(absolute, base).replace(os.sep, "/")


def _worker_count(file_count: int) -> int:
    if file_count < PARALLEL_THRESHOLD:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(cores, file_count // (PARALLEL_THRESHOLD // 2)))


def _spans(count: int, shares: int) -> list[tuple[int, int]]:
    """``[start, stop)`` spans cutting ``count`` items into at most ``shares`` even parts."""
    size = max(1, -(-count // shares))
    return [(start, min(start + size, count)) for start in range(0, count, size)]
