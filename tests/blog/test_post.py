"""read_post: headers in every style, the haiku line, the first line, the dateline, bad files."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haikulint.blog.discover import PostFile
from haikulint.blog.post import (
    KNOWN_HEADER_KEYS,
    Located,
    Post,
    display_path,
    header_line,
    post_from_text,
    read_post,
    read_text,
    title_in,
)
from haikulint.blog.slug import SEPARATOR
from tests.seeds import SEEDS, write_seeds

HAIKU_PATH = "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md"


def read(
    tmp_path: Path, content: str | bytes, relative: str = HAIKU_PATH, max_size: int = 1 << 26
) -> Post:
    target = tmp_path / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_bytes(content.encode("utf-8"))
    return read_post(PostFile(target, tmp_path), cwd=tmp_path, max_size=max_size)


# --- header styles -------------------------------------------------------------------------


def test_yaml_front_matter(tmp_path: Path) -> None:
    post = read(
        tmp_path,
        "---\nTitle: Froze\ndate: 2023-04-24\ntags: [ops, pcap]\n---\n\n"
        "April 24, 2023 - Today the deploy froze.\n",
    )
    assert post.header_style == "yaml"
    assert post.headers == {"title": "Froze", "date": "2023-04-24", "tags": ["ops", "pcap"]}
    assert post.header_lines == {"title": 2, "date": 3, "tags": 4}
    assert post.front_matter_error is None
    assert post.body_line == 7
    assert post.dateline is not None and post.dateline.date == date(2023, 4, 24)
    assert post.dateline.line == 7
    assert post.display_path == HAIKU_PATH
    assert post.slug.lines[2] == "the-repo-holds-it-all"


def test_yaml_dates_stay_as_written_so_an_impossible_date_is_not_a_broken_file(
    tmp_path: Path,
) -> None:
    post = read(tmp_path, "---\ntitle: x\ndate: 2023-02-30\nupdated: 2023-04-24 10:00:00\n---\n")
    assert post.front_matter_error is None
    assert post.headers["date"] == "2023-02-30"
    assert post.headers["updated"] == "2023-04-24 10:00:00"


def test_toml_front_matter(tmp_path: Path) -> None:
    post = read(
        tmp_path,
        '+++\ntitle = "Froze"\ndate = 2023-04-24\n\n[haikulint]\nignore = ["HK103"]\n+++\nBody.\n',
    )
    assert post.header_style == "toml"
    assert post.headers["title"] == "Froze"
    assert post.headers["date"] == date(2023, 4, 24)
    assert post.header_lines == {"title": 2, "date": 3, "haikulint": 5}
    assert post.suppressions == frozenset({"HK103"})
    assert post.body_line == 8


def test_json_front_matter_with_a_nested_object(tmp_path: Path) -> None:
    post = read(
        tmp_path,
        '{\n  "title": "Froze",\n  "extra": {\n    "a": 1\n  },\n  "Date": "2023-04-24"\n}\n'
        "\nApril 24, 2023. Body.\n",
    )
    assert post.header_style == "json"
    assert post.front_matter_error is None
    assert post.headers == {"title": "Froze", "extra": {"a": 1}, "date": "2023-04-24"}
    assert post.header_lines == {"title": 2, "extra": 3, "date": 6}
    assert post.body_line == 9
    assert post.dateline is not None and post.dateline.line == 9


def test_pelican_header_lines(tmp_path: Path) -> None:
    post = read(
        tmp_path,
        "TITLE: Froze\ndate: 2023-04-24\nTags: ops,\n    pcap\nHaikulint-Ignore: HK103, HK105\n"
        "\nApril 24, 2023 - Body.\n",
    )
    assert post.header_style == "pelican"
    assert post.headers == {
        "title": "Froze",
        "date": "2023-04-24",
        "tags": "ops, pcap",
        "haikulint-ignore": "HK103, HK105",
    }
    assert post.header_lines == {"title": 1, "date": 2, "tags": 3, "haikulint-ignore": 5}
    assert post.suppressions == frozenset({"HK103", "HK105"})
    assert post.body_line == 7


def test_pelican_block_may_span_blank_lines_before_a_known_key(tmp_path: Path) -> None:
    post = read(tmp_path, "Title: Froze\n\n\nDate: 2023-04-24\n\nNote: not a header\n")
    assert post.headers == {"title": "Froze", "date": "2023-04-24"}
    assert post.body_line == 6
    assert post.first_line == Located("Note: not a header", 6)


def test_an_empty_header_value_is_kept_empty(tmp_path: Path) -> None:
    post = read(tmp_path, "Title:\nDate: 2023-04-24\n")
    assert post.headers["title"] == ""


def test_a_url_is_not_a_header(tmp_path: Path) -> None:
    post = read(tmp_path, "https://example.com/a\n")
    assert post.headers == {}
    assert post.header_style == "none"


def test_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    post = read(
        tmp_path,
        "\ufeff---\r\ntitle: Froze\r\ndate: 2023-04-24\r\n---\r\n\r\nApril 24, 2023 - x\r\n",
    )
    assert post.read_error is None and post.front_matter_error is None
    assert post.headers == {"title": "Froze", "date": "2023-04-24"}
    assert post.dateline is not None and post.dateline.line == 6
    pelican = read(tmp_path, "\ufeffTitle: Froze\r\nDate: 2023-04-24\r\n", "post/b.md")
    assert pelican.headers == {"title": "Froze", "date": "2023-04-24"}


def test_front_matter_haiku_and_suppressions(tmp_path: Path) -> None:
    post = read(
        tmp_path,
        "---\ntitle: x\nhaiku: the prod deploy froze / i parsed / it all\n"
        "haikulint:\n  ignore: [HK103, ' slug-syllables ']\n---\n",
    )
    assert post.haiku == Located("the prod deploy froze / i parsed / it all", 3)
    assert post.suppressions == frozenset({"HK103", "slug-syllables"})


def test_a_well_formed_ignore_list_has_no_problems(tmp_path: Path) -> None:
    yaml = read(tmp_path, "---\nhaikulint: {ignore: [HK103, unknown-word]}\n---\n")
    pelican = read(tmp_path, "Title: x\nHaikulint-Ignore: HK103, unknown-word\n", "post/p.md")
    toml = read(tmp_path, '+++\n[haikulint]\nignore = "HK103"\n+++\n', "post/t.md")
    plain = read(tmp_path, "---\ntitle: x\nhaiku: a / b / c\nhaikus: 3\n---\n", "post/q.md")
    for post in (yaml, pelican, toml, plain):
        assert post.suppression_problems == ()
    assert yaml.suppressions == pelican.suppressions == frozenset({"HK103", "unknown-word"})
    assert toml.suppressions == frozenset({"HK103"})


@pytest.mark.parametrize(
    ("front", "suppressions", "problem"),
    [
        (
            "haikulint: {ignore: [103]}",
            set(),
            "ignore lists rule codes or names, like HK103 or slug-syllables; 103 is a number",
        ),
        (
            "haikulint: {ignore: [HK105, true]}",
            {"HK105"},
            "ignore lists rule codes or names, like HK103 or slug-syllables; "
            "true is a true/false value",
        ),
        (
            "haikulint: {ignore: [[HK103]]}",
            set(),
            "ignore lists rule codes or names, like HK103 or slug-syllables; "
            "one of its entries is a list, not a code or name",
        ),
        (
            "haikulint: {ignore: {HK103: true}}",
            set(),
            "ignore lists rule codes or names, like HK103 or slug-syllables; "
            "it is a mapping (key: value pairs), not a list",
        ),
        (
            "haikulint-ignore: 103",
            set(),
            "haikulint-ignore lists rule codes or names, like HK103 or slug-syllables; "
            "103 is a number",
        ),
        ("haikulint: {ignre: [HK103]}", set(), "the haikulint block takes 'ignore', not 'ignre'"),
        (
            "haikulint: ignore",
            set(),
            "the haikulint header is the text 'ignore', not a mapping with an ignore list: "
            "write haikulint: {ignore: [HK103]}",
        ),
        (
            "haikulint: HK105, slug-syllables",
            set(),
            "the haikulint header is the text 'HK105, slug-syllables', not a mapping with an "
            "ignore list: write haikulint: {ignore: [HK105, slug-syllables]}",
        ),
        (
            "haikulint: [HK103]",
            set(),
            "the haikulint header is a list, not a mapping with an ignore list: "
            "write haikulint: {ignore: [HK103]}",
        ),
        (
            "haikulint_ignore: HK105",
            set(),
            "haikulint does not read 'haikulint_ignore': write haikulint: {ignore: [HK105]}",
        ),
        (
            "haiku-lint: {ignore: [HK105]}",
            set(),
            "haikulint does not read 'haiku-lint': write haikulint: {ignore: [HK105]}",
        ),
        (
            "haikulnt: {ignore: [HK105]}",
            set(),
            "haikulint does not read 'haikulnt': write haikulint: {ignore: [HK105]}",
        ),
        (
            "ignore: [HK105]",
            set(),
            "haikulint does not read 'ignore': write haikulint: {ignore: [HK105]}",
        ),
    ],
)
def test_a_malformed_ignore_list_is_a_problem_saying_what_would_be_right(
    tmp_path: Path, front: str, suppressions: set[str], problem: str
) -> None:
    post = read(tmp_path, f"---\ntitle: x\n{front}\n---\n")
    assert post.suppressions == frozenset(suppressions)
    assert post.suppression_problems == (problem,)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            '+++\nhaikulint = "ignore"\n+++\n',
            "the haikulint header is the text 'ignore', not a mapping with an ignore list: "
            'write haikulint = {ignore = ["HK103"]}',
        ),
        (
            '+++\nhaikulint_ignore = ["HK105"]\n+++\n',
            "haikulint does not read 'haikulint_ignore': write haikulint = {ignore = [\"HK105\"]}",
        ),
        (
            "+++\n[haikulint]\nignore = [103]\n+++\n",
            "ignore lists rule codes or names, like HK103 or slug-syllables; 103 is a number",
        ),
        (
            '{"title": "x", "haikulint": "HK105"}\n',
            "the haikulint header is the text 'HK105', not a mapping with an ignore list: "
            'write "haikulint": {"ignore": ["HK105"]}',
        ),
        (
            "Title: x\nHaikulint_Ignore: HK105\n",
            "haikulint does not read 'haikulint_ignore': write Haikulint-Ignore: HK105",
        ),
    ],
)
def test_what_would_be_right_is_written_in_the_posts_own_header_style(
    tmp_path: Path, text: str, problem: str
) -> None:
    assert read(tmp_path, text).suppression_problems == (problem,)


def test_keys_that_only_look_like_haikulint_are_left_alone(tmp_path: Path) -> None:
    post = read(
        tmp_path,
        "---\ntitle: x\nhaiku: a / b / c\nhaiku-lines: 3\nlinter: ruff\nignore: [drafts]\n---\n",
    )
    assert post.suppression_problems == ()


def test_every_haikulint_ignore_line_of_a_header_block_counts(tmp_path: Path) -> None:
    post = read(
        tmp_path,
        "Title: Froze\nHaikulint-Ignore: HK103\nDate: 2023-04-24\n"
        "Haikulint-Ignore: unknown-word,\n    HK105\nHaikulint-Ignore:\n",
    )
    assert post.headers["haikulint-ignore"] == "HK103, unknown-word, HK105"
    assert post.header_lines["haikulint-ignore"] == 2
    assert post.suppressions == frozenset({"HK103", "unknown-word", "HK105"})
    assert post.suppression_problems == ()


def test_front_matter_haiku_as_a_list_of_lines(tmp_path: Path) -> None:
    post = read(tmp_path, "---\nhaiku:\n  - a b\n  - c d\n  - e\n---\n")
    assert post.haiku == Located("a b / c d / e", 2)


def test_a_haiku_first_line_after_front_matter(tmp_path: Path) -> None:
    post = read(tmp_path, "---\ntitle: x\n---\n\na b / c d / e\n\nBody.\n")
    assert post.haiku == Located("a b / c d / e", 5)


def test_title_like_text_with_one_slash_is_not_a_haiku(tmp_path: Path) -> None:
    post = read(tmp_path, "Input / Output in Rust\n\nBody.\n")
    assert post.haiku is None
    assert post.first_line == Located("Input / Output in Rust", 1)


# --- the five seed posts -------------------------------------------------------------------


@pytest.fixture
def seed_posts(tmp_path: Path) -> dict[str, Post]:
    write_seeds(tmp_path)
    return {
        relative: read_post(PostFile(tmp_path / relative, tmp_path), cwd=tmp_path)
        for relative in SEEDS
    }


def test_seed_000_haiku_then_title_then_dateline(seed_posts: dict[str, Post]) -> None:
    post = seed_posts[HAIKU_PATH]
    assert post.header_style == "pelican"
    assert post.haiku == Located(
        "the prod deploy froze / I parsed the pcap for hours / the repo holds it all", 2
    )
    assert post.headers == {"title": "Learning the Hard Way with LLMs and FinOps"}
    assert post.header_lines == {"title": 5}
    assert post.first_line is None
    assert post.dateline is not None
    assert (post.dateline.date, post.dateline.line) == (date(2023, 4, 24), 8)
    assert post.slug.sections == ("post",)
    assert post.slug.separators == (SEPARATOR, SEPARATOR)


def test_seed_001_a_bare_line_after_the_haiku_is_not_a_title(
    seed_posts: dict[str, Post],
) -> None:
    post = seed_posts[
        "post/the-deploy-pipeline-/-the-service-mesh-confused-us-all-/-i-strace-the-memory.md"
    ]
    assert post.headers == {}
    assert post.haiku is not None and post.haiku.line == 2
    assert post.first_line == Located(
        "Navigating the LLM Tsunami: A Platform Engineer\u2019s Perspective", 5
    )
    assert post.dateline is not None
    assert (post.dateline.date, post.dateline.line) == (date(2024, 12, 2), 7)


def test_seed_002_title_and_dateline(seed_posts: dict[str, Post]) -> None:
    post = seed_posts[
        "post/telnet-to-nowhere-/-the-service-mesh-confused-us-all-/-it-ran-in-the-dark.md"
    ]
    assert post.headers["title"] == "Reflections on a Wild Month: AI Overload and FinOps Pressure"
    assert post.dateline is not None and post.dateline.date == date(2024, 5, 20)


def test_seed_003_bare_first_line_and_next_line_dateline(seed_posts: dict[str, Post]) -> None:
    post = seed_posts["post/reflections-on-a-turbulent-month-in-tech.md"]
    assert post.header_style == "none"
    assert post.haiku is None
    assert post.first_line == Located("Reflections on a Turbulent Month in Tech", 1)
    assert post.dateline is not None
    assert (post.dateline.date, post.dateline.line) == (date(2023, 11, 13), 2)
    assert post.slug.lines == ("reflections-on-a-turbulent-month-in-tech",)


def test_seed_004_a_first_line_starting_with_a_date_is_a_title_not_the_dateline(
    seed_posts: dict[str, Post],
) -> None:
    post = seed_posts["post/november-4,-2024:-a-mosaic-of-realities.md"]
    assert post.first_line == Located("November 4, 2024: A Mosaic of Realities", 1)
    assert post.dateline is not None
    assert (post.dateline.text, post.dateline.line) == ("November 4th, 2024", 2)
    assert post.slug.lines == ("november-4,-2024:-a-mosaic-of-realities",)


# --- bad input -----------------------------------------------------------------------------


def test_binary_file(tmp_path: Path) -> None:
    post = read(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert post.read_error is not None and "binary" in post.read_error
    assert post.headers == {} and post.slug.lines


def test_latin_1_file(tmp_path: Path) -> None:
    post = read(tmp_path, "Title: Caf\u00e9\n\nna\u00efve\n".encode("latin-1"))
    assert post.read_error == "not UTF-8 text (byte 0xe9 on line 1); save it as UTF-8"


def test_empty_file(tmp_path: Path) -> None:
    post = read(tmp_path, "")
    assert post.read_error is None and post.front_matter_error is None
    assert post.headers == {} and post.haiku is None and post.first_line is None


@pytest.mark.parametrize("content", ["---", "---\n", "---\n\n\n"])
def test_a_file_of_only_dashes_is_unclosed_front_matter(tmp_path: Path, content: str) -> None:
    post = read(tmp_path, content)
    assert post.front_matter_error is not None
    assert post.front_matter_error.line == 1
    assert "never closed" in post.front_matter_error.text


def test_unclosed_front_matter(tmp_path: Path) -> None:
    post = read(tmp_path, "---\ntitle: x\ndate: 2024-01-01\n\nBody text.\n")
    assert post.front_matter_error == Located(
        "YAML front matter opened on line 1 is never closed (no '---' line after it)", 1
    )
    assert post.headers == {}


def test_empty_front_matter_is_an_empty_mapping(tmp_path: Path) -> None:
    post = read(tmp_path, "---\n---\nBody.\n")
    assert post.front_matter_error is None and post.headers == {}


def test_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    post = read(tmp_path, "---\ntitle: ok\ndate: [2024-01-01\nx: y\n---\n")
    assert post.front_matter_error is not None
    assert post.front_matter_error.text.startswith("invalid YAML front matter: ")
    assert "the [ list that opens on line 3; close it with ]" in post.front_matter_error.text
    assert post.front_matter_error.line == 3  # where the list opens, not where parsing gave up
    assert post.headers == {}


@pytest.mark.parametrize(
    ("front", "kind"),
    [("- a\n- b\n", "a list"), ("just words\n", "a line of text"), ("42\n", "a number")],
)
def test_front_matter_that_is_not_a_mapping(tmp_path: Path, front: str, kind: str) -> None:
    post = read(tmp_path, f"---\n{front}---\nBody.\n")
    assert post.front_matter_error == Located(
        f"YAML front matter is {kind}, not key: value pairs", 2
    )


def test_yaml_alias_bomb_is_refused_without_expanding_it(tmp_path: Path) -> None:
    # 40 levels of 10 aliases: 10**40 values if expanded; the test finishing proves it is not.
    levels = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 40):
        aliases = ", ".join([f"*l{level - 1}"] * 10)
        levels.append(f"l{level}: &l{level} [{aliases}]")
    post = read(tmp_path, "---\n" + "\n".join(levels) + "\n---\n")
    assert post.front_matter_error is not None
    assert "alias" in post.front_matter_error.text
    assert post.headers == {}


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    post = read(tmp_path, "---\nloop: &a [*a]\n---\n")
    assert post.front_matter_error is not None


def test_modest_aliases_are_fine(tmp_path: Path) -> None:
    post = read(tmp_path, "---\nbase: &b {x: 1}\nother: *b\ntitle: t\n---\n")
    assert post.front_matter_error is None
    assert post.headers["other"] == {"x": 1}


def test_date_as_an_integer_and_title_as_a_list_are_kept_for_the_rules(tmp_path: Path) -> None:
    post = read(tmp_path, "---\ntitle: [a, b]\ndate: 20240520\n---\n")
    assert post.front_matter_error is None
    assert post.headers == {"title": ["a", "b"], "date": 20240520}


def test_toml_syntax_error(tmp_path: Path) -> None:
    post = read(tmp_path, '+++\ntitle = "x"\ndate = \n+++\n')
    assert post.front_matter_error is not None
    assert post.front_matter_error.text.startswith("invalid TOML front matter: ")
    assert post.front_matter_error.line == 3


def test_json_syntax_error(tmp_path: Path) -> None:
    post = read(tmp_path, '{\n  "title": "x",\n}\n')
    assert post.front_matter_error is not None
    assert post.front_matter_error.text.startswith("invalid JSON front matter: ")
    assert post.front_matter_error.line == 3


def test_a_ten_megabyte_post(tmp_path: Path) -> None:
    paragraph = "The pager rang again and the repo held it all. " * 20 + "\n\n"
    body = paragraph * (10_000_000 // len(paragraph) + 1)
    post = read(tmp_path, "---\ntitle: Big\n---\n\nApril 24, 2023 - It began.\n\n" + body)
    assert post.read_error is None
    assert post.headers == {"title": "Big"}
    assert post.dateline is not None and post.dateline.line == 5
    pelican = read(tmp_path, "Title: Big\n\n" + body + "April 24, 2023 - too late.\n", "b.md")
    assert pelican.dateline is None


def test_a_ten_megabyte_unclosed_front_matter(tmp_path: Path) -> None:
    post = read(tmp_path, "---\n" + "key: value\n" * 1_000_000)
    assert post.front_matter_error is not None and post.front_matter_error.line == 1


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "post" / "secret.md"
    target.parent.mkdir()
    target.write_text("Title: x\n")
    real_open = os.open

    def deny(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if os.fspath(path) == os.fspath(target):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", deny)
    post = read_post(PostFile(target, tmp_path))
    assert post.read_error == "permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_by_mode(tmp_path: Path) -> None:  # pragma: no cover - not as root
    target = tmp_path / "secret.md"
    target.write_text("Title: x\n")
    target.chmod(0)
    try:
        assert read_post(PostFile(target, tmp_path)).read_error == "permission denied"
    finally:
        target.chmod(0o644)


def test_a_file_that_vanished(tmp_path: Path) -> None:
    post = read_post(PostFile(tmp_path / "post" / "gone.md", tmp_path))
    assert post.read_error == "the file vanished before it could be read"
    assert post.slug.lines == ("gone",)


def test_a_folder_named_like_a_post(tmp_path: Path) -> None:
    folder = tmp_path / "x.md"
    folder.mkdir()
    assert read_post(PostFile(folder, tmp_path)).read_error == "it is a folder, not a file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_does_not_block(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    assert read_post(PostFile(pipe, tmp_path)).read_error == (
        "a named pipe (FIFO), not a regular file; a post is a regular file"
    )


def test_broken_and_looping_links_are_named_as_such(tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    broken.symlink_to(tmp_path / "gone.md")
    assert read_post(PostFile(broken, tmp_path)).read_error == (
        f"a broken symbolic link: its target {tmp_path / 'gone.md'} does not exist; "
        "point it at a post or delete it"
    )
    (tmp_path / "one.md").symlink_to(tmp_path / "two.md")
    (tmp_path / "two.md").symlink_to(tmp_path / "one.md")
    assert read_post(PostFile(tmp_path / "one.md", tmp_path)).read_error == (
        "a loop of symbolic links that never reaches a file; point the link at a post or delete it"
    )


def test_a_file_named_dot_md(tmp_path: Path) -> None:
    post = read(tmp_path, "Title: x\n", "post/.md")
    assert post.read_error is None
    assert not any(post.slug.lines)  # no slug text (how slug.py spells that is its own test)
    assert post.display_path == "post/.md"


def test_a_file_outside_its_root_gets_a_derived_root(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "a-b-/-c.md"
    target.parent.mkdir(parents=True)
    target.write_text("Title: x\n")
    post = read_post(PostFile(target, tmp_path / "post"), cwd=tmp_path)
    assert post.slug.lines == ("a-b", "c")
    assert post.display_path == "elsewhere/a-b-/-c.md"


# --- small helpers -------------------------------------------------------------------------


def test_display_path(tmp_path: Path) -> None:
    assert display_path(tmp_path / "a" / "b.md", tmp_path) == "a/b.md"
    assert display_path(Path("a/./b.md")) == "a/b.md"
    outside = Path("/somewhere/else.md")
    assert display_path(outside, tmp_path) == "/somewhere/else.md"


def test_read_text_never_raises_on_odd_openings() -> None:
    for text in ["{", "{}", "+++", "+++\n+++", "{\n", "}\n", "-", "--- x", "\ufeff", "\r\n"]:
        read_text(text)


def test_a_first_line_with_a_colon_is_a_title_unless_a_known_header_is_there(
    tmp_path: Path,
) -> None:
    post = read(tmp_path, "Kubernetes: The Hard Way\n\nBody.\n")
    assert post.header_style == "none" and post.headers == {}
    assert post.first_line == Located("Kubernetes: The Hard Way", 1)
    custom = read(tmp_path, "Series: Ops\nTitle: Froze\n", "post/b.md")
    assert custom.headers == {"series": "Ops", "title": "Froze"}


openings = st.sampled_from(["", "---\n", "+++\n", "{\n", "\ufeff", "Title: x\n", "a / b / c\n"])
pieces = st.sampled_from(
    [
        "---",
        "+++",
        "}",
        "{",
        "title: x",
        'title = "x"',
        '"title": "x",',
        "&a [*a]",
        "*a",
        "Date: 2024-05-20",
        "April 24, 2023 - x",
        "a / b / c",
        "  continued",
        "",
        "\r",
        "\ufeff",
    ]
)


@given(openings, st.lists(pieces | st.text(max_size=20), max_size=12))
def test_read_text_never_raises(opening: str, lines: list[str]) -> None:
    found = read_text(opening + "\n".join(lines))
    assert found.body_line >= 1
    if found.front_matter_error is not None:
        assert found.front_matter_error.line >= 1 and found.headers == {}


# --- a long run of spaces is read in linear time -------------------------------------------

MILLION_SPACES = " " * 1_000_000


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Title: a" + MILLION_SPACES + "b\nDate: 2024-01-02\n", "a" + MILLION_SPACES + "b"),
        ("Title:" + MILLION_SPACES + "\nDate: 2024-01-02\n", ""),
        ("Title:\t" + "\t" * 1_000_000 + "x\nDate: 2024-01-02\n", "x"),
        ("Note:" + MILLION_SPACES + "x\n", None),
        (MILLION_SPACES + "b\n", None),
        ("Title: T\n\n" + MILLION_SPACES + "x\n", "T"),
        ("# " + MILLION_SPACES + "x\n", None),
    ],
)
def test_a_line_of_a_million_spaces_is_read_in_linear_time(text: str, title: str | None) -> None:
    # Backtracking regexes took 5.6 s on 40,000 spaces (quadratic); this finishes at once.
    found = read_text(text)
    assert found.headers.get("title") == title


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Title: Froze", ("title", "Froze")),
        ("Title:   Froze  \t", ("title", "Froze")),
        ("Title:", ("title", "")),
        ("date:2023-04-24", ("date", "2023-04-24")),
        ("Title:Froze", ("title", "Froze")),
        ("Kubernetes: The Hard Way", ("kubernetes", "The Hard Way")),
        ("Series:Ops", None),  # no space after the colon: only for a known header key
        ("http://example.com", None),
        ("https://example.com/a", None),
        ("mailto:someone@example.com", None),
        ("12:30", None),
        ("1. Title: x", None),
        ("no colon here", None),
    ],
)
def test_header_line(line: str, expected: tuple[str, str] | None) -> None:
    assert header_line(line) == expected


# --- no space after the colon (Python-Markdown's meta extension accepts it) ----------------


def test_a_known_header_without_a_space_after_the_colon(tmp_path: Path) -> None:
    post = read(tmp_path, "Title: Froze\ndate:2023-04-24\ntags:ops\n\nBody.\n")
    assert post.header_style == "pelican"
    assert post.headers == {"title": "Froze", "date": "2023-04-24", "tags": "ops"}
    assert post.header_lines == {"title": 1, "date": 2, "tags": 3}
    first = read(tmp_path, "date:2023-04-24\n\n# Froze\n", "post/b.md")
    assert first.headers == {"date": "2023-04-24"}
    assert first.first_line == Located("Froze", 3)


@pytest.mark.parametrize("opening", ["http://example.com", "https://example.com/a", "12:30"])
def test_a_url_or_a_time_on_the_first_line_is_not_a_header(tmp_path: Path, opening: str) -> None:
    post = read(tmp_path, f"{opening}\n\nBody.\n")
    assert post.header_style == "none" and post.headers == {}
    followed = read(tmp_path, f"{opening}\nDate: 2024-01-02\n", "post/b.md")
    assert followed.headers == {}


# --- which first line is suggested as the title --------------------------------------------


def test_a_colon_title_above_a_date_header_is_suggested_as_the_title(tmp_path: Path) -> None:
    post = read(tmp_path, "Kubernetes: The Hard Way\nDate: 2024-01-02\n\nbody\n")
    assert post.header_style == "pelican"
    assert post.headers == {"kubernetes": "The Hard Way", "date": "2024-01-02"}
    assert post.first_line == Located("Kubernetes: The Hard Way", 1)
    assert post.first_line_read_as == "kubernetes"
    after_haiku = read(
        tmp_path, "a b / c d / e\n\nKubernetes: The Hard Way\nDate: 2024-01-02\n", "post/b.md"
    )
    assert after_haiku.first_line == Located("Kubernetes: The Hard Way", 3)


def test_a_header_block_with_a_title_suggests_nothing(tmp_path: Path) -> None:
    post = read(tmp_path, "Series: Ops\nTitle: Froze\nDate: 2024-01-02\n\nbody\n")
    assert post.first_line == Located("body", 5)  # not "Series: Ops"
    assert post.first_line_read_as is None
    known = read(tmp_path, "Date: 2024-01-02\nSeries: Ops\n\nThe Old Server\n", "post/b.md")
    assert known.first_line == Located("The Old Server", 4)
    assert known.first_line_read_as is None


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("# The Old Server", "The Old Server"),
        ("## The Old Server ##", "The Old Server"),
        ("   # The Old Server", "The Old Server"),
        ("# C#", "C#"),
        ("#", None),
        ("#hashtag", "#hashtag"),  # not a heading (no space), but a short line
        ("The Old Server", "The Old Server"),
        ("Wait for it...", "Wait for it..."),
        ("Why Now?", "Why Now?"),
        ("This is the first sentence of the post.", None),
        ("- a list item", None),
        ("> a quote", None),
        ("![an image](x.png)", None),
        ("<div>", None),
        ("```python", None),
        ('{{< figure src="x" >}}', None),
        ("x" * 151, None),
        ("", None),
    ],
)
def test_title_in(line: str, title: str | None) -> None:
    assert title_in(line) == title


def test_a_markdown_heading_first_line_is_suggested_without_its_marks(tmp_path: Path) -> None:
    post = read(tmp_path, "# The Old Server\n\nThe fans hum.\n")
    assert post.first_line == Located("The Old Server", 1)


@pytest.mark.parametrize(
    "front",
    ["---\ndate: 2024-01-02\n---\n", "+++\ndate = 2024-01-02\n+++\n", '{"date": "2024-01-02"}\n'],
)
def test_a_body_sentence_after_front_matter_is_not_suggested_as_the_title(
    tmp_path: Path, front: str
) -> None:
    post = read(tmp_path, front + "\nThis is the first body sentence of a post.\n")
    assert post.front_matter_error is None
    assert post.first_line is None
    heading = read(tmp_path, front + "\n# The Old Server\n\nBody.\n", "post/b.md")
    assert heading.first_line == Located("The Old Server", heading.body_line)


# --- a Haiku: header line is the post's haiku ----------------------------------------------


def test_a_pelican_haiku_header_is_the_haiku(tmp_path: Path) -> None:
    post = read(
        tmp_path,
        "Title: A\nDate: 2024-01-02\n"
        "Haiku: the old server hums / a fan spins in the dark hall / nobody looks in\n",
    )
    assert post.haiku == Located(
        "the old server hums / a fan spins in the dark hall / nobody looks in", 3
    )
    continued = read(tmp_path, "Title: A\nHaiku: a b /\n    c d / e\n", "post/b.md")
    assert continued.haiku == Located("a b / c d / e", 2)


# --- JSON front matter on one line ---------------------------------------------------------


def test_json_front_matter_on_one_line(tmp_path: Path) -> None:
    post = read(tmp_path, '{"title": "T", "date": "2024-01-02"}\n\nbody\n')
    assert post.header_style == "json"
    assert post.front_matter_error is None
    assert post.headers == {"title": "T", "date": "2024-01-02"}
    assert post.header_lines == {"title": 1, "date": 1}
    assert post.body_line == 3
    assert post.first_line == Located("body", 3)


def test_json_front_matter_opening_on_the_first_line_and_closing_later(tmp_path: Path) -> None:
    post = read(tmp_path, '{ "title": "T",\n  "date": "2024-01-02" }\n\nApril 24, 2023 - body\n')
    assert post.header_style == "json" and post.front_matter_error is None
    assert post.headers == {"title": "T", "date": "2024-01-02"}
    assert post.body_line == 4
    assert post.dateline is not None and post.dateline.line == 4


def test_json_front_matter_with_the_body_on_its_closing_line(tmp_path: Path) -> None:
    post = read(tmp_path, '{"title": "T"} # The Old Server\n\nBody.\n')
    assert post.headers == {"title": "T"}
    assert post.body_line == 1
    assert post.first_line == Located("The Old Server", 1)


@pytest.mark.parametrize(
    "opening", ['{{< figure src="x" >}}\n', "{% include x.html %}\n", "{not json}\n"]
)
def test_a_body_opening_with_a_brace_is_not_json_front_matter(tmp_path: Path, opening: str) -> None:
    post = read(tmp_path, opening + "\nBody.\n")
    assert post.header_style == "none" and post.front_matter_error is None


def test_broken_json_on_one_line_is_invalid_front_matter(tmp_path: Path) -> None:
    post = read(tmp_path, '{"title": "T",}\n\nbody\n')
    assert post.front_matter_error is not None
    assert post.front_matter_error.text.startswith("invalid JSON front matter: ")
    assert post.front_matter_error.line == 1


keys = st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,12}", fullmatch=True)
values = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30)
blanks = st.text(" \t", max_size=40)


@given(keys, blanks, values, blanks)
def test_header_line_reads_any_key_and_value(key: str, before: str, value: str, after: str) -> None:
    value = value.strip(" \t")
    found = header_line(f"{key}:{before}{value}{after}")
    if before or not value or key.lower() in KNOWN_HEADER_KEYS:
        assert found == (key.lower(), value)
    else:
        assert found is None  # "series:ops": no space after the colon, not a known key


json_headers = st.dictionaries(
    st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True),
    st.text(max_size=20) | st.integers() | st.lists(st.text(max_size=5), max_size=3),
    max_size=5,
)


@given(json_headers, st.booleans())
def test_json_front_matter_on_one_line_or_many_is_read(
    headers: dict[str, object], indented: bool
) -> None:
    front = json.dumps(headers, indent=2 if indented else None)
    found = read_text(front + "\n\nThe Old Server\n")
    assert found.header_style == "json" and found.front_matter_error is None
    assert found.headers == headers
    assert found.body_line == front.count("\n") + 3
    assert found.first_line == Located("The Old Server", found.body_line)


def test_a_pelican_haiku_header_may_continue_over_lines() -> None:
    found = read_text(
        "Title: A\nDate: 2024-01-02\nHaiku: the old server hums\n"
        "    a fan spins in the dark room\n    nobody looks in\n\nBody.\n"
    )
    assert found.haiku is not None
    assert found.haiku.text == (
        "the old server hums / a fan spins in the dark room / nobody looks in"
    )


@pytest.mark.parametrize(
    "content",
    [
        "Kubernetes: The Hard Way\nDate: 2024-01-02\n\nBody.\n",  # first_line_read_as
        "---\ntitle: T\nhaikulint: {ignore: [103]}\n---\n\nBody.\n",  # suppression_problems
        "---\ntitle: T\nhaikulint:\n  ignore: [HK103]\n---\n\na b / c d / e f\n",
        "+++\ntitle = 'T'\ndate = 2024-01-02\n+++\n\nApril 24, 2023 - Today, a post.\n",
    ],
)
def test_a_post_from_its_text_is_the_post_read_from_its_file(tmp_path: Path, content: str) -> None:
    post = read(tmp_path, content)
    assert post_from_text(content, post.path, post.display_path, post.slug) == post


def test_the_functions_imported_late_are_the_modules_own() -> None:
    """A post's read calls the dates, front matter and walk modules through names it
    imports once (``_late``): they are those modules' functions, not copies."""
    from haikulint.blog import dates, discover, frontmatter_loading
    from haikulint.blog import post as post_module

    late = post_module._late()
    assert late.read_front_matter is frontmatter_loading.read_front_matter
    assert late.boundary_of is discover.boundary_of
    assert late.find_dateline is dates.find_dateline
    assert late.DATELINE_LINES == dates.DATELINE_LINES
