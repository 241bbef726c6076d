"""Issue 9: one test (or a few) per defect the independent attack found, end to end.

Each test was written against the code before the fix and failed there; each checks
the whole class where the class has a shape (every link out, every bad gitignore line,
every parser behind a config file), not just the reported case. Defects 3 (orphaned
workers) and 8 (an unlistable posts folder) are tested with their fixes elsewhere.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from haikulint import escape, safe_fs
from haikulint.blog.discover import PostFile
from haikulint.blog.post import read_post, read_text
from tests.conftest import WriteBlog, check_json, run_cli

POND = "posts/an-old-silent-pond-/-a-frog-jumps-into-the-pond-/-splash-silence-again.md"
HAIKU = "the prod deploy froze / I parsed the pcap for hours / the repo held it"
GOOD = "---\ntitle: Pond\ndate: 2024-03-01\n---\n\nSome words.\n"
SECRET = "AWS_SECRET=abc123"


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


# --- 1. the root is a boundary for reading -------------------------------------------------


def test_1_a_link_to_a_file_outside_the_blog_is_named_never_read(
    write_blog: WriteBlog, in_tmp: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "s"
    outside.write_text(SECRET + "\n")
    blog = write_blog({POND: GOOD})
    (blog / "posts" / "x.md").symlink_to(outside)
    for args in (["posts"], ["posts/x.md"], ["."]):
        code, out, err = run_cli("check", "--no-progress", *args)
        assert SECRET not in out + err, args
        assert "posts/x.md: a symbolic link that leads outside the blog root" in err, args
        assert code == 0, (args, out)


def test_1_a_link_to_the_filesystem_root_is_not_walked(write_blog: WriteBlog, in_tmp: Path) -> None:
    blog = write_blog({POND: GOOD})
    (blog / "posts" / "all").symlink_to("/")
    (blog / "posts" / "up").symlink_to("..")
    (blog / "posts" / "me").symlink_to(".")
    code, out, err = run_cli("check", "--no-progress", "posts")
    assert (code, out.strip()) == (0, "All checks passed: 1 file, no problems.")
    assert sorted(_lines(err)) == [
        "haikulint: warning: posts/all: a symbolic link that leads outside the blog root; "
        "not followed, not read",
        "haikulint: warning: posts/me: a symbolic link to a folder above it (a loop); not followed",
        "haikulint: warning: posts/up: a symbolic link that leads outside the blog root; "
        "not followed, not read",
    ]


def test_1_each_link_is_named_once_even_when_the_whole_root_is_walked_again(
    write_blog: WriteBlog, in_tmp: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    write_blog({POND: GOOD, "haikulint.toml": 'root = "posts"\n'})
    (in_tmp / "posts" / "elsewhere").symlink_to(outside)
    # A file named alone: the cross-post rules walk the whole root as well.
    _, _, err = run_cli("check", "--no-progress", POND)
    assert err.count("posts/elsewhere") == 1


def test_1_a_link_inside_the_root_is_still_followed(write_blog: WriteBlog, in_tmp: Path) -> None:
    blog = write_blog({"posts/2024/" + POND.removeprefix("posts/"): GOOD})
    (blog / "posts" / "latest").symlink_to("2024")
    (blog / "posts" / "alias.md").symlink_to("2024/" + POND.removeprefix("posts/"))
    _code, diagnostics = check_json("--select", "HK001,HK101", "posts")
    assert [(item["path"], item["code"]) for item in diagnostics] == [("posts/alias.md", "HK101")]


def test_1_new_warns_about_a_link_out_of_the_blog_it_reads(
    write_blog: WriteBlog, in_tmp: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "s.md"
    outside.write_text(f"---\ntitle: {SECRET}\n---\n")
    blog = write_blog({POND: GOOD})
    (blog / "posts" / "x.md").symlink_to(outside)
    code, _out, err = run_cli(
        "new", HAIKU, "--title", SECRET, "--root", "posts", "--date", "2024-01-01"
    )
    assert code == 0, err
    assert "posts/x.md: a symbolic link that leads outside the blog root" in err
    assert "duplicate-title" not in err  # the title outside was never read


def test_1_a_folder_swapped_for_a_link_after_the_walk_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "b-").mkdir(parents=True)
    (outside / "b-" / "-c.md").write_text(f"Title: {SECRET}\n")
    root = tmp_path / "posts"
    (root / "a-" / "b-").mkdir(parents=True)
    post = root / "a-" / "b-" / "-c.md"
    post.write_text("Title: mine\n")
    file = PostFile(post, root)  # found by a walk...
    (root / "a-" / "b-" / "-c.md").unlink()
    (root / "a-" / "b-").rmdir()
    (root / "a-").rmdir()
    (root / "a-").symlink_to(outside)  # ...then a folder on its way becomes a link out
    read = read_post(file)
    assert read.read_error is not None and "outside the blog root" in read.read_error
    assert read.headers == {}


# --- 2. new writes only inside the root ----------------------------------------------------


def test_2_new_refuses_to_write_through_a_line_folder_that_leads_outside(
    in_tmp: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("OUT")
    (in_tmp / "posts").mkdir()
    (in_tmp / "posts" / "the-prod-deploy-froze-").symlink_to(outside)
    code, out, err = run_cli("new", HAIKU, "--title", "T", "--root", "posts")
    assert code == 1
    assert out == ""
    assert "leads outside the blog root" in err and "nothing was written" in err
    assert list(outside.iterdir()) == []


# --- 4. header parsing is linear ------------------------------------------------------------


def test_4_a_long_continued_header_and_many_ignore_lines_read_in_linear_time() -> None:
    # Before the fix, 80,000 continuation lines took 12 s and twice that 51 s. The bound
    # here is generous (a regression guard, not a speed measurement).
    continued = "Title: x\nDate: 2024-01-02\nSummary: s\n" + "    more words\n" * 160_000
    ignores = "Title: x\n" + "Haikulint-Ignore: HK103\n" * 100_000
    started = time.perf_counter()
    parts = read_text(continued)
    assert str(parts.headers["summary"]).count("more words") == 160_000
    suppressed = read_text(ignores)
    assert str(suppressed.headers["haikulint-ignore"]).count("HK103") == 100_000
    assert time.perf_counter() - started < 5


# --- 5. one post never aborts the run ----------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "style"),
    [
        ("+++\ntitle = 'T'\nx = " + "9" * 5000 + "\n+++\n", "TOML"),
        ('{"title": "T", "x": ' + "9" * 5000 + "}\n", "JSON"),
    ],
)
def test_5_a_huge_integer_in_front_matter_is_that_posts_problem(
    write_blog: WriteBlog, in_tmp: Path, content: str, style: str
) -> None:
    other = "posts/a-b-/-c.md"
    write_blog({POND: content, other: GOOD})
    code, diagnostics = check_json("posts")
    assert code == 1
    invalid = [item for item in diagnostics if item["code"] == "HK207"]
    assert [item["path"] for item in invalid] == [POND]
    assert f"invalid {style} front matter: a number has thousands of digits" in str(
        invalid[0]["message"]
    )
    assert any(item["path"] == other for item in diagnostics)  # the other post is reported


def test_5_a_check_that_fails_on_one_post_fails_only_there(
    write_blog: WriteBlog, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from haikulint import engine

    bind = engine.bind_post_rule  # type: ignore[attr-defined]

    def fragile(rule: object, context: object) -> object:
        check = bind(rule, context)  # type: ignore[arg-type]

        def run(post: object) -> object:
            if str(getattr(post, "headers", {}).get("title")) == "Boom":
                raise TypeError("a check's bug")
            return check(post)  # type: ignore[arg-type]

        return run

    monkeypatch.setattr(engine, "bind_post_rule", fragile)
    other = "posts/a-b-/-c.md"
    write_blog({POND: GOOD.replace("Pond", "Boom"), other: GOOD})
    code, diagnostics = check_json("--select", "HK1,HK201", "posts")
    assert code == 1
    failed = [item for item in diagnostics if "could not check" in str(item["message"])]
    assert {item["path"] for item in failed} == {POND}
    assert str(failed[0]["message"]).endswith("(TypeError: a check's bug); please report it")
    assert any(item["path"] == other and item["code"] == "HK101" for item in diagnostics)


# --- 6. gitignore lines git accepts ---------------------------------------------------------------


@pytest.mark.parametrize("line", ["!", "\\", "!\\", "[z-a]"])
def test_6_a_gitignore_line_git_accepts_never_crashes(
    write_blog: WriteBlog, in_tmp: Path, line: str
) -> None:
    write_blog({POND: GOOD, "posts/.gitignore": f"{line}\ndrafts/\n", "posts/drafts/x.md": "x"})
    code, out, err = run_cli("check", "--no-progress", "posts")
    assert (code, out.strip()) == (0, "All checks passed: 1 file, no problems.")  # drafts/ still
    assert _lines(err) == [
        f"haikulint: warning: posts/.gitignore: line 1: {line!r} is not a pattern "
        "haikulint can read; it matches nothing"
    ]


@pytest.mark.parametrize("line", ["!", "\\", "!\\", "[z-a]"])
def test_6_the_same_lines_in_exclude_and_per_file_ignores_never_crash(
    write_blog: WriteBlog, in_tmp: Path, line: str
) -> None:
    quoted = json.dumps(line)
    config = f"exclude = [{quoted}]\n[per-file-ignores]\n{quoted} = ['HK1']\n"
    write_blog({POND: GOOD, "haikulint.toml": config})
    code, _out, err = run_cli("check", "--no-progress", "posts")
    assert code == 0, err
    assert "internal error" not in err
    assert f"exclude: entry 1: {line!r} is not a pattern haikulint can read" in err
    assert f"per-file-ignores: {line!r} is not a pattern haikulint can read" in err


# --- 7. --write-baseline is atomic --------------------------------------------------------------


def test_7_a_failed_baseline_write_leaves_the_old_baseline_whole(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({"posts/bad.md": "x\n"})
    assert run_cli("check", "--no-progress", "--write-baseline", "base.json", "posts")[0] == 0
    before = (in_tmp / "base.json").read_bytes()
    write_blog({f"posts/bad{index}.md": "x\n" for index in range(200)})
    # A real failing write: a file-size limit of 4 kB makes write() fail with EFBIG,
    # as a full disk makes it fail with ENOSPC.
    script = (
        "import resource, signal, sys;"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN);"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096));"
        "from haikulint.cli import main;"
        "main(['check', '--no-progress', '--write-baseline', 'base.json', 'posts'])"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 2
    assert _lines(done.stderr)[-1].startswith("haikulint: error: base.json: cannot write baseline")
    assert (in_tmp / "base.json").read_bytes() == before
    assert sorted(path.name for path in in_tmp.iterdir()) == ["base.json", "posts"]


def test_7_the_baseline_is_written_through_write_atomically(
    write_blog: WriteBlog, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[Path] = []
    real = safe_fs.write_atomically

    def spy(path: Path, data: bytes) -> None:
        written.append(path)
        real(path, data)

    monkeypatch.setattr(safe_fs, "write_atomically", spy)
    monkeypatch.setattr("haikulint.baseline.write_atomically", spy)
    write_blog({"posts/bad.md": "x\n"})
    assert run_cli("check", "--no-progress", "--write-baseline", "b.json", "posts")[0] == 0
    assert Path("b.json") in written  # (the result cache is written the same way)


# --- 9. every message is escaped and on one line ------------------------------------------------


def test_9_a_missing_path_with_a_newline_is_one_escaped_line(in_tmp: Path) -> None:
    code, _out, err = run_cli("check", "gone\n::error::pwned\x1b[31m")
    assert code == 2
    assert err == ("haikulint: error: gone\\n::error::pwned\\x1b[31m: no such file or folder\n")


@pytest.mark.skipif(sys.platform == "darwin", reason="file names must be valid UTF-8 there")
def test_9_warnings_and_text_reports_escape_paths(write_blog: WriteBlog, in_tmp: Path) -> None:
    name = "::error file=x::pwn\x1b[2J\n.md"
    blog = write_blog({f"posts/{name}": "x\n", "posts/.gitignore": "[z-a]\n"})
    (blog / "posts" / f"{name}-link.md").symlink_to("/etc/hostname")
    code, out, err = run_cli("check", "--no-progress", "posts")
    assert code == 1
    for stream in (out, err):
        assert "\x1b" not in stream
        assert not any(line.startswith("::") for line in stream.splitlines())
    assert "posts/::error file=x::pwn\\x1b[2J\\n.md-link.md: a symbolic link" in err
    code, out, _ = run_cli(
        "check", "--no-progress", "--output-format", "concise", "--root", "posts", f"posts/{name}"
    )
    assert out.splitlines()[0].startswith("posts/::error file=x::pwn\\x1b[2J\\n.md")


def test_9_a_text_report_line_never_starts_a_workflow_command(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({"::warning::x.md": "x\n"})
    code, out, _ = run_cli("check", "--no-progress", "--root", ".", "::warning::x.md")
    assert code == 1
    assert out.splitlines()[0] == "\\x3a:warning::x.md"
    assert escape.one_line("::x") == "\\x3a:x"


def test_9_rules_from_a_users_rules_dir_are_printed_escaped(in_tmp: Path) -> None:
    (in_tmp / "rules").mkdir()
    (in_tmp / "rules" / "TK1.toml").write_text(
        'code = "TK101"\nname = "tanka-lines"\nkind = "slug-lines"\nseverity = "error"\n'
        'summary = "evil \\u001b[2J summary"\nwhy = "line\\u001b]0;title\\u0007"\n'
    )
    (in_tmp / "haikulint.toml").write_text('rules-dirs = ["rules"]\n')
    for args in (["rules"], ["rule", "TK101"]):
        code, out, err = run_cli(*args)
        assert code == 0, err
        assert "\x1b" not in out and "\x07" not in out
        assert "\\x1b" in out


def test_9_every_message_on_standard_error_goes_through_escape() -> None:
    """The class, not the case: no module writes a formatted message to standard error
    itself (it would print a path raw); escape.warn/error/hint/note do it for all."""
    import re

    source = Path(__file__).parent.parent / "src" / "haikulint"
    raw = re.compile(r"stderr\.write\(f|echo\(f[\"']haikulint: |err=True\)")
    offenders = [
        f"{path.relative_to(source)}:{number}: {line.strip()}"
        for path in sorted(source.rglob("*.py"))
        if path.name != "escape.py"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if raw.search(line) and "escape." not in line and "prompt(" not in line
    ]
    assert offenders == []


# --- 10. every input is bounded -----------------------------------------------------------------


def test_10_a_huge_sparse_post_is_a_diagnostic_not_a_read(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({POND: GOOD})
    with open(in_tmp / "posts" / "huge.md", "wb") as handle:
        handle.truncate(8 << 30)  # 8 GB of holes: MemoryError before the fix
    code, diagnostics = check_json("posts")
    assert code == 1
    [huge] = [item for item in diagnostics if item["code"] == "HK001"]
    assert huge["path"] == "posts/huge.md"
    assert huge["message"] == (
        "cannot read the file: it is 8 GB, over max-post-size, 4 MB; it was not read"
    )


def test_10_max_post_size_is_configurable(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({POND: GOOD + "words " * 400, "haikulint.toml": 'max-post-size = "1 kB"\n'})
    code, diagnostics = check_json("posts")
    assert [item["code"] for item in diagnostics] == ["HK001"]
    (in_tmp / "haikulint.toml").write_text("max-post-size = 0\n")
    code, _out, err = run_cli("check", "posts")
    assert code == 2
    assert "'max-post-size' must be a size in bytes" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("setting", ["words-file", "baseline", "config"])
@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_10_a_fifo_or_device_as_words_file_baseline_or_config_is_refused_at_once(
    write_blog: WriteBlog, in_tmp: Path, setting: str, special: str
) -> None:
    write_blog({POND: GOOD})
    if special == "fifo":
        os.mkfifo(in_tmp / "fifo")
    path = str(in_tmp / special) if special == "fifo" else special
    args = ["check", "--no-progress", "posts"]
    if setting == "words-file":
        (in_tmp / "haikulint.toml").write_text(f"words-file = {json.dumps(path)}\n")
    elif setting == "baseline":
        args += ["--baseline", path]
    else:
        args += ["--config", path]
    # In a child process with a deadline: before the fix a FIFO hung and /dev/zero
    # was read until the memory ran out.
    done = subprocess.run(
        [sys.executable, "-m", "haikulint", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=in_tmp,
    )
    assert done.returncode == 2
    kind = "a named pipe (FIFO)" if special == "fifo" else "a device"
    [line] = _lines(done.stderr)
    assert f"{kind}, not a regular file" in line, line


# --- 11. other internal errors ---------------------------------------------------------------


def test_11_a_byte_that_is_not_utf8_in_news_haiku_is_a_usage_error(in_tmp: Path) -> None:
    haiku = os.fsdecode(
        b"the prod deploy \xff froze / I parsed the pcap for hours / the repo held it"
    )
    code, out, err = run_cli("new", haiku, "--title", "T", "--force")
    assert (code, out) == (2, "")
    assert err == "haikulint: error: HAIKU holds the byte 0xff, which is not UTF-8 text\n"
    assert not (in_tmp / "posts").exists()


def test_11_running_from_a_deleted_folder_is_one_clean_line(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    script = (
        "import os, sys;"
        f"os.chdir({str(gone)!r}); os.rmdir({str(gone)!r});"
        "from haikulint.cli import main;"
        "main(sys.argv[1:])"
    )
    for args in (["check"], ["new", HAIKU, "--title", "T"]):
        gone.mkdir()
        done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True)
        assert done.returncode == 2, args
        assert done.stderr == (
            "haikulint: error: the current folder no longer exists (was it deleted?); "
            "cd to one that does\n"
        )


@pytest.mark.parametrize(
    ("config", "extra", "expected"),
    [
        ('words-file = "w.txt"\n', b"kubectl 3\x00\n", "w.txt:1: expected 'word count'"),
        ('rules-dirs = ["a\\u0000b"]\n', b"", "'rules-dirs' holds a NUL character"),
        ('root = "a\\u0000b"\n', b"", "'root' holds a NUL character"),
        ("form = [" + "9" * 5000 + "]\n", b"", "a number with thousands of digits"),
        ("x = " + "[" * 5000 + "]" * 5000 + "\n", b"", "nested too deeply"),
    ],
)
def test_11_bad_configs_are_one_line_config_errors(
    in_tmp: Path, config: str, extra: bytes, expected: str
) -> None:
    (in_tmp / "posts").mkdir()
    (in_tmp / "w.txt").write_bytes(extra)
    (in_tmp / "pyproject.toml").write_text("[tool.haikulint]\n" + config)
    code, _out, err = run_cli("check", "--no-progress", "posts")
    assert code == 2
    line = _lines(err)[-1]
    assert line.startswith("haikulint: error: ") and expected in line, line
    assert "internal error" not in err


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ('{"haikulint-baseline": ' + "1" * 5000 + ', "problems": []}', "thousands of digits"),
        ('{"haikulint-baseline": 1, "problems": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested"),
    ],
)
def test_11_a_hostile_baseline_is_a_one_line_error(
    write_blog: WriteBlog, in_tmp: Path, document: str, expected: str
) -> None:
    write_blog({POND: GOOD, "base.json": document})
    code, _out, err = run_cli("check", "--no-progress", "--baseline", "base.json", "posts")
    assert code == 2
    [line] = _lines(err)
    assert (
        line.startswith("haikulint: error: base.json: not a haikulint baseline")
        and expected in line
    )


# --- 12. lenient or lossy reading -------------------------------------------------------------


def test_12_a_lone_cr_ends_a_line(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({POND: "---\rtitle: Pond\rdate: 2024-03-01\r---\r\rSome words.\r"})
    assert check_json("posts") == (0, [])


def test_12_nfc_and_nfd_spellings_of_one_slug_are_duplicates(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    nfc = "posts/caf\u00e9-one-/-two-/-three.md"
    nfd = "posts/cafe\u0301-one-/-two-/-three.markdown"
    write_blog({nfc: GOOD, nfd: GOOD.replace("Pond", "Other")})
    _, diagnostics = check_json("--select", "HK301", "posts")
    assert sorted(str(item["path"]) for item in diagnostics) == sorted([nfc, nfd])


@pytest.mark.parametrize("day", ["2024-01-02T10:00:00+99:99", "\u0662\u0660\u0662\u0664-01-02"])
def test_12_impossible_offsets_and_non_ascii_digits_are_invalid_dates(
    write_blog: WriteBlog, in_tmp: Path, day: str
) -> None:
    write_blog({POND: f"---\ntitle: Pond\ndate: '{day}'\n---\n"})
    _, diagnostics = check_json("posts")
    assert [item["code"] for item in diagnostics] == ["HK203"]


@pytest.mark.skipif(sys.platform == "darwin", reason="file names must be valid UTF-8 there")
def test_12_a_file_name_that_is_not_utf8_is_valid_strict_json(in_tmp: Path) -> None:
    folder = in_tmp / "posts"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.md")).write_text(GOOD)
    _, diagnostics = check_json("posts")
    assert {item["path"] for item in diagnostics} == {"posts/caf\\xe9.md"}
    _code, out, _ = run_cli("check", "--output-format", "json", "posts")
    out.encode("utf-8")  # no lone surrogate: a strict UTF-8 reader takes it
    json.loads(out)
