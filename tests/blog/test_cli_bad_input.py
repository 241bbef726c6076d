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


# --- reading a post: issue 3's audit, each through the CLI ----------------------------------


def problems(diagnostics: list[dict[str, object]], path: str) -> dict[str, dict[str, object]]:
    """The diagnostics of one file by rule name (slug rules left out)."""
    return {
        str(d["name"]): d
        for d in diagnostics
        if d["path"] == path and not str(d["code"]).startswith("HK1")
    }


def test_deeply_nested_front_matter_is_front_matter_invalid(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog(
        {
            "post/toml-list.md": '+++\ntitle = "T"\nx = ' + "[" * 500 + "]" * 500 + "\n+++\n",
            "post/toml-table.md": '+++\ntitle = "T"\nx = '
            + "{a = " * 500
            + "1"
            + "}" * 500
            + "\n+++\n",
            "post/yaml.md": "---\ntitle: T\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n",
            "post/json.md": '{\n"title": "T",\n"x": ' + "[" * 5000 + "]" * 5000 + "\n}\n",
            "post/good-/-one.md": GOOD,
        }
    )
    code, diagnostics = check_json("post")  # exit 2 (internal error) fails here
    assert code == 1
    for name in ("toml-list", "toml-table", "yaml", "json"):
        found = problems(diagnostics, f"post/{name}.md")
        assert set(found) == {"front-matter-invalid"}, name
        assert found["front-matter-invalid"]["line"] == 3
        assert "nested more than 100 levels deep" in str(found["front-matter-invalid"]["message"])


def test_a_header_line_with_a_million_spaces_is_read(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({"post/spaces.md": "Title: a" + " " * 1_000_000 + "b\nDate: 2024-01-02\n\nBody.\n"})
    _, diagnostics = check_json("post")
    assert problems(diagnostics, "post/spaces.md") == {}


def test_the_title_missing_message_names_the_line_meant_as_the_title(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog(
        {
            "post/colon.md": "Kubernetes: The Hard Way\nDate: 2024-01-02\n\nbody\n",
            "post/heading.md": "# The Old Server\n\nThe fans hum.\n",
            "post/sentence.md": "---\ndate: 2024-01-02\n---\n\nThis is the first body sentence.\n",
        }
    )
    _, diagnostics = check_json("post")
    colon = problems(diagnostics, "post/colon.md")["title-missing"]
    assert colon["line"] == 1
    assert '"Kubernetes: The Hard Way" (line 1)' in str(colon["message"])
    assert str(colon["message"]).endswith("write it as Title: Kubernetes: The Hard Way")
    assert '"body"' not in str(colon["message"])
    assert "was read as a header 'kubernetes'; if it is the title," in str(colon["message"])
    heading = problems(diagnostics, "post/heading.md")["title-missing"]
    assert heading["line"] == 1
    assert str(heading["message"]).endswith("write it as Title: The Old Server")
    sentence = problems(diagnostics, "post/sentence.md")["title-missing"]
    assert sentence["message"] == (
        "no title header; add title: ... inside the --- front matter, after the date: line (line 2)"
    )


def test_a_suggested_yaml_header_is_quoted_when_plain_yaml_would_not_hold_it(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    from haikulint.blog.post import read_text

    write_blog({"post/colon.md": "---\ndate: 2024-01-02\n---\n\nKubernetes: The Hard Way\n"})
    _, diagnostics = check_json("post")
    message = str(problems(diagnostics, "post/colon.md")["title-missing"]["message"])
    suggestion = 'title: "Kubernetes: The Hard Way"'
    assert message.endswith(f"write it as {suggestion} in the --- front matter")
    fixed = read_text(f"---\n{suggestion}\ndate: 2024-01-02\n---\n")  # the advice works
    assert fixed.headers["title"] == "Kubernetes: The Hard Way"


def test_a_pelican_haiku_header_is_compared_with_the_slug(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog(
        {
            "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md": (
                "Title: A\nDate: 2024-01-02\n"
                "Haiku: the old server hums / a fan spins in the dark hall / nobody looks in\n"
            ),
        }
    )
    _, diagnostics = check_json("post")
    (mismatch,) = [d for d in diagnostics if d["name"] == "haiku-mismatch"]
    assert mismatch["line"] == 3
    assert "the old server hums" in str(mismatch["message"])


def test_front_matter_errors_say_what_would_be_right(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog(
        {
            "post/yaml-colon.md": "---\ntitle: Kubernetes: The Hard Way\n---\n",
            "post/toml-bare.md": "+++\ntitle = A Title\n+++\n",
            "post/yaml-quote.md": '---\ntitle: "unterminated\ndate: 2024-01-02\nx: y\n---\n',
        }
    )
    _, diagnostics = check_json("post")
    messages = {
        name: problems(diagnostics, f"post/{name}.md")["front-matter-invalid"]
        for name in ("yaml-colon", "toml-bare", "yaml-quote")
    }
    assert 'quoted: title: "Kubernetes: The Hard Way"' in str(messages["yaml-colon"]["message"])
    assert 'text values are quoted in TOML: title = "A Title"' in str(
        messages["toml-bare"]["message"]
    )
    assert "starts on line 2 is never closed" in str(messages["yaml-quote"]["message"])
    assert messages["yaml-quote"]["line"] == 2


def test_an_impossible_toml_date_is_date_invalid_like_yaml(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog(
        {
            "post/toml.md": '+++\ntitle = "T"\ndate = 2023-02-30\n+++\n',
            "post/yaml.md": "---\ntitle: Y\ndate: 2023-02-30\n---\n",
        }
    )
    _, diagnostics = check_json("post")
    toml, yaml = problems(diagnostics, "post/toml.md"), problems(diagnostics, "post/yaml.md")
    assert set(toml) == set(yaml) == {"date-invalid"}
    assert toml["date-invalid"]["line"] == 3
    assert "February 2023 has no day 30" in str(toml["date-invalid"]["message"])


def test_json_front_matter_on_one_line(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({"post/json.md": '{"title": "T", "date": "2024-01-02"}\n\nbody\n'})
    _, diagnostics = check_json("post")
    assert problems(diagnostics, "post/json.md") == {}


def test_a_header_without_a_space_after_the_colon(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog(
        {
            "post/tight.md": "Title: Tight\ndate:2023-04-24\n\nbody\n",
            "post/url.md": "http://example.com\nDate: 2024-01-02\n\nbody\n",
            "post/time.md": "12:30\n\nbody\n",
        }
    )
    _, diagnostics = check_json("post")
    assert problems(diagnostics, "post/tight.md") == {}
    for name, line in (("url", "http://example.com"), ("time", "12:30")):
        missing = problems(diagnostics, f"post/{name}.md")["title-missing"]
        assert f'the bare line "{line}" (line 1) is not a header' in str(missing["message"])


def test_a_numeric_date_with_a_day_over_12_is_read(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog(
        {
            "post/day-first.md": "Title: D\nDate: 24/04/2023\n",
            "post/month-first.md": "Title: M\nDate: 04/24/2023\n",
            "post/ambiguous.md": "Title: A\nDate: 04/05/2023\n",
        }
    )
    _, diagnostics = check_json("post")
    assert problems(diagnostics, "post/day-first.md") == {}
    assert problems(diagnostics, "post/month-first.md") == {}
    invalid = problems(diagnostics, "post/ambiguous.md")["date-invalid"]
    assert "ambiguous (day or month first?)" in str(invalid["message"])
    assert "2023-05-04 if 4 is the day, 2023-04-05 if it is the month" in str(invalid["message"])
