"""``benchmarks/post_cost.py`` runs and prints its three figures (their values are not
judged here: speed is measured by benchmarks, not by tests)."""

from __future__ import annotations

import os

import pytest

from tests.benchmark_scripts import load_benchmark


def test_post_cost_prints_each_figure_per_post(capsys: pytest.CaptureFixture[str]) -> None:
    where = os.getcwd()
    assert load_benchmark("post_cost").main(["--posts", "30", "--runs", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" us")[0].rsplit(" ", 1)[0].strip() for line in lines[1:]] == [
        "floor",
        "headers only",
        "read and check",
    ]
    assert lines[1].endswith("reference") and lines[2].endswith("x floor")
    assert os.getcwd() == where  # the blog's folder was left
