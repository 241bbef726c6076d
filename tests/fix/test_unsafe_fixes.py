"""Unsafe fixes through the CLI: renames to the clean path, and the haiku line rewritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import WriteBlog, check_json, codes_by_path, run_cli
from tests.fix.test_fix_cli import AFTER_FIX, snapshot
from tests.seeds import write_seeds

MOSAIC = "post/november-4,-2024:-a-mosaic-of-realities.md"
POST = "---\ntitle: Pager\ndate: 2024-03-01\n---\n\nThe pager woke me.\n"
UPPER = "post/The-Pager-Woke-Me-/-at-three-in-the-dark-morning-/-the-disk-was-not-full.md"
LOWER = "post/the-pager-woke-me-/-at-three-in-the-dark-morning-/-the-disk-was-not-full.md"


def fix(*args: str) -> tuple[int, str, str]:
    return run_cli("check", "--no-progress", "post", "--fix", *args)


def test_unsafe_fixes_also_rename_the_mosaic_seed(in_tmp: Path) -> None:
    write_seeds(in_tmp)
    mosaic = (in_tmp / MOSAIC).read_text(encoding="utf-8")
    code, _, err = fix("--unsafe-fixes")
    assert code == 1
    assert err == "haikulint: fixed 9 problems in 5 posts, 1 renamed\n"
    _, diagnostics = check_json("post")
    expected = {path: names for path, names in AFTER_FIX.items() if path != MOSAIC}
    expected["post/november-4-2024-a-mosaic-of-realities.md"] = {"slug-lines"}
    assert codes_by_path(diagnostics) == expected
    renamed = (in_tmp / "post/november-4-2024-a-mosaic-of-realities.md").read_text()
    assert (
        renamed
        == "Title: November 4, 2024: A Mosaic of Realities\nDate: 2024-11-04\n"
        + (mosaic.split("\n", 1)[1])
    )


def test_without_unsafe_fixes_nothing_is_renamed_and_the_report_says_how(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({UPPER: POST})
    code, out, _ = run_cli("check", "--no-progress", "post")
    assert code == 1
    assert "HK104 slug-charset  [-] line 1 " in out
    assert out.endswith("1 fixable with --fix --unsafe-fixes.\n")
    fix()
    assert (in_tmp / UPPER).exists()
    code, out, _ = run_cli("check", "--no-progress", "post", "--unsafe-fixes")
    assert "HK104 slug-charset  [*] line 1 " in out
    assert out.endswith("1 fixable with --fix.\n")


def test_a_rename_moves_the_post_and_removes_only_the_folders_it_emptied(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({UPPER: POST, "post/The-Pager-Woke-Me-/notes.txt": "kept"})
    code, out, err = fix("--unsafe-fixes")
    assert (code, out) == (0, "All checks passed: 1 file, no problems.\n")
    assert err == "haikulint: fixed 1 problem in 1 post, 1 renamed\n"
    assert (in_tmp / LOWER).read_text() == POST
    assert not (in_tmp / "post/The-Pager-Woke-Me-/-at-three-in-the-dark-morning-").exists()
    assert (in_tmp / "post/The-Pager-Woke-Me-/notes.txt").read_text() == "kept"


def test_a_page_bundle_moves_as_a_folder(write_blog: WriteBlog, in_tmp: Path) -> None:
    bundle = UPPER.removesuffix(".md")
    write_blog({f"{bundle}/index.md": POST, f"{bundle}/cover.png": b"\x89PNG"})
    code, _, _ = fix("--unsafe-fixes")
    assert code == 0
    moved = in_tmp / LOWER.removesuffix(".md")
    assert (moved / "index.md").read_text() == POST
    assert (moved / "cover.png").read_bytes() == b"\x89PNG"
    assert not (in_tmp / "post/The-Pager-Woke-Me-").exists()


def test_the_diff_lists_renames_and_moves_nothing(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({UPPER: POST})
    before = snapshot(in_tmp)
    code, out, _ = run_cli("check", "post", "--diff", "--unsafe-fixes")
    assert (code, out) == (1, f"rename {UPPER} -> {LOWER}\n")
    assert snapshot(in_tmp) == before


def test_a_clash_is_one_line_and_nothing_changes(write_blog: WriteBlog, in_tmp: Path) -> None:
    other = "post/the-pager-woke-me-/-at-three-in-the-dark-morning-/-The-Disk-Was-Not-Full.md"
    write_blog({UPPER: POST, other: POST.replace("date: 2024-03-01\n", "") + "\n"})
    before = snapshot(in_tmp)
    code, out, err = fix("--unsafe-fixes")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith("haikulint: error: cannot rename ")
    assert UPPER in err and other in err and f" -> {LOWER}" in err
    assert "would be renamed to the same path" in err
    assert snapshot(in_tmp) == before  # not even the safe fixes were written


def test_the_haiku_line_is_rewritten_from_the_slug(write_blog: WriteBlog, in_tmp: Path) -> None:
    path = "post/the-standup-ran-late-/-we-talked-about-the-outage-/-then-we-talked-some-more.md"
    written = (
        "\r\nThe Standup Ran Long / We talked about the outage / then we talked some more.\r\n"
        "\r\nTitle: Standup\r\nDate: 2024-03-01\r\n\r\nIt ran long.\r\n"
    )
    write_blog({path: written.encode()})
    code, out, _ = run_cli("check", "--no-progress", "post")
    assert "HK206 haiku-mismatch  [-] " in out
    fix()
    assert (in_tmp / path).read_bytes() == written.encode()
    code, out, _ = fix("--unsafe-fixes")
    assert code == 0
    assert (in_tmp / path).read_bytes() == written.replace(
        "The Standup Ran Long", "the standup ran late"
    ).encode()


def test_a_haiku_header_is_rewritten_too(write_blog: WriteBlog, in_tmp: Path) -> None:
    path = "post/the-cron-job-ran-twice-/-and-the-invoices-went-out-/-to-clients-at-dawn.md"
    header = "haiku: the cron job ran twice / and all the invoices went / to clients at dawn\n"
    write_blog({path: f"---\ntitle: Twice\ndate: 2024-04-02\n{header}---\n\nBilled.\n"})
    code, _, _ = fix("--unsafe-fixes")
    assert code == 0
    assert (in_tmp / path).read_text() == (
        "---\ntitle: Twice\ndate: 2024-04-02\n"
        "haiku: the cron job ran twice / and the invoices went out / to clients at dawn\n"
        "---\n\nBilled.\n"
    )


def test_a_link_leading_outside_the_root_is_never_written_through(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    outside = in_tmp / "outside"
    write_blog({"outside/the-pager-woke-me-/.keep": "", UPPER: POST})
    (in_tmp / "post/the-pager-woke-me-").symlink_to(outside / "the-pager-woke-me-")
    (in_tmp / "haikulint.toml").write_text('root = "post"\n')
    code, out, err = fix("--unsafe-fixes")
    assert (code, out) == (2, "")
    assert "leads outside the blog root" in err
    assert sorted(p.name for p in (outside / "the-pager-woke-me-").iterdir()) == [".keep"]


def test_a_post_that_is_a_link_is_not_written_through(write_blog: WriteBlog, in_tmp: Path) -> None:
    undated = "Title: Pager\n\nMarch 4, 2024. The pager woke me.\n"
    write_blog({"post/drafts/pager.md": undated})
    link = in_tmp / LOWER
    link.parent.mkdir(parents=True)
    link.symlink_to(in_tmp / "post/drafts/pager.md")
    code, out, err = fix()
    assert (code, out) == (2, "")
    assert err == (
        f"haikulint: error: cannot fix {LOWER}: it is a symbolic link; "
        "fix the file it points to; nothing was written\n"
    )
    assert (in_tmp / "post/drafts/pager.md").read_text() == undated
    assert link.is_symlink()


def test_a_write_that_fails_is_one_line(
    write_blog: WriteBlog, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from haikulint import safe_fs

    def full_disk(root: Path, path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device", str(path))

    write_blog({LOWER: "Title: Pager\n\nMarch 4, 2024. The pager woke me.\n"})
    monkeypatch.setattr(safe_fs, "replace_file", full_disk)
    code, out, err = fix()
    assert (code, out) == (2, "")
    assert err.startswith("haikulint: error: [Errno 28] No space left on device: ")
    assert err.endswith("; the fixes before it were made, none after (see git status)\n")


def test_statistics_mark_rules_fixed_only_with_unsafe_fixes(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({UPPER: POST.replace("date: 2024-03-01\n", "") + "March 1, 2024. Up.\n"})
    _, out, _ = run_cli("check", "--no-progress", "post", "--statistics")
    assert out.splitlines()[:2] == ["1  HK104  [-] slug-charset", "1  HK202  [*] date-missing"]
    _, out, _ = run_cli("check", "--no-progress", "post", "--statistics", "--unsafe-fixes")
    assert out.splitlines()[0] == "1  HK104  [*] slug-charset"
