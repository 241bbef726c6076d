"""The rule catalogue kept on disk: read from the rule files' text, never stale, never trusted.

A run parses and validates every rule file only when the stored catalogue was made from
other texts; these tests hold it to exactly what reading the files gives, through every
change a user can make (edit a rule in place with the same size and mtime, add one,
break one), and to ignoring a stored file that is corrupt or not ours.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import astuple
from pathlib import Path

import pytest

import haikulint
from haikulint import catalogue
from haikulint.catalogue import Catalogue, load_catalogue
from haikulint.errors import ConfigError
from tests.conftest import WriteBlog

BUILTIN_RULES = len(list((Path(__file__).parents[1] / "rules").glob("*.toml")))
"""The rule files the project ships (``rules/``)."""

RULE = (
    'code = "BL201"\nname = "tags-required"\nkind = "header-required"\n'
    'severity = "{severity}"\nsummary = "No tags."\nwhy = "We sort by tag."\n'
    '[options]\nkey = "tags"\n'
)
RULE_FILE = "blog-rules/BL201-tags-required.toml"


@pytest.fixture
def fresh(cache_dir: Path) -> Iterator[Path]:
    """A cache folder of the test's own, and no catalogue remembered by this process
    (as in a new run): the test's loads go through the stored file."""
    catalogue._load.cache_clear()
    yield cache_dir
    catalogue._load.cache_clear()


def stored(folder: Path) -> list[Path]:
    return sorted(folder.glob("catalogue-v*.pickle"))


def load_again(rules_dirs: tuple[Path, ...] = ()) -> Catalogue:
    """The catalogue as a new process would load it."""
    catalogue._load.cache_clear()
    return load_catalogue(rules_dirs)


def every_field(loaded: Catalogue) -> list[tuple[object, ...]]:
    """Each rule with every field, options, examples and fix included (``==`` on rules
    leaves some out)."""
    return [astuple(rule) for rule in loaded.rules]


@pytest.fixture
def unparsed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """The rule files parsed in this process (the stored catalogue saves the others)."""
    parsed: list[Path] = []
    parse = catalogue._rule_from_text

    def counting(text: str, path: Path, builtin: bool) -> catalogue.Rule:
        parsed.append(path)
        return parse(text, path, builtin)

    monkeypatch.setattr(catalogue, "_rule_from_text", counting)
    yield parsed


def test_a_second_run_reads_the_stored_catalogue(fresh: Path, unparsed: list[Path]) -> None:
    first = load_catalogue()
    assert len(unparsed) == len(first.rules) == BUILTIN_RULES
    assert len(stored(fresh)) == 1
    unparsed.clear()
    second = load_again()
    assert unparsed == []
    assert every_field(second) == every_field(first)
    assert [rule.source for rule in second.rules] == [rule.source for rule in first.rules]


def test_what_is_stored_is_what_reading_the_files_gives(fresh: Path) -> None:
    """Against the rule files read one by one, without any cache."""
    from_files = sorted(
        (
            catalogue.read_rule(path, builtin=True)
            for path in catalogue.builtin_rules_dir().iterdir()
        ),
        key=lambda rule: rule.code,
    )
    load_catalogue()
    assert every_field(load_again()) == [astuple(rule) for rule in from_files]


def test_a_rule_edited_in_place_is_read_again(
    write_blog: WriteBlog, tmp_path: Path, fresh: Path, unparsed: list[Path]
) -> None:
    """Same size, same mtime, other text: the key is the text, not the file's stamp."""
    write_blog({RULE_FILE: RULE.format(severity="error")})
    folder = (tmp_path / "blog-rules",)
    assert load_catalogue(folder).find("BL201").severity == "error"  # type: ignore[union-attr]
    rule_file = tmp_path / RULE_FILE
    status = rule_file.stat()
    rule_file.write_text(RULE.format(severity="info "), encoding="utf-8")
    os.utime(rule_file, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert rule_file.stat().st_size == status.st_size
    unparsed.clear()
    assert load_again(folder).find("BL201").severity == "info"  # type: ignore[union-attr]
    assert rule_file in unparsed
    assert len(stored(fresh)) == 2  # one catalogue a set of texts


def test_a_rule_file_added_counts(write_blog: WriteBlog, tmp_path: Path, fresh: Path) -> None:
    write_blog({"blog-rules/.keep": ""})
    folder = (tmp_path / "blog-rules",)
    assert load_catalogue(folder).find("BL201") is None
    write_blog({RULE_FILE: RULE.format(severity="warning")})
    assert load_again(folder).find("BL201") is not None


def test_a_bad_rule_file_is_an_error_every_time(
    write_blog: WriteBlog, tmp_path: Path, fresh: Path
) -> None:
    write_blog({RULE_FILE: RULE.format(severity="fatal")})
    folder = (tmp_path / "blog-rules",)
    for _ in range(2):
        with pytest.raises(ConfigError, match=r"BL201-tags-required\.toml: severity 'fatal'"):
            load_again(folder)
    assert stored(fresh) == []
    (tmp_path / RULE_FILE).write_bytes(b'code = "BL201"\n\xff\n')
    with pytest.raises(ConfigError, match=r"cannot read rule file \(not UTF-8 text"):
        load_again(folder)
    (tmp_path / RULE_FILE).write_text(RULE.format(severity="warning"), encoding="utf-8")
    assert load_again(folder).find("BL201") is not None


def test_another_version_is_another_catalogue(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_catalogue()
    monkeypatch.setattr(haikulint, "__version__", "99.0")
    load_again()
    assert len(stored(fresh)) == 2


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a pickle at all",
        pickle.dumps(["a list", "not a catalogue"]),
        pickle.dumps(Catalogue(()))[:-10],  # truncated
    ],
    ids=["empty", "garbage", "another-type", "truncated"],
)
def test_a_corrupt_stored_catalogue_is_ignored_and_rebuilt(
    fresh: Path, content: bytes, unparsed: list[Path]
) -> None:
    expected = every_field(load_catalogue())
    (path,) = stored(fresh)
    path.write_bytes(content)
    unparsed.clear()
    assert every_field(load_again()) == expected
    assert len(unparsed) == BUILTIN_RULES
    unparsed.clear()
    assert every_field(load_again()) == expected  # and it was written anew
    assert unparsed == []


