"""Every example in every rule file of rules/ runs as a test (sqlfluff style).

Each example's files are written below a temporary blog root, read by the blog
layer exactly as ``haikulint check`` reads them, and checked with that one rule
only: a ``fail`` example must give at least one problem (whose message contains
the example's ``message``, if any) and a ``pass`` example none.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest

from haikulint.blog.discover import PostFile
from haikulint.blog.post import Post, read_post
from haikulint.catalogue import (
    Example,
    Rule,
    builtin_rules_dir,
    read_rule,
    run_post_rule,
)
from haikulint.checks import CheckContext
from haikulint.prosody.count import SyllableCounter
from tests.checks.helpers import run_blog_rule

DEFAULT_TODAY = date(2025, 1, 1)
"""``today`` for examples that do not set their own: fixed, so no example ages."""

RULE_FILES = sorted(builtin_rules_dir().glob("*.toml"))


def _cases() -> list[object]:
    cases: list[object] = []
    for path in RULE_FILES:
        rule = read_rule(path, builtin=True)
        for index, example in enumerate(rule.examples, start=1):
            case_id = f"{rule.code}-{rule.name}-example{index}-{example.expect}"
            cases.append(pytest.param(rule, example, id=case_id))
    return cases


@cache
def _counter() -> SyllableCounter:
    return SyllableCounter()


def write_example(example: Example, root: Path) -> list[Post]:
    for file in example.files:
        target = root / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content.encode(file.encoding))
    return [read_post(PostFile(root / file.path, root), root) for file in example.files]


def messages_for(rule: Rule, example: Example, root: Path) -> list[str]:
    posts = write_example(example, root)
    context = CheckContext(
        counter=_counter(),
        today=example.today or DEFAULT_TODAY,
    )
    if rule.scope == "blog":
        return [problem.message for _, problem in run_blog_rule(rule, posts, context)]
    return [problem.message for post in posts for problem in run_post_rule(rule, post, context)]


def test_there_are_rule_files() -> None:
    assert len(RULE_FILES) >= 15


@pytest.mark.parametrize(("rule", "example"), _cases())
def test_rule_example(rule: Rule, example: Example, tmp_path: Path) -> None:
    found = messages_for(rule, example, tmp_path / "blog")
    if example.expect == "pass":
        assert found == [], f"{rule.code} should pass this example, but said: {found}"
        return
    assert found, f"{rule.code} should fail this example, but found nothing"
    if example.message is not None:
        assert any(example.message in message for message in found), (
            f"no {rule.code} message contains {example.message!r}; got {found}"
        )
