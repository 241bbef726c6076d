"""The result cache: a warm run reads only what changed, and says exactly what a cold one does.

Every test runs ``haikulint check`` through the CLI, twice or more, in a private cache
folder, and compares with a run that uses no cache (``--no-cache``). Reads are counted
by wrapping the engine's ``read_post``: a post the cache answers for is not read.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import field, make_dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from haikulint import cache, catalogue, engine
from haikulint.blog.post import read_post
from haikulint.config import Config
from tests.benchmark_scripts import load_benchmark
from tests.conftest import WriteBlog, run_cli

HERE = Path(__file__).parent
EXAMPLE_BLOG = HERE.parent / "examples" / "blog"

A = "posts/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-held-it.md"
B = "posts/the-frog-sits-and-waits-/-the-pond-is-still-in-the-rain-/-a-leaf-drifts-away.md"
C = "posts/old-node-hums-at-night-/-the-backup-tape-spins-and-spins-/-restores-never-tried.md"


def post(title: str, day: str = "2024-01-02", extra: str = "") -> str:
    return f"---\ntitle: {title}\ndate: {day}\n{extra}---\n\nSome text.\n"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The display path of every post the engine reads, in this process."""
    seen: list[str] = []

    def counting(file: Any, *args: Any, **kwargs: Any) -> Any:
        result = read_post(file, *args, **kwargs)
        seen.append(result.display_path)
        return result

    monkeypatch.setattr(engine, "read_post", counting)
    yield seen


def check(*args: str) -> tuple[int, list[dict[str, object]], str]:
    code, out, err = run_cli("check", "--output-format", "json", "--no-progress", *args)
    assert code in (0, 1), err
    return code, json.loads(out), err


def assert_warm_equals_cold(reads: list[str], *args: str) -> list[str]:
    """Run with the cache and without; the same exit and diagnostics. The posts the
    cached run read."""
    reads.clear()
    cached = check(*args)
    read = list(reads)
    assert cached[:2] == check("--no-cache", *args)[:2]
    return read


@pytest.fixture
def blog(write_blog: WriteBlog, in_tmp: Path, cache_dir: Path) -> Path:
    write_blog(
        {
            "haikulint.toml": 'root = "posts"\n',
            A: post("Learning"),
            B: post("Weekly Notes"),
            C: post("Weekly Notes", extra="tags: [x]\n"),
        }
    )
    return in_tmp


def age(path: Path, seconds: int = 60) -> None:
    """Make ``path``'s mtime old enough that the cache trusts it without a digest."""
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns - seconds * 10**9))


