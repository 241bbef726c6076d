"""``haikulint new`` through the command line, as a writer runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from haikulint.commands import new as new_command
from tests.conftest import run_cli

GOOD = "the cat ran away / I sat by the river bank / the old dog came home"
GOOD_PATH = "posts/the-cat-ran-away-/-i-sat-by-the-river-bank-/-the-old-dog-came-home.md"
GOOD_SLUG = "the-cat-ran-away-/-i-sat-by-the-river-bank-/-the-old-dog-came-home"
FIVE_SEVEN_SIX = "the cat ran away / I sat by the river bank / the old brown dog came home"


@pytest.fixture
def blog(in_tmp: Path) -> Path:
    """A working folder with an empty ``posts/``, the default root."""
    (in_tmp / "posts").mkdir()
    return in_tmp


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``new`` believe a person is at the keyboard."""
    monkeypatch.setattr(new_command, "is_interactive", lambda: True)


def files_under(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))


def test_writes_the_post_and_prints_its_path(blog: Path) -> None:
    code, out, err = run_cli("new", GOOD, "--title", "A Walk", "--date", "2024-03-05")
    assert (code, out, err) == (0, GOOD_PATH + "\n", "")
    assert (blog / GOOD_PATH).read_text(encoding="utf-8") == (
        f"---\ntitle: A Walk\ndate: 2024-03-05\n---\n\n{GOOD}\n\n"
    )


def test_the_date_defaults_to_today(blog: Path) -> None:
    code, _, _ = run_cli("new", GOOD, "--title", "A Walk")
    assert code == 0
    assert f"date: {date.today().isoformat()}\n" in (blog / GOOD_PATH).read_text("utf-8")


def test_a_five_seven_six_haiku_is_refused_with_the_table(blog: Path) -> None:
    code, out, err = run_cli("new", FIVE_SEVEN_SIX, "--title", "A Walk")
    assert code == 1
    assert out == ""
    assert files_under(blog) == ["posts"]
    lines = err.splitlines()
    assert lines[0].split() == ["line", "words", "count", "expected", "verdict"]
    assert lines[1].split()[0] == "1" and lines[1].split()[-1] == "ok"
    assert lines[3].split()[0] == "3"
    assert "brown(1)" in lines[3]
    assert lines[3].split()[-5:] == ["6", "5", "1", "too", "many"]
    assert (
        'haikulint: error: line 3 "the old brown dog came home" has 6 syllables, '
        "expected 5 (1 too many)"
    ) in err
    assert "nothing was written" in err


def test_too_few_syllables_says_how_many_are_missing(blog: Path) -> None:
    code, _, err = run_cli(
        "new", "the cat / I sat by the river bank / the old dog came home", "--title", "t"
    )
    assert code == 1
    assert 'line 1 "the cat" has 2 syllables, expected 5 (3 too few)' in err


def test_force_writes_and_shows_the_problems_as_warnings(blog: Path) -> None:
    code, out, err = run_cli("new", FIVE_SEVEN_SIX, "--title", "A Walk", "--force")
    assert code == 0
    path = "posts/the-cat-ran-away-/-i-sat-by-the-river-bank-/-the-old-brown-dog-came-home.md"
    assert out == path + "\n"
    assert (blog / path).is_file()
    assert "haikulint: warning: line 3" in err and "writing anyway (--force)" in err
    assert "haikulint: error" not in err


def test_unknown_words_are_warnings_either_way(blog: Path) -> None:
    haiku = "the cat ran away / I sat by the river bank / the old dog zorbix"
    code, _, err = run_cli("new", haiku, "--title", "t", "--force")
    assert code == 0
    assert "haikulint: warning: line 3: 'zorbix' is in no dictionary" in err


@pytest.mark.parametrize(
    ("config_file", "config", "words_table", "hint"),
    [
        (None, "", "[words]\n", "in haikulint.toml: [words] zorbix = N"),
        ("haikulint.toml", "", "[words]\n", "in haikulint.toml: [words] zorbix = N"),
        (".haikulint.toml", "", "[words]\n", "in .haikulint.toml: [words] zorbix = N"),
        (
            "pyproject.toml",
            "[tool.haikulint]\n",
            "[tool.haikulint.words]\n",
            "in pyproject.toml: [tool.haikulint.words] zorbix = N",
        ),
    ],
)
def test_the_unknown_word_hint_is_written_for_the_config_file(
    blog: Path, config_file: str | None, config: str, words_table: str, hint: str
) -> None:
    if config_file is not None:
        (blog / config_file).write_text(config, encoding="utf-8")
    haiku = "the cat ran away / I sat by the river bank / the old dog zorbix"
    code, _, err = run_cli("new", haiku, "--title", "t", "--dry-run")
    assert code == 0
    assert err == (
        "haikulint: warning: line 3: 'zorbix' is in no dictionary; counted as 2 "
        f"(an estimate: if that is wrong, set it {hint})\n"
    )
    # The advice, followed, is a config that works.
    config_path = blog / (config_file or "haikulint.toml")
    config_path.write_text(config + words_table + "zorbix = 2\n", encoding="utf-8")
    assert run_cli("new", haiku, "--title", "t", "--dry-run")[::2] == (0, "")


def test_user_words_from_config_are_used(blog: Path) -> None:
    (blog / "haikulint.toml").write_text("[words]\nzorbix = 2\n", encoding="utf-8")
    haiku = "the cat ran away / I sat by the river bank / the old dog zorbix"
    code, _, err = run_cli("new", haiku, "--title", "t")
    assert (code, err) == (0, "")


def test_the_configured_form_is_used(blog: Path) -> None:
    (blog / "haikulint.toml").write_text("form = [2, 2]\n", encoding="utf-8")
    code, out, _ = run_cli("new", "red fox / blue sky", "--title", "t")
    assert (code, out) == (0, "posts/red-fox-/-blue-sky.md\n")
    code, _, err = run_cli("new", "red fox / blue sky / old cat", "--title", "t")
    assert code == 1
    assert "the haiku has 3 lines; the form 2-2 has 2" in err


