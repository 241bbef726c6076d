"""The fix stage: merging edits, passes over a text, planning renames, writing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from haikulint.diagnostic import Diagnostic, Severity
from haikulint.fix.apply import (
    FileChange,
    PlanError,
    execute,
    fix_text,
    merge_edits,
    plan,
    unified_diff,
)
from haikulint.fix.model import Applicability, Edit, Fix, Rename


def fix(*edits: Edit, unsafe: bool = False) -> Fix:
    applicability = Applicability.UNSAFE if unsafe else Applicability.SAFE
    return Fix("test", tuple(edits), applicability=applicability)


def test_fixes_whose_edits_touch_wait_for_the_next_pass() -> None:
    first, touching, apart = fix(Edit(0, 3, "x")), fix(Edit(3, 3, "y")), fix(Edit(5, 6, "z"))
    taken, edits = merge_edits([first, touching, apart])
    assert taken == [first, apart]
    assert edits == [Edit(0, 3, "x"), Edit(5, 6, "z")]


def test_a_fix_is_all_or_nothing() -> None:
    first = fix(Edit(4, 6, "x"))
    both = fix(Edit(0, 1, "a"), Edit(5, 5, "b"))
    taken, edits = merge_edits([first, both])
    assert taken == [first]
    assert edits == [Edit(4, 6, "x")]


def test_a_fix_whose_own_edits_overlap_is_a_bug() -> None:
    with pytest.raises(ValueError):
        merge_edits([fix(Edit(0, 3, "a"), Edit(2, 4, "b"))])


def test_a_fix_needs_something_to_do() -> None:
    with pytest.raises(ValueError):
        Fix("nothing")


def diagnostic(code: str, found: Fix | None) -> Diagnostic:
    return Diagnostic("p.md", 1, None, code, "name", Severity.ERROR, "m", found is not None, found)


def test_fix_text_passes_until_nothing_is_left_and_skips_unsafe_fixes() -> None:
    # A toy check: "a" should be "A", one at a time; "b" should go, unsafely.
    def lint(text: str) -> list[Diagnostic]:
        found = []
        index = text.find("a")
        if index >= 0:
            found.append(diagnostic("HK1", fix(Edit(index, index + 1, "A"))))
        index = text.find("b")
        if index >= 0:
            found.append(diagnostic("HK2", fix(Edit(index, index + 1), unsafe=True)))
        return found

    safe = fix_text("a b a", lint, unsafe=False)
    assert safe.text == "A b A"
    assert [d.code for d in safe.fixed] == ["HK1", "HK1"]
    assert fix_text("a b a", lint, unsafe=True).text == "A  A"
    assert not fix_text("none here", lint, unsafe=True).changed


def test_fix_text_stops_on_fixes_that_never_end() -> None:
    def lint(text: str) -> list[Diagnostic]:
        return [diagnostic("HK1", fix(Edit(0, 0, "x")))]

    assert fix_text("", lint, unsafe=False).text == "x" * 10


def test_a_rename_clash_is_one_line_and_nothing_moves(tmp_path: Path) -> None:
    root = tmp_path / "blog"
    (root / "post").mkdir(parents=True)
    one, two = root / "post/One.md", root / "post/ONE.md"
    one.write_text("1")
    two.write_text("2")
    target = root / "post/one.md"
    with pytest.raises(PlanError) as raised:
        plan([], [Rename(one, target, root), Rename(two, target, root)])
    assert "\n" not in str(raised.value)
    assert "would be renamed to the same path" in str(raised.value)
    assert sorted(p.name for p in (root / "post").iterdir()) == ["ONE.md", "One.md"]


def test_a_rename_never_replaces_a_file(tmp_path: Path) -> None:
    (tmp_path / "A.md").write_text("a")
    (tmp_path / "a.md").write_text("kept")
    with pytest.raises(PlanError, match="already exists"):
        plan([], [Rename(tmp_path / "A.md", tmp_path / "a.md", tmp_path)])
    assert (tmp_path / "a.md").read_text() == "kept"


def test_a_rename_outside_the_root_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "blog"
    root.mkdir()
    (root / "A.md").write_text("a")
    (tmp_path / "elsewhere").mkdir()
    (root / "link").symlink_to(tmp_path / "elsewhere")
    for target in (tmp_path / "a.md", root / "link" / "a.md"):
        with pytest.raises(PlanError, match="outside the blog root"):
            plan([], [Rename(root / "A.md", target, root)])
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_execute_moves_then_writes_and_removes_only_the_emptied_folders(tmp_path: Path) -> None:
    root = tmp_path
    old = root / "post/A-/-b-/-c.md"
    old.parent.mkdir(parents=True)
    old.write_text("old\r\n")
    os.chmod(old, 0o640)
    (root / "post/keep").mkdir()
    (root / "post/empty-before").mkdir()
    new = root / "post/a-/-b-/-c.md"
    change = FileChange(old, root, "old\r\n", "new\r\n")
    execute(plan([change], [Rename(old, new, root)]))
    assert new.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(new.stat().st_mode) == 0o640
    assert not (root / "post/A-").exists()
    assert (root / "post/keep").is_dir() and (root / "post/empty-before").is_dir()


def test_the_diff_shows_a_missing_final_newline() -> None:
    diff = unified_diff("p.md", "a\nb", "a\nB")
    assert diff.splitlines() == [
        "--- a/p.md",
        "+++ b/p.md",
        "@@ -1,2 +1,2 @@",
        " a",
        "-b",
        "\\ No newline at end of file",
        "+B",
        "\\ No newline at end of file",
    ]
