"""parse_slug: a path below the blog root read as sections, date folders and haiku lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haikulint.blog.slug import SEPARATOR, is_date_folder, parse_slug, split_extension

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


MY_SITE = (
    "my-site/content/posts/the-old-server-hums-/-a-fan-spins-in-the-dark-room-/-nobody-looks-in.md"
)


@pytest.mark.parametrize(
    "relative",
    [
        MY_SITE,
        MY_SITE.removeprefix("my-site/"),
        MY_SITE.removeprefix("my-site/content/"),
        MY_SITE.removeprefix("my-site/content/posts/"),
    ],
)
def test_multi_word_folders_above_the_sections_are_sections(relative: str) -> None:
    # haikulint check . from above my-site reads the haiku as check my-site does.
    slug = parse_slug(relative)
    assert slug.lines == ("the-old-server-hums", "a-fan-spins-in-the-dark-room", "nobody-looks-in")
    assert slug.separators == (SEPARATOR, SEPARATOR)
    assert (
        "/".join(slug.sections)
        == relative.partition("/the-old")[0].removesuffix(".md")[
            : len(relative.partition("/the-old")[0]) if "/the-old" in relative else 0
        ]
    )


@pytest.mark.parametrize(
    ("relative", "sections", "dates", "lines", "separators"),
    [
        # Date folders still count, wherever they are above the haiku.
        ("my-site/posts/2024/03/a-b-/-c-d-/-e.md", ("my-site", "posts"), (2024, 3), 3, 2),
        ("old-blog/2019/posts/a-b-/-c-d-/-e.md", ("old-blog", "posts"), (2019,), 3, 2),
        # The multi-word folders right above the haiku are lines (bare "/"), up to the
        # first single-word, date or configured folder.
        ("my-site/post/the-cron-job/a-b-/-c.md", ("my-site", "post"), (), 3, 2),
        ("posts/2024/my-trip/a-b-/-c-d-/-e.md", ("posts",), (2024,), 4, 3),
        ("post/a-b-c/d-e-f/g-h.md", ("post",), (), 3, 2),
        ("my-site/2024/a-b-c/d-e-f/g-h.md", ("my-site",), (2024,), 3, 2),
        ("my-blog/legacy-title.md", (), (), 2, 1),
        # Jekyll's _posts and _drafts are one word each.
        ("_posts/a-b-/-c-d-/-e.md", ("_posts",), (), 3, 2),
        ("site/_drafts/2024/a-b-/-c-d-/-e.md", ("site", "_drafts"), (2024,), 3, 2),
    ],
)
def test_only_the_folders_right_above_the_haiku_can_be_lines(
    relative: str, sections: tuple[str, ...], dates: tuple[int, ...], lines: int, separators: int
) -> None:
    slug = parse_slug(relative)
    assert (slug.sections, slug.date_parts) == (sections, dates)
    assert (len(slug.lines), len(slug.separators)) == (lines, separators)


def test_a_configured_multi_word_folder_right_above_the_haiku_is_a_section() -> None:
    slug = parse_slug("my-site/tech-notes/a-b-/-c.md", sections=["tech-notes"])
    assert slug.sections == ("my-site", "tech-notes")
    assert slug.lines == ("a-b", "c")


def test_a_haiku_with_only_bare_slashes_is_the_same_slug_as_the_right_one() -> None:
    bare = parse_slug("post/the-cat-ran-away/i-sat-by-the-river-bank/the-old-dog-came-home.md")
    good = parse_slug("post/the-cat-ran-away-/-i-sat-by-the-river-bank-/-the-old-dog-came-home.md")
    assert bare.lines == good.lines
    assert bare.separators == ("/", "/")
    assert bare.key == good.key


@given(
    st.lists(st.from_regex(r"[a-z]{1,4}(-[a-z]{1,4}){0,2}|[0-9]{1,4}", fullmatch=True), max_size=4),
    st.lists(
        st.from_regex(r"[a-z0-9]{1,4}(-[a-z0-9]{1,4}){0,2}", fullmatch=True), min_size=1, max_size=5
    ),
)
def test_a_section_named_as_the_root_reads_the_same_lines(
    above: list[str], lines: list[str]
) -> None:
    # Dropping folders from the top (checking from a folder further down) never changes
    # what the folders below are, so never the haiku's lines.
    path = "/".join([*above, SEPARATOR.join(lines) + ".md"])
    whole = parse_slug(path)
    for cut in range(len(whole.sections) + len(whole.date_parts) + 1):
        part = parse_slug(path.split("/", cut)[-1] if cut else path)
        assert (part.lines, part.separators) == (whole.lines, whole.separators)


def test_the_prefix_keeps_folders_as_spelled() -> None:
    assert parse_slug("posts/2024/03/a-b-/-c.md").prefix == "posts/2024/03/"
    assert parse_slug("a-b-/-c.md").prefix == ""


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


@pytest.mark.parametrize("relative", [".md", "post/.md", "", "post/", "./a.md", "a", "a-b/.md"])
def test_odd_names_do_not_crash(relative: str) -> None:
    slug = parse_slug(relative)
    assert len(slug.lines) == len(slug.separators) + 1 or slug.lines == slug.separators == ()


@pytest.mark.parametrize("relative", [".md", "post/.md", "post/2024/.md", "my-site/.markdown"])
def test_a_file_named_only_by_its_extension_has_no_lines(relative: str) -> None:
    slug = parse_slug(relative)
    assert slug.lines == slug.separators == ()
    assert slug.extension == relative.rpartition("/")[2]
    assert slug.chain == slug.haiku == ""


def test_an_empty_stem_below_a_chain_folder_is_an_empty_last_line() -> None:
    slug = parse_slug("post/a-b-/.md")
    assert slug.lines == ("a-b", "")


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
    assert len(slug.lines) == len(slug.separators) + 1 or slug.lines == slug.separators == ()
    assert all("/" in separator for separator in slug.separators)


@given(path_text)
def test_lines_and_separators_give_back_the_text(relative: str) -> None:
    slug = parse_slug(relative)
    assert slug.text.endswith(slug.chain)
    assert slug.text == slug.prefix + slug.chain or slug.lines == ()
    prefix_folders = len(slug.sections) + len(slug.date_folders)
    folders = [part for part in slug.text.split("/")]
    assert "/".join(folders[prefix_folders:]) == slug.chain if slug.text else slug.chain == ""


_FOLDERS = st.sampled_from(
    ["2024", "03", "2024-03", "2024-03-05", "2024-3", "post", "a-b", "a-", "-b", "_posts", ".", ""]
)


@given(
    st.lists(_FOLDERS, max_size=6),
    st.sampled_from(["a-b.md", "2024-03-05-c.md", "index.md", ".md", "x"]),
    st.lists(st.sampled_from(["post", "a-b", "2024", "post/a-b"]), max_size=2),
    st.sampled_from([None, True, False]),
)
def test_the_date_folders_are_those_of_the_prefix(
    folders: list[str], name: str, sections: list[str], dated: bool | None
) -> None:
    """parse_slug sorts the prefix into sections and date folders as it reads it; they
    are the prefix's folders that are dates, in order."""
    slug = parse_slug("/".join([*folders, name]), sections, dated)
    prefix = slug.prefix.split("/")[:-1]
    assert slug.date_folders == tuple(folder for folder in prefix if is_date_folder(folder))
    assert slug.sections == tuple(folder for folder in prefix if not is_date_folder(folder))


