"""``--fix``, ``--diff`` and ``--fix-only`` with ``--baseline``: the problems a baseline
lists are known, left alone; only the reported ones are fixed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

KNOWN = "posts/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it.md"
NEW = "posts/a-cold-cron-job-ran-/-twice-before-the-sun-came-up-/-the-invoices-went.md"
CONFIG = 'root = "posts"\nselect = ["HK201"]\n'


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def blog(in_tmp: Path) -> Path:
    """A blog whose baseline knows one post's bare title line; a second post, written
    after the baseline, has the same fixable problem, which is new."""
    write(in_tmp / "haikulint.toml", CONFIG)
    write(in_tmp / KNOWN, "Deploy Notes\n\nThe body.\n")
    code, _, err = run_cli("check", "--no-progress", "--write-baseline", "base.json")
    assert (code, err) == (0, "haikulint: wrote 1 problem to baseline base.json\n")
    write(in_tmp / NEW, "Cron Notes\n\nThe body.\n")
    return in_tmp


def test_the_report_counts_only_the_new_fixable_problem(blog: Path) -> None:
    code, out, _ = run_cli("check", "--no-progress", "--baseline", "base.json")
    assert code == 1
    assert NEW in out and KNOWN not in out
    assert out.endswith(
        "Found 1 problem (1 error) in 1 of 2 files. "
        "1 known problem in the baseline was left out.\n1 fixable with --fix.\n"
    )


def test_fix_leaves_the_baselined_post_byte_for_byte(blog: Path) -> None:
    code, out, err = run_cli("check", "--no-progress", "--fix", "--baseline", "base.json")
    assert (blog / KNOWN).read_bytes() == b"Deploy Notes\n\nThe body.\n"
    assert (blog / NEW).read_text(encoding="utf-8") == "Title: Cron Notes\n\nThe body.\n"
    assert err == "haikulint: fixed 1 problem in 1 post\n"
    assert code == 0
    assert out.startswith("No new problems in 2 files.")


def test_diff_shows_only_the_new_problems_fix(blog: Path) -> None:
    code, out, err = run_cli("check", "--no-progress", "--diff", "--baseline", "base.json")
    assert code == 1
    assert f"+++ b/{NEW}" in out and KNOWN not in out
    assert err == "haikulint: would fix 1 problem in 1 post\n"


def test_fix_only_leaves_the_baselined_post_alone(blog: Path) -> None:
    code, _, err = run_cli("check", "--no-progress", "--fix-only", "--baseline", "base.json")
    assert (code, err) == (0, "haikulint: fixed 1 problem in 1 post\n")
    assert (blog / KNOWN).read_bytes() == b"Deploy Notes\n\nThe body.\n"
    assert (blog / NEW).read_text(encoding="utf-8").startswith("Title: Cron Notes\n")


def test_a_baseline_that_knows_nothing_fixes_everything(blog: Path) -> None:
    write(blog / "empty.json", '{"haikulint-baseline": 1, "problems": []}\n')
    code, _, err = run_cli("check", "--no-progress", "--fix", "--baseline", "empty.json")
    assert (code, err) == (0, "haikulint: fixed 2 problems in 2 posts\n")
    assert (blog / KNOWN).read_text(encoding="utf-8").startswith("Title: Deploy Notes\n")
