"""``haikulint check --fix``, ``--diff`` and ``--fix-only`` end to end."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import WriteBlog, check_json, codes_by_path, run_cli
from tests.report.support import sarif_errors
from tests.seeds import SEEDS, write_seeds

PROD = "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md"
"""Seed 000: the haiku line, a Title line, the dateline."""

AFTER_FIX = {
    "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md": {
        "slug-syllables"
    },
    "post/the-deploy-pipeline-/-the-service-mesh-confused-us-all-/-i-strace-the-memory.md": {
        "slug-syllables"
    },
    "post/telnet-to-nowhere-/-the-service-mesh-confused-us-all-/-it-ran-in-the-dark.md": {
        "slug-syllables"
    },
    "post/reflections-on-a-turbulent-month-in-tech.md": {"slug-lines"},
    "post/november-4,-2024:-a-mosaic-of-realities.md": {"slug-lines", "slug-charset"},
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_fix_leaves_only_the_seeds_slug_problems(in_tmp: Path) -> None:
    write_seeds(in_tmp)
    code, out, err = run_cli("check", "--no-progress", "post", "--fix")
    assert code == 1
    assert err == "haikulint: fixed 8 problems in 5 posts\n"
    assert "date-missing" not in out and "title-missing" not in out
    _, diagnostics = check_json("post")
    assert codes_by_path(diagnostics) == AFTER_FIX


def test_fix_writes_the_dateline_date_in_the_header_block(in_tmp: Path) -> None:
    write_seeds(in_tmp)
    run_cli("check", "--no-progress", "post", "--fix")
    first = in_tmp / PROD
    assert first.read_text(encoding="utf-8").startswith(
        "\nthe prod deploy froze / I parsed the pcap for hours / the repo holds it all\n\n\n"
        "Title: Learning the Hard Way with LLMs and FinOps\nDate: 2023-04-24\n\n\n"
        "April 24, 2023 - Today,"
    )
    legacy = (in_tmp / "post/reflections-on-a-turbulent-month-in-tech.md").read_text()
    assert legacy == (
        "Title: Reflections on a Turbulent Month in Tech\nDate: 2023-11-13\n"
        + SEEDS["post/reflections-on-a-turbulent-month-in-tech.md"].split("\n", 1)[1]
    )


def test_a_second_fix_changes_nothing(in_tmp: Path) -> None:
    write_seeds(in_tmp)
    run_cli("check", "--no-progress", "post", "--fix")
    before = snapshot(in_tmp)
    code, _, err = run_cli("check", "--no-progress", "post", "--fix")
    assert (code, err) == (1, "")
    assert snapshot(in_tmp) == before


def test_diff_shows_the_change_and_writes_nothing(in_tmp: Path) -> None:
    write_seeds(in_tmp)
    before = snapshot(in_tmp)
    code, out, err = run_cli("check", "--no-progress", "post", "--diff")
    assert code == 1
    assert snapshot(in_tmp) == before
    assert f"--- a/{PROD}\n+++ b/{PROD}\n" in out
    assert "+Date: 2023-04-24\n" in out
    assert "-Reflections on a Turbulent Month in Tech\n" in out
    assert "+Title: Reflections on a Turbulent Month in Tech\n" in out
    assert err == "haikulint: would fix 8 problems in 5 posts\n"
    run_cli("check", "--no-progress", "post", "--fix")
    assert run_cli("check", "--no-progress", "post", "--diff") == (0, "", "")


def test_fix_only_reports_nothing_else_and_exits_zero(in_tmp: Path) -> None:
    write_seeds(in_tmp)
    code, out, _ = run_cli("check", "--no-progress", "post", "--fix-only")
    assert (code, out) == (0, "")
    _, diagnostics = check_json("post")
    assert codes_by_path(diagnostics) == AFTER_FIX


def test_config_fix_true_fixes_and_no_fix_overrides_it(in_tmp: Path) -> None:
    write_seeds(in_tmp)
    (in_tmp / "haikulint.toml").write_text("fix = true\n")
    before = snapshot(in_tmp)
    run_cli("check", "--no-progress", "post", "--no-fix")
    assert snapshot(in_tmp) == before
    run_cli("check", "--no-progress", "post")
    assert snapshot(in_tmp) != before
    _, diagnostics = check_json("post")
    assert codes_by_path(diagnostics) == AFTER_FIX


def test_config_fix_must_be_true_or_false(in_tmp: Path) -> None:
    (in_tmp / "haikulint.toml").write_text('fix = "yes"\n')
    code, _, err = run_cli("check", "post")
    assert code == 2
    assert err.startswith("haikulint: error: ")
    assert err.endswith("haikulint.toml: 'fix' must be true or false\n")


MOSAIC = "post/november-4,-2024:-a-mosaic-of-realities.md"
POND = "post/an-old-silent-pond-/-a-frog-jumps-into-the-pond-/-splash-silence-again.md"


@pytest.mark.parametrize(
    ("content", "fixed"),
    [
        pytest.param(
            b"\xef\xbb\xbfTitle: Pond\r\n\r\nMarch 4, 2024. The frog.\r\nMore.",
            b"\xef\xbb\xbfTitle: Pond\r\nDate: 2024-03-04\r\n\r\nMarch 4, 2024. The frog.\r\nMore.",
            id="bom-crlf-no-final-newline",
        ),
        pytest.param(
            b"Title: Pond",  # the header block is the last line, with no newline
            None,
            id="nothing-to-fix",
        ),
        pytest.param(
            b"---\r\ntitle: Pond\r\n---\r\n\r\nMarch 4, 2024. The frog.\r\n",
            b"---\r\ntitle: Pond\r\ndate: 2024-03-04\r\n---\r\n\r\nMarch 4, 2024. The frog.\r\n",
            id="yaml-crlf",
        ),
        pytest.param(
            b'+++\ntitle = "Pond"\n[extra]\nmood = "calm"\n+++\nMarch 4, 2024. The frog.\n',
            b'+++\ntitle = "Pond"\ndate = 2024-03-04\n[extra]\nmood = "calm"\n+++\n'
            b"March 4, 2024. The frog.\n",
            id="toml-before-a-table",
        ),
        pytest.param(
            b'{\n    "title": "Pond"\n}\n\nMarch 4, 2024. The frog.\n',
            b'{\n    "date": "2024-03-04",\n    "title": "Pond"\n}\n\nMarch 4, 2024. The frog.\n',
            id="json",
        ),
    ],
)
def test_fix_keeps_every_other_byte_and_the_mode(
    write_blog: WriteBlog, in_tmp: Path, content: bytes, fixed: bytes | None
) -> None:
    write_blog({POND: content})
    os.chmod(in_tmp / POND, 0o600)
    run_cli("check", "--no-progress", "post", "--fix")
    assert (in_tmp / POND).read_bytes() == (content if fixed is None else fixed)
    assert stat.S_IMODE((in_tmp / POND).stat().st_mode) == 0o600
    # written atomically: no temporary file is left beside the post
    assert [p.name for p in (in_tmp / POND).parent.iterdir()] == [Path(POND).name]
    _, diagnostics = check_json("post")
    assert "date-missing" not in {d["name"] for d in diagnostics} or fixed is None


def test_json_says_fixable_exactly_where_a_fix_exists(in_tmp: Path) -> None:
    write_seeds(in_tmp)
    _, diagnostics = check_json("post")
    for item in diagnostics:
        assert item["fixable"] is (item["fix"] is not None)
    by_rule = {(item["path"], item["name"]): item for item in diagnostics}
    found: Any = by_rule[(PROD, "date-missing")]["fix"]
    assert found["applicability"] == "safe"
    [edit] = found["edits"]
    text = SEEDS[PROD]
    assert text[edit["start"] : edit["end"]] == ""
    assert edit["content"] == "Date: 2023-04-24\n"
    assert not by_rule[(PROD, "slug-syllables")]["fixable"]


def test_sarif_carries_the_text_fixes_and_validates(in_tmp: Path) -> None:
    write_seeds(in_tmp)
    code, out, _ = run_cli("check", "--no-progress", "post", "--output-format", "sarif")
    assert code == 1
    log = json.loads(out)
    assert sarif_errors(log) == []
    results = log["runs"][0]["results"]
    with_fixes = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        for r in results
        if "fixes" in r
    }
    assert len(with_fixes) == 8  # HK201 and HK202, not the HK104 rename
    [result] = [
        r for r in results if r["ruleId"] == "HK202" and "the-prod-deploy" in str(r["locations"])
    ]
    [change] = result["fixes"][0]["artifactChanges"]
    [replacement] = change["replacements"]
    offset = SEEDS[PROD].index("\n\n\nApril") + 1
    assert replacement == {
        "deletedRegion": {"charOffset": offset, "charLength": 0},
        "insertedContent": {"text": "Date: 2023-04-24\n"},
    }


def test_every_seed_line_but_the_header_lines_is_kept_in_order(in_tmp: Path) -> None:
    write_seeds(in_tmp)
    run_cli("check", "--no-progress", "post", "--fix", "--unsafe-fixes")
    renamed = {MOSAIC: "post/november-4-2024-a-mosaic-of-realities.md"}
    for path, original in SEEDS.items():
        fixed = (in_tmp / renamed.get(path, path)).read_text(encoding="utf-8").split("\n")
        added = [line for line in fixed if line.startswith(("Title: ", "Date: "))]
        kept = [line for line in fixed if line not in added]
        moved = [line for line in original.split("\n") if line not in kept]
        # the lines that went: header lines, and bare title lines now in a Title: header
        assert all(line in added or f"Title: {line}" in added for line in moved), (path, moved)
        remaining = [line for line in original.split("\n") if line not in moved]
        assert kept == remaining, path
