"""date-future (HK204) and date-mismatch (HK205) on Hugo's ``publishDate``, through the CLI.

Hugo dates a post with no ``date`` by its ``publishDate`` (or ``pubdate``,
``published``), and shows no post before its publish date. date-missing (HK202)
already counts such a post as dated; HK204 and HK205 read it the same way.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import check_json, write_tree

POST = "post/the-flaky-test-passed-/-nobody-knows-why-it-failed-/-we-merged-it-anyway.md"
IN_2023 = "post/2023/the-flaky-test-passed-/-nobody-knows-why-it-failed-/-we-merged-it-anyway.md"
BODY = "It failed on Monday, passed on Tuesday, and nobody changed a line.\n"


def _found(*args: str) -> list[tuple[str, object, str]]:
    _, diagnostics = check_json("--select", "HK202,HK204,HK205", *args, "post")
    return [(str(item["code"]), item["line"], str(item["message"])) for item in diagnostics]


ALLOW = "allow future dates in haikulint.toml: allow-future-dates = true"


def test_a_future_publish_date_alone_is_a_future_date(in_tmp: Path) -> None:
    write_tree(in_tmp, {POST: f"+++\ntitle = 'T'\npublishDate = 2999-05-20\n+++\n\n{BODY}"})
    assert _found() == [
        (
            "HK204",
            3,
            "the publishdate 2999-05-20 is in the future; fix the date, "
            f"or if the post is scheduled, {ALLOW}",
        )
    ]


def test_a_future_publish_date_beside_a_past_date_hides_the_post(in_tmp: Path) -> None:
    write_tree(
        in_tmp,
        {POST: f"---\ntitle: T\ndate: 2024-05-20\npublishDate: 2999-05-20\n---\n\n{BODY}"},
    )
    assert [(code, line) for code, line, _ in _found()] == [("HK204", 4)]


def test_the_same_future_day_twice_is_one_warning(in_tmp: Path) -> None:
    write_tree(
        in_tmp,
        {POST: f"---\ntitle: T\ndate: 2999-05-20\npubdate: 2999-05-20T10:00:00Z\n---\n{BODY}"},
    )
    assert [(code, line) for code, line, _ in _found()] == [("HK204", 3)]


def test_allow_future_dates_allows_a_future_publish_date(in_tmp: Path) -> None:
    write_tree(
        in_tmp,
        {
            POST: f"+++\ntitle = 'T'\npublishDate = 2999-05-20\n+++\n\n{BODY}",
            "haikulint.toml": "allow-future-dates = true\n",
        },
    )
    assert _found() == []


def test_a_publish_date_alone_is_compared_with_the_path_and_the_dateline(in_tmp: Path) -> None:
    front = "+++\ntitle = 'T'\npublishDate = 2024-05-20T09:00:00Z\n+++\n"
    write_tree(in_tmp, {IN_2023: f"{front}\nMay 21, 2024. {BODY}"})
    assert _found() == [
        (
            "HK205",
            3,
            "the publishdate 2024-05-20 disagrees with the path's date folders 2023/; "
            "expected 2024/",
        ),
        (
            "HK205",
            3,
            'the publishdate 2024-05-20 disagrees with the body\'s dateline "May 21, 2024" '
            "(line 6), which says 2024-05-21",
        ),
    ]


def test_with_a_date_the_publish_date_is_not_compared(in_tmp: Path) -> None:
    # date is the post's date (its folders, its dateline); it is published a week later
    write_tree(
        in_tmp,
        {IN_2023: f"---\ntitle: T\ndate: 2023-05-20\npublishDate: 2024-05-27\n---\n\n{BODY}"},
    )
    assert _found() == []


def test_a_jekyll_file_name_date_wins_over_a_publish_date(in_tmp: Path) -> None:
    dated = "_posts/the-flaky-test-passed-/-nobody-knows-why-it-failed-/2024-05-20-we-merged-it.md"
    write_tree(
        in_tmp, {dated: f"---\ntitle: T\npublished: 2023-01-01\n---\n\nMay 20, 2024. {BODY}"}
    )
    _, diagnostics = check_json("--select", "HK202,HK205", "_posts")
    assert diagnostics == []


def test_the_options_can_be_emptied_in_a_user_rule(in_tmp: Path) -> None:
    rule = (Path(__file__).parents[2] / "rules" / "HK204-date-future.toml").read_text("utf-8")
    assert 'also = ["publishdate", "pubdate", "published"]' in rule
    write_tree(
        in_tmp,
        {
            POST: f"+++\ntitle = 'T'\npublishDate = 2999-05-20\n+++\n\n{BODY}",
            "my-rules/HK904-date-future-date-only.toml": rule.replace("HK204", "HK904")
            .replace('name = "date-future"', 'name = "date-future-date-only"')
            .replace('also = ["publishdate", "pubdate", "published"]', "also = []"),
            "haikulint.toml": 'rules-dirs = ["my-rules"]\n',
        },
    )
    _, diagnostics = check_json("--select", "HK204,HK904", "post")
    assert [item["code"] for item in diagnostics] == ["HK204"]
