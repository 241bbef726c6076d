"""The engine: read posts, run the selected rules, and filter what they find.

Two phases. The post phase reads each file and runs the post-scope rules on it;
on large trees it is spread over every core, and it starts while the tree is still
being walked (files may come as a walk finds them: see :data:`Files`). The blog phase
runs the cross-post rules over every post of the blog (``context`` files too, so that
a staged post is compared with the whole root), reporting only on the posts being
checked. Then per-file ignores and per-post suppressions are applied. Baselines are
the command's business (see :mod:`haikulint.baseline`).
"""

from __future__ import annotations

import contextlib
import gc
import operator
import os
import sys
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cached_property
from itertools import chain, islice
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Any

from haikulint.blog.discover import PostFile
from haikulint.blog.post import Post, read_post
from haikulint.cache import (
    KEYS_LATER,
    Cached,
    GroupKeys,
    ResultCache,
    Stat,
    pickled_details,
    run_key,
)
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
    files: list[PostFile] = field(default_factory=list)
    """The files checked, in the order they were taken in (see :data:`Files`)."""
    context_files: list[PostFile] = field(default_factory=list)
    """The files compared with, likewise (none when no cross-post rule is selected)."""


Files = Sequence[PostFile] | Iterator[PostFile]
"""Files to read: a sequence, taken in its order; or an iterator (a walk under way, see
:func:`~haikulint.blog.discover.find_posts`), read while it goes on and taken in path
order, the order :func:`~haikulint.blog.discover.discover_posts` gives."""


def lint(
    files: Files,
    job: LintJob,
    *,
    context_files: Files | Callable[[], Files] = (),
    on_progress: ProgressCallback | None = None,
    cache: ResultCache | None = None,
) -> LintResult:
    """Lint ``files``; ``context_files`` only serve the cross-post rules. They may be
    given as a function that makes them: it is called once every one of ``files`` is in
    (so that they may be found from them), and only if some cross-post rule is selected.
    A post that ``cache`` holds unchanged is neither read nor checked again; what the
    others give is stored in it, and it is saved at the end."""
    cache = cache or ResultCache.disabled(job.today)
    cache.group_keys = job.group_keys
    taken = _PostPhase(job, cache, on_progress=on_progress).run(files)
    checked = taken.files
    summaries = [summary for summary, _ in taken.results]
    diagnostics = [diagnostic for _, found in taken.results for diagnostic in found or ()]
    del taken  # a tuple a post: 6 MB for 100,000 posts, through the blog phase and save
    compared: list[PostFile] = []
    if job.blog_rules:
        extra = _not_among(context_files() if callable(context_files) else context_files, checked)
        compared, others = _compared_with(extra, summaries, job, cache)
        diagnostics.extend(_blog_phase(summaries, checked, others, job))
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
        files=checked,
        context_files=compared,
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


def _compared_with(
    files: Files, checked: Sequence[PostSummary], job: LintJob, cache: ResultCache
) -> tuple[list[PostFile], list[PostSummary]]:
    """``files`` (posts only compared with, not reported on), and the summaries of those
    the cross-post rules need to judge the ``checked`` posts, both in the order of
    ``files`` (see :data:`Files`).

    When every such rule groups posts by a key, only the posts sharing a key with a
    checked post can make a difference: an unchanged post's keys come from ``cache``,
    and its summary only if they match (a pre-commit run names one post of
    thousands). Otherwise, every post's summary.
    """
    files = _started(files)
    if not files:  # a run over the whole blog: every post is checked
        return [], []
    wanted = None
    if job.grouped_blog_rules is not None:
        wanted = {
            (index, key)
            for summary in checked
            for index, key in enumerate(job.group_keys(summary) or ())
            if key is not None
        }
    taken = _PostPhase(job, cache, lint=False, wanted=wanted).run(files)
    return taken.files, [summary for summary, _ in taken.results]


def _read_phase(
    files: Sequence[PostFile],
    job: LintJob,
    on_progress: ProgressCallback | None = None,
    *,
    lint: bool = True,
) -> list[PostResult]:
    """Read every file into a :class:`PostSummary` for the blog phase, in order, and lint
    it unless ``lint`` is false; on all cores for a large tree. Nothing is cached."""
    phase = _PostPhase(job, ResultCache.disabled(job.today), lint=lint, on_progress=on_progress)
    return phase.run(files).results


