"""What ``haikulint new`` writes reads back the same, and passes ``haikulint check``."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haikulint import scaffold
from haikulint.blog.discover import PostFile
from haikulint.blog.post import Post, read_post
from haikulint.config import HEADER_FORMATS
from haikulint.prosody.count import SyllableCounter
from tests.conftest import check_json, run_cli
from tests.new.titles import accepts

# Words with one unambiguous count in the CMU dictionary (and the engine: checked below).
WORD_LIST = """
1 cat dog run blue red sun moon tree bird rain snow wind code bug ship test green old cold fox I the
2 apple river paper water garden window coffee silver yellow morning
3 banana computer
"""
WORDS = {int(count): tuple(words) for count, *words in map(str.split, WORD_LIST.split("\n")[1:-1])}
DECORATIONS = ("", "", "", ",", ".", "!", "?", ";", ":", "…", " —")
TITLES_THAT_BREAK_NAIVE_WRITERS = [
    'Colons: a "quoted" title',
    "it's 'single' quoted",
    "# not a comment",
    "- not a list",
    "title: inside a title",
    "[not, a, list]",
    "{not: a map}",
    "yes",
    "null",
    "2024-03-05",
    "&anchor *alias !tag",
    "ünïcödé ✓ 東京 🎉",
    "trailing backslash \\",
    "+++",
    "---",
    "'",
    '"',
    "%percent @at `tick` | pipe > gt",
    "tab\there",
]
TITLES_ONLY_FRONT_MATTER_HOLDS = [
    "  Two\u00a0words\n\tsecond line  ",
    " leading space",
    "trailing space ",
    "two\nlines",
    "a\n---\nb",
    "a\n+++\nb",
    "line\u2028separator",
    "carriage\r\nreturn",
    "bell\x07 and nul\x00",
    "\u00a0no-break edges\u00a0",
]


def test_the_word_list_has_the_counts_it_claims() -> None:
    counter = SyllableCounter()
    for count, words in WORDS.items():
        for word in words:
            reading = counter.word(word)
            assert (reading.readings, reading.known) == ((count,), True), word


@st.composite
def haiku_lines(draw: st.DrawFn, form: tuple[int, ...] = (5, 7, 5)) -> list[str]:
    """Lines with exactly the form's counts, with random capitals and punctuation."""
    lines = []
    for target in form:
        words: list[str] = []
        remaining = target
        while remaining:
            size = draw(st.sampled_from([n for n in WORDS if n <= remaining]))
            word = draw(st.sampled_from(WORDS[size]))
            if draw(st.booleans()):
                word = word.capitalize()
            decoration = draw(st.sampled_from(DECORATIONS))
            words.append(word + decoration)
            remaining -= size
        lines.append(" ".join(words))
    return lines


def fresh_root(folder: Path) -> Path:
    """A new blog root below ``folder`` (relative to it), named as one word: a section."""
    root = Path(f"blog{uuid.uuid4().hex}")
    (folder / root).mkdir()
    return root


def read_back(root: Path, printed: str) -> Post:
    path = (Path.cwd() / printed.strip()).resolve()
    return read_post(PostFile(path=path, root=root.resolve()))


def assert_round_trip(root: Path, printed: str, lines: list[str], title: str) -> Post:
    post = read_back(root, printed)
    assert post.read_error is None and post.front_matter_error is None
    assert post.headers["title"] == title  # exactly as given
    as_written = " / ".join(" ".join(line.split()).strip(" —") for line in lines)
    in_slug_words = post.slug.haiku
    assert post.haiku is not None
    if re.match(r"[A-Za-z][\w-]*:", lines[0]):  # would read as a `Key: value` header
        assert post.haiku.text == in_slug_words
    else:
        assert post.haiku.text == as_written
    assert post.slug.lines == tuple(scaffold.slugify_line(line) for line in lines)
    assert post.slug.separators == ("-/-",) * (len(lines) - 1)
    return post


@pytest.mark.parametrize("style", HEADER_FORMATS)
@pytest.mark.parametrize("title", TITLES_THAT_BREAK_NAIVE_WRITERS)
def test_awkward_titles_read_back_unchanged(in_tmp: Path, style: str, title: str) -> None:
    lines = ["the cat ran away", "I sat by the river bank", "the old dog came home"]
    code, out, err = run_cli("new", " / ".join(lines), "--title", title, "--header-style", style)
    assert (code, err) == (0, "")
    post = assert_round_trip(in_tmp, out, lines, title)
    assert post.header_style == style
    assert check_json(".") == (0, [])