words = st.lists(st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True), min_size=1, max_size=4)


@given(st.lists(words, min_size=1, max_size=5))
def test_a_well_formed_chain_splits_back_into_its_lines(lines: list[list[str]]) -> None:
    spelled = ["-".join(line) for line in lines]
    slug = parse_slug("post/" + SEPARATOR.join(spelled) + ".md")
    assert slug.lines == tuple(spelled)
    assert slug.separators == (SEPARATOR,) * (len(lines) - 1)


def test_a_page_bundle_index_is_its_folders_slug() -> None:
    bundle = parse_slug("post/2024/a-b-/-c-d-/-e-f/index.md")
    single = parse_slug("post/2024/a-b-/-c-d-/-e-f.md")
    assert bundle.lines == single.lines == ("a-b", "c-d", "e-f")
    assert bundle.key == single.key and bundle.date_parts == (2024,)
    assert parse_slug("index.md").lines == ("index",)  # no folder to stand for


# --- date folders written with hyphens -------------------------------------------------


@pytest.mark.parametrize(
    ("relative", "sections", "dates", "folders"),
    [
        ("posts/2024-03/a-b-/-c-d-/-e.md", ("posts",), (2024, 3), ("2024-03",)),
        ("posts/2024-03-05/a-b-/-c-d-/-e.md", ("posts",), (2024, 3, 5), ("2024-03-05",)),
        ("2024-03/05/a-b-/-c-d-/-e.md", (), (2024, 3, 5), ("2024-03", "05")),
        ("my-site/2024-03/posts/a-b-/-c-d-/-e.md", ("my-site", "posts"), (2024, 3), ("2024-03",)),
        # The run of multi-word folders above the haiku (bare "/") stops at the date.
        ("posts/2024-03/a-b/c-d/e-f.md", ("posts",), (2024, 3), ("2024-03",)),
        ("posts/2024-03-05/a-b-/-c-d-/-e/index.md", ("posts",), (2024, 3, 5), ("2024-03-05",)),
    ],
)
def test_a_date_written_with_hyphens_is_one_date_folder(
    relative: str, sections: tuple[str, ...], dates: tuple[int, ...], folders: tuple[str, ...]
) -> None:
    slug = parse_slug(relative)
    assert (slug.sections, slug.date_parts, slug.date_folders) == (sections, dates, folders)
    assert len(slug.lines) == 3
    assert slug.prefix == relative.partition("a-b")[0]