SPAN_POSTS = 250
"""Posts per share of the work: small enough to keep every process busy to the end and
the progress bar moving, large enough that handing out shares costs nothing."""
WARM_UP_POSTS = 32
"""Posts read by the main process before it forks workers (see
:meth:`_PostPhase.start_workers`): enough that most of what the checks build on first
use (a problem's rewrites, a missing header's example) is built once, not per worker."""

PostResult = tuple[PostSummary, "tuple[Diagnostic, ...] | None"]
"""A post's summary, and its diagnostics (None when it was only summarized)."""
ReadResult = tuple["Stat | None", "PostResult | None", "GroupKeys | None", "bytes | None"]
"""What reading a post gives: its :data:`Stat`, taken just before it was read (None when
the run has no cache, or it is no regular file); its result, and its group keys (when
the phase needs them); or, for a post only compared with that shares no key with the
posts checked, no result but its details pickled for the cache (see
:func:`~haikulint.cache.pickled_details`; None without a cache)."""


@dataclass
class _Taken:
    """The files a :class:`_PostPhase` took, and the results it kept, in order."""

    files: list[PostFile]
    results: list[PostResult]


class _PostPhase:
    """The post phase: each file's result from the cache when it holds the file
    unchanged, else read (and checked) on every core and stored in the cache.

    Files are taken as they come (a walk may still be under way), and looked up in the
    cache a span at a time; the others wait to be read. When enough wait
    (:func:`_worker_count`; a walk under way counts as a big tree once a quarter of the
    threshold is waiting: it is likely to find more), workers are forked and handed
    spans of :data:`SPAN_POSTS`, two each at a time, while this process goes on walking;
    once every file is in, what is left is cut into shrinking spans that every process,
    this one included, takes in turn (see :meth:`finish`). fork gives the workers the
    imported modules, the built checks and the loaded dictionaries for free: a span
    travels as its paths, and back come its results as plain tuples, with each file's
    stat, taken just before it was read (this process stats no file the cache holds
    nothing for).

    With ``wanted`` (the group keys of the posts checked, see :func:`_compared_with`),
    only the results of the posts sharing one of them are kept: an unchanged post is
    judged by the keys the cache holds, a post read by the keys its reader makes.
    """

    def __init__(
        self,
        job: LintJob,
        cache: ResultCache,
        *,
        lint: bool = True,
        on_progress: ProgressCallback | None = None,
        wanted: set[tuple[int, str]] | None = None,
    ) -> None:
        self.job = job
        self.cache = cache
        self.lint = lint
        self.on_progress = on_progress
        self.wanted = wanted
        self.files: list[PostFile] = []
        self.results: list[PostResult | None] = []
        self.waiting = array("q")
        """The files to read that no span holds yet, by index."""
        self.spans: deque[array[int]] = deque()
        """Spans of files to read that no process has taken yet."""
        self.sent: dict[Future[list[PackedRead]], array[int]] = {}
        self.pool: ProcessPoolExecutor | None = None
        self.processes = 1
        self.growing = False
        self.stat_files = cache.path is not None
        # The keys of posts checked (not only compared with) are made as the cache file
        # is written: nothing in this run asks for them.
        self.keys_later = bool(lint and job.blog_rules and cache.group_keys is not None)
        self.make_keys = wanted is not None or (
            self.stat_files and bool(job.blog_rules) and not self.keys_later
        )

    def run(self, files: Files) -> _Taken:
        """Take ``files``; them and the results kept, in the order of :data:`Files`."""
        self.growing = not isinstance(files, Sequence)
        try:
            for chunk in _chunks(files, SPAN_POSTS):
                self.take(chunk)
            self.growing = False
            self.finish()
        except BaseException:
            # Ctrl-C, SIGTERM or a failure: the workers' results are of no use now, so
            # stop them at once rather than wait for their spans to finish.
            self.abandon()
            raise
        self.stop_workers()
        order: Sequence[int] = range(len(self.files))
        if not isinstance(files, Sequence):
            names = [file.filename for file in self.files]
            order = sorted(order, key=names.__getitem__)
        results = self.results
        return _Taken(
            [self.files[index] for index in order],
            [result for index in order if (result := results[index]) is not None],
        )

    def take(self, chunk: Sequence[PostFile]) -> None:
        """Look ``chunk`` up in the cache; what it does not hold waits to be read."""
        start = len(self.files)
        self.files.extend(chunk)
        self.results.extend([None] * len(chunk))
        knows, waiting = self.cache.knows, self.waiting
        known = []
        for index, file in enumerate(chunk, start):
            if knows(file.filename):
                known.append(index)
            else:
                waiting.append(index)
        if known:
            if self.wanted is None:
                self.look_up(known)
            else:
                self.look_up_keys(known, self.wanted)
        if self.growing:
            self.cut_spans()
            self.hand_out()

    def look_up(self, known: list[int]) -> None:
        cache, files, results, checked = self.cache, self.files, self.results, self.lint
        cached = 0
        for index in known:
            file = files[index]
            found = cache.lookup(file.filename, file.root, checked=checked)
            if isinstance(found, Cached):
                results[index] = (found.summary, found.diagnostics)
                cached += 1
            else:
                self.waiting.append(index)
        if cached and self.on_progress is not None:
            self.on_progress(cached)

    def look_up_keys(self, known: list[int], wanted: set[tuple[int, str]]) -> None:
        files = [self.files[index] for index in known]
        unchanged, changed = self.cache.keys_of(files, wanted)  # only those sharing a key
        for position in unchanged:
            file = files[position]
            found = self.cache.lookup(file.filename, file.root, checked=False)  # its summary
            if isinstance(found, Cached):
                self.results[known[position]] = (found.summary, None)
            else:
                self.waiting.append(known[position])
        self.waiting.extend(known[position] for position, _ in changed)

    def cut_spans(self) -> None:
        """While a walk is under way: spans for the workers, once it is worth starting
        them (for a sequence, all of it there, :meth:`finish` decides)."""
        if self.pool is None:
            if len(self.waiting) < PARALLEL_THRESHOLD // 4:
                return
            processes = _worker_count(sys.maxsize)  # as for any big tree: more will come
            if processes <= 1:
                return
            self.waiting = self.start_workers(processes, self.waiting)
        while len(self.waiting) >= SPAN_POSTS:
            self.spans.append(self.waiting[:SPAN_POSTS])
            del self.waiting[:SPAN_POSTS]

    def finish(self) -> None:
        """Every file is in: read what waits, on every core, to the end.

        What no process has taken yet is cut anew into spans that shorten towards the
        end (see :func:`_guided_spans`), taken in order by whichever process is free
        (this one included): the processes all run out of work at nearly the same time.
        """
        rest = array("q")
        for span in self.spans:
            rest.extend(span)
        rest.extend(self.waiting)
        self.spans.clear()
        self.waiting = array("q")
        if self.pool is None and rest:
            processes = _worker_count(len(rest))
            if processes > 1:
                rest = self.start_workers(processes, rest)
        self.spans.extend(
            rest[start:stop] for start, stop in _guided_spans(len(rest), self.processes)
        )
        while self.spans:
            self.hand_out()
            if self.spans:
                span = self.spans.popleft()
                self.keep(span, self.read_here(span))
        if self.sent:
            from concurrent.futures import FIRST_COMPLETED, wait

            while self.sent:
                done, _ = wait(self.sent, return_when=FIRST_COMPLETED)
                self.collect(done)

    def start_workers(self, processes: int, waiting: array[int]) -> array[int]:
        """Fork ``processes - 1`` workers, once the first few ``waiting`` files are read
        here (their results kept): the checks, the counter and its tables, and whatever
        the checks build on first use, are then built once, in this process, and
        inherited by the workers instead of built again in each. The files left."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _WORKING
        first = waiting[:WARM_UP_POSTS]
        self.keep(first, self.read_here(first))
        self.job.grouped_blog_rules  # noqa: B018 - built once, before forking
        _WORKING = self
        # Objects the collector never visits stay in pages the workers share with this
        # process; otherwise each worker's first full collection copies them all.
        gc.freeze()
        self.processes = processes
        self.pool = ProcessPoolExecutor(
            processes - 1,
            mp_context=multiprocessing.get_context("fork"),
            initializer=start_worker,
            initargs=(os.getpid(),),
        )
        return waiting[WARM_UP_POSTS:]

    def hand_out(self) -> None:
        """Store what the workers have finished, and give each up to two spans to read
        (so that none waits for this process, busy walking or reading, to hand out)."""
        pool = self.pool
        if pool is None:
            return
        done = [future for future in self.sent if future.done()]
        if done:
            self.collect(done)
        while self.spans and len(self.sent) < 2 * (self.processes - 1):
            span = self.spans.popleft()
            files = [self.files[index] for index in span]
            names = [file.filename for file in files]
            roots = [os.fspath(file.root) for file in files]
            with stop_signals_deferred():  # see there
                self.sent[pool.submit(_read_in_worker, names, roots)] = span

    def collect(self, done: Iterable[Future[list[PackedRead]]]) -> None:
        for future in done:
            span = self.sent.pop(future)
            self.keep(span, _unpack(future.result()))

    def read_here(self, span: Sequence[int]) -> list[ReadResult]:
        return _read_span(self, [self.files[index] for index in span])

    def keep(self, span: Sequence[int], read: Sequence[ReadResult]) -> None:
        """Store what the files of ``span`` gave in the cache, and keep their results."""
        job, cache, results = self.job, self.cache, self.results
        for index, (stat, result, keys, details) in zip(span, read, strict=True):
            if stat is not None:
                file = self.files[index]
                if details is not None:
                    cache.store_pickled(file.filename, file.root, stat, details, keys=keys)
                elif result is not None:
                    summary, diagnostics = result
                    cache.store(
                        file.filename,
                        file.root,
                        stat,
                        summary,
                        diagnostics,
                        today_only=job.depends_on_today(diagnostics),
                        keys=KEYS_LATER if self.keys_later else keys,
                    )
            if result is not None:
                results[index] = result
        if self.on_progress is not None:
            self.on_progress(len(span))

    def abandon(self) -> None:
        if self.pool is not None:
            import multiprocessing

            kill_workers(child.pid for child in multiprocessing.active_children() if child.pid)
            with contextlib.suppress(Exception):  # never hide why the run stopped
                self.pool.shutdown(cancel_futures=True)  # prompt: its workers are gone
        self.release()

    def stop_workers(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
        self.release()

    def release(self) -> None:
        """Forget the workers; let the collector see what was frozen for them (even if
        they were never started: a signal may come between freezing and forking)."""
        global _WORKING
        self.pool = None
        if _WORKING is self:
            _WORKING = None
            gc.unfreeze()


_WORKING: _PostPhase | None = None
"""The post phase whose workers are running, inherited by them as they are forked."""


def _started(files: Files) -> Files:
    """``files``; an empty list for an iterator that has none (its first file is taken
    now, and put back before the others): a phase with nothing to take costs nothing."""
    if isinstance(files, Sequence):
        return files
    iterator = iter(files)
    first = next(iterator, None)
    return [] if first is None else chain((first,), iterator)


def _chunks(files: Files, size: int) -> Iterator[Sequence[PostFile]]:
    """An iterator's files in runs of ``size`` (the last shorter), as they come; a
    sequence whole (it is all there: nothing to read while more come)."""
    if isinstance(files, Sequence):
        if files:
            yield files
        return
    iterator = iter(files)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _read_span(phase: _PostPhase, files: Sequence[PostFile]) -> list[ReadResult]:
    """Read (and check, as ``phase`` asks) ``files``: each one's :data:`ReadResult`."""
    job, lint, stat_files, make_keys = phase.job, phase.lint, phase.stat_files, phase.make_keys
    wanted = phase.wanted
    read: list[ReadResult] = []
    for file in files:
        post = job.read(file, headers_only=not lint)
        # The stat the cache keys the post on, taken before it was read: the reader's
        # fstat of the open file when it read one, saving a stat a post; else a stat now
        # (a file that could not be opened: a FIFO, a link leaving the root, no rights).
        stat = (post.file_stat or _stat_of(file.filename)) if stat_files else None
        summary = job.summarize(post)
        found = tuple(job.lint_post(post)) if lint else None
        keys = job.group_keys(summary) if make_keys else None
        if wanted is not None and (keys is None or wanted.isdisjoint(enumerate(keys))):
            read.append((stat, None, keys, _pickled(summary) if stat is not None else None))
        else:
            read.append((stat, (summary, found), keys, None))
    return read


