"""Every example in every rule file of rules/ runs as a test (sqlfluff style).

Each example's files are written below a temporary blog root, read by the blog
layer exactly as ``haikulint check`` reads them, and checked with that one rule
only: a ``fail`` example must give exactly the messages it states, in full, and a
``pass`` example none. The same examples also go through ``haikulint check`` (the
messages it prints must be the ones ``haikulint rule CODE`` prints): see
``test_rule_messages_are_what_check_prints``.
"""

from __future__ import annotations

import json
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
from tests.conftest import run_cli

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
    # Every message, in full: the catalogue cannot drift from what the check says.
    assert sorted(found) == sorted(example.messages), (
        f"{rule.code}'s example should state every message the rule gives; it gives {found}"
    )


def _rule_codes() -> list[str]:
    return [read_rule(path, builtin=True).code for path in RULE_FILES]


class _Today(date):
    """``date`` whose ``today()`` is the example's, for ``haikulint check`` in-process."""

    fixed = DEFAULT_TODAY

    @classmethod
    def today(cls) -> _Today:
        return cls(cls.fixed.year, cls.fixed.month, cls.fixed.day)


def _printed_messages(code: str) -> list[list[str]]:
    """The messages ``haikulint rule CODE`` prints under each "Fails" example, in order."""
    status, out, err = run_cli("rule", code)
    assert (status, err) == (0, ""), err
    sections = out.split("\nFails\n")[1:]
    prefix = "  message: "
    example_lines = [section.split("\n\n", 1)[0].splitlines() for section in sections]
    return [
        [line.removeprefix(prefix) for line in lines if line.startswith(prefix)]
        for lines in example_lines
    ]


@pytest.mark.parametrize("code", _rule_codes())
def test_rule_messages_are_what_check_prints(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """For every rule: each failing example, written to a blog and linted by ``haikulint
    check --select CODE`` in its root, gives exactly the messages ``haikulint rule CODE``
    prints for it, in the order check reports them."""
    from haikulint.commands import check

    monkeypatch.setenv("NO_COLOR", "1")
    rule = next(rule for rule in map(read_rule, RULE_FILES) if rule.code == code)
    failing = [example for example in rule.examples if example.expect == "fail"]
    printed = _printed_messages(code)
    for number, (example, messages) in enumerate(zip(failing, printed, strict=True), start=1):
        root = tmp_path / f"blog{number}"
        write_example(example, root)
        monkeypatch.chdir(root)
        monkeypatch.setattr(_Today, "fixed", example.today or DEFAULT_TODAY)
        monkeypatch.setattr(check, "date", _Today)
        status, out, err = run_cli(
            "check", "--no-progress", "--no-cache", "--output-format", "json", "--select", code
        )
        assert messages, f"{code}: failing example {number} states no message"
        assert status in (0, 1), err
        assert [item["message"] for item in json.loads(out)] == messages, f"{code} {number}"
