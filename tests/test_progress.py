"""The progress bar of ``check``: only on a terminal, only once a run takes a second."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from haikulint.commands.check import _ProgressBar
from tests.conftest import run_cli


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def clock(*readings: float) -> Iterator[float]:
    return iter(readings)


@pytest.fixture(autouse=True)
def not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)


def test_no_bar_during_the_first_second() -> None:
    terminal = FakeTerminal()
    readings = clock(100.0, 100.5, 100.9)
    with _ProgressBar(10, enabled=True, stream=terminal, clock=readings.__next__) as bar:
        bar.advance(1)
        bar.advance(1)
        assert bar._progress is None
    assert terminal.getvalue() == ""


def test_bar_appears_after_a_second_on_a_terminal() -> None:
    terminal = FakeTerminal()
    readings = clock(100.0, 101.5)
    with _ProgressBar(10, enabled=True, stream=terminal, clock=readings.__next__) as bar:
        bar.advance(4)
        assert bar._progress is not None
        (task,) = bar._progress.tasks
        assert (task.completed, task.total) == (4, 10)


@pytest.mark.parametrize("setting", ["no-progress", "not-a-terminal", "ci"])
def test_never_a_bar_when_switched_off_piped_or_in_ci(
    monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    stream = io.StringIO() if setting == "not-a-terminal" else FakeTerminal()
    if setting == "ci":
        monkeypatch.setenv("CI", "true")
    readings = clock(0.0, 50.0, 60.0)
    with _ProgressBar(
        10, enabled=setting != "no-progress", stream=stream, clock=readings.__next__
    ) as bar:
        bar.advance(5)
        assert bar._progress is None
    assert stream.getvalue() == ""


def test_a_walk_under_way_gives_the_total_once_it_is_known() -> None:
    """A cold run reads posts while the tree is still being walked: the bar starts
    without a total, and gets it when the walk ends."""
    terminal = FakeTerminal()
    readings = clock(100.0, 101.5, 101.6)
    with _ProgressBar(None, enabled=True, stream=terminal, clock=readings.__next__) as bar:
        bar.advance(4)
        assert bar._progress is not None
        (task,) = bar._progress.tasks
        assert (task.completed, task.total) == (4, None)
        bar.set_total(10)
        bar.advance(6)
        assert (task.completed, task.total) == (10, 10)


def test_the_check_command_tells_the_bar_how_many_posts_a_walk_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from haikulint.commands import check

    totals: list[int | None] = []
    real = check._ProgressBar

    class Recording(real):  # type: ignore[misc, valid-type]
        def set_total(self, total: int) -> None:
            totals.append(total)
            super().set_total(total)

    for number in range(3):
        folder = tmp_path / "posts" / f"{2020 + number}"
        folder.mkdir(parents=True)
        (folder / "post.md").write_text("---\ntitle: T\n---\n\nText.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(check, "_ProgressBar", Recording)
    assert run_cli("check", "--no-cache", "posts")[0] in (0, 1)
    assert totals == [3]