def _pickled(summary: PostSummary) -> bytes | None:
    try:
        return pickled_details(_values(summary), None)
    except Exception:  # not picklable (it cannot be ours): not cached
        return None


def _stat_of(filename: str) -> Stat | None:
    """``filename``'s :data:`Stat`, as the cache compares it; None if it is no regular
    file (a FIFO, a device: the reader names it, every time) or cannot be stat'ed."""
    try:
        status = os.stat(filename)
    except (OSError, ValueError):
        return None
    return (status.st_size, status.st_mtime_ns) if S_ISREG(status.st_mode) else None


def _read_in_worker(names: list[str], roots: list[str]) -> list[PackedRead]:
    """In a worker: :func:`_read_span` of the files ``names`` (with their ``roots``)."""
    assert _WORKING is not None, "workers are forked by _PostPhase.start_workers"
    shared: dict[str, Path] = {}
    files = [
        PostFile(name, shared.get(root) or shared.setdefault(root, Path(root)))
        for name, root in zip(names, roots, strict=True)
    ]
    return [
        (
            stat,
            None if result is None else _values(result[0]),
            None if result is None or result[1] is None else tuple(map(_values, result[1])),
            keys,
            details,
        )
        for stat, result, keys, details in _read_span(_WORKING, files)
    ]