class _Planted:
    """Unpickled, it would create the file ``path``: a file that may run code."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.path,))


def test_a_stored_catalogue_that_would_run_code_is_not_run(fresh: Path, tmp_path: Path) -> None:
    expected = every_field(load_catalogue())
    (path,) = stored(fresh)
    planted = tmp_path / "planted"
    path.write_bytes(pickle.dumps(_Planted(planted)))
    assert every_field(load_again()) == expected
    assert not planted.exists()


@pytest.mark.usefixtures("no_writable_cache_folder")
def test_no_writable_cache_folder_is_no_error() -> None:
    """With every cache folder unwritable, the rules are read as if there were no cache."""
    first = every_field(load_again())
    assert every_field(load_again()) == first
    assert len(first) == BUILTIN_RULES
    catalogue._load.cache_clear()


def test_through_the_command_line(write_blog: WriteBlog, in_tmp: Path, fresh: Path) -> None:
    """A new process each time: the user's rule, as edited, is what ``check`` and
    ``rule`` say, with the cache folder usable or not."""
    post = "posts/the-frog-sits-and-waits-/-the-pond-is-still-in-the-rain-/-a-leaf-drifts-away.md"
    write_blog(
        {
            "haikulint.toml": 'root = "posts"\nrules-dirs = ["blog-rules"]\n',
            RULE_FILE: RULE.format(severity="warning"),
            post: "---\ntitle: Frog\ndate: 2024-01-02\n---\n\nText.\n",
        }
    )

    def run(*args: str, cache: Path = fresh) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, "HAIKULINT_CACHE_DIR": str(cache)}
        return subprocess.run(
            [sys.executable, "-m", "haikulint", *args],
            capture_output=True,
            text=True,
            env=environment,
            check=False,
        )

    for _ in range(2):
        result = run("check", "--no-progress", post)
        assert (result.returncode, result.stderr) == (0, "")
        assert "BL201" in result.stdout and "warning" in result.stdout
    assert len(stored(fresh)) == 1
    (in_tmp / RULE_FILE).write_text(RULE.format(severity="error"), encoding="utf-8")
    result = run("check", "--no-progress", post)
    assert result.returncode == 1
    assert "BL201" in result.stdout and "error" in result.stdout
    assert run("rule", "BL201").stdout.startswith("BL201 tags-required (error)\n")
    unwritable = in_tmp / "a-file"
    unwritable.write_text("", encoding="utf-8")
    result = run("check", "--no-progress", post, cache=unwritable)
    assert (result.returncode, result.stderr) == (1, "")
    assert "BL201" in result.stdout


def test_stored_rules_keep_their_digest_and_it_is_their_fields(fresh: Path) -> None:
    """A run keys its results on each selected rule's digest, stored with the catalogue:
    it is the digest of the rule as read from its file, and any field changes it."""
    from dataclasses import replace

    load_catalogue()
    for rule in load_again().rules:
        assert "stable_digest" in vars(rule)  # unpickled, not made again
        fresh_rule = catalogue.read_rule(rule.source, builtin=True)  # type: ignore[arg-type]
        assert rule.stable_digest == fresh_rule.stable_digest
        changed = replace(fresh_rule, examples=fresh_rule.examples[:-1])
        assert changed.stable_digest != rule.stable_digest
