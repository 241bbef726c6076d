"""PostSummary: what the cross-post checks keep of each post agrees with the whole post."""

from __future__ import annotations

import pickle
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from haikulint.catalogue import (
    load_catalogue,
    read_rule,
    run_blog_rule_on_summaries,
    summary_headers,
)
from haikulint.checks.registry import MODULES, load_kind
from haikulint.checks.summary import summarize
from tests.checks.helpers import HAIKU, context, located, make_post, run_blog_rule

OTHER = "post/the-pager-went-off-/-i-merge-before-the-tests-end-/-friday-afternoon.md"

AUTHOR_RULE = """
code = "AU001"
name = "duplicate-author"
kind = "duplicate-header"
severity = "warning"
summary = "Two posts share an author."
why = "Test rule."
[options]
key = "Author"
"""


def test_summary_keeps_paths_slug_and_only_the_headers_asked_for() -> None:
    post = make_post(
        HAIKU.replace(".md", ".markdown"),
        headers={"title": "The Flaky Test", "date": "2024-01-01", "author": "Ann"},
        suppressions=frozenset({"HK302"}),
    )
    summary = summarize(post, ("title", "tags"))
    assert summary.display_path == post.display_path
    assert (summary.slug_text, summary.slug_extension) == (post.slug.text, ".markdown")
    assert summary.slug_key == post.slug.key
    assert summary.headers_usable
    assert summary.suppressions == frozenset({"HK302"})
    assert summary.headers == (("title", "The Flaky Test", 1),)
    assert (summary.header("title"), summary.header_line("title")) == ("The Flaky Test", 1)
    assert summary.header("date") is None and summary.header_line("date") is None
    assert summary.header("tags") is None


def test_broken_posts_keep_no_headers() -> None:
    headers = {"title": "The Flaky Test"}
    bad_front_matter = make_post(HAIKU, headers=headers, front_matter_error=located("x", 1))
    unreadable = make_post(OTHER, read_error="not UTF-8 text")
    for post in (bad_front_matter, unreadable):
        summary = summarize(post, ("title",))
        assert not summary.headers_usable
        assert summary.headers == ()
        assert summary.slug_key == post.slug.key


def test_summaries_travel_between_processes_intact() -> None:
    summary = summarize(make_post(HAIKU, headers={"title": "T"}), ("title",))
    assert pickle.loads(pickle.dumps(summary)) == summary


@given(
    headers=st.dictionaries(
        st.sampled_from(["title", "date", "author", "tags"]),
        st.one_of(st.text(max_size=8), st.integers(), st.none()),
    ),
    asked=st.lists(st.sampled_from(["title", "date", "author", "summary"]), unique=True),
    broken=st.booleans(),
)
def test_a_summary_answers_like_its_post(
    headers: dict[str, object], asked: list[str], broken: bool
) -> None:
    post = make_post(HAIKU, headers=headers, front_matter_error=located("x", 1) if broken else None)
    summary = summarize(post, asked)
    for key in ["title", "date", "author", "tags", "summary"]:
        kept = key in asked and not broken and key in headers
        assert summary.header(key) == (post.headers[key] if kept else None)
        assert summary.header_line(key) == (post.header_lines[key] if kept else None)


def test_every_blog_scope_kind_says_which_headers_it_reads() -> None:
    for kind in MODULES:
        check_kind = load_kind(kind)
        if check_kind.scope == "post":
            assert check_kind.headers_read({}) == frozenset()
    assert load_kind("duplicate-slug").headers_read({}) == frozenset()
    assert load_kind("duplicate-header").headers_read({"key": "author"}) == {"author"}


def test_summary_headers_are_those_of_the_run_s_blog_rules(tmp_path: Path) -> None:
    (tmp_path / "author.toml").write_text(AUTHOR_RULE, encoding="utf-8")
    author = read_rule(tmp_path / "author.toml")
    builtin = load_catalogue().rules
    assert summary_headers(builtin) == ("title",)
    assert summary_headers([*builtin, author]) == ("author", "title")
    assert summary_headers([rule for rule in builtin if rule.scope == "post"]) == ()


def test_cross_post_rules_find_the_same_on_summaries_as_on_posts(tmp_path: Path) -> None:
    (tmp_path / "author.toml").write_text(AUTHOR_RULE, encoding="utf-8")
    rules = [*load_catalogue().rules, read_rule(tmp_path / "author.toml")]
    posts = [
        make_post(HAIKU, headers={"title": "The Flaky Test", "author": "Ann"}),
        make_post(OTHER, headers={"title": "the  flaky TEST", "author": "ann"}),
        make_post(HAIKU.replace(".md", ".markdown"), headers={"title": "Other", "author": "Bo"}),
        make_post("post/2024/" + HAIKU[5:], headers={"title": "Other", "author": "Bo"}),
        make_post(
            "post/a-/-b-/-c.md",
            headers={"title": "Other", "author": "Bo"},
            front_matter_error=located("unclosed", 1),
        ),
    ]
    # As the engine does: one summary per post, with the headers of every blog rule.
    summaries = [summarize(post, summary_headers(rules)) for post in posts]
    found_any = False
    for rule in rules:
        on_posts = [
            (post.display_path, problem) for post, problem in run_blog_rule(rule, posts, context())
        ]
        on_summaries = [
            (summary.display_path, problem)
            for summary, problem in run_blog_rule_on_summaries(rule, summaries, context())
        ]
        assert on_summaries == on_posts, rule.code
        found_any = found_any or bool(on_posts)
    assert found_any
    assert {rule.code for rule in rules if rule.scope == "blog"} == {"HK301", "HK302", "AU001"}


def test_run_blog_rule_answers_with_the_posts_it_was_given() -> None:
    rule = load_catalogue().find("HK301")
    assert rule is not None
    posts = [make_post(HAIKU), make_post(HAIKU.replace(".md", ".markdown"))]
    found = [post for post, _ in run_blog_rule(rule, posts, context())]
    assert len(found) == 2 and all(post is given for post, given in zip(found, posts, strict=True))
