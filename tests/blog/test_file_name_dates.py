"""Jekyll's date-prefixed file names (``_posts/2024-03-05-title.md``), read from a haiku
path: the date starts the file name (Jekyll's ``DATE_FILENAME_MATCHER`` takes it only
there), is no part of the haiku's last line, and is the post's date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haikulint.blog.slug import dated_file_names, parse_slug, with_file_date
from haikulint.config import config_from_table
from haikulint.errors import ConfigError
from tests.conftest import WriteBlog, check_json, run_cli

LINES = ("a-typo-in-prod", "one-letter-changed-the-whole-page", "the-fix-took-a-week")
CHAIN = "-/-".join(LINES)
DATED = f"{LINES[0]}-/-{LINES[1]}-/2024-05-20-{LINES[2]}"


def test_the_date_starts_the_file_name_and_is_no_part_of_the_last_line() -> None:
    slug = parse_slug(f"_posts/{DATED}.md")
    assert slug.lines == LINES
    assert slug.separators == ("-/-", "-/-")  # the date's hyphen is the separator's half
    assert slug.file_date == "2024-05-20"
    assert slug.sections == ("_posts",)


def test_a_flat_jekyll_post_and_a_bundle() -> None:
    assert parse_slug("_posts/2024-05-20-a-b.md").lines == ("a-b",)
    bundle = parse_slug(f"_posts/{DATED}/index.md")
    assert (bundle.lines, bundle.file_date) == (LINES, "2024-05-20")


def test_only_below_posts_unless_configured() -> None:
    assert parse_slug(f"post/{DATED}.md").file_date is None
    assert parse_slug(f"post/{DATED}.md", (), True).file_date == "2024-05-20"
    assert parse_slug(f"_posts/{DATED}.md", (), False).file_date is None
    assert dated_file_names("/site/_posts/a.md", None)
    assert not dated_file_names("/site/posts/a.md", None)
    assert dated_file_names("/site/posts/a.md", True)


def test_a_date_after_the_joiner_is_not_a_file_name_date() -> None:
    # "-/-2024-05-20-..." : the file name starts with "-", which no generator reads as a date
    assert (
        parse_slug(f"_posts/{CHAIN.replace('-/-the-fix', '-/-2024-05-20-the-fix')}.md").file_date
        is None
    )


def test_two_dates_are_two_addresses() -> None:
    first = parse_slug(f"_posts/{DATED}.md").key
    assert first != parse_slug(f"_posts/{DATED.replace('2024-05-20', '2024-05-21')}.md").key
    assert first == parse_slug(f"_posts/{DATED.replace('2024-05-20', '2024-5-20')}.md").key


def test_the_date_is_put_back_where_it_was() -> None:
    assert with_file_date(CHAIN, "2024-05-20") == DATED
    assert with_file_date("a-b", "2024-05-20") == "2024-05-20-a-b"
    assert with_file_date(CHAIN, None) == CHAIN


SLUG_WORD = st.from_regex(r"[a-z]{1,8}(-[a-z]{1,8}){0,3}", fullmatch=True)


@given(
    day=st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
    lines=st.lists(SLUG_WORD, min_size=1, max_size=3),
    padded=st.booleans(),
)
def test_any_date_on_any_haiku_path_reads_back(day: date, lines: list[str], padded: bool) -> None:
    written = day.isoformat() if padded else f"{day.year}-{day.month}-{day.day}"
    chain = with_file_date("-/-".join(lines), written)
    slug = parse_slug(f"_posts/{chain}.md")
    assert slug.file_date == written
    assert slug.lines == tuple(lines)
    assert with_file_date(slug.chain, slug.file_date) == chain


def test_config_file_name_dates() -> None:
    assert config_from_table({}, None, Path(".")).file_name_dates is None
    assert config_from_table({"file-name-dates": "auto"}, None, Path(".")).file_name_dates is None
    assert config_from_table({"file-name-dates": True}, None, Path(".")).file_name_dates is True
    with pytest.raises(ConfigError, match="'file-name-dates' must be true, false or \"auto\""):
        config_from_table({"file-name-dates": "yes"}, None, Path("."))


def _codes(diagnostics: list[dict[str, object]]) -> list[tuple[str, str]]:
    return sorted((str(item["code"]), str(item["message"])) for item in diagnostics)


def test_a_jekyll_blog_checked_from_its_posts_folder(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog(
        {
            f"_posts/{DATED}.md": "---\ntitle: The Flaky Test\n---\n\nMay 20, 2024. It failed.\n",
            f"_posts/{DATED.replace('05-20', '05-21')}.md": (
                "---\ntitle: Twice\ndate: 2024-05-20\n---\n\nBody.\n"
            ),
        }
    )
    code, diagnostics = check_json("_posts")  # the root is _posts itself: still Jekyll's
    assert code == 1
    assert _codes(diagnostics) == [
        ("HK205", "the date 2024-05-20 disagrees with the file name's date 2024-05-21")
    ]


def test_file_name_dates_off_reads_the_date_as_words(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({f"_posts/{DATED}.md": "---\ntitle: T\ndate: 2024-05-20\n---\n\nBody.\n"})
    (in_tmp / "haikulint.toml").write_text("file-name-dates = false\n", encoding="utf-8")
    _, diagnostics = check_json("--select", "HK102,HK103", "_posts")
    assert {item["code"] for item in diagnostics} == {"HK102", "HK103"}


def test_mv_keeps_the_file_name_date(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({f"_posts/{DATED}.md": "---\ntitle: T\n---\n\nBody.\n"})
    code, _, err = run_cli(
        "mv",
        f"_posts/{DATED}.md",
        "a typo in prod / one letter changed the whole site / the fix took a week",
    )
    assert code == 0, err
    moved = "_posts/a-typo-in-prod-/-one-letter-changed-the-whole-site-/2024-05-20-the-fix-took"
    moved += "-a-week.md"
    assert (in_tmp / moved).is_file()


def test_a_rename_fix_keeps_the_file_name_date(write_blog: WriteBlog, in_tmp: Path) -> None:
    crooked = f"{LINES[0]}--/--{LINES[1]}-/2024-05-20-{LINES[2]}"
    write_blog({f"_posts/{crooked}.md": "---\ntitle: T\n---\n\nBody.\n"})
    run_cli("check", "--no-progress", "--fix", "--unsafe-fixes", "--select", "HK102", "_posts")
    assert (in_tmp / f"_posts/{DATED}.md").is_file()
    assert not (in_tmp / f"_posts/{crooked}.md").exists()


def test_new_starts_the_file_name_with_the_date_below_posts(in_tmp: Path) -> None:
    (in_tmp / "_posts").mkdir()
    haiku = "a typo in prod / one letter changed the whole page / the fix took a week"
    code, out, err = run_cli(
        "new", "--root", "_posts", "--date", "2024-05-20", "--title", "A Typo", haiku
    )
    assert code == 0, err
    written = in_tmp / f"_posts/{DATED}.md"
    assert written.is_file()
    assert f"_posts/{DATED}.md" in out
    code, diagnostics = check_json("_posts")
    assert (code, diagnostics) == (0, [])


def test_an_undated_file_name_below_posts_is_named_with_its_date(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({f"_posts/{CHAIN}.md": "---\ntitle: T\n---\n\nMay 20, 2024. Body.\n"})
    _, diagnostics = check_json("--select", "HK202", "_posts")
    (message,) = [str(item["message"]) for item in diagnostics]
    assert message.endswith(
        "and Jekyll publishes a post below _posts/ only when its file name starts with its "
        "date: name it 2024-05-20-the-fix-took-a-week.md"
    )
    (in_tmp / "haikulint.toml").write_text("file-name-dates = false\n", encoding="utf-8")
    _, diagnostics = check_json("--select", "HK202", "_posts")
    assert "Jekyll" not in str(diagnostics[0]["message"])