@pytest.mark.parametrize("style", HEADER_FORMATS)
@pytest.mark.parametrize("title", TITLES_ONLY_FRONT_MATTER_HOLDS)
def test_titles_with_line_breaks_and_edge_spaces(in_tmp: Path, style: str, title: str) -> None:
    lines = ["the cat ran away", "I sat by the river bank", "the old dog came home"]
    code, out, err = run_cli("new", " / ".join(lines), "--title", title, "--header-style", style)
    if style == "pelican":
        assert (code, out) == (2, "")
        assert err.startswith("haikulint: error: --title: a Pelican header line cannot ")
        assert "--header-style yaml" in err and err.count("\n") == 1
        assert list(in_tmp.iterdir()) == []
        return
    assert (code, err) == (0, "")
    post = assert_round_trip(in_tmp, out, lines, title)
    assert post.header_style == style
    assert check_json(".") == (0, [])


@pytest.mark.parametrize("style", HEADER_FORMATS)
def test_the_new_post_passes_check(in_tmp: Path, style: str) -> None:
    haiku = "Don’t stop, the café! / we ran to the river bank / naïve blue apple?"
    code, _, _ = run_cli("new", haiku, "--title", "Colons: 'q' #h", "--header-style", style)
    assert code == 0
    assert check_json(".") == (0, [])


def test_a_forced_post_fails_check_as_new_said(in_tmp: Path) -> None:
    haiku = "the cat ran away / I sat by the river bank / the old brown dog came home"
    run_cli("new", haiku, "--title", "t", "--force")
    code, diagnostics = check_json(".")
    assert code == 1
    assert [d["name"] for d in diagnostics] == ["slug-syllables"]


def test_letters_spelled_out_pass_check(in_tmp: Path) -> None:
    (in_tmp / "haikulint.toml").write_text("[words]\nstrasse = 2\nsoren = 2\n", encoding="utf-8")
    code, _, _ = run_cli(
        "new",
        "Straße by Søren / I sat by the river bank / the old dog came home",
        "--title",
        "t",
    )
    assert code == 0
    assert check_json(".") == (0, [])


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lines=haiku_lines(), title=st.text(), style=st.sampled_from(HEADER_FORMATS))
def test_any_valid_haiku_and_title_round_trip_and_pass_check(
    in_tmp: Path, lines: list[str], title: str, style: str
) -> None:
    root = fresh_root(in_tmp)
    assert_title_verdict(root, lines, title, style)


def assert_title_verdict(root: Path, lines: list[str], title: str, style: str) -> None:
    """``new`` writes the haiku with this title under ``root``: refused by design (exit 2,
    one line, nothing written), or exactly round-tripped."""
    code, out, err = run_cli(
        "new",
        " / ".join(lines),
        f"--title={title}",
        f"--header-style={style}",
        f"--root={root}",
        "--date=2024-03-05",
    )
    if not accepts(title, style):
        assert (code, out) == (2, "")
        assert err.startswith("haikulint: error: --title: ") and err.count("\n") == 1
        if not title.strip():
            assert err == "haikulint: error: --title: the title is empty\n"
        else:
            assert "--header-style yaml" in err
        assert list(root.iterdir()) == []
        return
    assert (code, err) == (0, "")
    assert_round_trip(root, out, lines, title)
    assert check_json("--root", str(root), str(root)) == (0, [])


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=st.text(), style=st.sampled_from(HEADER_FORMATS))
def test_any_title_round_trips_exactly_and_passes_check(
    in_tmp: Path, title: str, style: str
) -> None:
    """Titles of any text: the haiku is fixed, so the examples all go to the title."""
    root = fresh_root(in_tmp)
    lines = ["the cat ran away", "I sat by the river bank", "the old dog came home"]
    assert_title_verdict(root, lines, title, style)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lines=haiku_lines(form=(5, 7, 5, 7, 7)))
def test_a_configured_form_round_trips(in_tmp: Path, lines: list[str]) -> None:
    root = fresh_root(in_tmp)
    config = in_tmp / "haikulint.toml"
    config.write_text("form = [5, 7, 5, 7, 7]\n", encoding="utf-8")
    code, out, err = run_cli("new", " / ".join(lines), "--title", "Tanka", "--root", str(root))
    assert (code, err) == (0, "")
    assert_round_trip(root, out, lines, "Tanka")
    assert check_json("--root", str(root), str(root)) == (0, [])
