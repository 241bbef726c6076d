from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from haikulint.cli import app
from tests.conftest import WriteBlog, run_cli

DONE_WHEN = "the prod deploy froze / I parsed the pcap for hours / the repo holds it all"


def test_table_shows_totals_and_the_failing_line(in_tmp: Path) -> None:
    code, out, err = run_cli("syllables", DONE_WHEN)
    assert (code, err) == (0, "")
    totals = [line for line in out.splitlines() if "total" in line]
    assert len(totals) == 3
    assert "5" in totals[0] and "✓" in totals[0]
    assert "7|8" in totals[1] and "✓" in totals[1]
    assert "6" in totals[2] and "✗ expected 5" in totals[2]
    assert "re-po" in out and "lexicon" in out and "cmudict" in out
    assert "\x1b[" not in out  # no colour when not a terminal


def test_json_lines_exact_shape(in_tmp: Path) -> None:
    code, out, _ = run_cli("syllables", "--format", "json", DONE_WHEN, "hours")
    assert code == 0
    objects = [json.loads(line) for line in out.splitlines()]
    assert len(objects) == 2
    assert objects[1] == {
        "text": "hours",
        "lines": [
            {
                "text": "hours",
                "totals": [1, 2],
                "words": [{"text": "hours", "readings": [1, 2], "source": "cmudict"}],
            }
        ],
    }
    assert [line["totals"] for line in objects[0]["lines"]] == [[5], [7, 8], [6]]


def test_slug_input(in_tmp: Path) -> None:
    code, out, _ = run_cli(
        "syllables",
        "--format",
        "json",
        "the-deploy-pipeline-/-the-service-mesh-confused-us-all-/-i-strace-the-memory",
    )
    assert code == 0
    lines = json.loads(out)["lines"]
    assert lines[0]["text"] == "the-deploy-pipeline"
    assert [line["totals"] for line in lines][:2] == [[5], [8]]


def test_dash_reads_one_input_per_line_of_stdin(in_tmp: Path) -> None:
    code, out, _ = run_cli("syllables", "--format", "json", "-", input="llm\n\naws\n")
    assert code == 0
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["llm", "aws"]


def test_piped_stdin_without_text(in_tmp: Path) -> None:
    code, out, _ = run_cli("syllables", "--format", "json", input="2024\n")
    assert code == 0
    assert json.loads(out)["lines"][0]["totals"] == [5, 6]


def test_unknown_format_is_a_usage_error(in_tmp: Path) -> None:
    code, _, err = run_cli("syllables", "--format", "xml", "hello")
    assert code == 2
    assert err == "haikulint: error: unknown --output-format 'xml' (choose from table, json)\n"
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("config_file", "config", "words_table", "hint"),
    [
        (None, "", "[words]\n", "in haikulint.toml: [words] zorblaxian = N"),
        ("haikulint.toml", "", "[words]\n", "in haikulint.toml: [words] zorblaxian = N"),
        (
            "pyproject.toml",
            "[tool.haikulint]\n",
            "[tool.haikulint.words]\n",
            "in pyproject.toml: [tool.haikulint.words] zorblaxian = N",
        ),
    ],
)
def test_unknown_words_stand_out(
    in_tmp: Path, config_file: str | None, config: str, words_table: str, hint: str
) -> None:
    if config_file is not None:
        (in_tmp / config_file).write_text(config, encoding="utf-8")
    code, out, _ = run_cli("syllables", "zorblaxian florp")
    assert code == 0
    assert "estimate" in out and "?" in out
    assert f"If it is wrong, set it {hint}" in " ".join(out.split())
    if config_file == "pyproject.toml":
        assert "tool.haikulint.words" in out
    # The advice, followed, is a config that works.
    config_path = in_tmp / (config_file or "haikulint.toml")
    config_path.write_text(config + words_table + "zorblaxian = 3\n", encoding="utf-8")
    code, out, _ = run_cli("syllables", "--format", "json", "zorblaxian")
    assert code == 0
    assert json.loads(out)["lines"][0]["words"][0]["source"] == "user"


def test_user_words_from_config(in_tmp: Path) -> None:
    (in_tmp / "pyproject.toml").write_text(
        "[tool.haikulint]\nform = [5, 7, 5]\n[tool.haikulint.words]\nzorblax = [2, 3]\n",
        encoding="utf-8",
    )
    code, out, _ = run_cli("syllables", "--format", "json", "zorblax")
    assert code == 0
    assert json.loads(out)["lines"][0]["words"][0] == {
        "text": "zorblax",
        "readings": [2, 3],
        "source": "user",
    }


def test_configured_form_marks_lines(in_tmp: Path) -> None:
    (in_tmp / "haikulint.toml").write_text("form = [2, 2]\n", encoding="utf-8")
    code, out, _ = run_cli("syllables", "deploy / the repo")
    assert code == 0
    assert "✓ 2" in out and "✗ expected 2" in out


