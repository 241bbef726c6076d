"""A run that names a few posts (pre-commit) says of them exactly what a whole-blog run does.

Such a run compares the named posts with the rest of the blog for the cross-post rules,
but only with the posts sharing a slug or title key with them (see ``group_key`` in
:mod:`haikulint.checks`), found in the result cache's index when it is warm. Every test
compares with the whole-blog run without a cache, the answer that cannot be narrowed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from haikulint import cache
from tests.conftest import WriteBlog, run_cli
from tests.test_cache import age, age_all

HAIKU_TAILS = [
    "the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-held-it",
    "the-frog-sits-and-waits-/-the-pond-is-still-in-the-rain-/-a-leaf-drifts-away",
    "old-node-hums-at-night-/-the-backup-tape-spins-and-spins-/-restores-never-tried",
    "the-cron-job-ran-twice-/-a-null-pointer-in-the-logs-/-we-slept-through-it-all",
]

BY_AUTHOR_RULE = """\
code = "XX301"
name = "duplicate-author-2024"
kind = "duplicate-header"
severity = "warning"
summary = "Two posts of 2024 share an author."
why = "A test rule: a cross-post rule with a custom key and an include."
include = ["2024/**"]

[options]
key = "author"
"""


def post(title: str | None, author: str = "ann") -> str:
    head = "" if title is None else f"title: {title}\n"
    return f"---\n{head}date: 2023-01-02\nauthor: {author}\n---\n\nSome text.\n"


@pytest.fixture
def blog(write_blog: WriteBlog, in_tmp: Path, cache_dir: Path) -> Path:
    """Near-duplicate slugs and titles in every spelling, and a custom rule."""
    a, b, c, d = HAIKU_TAILS
    write_blog(
        {
            "haikulint.toml": 'root = "posts"\nrules-dirs = ["lint-rules"]\n',
            "lint-rules/by-author.toml": BY_AUTHOR_RULE,
            f"posts/2023/{a}.md": post("Weekly Notes"),
            f"posts/2023/{a}.markdown": post("Other Notes", author="bob"),
            f"posts/2023/{a.replace('the-prod', 'The-Prod')}.md": post("weekly  notes"),
            f"posts/2024/{b}.md": post(" WEEKLY notes", author="bob"),
            f"posts/2024/{c}.md": post(None, author="bob"),
            f"posts/2024/{d}.md": post("[broken", author="cy"),
            f"posts/2024/03/{d}.md": post("Learning", author="cy"),
            f"posts/2024/3/{d}.md": post("Learning", author="dee"),
            f"posts/{c}.md": post("A Title Of Its Own", author="bob"),
        }
    )
    age_all(in_tmp)
    return in_tmp


def check(*args: str) -> list[dict[str, Any]]:
    code, out, err = run_cli("check", "--output-format", "json", "--no-progress", *args)
    assert code in (0, 1), err
    found: list[dict[str, Any]] = json.loads(out)
    return found


def whole_blog() -> dict[str, list[dict[str, Any]]]:
    """Each post's diagnostics in a whole-blog run without the cache."""
    by_path: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for diagnostic in check("--no-cache"):
        by_path[str(diagnostic["path"])].append(diagnostic)
    return by_path


def posts(root: Path) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.glob("posts/**/*.m*"))


def assert_one_post_runs_agree(root: Path) -> None:
    expected = whole_blog()
    assert any(d["code"] == "XX301" for ds in expected.values() for d in ds)  # a real test
    for name in posts(root):
        assert check("--no-cache", name) == expected.get(name, []), name
        assert check(name) == expected.get(name, []), name  # the cache as it is
        assert check(name) == expected.get(name, []), name  # warm for this post too


def test_each_post_alone_gets_what_the_whole_blog_run_gives_it(blog: Path) -> None:
    assert_one_post_runs_agree(blog)  # the cache empty at first, then partly filled
    check()  # every post in the cache
    assert_one_post_runs_agree(blog)


@pytest.fixture
def summaries_built(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The display path of each summary taken from the cache."""
    built: list[str] = []
    real = cache.ResultCache.lookup

    def counting(self: cache.ResultCache, *args: Any, **kwargs: Any) -> Any:
        found = real(self, *args, **kwargs)
        if isinstance(found, cache.Cached):
            built.append(found.summary.display_path)
        return found

    monkeypatch.setattr(cache.ResultCache, "lookup", counting)
    yield built


def test_a_warm_one_post_run_builds_only_the_summaries_that_share_a_key(
    blog: Path, summaries_built: list[str]
) -> None:
    check()
    a = HAIKU_TAILS[0]
    named = f"posts/2023/{a}.md"
    summaries_built.clear()
    check(named)
    assert sorted(set(summaries_built) - {named}) == sorted(
        [f"posts/2023/{a}.markdown", f"posts/2023/{a.replace('the-prod', 'The-Prod')}.md",
         f"posts/2024/{HAIKU_TAILS[1]}.md"]
    )  # fmt: skip


def test_another_post_changed_to_collide_is_seen_by_a_warm_one_post_run(blog: Path) -> None:
    check()
    named = f"posts/{HAIKU_TAILS[2]}.md"
    assert check(named) == []
    other = blog / f"posts/2024/03/{HAIKU_TAILS[3]}.md"
    other.write_text(post("A Title Of Its Owm", author="cy"), encoding="utf-8")
    assert check(named) == []  # "Owm": no clash yet
    other.write_text(post("a title of its  own", author="cy"), encoding="utf-8")
    found = check(named)
    assert [d["name"] for d in found] == ["duplicate-title"]
    assert other.relative_to(blog).as_posix() in found[0]["message"]
    assert_one_post_runs_agree(blog)


def test_added_removed_and_renamed_posts_are_seen_by_a_warm_one_post_run(blog: Path) -> None:
    check()
    named = f"posts/{HAIKU_TAILS[2]}.md"
    added = blog / "posts/2025" / f"{HAIKU_TAILS[0]}.md"
    added.parent.mkdir(parents=True)
    added.write_text(post("A Title Of Its Own"), encoding="utf-8")
    age(added)
    found = check(named)
    assert [d["name"] for d in found] == ["duplicate-title"]
    assert "posts/2025/" in found[0]["message"]
    renamed = blog / "posts/2025" / f"{HAIKU_TAILS[1]}.md"
    renamed.parent.mkdir(parents=True)
    added.rename(renamed)
    found = check(named)
    assert renamed.relative_to(blog).as_posix() in found[0]["message"]
    assert added.name not in found[0]["message"]
    assert_one_post_runs_agree(blog)
    renamed.unlink()
    assert check(named) == []
    assert_one_post_runs_agree(blog)


@pytest.mark.parametrize("spelling", ["{}", "./{}", "posts/../{}", "posts/./../{}", "{abs}"])
def test_a_named_post_is_not_compared_with_itself_however_it_is_spelled(
    blog: Path, spelling: str
) -> None:
    named = f"posts/{HAIKU_TAILS[2]}.md"
    given = spelling.format(named, abs=blog / named)
    expected = whole_blog().get(named, [])
    assert check("--no-cache", given) == expected
    assert check(given) == expected
    assert check(given) == expected