def test_an_existing_post_is_left_untouched(blog: Path) -> None:
    target = blog / GOOD_PATH
    target.parent.mkdir(parents=True)
    target.write_text("my words\n", encoding="utf-8")
    os.utime(target, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    code, out, err = run_cli("new", GOOD, "--title", "Another")
    assert (code, out) == (1, "")
    assert (
        err == f"haikulint: error: {GOOD_PATH}: a post with this slug already exists; "
        "nothing was written\n"
    )
    assert target.read_text(encoding="utf-8") == "my words\n"
    assert target.stat().st_mtime_ns == 1_000_000_000_000_000_000


@pytest.mark.parametrize(
    "existing",
    [GOOD_PATH.replace(".md", ".markdown"), GOOD_PATH.replace("the-old-dog", "The-Old-Dog")],
)
def test_the_same_slug_under_another_extension_or_case_counts(blog: Path, existing: str) -> None:
    (blog / existing).parent.mkdir(parents=True)
    (blog / existing).write_text("mine\n", encoding="utf-8")
    code, _, err = run_cli("new", GOOD, "--title", "Another")
    assert code == 1
    assert f"{existing}: a post with this slug already exists" in err
    assert not (blog / GOOD_PATH).exists() or existing.lower() == GOOD_PATH.lower()


def test_concurrent_runs_of_the_same_haiku_one_wins(blog: Path) -> None:
    command = [sys.executable, "-m", "haikulint", "new", GOOD, "--title"]
    runs = [
        subprocess.Popen(
            [*command, f"writer {n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=blog,
        )
        for n in range(4)
    ]
    results = [(run.wait(), *run.communicate()) for run in runs]
    assert sorted(code for code, _, _ in results) == [0, 1, 1, 1]
    for code, out, err in results:
        if code == 0:
            assert out == GOOD_PATH + "\n"
        else:
            assert err.startswith("haikulint: error: ") and "already exists" in err
            assert "Traceback" not in err
    title = (blog / GOOD_PATH).read_text(encoding="utf-8").splitlines()[1]
    assert title.startswith("title: writer ")
    assert files_under(blog / "posts" / "the-cat-ran-away-" / "-i-sat-by-the-river-bank-") == [
        "-the-old-dog-came-home.md"
    ]


@pytest.mark.parametrize(
    "haiku",
    [
        "the cat ran away / .. / the old dog came home",
        "../../../etc / I sat by the river bank / the old dog came home",
        ". / . / .",
        "the cat ran away / !!! / the old dog came home",
    ],
)
def test_lines_with_nothing_to_slug_are_refused(blog: Path, haiku: str) -> None:
    code, out, err = run_cli("new", haiku, "--title", "t", "--force")
    assert (code, out) == (1, "")
    assert err.startswith("haikulint: error: ") and "no letters or digits" in err
    assert files_under(blog) == ["posts"]


def test_a_slash_inside_a_line_makes_too_many_lines(blog: Path) -> None:
    haiku = "the cat ran/away / I sat by the river bank / the old dog came home"
    code, _, err = run_cli("new", haiku, "--title", "t")
    assert code == 1
    assert "the haiku has 4 lines; the form 5-7-5 has 3" in err
    assert files_under(blog) == ["posts"]


def test_whatever_is_typed_the_post_stays_inside_the_root(blog: Path) -> None:
    haiku = "the cat/.. ran away ~ / dog."
    code, out, _ = run_cli("new", haiku, "--title", "t", "--force")
    assert code == 0
    written = (blog / out.strip()).resolve()
    assert written.is_relative_to((blog / "posts").resolve())
    assert out.strip() == "posts/the-cat-/-ran-away-/-dog.md"


def test_an_empty_line_is_refused(blog: Path) -> None:
    code, _, err = run_cli("new", "the cat ran away /  / the old dog came home", "--title", "t")
    assert (code, err) == (
        1,
        "haikulint: error: line 2 of 'the cat ran away /  / the old dog came home' is empty\n",
    )


def test_punctuation_and_accents(blog: Path) -> None:
    haiku = "Don’t stop, the café! / we ran to the river bank / naïve blue apple?"
    code, out, err = run_cli("new", haiku, "--title", "t", "--output-format", "json")
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["slug"] == "dont-stop-the-cafe-/-we-ran-to-the-river-bank-/-naive-blue-apple"
    body = (blog / result["path"]).read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body == f"\n{haiku}\n\n"  # the haiku as typed


def test_letters_with_no_ascii_spelling_are_refused(blog: Path) -> None:
    code, _, err = run_cli(
        "new", "the cat ran away / I sat by the river bank / 東京 tower", "--title", "t", "--force"
    )
    assert code == 1
    assert "'東' (cjk unified ideograph-6771) has no ASCII spelling" in err


def test_a_long_line_is_refused_when_its_name_is_too_long(blog: Path) -> None:
    long_word = "a" * 260
    (blog / "haikulint.toml").write_text(f"[words]\n{long_word} = 5\n", encoding="utf-8")
    code, out, err = run_cli(
        "new", f"{long_word} / I sat by the river bank / the old dog came home", "--title", "t"
    )
    assert (code, out) == (1, "")
    assert (
        err == "haikulint: error: line 1 is too long for a file name: 261 bytes on disk, "
        "at most 255; shorten it\n"
    )
    assert files_under(blog) == ["haikulint.toml", "posts"]


def test_a_long_line_that_fits_the_file_system_is_written(blog: Path) -> None:
    long_word = "b" * 250
    (blog / "haikulint.toml").write_text(f"[words]\n{long_word} = 5\n", encoding="utf-8")
    code, out, _ = run_cli(
        "new", f"the cat ran away / I sat by the river bank / {long_word}", "--title", "t"
    )
    assert code == 0
    assert Path(out.strip()).name == f"-{long_word}.md"


@pytest.mark.parametrize(
    ("style", "header"),
    [
        ("yaml", "---\ntitle: 'Colons: \"quotes\" #1'\ndate: 2024-03-05\n---\n"),
        ("toml", '+++\ntitle = "Colons: \\"quotes\\" #1"\ndate = 2024-03-05\n+++\n'),
        ("pelican", 'Title: Colons: "quotes" #1\nDate: 2024-03-05\n'),
    ],
)
def test_each_header_style(blog: Path, style: str, header: str) -> None:
    code, _, _ = run_cli(
        "new",
        GOOD,
        "--title",
        'Colons: "quotes" #1',
        "--date",
        "2024-03-05",
        "--header-style",
        style,
    )
    assert code == 0
    assert (blog / GOOD_PATH).read_text(encoding="utf-8") == f"{header}\n{GOOD}\n\n"


def test_the_header_style_comes_from_config(blog: Path) -> None:
    (blog / "haikulint.toml").write_text('header-style = "pelican"\n', encoding="utf-8")
    code, _, err = run_cli("new", GOOD, "--title", "t", "--date", "2024-03-05")
    assert (code, err) == (0, "")
    assert (blog / GOOD_PATH).read_text(encoding="utf-8").startswith("Title: t\nDate: 2024")


def test_the_old_header_format_key_is_still_read_with_a_note(blog: Path) -> None:
    (blog / "haikulint.toml").write_text('header-format = "toml"\n', encoding="utf-8")
    code, out, err = run_cli("new", GOOD, "--title", "t", "--dry-run")
    assert code == 0 and out.splitlines()[1] == "+++"
    assert err.endswith(
        "haikulint.toml: 'header-format' is now called 'header-style'; "
        "rename it (the old name is still read)\n"
    )
    assert err.startswith("haikulint: note: ") and err.count("\n") == 1
    (blog / "haikulint.toml").write_text(
        'header-format = "toml"\nheader-style = "yaml"\n', encoding="utf-8"
    )
    code, _, err = run_cli("new", GOOD, "--title", "t", "--dry-run")
    assert code == 2 and "keep only one" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--header-style", "json"],
            "unknown --header-style 'json' (choose from yaml, toml, pelican)",
        ),
        (["--output-format", "yaml"], "unknown --output-format 'yaml' (choose from text, json)"),
        (["--format", "xml"], "unknown --format 'xml' (choose from text, json)"),
    ],
)
def test_every_bad_choice_is_worded_the_same(blog: Path, args: list[str], message: str) -> None:
    code, out, err = run_cli("new", GOOD, "--title", "t", *args)
    assert (code, out, err) == (2, "", f"haikulint: error: {message}\n")