PackedRead = tuple[
    "Stat | None",
    "tuple[Any, ...] | None",
    "tuple[tuple[Any, ...], ...] | None",
    "GroupKeys | None",
    "bytes | None",
]
"""A :data:`ReadResult` as plain tuples of field values: they travel from a worker
several times faster than pickled dataclasses."""


def _unpack(packed: list[PackedRead]) -> list[ReadResult]:
    return [
        (
            stat,
            None
            if summary is None
            else (
                PostSummary(*summary),
                None if found is None else tuple(Diagnostic(*d) for d in found),
            ),
            keys,
            details,
        )
        for stat, summary, found, keys, details in packed
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


def _not_among(files: Files, among: Sequence[PostFile]) -> Files:
    """The ``files`` that are none of ``among`` (compared as absolute paths), as they
    come (a list for a sequence). A file can only be one of them if its name ends as one
    of theirs does, or ends in a way that making it absolute may change (``/``, ``.``,
    ``..``): the others (thousands of context posts, against one checked post) are not
    made absolute one by one."""

    def kept() -> Iterator[PostFile]:
        absolute: set[str] | None = None
        endings: tuple[str, ...] = ()
        for file in files:
            if absolute is None:  # not before: a whole blog checked has no context
                absolute = {_absolute(checked.filename) for checked in among}
                endings = (*{os.path.basename(path) for path in absolute}, "/", os.sep, ".")
            if not file.filename.endswith(endings) or _absolute(file.filename) not in absolute:
                yield file

    return list(kept()) if isinstance(files, Sequence) else kept()


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


def _guided_spans(count: int, processes: int) -> list[tuple[int, int]]:
    """``[start, stop)`` spans cutting ``count`` items, in order, for ``processes`` that
    each take the next one when free: :data:`SPAN_POSTS` long at most, then a share of
    what is left, so that the last ones are short (at least a sixteenth of a span) and
    no process waits long for the others at the end (guided self-scheduling)."""
    shortest = max(1, SPAN_POSTS // 16)
    spans = []
    start = 0
    while start < count:
        size = max(shortest, min(SPAN_POSTS, (count - start) // (2 * processes)))
        spans.append((start, min(count, start + size)))
        start += size
    return spans
