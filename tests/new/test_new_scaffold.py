"""Units of ``haikulint.scaffold``: slugs, titles, dates, headers and the create-only write."""

from __future__ import annotations

import errno
import multiprocessing
import os
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from haikulint import scaffold
from haikulint.config import HEADER_FORMATS, Config
from haikulint.scaffold import HaikuRefused, PostExistsError
from tests.new.titles import accepts

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

SLUG_LINE = r"[a-z0-9]+(-[a-z0-9]+)*"


# --- slugs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "slug"),
    [
        ("The Prod Deploy Froze", "the-prod-deploy-froze"),
        ("Don't panic", "dont-panic"),
        ("don’t panic", "dont-panic"),  # curly apostrophe
        ("café au lait", "cafe-au-lait"),
        ("Crème Brûlée", "creme-brulee"),
        ("naïve", "naive"),
        ("Straße", "strasse"),
        ("Æther and Œuvre", "aether-and-oeuvre"),
        ("Søren Łódź", "soren-lodz"),
        ("hello, world!", "hello-world"),
        ("what? (really) yes.", "what-really-yes"),
        ("node.js and c++", "node-js-and-c"),
        ("3.5 hours in 2024", "3-5-hours-in-2024"),
        ("AT&T (the telco)", "at-t-the-telco"),
        ("well-known  --  trick", "well-known-trick"),
        ("a — b – c", "a-b-c"),
        ("snake_case name", "snake-case-name"),
        ("  padded   line  ", "padded-line"),
        ("-leading and trailing-", "leading-and-trailing"),
        ("emoji 🎉 party", "emoji-party"),
        ("emoji🎉party", "emoji-party"),
        ("ﬁne ½ ②", "fine-1-2-2"),  # compatibility forms folded by NFKD
        ("٣ cats", "3-cats"),  # other decimal digits become ASCII digits
        ("5 ㎒", "5-mhz"),
    ],
)
def test_slugify_line(line: str, slug: str) -> None:
    assert scaffold.slugify_line(line) == slug


@pytest.mark.parametrize("line", ["", "   ", "..", ".", "!!!", "---", "'", "🎉", "…"])
def test_a_line_with_nothing_to_slug_is_refused(line: str) -> None:
    with pytest.raises(HaikuRefused, match="no letters or digits"):
        scaffold.slugify_line(line)


@pytest.mark.parametrize(("line", "letter"), [("λόγος", "λ"), ("東京 tower", "東")])
def test_letters_with_no_ascii_spelling_are_refused_by_name(line: str, letter: str) -> None:
    with pytest.raises(HaikuRefused, match=f"'{letter}'.*no ASCII spelling"):
        scaffold.slugify_line(line)


@given(st.text())
def test_slugify_line_gives_a_safe_name_or_a_refusal(text: str) -> None:
    try:
        slug = scaffold.slugify_line(text)
    except HaikuRefused as refusal:
        assert str(refusal)
        return
    import re

    assert re.fullmatch(SLUG_LINE, slug)
    assert slug not in (".", "..")


@given(st.text())
def test_slugs_agree_with_how_check_reads_a_haiku_line(text: str) -> None:
    from haikulint.blog.spelling import slug_words

    try:
        slug = scaffold.slugify_line(text)
    except HaikuRefused:
        return
    assert tuple(slug.split("-")) == slug_words(text)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("a b / c d / e", ["a b", "c d", "e"]),
        ("  a   b /c d/   e  ", ["a b", "c d", "e"]),
        ("a-b-/-c-d-/-e", ["a b", "c d", "e"]),  # slug spelling
        ("well-known / c / e", ["well-known", "c", "e"]),
        ("a/b / c / d", ["a", "b", "c", "d"]),  # `/` inside a line makes another line
    ],
)
def test_split_haiku(text: str, lines: list[str]) -> None:
    assert scaffold.split_haiku(text) == lines


@pytest.mark.parametrize("text", ["a / / c", "a / b /", " / b / c", "", "  "])
def test_an_empty_line_is_refused_not_dropped(text: str) -> None:
    with pytest.raises(HaikuRefused, match="empty"):
        scaffold.split_haiku(text)


