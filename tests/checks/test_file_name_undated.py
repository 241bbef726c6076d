"""file-name-undated (HK209) through the CLI: below Jekyll's ``_posts``, a post with a
date header whose file name does not start with a date is never published."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import WriteBlog, check_json, codes_by_path, run_cli

CHAIN = "the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-"
LAST = "we-rolled-back-at-dawn"
UNDATED = f"_posts/{CHAIN}/-{LAST}.md"
DATED = f"_posts/{CHAIN}/2023-04-24-{LAST}.md"
POST = "---\ntitle: Learning the Hard Way\ndate: 2023-04-24 09:00:00 +0200\n---\n\nIt froze.\n"


def names_at(*args: str) -> dict[str, set[str]]:
    return codes_by_path(check_json("--no-cache", *args)[1])


def test_a_dated_post_with_an_undated_name_below_posts_is_reported(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({UNDATED: POST})
    code, diagnostics = check_json("--no-cache", ".")
    assert code == 1
    [found] = [d for d in diagnostics if d["code"] == "HK209"]
    assert found["path"] == UNDATED
    assert found["message"] == (
        "the file name does not start with a date, and Jekyll publishes a file below _posts/ "
        f"only when its name does (YYYY-MM-DD-title.md): name it 2023-04-24-{LAST}.md, "
        "with the date header's day"
    )
    assert found["fix"] == {
        "applicability": "unsafe",
        "message": f"rename to {DATED}",
        "edits": [],
        "renames": [{"source": UNDATED, "target": DATED}],
    }


def test_a_dated_name_or_a_folder_other_than_posts_is_not_reported(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({DATED: POST, f"post/{CHAIN}/-{LAST}.md": POST})
    assert "file-name-undated" not in set().union(*names_at(".").values())


def test_file_name_dates_false_turns_it_off_and_true_keeps_it(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({UNDATED: POST, "haikulint.toml": "file-name-dates = false\n"})
    assert "file-name-undated" not in names_at(".").get(UNDATED, set())
    (in_tmp / "haikulint.toml").write_text("file-name-dates = true\n")
    assert "file-name-undated" in names_at(".")[UNDATED]


def test_it_is_reported_from_inside_posts_too(
    write_blog: WriteBlog, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_blog({UNDATED: POST})
    monkeypatch.chdir(in_tmp / "_posts")
    found = names_at(".")
    assert "file-name-undated" in found[UNDATED.removeprefix("_posts/")]


def test_a_post_without_a_date_header_is_left_to_date_missing(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({UNDATED: "---\ntitle: Learning the Hard Way\n---\n\nIt froze.\n"})
    found = names_at(".")[UNDATED]
    assert "date-missing" in found and "file-name-undated" not in found


def test_an_invalid_date_header_is_reported_without_a_fix(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({UNDATED: "---\ntitle: T\ndate: 2023-02-30\n---\n\nIt froze.\n"})
    _, diagnostics = check_json("--no-cache", ".")
    [found] = [d for d in diagnostics if d["code"] == "HK209"]
    assert f"name it YYYY-MM-DD-{LAST}.md, with the post's date" in str(found["message"])
    assert found["fix"] is None


def test_the_unsafe_fix_renames_the_post_to_its_dated_name(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({UNDATED: POST})
    code, _, err = run_cli("check", "--no-progress", "--no-cache", ".", "--fix")
    assert (in_tmp / UNDATED).exists()  # unsafe: not without --unsafe-fixes
    code, _, err = run_cli("check", "--no-progress", "--no-cache", ".", "--fix", "--unsafe-fixes")
    assert code == 0, err
    assert not (in_tmp / UNDATED).exists()
    assert (in_tmp / DATED).read_text(encoding="utf-8") == POST
    assert names_at(".") == {}


def test_an_unclean_slug_gets_one_rename_clean_and_dated(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    upper = f"_posts/{CHAIN}/-We-Rolled-Back-At-Dawn.md"
    write_blog({upper: POST})
    assert names_at(".")[upper] >= {"file-name-undated", "slug-charset"}
    code, _, err = run_cli("check", "--no-progress", "--no-cache", ".", "--fix", "--unsafe-fixes")
    assert code == 0, err
    assert (in_tmp / DATED).read_text(encoding="utf-8") == POST
    assert not (in_tmp / upper).exists()


def test_a_page_bundle_below_posts_is_told_to_date_its_folder(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    bundle = f"_posts/{CHAIN}/-{LAST}/index.md"
    write_blog({bundle: POST})
    _, diagnostics = check_json("--no-cache", ".")
    [found] = [d for d in diagnostics if d["code"] == "HK209"]
    assert str(found["message"]).startswith("the page bundle's folder does not start with a date")
    assert f"name it 2023-04-24-{LAST}, with" in str(found["message"])
    code, _, err = run_cli("check", "--no-progress", "--no-cache", ".", "--fix", "--unsafe-fixes")
    assert code == 0, err
    assert (in_tmp / f"_posts/{CHAIN}/2023-04-24-{LAST}/index.md").read_text("utf-8") == POST


def test_file_name_dates_true_outside_posts_is_not_reported(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    """Hugo's ``:filename`` dates: Hugo publishes an undated name all the same."""
    write_blog({f"content/{CHAIN}/-{LAST}.md": POST, "haikulint.toml": "file-name-dates = true\n"})
    assert names_at(".") == {}
