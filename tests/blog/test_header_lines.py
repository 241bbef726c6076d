"""Config ``header-lines``: where a block of ``Key: value`` header lines may start.

``after-haiku`` (the default) reads the seeds' shape (a haiku line, blank lines, then
``Title:``); ``top`` reads header lines as Pelican's Markdown reader (Python-Markdown's
meta extension) does: from the first line, down to the first blank line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from haikulint.blog.post import read_text
from haikulint.config import config_from_table
from haikulint.errors import ConfigError
from tests.conftest import WriteBlog, check_json, run_cli
from tests.seeds import SEEDS

SEED_PATH = "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md"
SEED = SEEDS[SEED_PATH]


def test_the_default_reads_header_lines_below_the_haiku_line() -> None:
    found = read_text(SEED)
    assert found.headers == {"title": "Learning the Hard Way with LLMs and FinOps"}
    assert found.header_lines == {"title": 5}
    assert found.haiku is not None and found.haiku.line == 2


def test_top_reads_no_header_lines_below_a_haiku_line() -> None:
    found = read_text(SEED, header_lines="top")
    assert found.headers == {}
    assert found.header_style == "none"
    assert found.haiku is not None and found.haiku.line == 2
    assert found.body_line == 5


def test_top_reads_a_block_on_line_one_down_to_the_first_blank_line() -> None:
    text = "Title: A Day\nTags: ops\n\nDate: 2024-03-05\n\nhaiku a / haiku b / haiku c\n\nBody.\n"
    top = read_text(text, header_lines="top")
    assert top.headers == {"title": "A Day", "tags": "ops"}
    assert top.body_line == 4
    assert top.haiku is None  # the body starts with "Date:", not with the haiku
    default = read_text(text)
    assert default.headers == {"title": "A Day", "tags": "ops", "date": "2024-03-05"}
    assert default.haiku is not None and default.haiku.line == 6


def test_top_reads_the_haiku_line_below_the_header_block() -> None:
    text = "Title: A Day\nDate: 2024-03-05\n\nhaiku a / haiku b / haiku c\n\nBody.\n"
    found = read_text(text, header_lines="top")
    assert found.headers == {"title": "A Day", "date": "2024-03-05"}
    assert found.haiku is not None and found.haiku.line == 4


def test_top_reads_nothing_after_a_leading_blank_line() -> None:
    assert read_text("\nTitle: A Day\n\nBody.\n", header_lines="top").headers == {}


def test_front_matter_is_read_the_same_either_way() -> None:
    text = "---\ntitle: A Day\n---\n\nBody.\n"
    assert read_text(text, header_lines="top").headers == read_text(text).headers


def test_a_bad_value_is_refused_with_the_choices() -> None:
    with pytest.raises(
        ConfigError, match=r"unknown header-lines 'middle' \(choose from after-haiku, top\)"
    ):
        config_from_table({"header-lines": "middle"}, source=None, base=Path("."))
    assert config_from_table({"header-lines": "top"}, None, Path(".")).header_lines == "top"
    assert config_from_table({}, None, Path(".")).header_lines == "after-haiku"


def _messages(diagnostics: list[dict[str, object]], code: str) -> list[str]:
    return [str(item["message"]) for item in diagnostics if item["code"] == code]


def test_the_seed_shape_passes_by_default_and_is_explained_under_top(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({SEED_PATH: SEED})
    _, diagnostics = check_json("--select", "HK201", "post")
    assert _messages(diagnostics, "HK201") == []
    (in_tmp / "haikulint.toml").write_text('header-lines = "top"\n', encoding="utf-8")
    _, diagnostics = check_json("--select", "HK201", "post")
    (message,) = _messages(diagnostics, "HK201")
    assert message == (
        'no title header: the line "Title: Learning the Hard Way with LLMs and FinOps" '
        '(line 5) is not on line 1, and with header-lines = "top" header lines are read only '
        "from the first line of the file down to the first blank line; move it to the top of "
        "the post, as a header block above the body: Title: Learning the Hard Way with LLMs "
        "and FinOps"
    )


def test_fix_under_top_moves_the_title_to_line_one_and_the_result_passes(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({SEED_PATH: SEED})
    (in_tmp / "haikulint.toml").write_text('header-lines = "top"\n', encoding="utf-8")
    run_cli("check", "--no-progress", "--fix", "--select", "HK201,HK202", "post")
    fixed = (in_tmp / SEED_PATH).read_text(encoding="utf-8")
    assert fixed.startswith(
        "Title: Learning the Hard Way with LLMs and FinOps\nDate: 2023-04-24\n\n"
    )
    assert "the prod deploy froze / I parsed the pcap for hours / the repo holds it all" in fixed
    code, diagnostics = check_json("--select", "HK201,HK202,HK206", "post")
    assert (code, diagnostics) == (0, [])


def test_a_header_line_below_the_blank_line_that_ends_the_block_under_top(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({SEED_PATH: "Title: A Day\n\nDate: 2024-03-05\n\nBody.\n"})
    (in_tmp / "haikulint.toml").write_text('header-lines = "top"\n', encoding="utf-8")
    _, diagnostics = check_json("--select", "HK202", "post")
    (message,) = _messages(diagnostics, "HK202")
    assert "is below the blank line that ends the header block" in message
    assert message.endswith(
        "move it into the header block, after the Title: line (line 1): Date: 2024-03-05"
    )
