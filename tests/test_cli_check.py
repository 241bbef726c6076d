"""``haikulint check`` end to end: selection, exit codes, config, baselines, suppressions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haikulint import engine
from tests.conftest import WriteBlog, check_json, codes_by_path, run_cli

POND = "posts/an-old-silent-pond-/-a-frog-jumps-into-the-pond-/-splash-silence-again.md"
MOON = "posts/the-light-of-the-moon-/-moves-west-and-the-shadows-stretch-/-toward-the-east-again.md"
LONG = "posts/the-repo-holds-it-all-/-a-frog-jumps-into-the-pond-/-splash-silence-again.md"


def yaml_post(title: str, day: str = "2024-03-01", extra: str = "") -> str:
    return f"---\ntitle: {title}\ndate: {day}\n{extra}---\n\nSome words.\n"


def test_clean_blog_exits_zero_with_no_problems(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({POND: yaml_post("Pond"), MOON: yaml_post("Moon")})
    code, diagnostics = check_json("posts")
    assert (code, diagnostics) == (0, [])
    code, out, _ = run_cli("check", "posts")
    assert code == 0
    assert "2 files" in out


def test_errors_exit_one_and_json_has_exactly_the_interface_keys(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({LONG: yaml_post("Long")})
    code, diagnostics = check_json("posts")
    assert code == 1
    (diagnostic,) = diagnostics
    assert set(diagnostic) == {
        "path",
        "code",
        "name",
        "severity",
        "line",
        "column",
        "message",
        "fixable",
        "fix",
    }
    assert diagnostic["path"] == LONG
    assert (diagnostic["code"], diagnostic["name"]) == ("HK103", "slug-syllables")
    assert diagnostic["severity"] == "error"
    assert "line 1" in str(diagnostic["message"]) and "6" in str(diagnostic["message"])


def test_warnings_alone_exit_zero(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({POND: yaml_post("Pond", day="2999-01-01")})
    code, diagnostics = check_json("posts")
    assert code == 0
    assert [d["name"] for d in diagnostics] == ["date-future"]
    assert diagnostics[0]["severity"] == "warning"


def test_exit_zero_flag(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({LONG: yaml_post("Long")})
    code, _, _ = run_cli("check", "--exit-zero", "posts")
    assert code == 0


def test_no_path_checks_the_configured_root(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({LONG: yaml_post("Long"), "haikulint.toml": 'root = "posts"\n'})
    _, diagnostics = check_json()
    assert [d["path"] for d in diagnostics] == [LONG]


@pytest.mark.parametrize(
    ("option", "selector", "expected"),
    [
        ("--select", "HK1", {"slug-syllables"}),
        ("--select", "date-missing", {"date-missing"}),
        ("--ignore", "HK103,HK202", {"title-missing"}),
        ("--ignore", "HK2", {"slug-syllables"}),
    ],
)
def test_select_and_ignore_take_codes_names_and_prefixes(
    write_blog: WriteBlog, in_tmp: Path, option: str, selector: str, expected: set[str]
) -> None:
    write_blog({LONG: "Just a body line.\n"})
    _, diagnostics = check_json(option, selector, "posts")
    assert {str(d["name"]) for d in diagnostics} == expected


def test_config_select_and_per_file_ignores(write_blog: WriteBlog, in_tmp: Path) -> None:
    legacy = "posts/legacy/" + LONG.removeprefix("posts/")
    write_blog(
        {
            LONG: "Body.\n",
            legacy: "Body.\n",
            "pyproject.toml": (
                "[tool.haikulint]\n"
                'ignore = ["title-missing"]\n'
                '[tool.haikulint.per-file-ignores]\n"posts/legacy/**" = ["HK1", "date-missing"]\n'
            ),
        }
    )
    _, diagnostics = check_json("posts")
    found = codes_by_path(diagnostics)
    assert found[LONG] == {"slug-syllables", "date-missing"}
    assert legacy not in found


def test_per_post_suppressions(write_blog: WriteBlog, in_tmp: Path) -> None:
    pelican = "posts/the-repo-holds-all-of-it-/" + LONG.split("/", 2)[2]
    write_blog(
        {
            LONG: yaml_post("Long", extra="haikulint:\n  ignore: [HK103]\n"),
            pelican: "Title: Longer\nDate: 2024-03-01\nHaikulint-Ignore: slug-syllables\n\nBody.\n",
        }
    )
    code, diagnostics = check_json("posts")
    assert (code, diagnostics) == (0, [])


def test_a_typo_in_a_posts_ignore_list_is_warned_about(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({LONG: yaml_post("Long", extra="haikulint:\n  ignore: [HK1O3, hk2, title]\n")})
    code, out, err = run_cli("check", "--output-format", "json", "posts")
    assert code == 1  # HK1O3 is not HK103: slug-syllables still fires
    assert [d["name"] for d in json.loads(out)] == ["slug-syllables"]
    assert err == (
        f"haikulint: warning: {LONG}: the post's ignore list names no rule: 'HK1O3' "
        "(did you mean 'HK103'? see 'haikulint rules')\n"
        f"haikulint: warning: {LONG}: the post's ignore list names no rule: 'title' "
        "(see 'haikulint rules')\n"
    )


@pytest.mark.parametrize(
    ("extra", "warning"),
    [
        (
            "haikulint: {ignore: [103]}\n",
            "ignore lists rule codes or names, like HK103 or slug-syllables; 103 is a number",
        ),
        (
            "haikulint: {ignre: [HK103]}\n",
            "the haikulint block takes 'ignore', not 'ignre'",
        ),
        (
            "haikulint: ignore\n",
            "the haikulint header is the text 'ignore', not a mapping with an ignore list: "
            "write haikulint: {ignore: [HK103]}",
        ),
        (
            "haikulint_ignore: HK103\n",
            "haikulint does not read 'haikulint_ignore': write haikulint: {ignore: [HK103]}",
        ),
    ],
)
def test_a_malformed_ignore_list_is_warned_about_not_passed_over(
    write_blog: WriteBlog, in_tmp: Path, extra: str, warning: str
) -> None:
    write_blog({LONG: yaml_post("Long", extra=extra)})
    code, out, err = run_cli("check", "--output-format", "json", "--no-progress", "posts")
    assert code == 1  # nothing is ignored: slug-syllables still fires
    assert [d["name"] for d in json.loads(out)] == ["slug-syllables"]
    assert err == f"haikulint: warning: {LONG}: {warning}\n"


def test_a_post_with_a_well_formed_ignore_list_gets_no_warning(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({LONG: yaml_post("Long", extra="haikulint: {ignore: [HK103, unknown-word]}\n")})
    code, out, err = run_cli("check", "--output-format", "json", "--no-progress", "posts")
    assert (code, json.loads(out), err) == (0, [], "")


def test_malformed_and_unknown_entries_are_warned_about_post_by_post(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    toml = LONG.replace("posts/", "posts/b/", 1)
    write_blog(
        {
            LONG: yaml_post("Long", extra="haikulint: {ignore: [HK1O3, 103], ignre: [x]}\n"),
            toml: '+++\ntitle = "Toml"\ndate = 2024-03-01\nhaikulint = "HK103"\n+++\n\nBody.\n',
        }
    )
    code, _, err = run_cli("check", "--output-format", "json", "--no-progress", "posts")
    assert code == 1
    assert err == (
        f"haikulint: warning: {toml}: the haikulint header is the text 'HK103', not a mapping "
        'with an ignore list: write haikulint = {ignore = ["HK103"]}\n'
        f"haikulint: warning: {LONG}: ignore lists rule codes or names, like HK103 or "
        "slug-syllables; 103 is a number\n"
        f"haikulint: warning: {LONG}: the haikulint block takes 'ignore', not 'ignre'\n"
        f"haikulint: warning: {LONG}: the post's ignore list names no rule: 'HK1O3' "
        "(did you mean 'HK103'? see 'haikulint rules')\n"
    )


def test_a_second_haikulint_ignore_line_ignores_more(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog(
        {
            LONG: "Title: Long\nDate: 2024-03-01\nHaikulint-Ignore: date-future\n"
            "Haikulint-Ignore: slug-syllables\n\nBody.\n"
        }
    )
    code, out, err = run_cli("check", "--output-format", "json", "--no-progress", "posts")
    assert (code, json.loads(out), err) == (0, [], "")


def test_workers_pass_back_what_is_wrong_with_ignore_lists(
    write_blog: WriteBlog, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    posts = {
        f"posts/{1950 + number}/" + POND.removeprefix("posts/"): yaml_post(
            "Pond", extra="haikulint: {ignore: [103]}\n" if number % 5 == 0 else ""
        )
        for number in range(20)
    }
    write_blog(posts)
    monkeypatch.setattr(engine, "PARALLEL_THRESHOLD", 10)
    monkeypatch.setattr(engine, "SPAN_POSTS", 3)
    monkeypatch.setattr(engine, "_worker_count", lambda count: 3)
    _, _, err = run_cli(
        "check", "--output-format", "json", "--no-progress", "--ignore", "HK3", "posts"
    )
    warned = sorted(line.split(": ")[2] for line in err.splitlines())
    assert warned == sorted(path for number, path in enumerate(posts) if number % 5 == 0)
    assert all(line.endswith("; 103 is a number") for line in err.splitlines())


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("2023-02-30", "February 2023 has no day 30 (it has 28)"),
        ("2023-13-01", "there is no month 13; months run from 1 to 12"),
        ("2024-01-02T25:00:00", "25:00 is not a time of day"),
        ("2024-01-02T10:61:00", "10:61 is not a time of day"),
    ],
)
def test_an_impossible_toml_date_is_date_invalid_as_in_yaml(
    write_blog: WriteBlog, in_tmp: Path, written: str, reason: str
) -> None:
    write_blog(
        {
            POND: f'+++\ntitle = "Pond"\ndate = {written}\n+++\n\nBody.\n',
            MOON: f"---\ntitle: Moon\ndate: {written}\n---\n\nBody.\n",
        }
    )
    _, diagnostics = check_json("posts")
    found = [(d["path"], d["name"], d["line"], d["message"]) for d in diagnostics]
    message = f'the date header "{written}" is not a real date: {reason}'
    assert sorted(found) == sorted(
        [(POND, "date-invalid", 3, message), (MOON, "date-invalid", 3, message)]
    )


def test_baseline_hides_known_problems_and_shows_new_ones(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({LONG: "Body.\n"})
    code, _, err = run_cli("check", "--write-baseline", "baseline.json", "posts")
    assert code == 0 and "baseline.json" in err
    recorded = json.loads(Path("baseline.json").read_text())
    assert len(recorded["problems"]) == 3
    code, diagnostics = check_json("--baseline", "baseline.json", "posts")
    assert (code, diagnostics) == (0, [])
    write_blog({POND: "Body.\n"})
    code, diagnostics = check_json("--baseline", "baseline.json", "posts")
    assert code == 1
    assert {d["path"] for d in diagnostics} == {POND}


def test_the_summary_says_how_many_known_problems_the_baseline_left_out(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({LONG: "Body.\n"})
    run_cli("check", "--write-baseline", "baseline.json", "posts")
    code, out, err = run_cli("check", "--baseline", "baseline.json", "posts")
    assert (code, err) == (0, "")
    assert out == "No new problems in 1 file. 3 known problems in the baseline were left out.\n"
    write_blog({POND: "Body.\n"})
    code, out, _ = run_cli("check", "--output-format", "concise", "--baseline", "baseline.json")
    assert code == 1
    assert out.splitlines()[-1] == (
        "Found 2 problems (2 errors) in 1 of 2 files. "
        "3 known problems in the baseline were left out."
    )
    # Formats without a summary line say it on standard error.
    code, out, err = run_cli("check", "--output-format", "json", "--baseline", "baseline.json")
    assert code == 1 and len(json.loads(out)) == 2
    assert err == "haikulint: 3 known problems in the baseline were left out.\n"


def test_a_baseline_holds_from_any_folder(
    write_blog: WriteBlog, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    twin = POND.replace(".md", ".markdown")  # duplicate-slug names the other post
    write_blog({f"blog/{LONG}": "Body.\n", f"blog/{POND}": "Body.\n", f"blog/{twin}": "Body.\n"})
    monkeypatch.chdir(in_tmp / "blog")
    _, before = check_json("posts")
    assert any(d["name"] == "duplicate-slug" for d in before)
    code, _, _ = run_cli("check", "--write-baseline", "baseline.json", "posts")
    assert code == 0
    recorded = json.loads(Path("baseline.json").read_text())
    assert {entry["path"] for entry in recorded["problems"]} == {LONG, POND, twin}
    monkeypatch.chdir(in_tmp)
    assert check_json("--baseline", "blog/baseline.json", "blog/posts") == (0, [])
    monkeypatch.chdir(in_tmp / "blog" / "posts")
    assert check_json("--baseline", "../baseline.json", ".") == (0, [])
    # New problems are still found, and shown relative to the working folder.
    write_blog({f"blog/{MOON}": "Body.\n"})
    code, diagnostics = check_json("--baseline", "../baseline.json", ".")
    assert code == 1
    assert {d["path"] for d in diagnostics} == {MOON.removeprefix("posts/")}


def test_a_baseline_holds_when_the_advice_in_a_message_changes(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    glorp = "posts/the-chat-bot-called-glorp-/-a-frog-jumps-into-the-pond-/-splash-silence-again.md"
    write_blog({glorp: yaml_post("Glorp")})
    _, before = check_json("posts")
    assert "set it in haikulint.toml" in str(before[0]["message"])
    run_cli("check", "--write-baseline", "baseline.json", "posts")
    write_blog({"pyproject.toml": "[tool.haikulint]\nform = [5, 7, 5]\n"})
    _, after = check_json("posts")
    assert "set it in pyproject.toml" in str(after[0]["message"])  # the advice changed
    assert check_json("--baseline", "baseline.json", "posts") == (0, [])


def test_a_root_that_does_not_exist_is_a_usage_error(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({POND: yaml_post("Pond")})
    code, _, err = run_cli("check", "--root", "nowhere", "posts")
    assert code == 2 and err == "haikulint: error: --root nowhere: no such folder\n"
    code, _, err = run_cli("check", "--root", POND, "posts")
    assert code == 2 and err == f"haikulint: error: --root {POND}: not a folder\n"
    # A configured root that does not exist yet (a new blog) is a warning; what is named
    # outside it is not checked.
    write_blog({"haikulint.toml": 'root = "postz"\n'})
    code, _, err = run_cli("check", POND)
    assert code == 0
    assert "haikulint: warning:" in err and "haikulint.toml: root" in err
    assert "postz: no such folder" in err and f"outside the root postz: {POND}" in err
    code, out, err = run_cli("check", "--output-format", "json")  # nothing to check
    assert (code, out) == (0, "[]\n")
    # One cause, one warning.
    assert err.startswith("haikulint: warning: ") and err.count("\n") == 1
    assert err.endswith("postz: no such folder, so there are no posts to check\n")


def test_named_files_outside_the_root_are_named_in_a_warning(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({"haikulint.toml": 'root = "posts"\n', "notes/idea.md": "x\n", POND: "x\n"})
    code, out, err = run_cli("check", "--output-format", "json", "notes/idea.md", POND)
    assert code == 1  # the post is checked (no title, no date)
    assert {d["path"] for d in json.loads(out)} == {POND}
    assert err == "haikulint: warning: not checked, outside the root posts: notes/idea.md\n"


def test_a_walked_folder_outside_the_root_is_named_in_path_order(
    write_blog: WriteBlog, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read as the walk goes, the files left out are still named in path order (here the
    walk meets them in reverse: it lists folders sorted, and walks the last one first)."""
    import contextlib
    import os

    real = os.scandir

    def sorted_listing(path: str) -> contextlib.AbstractContextManager[list[os.DirEntry[str]]]:
        with real(path) as listing:
            return contextlib.nullcontext(sorted(listing, key=lambda entry: entry.name))

    monkeypatch.setattr(os, "scandir", sorted_listing)
    notes = [f"notes/{name}/idea.md" for name in ("e", "b", "g", "a", "f", "c", "d")]
    write_blog({"haikulint.toml": 'root = "posts"\n', POND: "x\n", **dict.fromkeys(notes, "x\n")})
    code, out, err = run_cli("check", "--output-format", "json", "--no-cache", "notes", "posts")
    assert code == 1  # the post is checked (no title, no date)
    assert {d["path"] for d in json.loads(out)} == {POND}
    shown = ", ".join(sorted(notes)[:5])
    assert err == (f"haikulint: warning: not checked, outside the root posts: {shown} and 2 more\n")


