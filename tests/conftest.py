"""Shared fixtures: a blog written into a temporary folder, and the CLI runner."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from haikulint.cli import main

WriteBlog = Callable[[Mapping[str, str | bytes]], Path]

# Hypothesis: CI runs the default profile (hypothesis's own example counts, no deadline:
# the machine is shared); HYPOTHESIS_PROFILE=long runs every property 20 times as long.
settings.register_profile("default", deadline=None)
settings.register_profile(
    "long", deadline=None, max_examples=2000, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
LONG_RUN = os.environ.get("HYPOTHESIS_PROFILE") == "long"


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Build the dictionary tables in a folder of the test run, never in ~/.cache."""
    folder = tmp_path_factory.mktemp("haikulint-cache")
    previous = os.environ.get("HAIKULINT_CACHE_DIR")
    os.environ["HAIKULINT_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["HAIKULINT_CACHE_DIR"]
    else:
        os.environ["HAIKULINT_CACHE_DIR"] = previous


@pytest.fixture
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A result cache folder of the test's own (``$HAIKULINT_CACHE_DIR``)."""
    folder = tmp_path_factory.mktemp("result-cache")
    monkeypatch.setenv("HAIKULINT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def no_writable_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The one cache folder haikulint may use lies below a plain file: nothing kept
    between runs (tables, catalogue, config) can be written."""
    from haikulint.prosody import cache as store

    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setattr(store, "candidate_dirs", lambda: iter([not_a_folder / "cache"]))


@pytest.fixture
def write_blog(tmp_path: Path) -> WriteBlog:
    """Write ``{relative path: content}`` under ``tmp_path`` and return ``tmp_path``."""

    def write(files: Mapping[str, str | bytes]) -> Path:
        return write_tree(tmp_path, files)

    return write


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``{relative path: content}`` under ``root`` (text as UTF-8); return ``root``."""
    for relative, content in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run the test with ``tmp_path`` as the working directory, and no colour."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    yield tmp_path


def run_cli(*args: str, input: str | None = None) -> tuple[int, str, str]:
    """Run ``haikulint ARGS`` in-process through the console-script entry point.

    Going through :func:`haikulint.cli.main` (not ``app`` alone) means the tests see
    the same exit codes and one-line error messages as a user does.
    """
    runner = CliRunner()
    with runner.isolation(input=input) as (out, err, *_):
        try:
            main(list(args))
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        else:  # pragma: no cover - main always exits
            code = 0
        sys.stdout.flush()
        sys.stderr.flush()
        return code, out.getvalue().decode(), err.getvalue().decode()


def check_json(*args: str) -> tuple[int, list[dict[str, object]]]:
    """``haikulint check --output-format json ARGS``: exit code and diagnostics."""
    code, out, err = run_cli("check", "--output-format", "json", "--no-progress", *args)
    assert code in (0, 1), f"exit {code}: {err}"
    return code, json.loads(out)


def codes_by_path(diagnostics: list[dict[str, object]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for diagnostic in diagnostics:
        found.setdefault(str(diagnostic["path"]), set()).add(str(diagnostic["name"]))
    return found