def age_all(root: Path) -> None:
    """Age every post and folder: a walk is remembered only when no folder is recent."""
    for path in [*root.rglob("*"), root]:
        age(path)


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, ...]]]:
    """The folders named to each real walk (not one remembered) in this process."""
    from haikulint.blog import discover

    seen: list[tuple[str, ...]] = []
    real = discover.find_posts

    def counting(paths: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(tuple(str(path) for path in paths))
        return real(paths, *args, **kwargs)

    monkeypatch.setattr(discover, "find_posts", counting)
    yield seen


def test_a_warm_run_reads_nothing_and_reports_the_same(
    blog: Path, reads: list[str], walks: list[tuple[str, ...]]
) -> None:
    age_all(blog)
    cold = assert_warm_equals_cold(reads)
    assert len(cold) == 3
    walks.clear()
    reads.clear()
    assert check()[1]
    assert reads == []
    assert walks == []  # not even a folder listed
    warm = assert_warm_equals_cold(reads)
    assert warm == []
    _, diagnostics, _ = check()
    assert {d["name"] for d in diagnostics} == {"duplicate-title"}  # cross-post, from the cache


def test_a_new_post_in_an_old_folder_is_found(blog: Path, reads: list[str]) -> None:
    """Adding a file changes its folder's mtime, whatever the file's own mtime."""
    age_all(blog)
    assert_warm_equals_cold(reads)
    twin = B.replace("drifts-away.md", "drifts-away.markdown")
    (blog / twin).write_text(post("Twin"), encoding="utf-8")
    age(blog / twin)
    assert assert_warm_equals_cold(reads) == [twin]
    assert "duplicate-slug" in {d["name"] for d in check()[1]}


def test_a_gitignore_change_is_seen(blog: Path, reads: list[str]) -> None:
    (blog / ".git").mkdir()
    (blog / ".gitignore").write_text("# nothing yet\n", encoding="utf-8")
    age_all(blog)
    assert_warm_equals_cold(reads)
    assert len(check()[1]) == 2
    ignore = blog / ".gitignore"
    ignore.write_text("posts/old-node-*/\n", encoding="utf-8")
    age(ignore)
    assert_warm_equals_cold(reads)
    assert check()[1] == []  # C is ignored now, and its duplicate title with it


def test_a_walk_that_warns_is_not_remembered(
    blog: Path, reads: list[str], walks: list[tuple[str, ...]]
) -> None:
    (blog / "posts" / "elsewhere.md").symlink_to("/etc/hostname")
    age_all(blog)
    for _ in range(2):
        walks.clear()
        _, _, err = check()
        assert "elsewhere.md" in err  # the warning every time
        assert walks


def test_a_changed_post_is_read_again(blog: Path, reads: list[str]) -> None:
    age_all(blog)
    assert_warm_equals_cold(reads)
    (blog / B).write_text(post("Fresh Title"), encoding="utf-8")
    assert assert_warm_equals_cold(reads) == [B]
    _, diagnostics, _ = check()
    assert diagnostics == []  # the duplicate title is gone with the change


def test_a_rewrite_within_the_same_mtime_is_seen(blog: Path, reads: list[str]) -> None:
    """Same size, same mtime_ns (a second write within the file system's timestamp tick,
    or a tool that restores mtimes): the content digest kept for recent files tells."""
    assert_warm_equals_cold(reads)
    target = blog / B
    before = target.stat()
    target.write_text(post("Weekly Nopes"), encoding="utf-8")  # as long as "Weekly Notes"
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size
    assert B in assert_warm_equals_cold(reads)
    _, diagnostics, _ = check()
    assert diagnostics == []


def test_an_added_post_is_read_and_compared(blog: Path, reads: list[str]) -> None:
    age_all(blog)
    assert_warm_equals_cold(reads)
    added = "posts/a-new-post-appears-/-it-has-the-title-of-another-/-a-clash-is-reported.md"
    (blog / added).parent.mkdir(parents=True)
    (blog / added).write_text(post("Learning"), encoding="utf-8")
    assert assert_warm_equals_cold(reads) == [added]
    _, diagnostics, _ = check()
    assert {(d["path"], d["name"]) for d in diagnostics} >= {(added, "duplicate-title")}


def test_a_removed_post_is_forgotten(blog: Path, reads: list[str], cache_dir: Path) -> None:
    age_all(blog)
    assert_warm_equals_cold(reads)
    (blog / C).unlink()
    assert assert_warm_equals_cold(reads) == []
    _, diagnostics, _ = check()
    assert diagnostics == []  # its duplicate title went with it


def test_a_renamed_post_is_read_under_its_new_name(blog: Path, reads: list[str]) -> None:
    age_all(blog)
    assert_warm_equals_cold(reads)
    renamed = "posts/the-frog-sits-and-waits-/-the-pond-is-still-in-the-rain-/-a-leaf-drifts-off.md"
    (blog / B).rename(blog / renamed)
    read = assert_warm_equals_cold(reads)
    assert read == [renamed]
    _, diagnostics, _ = check()
    assert {d["path"] for d in diagnostics} == {renamed, C}
    assert B not in json.dumps(diagnostics)


def test_a_config_change_reads_everything_again(blog: Path, reads: list[str]) -> None:
    age_all(blog)
    assert_warm_equals_cold(reads)
    (blog / "haikulint.toml").write_text('root = "posts"\nform = [5, 7, 6]\n', encoding="utf-8")
    assert len(assert_warm_equals_cold(reads)) == 3
    _, diagnostics, _ = check()
    assert "slug-syllables" in {d["name"] for d in diagnostics}


def test_a_words_file_change_is_seen(
    write_blog: WriteBlog, in_tmp: Path, cache_dir: Path, reads: list[str]
) -> None:
    glorp = (
        "posts/the-chat-bot-called-glorp-/-answers-every-question-wrong-/-we-love-it-the-same.md"
    )
    write_blog(
        {
            "haikulint.toml": 'root = "posts"\nwords-file = "words.txt"\n',
            "words.txt": "# our words\n",
            glorp: post("Glorp"),
        }
    )
    age_all(in_tmp)
    assert_warm_equals_cold(reads)
    _, diagnostics, _ = check()
    assert [d["name"] for d in diagnostics] == ["unknown-word"]
    (in_tmp / "words.txt").write_text("glorp 1\n", encoding="utf-8")
    assert assert_warm_equals_cold(reads) == [glorp]
    assert check()[1] == []


def test_a_rule_file_change_is_seen(
    write_blog: WriteBlog, in_tmp: Path, cache_dir: Path, reads: list[str]
) -> None:
    rule = (
        'code = "BL201"\nname = "tags-required"\nkind = "header-required"\n'
        'severity = "{severity}"\nsummary = "No tags."\nwhy = "We sort by tag."\n'
        '[options]\nkey = "tags"\n'
    )
    write_blog(
        {
            "haikulint.toml": 'root = "posts"\nrules-dirs = ["blog-rules"]\n',
            "blog-rules/BL201-tags-required.toml": rule.format(severity="warning"),
            A: post("Learning"),
        }
    )
    age_all(in_tmp)
    assert_warm_equals_cold(reads)
    assert [d["severity"] for d in check()[1]] == ["warning"]
    (in_tmp / "blog-rules/BL201-tags-required.toml").write_text(
        rule.format(severity="error"), encoding="utf-8"
    )
    catalogue._load.cache_clear()  # a new process reads the rule files again; this one must
    assert assert_warm_equals_cold(reads) == [A]
    assert [d["severity"] for d in check()[1]] == ["error"]


def test_the_rule_selection_is_part_of_the_key(blog: Path, reads: list[str]) -> None:
    """Another selection is another cache file; going back finds the first one whole."""
    age_all(blog)
    assert_warm_equals_cold(reads)
    assert len(assert_warm_equals_cold(reads, "--ignore", "duplicate-title")) == 3
    assert check("--ignore", "duplicate-title")[1] == []
    assert assert_warm_equals_cold(reads) == []
    assert check()[1] != []


def test_future_dates_are_judged_against_each_days_date(
    write_blog: WriteBlog, in_tmp: Path, cache_dir: Path, reads: list[str]
) -> None:
    """A post dated after today warns today and not once the day has come: its result
    holds for the day it was found. A run dated before the cache's day does not trust
    the cache."""
    from haikulint.commands import check as command
    from haikulint.config import load_config

    write_blog({"haikulint.toml": 'root = "posts"\n', A: post("Learning", day="2024-06-01")})
    age_all(in_tmp)

    def names_on(day: date) -> list[str]:
        output = in_tmp / "out.json"
        import contextlib

        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            command.run(
                paths=[],
                config=load_config(),
                output_format="json",
                show_progress=False,
                today=day,
            )
        output.write_text(buffer.getvalue())
        return [d["name"] for d in json.loads(buffer.getvalue())]

    assert names_on(date(2024, 1, 1)) == ["date-future"]
    reads.clear()
    assert names_on(date(2024, 1, 1)) == ["date-future"]
    assert reads == []  # the same day: from the cache
    assert names_on(date(2024, 1, 2)) == ["date-future"]
    assert reads == [A]  # another day: judged again
    assert names_on(date(2024, 7, 1)) == []
    assert names_on(date(2024, 7, 2)) == []
    assert names_on(date(2024, 1, 1)) == ["date-future"]  # nothing later is trusted


def test_no_cache_neither_reads_nor_writes_it(
    blog: Path, cache_dir: Path, reads: list[str]
) -> None:
    check("--no-cache")
    assert list(cache_dir.rglob("*.cache")) == []
    check()
    assert len(list(cache_dir.rglob("*.cache"))) == 1
    reads.clear()
    check("--no-cache")
    assert len(reads) == 3


def test_clean_removes_the_cache(blog: Path, cache_dir: Path, reads: list[str]) -> None:
    age_all(blog)
    check()
    assert list(cache_dir.rglob("*.cache"))
    code, out, _ = run_cli("clean")
    assert code == 0
    assert out.startswith("Removed 1 cache file from ")
    assert list(cache_dir.rglob("*.cache")) == []
    reads.clear()
    check()
    assert len(reads) == 3


def test_an_unwritable_cache_folder_is_no_error(
    blog: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    reads: list[str],
) -> None:
    blocker = tmp_path_factory.mktemp("blocked") / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("HAIKULINT_CACHE_DIR", str(blocker / "cache"))
    first = check()
    assert first[2] == ""  # not even a warning: no cache is not an error
    reads.clear()
    assert check()[:2] == first[:2]
    assert len(reads) == 3


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anyway")
def test_a_read_only_cache_folder_is_no_error(
    blog: Path, cache_dir: Path, reads: list[str]
) -> None:
    cache_dir.chmod(0o500)
    try:
        first = check()
        assert first[2] == ""
        assert check()[:2] == first[:2]
    finally:
        cache_dir.chmod(0o700)


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"not a pickle at all",
        pickle.dumps({"format": cache.FORMAT, "key": "x", "today": date.today(), "entries": 1}),
        pickle.dumps([1, 2, 3]),
    ],
)
def test_a_corrupt_cache_file_is_ignored_and_rebuilt(
    blog: Path, cache_dir: Path, reads: list[str], garbage: bytes
) -> None:
    age_all(blog)
    cold = check()
    (cache_file,) = cache_dir.rglob("*.cache")
    cache_file.write_bytes(garbage)
    reads.clear()
    assert check()[:2] == cold[:2]
    assert len(reads) == 3  # nothing trusted from the broken file
    reads.clear()
    assert check()[:2] == cold[:2]
    assert reads == []  # and it was rebuilt


