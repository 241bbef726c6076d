"""``haikulint init`` through the command line: survey, proposal, the write, the refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from haikulint.commands import init as init_command
from haikulint.config import load_config
from tests.conftest import run_cli, write_tree
from tests.layouts import HUGO, JEKYLL, PELICAN, QUIET, pelican_post, yaml_post
from tests.seeds import write_seeds

COMMENT = "# written by haikulint init; every key is in haikulint's README, under Configuration\n"


def diagnostics(*args: str) -> list[tuple[str, str]]:
    """``check ARGS`` as sorted (path, code) pairs."""
    code, out, err = run_cli("check", "--output-format", "json", "--no-progress", *args)
    assert code in (0, 1), err
    return sorted((str(d["path"]), str(d["code"])) for d in json.loads(out))


def files_under(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))


@pytest.mark.parametrize(
    ("layout", "config"),
    [
        (
            PELICAN,
            'root = "content"\nform = [5, 7, 5]\nheader-style = "pelican"\n'
            'header-lines = "top"\nexclude = ["content/pages/"]\n',
        ),
        (
            HUGO,
            'root = "content/posts"\nform = [5, 7, 5]\nheader-style = "toml"\n'
            'sections = ["field-notes"]\n',
        ),
    ],
    ids=["pelican", "hugo"],
)
def test_a_generator_layout_is_configured_and_then_checks_clean(
    in_tmp: Path, layout: dict[str, str], config: str
) -> None:
    write_tree(in_tmp, layout)
    code, out, err = run_cli("init", "--yes")
    assert (code, err) == (0, "haikulint: wrote haikulint.toml\n")
    assert (in_tmp / "haikulint.toml").read_text("utf-8") == COMMENT + config
    assert out.endswith(COMMENT + config)
    loaded = load_config()
    assert loaded.source == in_tmp / "haikulint.toml"
    posts = 3 if layout is PELICAN else 5  # Pelican's pages/about.md is excluded
    assert run_cli("check", "--no-progress") == (
        0,
        f"All checks passed: {posts} files, no problems.\n",
        "",
    )


def test_a_pelican_post_with_headers_pelican_would_not_read_is_reported(in_tmp: Path) -> None:
    below_haiku = f"{QUIET.replace('-/-', ' / ').replace('-', ' ')}\n\n" + pelican_post(
        "Quiet", "2022-06-17"
    )
    write_tree(in_tmp, {**PELICAN, f"content/{QUIET}.md": below_haiku})
    code, out, _ = run_cli("init", "--yes")
    assert code == 0
    assert (
        "  pelican       1 sampled post with Key: value lines Pelican does not read as metadata"
        " (not one block from the first line)\n" in out
    )
    assert 'header-lines = "top"\n' in (in_tmp / "haikulint.toml").read_text("utf-8")
    assert diagnostics() == [(f"content/{QUIET}.md", "HK201"), (f"content/{QUIET}.md", "HK202")]


def test_without_the_config_those_layouts_are_misread(in_tmp: Path) -> None:
    """The config init writes matters: the Hugo section and the Pelican pages."""
    write_tree(in_tmp / "hugo", HUGO)
    assert "HK102" in {code for _, code in diagnostics("hugo/content/posts")}
    write_tree(in_tmp / "pelican", PELICAN)
    assert "HK101" in {code for _, code in diagnostics("pelican/content")}


def test_the_seeds_layout_checks_as_its_root_would(in_tmp: Path) -> None:
    write_seeds(in_tmp)
    before = diagnostics("post")
    code, out, _ = run_cli("init", "--yes")
    assert code == 0
    assert (in_tmp / "haikulint.toml").read_text("utf-8") == (
        COMMENT + 'root = "post"\nform = [5, 7, 5]\nheader-style = "pelican"\n'
        'header-lines = "after-haiku"\n'
    )
    assert (
        "headers       read from all 5 posts: none 3, pelican 2"
        " (Key: value lines: 2 below a haiku line or blank lines)\n" in out
    )
    assert diagnostics() == before
    assert before  # the seeds have problems to find (titles, dates, syllables)


def test_jekyll_posts_take_their_dates_from_their_names(in_tmp: Path) -> None:
    write_tree(in_tmp, JEKYLL)
    code, out, _ = run_cli("init", "--yes")
    assert code == 0
    assert (in_tmp / "haikulint.toml").read_text("utf-8") == (
        COMMENT + 'root = "_posts"\nform = [5, 7, 5]\nheader-style = "yaml"\n'
    )  # file-name-dates is "auto": on below _posts/
    assert "generator     jekyll (_config.yml, Gemfile)\n" in out
    assert (
        "dated names   3 posts whose file name starts with a date (.../2024-03-05-line.md),"
        " the post's date\n" in out
    )
    assert run_cli("check", "--no-progress")[:2] == (
        0,
        "All checks passed: 3 files, no problems.\n",
    )


def test_dated_names_outside_underscore_posts_turn_file_name_dates_on(in_tmp: Path) -> None:
    write_tree(in_tmp, {path.replace("_posts/", "posts/"): text for path, text in JEKYLL.items()})
    code, _, _ = run_cli("init", "--yes")
    assert code == 0
    assert "file-name-dates = true\n" in (in_tmp / "haikulint.toml").read_text("utf-8")
    assert run_cli("check", "--no-progress")[:2] == (
        0,
        "All checks passed: 3 files, no problems.\n",
    )
    (in_tmp / "haikulint.toml").unlink()
    # without it, the date is read as words of the last line, joined by a bare "-/"
    assert {code for _, code in diagnostics("posts")} == {"HK102", "HK103"}


def test_an_empty_folder_gets_posts_made_and_new_writes_there(in_tmp: Path) -> None:
    code, out, err = run_cli("init", "--yes")
    assert code == 0
    assert "posts         none yet (posts/ does not exist yet)" in out
    assert "and a new folder for posts: posts/" in out
    assert err == ("haikulint: wrote haikulint.toml\nhaikulint: created the posts root posts/\n")
    assert files_under(in_tmp) == ["haikulint.toml", "posts"]
    assert 'root = "posts"\n' in (in_tmp / "haikulint.toml").read_text("utf-8")
    haiku = "the cat ran away / I sat by the river bank / the old dog came home"
    code, out, _ = run_cli("new", haiku, "--title", "A Walk", "--date", "2024-03-05")
    assert (code, out) == (
        0,
        "posts/the-cat-ran-away-/-i-sat-by-the-river-bank-/-the-old-dog-came-home.md\n",
    )
    assert run_cli("check", "--no-progress")[0] == 0


def test_posts_at_the_top_of_a_repository_leave_its_readme_out(in_tmp: Path) -> None:
    write_tree(in_tmp, {"README.md": "# notes\n", f"{QUIET}.md": pelican_post("Q", "2022-06-17")})
    code, out, _ = run_cli("init", "--yes")
    assert code == 0
    assert "not posts     README.md: no haiku paths; pages, not posts (to exclude)" in out
    assert 'root = "."\n' in out and 'exclude = ["README.md"]\n' in out
    assert run_cli("check", "--no-progress")[:2] == (0, "All checks passed: 1 file, no problems.\n")


def test_tanka_paths_propose_the_tanka_form(in_tmp: Path) -> None:
    write_tree(in_tmp, {f"tanka/a-{n}-/-b-/-c-/-d-/-e.md": "x\n" for n in range(3)})
    code, out, _ = run_cli("init", "--dry-run")
    assert code == 0
    assert "3 posts under tanka/, 3 with haiku paths (all of 5 lines)" in out
    assert "form = [5, 7, 5, 7, 7]\n" in out


def test_a_single_post_is_counted_in_the_singular(in_tmp: Path) -> None:
    write_tree(in_tmp, {"posts/a-/-b-/-c.md": "x\n"})
    code, out, _ = run_cli("init", "--dry-run")
    assert code == 0
    assert "1 post under posts/, 1 with a haiku path (3 lines)\n" in out


def test_a_config_further_up_is_named(in_tmp: Path) -> None:
    (in_tmp / "haikulint.toml").write_text("", encoding="utf-8")
    write_tree(in_tmp / "blog", PELICAN)
    code, _, err = run_cli("init", "--yes", "blog")
    assert code == 0
    assert err == (
        "haikulint: note: haikulint.toml configures haikulint further up; "
        "from here down, blog/haikulint.toml is read instead\n"
        "haikulint: wrote blog/haikulint.toml\n"
    )


def test_json_front_matter_leaves_header_style_to_its_default(in_tmp: Path) -> None:
    write_tree(in_tmp, {f"posts/{QUIET}.md": '{"title": "Q", "date": "2022-06-17"}\n\nText.\n'})
    code, out, _ = run_cli("init", "--dry-run")
    assert code == 0
    assert "json 1; new writes no JSON, so header-style is left to yaml\n" in out
    assert "header-style" not in out.split("Proposed config")[1]


def test_a_new_pelican_site_gets_its_folder_and_new_writes_what_pelican_reads(
    in_tmp: Path,
) -> None:
    (in_tmp / "pelicanconf.py").write_text('PATH = "content"\n', encoding="utf-8")
    code, _, err = run_cli("init", "--yes")
    assert code == 0
    assert err.endswith("haikulint: created the posts root content/\n")
    assert (in_tmp / "haikulint.toml").read_text("utf-8") == COMMENT + (
        'root = "content"\nform = [5, 7, 5]\nheader-style = "pelican"\nheader-lines = "top"\n'
    )
    haiku = "the cat ran away / I sat by the river bank / the old dog came home"
    code, out, _ = run_cli("new", haiku, "--title", "A Walk", "--date", "2024-03-05")
    assert code == 0
    assert (
        (in_tmp / out.strip()).read_text("utf-8").startswith("Title: A Walk\nDate: 2024-03-05\n\n")
    )
    assert run_cli("check", "--no-progress")[:2] == (0, "All checks passed: 1 file, no problems.\n")


def test_a_dry_run_writes_nothing(in_tmp: Path) -> None:
    code, out, err = run_cli("init", "--dry-run")
    assert (code, err) == (0, "")
    assert out.endswith(
        'root = "posts"\nform = [5, 7, 5]\nheader-style = "yaml"\n'
        "\nand a new folder for posts: posts/\n"
    )
    assert files_under(in_tmp) == []


def test_a_large_blog_has_its_headers_sampled_and_says_so(in_tmp: Path) -> None:
    posts = {f"posts/a-{n}-/-b-/-c.md": yaml_post(f"T{n}", "2024-01-01") for n in range(210)}
    write_tree(in_tmp, posts)
    code, out, _ = run_cli("init", "--dry-run")
    assert code == 0
    assert "read from a sample of 200 of 210 posts, spread over the blog: yaml 200\n" in out


def test_json_output(in_tmp: Path) -> None:
    write_tree(in_tmp, HUGO)
    code, out, _ = run_cli("init", "--yes", "--output-format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["config"] == {
        "root": "content/posts",
        "form": [5, 7, 5],
        "header-style": "toml",
        "sections": ["field-notes"],
    }
    assert (document["written"], document["created_root"]) == (True, False)
    assert document["config_file"] == "haikulint.toml"
    assert document["survey"]["header_styles"] == {"toml": 4, "yaml": 1}
    assert document["survey"]["generators"] == [
        {"generator": "hugo", "file": "hugo.toml", "posts": None, "content": None, "future": False}
    ]
    code, out, _ = run_cli("init", "--dry-run", "--output-format", "json", "elsewhere")
    assert code == 2


# --- never overwrite ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["haikulint.toml", ".haikulint.toml"])
def test_an_existing_config_file_is_never_overwritten(in_tmp: Path, name: str) -> None:
    (in_tmp / name).write_text('root = "mine"\n', encoding="utf-8")
    for args in (["--yes"], ["--dry-run"], ["--yes", "--config-file", "other.toml"]):
        code, out, err = run_cli("init", *args)
        assert (code, out) == (1, "")
        assert err == (
            f"haikulint: error: {name} exists; init never overwrites a config: edit it instead\n"
        )
    assert files_under(in_tmp) == [name]
    assert (in_tmp / name).read_text("utf-8") == 'root = "mine"\n'


def test_a_pyproject_table_is_never_overwritten(in_tmp: Path) -> None:
    original = b'[project]\nname = "blog"\n\n[tool.haikulint]\nroot = "mine"\n'
    (in_tmp / "pyproject.toml").write_bytes(original)
    code, out, err = run_cli("init", "--yes")
    assert (code, out) == (1, "")
    assert err == (
        "haikulint: error: pyproject.toml has a [tool.haikulint] table; "
        "init never overwrites a config: edit it instead\n"
    )
    assert (in_tmp / "pyproject.toml").read_bytes() == original
    assert files_under(in_tmp) == ["pyproject.toml"]


def test_the_chosen_config_file_is_never_overwritten(in_tmp: Path) -> None:
    (in_tmp / "blog.toml").write_text("# mine\n", encoding="utf-8")
    code, _, err = run_cli("init", "--yes", "--config-file", "blog.toml")
    assert code == 1
    assert err == "haikulint: error: blog.toml exists; init never overwrites a file\n"
    assert (in_tmp / "blog.toml").read_text("utf-8") == "# mine\n"


# --- pyproject.toml ------------------------------------------------------------------------


def test_the_table_is_appended_to_pyproject_keeping_every_byte(in_tmp: Path) -> None:
    write_seeds(in_tmp)
    original = b'[project]\r\nname = "blog"  # ours\r\n\r\n[tool.ruff]\r\nline-length = 99'
    (in_tmp / "pyproject.toml").write_bytes(original)
    code, out, err = run_cli("init", "--yes")
    assert code == 0
    assert "Proposed config, for [tool.haikulint] in pyproject.toml:" in out
    assert err == "haikulint: wrote [tool.haikulint] in pyproject.toml\n"
    written = (in_tmp / "pyproject.toml").read_bytes()
    assert (
        written
        == original
        + (
            "\r\n\r\n[tool.haikulint]\r\n"
            + COMMENT.replace("\n", "\r\n")
            + 'root = "post"\r\nform = [5, 7, 5]\r\nheader-style = "pelican"\r\n'
            + 'header-lines = "after-haiku"\r\n'
        ).encode()
    )
    assert load_config().root == in_tmp / "post"
    assert files_under(in_tmp) == ["post", *files_under(in_tmp)[1:]]
    assert not (in_tmp / "haikulint.toml").exists()


def test_config_file_chooses_haikulint_toml_beside_a_pyproject(in_tmp: Path) -> None:
    (in_tmp / "pyproject.toml").write_text('[project]\nname = "blog"\n', encoding="utf-8")
    (in_tmp / "posts").mkdir()
    code, _, err = run_cli("init", "--yes", "--config-file", "haikulint.toml")
    assert (code, err) == (0, "haikulint: wrote haikulint.toml\n")
    assert (in_tmp / "pyproject.toml").read_text("utf-8") == '[project]\nname = "blog"\n'


def test_config_file_may_create_a_pyproject(in_tmp: Path) -> None:
    code, _, _ = run_cli("init", "--yes", "--config-file", "pyproject.toml")
    assert code == 0
    assert (in_tmp / "pyproject.toml").read_text("utf-8") == (
        "[tool.haikulint]\n" + COMMENT + 'root = "posts"\nform = [5, 7, 5]\nheader-style = "yaml"\n'
    )
    assert load_config().root == in_tmp / "posts"


def test_a_pyproject_that_cannot_take_the_table_is_left_alone(in_tmp: Path) -> None:
    original = b'tool = {ruff = {line-length = 99}}\n[project]\nname = "blog"\n'
    for content in (original, b"[project\n", b"name = '\xe9'\n"):
        (in_tmp / "pyproject.toml").write_bytes(content)
        code, _out, err = run_cli("init", "--yes")
        assert code == 1, err
        assert err.startswith("haikulint: error: pyproject.toml: cannot add [tool.haikulint]: ")
        assert err.endswith(
            "nothing was written (--config-file haikulint.toml writes a file of its own)\n"
        )
        assert (in_tmp / "pyproject.toml").read_bytes() == content
        assert files_under(in_tmp) == ["pyproject.toml"]


# --- asking --------------------------------------------------------------------------------


def test_without_a_terminal_or_yes_it_refuses_and_writes_nothing(in_tmp: Path) -> None:
    code, out, err = run_cli("init")
    assert (code, out) == (2, "")
    assert err == (
        "haikulint: error: no terminal to confirm on; "
        "pass --yes to write the config, or --dry-run to see it\n"
    )
    assert files_under(in_tmp) == []


@pytest.mark.parametrize(("answer", "code"), [("y\n", 0), ("\n", 0), ("n\n", 1)])
def test_it_asks_on_a_terminal(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, answer: str, code: int
) -> None:
    monkeypatch.setattr(init_command, "is_interactive", lambda: True)
    result, _out, err = run_cli("init", input=answer)
    assert result == code
    assert err.startswith("Write haikulint.toml and create posts/? [Y/n]:")
    if code == 0:
        assert files_under(in_tmp) == ["haikulint.toml", "posts"]
    else:
        assert err.endswith("haikulint: nothing was written\n")
        assert files_under(in_tmp) == []


def test_a_folder_that_is_not_one_is_a_usage_error(in_tmp: Path) -> None:
    (in_tmp / "file").write_text("x", encoding="utf-8")
    assert run_cli("init", "--yes", "nowhere") == (
        2,
        "",
        "haikulint: error: nowhere: no such folder\n",
    )
    assert run_cli("init", "--yes", "file")[2] == "haikulint: error: file: not a folder\n"
    assert run_cli("init", "--output-format", "xml")[2] == (
        "haikulint: error: unknown --output-format 'xml' (choose from text, json)\n"
    )


def test_a_folder_argument_writes_there(in_tmp: Path) -> None:
    write_tree(in_tmp / "site", PELICAN)
    code, _, err = run_cli("init", "--yes", "site")
    assert (code, err) == (0, "haikulint: wrote site/haikulint.toml\n")
    assert 'root = "content"\n' in (in_tmp / "site" / "haikulint.toml").read_text("utf-8")


# --- as a process ---------------------------------------------------------------------------


def test_as_a_process_with_stdin_closed(tmp_path: Path) -> None:
    write_tree(tmp_path, PELICAN)
    command = [sys.executable, "-m", "haikulint", "init"]
    refused = subprocess.run(
        command, cwd=tmp_path, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60
    )
    assert (refused.returncode, refused.stdout) == (2, "")
    assert "no terminal to confirm on" in refused.stderr
    written = subprocess.run(
        [*command, "--yes"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert written.returncode == 0, written.stderr
    assert written.stdout.startswith("Found in .:\n  posts         4 posts under content/")
    checked = subprocess.run(
        [sys.executable, "-m", "haikulint", "check", "--no-progress"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (checked.returncode, checked.stdout) == (0, "All checks passed: 3 files, no problems.\n")


def test_other_commands_do_not_import_the_survey() -> None:
    program = (
        "import sys\n"
        "from haikulint.cli import main\n"
        "try:\n    main(['rules'])\nexcept SystemExit:\n    pass\n"
        "names = ('survey', 'config_writer', '.init')\n"
        "print(sorted(m for m in sys.modules if m.endswith(names)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.splitlines()[-1] == "[]"


def test_help_lists_init() -> None:
    code, out, _ = run_cli("--help")
    assert code == 0
    assert "init       Set a blog up: find where its posts live and write its config." in out
    code, out, _ = run_cli("init", "--help")
    assert code == 0
    for option in ("--yes", "--dry-run", "--config-file", "--output-format"):
        assert option in out


def test_a_linked_pyproject_is_not_written_through(in_tmp: Path) -> None:
    outside = in_tmp / "outside.toml"
    outside.write_bytes(b'[project]\nname = "theirs"\n')
    blog = in_tmp / "blog"
    blog.mkdir()
    (blog / "pyproject.toml").symlink_to(outside)
    code, _, err = run_cli("init", "--yes", "blog")
    assert code == 1
    assert err == (
        "haikulint: error: blog/pyproject.toml: cannot write it (is not a regular file; "
        "it was left as it is); nothing was written\n"
    )
    assert outside.read_bytes() == b'[project]\nname = "theirs"\n'
    assert (blog / "pyproject.toml").is_symlink()


def test_a_dangling_link_where_the_config_goes_is_left_alone(in_tmp: Path) -> None:
    (in_tmp / "haikulint.toml").symlink_to(in_tmp / "nowhere.toml")
    code, _, err = run_cli("init", "--yes")
    assert code == 1
    assert err == "haikulint: error: haikulint.toml exists; init never overwrites a file\n"
    assert not (in_tmp / "nowhere.toml").exists()
