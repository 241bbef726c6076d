"""read_post: headers in every style, the haiku line, the first line, the dateline, bad files."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haikulint.blog.discover import PostFile
from haikulint.blog.post import Located, Post, display_path, read_post, read_text
from haikulint.blog.slug import SEPARATOR
from tests.seeds import SEEDS, write_seeds

HAIKU_PATH = "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md"


def read(tmp_path: Path, content: str | bytes, relative: str = HAIKU_PATH) -> Post:
    target = tmp_path / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_bytes(content.encode("utf-8"))
    return read_post(PostFile(target, tmp_path), cwd=tmp_path)


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
    post = read(tmp_path, "Title: Froze\n\n\nDate: 2023-04-24\n\nNote: not a header.\n")
    assert post.headers == {"title": "Froze", "date": "2023-04-24"}
    assert post.first_line == Located("Note: not a header.", 6)


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
    assert post.front_matter_error.line in (4, 5)
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
    assert read_post(PostFile(pipe, tmp_path)).read_error == "not a regular file"


def test_a_file_named_dot_md(tmp_path: Path) -> None:
    post = read(tmp_path, "Title: x\n", "post/.md")
    assert post.read_error is None
    assert post.slug.lines == ("",)
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
