"""Hand-built posts and contexts for the check unit tests (no file I/O)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any

from haikulint.blog.post import Dateline, Located, Post
from haikulint.blog.slug import parse_slug
from haikulint.catalogue import (
    Rule,
    load_catalogue,
    run_blog_rule_on_summaries,
    run_post_rule,
    summary_headers,
)
from haikulint.checks import CheckContext, Problem
from haikulint.checks.summary import summarize
from haikulint.prosody.count import SyllableCounter

TODAY = date(2024, 6, 1)
HAIKU = "post/the-build-is-green-now-/-i-merge-before-the-tests-end-/-friday-afternoon.md"


@cache
def counter() -> SyllableCounter:
    return SyllableCounter()


def context(**changes: Any) -> CheckContext:
    values: dict[str, Any] = {"counter": counter(), "today": TODAY}
    values.update(changes)
    return CheckContext(**values)


def make_post(
    path: str = HAIKU,
    *,
    headers: Mapping[str, object] | None = None,
    header_style: str = "pelican",
    sections: Sequence[str] = (),
    **fields: Any,
) -> Post:
    """A post at ``path`` (below the root), with headers on lines 1, 2, ... in order."""
    headers = dict(headers or {})
    return Post(
        path,
        display_path=path,
        slug=parse_slug(path, sections),
        header_style=header_style if headers else fields.pop("style", "none"),
        headers=headers,
        header_lines={key: number for number, key in enumerate(headers, start=1)},
        **fields,
    )


def located(text: str, line: int) -> Located:
    return Located(text=text, line=line)


def dateline(day: date, text: str, line: int) -> Dateline:
    return Dateline(date=day, text=text, line=line)


def rule(code: str) -> Rule:
    found = load_catalogue().find(code)
    assert found is not None, code
    return found


def problems(code: str, post: Post, **changes: Any) -> list[Problem]:
    """What the built-in rule ``code`` finds in ``post``."""
    return list(run_post_rule(rule(code), post, context(**changes)))


def messages(code: str, post: Post, **changes: Any) -> list[str]:
    return [problem.message for problem in problems(code, post, **changes)]


def blog_problems(code: str, posts: Sequence[Post], **changes: Any) -> Iterator[tuple[str, str]]:
    for post, problem in run_blog_rule(rule(code), posts, context(**changes)):
        yield post.display_path, problem.message


def run_blog_rule(
    rule: Rule, posts: Sequence[Post], context: CheckContext
) -> Iterator[tuple[Post, Problem]]:
    """The problems a cross-post ``rule`` finds among the ``posts`` it applies to.

    The check sees each post's :class:`~haikulint.checks.summary.PostSummary`, as in a run.
    """
    if rule.scope != "blog":
        return iter(())
    keys = summary_headers([rule])
    summaries = [summarize(post, keys) for post in posts]
    by_summary = {id(summary): post for summary, post in zip(summaries, posts, strict=True)}
    return (
        (by_summary[id(summary)], problem)
        for summary, problem in run_blog_rule_on_summaries(rule, summaries, context)
    )