def test_format_means_the_output_format_as_in_every_command(blog: Path) -> None:
    code, out, err = run_cli("new", GOOD, "--title", "t", "--dry-run", "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["path"] == GOOD_PATH
    # A header style there is the old spelling: still honoured, with a note.
    code, out, err = run_cli("new", GOOD, "--title", "t", "--dry-run", "--format", "pelican")
    assert code == 0 and out.splitlines()[1] == "Title: t"
    assert err == (
        "haikulint: note: --format pelican is now --header-style pelican "
        "(--format is the output format, as in every command)\n"
    )


def test_no_terminal_and_no_title_is_a_usage_error(blog: Path) -> None:
    code, out, err = run_cli("new", GOOD)
    assert (code, out) == (2, "")
    assert (
        err == "haikulint: error: no --title given and no terminal to ask for one; "
        "pass --title TEXT\n"
    )
    assert files_under(blog) == ["posts"]


def test_no_terminal_and_no_haiku_is_a_usage_error(blog: Path) -> None:
    code, _, err = run_cli("new", "--title", "t")
    assert (code, err) == (
        2,
        "haikulint: error: no haiku given and no terminal to ask for one; pass HAIKU\n",
    )


@pytest.mark.parametrize("title", ["", "  \n "])
def test_an_empty_title_is_a_usage_error(blog: Path, title: str) -> None:
    code, _, err = run_cli("new", GOOD, "--title", title)
    assert (code, err) == (2, "haikulint: error: --title: the title is empty\n")


def test_dry_run_prints_path_and_content_and_writes_nothing(blog: Path) -> None:
    code, out, err = run_cli("new", GOOD, "--title", "t", "--date", "2024-03-05", "--dry-run")
    assert (code, err) == (0, "")
    assert out == f"{GOOD_PATH}\n---\ntitle: t\ndate: 2024-03-05\n---\n\n{GOOD}\n\n"
    assert files_under(blog) == ["posts"]


def test_dry_run_of_a_refused_haiku_shows_the_plan_and_why(blog: Path) -> None:
    code, out, err = run_cli(
        "new", FIVE_SEVEN_SIX, "--title", "t", "--date", "2024-03-05", "--dry-run"
    )
    path = "posts/the-cat-ran-away-/-i-sat-by-the-river-bank-/-the-old-brown-dog-came-home.md"
    assert code == 1
    assert out == f"{path}\n---\ntitle: t\ndate: 2024-03-05\n---\n\n{FIVE_SEVEN_SIX}\n\n"
    assert (
        'haikulint: error: line 3 "the old brown dog came home" has 6 syllables, '
        "expected 5 (1 too many)"
    ) in err
    assert "haikulint: error: nothing was written" in err
    assert files_under(blog) == ["posts"]


def test_dry_run_json(blog: Path) -> None:
    code, out, _ = run_cli(
        "new", GOOD, "--title", "t", "--date", "2024-03-05", "--dry-run", "--output-format", "json"
    )
    assert code == 0
    assert json.loads(out) == {
        "path": GOOD_PATH,
        "slug": GOOD_SLUG,
        "content": f"---\ntitle: t\ndate: 2024-03-05\n---\n\n{GOOD}\n\n",
    }
    assert files_under(blog) == ["posts"]


def test_json_output(blog: Path) -> None:
    code, out, err = run_cli("new", GOOD, "--title", "t", "--output-format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"path": GOOD_PATH, "slug": GOOD_SLUG}


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2023-02-30", "is not a real date"),
        ("yesterday", "is not written YYYY-MM-DD"),
        ("2024-3-5", "is not written YYYY-MM-DD"),
    ],
)
def test_an_invalid_date_is_a_usage_error(blog: Path, value: str, reason: str) -> None:
    code, _, err = run_cli("new", GOOD, "--title", "t", "--date", value)
    assert (code, err) == (2, f"haikulint: error: --date: date {value!r} {reason}\n")
    assert files_under(blog) == ["posts"]