def test_haiku_paths_nest_every_line_but_the_last() -> None:
    haiku = scaffold.make_haiku("The cat ran / to the river / Don't stop")
    assert haiku.text == "The cat ran / to the river / Don't stop"
    assert haiku.slug == "the-cat-ran-/-to-the-river-/-dont-stop"
    assert haiku.relative_path() == Path("the-cat-ran-", "-to-the-river-", "-dont-stop.md")


def test_a_name_over_255_bytes_is_refused() -> None:
    fine = Path("a" * 254 + "-", "-b.md")
    scaffold.check_name_lengths(fine)
    with pytest.raises(HaikuRefused, match=r"line 2 is too long.*256 bytes"):
        scaffold.check_name_lengths(Path("a-", "-" + "b" * 252 + ".md"))


# --- titles and dates ------------------------------------------------------------------


@pytest.mark.parametrize("style", HEADER_FORMATS)
@pytest.mark.parametrize(
    "title", ["Plain", "quotes \"and\" 'more': #1", "tab\tinside", "ünïcödé 東京 🎉", "a  b"]
)
def test_check_title_keeps_the_title_as_given(title: str, style: str) -> None:
    assert scaffold.check_title(title, style) == title


@pytest.mark.parametrize("style", ["yaml", "toml"])
@pytest.mark.parametrize(
    "title",
    ["  padded  ", "two\nlines", "tab\tand\u2028separator", "bell\x07", "nul\x00", "\u00a0edge"],
)
def test_front_matter_takes_any_title_with_text_in_it(title: str, style: str) -> None:
    assert scaffold.check_title(title, style) == title


@pytest.mark.parametrize("style", HEADER_FORMATS)
@pytest.mark.parametrize(
    ("title", "reason"),
    [("", "empty"), (" \n ", "empty"), ("\u00a0\u2003\t", "empty"), ("a\ud800", "U\\+D800")],
)
def test_titles_no_style_can_hold_are_refused(title: str, reason: str, style: str) -> None:
    with pytest.raises(scaffold.TitleError, match=reason):
        scaffold.check_title(title, style)


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("two\nlines", r"line break \(U\+000A\)"),
        ("two\r\nlines", r"line break \(U\+000D\)"),
        ("para\u2029graph", r"line break \(U\+2029\)"),
        ("trailing ", "spaces at the start or end"),
        ("\tleading", "spaces at the start or end"),
        ("bell\x07", "control character U\\+0007"),
        ("del\x7f", "control character U\\+007F"),
    ],
)
def test_pelican_refuses_what_one_header_line_cannot_hold(title: str, reason: str) -> None:
    with pytest.raises(scaffold.TitleError, match=reason) as raised:
        scaffold.check_title(title, "pelican")
    assert "--header-style yaml" in str(raised.value)
    assert "\n" not in str(raised.value)


@given(title=st.text(), style=st.sampled_from(HEADER_FORMATS))
def test_any_title_a_style_accepts_reads_back_exactly(title: str, style: str) -> None:
    from haikulint.blog.post import read_text

    try:
        accepted = scaffold.check_title(title, style)
    except scaffold.TitleError:
        assert not accepts(title, style)
        return
    assert accepts(title, style)
    assert accepted == title
    content = scaffold.render_readable_post(title, date(2024, 3, 5), HAIKU, style)
    parts = read_text(content)
    assert parts.header_style == style
    assert parts.headers["title"] == title
    assert parts.haiku is not None and parts.haiku.text == HAIKU.text


