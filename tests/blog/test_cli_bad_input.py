"""Through the CLI: every bad file gets a verdict, and nothing stops the run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import WriteBlog, check_json, codes_by_path, run_cli
from tests.seeds import write_seeds

GOOD = "---\ntitle: Froze\ndate: 2023-04-24\n---\n\nApril 24, 2023 - The deploy froze.\n"
BOMB = (
    "---\n"
    + "\n".join(
        ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        + [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, 30)]
    )
    + "\n---\n"
)

BAD_FILES: dict[str, str | bytes] = {
    "post/binary.md": b"\x00\x01\x02PNG",
    "post/latin.md": "Title: Caf\u00e9\n".encode("latin-1"),
    "post/empty.md": "",
    "post/dashes.md": "---\n",
    "post/unclosed.md": "---\ntitle: x\n\nBody.\n",
    "post/syntax.md": "---\ntitle: [x\n---\n",
    "post/list.md": "---\n- a\n- b\n---\n",
    "post/bomb.md": BOMB,
    "post/int-date.md": "---\ntitle: x\ndate: 20240520\n---\n",
    "post/list-title.md": "---\ntitle: [a, b]\ndate: 2024-05-20\n---\n",
    "post/.md": "Title: x\nDate: 2024-05-20\n",
    "post/good-/-one.md": GOOD,
}


def test_every_bad_file_gets_a_verdict(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog(BAD_FILES)
    code, diagnostics = check_json("post")
    assert code == 1
    names = codes_by_path(diagnostics)
    assert "unreadable-file" in names["post/binary.md"]
    assert "unreadable-file" in names["post/latin.md"]
    for broken in ("dashes", "unclosed", "syntax", "list", "bomb"):
        assert "front-matter-invalid" in names[f"post/{broken}.md"], broken
    assert "date-invalid" in names["post/int-date.md"]
    assert "title-missing" in names["post/empty.md"]
    assert "post/.md" in names
    messages = {d["path"]: d["message"] for d in diagnostics if d["name"] == "unreadable-file"}
    assert "binary" in str(messages["post/binary.md"])
    assert "UTF-8" in str(messages["post/latin.md"])


def test_a_missing_path_is_a_one_line_usage_error(in_tmp: Path) -> None:
    code, _out, err = run_cli("check", "--no-progress", "no-such-folder")
    assert code == 2
    assert "no-such-folder: no such file or folder" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_symlink_loop_in_the_blog(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({"post/good-/-one.md": GOOD})
    (in_tmp / "post" / "loop").symlink_to(in_tmp / "post")
    _, diagnostics = check_json("post")
    assert {d["path"] for d in diagnostics} <= {"post/good-/-one.md"}


def test_checking_the_top_folder_or_the_section_judges_the_same(in_tmp: Path) -> None:
    write_seeds(in_tmp)
    _, from_top = check_json(".")
    _, from_section = check_json("post")
    assert codes_by_path(from_top) == codes_by_path(from_section)


def test_a_file_named_alone_as_pre_commit_does(in_tmp: Path) -> None:
    write_seeds(in_tmp)
    path = "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md"
    _, alone = check_json(path)
    _, walked = check_json("post")
    assert codes_by_path(alone)[path] == codes_by_path(walked)[path]


def test_no_traceback_from_a_real_process(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog(BAD_FILES)
    result = subprocess.run(
        [sys.executable, "-m", "haikulint", "check", "--no-progress", "post"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "post/binary.md" in result.stdout
