"""The haiku rewrite (haiku-mismatch's fix, ``mv``) and ``mv --alias`` read a post the
way ``check`` reads it: with the config's ``header-lines``.

Under ``header-lines = "top"`` (Pelican's reader) a ``Key: value`` line below the
blank line that ends the first block is body text, not a header: an alias written
there is never read by the generator, and a ``Haiku:`` paragraph there is not the
post's haiku.
"""

from __future__ import annotations

from pathlib import Path

from haikulint.blog.post import read_text
from haikulint.fix.aliases import alias_edits
from haikulint.fix.haiku import haiku_edits
from haikulint.fix.text import apply_edits
from tests.conftest import check_json, run_cli, write_tree

OLD = "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md"
NEW = "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-held-it.md"
HAIKU = "the prod deploy froze / I parsed the pcap for hours / the repo held it"
OLD_HAIKU = "the prod deploy froze / I parsed the pcap for hours / the repo holds it all"
ALIAS = "/" + OLD.removeprefix("post/").removesuffix(".md") + "/"
TOP = 'header-lines = "top"\n'


def _top(root: Path) -> None:
    (root / "haikulint.toml").write_text(TOP, encoding="utf-8")


# --- mv --alias ------------------------------------------------------------------------


PELICAN_WITH_SUMMARY_PARAGRAPH = (
    "Title: T\nDate: 2024-01-01\n\nSummary: what the outage taught us\n\nbody\n"
)


def test_alias_goes_into_the_block_pelican_reads_under_top(in_tmp: Path) -> None:
    write_tree(in_tmp, {OLD: PELICAN_WITH_SUMMARY_PARAGRAPH})
    _top(in_tmp)
    code, _, err = run_cli("mv", OLD, HAIKU, "--alias")
    assert code == 0, err
    after = (in_tmp / NEW).read_text("utf-8")
    assert after == (
        f"Title: T\nDate: 2024-01-01\nAliases: {ALIAS}\n\n"
        "Summary: what the outage taught us\n\nbody\n"
    )
    assert read_text(after, header_lines="top").headers["aliases"] == ALIAS


def test_alias_under_the_default_joins_the_block_across_the_blank_line(in_tmp: Path) -> None:
    # the default reads "Summary:" as a header of the same block (a known key after a blank)
    write_tree(in_tmp, {OLD: PELICAN_WITH_SUMMARY_PARAGRAPH})
    code, _, err = run_cli("mv", OLD, HAIKU, "--alias")
    assert code == 0, err
    assert (in_tmp / NEW).read_text("utf-8") == (
        "Title: T\nDate: 2024-01-01\n\nSummary: what the outage taught us\n"
        f"Aliases: {ALIAS}\n\nbody\n"
    )


SEED_SHAPE = f"\n{OLD_HAIKU}\n\n\nTitle: Learning the Hard Way\n\n\nApril 24, 2023 - Body.\n"


def test_alias_under_top_is_refused_when_the_title_is_not_a_header_there(in_tmp: Path) -> None:
    # Under "top", the seed shape's Title: line (line 5) is body text: an alias written
    # beside it would never be read. check says so (HK201); mv refuses, nothing moves.
    write_tree(in_tmp, {OLD: SEED_SHAPE})
    _top(in_tmp)
    code, _, err = run_cli("mv", OLD, HAIKU, "--alias")
    assert code == 1
    assert err.startswith(f"haikulint: error: {OLD}: cannot record the old address")
    assert "no headers" in err
    assert (in_tmp / OLD).read_text("utf-8") == SEED_SHAPE
    assert not (in_tmp / NEW).exists()


def test_alias_edits_read_with_the_given_header_lines() -> None:
    text = PELICAN_WITH_SUMMARY_PARAGRAPH
    at_top = apply_edits(text, alias_edits(text, "Aliases", "/a/", header_lines="top"))
    assert at_top.splitlines()[2] == "Aliases: /a/"
    default = apply_edits(text, alias_edits(text, "Aliases", "/a/"))
    assert default.splitlines()[4] == "Aliases: /a/"


# --- the haiku rewrite -----------------------------------------------------------------


# Under "top", line 1 is not a header, so the post has no header block: its haiku is the
# first line, and "Haiku:" on line 4 is a paragraph of the body.
HAIKU_LINE_THEN_PARAGRAPHS = f"{OLD_HAIKU}\n\nTitle: T\nHaiku: {OLD_HAIKU}\n\nSome body text.\n"


def test_mv_under_top_rewrites_only_the_haiku_check_reads(in_tmp: Path) -> None:
    write_tree(in_tmp, {OLD: HAIKU_LINE_THEN_PARAGRAPHS})
    _top(in_tmp)
    code, _, err = run_cli("mv", OLD, HAIKU)
    assert code == 0, err
    assert (in_tmp / NEW).read_text("utf-8") == HAIKU_LINE_THEN_PARAGRAPHS.replace(
        OLD_HAIKU, HAIKU, 1
    )