def test_parse_date() -> None:
    assert scaffold.parse_date("2024-02-29") == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2023-02-29", "not a real date"),
        ("2024-13-01", "not a real date"),
        ("2024-3-5", "YYYY-MM-DD"),
        ("20240305", "YYYY-MM-DD"),
        ("yesterday", "YYYY-MM-DD"),
        ("2024-03-05T10:00", "YYYY-MM-DD"),
    ],
)
def test_parse_date_refuses(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        scaffold.parse_date(text)


# --- rendering -------------------------------------------------------------------------

HAIKU = scaffold.make_haiku("the cat ran / to the river / dont stop")
AWKWARD_TITLE = "Colons: 'quotes' \"double\" #hash — café ünïcödé ✓ [x] {y} & *z* | > % @ `t`"


def _split_front_matter(text: str, fence: str) -> tuple[str, str]:
    assert text.startswith(fence + "\n")
    header, body = text[len(fence) + 1 :].split("\n" + fence + "\n", 1)
    return header, body


def test_yaml_header_round_trips_through_pyyaml() -> None:
    text = scaffold.render_post(AWKWARD_TITLE, date(2024, 3, 5), HAIKU, "yaml")
    header, body = _split_front_matter(text, "---")
    assert yaml.safe_load(header) == {"title": AWKWARD_TITLE, "date": date(2024, 3, 5)}
    assert list(yaml.safe_load(header)) == ["title", "date"]
    assert body == "\nthe cat ran / to the river / dont stop\n\n"


@pytest.mark.parametrize("title", ["yes", "null", "2024-01-01", "123", "---", "~", "a" * 300])
def test_yaml_titles_that_look_like_other_types_stay_strings(title: str) -> None:
    text = scaffold.render_post(title, date(2024, 3, 5), HAIKU, "yaml")
    header, _ = _split_front_matter(text, "---")
    assert yaml.safe_load(header)["title"] == title
    assert len(header.splitlines()) == 2  # never folded over several lines


def test_toml_header_round_trips_through_tomllib() -> None:
    text = scaffold.render_post(AWKWARD_TITLE, date(2024, 3, 5), HAIKU, "toml")
    header, body = _split_front_matter(text, "+++")
    assert tomllib.loads(header) == {"title": AWKWARD_TITLE, "date": date(2024, 3, 5)}
    assert body == "\nthe cat ran / to the river / dont stop\n\n"


def test_pelican_header_lines() -> None:
    text = scaffold.render_post(AWKWARD_TITLE, date(2024, 3, 5), HAIKU, "pelican")
    assert text == (
        f"Title: {AWKWARD_TITLE}\nDate: 2024-03-05\n\nthe cat ran / to the river / dont stop\n\n"
    )


# --- finding an existing post ----------------------------------------------------------

RELATIVE = Path("the-cat-ran-", "-to-the-river-", "-dont-stop.md")


def existing_post(root: Path, config: Config | None = None) -> Path | None:
    """The post below ``root`` that ``new`` would refuse to write RELATIVE over."""
    return scaffold.read_blog(root, scaffold.foreseen_job(config)).existing_post(RELATIVE)


@pytest.mark.parametrize(
    "existing",
    [
        "the-cat-ran-/-to-the-river-/-dont-stop.md",
        "the-cat-ran-/-to-the-river-/-dont-stop.markdown",
        "the-cat-ran-/-to-the-river-/-Dont-Stop.md",
        "The-Cat-Ran-/-to-the-river-/-dont-stop.md",
        "the-cat-ran_/_to-the-river_/_dont-stop.md",
        "the-cat-ran/to-the-river/dont-stop.markdown",
        "the-cat-ran--/--to-the-river-/-dont-stop.md",
    ],
)
def test_existing_post_under_any_extension_or_case(tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).parent.mkdir(parents=True)
    (tmp_path / existing).write_text("x", encoding="utf-8")
    assert existing_post(tmp_path) == tmp_path / existing


def test_existing_post_ignores_other_posts(tmp_path: Path) -> None:
    for other in (
        "the-cat-ran-/-to-the-river-/-dont-stop-now.md",
        "the-cat-ran-/-to-the-river-/-dont-stop.txt",
        "the-cat-ran-/-dont-stop.md",
        "the-cat-ran-/-to-the-river.md",
        "the-cat-ran-/-to-the-river-/-dont-stop.MD",  # check includes *.md, case and all
        "2024/the-cat-ran-/-to-the-river-/-dont-stop.md",  # a dated post is another post
        "blog/the-cat-ran-/-to-the-river-/-dont-stop.md",  # so is one in a section
        ".drafts/the-cat-ran-/-to-the-river-/-dont-stop.md",  # hidden: check skips it
    ):
        (tmp_path / other).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / other).write_text("x", encoding="utf-8")
    assert existing_post(tmp_path) is None
    assert existing_post(tmp_path / "missing") is None


