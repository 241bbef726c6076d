"""The example blog in ``examples/blog``: every rule fires on its post, clean posts stay clean.

The table below is the one in ``examples/README.md``. Every file of the example blog
must be listed here, so a post added there without a verdict fails this test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import check_json, run_cli

PROJECT = Path(__file__).resolve().parents[1]
BLOG = "examples/blog"
POSTS = f"{BLOG}/posts"

CLEAN = (
    "2023/my-first-pull-request-/-a-reviewer-left-one-word-/-it-said-thank-you-twice.md",
    "2024/the-lights-in-the-rack-/-blink-amber-then-green-then-dark-/-someone-pulled-a-cord.md",
    "2024/03/a-typo-in-prod-/-one-letter-changed-the-whole-page-/-the-fix-took-a-week.md",
    "the-coffee-goes-cold-/-a-migration-runs-all-night-/-the-tables-line-up.md",
    "2022/a-quiet-release-/-nothing-broke-and-no-one-called-/-we-went-home-on-time.md",
    "the-old-server-hums-/-nobody-knows-what-it-does-/-we-leave-it-alone.markdown",
)

SAVED_TWICE = "one-post-saved-two-ways-/-the-same-words-under-two-names-/-we-kept-the-wrong-one"
BROKEN: dict[str, set[str]] = {
    "an-old-mail-server-/-its-letters-in-latin-one-/-the-accents-all-lost.md": {"HK001"},
    "the-rollback-was-fast-/-we-still-wrote-the-postmortem.md": {"HK101"},
    "the-cron-job-ran-twice/a-null-pointer-in-the-logs-/-we-slept-through-the-page.md": {"HK102"},
    "2024/the-disk-filled-at-noon-/-we-moved-the-logs-far-away-/-and-the-pager-went-still.md": {
        "HK103"
    },
    "The-Pager-Woke-Me-/-at-three-in-the-dark-morning-/-the-disk-was-not-full.md": {"HK104"},
    "the-chat-bot-called-glorp-/-answers-every-question-wrong-/-we-love-it-the-same.md": {"HK105"},
    "the-night-shift-was-long-/-a-queue-of-alerts-to-clear-/-by-dawn-it-was-done.md": {"HK201"},
    "the-intern-asked-why-/-the-settings-file-was-so-long-/-i-had-no-answer.md": {"HK202"},
    "a-leap-year-bug-slept-/-and-woke-on-a-day-not-there-/-the-clocks-all-stood-still.md": {
        "HK203"
    },
    "the-roadmap-is-set-/-for-the-year-two-nine-nine-nine-/-we-will-ship-by-then.md": {"HK204"},
    "2023/the-path-said-one-year-/-the-header-said-the-next-one-/-nobody-noticed.md": {"HK205"},
    "the-standup-ran-late-/-we-talked-about-the-outage-/-then-we-talked-some-more.md": {"HK206"},
    "the-draft-was-half-done-/-a-stray-dash-broke-the-header-/-the-parser-gave-up.md": {"HK207"},
    "we-fixed-it-last-year-/-the-changelog-says-it-was-spring-/-time-ran-back-for-us.md": {"HK208"},
    "_posts/the-post-had-a-date-/-but-its-file-name-carried-none-/-the-build-passed-it-by.md": {
        "HK209"
    },
    f"{SAVED_TWICE}.md": {"HK301"},
    f"{SAVED_TWICE}.markdown": {"HK301"},
    "2024/snow-falls-on-the-roof-/-the-backup-tape-spins-and-spins-/-restores-never-tried.md": {
        "HK302"
    },
    "2024/the-tests-pass-at-home-/-but-fail-on-the-build-server-/-on-fridays-only.md": {"HK302"},
}

EXPECTED: dict[str, set[str]] = {
    **{f"{POSTS}/{post}": set() for post in CLEAN},
    **{f"{POSTS}/{post}": codes for post, codes in BROKEN.items()},
}

ALL_CODES = {
    "HK001", "HK101", "HK102", "HK103", "HK104", "HK105",
    "HK201", "HK202", "HK203", "HK204", "HK205", "HK206", "HK207", "HK208", "HK209",
    "HK301", "HK302",
}  # fmt: skip
WARNINGS = {"HK105", "HK204", "HK302"}


@pytest.fixture
def in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT)
    monkeypatch.setenv("NO_COLOR", "1")


def test_every_file_of_the_example_blog_has_a_verdict_in_this_table() -> None:
    on_disk = {
        path.relative_to(PROJECT).as_posix()
        for path in (PROJECT / BLOG).rglob("*")
        if path.is_file()
    }
    assert on_disk == set(EXPECTED)


def test_the_table_shows_every_rule() -> None:
    assert set().union(*EXPECTED.values()) == ALL_CODES


def test_each_rule_fires_on_its_post_and_clean_posts_stay_clean(in_project: None) -> None:
    code, diagnostics = check_json(BLOG)
    assert code == 1
    found: dict[str, set[str]] = {path: set() for path in EXPECTED}
    for diagnostic in diagnostics:
        found.setdefault(str(diagnostic["path"]), set()).add(str(diagnostic["code"]))
    assert found == EXPECTED


def test_severities_are_the_defaults(in_project: None) -> None:
    _, diagnostics = check_json(BLOG)
    for diagnostic in diagnostics:
        expected = "warning" if diagnostic["code"] in WARNINGS else "error"
        assert diagnostic["severity"] == expected, diagnostic


def test_clean_posts_alone_pass(in_project: None) -> None:
    code, diagnostics = check_json(*(f"{POSTS}/{post}" for post in CLEAN))
    assert (code, diagnostics) == (0, [])


def test_text_report_names_every_broken_post(in_project: None) -> None:
    code, out, err = run_cli("check", "--no-progress", BLOG)
    assert code == 1, err
    assert "\x1b[" not in out
    for post in BROKEN:
        assert Path(post).name in out, post


def test_the_readme_shows_the_real_output_of_checking_the_example_blog(
    in_project: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    command = f"$ haikulint check {BLOG}\n"
    shown = readme[readme.index(command) + len(command) :]
    shown = shown[: shown.index("$ echo $?\n")]
    code, out, _ = run_cli("check", "--no-progress", BLOG)
    assert out == shown
    assert f"$ echo $?\n{code}\n" in readme


def test_the_quick_start_says_its_first_command_exits_1_and_shows_its_summary(
    in_project: None,
) -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    quick_start = readme[readme.index("## Quick start") : readme.index("## Checking a blog")]
    assert "exits 1 by design" in quick_start
    summary = re.search(r"```text\n(.*?)```", quick_start, flags=re.DOTALL)
    assert summary is not None, "the Quick start shows no summary line"
    code, out, _ = run_cli("check", "--no-progress", BLOG)
    assert code == 1
    assert out.endswith("\n\n" + summary.group(1))