def test_cross_post_rules_compare_a_single_file_with_the_whole_root(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    """As under pre-commit: only the new post is passed, the old one is in the root."""
    write_blog(
        {
            "haikulint.toml": 'root = "posts"\n',
            POND: yaml_post("Same Title"),
            MOON: yaml_post("Same  title"),
        }
    )
    code, diagnostics = check_json(MOON)
    assert code == 0
    assert [(d["path"], d["name"], d["severity"]) for d in diagnostics] == [
        (MOON, "duplicate-title", "warning")
    ]


def test_a_file_outside_the_configured_root_is_skipped(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({"haikulint.toml": 'root = "posts"\n', "README.md": "# My blog\n"})
    code, diagnostics = check_json("README.md")
    assert (code, diagnostics) == (0, [])


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--output-format", "xml", "."], "xml"),
        (["--select", "HK999", "."], "HK999"),
        (["does-not-exist"], "does-not-exist"),
        (["--baseline", "missing.json", "."], "missing.json"),
    ],
)
def test_usage_errors_exit_two_with_one_line(in_tmp: Path, args: list[str], fragment: str) -> None:
    code, out, err = run_cli("check", *args)
    assert code == 2
    assert out == ""
    assert err.startswith("haikulint: error:") and err.count("\n") == 1
    assert fragment in err


