"""The group-key contract of the cross-post checks (see ``group_key`` in haikulint.checks).

A run that checks a few posts compares them only with the posts sharing one of their
keys (found in the result cache's index, without building every post's summary). That
is exact only if what a check says of a post depends on nothing but the posts sharing
its key: tested here on random blogs full of near-duplicates.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from haikulint.catalogue import load_catalogue, run_blog_rule_on_summaries
from haikulint.checks.registry import kinds, load_kind
from haikulint.checks.summary import PostSummary, summarize
from tests.checks.helpers import context, make_post

LINES = st.sampled_from(
    ["the-build-is-green-now-/-", "The-Build-Is-Green-Now-/-", "the-build-is-green-now--/--"]
)
FOLDERS = st.sampled_from(["post/", "post/2024/03/", "post/2024/3/", "post/drafts/"])
ENDINGS = st.sampled_from(
    ["i-merge-before-the-tests-end-/-friday-afternoon", "a-leaf-drifts-away", ""]
)
EXTENSIONS = st.sampled_from([".md", ".markdown"])
TITLES = st.sampled_from(["Weekly Notes", "weekly  notes", " Weekly Notes ", "Other", "", 7, None])


@st.composite
def posts(draw: st.DrawFn) -> PostSummary:
    path = draw(FOLDERS) + draw(LINES) + draw(ENDINGS) + draw(EXTENSIONS)
    title = draw(TITLES)
    headers = {} if title is None else {"title": title, "author": draw(TITLES)}
    post = make_post(path, headers=headers, header_style="yaml")
    return summarize(post, ("author", "title"))


def test_every_built_in_cross_post_check_groups_by_a_key() -> None:
    for kind in kinds():
        found = load_kind(kind)
        if found.scope == "blog":
            assert found.group_key is not None, kind


@given(st.lists(posts(), min_size=1, max_size=12))
def test_a_post_is_judged_by_the_posts_sharing_its_key_alone(blog: list[PostSummary]) -> None:
    for rule in (rule for rule in load_catalogue().rules if rule.scope == "blog"):
        key = rule.check_kind.group_key
        assert key is not None
        whole = list(run_blog_rule_on_summaries(rule, blog, context()))
        for post in blog:
            said = [problem for found, problem in whole if found is post]
            mine = key(post, rule.options)
            if mine is None:
                assert said == []
                continue
            group = [other for other in blog if key(other, rule.options) == mine]
            alone = list(run_blog_rule_on_summaries(rule, group, context()))
            assert said == [problem for found, problem in alone if found is post]


def test_a_custom_key_option_is_what_groups() -> None:
    rule = next(rule for rule in load_catalogue().rules if rule.kind == "duplicate-header")
    key = rule.check_kind.group_key
    assert key is not None
    post = summarize(
        make_post(headers={"title": "A  Title", "author": "Ann"}, header_style="yaml"),
        ("author", "title"),
    )
    assert key(post, {"key": "title"}) == "a title"
    assert key(post, {"key": "author"}) == "ann"
    assert key(post, {"key": "date"}) is None
