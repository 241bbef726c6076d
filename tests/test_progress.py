"""The progress bar of ``check``: only on a terminal, only once a run takes a second."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from haikulint.commands.check import _ProgressBar


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
