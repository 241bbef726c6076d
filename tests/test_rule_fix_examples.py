"""Every fix example in every rule file of rules/ runs as a test, through the fix stage.

Each example's ``before`` is written below a temporary blog root and checked with that
one rule alone, as ``haikulint check --fix`` (``--unsafe-fixes`` for an unsafe rule)
checks it; the post must then read ``after``, at ``target`` when the fix renames it, and
a second pass must change nothing. An example with no ``after`` must be left alone. A
rule that says it is not fixable must yield no fix on any of its failing examples, and
a fixable one only fixes of the applicability it declares.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from haikulint.blog.discover import PostFile
from haikulint.catalogue import FixExample, Rule, builtin_rules_dir, read_rule
from haikulint.commands.fixing import fix_posts, write
from haikulint.config import Config
from haikulint.engine import LintJob, lint
from tests.test_rule_examples import DEFAULT_TODAY, write_example

RULES = [read_rule(path, builtin=True) for path in sorted(builtin_rules_dir().glob("*.toml"))]


def _fix_cases() -> list[object]:
    return [
        pytest.param(rule, example, id=f"{rule.code}-{rule.name}-fix{index}")
        for rule in RULES
        if rule.fix is not None
        for index, example in enumerate(rule.fix.examples, start=1)
    ]


def job_for(rule: Rule, root: Path, today: date | None = None) -> LintJob:
    return LintJob(
        config=Config(base=root),
        rule_codes=(rule.code,),
        today=today or DEFAULT_TODAY,
        cwd=root,
    )


def fix_once(rule: Rule, root: Path, path: Path, today: date | None) -> int:
    """Check and fix the post at ``path`` with ``rule`` alone; how many problems were fixed."""
    assert rule.fix is not None
    job = job_for(rule, root, today)
    files = [PostFile(str(path), root)]
    diagnostics = lint(files, job).diagnostics
    wanted = rule.fix.applicability
    assert {d.fix.applicability.value for d in diagnostics if d.fix is not None} <= {wanted}
    outcome = fix_posts(diagnostics, files, job, unsafe=wanted == "unsafe")
    write(outcome)
    return len(outcome.fixed)


def test_every_built_in_rule_says_whether_it_is_fixable() -> None:
    assert all(rule.fix is not None for rule in RULES)
    fixable = {rule.code for rule in RULES if rule.fix is not None and rule.fix.fixable}
    assert fixable == {"HK102", "HK104", "HK201", "HK202", "HK206", "HK209"}
    for rule in RULES:
        assert rule.fix is not None
        if rule.fix.fixable:
            assert any(example.after is not None for example in rule.fix.examples), rule.code


@pytest.mark.parametrize(("rule", "example"), _fix_cases())
def test_fix_example(rule: Rule, example: FixExample, tmp_path: Path) -> None:
    root = tmp_path / "blog"
    path = root / example.path
    path.parent.mkdir(parents=True)
    path.write_text(example.before, encoding="utf-8")
    fixed = fix_once(rule, root, path, example.today)
    if example.after is None:
        assert fixed == 0
        assert path.read_text(encoding="utf-8") == example.before
        return
    assert fixed >= 1
    final = root / (example.target or example.path)
    assert final.read_text(encoding="utf-8") == example.after
    if example.target is not None:
        assert not path.exists()
    assert fix_once(rule, root, final, example.today) == 0, "a second --fix changes something"


@pytest.mark.parametrize(
    "rule", [rule for rule in RULES if rule.fix is not None and not rule.fix.fixable]
)
def test_a_rule_that_is_not_fixable_offers_no_fix(rule: Rule, tmp_path: Path) -> None:
    for index, example in enumerate(rule.examples):
        root = tmp_path / str(index)
        posts = write_example(example, root)
        files = [PostFile(str(post.path), root) for post in posts]
        diagnostics = lint(files, job_for(rule, root, example.today)).diagnostics
        assert [d for d in diagnostics if d.fixable or d.fix is not None] == []
