"""parse_slug: a path below the blog root read as sections, date folders and haiku lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haikulint.blog.slug import SEPARATOR, parse_slug, split_extension

SEED_000 = "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md"


def test_nested_haiku_under_a_section() -> None:
    slug = parse_slug(SEED_000)
    assert slug.sections == ("post",)
    assert slug.date_parts == ()
    assert slug.lines == (
        "the-prod-deploy-froze",
        "i-parsed-the-pcap-for-hours",
        "the-repo-holds-it-all",
    )
    assert slug.separators == (SEPARATOR, SEPARATOR)
    assert slug.extension == ".md"
    assert slug.text == SEED_000.removesuffix(".md")
    assert (
        slug.haiku == "the prod deploy froze / i parsed the pcap for hours / the repo holds it all"
    )


def test_checking_from_the_top_folder_judges_the_same_lines_as_from_the_section() -> None:
    from_top = parse_slug(SEED_000)
    from_section = parse_slug(SEED_000.removeprefix("post/"))
    assert from_top.lines == from_section.lines
    assert from_top.separators == from_section.separators
    assert from_section.sections == ()


@pytest.mark.parametrize(
    ("relative", "sections", "dates"),
    [
        ("posts/2024/a-b-/-c-d-/-e.md", ("posts",), (2024,)),
        ("posts/2024/03/a-b-/-c-d-/-e.md", ("posts",), (2024, 3)),
        ("2024/03/17/a-b-/-c-d-/-e.md", (), (2024, 3, 17)),
        ("blog/drafts/a-b-/-c-d-/-e.markdown", ("blog", "drafts"), ()),
    ],
)
def test_leading_digit_and_single_word_folders_are_not_lines(
    relative: str, sections: tuple[str, ...], dates: tuple[int, ...]
) -> None:
    slug = parse_slug(relative)
    assert slug.sections == sections
    assert slug.date_parts == dates
    assert slug.lines == ("a-b", "c-d", "e")
    assert slug.separators == (SEPARATOR, SEPARATOR)


def test_a_multi_word_folder_above_the_slug_is_a_bare_separator() -> None:
    slug = parse_slug("post/the-cron-job-ran-twice/a-null-pointer-in-the-logs.md")
    assert slug.sections == ("post",)
    assert slug.lines == ("the-cron-job-ran-twice", "a-null-pointer-in-the-logs")
    assert slug.separators == ("/",)


def test_configured_sections_may_have_several_words() -> None:
    slug = parse_slug("tech-notes/a-b-/-c.md", sections=["tech-notes"])
    assert slug.sections == ("tech-notes",)
    assert slug.lines == ("a-b", "c")
    nested = parse_slug("blog/tanka-corner/a-/-b.md", sections=["blog/tanka-corner"])
    assert nested.sections == ("blog", "tanka-corner")


@pytest.mark.parametrize(
    ("relative", "separators", "lines"),
    [
        ("a--/--b--/--c.md", ("--/--", "--/--"), ("a", "b", "c")),
        ("a_/_b_/_c.md", ("_/_", "_/_"), ("a", "b", "c")),
        ("a-_/_-b-/-c.md", ("-_/_-", "-/-"), ("a", "b", "c")),
        ("a-/b/-c.md", ("-/", "/-"), ("a", "b", "c")),
        ("one-line-/-two.md", ("-/-",), ("one-line", "two")),
    ],
)
def test_separators_are_recorded_as_written(
    relative: str, separators: tuple[str, ...], lines: tuple[str, ...]
) -> None:
    slug = parse_slug(relative)
    assert slug.separators == separators
    assert slug.lines == lines


def test_a_legacy_title_slug_is_one_line() -> None:
    slug = parse_slug("post/november-4,-2024:-a-mosaic-of-realities.md")
    assert slug.sections == ("post",)
    assert slug.lines == ("november-4,-2024:-a-mosaic-of-realities",)
    assert slug.separators == ()


@pytest.mark.parametrize("relative", [".md", "post/.md", "", "post/", "./a.md", "a"])
def test_odd_names_do_not_crash(relative: str) -> None:
    slug = parse_slug(relative)
    assert len(slug.lines) == len(slug.separators) + 1


def test_a_file_named_dot_md_has_an_empty_line() -> None:
    slug = parse_slug("post/.md")
    assert slug.lines == ("",)
    assert slug.extension == ".md"


def test_a_digit_only_file_name_is_still_a_line() -> None:
    assert parse_slug("post/2024.md").lines == ("2024",)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a-b.md", ("a-b", ".md")),
        (".md", ("", ".md")),
        ("x.MARKDOWN", ("x", ".MARKDOWN")),
        ("node.js-is-slow.md", ("node.js-is-slow", ".md")),
        ("noext", ("noext", "")),
    ],
)
def test_split_extension(name: str, expected: tuple[str, str]) -> None:
    assert split_extension(name) == expected


def test_key_folds_case_so_duplicates_differing_in_case_collide() -> None:
    assert parse_slug("post/A-b-/-c.md").key == parse_slug("post/a-b-/-c.markdown").key


path_text = st.text(alphabet=st.sampled_from(list("ab-_/.09 Z,:é")) | st.characters(), max_size=60)


@given(path_text, st.lists(st.sampled_from(["post", "a-b", "x"]), max_size=2))
def test_any_path_parses(relative: str, sections: list[str]) -> None:
    slug = parse_slug(relative, sections)
    assert len(slug.lines) == len(slug.separators) + 1
    assert all("/" in separator for separator in slug.separators)


@given(path_text)
def test_lines_and_separators_give_back_the_text(relative: str) -> None:
    slug = parse_slug(relative)
    assert slug.text.endswith(slug.chain)
    prefix_folders = len(slug.sections) + len(slug.date_parts)
    folders = [part for part in slug.text.split("/")]
    assert "/".join(folders[prefix_folders:]) == slug.chain if slug.text else slug.chain == ""


words = st.lists(st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True), min_size=1, max_size=4)


@given(st.lists(words, min_size=1, max_size=5))
def test_a_well_formed_chain_splits_back_into_its_lines(lines: list[list[str]]) -> None:
    spelled = ["-".join(line) for line in lines]
    slug = parse_slug("post/" + SEPARATOR.join(spelled) + ".md")
    assert slug.lines == tuple(spelled)
    assert slug.separators == (SEPARATOR,) * (len(lines) - 1)