def test_existing_post_heeds_the_configured_include_and_sections(tmp_path: Path) -> None:
    existing = tmp_path / "the-cat-ran-/-to-the-river-/-dont-stop.txt"
    existing.parent.mkdir(parents=True)
    existing.write_text("x", encoding="utf-8")
    assert existing_post(tmp_path) is None
    with_txt = Config(include=("*.md", "*.txt"))
    assert existing_post(tmp_path, with_txt) == existing
    ignored = Config(base=tmp_path, include=("*.md", "*.txt"), exclude=("*.txt",))
    assert existing_post(tmp_path, ignored) is None


# --- the create-only write -------------------------------------------------------------


def test_create_post_makes_folders_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / RELATIVE
    scaffold.create_post(target, "content\n")
    assert target.read_text(encoding="utf-8") == "content\n"
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_create_post_gives_normal_permissions(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        scaffold.create_post(tmp_path / "post.md", "x")
    finally:
        os.umask(old_umask)
    assert (tmp_path / "post.md").stat().st_mode & 0o777 == 0o644


def test_create_post_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "post.md"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(PostExistsError) as raised:
        scaffold.create_post(target, "theirs")
    assert raised.value.path == target
    assert target.read_text(encoding="utf-8") == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]


def test_create_post_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(source: object, target: object, **where: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / RELATIVE
    scaffold.create_post(target, "content\n")
    assert target.read_text(encoding="utf-8") == "content\n"
    with pytest.raises(PostExistsError):
        scaffold.create_post(target, "other\n")
    assert target.read_text(encoding="utf-8") == "content\n"
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_a_failed_write_removes_the_folders_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_disk(source: object, target: object, **where: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "link", broken_disk)
    (tmp_path / "the-cat-ran-").mkdir()
    with pytest.raises(OSError, match="Input/output"):
        scaffold.create_post(tmp_path / RELATIVE, "content\n")
    assert [p.name for p in tmp_path.iterdir()] == ["the-cat-ran-"]  # it was there before
    assert list((tmp_path / "the-cat-ran-").iterdir()) == []


def test_concurrent_threads_one_wins(tmp_path: Path) -> None:
    target = tmp_path / RELATIVE
    barrier = threading.Barrier(8)
    outcomes: dict[int, str] = {}

    def attempt(number: int) -> None:
        barrier.wait()
        try:
            scaffold.create_post(target, f"writer {number}\n")
            outcomes[number] = "won"
        except PostExistsError:
            outcomes[number] = "exists"

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [number for number, outcome in outcomes.items() if outcome == "won"]
    assert len(outcomes) == 8
    assert len(winners) == 1
    assert target.read_text(encoding="utf-8") == f"writer {winners[0]}\n"
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def _create_in_process(target: str, number: int, barrier: object, results: object) -> None:
    barrier.wait()  # type: ignore[attr-defined]
    try:
        scaffold.create_post(Path(target), f"writer {number}\n")
        results.put((number, "won"))  # type: ignore[attr-defined]
    except PostExistsError:
        results.put((number, "exists"))  # type: ignore[attr-defined]


@pytest.mark.skipif(sys.platform == "win32", reason="fork start method")
def test_concurrent_processes_one_wins(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    target = tmp_path / RELATIVE
    barrier = context.Barrier(4)
    results = context.Queue()
    processes = [
        context.Process(target=_create_in_process, args=(str(target), n, barrier, results))
        for n in range(4)
    ]
    for process in processes:
        process.start()
    outcomes = dict(results.get(timeout=60) for _ in processes)
    for process in processes:
        process.join()
    winners = [number for number, outcome in outcomes.items() if outcome == "won"]
    assert sorted(outcomes.values()) == ["exists", "exists", "exists", "won"]
    assert target.read_text(encoding="utf-8") == f"writer {winners[0]}\n"
    assert [p.name for p in target.parent.iterdir()] == [target.name]
