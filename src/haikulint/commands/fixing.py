"""The fix stage of ``haikulint check --fix`` / ``--diff`` / ``--fix-only``.

After checking, each post with a fix the run may apply is fixed in memory, pass after
pass (:func:`haikulint.fix.apply.fix_text`), then the run's renames are planned as a
whole and everything is written (or, for ``--diff``, shown). The command then checks
the fixed posts again, so fixed problems are gone from its report.

Only the problems the run reports are fixed: with ``--baseline``, the known problems it
lists are left alone, in every pass (``reported`` filters each check of a post).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from haikulint import escape
from haikulint.fix.apply import FileChange, Plan, execute, fix_text, plan, unified_diff

if TYPE_CHECKING:
    from haikulint.blog.discover import PostFile
    from haikulint.diagnostic import Diagnostic
    from haikulint.engine import LintJob
    from haikulint.fix.model import Rename


@dataclass
class FixOutcome:
    """What the fix stage did, or would do."""

    plan: Plan = field(default_factory=Plan)
    fixed: list[Diagnostic] = field(default_factory=list)

    def moved(self, files: Sequence[PostFile]) -> list[PostFile]:
        """``files`` as they are after the renames."""
        from haikulint.blog.discover import PostFile

        if not self.plan.renames:
            return list(files)
        return [PostFile(self.plan.final_path(Path(file.filename)), file.root) for file in files]

    @property
    def posts_changed(self) -> int:
        """How many posts the plan edits or moves."""
        changed = {os.path.abspath(change.path) for change in self.plan.changes}
        changed |= {os.path.abspath(rename.source) for rename in self.plan.renames}
        return len(changed)


def fix_posts(
    diagnostics: Sequence[Diagnostic],
    files: Sequence[PostFile],
    job: LintJob,
    *,
    unsafe: bool,
    reported: Callable[[Sequence[Diagnostic]], list[Diagnostic]] = list,
) -> FixOutcome:
    """Fix, in memory, every post of ``files`` with an applicable fix, and plan the
    writes and renames; :class:`~haikulint.fix.apply.PlanError` when they clash.

    ``reported`` keeps, of a check's diagnostics, those the run reports (a baseline's
    filter): the others are not fixed."""
    from haikulint.blog.post import display_path

    wanted = {
        diagnostic.path
        for diagnostic in reported(diagnostics)
        if diagnostic.fix is not None and diagnostic.fix.applies(unsafe=unsafe)
    }
    outcome = FixOutcome()
    changes: list[FileChange] = []
    renames: list[Rename] = []
    for file in files:
        if display_path(file.filename, job.cwd) not in wanted:
            continue
        original = job.read(file).source
        fixed = fix_text(original, _checker(job, file, reported), unsafe=unsafe)
        outcome.fixed.extend(fixed.fixed)
        if fixed.changed:
            changes.append(FileChange(Path(file.filename), file.root, original, fixed.text))
        for diagnostic, fix in fixed.renames:
            outcome.fixed.append(diagnostic)
            renames.extend(fix.renames)
    outcome.plan = plan(changes, renames)
    return outcome


def _checker(
    job: LintJob, file: PostFile, reported: Callable[[Sequence[Diagnostic]], list[Diagnostic]]
) -> Callable[[str], list[Diagnostic]]:
    """Check ``file`` as if it held a given text; the problems the run reports."""

    def check(text: str) -> list[Diagnostic]:
        return reported(job.lint_text(file, text))

    return check


def write(outcome: FixOutcome) -> None:
    """Apply the plan; a failure part way (a full disk, a permission taken away) is one
    line saying how far it got."""
    from haikulint.errors import HaikulintError
    from haikulint.safe_fs import SafeFsError

    try:
        execute(outcome.plan)
    except (SafeFsError, OSError) as error:
        raise HaikulintError(
            f"{error}; the fixes before it were made, none after (see git status)"
        ) from error


def show_diff(outcome: FixOutcome, stream: TextIO) -> None:
    """``--diff``: a unified diff per changed post, then ``rename A -> B`` lines."""
    from haikulint.blog.post import display_path

    for change in outcome.plan.changes:
        diff = unified_diff(display_path(change.path), change.original, change.text)
        stream.write(escape.printable(diff, keep_line_breaks=True))
    for rename in outcome.plan.renames:
        shown = f"rename {display_path(rename.source)} -> {display_path(rename.target)}"
        stream.write(escape.one_line(shown) + "\n")


def say_fixed(outcome: FixOutcome, *, would: bool = False) -> None:
    """One line on stderr: how many problems were (or would be) fixed, in how many files."""
    count, posts = len(outcome.fixed), outcome.posts_changed
    if count == 0:
        return
    verb = "would fix" if would else "fixed"
    problems = "problem" if count == 1 else "problems"
    files = "post" if posts == 1 else "posts"
    renamed = len(outcome.plan.renames)
    moved = f", {renamed} renamed" if renamed else ""
    escape.note(f"{verb} {count} {problems} in {posts} {files}{moved}")