def test_bad_config_exits_two_naming_the_file(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({"haikulint.toml": "form = [5, 7\n"})
    code, _, err = run_cli("check", ".")
    assert code == 2
    assert "haikulint.toml" in err and err.count("\n") == 1


def test_a_broken_pyproject_is_an_error_only_when_it_holds_haikulint_settings(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    broken = "[tool.haikulint.words]\nkubectl = 9\nkubectl = 8\n"  # a duplicate key
    write_blog({"pyproject.toml": broken, POND: yaml_post("Pond")})
    code, _, err = run_cli("check", "posts")
    assert code == 2
    assert "pyproject.toml" in err and err.count("\n") == 1
    # Another tool's broken pyproject.toml is not ours to judge: defaults apply.
    write_blog({"pyproject.toml": "[tool.black]\nline-length = 88\nline-length = 99\n"})
    assert check_json("posts") == (0, [])


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("haikulint.toml", 'secitons = ["x"]\n', "haikulint.toml: unknown key 'secitons'\n"),
        (
            "pyproject.toml",
            '[tool.haikulint]\nsecitons = ["x"]\n',
            "pyproject.toml: unknown key 'secitons' in [tool.haikulint]\n",
        ),
        (
            "haikulint.toml",
            '[tool.haikulint]\nroot = "posts"\n',
            "haikulint.toml: takes its keys at the top level; drop the [tool.haikulint] line "
            "(that table is for pyproject.toml)\n",
        ),
    ],
)
def test_config_errors_name_the_table_of_the_file_in_use(
    write_blog: WriteBlog, in_tmp: Path, name: str, content: str, expected: str
) -> None:
    write_blog({name: content, POND: yaml_post("Pond")})
    code, _, err = run_cli("check", "posts")
    assert code == 2 and err.startswith("haikulint: error: ") and err.endswith(expected)