def test_mv_under_the_default_rewrites_the_haiku_header_and_line(in_tmp: Path) -> None:
    write_tree(in_tmp, {OLD: HAIKU_LINE_THEN_PARAGRAPHS})
    code, _, err = run_cli("mv", OLD, HAIKU)
    assert code == 0, err
    assert (in_tmp / NEW).read_text("utf-8") == HAIKU_LINE_THEN_PARAGRAPHS.replace(OLD_HAIKU, HAIKU)


def test_haiku_mismatch_fix_under_top_edits_what_check_reported(in_tmp: Path) -> None:
    wrong = HAIKU_LINE_THEN_PARAGRAPHS.replace(OLD_HAIKU, "a b c / d e f / g h i")
    write_tree(in_tmp, {OLD: wrong})
    _top(in_tmp)
    _, found = check_json("--select", "HK206", "post")
    assert [(item["code"], item["line"]) for item in found] == [("HK206", 1)]
    code, _, err = run_cli(
        "check", "--no-progress", "--fix", "--unsafe-fixes", "--select", "HK206", "post"
    )
    assert code == 0, err
    from_slug = OLD_HAIKU.replace(" I ", " i ")  # spelt from the slug: no line agreed
    assert (in_tmp / OLD).read_text("utf-8") == wrong.replace("a b c / d e f / g h i", from_slug, 1)


def test_haiku_edits_read_with_the_given_header_lines() -> None:
    text = HAIKU_LINE_THEN_PARAGRAPHS
    at_top = apply_edits(text, haiku_edits(text, HAIKU, header_lines="top"))
    assert at_top == text.replace(OLD_HAIKU, HAIKU, 1)
    assert apply_edits(text, haiku_edits(text, HAIKU)) == text.replace(OLD_HAIKU, HAIKU)


# --- mv --alias on a post with no headers ------------------------------------------------


LEGACY = "post/reflections-on-a-turbulent-month-in-tech.md"
LEGACY_TEXT = "Reflections\nNovember 13, 2023. As I sit down.\n"
LEGACY_HAIKU = "a turbulent month / reflections on the tech world / as november ends"
LEGACY_NEW = "post/a-turbulent-month-/-reflections-on-the-tech-world-/-as-november-ends.md"


def test_alias_with_no_headers_says_why_and_what_to_run_and_the_hint_works(
    in_tmp: Path,
) -> None:
    write_tree(in_tmp, {LEGACY: LEGACY_TEXT})
    code, out, err = run_cli("mv", LEGACY, LEGACY_HAIKU, "--alias")
    assert (code, out) == (1, "")
    assert err == (
        f"haikulint: error: {LEGACY}: cannot record the old address (it has no headers); "
        f"nothing was moved: add a title header first (haikulint check --fix --select HK201 "
        f"{LEGACY} writes one when a line reads as the title), or move it without --alias\n"
    )
    assert (in_tmp / LEGACY).read_text("utf-8") == LEGACY_TEXT
    # the hint, followed word for word, then the same mv
    hint = err.split("(haikulint ", 1)[1].split(" writes one", 1)[0].split()
    code, _, fix_err = run_cli(*hint)
    assert code == 0, fix_err
    code, _, err = run_cli("mv", LEGACY, LEGACY_HAIKU, "--alias")
    assert code == 0, err
    assert (in_tmp / LEGACY_NEW).read_text("utf-8") == (
        "Title: Reflections\n"
        "Aliases: /reflections-on-a-turbulent-month-in-tech/\n"
        "November 13, 2023. As I sit down.\n"
    )


def test_alias_with_no_headers_under_top_says_where_headers_are_read(in_tmp: Path) -> None:
    write_tree(in_tmp, {OLD: SEED_SHAPE})
    _top(in_tmp)
    code, _, err = run_cli("mv", OLD, HAIKU, "--alias")
    assert code == 1
    assert (
        '(it has no headers on line 1, and with header-lines = "top" header lines are read '
        "only from the first line of the file down to the first blank line)"
    ) in err
    assert err.count("\n") == 1
    hint = err.split("(haikulint ", 1)[1].split(" writes one", 1)[0].split()
    run_cli(*hint)
    code, _, err = run_cli("mv", OLD, HAIKU, "--alias")
    assert code == 0, err
    moved = (in_tmp / NEW).read_text("utf-8")
    assert read_text(moved, header_lines="top").headers == {
        "title": "Learning the Hard Way",
        "aliases": ALIAS,
    }