def test_a_slug_spelling_is_accepted(blog: Path) -> None:
    code, out, _ = run_cli("new", GOOD_SLUG, "--title", "t", "--date", "2024-03-05")
    assert (code, out) == (0, GOOD_PATH + "\n")
    assert (
        (blog / GOOD_PATH).read_text(encoding="utf-8").endswith(f"\n\n{GOOD.replace('I', 'i')}\n\n")
    )


# --- the root --------------------------------------------------------------------------


def test_the_root_is_the_working_folder_without_posts(in_tmp: Path) -> None:
    code, out, _ = run_cli("new", GOOD, "--title", "t")
    assert (code, out) == (0, GOOD_PATH.removeprefix("posts/") + "\n")


def test_the_root_option_and_the_configured_root(in_tmp: Path) -> None:
    (in_tmp / "blog" / "content").mkdir(parents=True)
    (in_tmp / "blog" / "haikulint.toml").write_text('root = "content"\n', encoding="utf-8")
    code, out, _ = run_cli("new", GOOD, "--title", "t", "--root", "blog")
    assert (code, out) == (0, "blog/" + GOOD_PATH.removeprefix("posts/") + "\n")
    code, out, _ = run_cli(
        "new", GOOD, "--title", "t", "--config", "blog/haikulint.toml", "--dry-run"
    )
    assert (code, out.splitlines()[0]) == (0, "blog/content/" + GOOD_PATH.removeprefix("posts/"))


def test_a_missing_root_given_explicitly_is_created_and_said_so(in_tmp: Path) -> None:
    post = "blog/posts/" + GOOD_PATH.removeprefix("posts/")
    code, out, err = run_cli("new", GOOD, "--title", "t", "--root", "blog/posts", "--dry-run")
    assert (code, out.splitlines()[0]) == (0, post)
    assert err == "haikulint: would create the posts root blog/posts/\n"
    assert files_under(in_tmp) == []
    code, out, err = run_cli("new", GOOD, "--title", "t", "--root", "blog/posts")
    assert (code, out) == (0, post + "\n")
    assert err == "haikulint: created the posts root blog/posts/ (it did not exist)\n"
    assert (in_tmp / post).is_file()


def test_a_missing_configured_root_is_created_too(in_tmp: Path) -> None:
    (in_tmp / "haikulint.toml").write_text('root = "content/posts"\n', encoding="utf-8")
    code, out, err = run_cli("new", GOOD, "--title", "t")
    assert (code, out) == (0, "content/" + GOOD_PATH + "\n")
    assert err == "haikulint: created the posts root content/posts/ (it did not exist)\n"


def test_a_refused_haiku_does_not_create_the_root(in_tmp: Path) -> None:
    code, _, _ = run_cli("new", FIVE_SEVEN_SIX, "--title", "t", "--root", "posts")
    assert code == 1 and files_under(in_tmp) == []


def test_a_root_that_is_a_file_is_a_usage_error(in_tmp: Path) -> None:
    (in_tmp / "posts").write_text("not a folder\n", encoding="utf-8")
    code, _, err = run_cli("new", GOOD, "--title", "t", "--root", "posts")
    assert (code, err) == (2, "haikulint: error: posts: the posts root is not a folder\n")


def test_a_missing_root_is_never_made_through_a_link_that_leads_away(in_tmp: Path) -> None:
    outside = in_tmp.parent / f"{in_tmp.name}-elsewhere"
    (in_tmp / "away").symlink_to(outside)
    code, out, err = run_cli("new", GOOD, "--title", "t", "--root", "away/posts")
    assert (code, out) == (1, "")
    assert err.startswith("haikulint: error: away/posts: cannot make the posts root (")
    assert err.endswith("; nothing was written\n") and err.count("\n") == 1
    assert not outside.exists()


# --- the terminal ----------------------------------------------------------------------


def test_interactive_asks_each_line_until_it_fits(blog: Path, terminal: None) -> None:
    answers = [
        "the cat ran away",
        "I sat by the river",  # 6: asked again
        "a/b",  # a slash: asked again
        "I sat by the river bank",
        "the old dog came home",
        "A Walk",
    ]
    code, out, err = run_cli("new", "--date", "2024-03-05", input="\n".join(answers) + "\n")
    assert code == 0
    assert "Line 1 of 3 (5 syllables): " in err
    assert "  5 syllables: the(1) cat(1) ran(1) a-way(2)" in err
    assert "6 syllables, expected 7 (1 too few)" in err and "try again" in err
    assert err.count("Line 2 of 3 (7 syllables): ") == 3
    assert "one line at a time" in err
    assert "Title:" in err
    assert out.splitlines()[-1] == GOOD_PATH
    assert (blog / GOOD_PATH).read_text(encoding="utf-8") == (
        f"---\ntitle: A Walk\ndate: 2024-03-05\n---\n\n{GOOD}\n\n"
    )


def test_interactive_asks_for_the_title_only(blog: Path, terminal: None) -> None:
    code, out, err = run_cli("new", GOOD, input="\n  \nA Walk\n")
    assert code == 0
    assert "Title:" in err
    assert out.splitlines()[-1] == GOOD_PATH
    assert "title: A Walk\n" in (blog / GOOD_PATH).read_text(encoding="utf-8")