def test_an_unknown_code_in_per_file_ignores_is_a_usage_error(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({"haikulint.toml": '[per-file-ignores]\n"*.md" = ["HK1O3"]\n', POND: "x\n"})
    code, _, err = run_cli("check", "posts")
    assert code == 2 and err.count("\n") == 1
    assert err.endswith(
        "haikulint.toml: per-file-ignores: unknown rule selector 'HK1O3' "
        "(did you mean 'HK103'? see 'haikulint rules')\n"
    )


@pytest.mark.parametrize(
    ("option", "typo", "meant"),
    [
        ("--select", "HK1O3", "HK103"),
        ("--ignore", "dat-missing", "date-missing"),
        ("--extend-select", "duplicate-titel", "duplicate-title"),
        ("--ignore", "hk2o1", "HK201"),
    ],
)
def test_a_mistyped_rule_selector_gets_did_you_mean(
    write_blog: WriteBlog, in_tmp: Path, option: str, typo: str, meant: str
) -> None:
    write_blog({POND: yaml_post("Pond")})
    code, out, err = run_cli("check", option, typo, "posts")
    assert (code, out) == (2, "")
    assert err == (
        f"haikulint: error: unknown rule selector {typo!r} "
        f"(did you mean {meant!r}? see 'haikulint rules')\n"
    )


def test_internal_error_exits_two_without_traceback(
    write_blog: WriteBlog, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_blog({POND: yaml_post("Pond")})

    def explode(*args: object, **kwargs: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "read_post", explode)
    code, _, err = run_cli("check", "posts")
    assert code == 2
    assert err == "haikulint: error: internal error: RuntimeError: boom\n"


def test_parallel_run_finds_exactly_what_a_serial_run_finds(
    write_blog: WriteBlog, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {}
    for number in range(60):
        files[f"posts/{1950 + number}/" + POND.removeprefix("posts/")] = yaml_post(
            f"Pond {number}", day=f"{1950 + number}-03-01"
        )
        files[f"posts/{1950 + number}/" + LONG.removeprefix("posts/")] = "Body.\n"
    write_blog(files)
    _, serial = check_json("posts")
    monkeypatch.setattr(engine, "PARALLEL_THRESHOLD", 10)
    monkeypatch.setattr(engine, "_worker_count", lambda count: 2)
    _, parallel = check_json("posts")
    assert parallel == serial
    assert len({d["path"] for d in serial}) == 60


@pytest.mark.parametrize("target", ["posts", "posts/2024", "posts/2024/03", "DATED"])
def test_date_folders_are_read_the_same_from_any_starting_point(
    write_blog: WriteBlog, in_tmp: Path, target: str
) -> None:
    dated = "posts/2024/03/" + POND.removeprefix("posts/")
    write_blog({dated: yaml_post("Pond", day="2023-03-01")})
    _, diagnostics = check_json(dated if target == "DATED" else target)
    assert [(d["path"], d["name"]) for d in diagnostics] == [(dated, "date-mismatch")]
    assert "2024/03" in str(diagnostics[0]["message"])


AUTHOR_RULE = (
    'code = "AU001"\nname = "duplicate-author"\nkind = "duplicate-header"\n'
    'severity = "warning"\nsummary = "Two posts share an author."\nwhy = "Test rule."\n'
    '[options]\nkey = "author"\n'
)


def _cross_post_blog(write_blog: WriteBlog) -> None:
    files: dict[str, str] = {
        "pyproject.toml": (
            '[tool.haikulint]\nrules-dirs = ["rules"]\n'
            '[tool.haikulint.per-file-ignores]\n"posts/1960/**" = ["HK302"]\n'
        ),
        "rules/author.toml": AUTHOR_RULE,
    }
    for number in range(40):
        folder = f"posts/{1950 + number}/"
        extra = f"author: Writer {number % 3}\n"
        if number % 7 == 0:
            extra += "haikulint:\n  ignore: [duplicate-title]\n"
        files[folder + POND.removeprefix("posts/")] = yaml_post(
            f"Pond {number % 5}", day=f"{1950 + number}-03-01", extra=extra
        )
        if number % 4 == 0:  # the same slug twice
            files[folder + MOON.removeprefix("posts/").replace(".md", ".markdown")] = yaml_post(
                "Moon", day=f"{1950 + number}-03-01"
            )
            files[folder + MOON.removeprefix("posts/")] = "Title: Moon\n\nBody.\n"
    write_blog(files)


def test_parallel_cross_post_rules_match_a_serial_run(
    write_blog: WriteBlog, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _cross_post_blog(write_blog)
    staged = "posts/1951/" + POND.removeprefix("posts/")
    _, serial = check_json("posts")
    _, staged_serial = check_json(staged)
    monkeypatch.setattr(engine, "PARALLEL_THRESHOLD", 10)
    monkeypatch.setattr(engine, "SPAN_POSTS", 3)
    for processes in (2, 3):
        monkeypatch.setattr(engine, "_worker_count", lambda count, n=processes: n)
        _, parallel = check_json("posts")
        assert parallel == serial
        # One post named alone: the rest of the root is read on all cores for context.
        assert check_json(staged)[1] == staged_serial
    names = {str(d["name"]) for d in serial}
    assert {"duplicate-slug", "duplicate-title", "duplicate-author"} <= names
    titled = [d for d in serial if d["name"] == "duplicate-title"]
    assert not any("/1960/" in str(d["path"]) for d in titled)  # per-file ignore
    assert not any("/1957/" in str(d["path"]) for d in titled)  # suppressed in the post
    # A staged post is compared with the whole root: the others are read for context.
    assert {d["name"] for d in staged_serial} == {"duplicate-title", "duplicate-author"}


@pytest.mark.parametrize("processes", [1, 2, 3])
@pytest.mark.parametrize("as_walk", [False, True], ids=["list", "walk"])
def test_post_phase_reads_every_file_once_and_keeps_the_order(
    write_blog: WriteBlog,
    in_tmp: Path,
    monkeypatch: pytest.MonkeyPatch,
    processes: int,
    as_walk: bool,
) -> None:
    """A list is taken in its order; files as a walk finds them (here in a shuffled order)
    come back in path order. Either way each is read once, on however many processes."""
    import random
    from datetime import date

    from haikulint.blog.discover import discover_posts
    from haikulint.cache import ResultCache
    from haikulint.catalogue import load_catalogue
    from haikulint.config import load_config

    _cross_post_blog(write_blog)
    config = load_config()
    files = discover_posts([Path("posts")], config)
    rules = load_catalogue(config.rules_dirs).rules
    job = engine.LintJob(config, tuple(rule.code for rule in rules), date(2024, 6, 1), in_tmp)
    posts = [job.read(file) for file in files]
    serial = [(job.summarize(post), tuple(job.lint_post(post))) for post in posts]
    monkeypatch.setattr(engine, "SPAN_POSTS", 4)
    monkeypatch.setattr(engine, "PARALLEL_THRESHOLD", 10)
    monkeypatch.setattr(engine, "_worker_count", lambda count: processes)
    shuffled = random.Random(processes).sample(files, len(files))
    progress: list[int] = []
    phase = engine._PostPhase(job, ResultCache.disabled(job.today), on_progress=progress.append)
    taken = phase.run(iter(shuffled) if as_walk else files)
    assert (taken.files, taken.results) == (files, serial)
    assert sum(progress) == len(files)
    assert engine._WORKING is None  # the workers are gone
    assert [summary.display_path for summary, _ in serial] == [
        f"posts/{file.path.relative_to(in_tmp / 'posts').as_posix()}" for file in files
    ]


@given(count=st.integers(0, 5000), processes=st.integers(1, 16), span=st.integers(1, 600))
def test_guided_spans_cut_the_files_into_ordered_shrinking_shares(
    count: int, processes: int, span: int
) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(engine, "SPAN_POSTS", span)
        spans = engine._guided_spans(count, processes)
    assert [index for start, stop in spans for index in range(start, stop)] == list(range(count))
    sizes = [stop - start for start, stop in spans]
    assert all(0 < size <= span for size in sizes)
    assert sizes[:-1] == sorted(sizes[:-1], reverse=True)  # shrinking (the last: what is left)
    assert all(size >= max(1, span // 16) for size in sizes[:-1])
    if count >= 2 * processes * span:
        assert sizes[0] == span


def test_a_run_that_finds_no_posts_says_so_and_exits_zero(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({"posts/notes.txt": "not a post\n"})
    code, out, err = run_cli("check", "posts")
    assert code == 0
    assert "haikulint: warning: no posts found to check (*.md, *.markdown)" in err
    assert out == "No posts were checked.\n"
    code, _, err = run_cli("check", "--output-format", "json", "posts")
    assert code == 0 and "no posts found" in err


def test_force_exclude_keeps_excluded_files_out_even_when_named(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    draft = LONG.replace("posts/", "posts/drafts/", 1)
    write_blog(
        {
            "haikulint.toml": 'root = "posts"\nexclude = ["posts/drafts/"]\n',
            draft: yaml_post("Draft"),
            POND: yaml_post("Pond"),
        }
    )
    assert codes_by_path(check_json(draft)[1]) == {draft: {"slug-syllables"}}
    assert check_json("--force-exclude", draft, POND) == (0, [])
    assert check_json("posts") == (0, [])  # a walk never enters an excluded folder
    code, _, err = run_cli("check", "--force-exclude", draft)
    assert code == 0 and "no posts found" in err


def test_a_folder_that_cannot_be_listed_is_an_unreadable_file_problem(
    write_blog: WriteBlog, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 9 defect 8: a folder that cannot be listed is not "passed"."""
    import os

    write_blog({POND: yaml_post("Pond"), "posts/locked/" + MOON.removeprefix("posts/"): "x\n"})
    real_scandir = os.scandir
    locked = {"locked"}

    def scandir(path: str) -> object:  # root lists any folder, so refuse one here
        if os.path.basename(os.path.normpath(path)) in locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run_cli("check", "--output-format", "json", "posts")
    assert code == 1 and err == ""
    assert json.loads(out) == [
        {
            "path": "posts/locked",
            "code": "HK001",
            "name": "unreadable-file",
            "severity": "error",
            "line": None,
            "column": None,
            "message": "cannot list the folder (Permission denied); "
            "the posts in it were not checked",
            "fixable": False,
            "fix": None,
        }
    ]
    code, out, _ = run_cli("check", "posts")
    assert code == 1
    assert out.splitlines()[-1] == "Found 1 problem (1 error) in 1 of 2 files."
    assert "All checks passed" not in out
    # The whole posts folder unlistable: never "All checks passed: 0 files".
    locked.add("posts")
    code, out, err = run_cli("check", "posts")
    assert code == 1
    assert out.splitlines()[-1] == "Found 1 problem (1 error) in 1 of 1 file."
    assert "HK001 unreadable-file" in out
    # With the rule switched off it is still said, as a warning.
    code, out, err = run_cli("check", "--ignore", "HK001", "posts")
    assert (code, out) == (0, "No posts were checked.\n")
    assert "haikulint: warning: posts: cannot list the folder (Permission denied)" in err


def test_a_page_bundle_index_is_read_as_its_folder(write_blog: WriteBlog, in_tmp: Path) -> None:
    bundle = POND.replace(".md", "/index.md")
    write_blog({bundle: yaml_post("Pond"), "posts/_index.md": "---\ntitle: Posts\n---\n"})
    assert check_json("posts") == (0, [])
    assert check_json(bundle) == (0, [])  # named alone, as pre-commit names it
    long_bundle = LONG.replace(".md", "/index.md")
    write_blog({long_bundle: yaml_post("Long"), POND: yaml_post("Pond twice")})
    _, diagnostics = check_json("posts")
    assert codes_by_path(diagnostics) == {
        long_bundle: {"slug-syllables"},
        bundle: {"duplicate-slug"},  # posts/<slug>.md and posts/<slug>/index.md: one address
        POND: {"duplicate-slug"},
    }


def test_a_named_non_post_without_a_configured_root_brings_a_hint(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({"README.md": "# My blog\n", POND: yaml_post("Pond")})
    code, _, err = run_cli("check", "--output-format", "json", "README.md", POND)
    assert code == 1
    assert err == (
        'haikulint: hint: no root is configured: set root (in haikulint.toml: root = "posts") '
        "so that files named outside it are not judged as posts\n"
    )
    assert run_cli("check", "--output-format", "json", POND)[2] == ""  # a post: no hint
    assert run_cli("check", "--output-format", "json", ".")[2] == ""  # a folder: no hint


@pytest.mark.parametrize(
    ("config_file", "config", "hint"),
    [
        ("haikulint.toml", "form = [5, 7, 5]\n", 'in haikulint.toml: root = "posts"'),
        (".haikulint.toml", "form = [5, 7, 5]\n", 'in .haikulint.toml: root = "posts"'),
        (
            "pyproject.toml",
            "[tool.haikulint]\nform = [5, 7, 5]\n",
            'in pyproject.toml: [tool.haikulint] root = "posts"',
        ),
    ],
)
def test_the_root_hint_is_written_for_the_config_file(
    write_blog: WriteBlog, in_tmp: Path, config_file: str, config: str, hint: str
) -> None:
    write_blog({"README.md": "# My blog\n", POND: yaml_post("Pond"), config_file: config})
    code, _, err = run_cli("check", "--output-format", "json", "README.md", POND)
    assert code == 1
    assert err == (
        f"haikulint: hint: no root is configured: set root ({hint}) "
        "so that files named outside it are not judged as posts\n"
    )
    # The advice, followed, is a config that works: the README is no longer judged.
    (in_tmp / config_file).write_text(config + 'root = "posts"\n', encoding="utf-8")
    code, _, err = run_cli("check", "--output-format", "json", "README.md", POND)
    assert code == 0
    assert "hint" not in err
