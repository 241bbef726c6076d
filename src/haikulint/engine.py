"""The engine: read posts, run the selected rules, and filter what they find.

Two phases. The post phase reads each file and runs the post-scope rules on it;
on large trees it is spread over every core. The blog phase runs the cross-post
rules over every post of the blog (``context`` files too, so that a staged post
is compared with the whole root), reporting only on the posts being checked.
Then per-file ignores and per-post suppressions are applied. Baselines are the
command's business (see :mod:`haikulint.baseline`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, fields
from datetime import date
from functools import cached_property
from pathlib import Path

from haikulint.blog.discover import PostFile
from haikulint.blog.post import Post, read_post
from haikulint.catalogue import (
    Rule,
    load_catalogue,
    rule_matches,
    run_blog_rule,
    run_post_rule,
)
from haikulint.checks import CheckContext, Problem
from haikulint.config import Config
from haikulint.diagnostic import Diagnostic

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
        )

    @cached_property
    def ignores(self) -> PerFileIgnores:
        return PerFileIgnores(self.config)

    def read(self, file: PostFile) -> Post:
        return read_post(file, self.cwd, sections=self.config.sections)

    def lint_post(self, post: Post) -> list[Diagnostic]:
        """Every post-scope rule that applies to ``post`` and is not switched off for it."""
        diagnostics: list[Diagnostic] = []
        for rule in self.rules:
            if rule.scope != "post" or not self.is_active(rule, post):
                continue
            problems = run_post_rule(rule, post, self.context)
            diagnostics.extend(to_diagnostic(rule, post, problem) for problem in problems)
        return diagnostics

    def is_active(self, rule: Rule, post: Post) -> bool:
        return (
            rule.applies_to(post)
            and not any(rule_matches(rule, entry) for entry in post.suppressions)
            and not self.ignores.ignores(rule, post)
        )


@dataclass(frozen=True)
class LintResult:
    diagnostics: list[Diagnostic]
    files_checked: int


def lint(
    files: Sequence[PostFile],
    job: LintJob,
    *,
    context_files: Iterable[PostFile] = (),
    on_progress: ProgressCallback | None = None,
) -> LintResult:
    """Lint ``files``; ``context_files`` only serve the cross-post rules."""
    posts, diagnostics = _post_phase(files, job, on_progress)
    if any(rule.scope == "blog" for rule in job.rules):
        checked = {_absolute(post.path) for post in posts}
        extra = [file for file in context_files if _absolute(file.path) not in checked]
        others = [job.read(file) for file in extra]
        diagnostics.extend(_blog_phase(posts, others, job))
    diagnostics.sort(key=Diagnostic.sort_key)
    return LintResult(diagnostics=diagnostics, files_checked=len(posts))


def _post_phase(
    files: Sequence[PostFile], job: LintJob, on_progress: ProgressCallback | None
) -> tuple[list[Post], list[Diagnostic]]:
    workers = _worker_count(len(files))
    if workers <= 1:
        return _lint_chunk(job, files, on_progress)
    posts: list[Post] = []
    diagnostics: list[Diagnostic] = []
    chunks = _chunks(files, workers * 4)
    import multiprocessing

    # fork shares the already-imported modules and loaded dictionaries with the
    # workers for free; where fork is unavailable, linting stays serial.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for chunk, (chunk_posts, chunk_diagnostics) in zip(
            chunks, pool.map(_lint_chunk, [job] * len(chunks), chunks), strict=True
        ):
            posts.extend(chunk_posts)
            diagnostics.extend(chunk_diagnostics)
            if on_progress is not None:
                on_progress(len(chunk))
    return posts, diagnostics


def _lint_chunk(
    job: LintJob,
    files: Sequence[PostFile],
    on_progress: ProgressCallback | None = None,
) -> tuple[list[Post], list[Diagnostic]]:
    posts: list[Post] = []
    diagnostics: list[Diagnostic] = []
    for file in files:
        post = job.read(file)
        posts.append(post)
        diagnostics.extend(job.lint_post(post))
        if on_progress is not None:
            on_progress(1)
    return posts, diagnostics


def _blog_phase(checked: list[Post], others: list[Post], job: LintJob) -> Iterator[Diagnostic]:
    reported = {_absolute(post.path) for post in checked}
    everyone = [*checked, *others]
    for rule in job.rules:
        if rule.scope != "blog":
            continue
        in_scope = [post for post in everyone if rule.applies_to(post)]
        for post, problem in run_blog_rule(rule, in_scope, job.context):
            if _absolute(post.path) in reported and job.is_active(rule, post):
                yield to_diagnostic(rule, post, problem)


def to_diagnostic(rule: Rule, post: Post, problem: Problem) -> Diagnostic:
    return Diagnostic(
        path=post.display_path,
        line=problem.line,
        column=problem.column,
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=problem.message,
        fixable=problem.fixable,
    )


class PerFileIgnores:
    """``per-file-ignores``: gitignore-style globs, relative to the config's folder."""

    def __init__(self, config: Config) -> None:
        import pathspec

        self._base = config.base
        self._entries = [
            (pathspec.GitIgnoreSpec.from_lines([pattern]), codes)
            for pattern, codes in config.per_file_ignores.items()
        ]

    def ignores(self, rule: Rule, post: Post) -> bool:
        if not self._entries:
            return False
        relative = _relative_posix(post.path, self._base)
        return any(
            spec.match_file(relative) and any(rule_matches(rule, code) for code in codes)
            for spec, codes in self._entries
        )


def _absolute(path: Path) -> str:
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


def _chunks(files: Sequence[PostFile], count: int) -> list[Sequence[PostFile]]:
    size = max(1, -(-len(files) // count))
    return [files[start : start + size] for start in range(0, len(files), size)]