@pytest.mark.parametrize(
    "folder",
    ["2024-3", "24-03", "2024-03-5", "2024-03-05-06", "２０２４-03", "2024_03", "2024-mar"],
)
def test_other_folders_with_digits_and_hyphens_are_not_dates(folder: str) -> None:
    slug = parse_slug(f"posts/{folder}/a-b/c-d.md")
    assert (slug.date_parts, slug.date_folders) == ((), ())
    assert slug.lines[0] == folder


def test_a_hyphenated_date_ending_with_a_joiner_is_a_haiku_line() -> None:
    slug = parse_slug("posts/2024-03-/-c-d-/-e.md")
    assert slug.lines == ("2024-03", "c-d", "e")
    assert slug.date_parts == ()


def test_a_fourth_digit_folder_is_a_date_part_no_rule_compares() -> None:
    slug = parse_slug("posts/2024/03/05/07/a-b-/-c.md")
    assert slug.date_parts == (2024, 3, 5, 7)
    assert slug.date_folders == ("2024", "03", "05", "07")
    assert slug.prefix == "posts/2024/03/05/07/"


def test_the_date_folders_are_kept_as_spelled_on_disk() -> None:
    assert parse_slug("03/2024/a-/-b.md").date_folders == ("03", "2024")
    assert parse_slug("posts/0000/a-/-b.md").date_folders == ("0000",)
    assert parse_slug("posts/0000/a-/-b.md").date_parts == (0,)
    assert parse_slug("posts/2024/.md").date_folders == ("2024",)
    assert parse_slug("2024-03/.md").prefix == "2024-03/"


def test_hyphens_or_slashes_between_date_parts_are_different_slugs() -> None:
    hyphens = parse_slug("posts/2024-03/a-b-/-c.md")
    assert hyphens.key != parse_slug("posts/2024/03/a-b-/-c.md").key
    assert hyphens.key == parse_slug("posts/2024-03/A-b-/-c.markdown").key
    assert parse_slug("posts/2024/03/a-b-/-c.md").key == parse_slug("posts/2024/3/a-b-/-c.md").key


@given(st.text(alphabet=st.sampled_from("aZ -_'\u2019\u00e91.\u00df\t"), max_size=30))
def test_plain_lines_spell_as_any_line_does(line: str) -> None:
    """``slug_words`` skips folding for a line of ASCII letters, spaces and hyphens."""
    from haikulint.blog.spelling import _folded_words, slug_words

    assert slug_words(line) == _folded_words(line)
