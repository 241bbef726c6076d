"""HK301 duplicate-slug and HK302 duplicate-title: the cross-post checks."""

from __future__ import annotations

from tests.checks.helpers import HAIKU, blog_problems, located, make_post

OTHER = "post/the-pager-went-off-/-i-merge-before-the-tests-end-/-friday-afternoon.md"


def test_md_and_markdown_share_a_slug() -> None:
    posts = [make_post(HAIKU), make_post(HAIKU.replace(".md", ".markdown")), make_post(OTHER)]
    found = dict(blog_problems("HK301", posts))
    assert set(found) == {HAIKU, HAIKU.replace(".md", ".markdown")}
    assert found[HAIKU].endswith(
        f"is also the slug of {HAIKU.replace('.md', '.markdown')}; "
        "keep one of the posts, or give one a new haiku"
    )


def test_slugs_differing_only_in_case_collide() -> None:
    upper = HAIKU.replace("the-build", "The-Build")
    found = list(blog_problems("HK301", [make_post(HAIKU), make_post(upper)]))
    assert [path for path, _ in found] == [HAIKU, upper]


def test_slugs_differing_in_case_say_so() -> None:
    upper = HAIKU.replace("the-build", "The-Build")
    found = dict(blog_problems("HK301", [make_post(HAIKU), make_post(upper)]))
    assert found[HAIKU] == (
        f'the slug "{HAIKU[:-3]}" collides with {upper}: they are the same slug once '
        "letter case is ignored, and build to the same address; "
        "keep one of the posts, or give one a new haiku"
    )


def test_near_duplicates_by_separator_are_named_truthfully() -> None:
    # The slug of the well-named post is not "also the slug of" the other: its text
    # differs. They still collide, and the message says what was set aside.
    good = "post/the-old-server-hums-/-a-fan-spins-in-the-dark-room-/-nobody-looks-in.md"
    near = "post/the-old-server-hums---/-a-fan-spins-in-the-dark-room-/-nobody-looks-in.md"
    found = dict(blog_problems("HK301", [make_post(good), make_post(near)]))
    assert found[good] == (
        f'the slug "{good[:-3]}" collides with {near}: they are the same slug once '
        "separators are ignored, and build to the same address; "
        "keep one of the posts, or give one a new haiku"
    )
    assert "is also the slug of" not in found[near]


def test_a_bare_slash_and_a_separator_collide_with_every_difference_named() -> None:
    bare = "post/The-Cron-Job-Ran-Twice/a-null-pointer-in-the-logs-/-we-slept.markdown"
    good = "post/the-cron-job-ran-twice-/-a-null-pointer-in-the-logs-/-we-slept.md"
    found = dict(blog_problems("HK301", [make_post(bare), make_post(good)]))
    assert "once letter case, separators and extension are ignored" in found[good]


def test_date_folders_spelled_differently_collide_and_say_why() -> None:
    padded, plain = "post/2024/03/" + HAIKU[5:], "post/2024/3/" + HAIKU[5:]
    found = dict(blog_problems("HK301", [make_post(padded), make_post(plain)]))
    assert "once leading zeros in date folders are ignored" in found[padded]


def test_files_named_only_by_an_extension_are_left_to_slug_lines() -> None:
    posts = [make_post("post/.md"), make_post("post/.markdown"), make_post(".md")]
    assert list(blog_problems("HK301", posts)) == []


def test_date_folders_tell_slugs_apart() -> None:
    posts = [make_post(HAIKU), make_post("post/2024/" + HAIKU[5:]), make_post(OTHER)]
    assert list(blog_problems("HK301", posts)) == []


def test_three_posts_one_title() -> None:
    posts = [
        make_post(HAIKU, headers={"title": "The Flaky Test"}),
        make_post(OTHER, headers={"title": "  the   FLAKY test "}),
        make_post(
            "post/2024/" + HAIKU[5:], headers={"date": "2024-01-01", "title": "The Flaky Test"}
        ),
    ]
    found = list(blog_problems("HK302", posts))
    assert [path for path, _ in found] == [post.display_path for post in posts]
    assert found[1][1] == (
        f'the title "the FLAKY test" is also the title of {HAIKU}, post/2024/{HAIKU[5:]}; '
        "give each post its own title"
    )


def test_distinct_missing_and_broken_titles_are_not_duplicates() -> None:
    posts = [
        make_post(HAIKU, headers={"title": "The Flaky Test"}),
        make_post(OTHER, headers={"title": "The Flaky Test, Revisited"}),
        make_post("post/a-/-b-/-c.md"),
        make_post("post/d-/-e-/-f.md"),
        make_post("post/g-/-h-/-i.md", headers={"title": ""}),
        make_post("post/j-/-k-/-l.md", headers={"title": ""}),
        make_post(
            "post/m-/-n-/-o.md",
            headers={"title": "The Flaky Test"},
            front_matter_error=located("unclosed", 1),
        ),
    ]
    assert list(blog_problems("HK302", posts)) == []