def test_typer_app_runs_the_command(in_tmp: Path) -> None:
    result = CliRunner().invoke(app, ["syllables", "--format", "json", "kubectl"])
    assert result.exit_code == 0
    assert json.loads(result.output)["lines"][0]["totals"] == [3, 4]


def test_any_unicode_input_is_counted(in_tmp: Path) -> None:
    code, out, _ = run_cli("syllables", "--format", "json", "日本語 / é\u0301 ½ 𝔘 / \x00 ...")
    assert code == 0
    assert len(json.loads(out)["lines"]) >= 2


def test_console_script_in_a_subprocess(tmp_path: Path) -> None:
    script = shutil.which("haikulint") or str(Path(sys.executable).with_name("haikulint"))
    if not Path(script).exists():
        pytest.skip("console script not installed")
    environment = {**os.environ, "NO_COLOR": "1", "HAIKULINT_CACHE_DIR": str(tmp_path / "c")}
    result = subprocess.run(
        [script, "syllables", "--format", "json", DONE_WHEN],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert [line["totals"] for line in json.loads(result.stdout)["lines"]] == [[5], [7, 8], [6]]
    assert list((tmp_path / "c").iterdir())  # the dictionary table was cached there


@pytest.mark.parametrize("text", ["the :rocket: shipped / at noon", "the [/b] repo / [red]x"])
def test_the_title_is_the_input_as_typed(in_tmp: Path, text: str) -> None:
    """Not read as rich markup (``[/b]`` used to be an internal error) or emoji codes."""
    code, out, err = run_cli("syllables", text)
    assert (code, err) == (0, "")
    assert out.splitlines()[0].strip() == text


def test_the_table_loads_only_what_it_needs(tmp_path: Path) -> None:
    """Start-up: a table for a line of known words needs no JSON, TOML (without a
    config file), emoji table, pyphen, syllables or cmudict import."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from haikulint.cli import main\n"
        "from haikulint.config import find_config_file\n"
        "try:\n"
        "    main(['syllables', 'the prod deploy froze'])\n"
        "except SystemExit as exit_:\n"
        "    assert not exit_.code, exit_.code\n"
        "unwanted = {'json', 'rich._emoji_codes', 'pyphen', 'syllables', 'cmudict'}\n"
        "if find_config_file(Path.cwd()) is None:\n"
        "    unwanted.add('tomllib')\n"
        "loaded = sorted(unwanted & set(sys.modules))\n"
        "assert not loaded, loaded\n"
    )
    environment = {**os.environ, "NO_COLOR": "1", "HAIKULINT_CACHE_DIR": str(tmp_path / "c")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "de-ploy" in result.stdout


class _Terminal:
    def isatty(self) -> bool:
        return True

    def __iter__(self):  # pragma: no cover - never read
        raise AssertionError("a terminal is never read")


def test_no_text_on_a_terminal_is_a_usage_error() -> None:
    from haikulint.commands.syllables import read_inputs
    from haikulint.errors import UsageError

    with pytest.raises(UsageError, match="no text to count"):
        read_inputs([], _Terminal())  # type: ignore[arg-type]


# --- issue 2 audit ---


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("1,000,000,000,000,000,000", [4]),  # one sextillion
        ("1000000000000000000th", [4]),  # one quintillionth
        ("9" * 5000, [5000]),  # digit by digit
    ],
)
def test_huge_numbers_are_read_not_an_internal_error(
    in_tmp: Path, text: str, totals: list[int]
) -> None:
    code, out, err = run_cli("syllables", "--format", "json", text)
    assert (code, err) == (0, "")
    assert json.loads(out)["lines"][0]["totals"] == totals


def test_a_huge_number_on_stdin(in_tmp: Path) -> None:
    code, out, err = run_cli("syllables", "-", input="9" * 5000 + "\n")
    assert (code, err) == (0, "")
    assert "5000" in out


def test_check_reads_a_huge_number_in_a_slug(write_blog: WriteBlog, in_tmp: Path) -> None:
    """The same numbers, met by ``check`` as slug words, were an internal error too."""
    write_blog(
        {
            "posts/the-1000000000000000000th-/-a-frog-jumps-into-the-pond-/-splash.md": (
                "---\ntitle: Big\ndate: 2024-03-01\n---\n\nSome words.\n"
            )
        }
    )
    code, out, err = run_cli("check", "--output-format", "json", "--no-progress", "posts")
    assert code in (0, 1), err
    assert "internal error" not in err
    assert any(d["name"] == "slug-syllables" for d in json.loads(out))


def test_all_caps_haiku_is_not_spelled_out(in_tmp: Path) -> None:
    code, out, _ = run_cli("syllables", "--format", "json", "OLD POND / A FROG JUMPS / SPLASH")
    assert code == 0
    lines = json.loads(out)["lines"]
    assert [line["totals"] for line in lines] == [[2], [3], [1]]
    assert lines[0]["words"][1] == {"text": "POND", "readings": [1], "source": "cmudict"}


def test_a_slash_between_words_of_free_text_is_not_a_line_break(in_tmp: Path) -> None:
    text = "the pager rang out / I was on call 24/7 / the coffee ran cold"
    code, out, _ = run_cli("syllables", "--format", "json", text)
    assert code == 0
    lines = json.loads(out)["lines"]
    assert [line["text"] for line in lines] == [
        "the pager rang out",
        "I was on call 24/7",
        "the coffee ran cold",
    ]
    assert [line["totals"] for line in lines] == [[5], [9], [5]]
    assert [word["text"] for word in lines[1]["words"]][-2:] == ["24", "7"]


@pytest.mark.parametrize(
    "slug",
    [
        "the-cron-job-ran-twice/a-null-pointer-in-the-logs/we-all-went-home",
        "the-cron-job-ran-twice-/-a-null-pointer-in-the-logs-/-we-all-went-home",
    ],
)
def test_slugs_still_split_on_every_slash(in_tmp: Path, slug: str) -> None:
    code, out, _ = run_cli("syllables", "--format", "json", slug)
    assert code == 0
    assert len(json.loads(out)["lines"]) == 3


def test_empty_input_says_no_words(in_tmp: Path) -> None:
    code, out, err = run_cli("syllables", "")
    assert (code, err) == (0, "")
    assert out.strip() == "no words"
    assert "┏" not in out
    code, out, _ = run_cli("syllables", "...")
    assert (code, out.strip()) == (0, "...: no words")
    code, out, _ = run_cli("syllables", "--format", "json", "")
    assert (code, json.loads(out)) == (0, {"text": "", "lines": []})


def test_json_words_are_as_written(in_tmp: Path) -> None:
    code, out, _ = run_cli("syllables", "--format", "json", "don’t stop")
    assert code == 0
    words = json.loads(out)["lines"][0]["words"]
    assert words[0] == {"text": "don’t", "readings": [1], "source": "cmudict"}


def test_money_and_dotted_abbreviations(in_tmp: Path) -> None:
    code, out, _ = run_cli("syllables", "--format", "json", "$10 for .NET e.g. at 1,5")
    assert code == 0
    words = json.loads(out)["lines"][0]["words"]
    assert [(word["text"], word["readings"]) for word in words] == [
        ("$10", [3]),
        ("for", [1]),
        (".NET", [2]),
        ("e.g", [2]),
        ("at", [1]),
        ("1", [1]),
        ("5", [1]),
    ]


# --- second audit ---


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("CI/CD", ["CI", "CD"]),
        ("24/7", ["24", "7"]),
        ("HTTP/2", ["HTTP", "2"]),
        ("tcp/ip", ["tcp", "ip"]),
    ],
)
def test_a_single_token_with_a_slash_is_one_line(in_tmp: Path, text: str, words: list[str]) -> None:
    code, out, err = run_cli("syllables", "--format", "json", text)
    assert (code, err) == (0, "")
    lines = json.loads(out)["lines"]
    assert [line["text"] for line in lines] == [text]
    assert [word["text"] for word in lines[0]["words"]] == words


def test_a_slug_with_a_bare_slash_still_splits(in_tmp: Path) -> None:
    code, out, _ = run_cli("syllables", "--format", "json", "a-b-/-c-d", "a_/_b", "a-b/c-d")
    assert code == 0
    texts = [[line["text"] for line in json.loads(row)["lines"]] for row in out.splitlines()]
    assert texts == [["a-b", "c-d"], ["a", "b"], ["a-b", "c-d"]]


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("IT", [1, 2]),  # one word in capitals: not a shouted line
        ("US", [1, 2]),
        ("THE IT TEAM", [3, 4]),
        ("THE QPS DROPPED", [5]),
        ("the QPS dropped", [5]),
        ("U.S.", [2]),
        ("ES6", [3]),
        ("+1", [2]),
        ("-1", [3]),
        ("us-east-1", [4]),
        ("1_000_000", [3]),
        (".bashrc", [4]),
        ("0x1F", [4, 5]),
    ],
)
def test_second_audit_counts(in_tmp: Path, text: str, totals: list[int]) -> None:
    code, out, err = run_cli("syllables", "--format", "json", "--", text)  # -- before -1
    assert (code, err) == (0, "")
    assert [line["totals"] for line in json.loads(out)["lines"]] == [totals]


def test_common_words_raise_no_unknown_word_warning(write_blog: WriteBlog, in_tmp: Path) -> None:
    """``check`` warned (unknown-word) on words a tech blogger writes every day."""
    write_blog(
        {
            "posts/the-readme-timestamp-/-a-filesystem-subprocess-froze-/-homebrew-syscall.md": (
                "---\ntitle: Words\ndate: 2024-03-01\n---\n\nSome words.\n"
            )
        }
    )
    code, out, err = run_cli("check", "--output-format", "json", "--no-progress", "posts")
    assert code in (0, 1), err
    assert not [d for d in json.loads(out) if d["name"] == "unknown-word"]
