"""A baseline matches a known problem by path, code and message with the post's line
numbers left out, so that a fix or an edit that moves the line does not make it new.

Messages name lines of the post (``"Title: ..." (line 5) is after body text (line 3)``,
``the body's dateline "May 21, 2024" (line 4)``); those numbers change whenever a line is
added above, while the problem stays the same. What the message quotes stays compared.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from haikulint.baseline import problem_part
from tests.conftest import check_json, run_cli, write_tree

POST = "post/the-standup-ran-long-/-we-argued-about-the-tabs-/-nobody-merged-code.md"
IN_2023 = "post/2023/the-standup-ran-long-/-we-argued-about-the-tabs-/-nobody-merged-code.md"


def test_line_numbers_are_left_out_and_what_is_quoted_is_kept() -> None:
    moved = problem_part('the line "Title: T" (line 5) is after body text (line 3), so it is not')
    assert moved == problem_part(
        'the line "Title: T" (line 7) is after body text (line 1), so it is not'
    )
    assert problem_part('the line "Title: T" (line 5) follows line 4, which') == problem_part(
        'the line "Title: T" (line 9) follows line 8, which'
    )
    assert problem_part('the line "Title: A" (line 5)') != problem_part(
        'the line "Title: B" (line 5)'
    )
    assert problem_part('line 3 "the repo" has 6 syllables') != problem_part(
        'line 3 "the repos" has 6 syllables'
    )
    assert problem_part("slug has 1 line, expected 3") == "slug has 1 line, expected 3"


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_any_two_line_numbers_match(first: int, second: int) -> None:
    said = 'the body\'s dateline "May 21, 2024" (line {}), which says 2024-05-21; fix it'
    assert problem_part(said.format(first)) == problem_part(said.format(second))


def test_a_known_problem_stays_known_after_a_line_is_added_above_it(in_tmp: Path) -> None:
    write_tree(in_tmp, {POST: "Title: T\nDate: 2024-05-20\n\nMay 21, 2024. Body.\n"})
    code, _, err = run_cli("check", "--no-progress", "--write-baseline", "base.json", "post")
    assert code == 0, err
    write_tree(in_tmp, {POST: "Title: T\nDate: 2024-05-20\nTags: ops\n\nMay 21, 2024. Body.\n"})
    _, found = check_json("--select", "HK205", "post")
    assert ["(line 5)" in str(item["message"]) for item in found] == [True]
    assert check_json("--baseline", "base.json", "post") == (0, [])


def test_a_changed_problem_is_new_whatever_its_line(in_tmp: Path) -> None:
    write_tree(in_tmp, {POST: "Title: T\nDate: 2024-05-20\n\nMay 21, 2024. Body.\n"})
    run_cli("check", "--no-progress", "--write-baseline", "base.json", "post")
    write_tree(in_tmp, {POST: "Title: T\nDate: 2024-05-20\n\nMay 22, 2024. Body.\n"})
    code, found = check_json("--baseline", "base.json", "post")
    assert (code, [item["code"] for item in found]) == (1, ["HK205"])


LATE_TITLE = "May 21, 2024. The deploy froze.\n\nTitle: Tabs Versus Spaces\n"


def test_a_fix_that_moves_a_known_problems_line_leaves_it_known_and_unfixed(
    in_tmp: Path,
) -> None:
    # The late Title: line is known (baselined); the missing date is new, and fixed by a
    # new header block above the body, which moves the Title: line down. The known
    # problem must stay known: neither reported nor fixed.
    write_tree(in_tmp, {POST: LATE_TITLE})
    code, _, err = run_cli(
        "check", "--no-progress", "--select", "HK201", "--write-baseline", "base.json", "post"
    )
    assert code == 0, err
    code, out, err = run_cli(
        "check",
        "--no-progress",
        "--fix",
        "--baseline",
        "base.json",
        "--select",
        "HK201,HK202",
        "post",
    )
    assert code == 0, out + err
    assert err == "haikulint: fixed 1 problem in 1 post\n"
    fixed = (in_tmp / POST).read_text("utf-8")
    assert fixed.startswith("Date: 2024-05-21\n")
    assert fixed.endswith("\nTitle: Tabs Versus Spaces\n")  # left where it was: it is known
    code, found = check_json("--select", "HK201,HK202", "post")
    assert [(item["code"], item["line"]) for item in found] == [("HK201", fixed.count("\n"))]
    assert check_json("--baseline", "base.json", "--select", "HK201,HK202", "post") == (0, [])


def test_a_baseline_written_before_still_reads(in_tmp: Path) -> None:
    # baselines hold the full message as written; the numbers are left out when matching
    write_tree(in_tmp, {IN_2023: "Title: T\n\nMay 21, 2024. Body.\n"})
    run_cli("check", "--no-progress", "--select", "HK205", "--write-baseline", "base.json", "post")
    text = (in_tmp / "base.json").read_text("utf-8")
    assert "(line 3)" in text
    (in_tmp / "base.json").write_text(text.replace("(line 3)", "(line 30)"), "utf-8")
    assert check_json("--select", "HK205", "--baseline", "base.json", "post") == (0, [])


def test_writing_a_baseline_says_how_many_in_words(in_tmp: Path) -> None:
    write_tree(in_tmp, {POST: "Title: T\nDate: 2024-05-20\n\nMay 21, 2024. Body.\n"})
    code, _, err = run_cli("check", "--no-progress", "--write-baseline", "one.json", "post")
    assert (code, err) == (0, "haikulint: wrote 1 problem to baseline one.json\n")
    write_tree(in_tmp, {"post/untitled-at-all.md": "Body.\n", "post/nor-this.md": "Body.\n"})
    code, _, err = run_cli(
        "check", "--no-progress", "--select", "HK101", "--write-baseline", "two.json", "post"
    )
    assert (code, err) == (0, "haikulint: wrote 2 problems to baseline two.json\n")