def test_interactive_refuses_a_line_with_no_letters(blog: Path, terminal: None) -> None:
    answers = ["..", "the cat ran away", "I sat by the river bank", "the old dog came home"]
    code, _, err = run_cli("new", "--title", "t", input="\n".join(answers) + "\n")
    assert code == 0
    assert "'..' has no letters or digits" in err


def test_interactive_input_ending_early_aborts_cleanly(blog: Path, terminal: None) -> None:
    code, _, err = run_cli("new", "--title", "t", input="the cat ran away\n")
    assert code == 1
    assert "Traceback" not in err
    assert files_under(blog) == ["posts"]


# --- the editor ------------------------------------------------------------------------


@pytest.fixture
def fake_editor(tmp_path: Path) -> Path:
    """An 'editor' that appends its arguments to the file it is given (the last one)."""
    script = tmp_path / "fake editor.py"
    script.write_text(
        "import sys\n"
        "with open(sys.argv[-1], 'a', encoding='utf-8') as file:\n"
        "    file.write('edited with ' + ' '.join(sys.argv[1:-1]) + '\\n')\n"
        "sys.exit(int(sys.argv[1]) if sys.argv[1].isdigit() else 0)\n",
        encoding="utf-8",
    )
    return script


def test_edit_opens_visual_on_the_new_post(
    blog: Path, fake_editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", f"{sys.executable} '{fake_editor}' --wait")
    monkeypatch.setenv("EDITOR", "false")
    code, out, _ = run_cli("new", GOOD, "--title", "t", "--edit")
    assert (code, out) == (0, GOOD_PATH + "\n")
    assert (blog / GOOD_PATH).read_text(encoding="utf-8").endswith("\nedited with --wait\n")


def test_edit_falls_back_to_editor(
    blog: Path, fake_editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} '{fake_editor}'")
    code, _, _ = run_cli("new", GOOD, "--title", "t", "--edit")
    assert code == 0
    assert (blog / GOOD_PATH).read_text(encoding="utf-8").endswith("\nedited with \n")


def test_an_editor_that_fails_keeps_the_post(
    blog: Path, fake_editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", f"{sys.executable} '{fake_editor}' 3")
    code, _, err = run_cli("new", GOOD, "--title", "t", "--edit")
    assert code == 1
    assert err == f"haikulint: error: the editor exited with 3; the post is at {GOOD_PATH}\n"
    assert (blog / GOOD_PATH).is_file()


@pytest.mark.parametrize(
    ("visual", "reason"),
    [
        ("", "--edit needs $VISUAL or $EDITOR set to an editor command"),
        ("no-such-editor-xyz --wait", "editor 'no-such-editor-xyz --wait' not found"),
        ("vim 'unclosed", "cannot read the editor command"),
    ],
)
def test_edit_without_a_usable_editor_writes_nothing(
    blog: Path, monkeypatch: pytest.MonkeyPatch, visual: str, reason: str
) -> None:
    monkeypatch.setenv("VISUAL", visual)
    monkeypatch.delenv("EDITOR", raising=False)
    code, _, err = run_cli("new", GOOD, "--title", "t", "--edit")
    assert code == 2
    assert err.startswith(f"haikulint: error: {reason}")
    assert files_under(blog) == ["posts"]


def test_edit_and_dry_run_together_is_a_usage_error(
    blog: Path, fake_editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", f"{sys.executable} '{fake_editor}'")
    code, _, err = run_cli("new", GOOD, "--title", "t", "--edit", "--dry-run")
    assert (code, err) == (2, "haikulint: error: --edit and --dry-run cannot be used together\n")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_interactive_on_a_real_terminal(blog: Path) -> None:
    """No monkeypatching: a pseudo-terminal makes ``is_interactive()`` true by itself."""
    import pty

    answers = [
        "the cat ran away",
        "I sat by the river",
        "I sat by the river bank",
        "the old dog came home",
        "A Walk",
    ]
    pid, terminal_fd = pty.fork()
    if pid == 0:  # the child: run haikulint on the terminal, and never return to pytest
        try:
            command = [sys.executable, "-m", "haikulint", "new", "--date", "2024-03-05"]
            os.execv(sys.executable, command)
        finally:
            os._exit(127)
    os.write(terminal_fd, "".join(answer + "\n" for answer in answers).encode())
    transcript = b""
    while True:
        try:
            chunk = os.read(terminal_fd, 4096)
        except OSError:  # EIO: the child has exited and closed the terminal
            break
        if not chunk:
            break
        transcript += chunk
    _, status = os.waitpid(pid, 0)
    os.close(terminal_fd)
    text = transcript.decode().replace("\r\n", "\n")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "6 syllables, expected 7 (1 too few)" in text
    assert text.rstrip().endswith(GOOD_PATH)
    assert "title: A Walk\n" in (blog / GOOD_PATH).read_text(encoding="utf-8")


# --- titles are kept as given (issue 4: "titles ... must round-trip exactly") ------------

ODD_TITLE = "  Two\u00a0words\n\tsecond line  "


@pytest.mark.parametrize("style", ["yaml", "toml"])
def test_front_matter_keeps_the_title_exactly(blog: Path, style: str) -> None:
    from haikulint.blog.discover import PostFile
    from haikulint.blog.post import read_post
    from tests.conftest import check_json

    code, out, err = run_cli("new", GOOD, "--title", ODD_TITLE, "--header-style", style)
    assert (code, err) == (0, "")
    post = read_post(PostFile(path=(blog / out.strip()).resolve(), root=(blog / "posts")))
    assert post.headers["title"] == ODD_TITLE
    assert check_json("posts") == (0, [])


def test_the_yaml_header_of_an_odd_title_is_one_double_quoted_line(blog: Path) -> None:
    code, out, _ = run_cli("new", GOOD, "--title", ODD_TITLE, "--date", "2024-03-05", "--dry-run")
    assert code == 0
    assert out.splitlines()[1:5] == [
        "---",
        'title: "  Two\u00a0words\\n\\tsecond line  "',
        "date: 2024-03-05",
        "---",
    ]


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("two\nlines", "cannot hold a line break (U+000A)"),
        ("two\u2028lines", "cannot hold a line break (U+2028)"),
        ("  padded", "cannot keep the spaces at the start or end of the title"),
        ("padded\u00a0", "cannot keep the spaces at the start or end of the title"),
        ("bell\x07", "cannot hold the control character U+0007"),
    ],
)
def test_pelican_refuses_a_title_it_cannot_write_as_typed(
    blog: Path, title: str, reason: str
) -> None:
    code, out, err = run_cli("new", GOOD, "--title", title, "--header-style", "pelican")
    assert (code, out) == (2, "")
    assert err.startswith(f"haikulint: error: --title: a Pelican header line {reason}")
    assert "--header-style yaml" in err
    assert err.count("\n") == 1
    assert files_under(blog) == ["posts"]


def test_pelican_keeps_a_tab_inside_the_title(blog: Path) -> None:
    code, _, _ = run_cli("new", GOOD, "--title", "tab\there", "--header-style", "pelican")
    assert code == 0
    assert (blog / GOOD_PATH).read_text(encoding="utf-8").startswith("Title: tab\there\n")


def test_a_title_typed_at_the_prompt_loses_only_its_surrounding_spaces(
    blog: Path, terminal: None
) -> None:
    code, _, _ = run_cli("new", GOOD, input="  A  spaced\u00a0title \n")
    assert code == 0
    assert 'title: "A  spaced\u00a0title"\n' in (blog / GOOD_PATH).read_text(encoding="utf-8")


def test_the_prompt_asks_again_for_a_title_pelican_cannot_hold(blog: Path, terminal: None) -> None:
    code, _, err = run_cli("new", GOOD, "--header-style", "pelican", input="bell\x07\nA Walk\n")
    assert code == 0
    assert "cannot hold the control character U+0007" in err
    assert (blog / GOOD_PATH).read_text(encoding="utf-8").startswith("Title: A Walk\n")


# --- a post with the same slug, as duplicate-slug (HK301) sees it ------------------------

SPLASH = "an old silent pond / a frog jumps into the pond / splash silence again"


@pytest.mark.parametrize(
    "existing",
    [
        "the-cat-ran-away_/_i-sat-by-the-river-bank_/_the-old-dog-came-home.md",
        "the-cat-ran-away/i-sat-by-the-river-bank/the-old-dog-came-home.md",
        "the-cat-ran-away--/--i-sat-by-the-river-bank-/-the-old-dog-came-home.markdown",
        "The-Cat-Ran-Away-/-I-Sat-By-The-River-Bank-/-The-Old-Dog-Came-Home.md",
    ],
)
def test_a_post_with_the_same_slug_by_other_separators_is_refused(
    blog: Path, existing: str
) -> None:
    (blog / "posts" / existing).parent.mkdir(parents=True)
    (blog / "posts" / existing).write_text("mine\n", encoding="utf-8")
    code, out, err = run_cli("new", GOOD, "--title", "new")
    assert (code, out) == (1, "")
    assert err == (
        f"haikulint: error: posts/{existing}: a post with this slug already exists; "
        "nothing was written\n"
    )
    assert not (blog / GOOD_PATH).exists() or existing.lower() == GOOD_PATH.lower()


def test_a_post_of_a_configured_extension_counts(blog: Path) -> None:
    (blog / "haikulint.toml").write_text(
        'include = ["*.md", "*.markdown", "*.txt"]\n', encoding="utf-8"
    )
    existing = "posts/an-old-silent-pond-/-a-frog-jumps-into-the-pond-/-splash-silence-again.txt"
    (blog / existing).parent.mkdir(parents=True)
    (blog / existing).write_text("mine\n", encoding="utf-8")
    code, _, err = run_cli("new", SPLASH, "--title", "new")
    assert code == 1
    assert f"{existing}: a post with this slug already exists" in err
    assert not (blog / existing.replace(".txt", ".md")).exists()


@pytest.mark.parametrize(
    "existing",
    [
        "the-cat-ran-away_/_i-sat-by-the-river-bank_/_the-old-dog-came-home.md",
        "the-cat-ran-away-/-i-sat-by-the-river-bank-/-the-old-dog-came-home.markdown",
        "the-cat-ran-away-/-i-sat-by-the-river-bank-/-the-old-dog-came-home.txt",
        "2024/the-cat-ran-away-/-i-sat-by-the-river-bank-/-the-old-dog-came-home.md",
        "blog/the-cat-ran-away-/-i-sat-by-the-river-bank-/-the-old-dog-came-home.md",
        "the-cat-ran-away-/-i-sat-by-the-river-bank-/-the-old-dog-came-home-again.md",
        "the-cat-ran-away-/-i-sat-by-the-river-bank/the-old-dog-came-home.md",
        "drafts/2024/the-cat-ran-away/i-sat-by-the-river-bank/the-old-dog-came-home.md",
        ".hidden/the-cat-ran-away-/-i-sat-by-the-river-bank-/-the-old-dog-came-home.md",
    ],
)
def test_new_refuses_exactly_what_duplicate_slug_flags(blog: Path, existing: str) -> None:
    from tests.conftest import check_json

    (blog / "posts" / existing).parent.mkdir(parents=True)
    (blog / "posts" / existing).write_text("mine\n", encoding="utf-8")
    code, out, _ = run_cli("new", GOOD, "--title", "t", "--dry-run")
    refused = code == 1
    if refused:  # write it anyway, and see whether check calls it a duplicate
        (blog / "empty").mkdir()
        _, out, _ = run_cli("new", GOOD, "--title", "t", "--dry-run", "--root", "empty")
    content = out.split("\n", 1)[1]
    (blog / GOOD_PATH).parent.mkdir(parents=True, exist_ok=True)
    (blog / GOOD_PATH).write_text(content, encoding="utf-8")
    _, diagnostics = check_json("--root", "posts", "posts")
    flagged = any(d["name"] == "duplicate-slug" and d["path"] == GOOD_PATH for d in diagnostics)
    assert refused == flagged


# --- warnings for what check would say of the new post -----------------------------------

OTHER = "the prod deploy froze / I parsed the pcap for hours / the repo held it"


@pytest.mark.parametrize("second", ["Same", "  sAME  "])
def test_a_title_another_post_has_is_warned_about(blog: Path, second: str) -> None:
    assert run_cli("new", GOOD, "--title", "Same")[0] == 0
    code, out, err = run_cli("new", OTHER, "--title", second)
    assert code == 0
    written = out.strip()
    assert (blog / written).is_file()
    assert err == (
        f'haikulint: warning: HK302 duplicate-title: the title "{" ".join(second.split())}" '
        f"is also the title of {GOOD_PATH}; give each post its own title\n"
    )


def test_a_blog_read_on_several_cores_gives_the_same_warnings_and_refusals(
    blog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from haikulint import engine

    for number in range(12):
        post = blog / "posts" / f"post-{number:02}.md"
        post.write_text(f"---\ntitle: Title {number % 6}\n---\n\nbody\n", encoding="utf-8")
    assert run_cli("new", GOOD, "--title", "Title 3")[0] == 0
    serial = run_cli("new", OTHER, "--title", "Title 5", "--dry-run")
    again = run_cli("new", GOOD, "--title", "x", "--dry-run")
    monkeypatch.setattr(engine, "SPAN_POSTS", 2)
    monkeypatch.setattr(engine, "_worker_count", lambda count: 2)
    assert run_cli("new", OTHER, "--title", "Title 5", "--dry-run") == serial
    assert serial[0] == 0
    assert serial[2] == (
        'haikulint: warning: HK302 duplicate-title: the title "Title 5" is also the title of '
        "posts/post-05.md, posts/post-11.md; give each post its own title\n"
    )
    assert run_cli("new", GOOD, "--title", "x", "--dry-run") == again
    assert again[0] == 1 and f"{GOOD_PATH}: a post with this slug already exists" in again[2]


def test_no_title_warning_when_the_config_ignores_the_rule(blog: Path) -> None:
    (blog / "haikulint.toml").write_text('ignore = ["duplicate-title"]\n', encoding="utf-8")
    run_cli("new", GOOD, "--title", "Same")
    code, _, err = run_cli("new", OTHER, "--title", "Same")
    assert (code, err) == (0, "")


def test_a_future_date_is_warned_about(blog: Path) -> None:
    code, out, err = run_cli("new", GOOD, "--title", "t", "--date", "2099-01-01")
    assert (code, out) == (0, GOOD_PATH + "\n")
    assert (blog / GOOD_PATH).is_file()
    assert err.startswith("haikulint: warning: HK204 date-future: the date 2099-01-01 is ")
    assert "allow-future-dates = true" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("config", ["allow-future-dates = true\n", 'ignore = ["HK204"]\n'])
def test_no_future_date_warning_when_the_config_allows_it(blog: Path, config: str) -> None:
    (blog / "haikulint.toml").write_text(config, encoding="utf-8")
    code, _, err = run_cli("new", GOOD, "--title", "t", "--date", "2099-01-01")
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    ("config_file", "config", "hint"),
    [
        ("haikulint.toml", 'root = "posts"\n', "in haikulint.toml: allow-future-dates = true"),
        (
            "pyproject.toml",
            '[tool.haikulint]\nroot = "posts"\n',
            "in pyproject.toml: [tool.haikulint] allow-future-dates = true",
        ),
    ],
)
def test_the_future_date_hint_is_written_for_the_config_file(
    blog: Path, config_file: str, config: str, hint: str
) -> None:
    (blog / config_file).write_text(config, encoding="utf-8")
    code, _, err = run_cli("new", GOOD, "--title", "t", "--date", "2099-01-01", "--dry-run")
    assert code == 0
    assert err.startswith("haikulint: warning: HK204 date-future: the date 2099-01-01 is ")
    assert err.endswith(f"allow future dates {hint}\n")


def test_per_file_ignores_switch_a_foreseen_rule_off_for_the_new_post(blog: Path) -> None:
    config = '[per-file-ignores]\n"posts/the-cat-ran-away-/**" = ["date-future"]\n'
    (blog / "haikulint.toml").write_text(config, encoding="utf-8")
    code, _, err = run_cli("new", GOOD, "--title", "t", "--date", "2099-01-01", "--dry-run")
    assert (code, err) == (0, "")


def test_a_per_file_ignores_typo_is_refused_as_check_refuses_it(blog: Path) -> None:
    (blog / "haikulint.toml").write_text('[per-file-ignores]\n"*.md" = ["HK2O4"]\n', "utf-8")
    expected = "haikulint.toml: per-file-ignores: unknown rule selector 'HK2O4'"
    code, out, err = run_cli("new", GOOD, "--title", "t", "--dry-run")
    assert (code, out) == (2, "")
    assert err.startswith("haikulint: error: ") and err.count("\n") == 1
    assert expected in err
    code, _, err = run_cli("check", "posts")
    assert code == 2 and expected in err
    assert files_under(blog) == ["haikulint.toml", "posts"]


def test_a_config_selector_typo_is_refused_before_any_prompt(blog: Path, terminal: None) -> None:
    (blog / "haikulint.toml").write_text('[per-file-ignores]\n"*.md" = ["HK2O4"]\n', "utf-8")
    code, _, err = run_cli("new", input="the cat ran away\n")
    assert code == 2
    assert "Line 1" not in err and "unknown rule selector 'HK2O4'" in err


def test_dry_run_warns_too(blog: Path) -> None:
    code, _, err = run_cli("new", GOOD, "--title", "t", "--date", "2099-01-01", "--dry-run")
    assert code == 0
    assert "HK204 date-future" in err
    assert files_under(blog) == ["posts"]


# --- nits --------------------------------------------------------------------------------


def test_interactive_warns_of_an_unknown_word_once(blog: Path, terminal: None) -> None:
    answers = ["the cat ran away", "I sat by the river bank", "the old dog zorbix"]
    code, _, err = run_cli("new", "--title", "t", input="\n".join(answers) + "\n")
    assert code == 0
    assert err.count("'zorbix' is in no dictionary") == 1


def test_a_file_where_a_deeper_folder_should_be_is_named(blog: Path) -> None:
    (blog / "posts" / "the-cat-ran-away-").mkdir()
    (blog / "posts" / "the-cat-ran-away-" / "-i-sat-by-the-river-bank-").write_text("x", "utf-8")
    code, _, err = run_cli("new", GOOD, "--title", "t")
    assert code == 1
    assert err == (
        "haikulint: error: posts/the-cat-ran-away-/-i-sat-by-the-river-bank-: "
        "cannot make this folder, a file of that name is in the way; nothing was written\n"
    )
    assert ".tmp" not in err


def test_a_file_where_the_first_folder_should_be_is_named(blog: Path) -> None:
    (blog / "posts" / "the-cat-ran-away-").write_text("in the way", encoding="utf-8")
    code, _, err = run_cli("new", GOOD, "--title", "t")
    assert code == 1
    assert err == (
        "haikulint: error: posts/the-cat-ran-away-: "
        "cannot make this folder, a file of that name is in the way; nothing was written\n"
    )


# --- the typed line against its slug ---------------------------------------------------

C_SHARP = "i wrote it in C# / I parsed the pcap for hours / the repo held it"
C_SHARP_PATH = "posts/i-wrote-it-in-c-/-i-parsed-the-pcap-for-hours-/-the-repo-held-it.md"


def test_a_line_counted_otherwise_as_typed_is_warned_about_and_written(blog: Path) -> None:
    """``check`` counts the slug (``c``: 1), so that is the verdict; the typed ``C#`` is 2."""
    code, out, err = run_cli("new", C_SHARP, "--title", "t")
    assert (code, out) == (0, C_SHARP_PATH + "\n")
    assert err == (
        'haikulint: warning: line 1 "i wrote it in C#" has 6 syllables as typed but 5 as '
        'its slug "i-wrote-it-in-c", which spells C# as c; check counts the slug\n'
    )
    assert (blog / C_SHARP_PATH).is_file()


def test_the_warning_names_each_word_the_slug_counts_otherwise(blog: Path) -> None:
    haiku = "we pay $5 a month / python 3.5 was so slow / F# and C# code base"
    code, _, err = run_cli("new", haiku, "--title", "t", "--dry-run")
    assert code == 0
    assert err.splitlines() == [
        'haikulint: warning: line 1 "we pay $5 a month" has 7 syllables as typed but 5 as '
        'its slug "we-pay-5-a-month", which spells $5 as 5; check counts the slug',
        'haikulint: warning: line 2 "python 3.5 was so slow" has 8 syllables as typed but 7 '
        'as its slug "python-3-5-was-so-slow", which spells 3.5 as 3-5; check counts the slug',
        'haikulint: warning: line 3 "F# and C# code base" has 7 syllables as typed but 5 '
        'as its slug "f-and-c-code-base", which spells F# as f, C# as c; check counts the slug',
    ]


def test_a_refused_line_that_counts_otherwise_as_typed_says_why(blog: Path) -> None:
    haiku = "we pay $5 a month for it / I parsed the pcap for hours / the repo held it"
    code, _, err = run_cli("new", haiku, "--title", "t")
    assert code == 1
    assert (
        '"we pay $5 a month for it" has 9 syllables as typed but 7 as its slug '
        '"we-pay-5-a-month-for-it", which spells $5 as 5'
    ) in err
    assert 'line 1 "we pay $5 a month for it" has 7 syllables, expected 5' in err


@pytest.mark.parametrize(
    "haiku",
    [
        GOOD,
        "Don’t stop, the café! / we ran to the river bank / naïve blue apple?",
        "OLD POND, STILL WATER / A FROG JUMPS IN THE OLD POND / SPLASH! SILENCE AGAIN",
        "the-cat-ran-away-/-i-sat-by-the-river-bank-/-the-old-dog-came-home",
    ],
)
def test_no_warning_when_the_typed_lines_count_as_their_slugs(blog: Path, haiku: str) -> None:
    code, _, err = run_cli("new", haiku, "--title", "t", "--dry-run")
    assert (code, err) == (0, "")


def test_interactive_warns_of_the_typed_count_when_the_line_is_accepted(
    blog: Path, terminal: None
) -> None:
    answers = ["we pay $5 a month for it", "i wrote it in C#", *GOOD.split(" / ")[1:]]
    code, out, err = run_cli("new", "--title", "t", input="\n".join(answers) + "\n")
    assert code == 0
    assert out.splitlines()[-1] == (
        "posts/i-wrote-it-in-c-/-i-sat-by-the-river-bank-/-the-old-dog-came-home.md"
    )
    warning = (
        'haikulint: warning: line 1 "i wrote it in C#" has 6 syllables as typed but 5 as '
        'its slug "i-wrote-it-in-c", which spells C# as c; check counts the slug'
    )
    assert err.count(warning) == 1  # once: when accepted, not again before writing
    assert "9 syllables as typed" not in err  # the refused line: asked again, not warned
    assert err.index("  5 syllables: i(1) wrote(1)") < err.index(warning)