def test_a_truncated_cache_file_is_ignored(blog: Path, cache_dir: Path, reads: list[str]) -> None:
    age_all(blog)
    cold = check()
    (cache_file,) = cache_dir.rglob("*.cache")
    cache_file.write_bytes(cache_file.read_bytes()[: cache_file.stat().st_size // 2])
    reads.clear()
    assert check()[:2] == cold[:2]
    assert len(reads) == 3


class _Boom:
    def __reduce__(self) -> tuple[Callable[..., object], tuple[str]]:
        return (os.system, ("echo pwned > pwned.txt",))


def test_a_cache_file_cannot_run_code(blog: Path, cache_dir: Path, reads: list[str]) -> None:
    check()
    (cache_file,) = cache_dir.rglob("*.cache")
    cache_file.write_bytes(pickle.dumps({"format": cache.FORMAT, "entries": _Boom()}))
    check()
    assert not (blog / "pwned.txt").exists()


def stored_once(
    tmp_path: Path, day: date, summary: Any, diagnostics: tuple[Any, ...] = (), **options: Any
) -> tuple[cache.ResultCache, Path, cache.Stat]:
    """A cache (in ``tmp_path / "c"``, dated ``day``) that has just stored one aged post,
    not yet saved; the post, and its Stat."""
    target = tmp_path / "post.md"
    target.write_text("x")
    age(target)
    stored = cache.ResultCache.open(tmp_path / "c", "k", day)
    stat = stored.lookup(str(target), "/r", checked=True)
    assert isinstance(stat, tuple) and not isinstance(stat, cache.Cached)
    stored.store(str(target), "/r", stat, summary, diagnostics, **options)
    return stored, target, stat


def test_a_post_s_details_cannot_run_code_either(tmp_path: Path) -> None:
    """A post's details are unpickled only when asked for, by the same careful unpickler:
    details that name anything else make the post read again, and run nothing."""
    from haikulint.checks.summary import PostSummary

    summary = PostSummary("p.md", "a-/-b-/-c", ".md", "a/b/c", True, frozenset())
    stored, target, stat = stored_once(tmp_path, date(2024, 1, 1), summary, keys=("a/b/c",))
    entry = stored._entries[str(target)]
    stored._entries[str(target)] = stored._stored[str(target)] = (
        *entry[:4], pickle.dumps(((_Boom(),), ())), *entry[5:]
    )  # fmt: skip
    stored.save()
    again = cache.ResultCache.open(tmp_path / "c", "k", date(2024, 1, 1))
    from haikulint.blog.discover import PostFile

    keys = again.keys_of([PostFile(target, Path("/r"))])
    assert keys == ({0: ("a/b/c",)}, [])  # the keys are plain data
    assert again.lookup(str(target), "/r", checked=True) == stat  # a miss: read it again
    assert not (tmp_path / "pwned.txt").exists() and not Path("pwned.txt").exists()


def test_two_concurrent_runs_both_report_right_and_leave_a_sound_cache(
    tmp_path: Path, cache_dir: Path
) -> None:
    generated = _generate(tmp_path / "blog", 400)
    environment = {**os.environ, "HAIKULINT_CACHE_DIR": str(cache_dir), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "haikulint", "check", "--no-progress"]
    reference = subprocess.run(
        [*command, "--no-cache", "--output-format", "json"],
        cwd=generated,
        env=environment,
        capture_output=True,
        check=False,
    )
    runs = [
        subprocess.Popen(
            [*command, "--output-format", "json"],
            cwd=generated,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(3)
    ]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == reference.returncode, err.decode()
        assert json.loads(out) == json.loads(reference.stdout)
    (cache_file,) = cache_dir.rglob("*.cache")
    loaded = cache._load(cache_file, cache_file.stem, date.today())
    assert loaded is not None
    assert len(loaded[0]) == 400  # one whole cache, the last writer's
    after = subprocess.run(
        [*command, "--output-format", "json"],
        cwd=generated,
        env=environment,
        capture_output=True,
        check=False,
    )
    assert json.loads(after.stdout) == json.loads(reference.stdout)
    assert not list(cache_dir.rglob("*.tmp"))  # no temporary file left behind


def test_the_example_blog_reads_the_same_warm_and_cold(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch, reads: list[str]
) -> None:
    import shutil

    shutil.copytree(EXAMPLE_BLOG, tmp_path / "blog")
    monkeypatch.chdir(tmp_path)
    age_all(tmp_path)
    outputs = []
    for arguments in ([], [], ["--no-cache"]):
        code, out, _ = run_cli("check", "--no-progress", "blog", *arguments)
        outputs.append((code, out))
    assert outputs[0] == outputs[1] == outputs[2]
    reads.clear()
    run_cli("check", "--no-progress", "blog")
    assert reads == []


def test_a_generated_blog_reads_the_same_warm_and_cold(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generated = _generate(tmp_path / "blog", 300)
    monkeypatch.chdir(generated)
    cold = run_cli("check", "--no-progress", "--no-cache", "--output-format", "json")
    assert run_cli("check", "--no-progress", "--output-format", "json") == cold
    assert run_cli("check", "--no-progress", "--output-format", "json") == cold
    one = next(Path("posts").rglob("*.md"))
    assert run_cli("check", "--no-progress", str(one)) == run_cli(
        "check", "--no-progress", "--no-cache", str(one)
    )


def _generate(dest: Path, count: int) -> Path:
    module = load_benchmark("generate_blog")
    module.generate_blog(count, dest, seed=7)
    return dest


def test_the_key_covers_every_config_field_without_listing_them() -> None:
    """A config key added later changes the key by itself: every dataclass field is
    serialized, whatever it is called."""
    base = Config(base=Path("/blog"))
    assert cache.run_key(base) == cache.run_key(Config(base=Path("/blog")))
    assert cache.run_key(base) != cache.run_key(Config(base=Path("/blog"), form=(5, 7, 6)))
    assert cache.run_key(base) != cache.run_key(Config(base=Path("/blog"), words={"x": (1,)}))
    assert cache.run_key(base) != cache.run_key(Config(base=Path("/elsewhere")))
    Later = make_dataclass("Config", [("root", str), ("new_key", object, field(default=1))])
    assert cache.run_key(Later("r")) != cache.run_key(Later("r", 2))
    assert cache.run_key(Later("r", {"a": 1, "b": 2})) == cache.run_key(
        Later("r", {"b": 2, "a": 1})
    )


def test_everything_a_diagnostic_carries_round_trips(tmp_path: Path) -> None:
    """The fix a check attaches (edits, renames, applicability) comes back from the cache
    exactly, so ``--fix`` on a warm run applies what a cold run would."""
    from haikulint.checks.summary import PostSummary
    from haikulint.diagnostic import Diagnostic, Severity
    from haikulint.fix.model import Applicability, Edit, Fix, Rename

    target = tmp_path / "post.md"
    target.write_text("x")
    age(target)
    fix = Fix(
        "rename and edit",
        edits=(Edit(0, 1, "y"),),
        renames=(Rename(target, tmp_path / "new.md", tmp_path),),
        applicability=Applicability.UNSAFE,
    )
    diagnostic = Diagnostic(
        path="p.md", line=1, column=None, code="HK201", name="title-missing",
        severity=Severity.ERROR, message="m", fixable=True, fix=fix,
    )  # fmt: skip
    summary = PostSummary("p.md", "a-/-b-/-c", ".md", "a/b/c", True, frozenset({"HK1"}),
                          (("title", date(2024, 1, 2), 2),))  # fmt: skip
    stored = cache.ResultCache.open(tmp_path / "c", "k", date(2024, 1, 1))
    stat = stored.lookup(str(target), "/r", checked=True)
    assert isinstance(stat, tuple) and not isinstance(stat, cache.Cached)
    stored.store(str(target), "/r", stat, summary, (diagnostic,))
    stored.save()
    again = cache.ResultCache.open(tmp_path / "c", "k", date(2024, 1, 1))
    found = again.lookup(str(target), "/r", checked=True)
    assert isinstance(found, cache.Cached)
    assert found.summary == summary
    assert found.diagnostics == (diagnostic,)
    assert found.diagnostics[0].fix == fix
    assert not isinstance(again.lookup(str(target), "/another-root", checked=True), cache.Cached)


def test_a_post_whose_results_cannot_be_pickled_is_not_cached(tmp_path: Path) -> None:
    """Results are pickled as the cache file is written: one that pickle refuses leaves
    that post out (read again next time), the others in, and no stray file behind."""
    from haikulint.checks.summary import PostSummary

    def summary(value: object) -> PostSummary:
        return PostSummary("p.md", "a", ".md", "a", True, frozenset(), (("title", value, 2),))

    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    stored = cache.ResultCache.open(tmp_path / "c", "k", date(2024, 1, 1))
    for target, value in ((good, "Old Pond"), (bad, lambda: None)):
        target.write_text("x")
        age(target)
        stat = stored.lookup(str(target), "/r", checked=True)
        assert isinstance(stat, tuple) and not isinstance(stat, cache.Cached)
        stored.store(str(target), "/r", stat, summary(value), ())
        assert isinstance(stored.lookup(str(target), "/r", checked=True), cache.Cached)
    stored.save()
    assert [path.suffix for path in (tmp_path / "c").iterdir()] == [".cache"]
    again = cache.ResultCache.open(tmp_path / "c", "k", date(2024, 1, 1))
    found = again.lookup(str(good), "/r", checked=True)
    assert isinstance(found, cache.Cached) and found.summary == summary("Old Pond")
    assert not isinstance(again.lookup(str(bad), "/r", checked=True), cache.Cached)


def test_a_cache_written_on_a_later_day_is_not_trusted(tmp_path: Path) -> None:
    """A post with no future date on 1 July may have one on 1 January (a clock set back,
    a run given an earlier date): nothing written later than the run's day is used."""
    from haikulint.checks.summary import PostSummary

    summary = PostSummary("p.md", "a-/-b-/-c", ".md", "a/b/c", True, frozenset())
    later, target, _ = stored_once(tmp_path, date(2024, 7, 1), summary)
    later.save()
    same_day = cache.ResultCache.open(tmp_path / "c", "k", date(2024, 7, 1))
    assert isinstance(same_day.lookup(str(target), "/r", checked=True), cache.Cached)
    earlier = cache.ResultCache.open(tmp_path / "c", "k", date(2024, 1, 1))
    assert not isinstance(earlier.lookup(str(target), "/r", checked=True), cache.Cached)


def test_a_one_post_change_writes_a_small_delta_not_the_whole_cache(
    blog: Path, cache_dir: Path, reads: list[str]
) -> None:
    age_all(blog)
    check()
    (base,) = cache_dir.rglob("*.cache")
    written = base.stat().st_mtime_ns
    (blog / B).write_text(post("Fresh Title"), encoding="utf-8")
    assert assert_warm_equals_cold(reads) == [B]
    (delta,) = cache_dir.rglob("*.delta")
    assert base.stat().st_mtime_ns == written
    assert delta.stat().st_size < base.stat().st_size
    assert assert_warm_equals_cold(reads) == []  # the delta is read over the cache
    delta.write_bytes(b"garbage")
    assert assert_warm_equals_cold(reads) == [B]  # a broken delta is ignored
    run_cli("clean")
    # clean removes the results only; the syllable tables built into the same folder when
    # this test runs alone are kept (they cost a second to rebuild and do not go stale)
    assert [path for path in cache_dir.rglob("*.*") if path.suffix in (".cache", ".delta")] == []


def test_a_remembered_walk_that_does_not_decompress_is_walked_again(tmp_path: Path) -> None:
    """A walk's paths are kept compressed; a record that is not (a damaged file whose
    pickle still loads) is no walk, never an error."""
    import time

    from haikulint.blog.discover import PostFile

    post = tmp_path / "a.md"
    post.write_text("x")
    folders = cache.ListedFolders()
    folders.add(str(tmp_path), tmp_path.stat().st_mtime_ns)
    found = [PostFile(str(post), tmp_path)]
    stored = cache.ResultCache.open(tmp_path / "c", "k", date(2024, 1, 1))
    stored.remember_walk("w", folders, [], found, 0)
    assert stored.walk("w") is None  # a folder changed after the walk began: not kept
    stored.remember_walk("w", folders, [], found, time.time_ns() + 10**10)
    assert stored.walk("w") == [(str(post), str(tmp_path))]
    names, mtimes, ignores, listed = stored._walks["w"]
    stored._walks["w"] = (b"not zlib", mtimes, ignores, listed)
    assert stored.walk("w") is None
    stored._walks["w"] = (names, mtimes, ignores, ((str(tmp_path), b"not zlib"),))
    assert stored.walk("w") is None


def test_keys_left_for_later_are_made_when_written(tmp_path: Path) -> None:
    """A checked post's group keys are made from its summary as the file is written (and
    when asked for before that), exactly as if they had been stored."""
    from haikulint.blog.discover import PostFile
    from haikulint.checks.summary import PostSummary

    target = tmp_path / "post.md"
    target.write_text("x")
    age(target)
    summary = PostSummary("p.md", "a", ".md", "a", True, frozenset(), (("title", "T", 2),))
    stored = cache.ResultCache.open(tmp_path / "c", "k", date(2024, 1, 1))
    stored.group_keys = lambda made_of: (made_of.slug_key, "title t")
    stat = stored.lookup(str(target), "/r", checked=True)
    assert isinstance(stat, tuple) and not isinstance(stat, cache.Cached)
    stored.store(str(target), "/r", stat, summary, (), keys=cache.KEYS_LATER)
    files = [PostFile(str(target), Path("/r"))]
    assert stored.keys_of(files)[0] == {0: ("a", "title t")}
    stored.save()
    again = cache.ResultCache.open(tmp_path / "c", "k", date(2024, 1, 1))
    assert again.keys_of(files)[0] == {0: ("a", "title t")}


def test_keys_of_gives_only_the_posts_sharing_a_wanted_key(tmp_path: Path) -> None:
    """Asked for some keys, the unchanged posts that share one of them at the same index
    (a title equal to another post's slug key is no match); changed posts all the same."""
    from haikulint.blog.discover import PostFile
    from haikulint.checks.summary import PostSummary

    stored = cache.ResultCache.open(tmp_path / "c", "k", date(2024, 1, 1))
    keys = {"a.md": ("a", "title x"), "b.md": ("b", "title y"), "c.md": ("title y", "c")}
    files = []
    for name, post_keys in keys.items():
        target = tmp_path / name
        target.write_text(name)
        age(target)
        stat = stored.lookup(str(target), "/r", checked=False)
        assert isinstance(stat, tuple) and not isinstance(stat, cache.Cached)
        summary = PostSummary(name, post_keys[0], ".md", post_keys[0], True, frozenset())
        stored.store(str(target), "/r", stat, summary, None, keys=post_keys)
        files.append(PostFile(str(target), Path("/r")))
    stored.save()
    again = cache.ResultCache.open(tmp_path / "c", "k", date(2024, 1, 1))
    (tmp_path / "a.md").write_text("changed")
    files.append(PostFile(str(tmp_path / "gone.md"), Path("/r")))
    unchanged, changed = again.keys_of(files, {(1, "title y"), (0, "z")})
    assert unchanged == {1: ("b", "title y")}
    assert [position for position, _ in changed] == [0, 3]
    assert again.keys_of(files)[0] == {1: ("b", "title y"), 2: ("title y", "c")}
    assert again.keys_of(files, set())[0] == {}


def test_a_cold_run_keys_each_post_on_the_stat_its_read_took(
    blog: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader's fstat of the open file stands for a second stat of each post: a
    cold run stats none of the posts it reads, and a warm run still finds them all
    unchanged (so the stats stored are the ones a stat of the path gives)."""
    age_all(blog)
    stats: list[str] = []
    real = engine._stat_of

    def counting(filename: str) -> Any:
        stats.append(filename)
        return real(filename)

    monkeypatch.setattr(engine, "_stat_of", counting)
    check()
    assert len(reads) == 3
    assert stats == []
    reads.clear()
    check()
    assert reads == []


def test_the_cache_is_written_without_waiting_for_the_disk(
    blog: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache file is not forced to disk (a torn one is ignored, as the tests above
    hold): a pre-commit run does not wait for fsync."""
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    check()
    assert list(cache_dir.rglob("*.cache")) != []
    assert synced == []
