"""discover_posts: which files are checked, and the root each slug is read from."""

from __future__ import annotations

import os
from pathlib import Path

import pathspec
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from haikulint.blog.discover import (
    LOOP,
    OUTSIDE_ROOT,
    PostFile,
    WalkOptions,
    _Ignore,
    derive_root,
    discover_posts,
    find_blog_root,
    is_under,
)
from haikulint.config import Config
from haikulint.errors import UsageError

CHAIN = "a-b-/-c-d-/-e.md"


def make(root: Path, *relatives: str, content: str = "Title: x\n") -> None:
    for relative in relatives:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content)


def found(files: list[PostFile], base: Path) -> list[str]:
    return [file.path.relative_to(base).as_posix() for file in files]


def test_walks_for_markdown_sorted(tmp_path: Path) -> None:
    make(tmp_path, "post/z.md", f"post/{CHAIN}", "post/x.markdown", "post/notes.txt", "a.md")
    files = discover_posts([tmp_path], Config(base=tmp_path))
    assert found(files, tmp_path) == sorted(
        ["a.md", f"post/{CHAIN}", "post/x.markdown", "post/z.md"]
    )
    assert all(file.path.is_absolute() and file.root == tmp_path for file in files)


def test_custom_include_globs(tmp_path: Path) -> None:
    make(tmp_path, "a.mdx", "b.md", "notes-1.txt")
    config = Config(base=tmp_path, include=("*.mdx", "notes-*.txt"))
    assert found(discover_posts([tmp_path], config), tmp_path) == ["a.mdx", "notes-1.txt"]


def test_duplicates_are_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(tmp_path, "post/a.md")
    monkeypatch.chdir(tmp_path)
    files = discover_posts(
        [Path("post"), Path("post/a.md"), Path("./post/../post/a.md"), tmp_path / "post"],
        Config(base=tmp_path),
    )
    assert found(files, tmp_path) == ["post/a.md"]


def test_hidden_folders_are_skipped_but_a_file_named_dot_md_is_found(tmp_path: Path) -> None:
    make(tmp_path, ".git/x.md", "post/.drafts/y.md", "post/.md", "post/ok.md")
    files = discover_posts([tmp_path], Config(base=tmp_path))
    assert found(files, tmp_path) == ["post/.md", "post/ok.md"]


def test_hidden_files_and_hugo_list_pages_are_skipped_in_a_walk_not_when_named(
    tmp_path: Path,
) -> None:
    hidden = ["post/.draft-of-a-post.md", "post/.#the-pager-went-still.md", "post/_index.md"]
    make(tmp_path, *hidden, "post/ok.md", "post/.markdown")
    files = discover_posts([tmp_path], Config(base=tmp_path))
    assert found(files, tmp_path) == ["post/.markdown", "post/ok.md"]
    named = discover_posts([tmp_path / name for name in hidden], Config(base=tmp_path))
    assert found(named, tmp_path) == sorted(hidden)


def test_a_post_reached_through_a_linked_folder_is_found_at_its_real_place(
    tmp_path: Path,
) -> None:
    make(tmp_path, f"post/2024/{CHAIN}")
    for link in ("a-latest", "current", "zz-latest"):  # listed before and after 2024
        (tmp_path / "post" / link).symlink_to("2024")
        files = discover_posts([tmp_path / "post"], Config(base=tmp_path))
        assert found(files, tmp_path) == [f"post/2024/{CHAIN}"], link
        (tmp_path / "post" / link).unlink()


def test_gitignore_of_the_repository_applies_when_walking_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("# comment\ndrafts/\n*.tmp.md\n/post/top-only.md\n")
    make(
        tmp_path,
        "post/drafts/a.md",
        "post/b.tmp.md",
        "post/top-only.md",
        "post/keep.md",
        "post/sub/top-only.md",
    )
    files = discover_posts([tmp_path / "post"], Config(base=tmp_path))
    assert found(files, tmp_path) == ["post/keep.md", "post/sub/top-only.md"]


def test_nested_gitignore_and_negation(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("*.old.md\n")
    make(tmp_path, "post/a.old.md", "post/b.md", "post/inner/c.old.md", "post/inner/d.md")
    (tmp_path / "post" / "inner" / ".gitignore").write_text("!c.old.md\nd.md\n")
    files = discover_posts([tmp_path], Config(base=tmp_path))
    assert found(files, tmp_path) == ["post/b.md", "post/inner/c.old.md"]


def test_gitignore_above_the_repository_is_not_read(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.md\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    make(repo, "post/a.md")
    assert found(discover_posts([repo / "post"], Config(base=repo)), repo) == ["post/a.md"]


def test_config_exclude_is_relative_to_the_config_folder(tmp_path: Path) -> None:
    make(tmp_path, "post/old/a.md", "post/b.md", "post/c-draft.md", "other/post/old/d.md")
    config = Config(base=tmp_path, exclude=("post/old/", "*-draft.md"))
    files = discover_posts([tmp_path], config)
    assert found(files, tmp_path) == ["other/post/old/d.md", "post/b.md"]


def test_files_named_explicitly_are_always_checked(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("ignored.md\n")
    make(tmp_path, "post/ignored.md", "post/excluded.md", "post/readme.txt")
    config = Config(base=tmp_path, exclude=("excluded.md",))
    files = discover_posts(
        [tmp_path / "post/ignored.md", tmp_path / "post/excluded.md", tmp_path / "post/readme.txt"],
        config,
    )
    assert len(files) == 3
    assert discover_posts([tmp_path / "post"], config) == []


def test_force_exclude_applies_the_config_exclude_to_files_named_outright(
    tmp_path: Path,
) -> None:
    make(tmp_path, "post/drafts/a.md", "post/b-draft.md", "post/c.md")
    config = Config(base=tmp_path, exclude=("post/drafts/", "*-draft.md"))
    named = [tmp_path / "post/drafts/a.md", tmp_path / "post/b-draft.md", tmp_path / "post/c.md"]
    assert len(discover_posts(named, config)) == 3
    kept = discover_posts(named, config, WalkOptions(force_exclude=True))
    assert found(kept, tmp_path) == ["post/c.md"]
    # Folders named outright are walked as ever: exclude already applies inside them.
    walked = discover_posts([tmp_path / "post"], config, WalkOptions(force_exclude=True))
    assert found(walked, tmp_path) == ["post/c.md"]


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"no-such\.md: no such file or folder"):
        discover_posts([tmp_path / "no-such.md"], Config(base=tmp_path))


def test_symlink_loops_never_hang(tmp_path: Path) -> None:
    make(tmp_path, "post/a.md", "post/deeper/b.md")
    (tmp_path / "post" / "deeper" / "up").symlink_to(tmp_path / "post")
    (tmp_path / "post" / "self").symlink_to(".")
    (tmp_path / "post" / "elsewhere").symlink_to(tmp_path / "outside")
    make(tmp_path, "outside/c.md")
    skipped: list[tuple[str, str]] = []
    files = discover_posts(
        [tmp_path / "post"],
        Config(base=tmp_path),
        WalkOptions(on_skipped=lambda path, reason: skipped.append((path, reason))),
    )
    # The link that leads outside the root is not followed: the root is a boundary.
    assert found(files, tmp_path) == ["post/a.md", "post/deeper/b.md"]
    assert sorted((Path(path).relative_to(tmp_path).as_posix(), why) for path, why in skipped) == [
        ("post/deeper/up", LOOP),
        ("post/elsewhere", OUTSIDE_ROOT),
        ("post/self", LOOP),
    ]


def odd_entries(folder: Path) -> list[str]:
    """A dangling link, a loop of two links and (where there are any) a named pipe."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gone.md").symlink_to(folder / "nowhere.md")
    (folder / "loop1.md").symlink_to("loop2.md")
    (folder / "loop2.md").symlink_to("loop1.md")
    names = ["gone.md", "loop1.md", "loop2.md"]
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.md")
        names.append("pipe.md")
    return names


def test_odd_entries_are_found_in_a_walk_as_when_named(tmp_path: Path) -> None:
    # Every file gets a verdict: a walk returns what the include globs name, file or
    # not, so the blog layer reports it unreadable instead of it vanishing unseen.
    make(tmp_path, "post/a.md")
    names = odd_entries(tmp_path / "post")
    (tmp_path / "post" / "gone-folder").symlink_to(tmp_path / "nowhere")
    walked = discover_posts([tmp_path / "post"], Config(base=tmp_path))
    assert found(walked, tmp_path) == sorted(["post/a.md", *(f"post/{name}" for name in names)])
    for name in names:
        named = discover_posts([tmp_path / "post" / name], Config(base=tmp_path))
        assert found(named, tmp_path) == [f"post/{name}"]


def test_odd_entries_are_still_ignored_by_globs(tmp_path: Path) -> None:
    make(tmp_path, "post/a.md")
    odd_entries(tmp_path / "post")
    (tmp_path / "post" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    config = Config(base=tmp_path, exclude=("loop*.md", "pipe.md"))
    walked = discover_posts([tmp_path / "post"], config)
    assert found(walked, tmp_path) == ["post/a.md", "post/gone.md"]


# --- roots ---------------------------------------------------------------------------------


def test_a_folder_argument_is_the_root(tmp_path: Path) -> None:
    make(tmp_path, f"post/{CHAIN}")
    (file,) = discover_posts([tmp_path / "post"], Config(base=tmp_path))
    assert file.root == tmp_path / "post"
    (from_top,) = discover_posts([tmp_path], Config(base=tmp_path))
    assert from_top.root == tmp_path


def test_a_file_named_alone_takes_its_root_from_the_chain(tmp_path: Path) -> None:
    make(tmp_path, f"post/{CHAIN}", "post/legacy-title.md", "post/a_/_b.md")
    files = discover_posts(
        [tmp_path / "post" / CHAIN, tmp_path / "post/legacy-title.md", tmp_path / "post/a_/_b.md"],
        Config(base=tmp_path),
    )
    assert {file.root for file in files} == {tmp_path / "post"}


def test_a_folder_inside_the_chain_climbs_to_the_chain_top(tmp_path: Path) -> None:
    make(tmp_path, f"post/{CHAIN}")
    (file,) = discover_posts([tmp_path / "post" / "a-b-"], Config(base=tmp_path))
    assert file.root == tmp_path / "post"


def test_configured_and_explicit_roots(tmp_path: Path) -> None:
    make(tmp_path, f"blog/post/{CHAIN}", f"elsewhere/{CHAIN}")
    config = Config(base=tmp_path, root=tmp_path / "blog")
    files = discover_posts([tmp_path / "blog/post" / CHAIN, tmp_path / "elsewhere"], config)
    assert [file.root for file in files] == [tmp_path / "blog", tmp_path / "elsewhere"]
    (explicit,) = discover_posts([tmp_path / "blog"], config, WalkOptions(tmp_path / "blog/post"))
    assert explicit.root == tmp_path / "blog/post"


def test_no_paths_means_the_configured_root_else_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make(tmp_path, "blog/a.md", "b.md")
    monkeypatch.chdir(tmp_path)
    assert len(discover_posts([], Config(base=tmp_path))) == 2
    assert len(discover_posts([], Config(base=tmp_path, root=tmp_path / "blog"))) == 1


def test_root_helpers(tmp_path: Path) -> None:
    assert derive_root(tmp_path / "post" / CHAIN) == str(tmp_path / "post")
    assert derive_root(tmp_path / "post" / "one.md") == str(tmp_path / "post")
    assert is_under(tmp_path / "a" / "b", tmp_path / "a")
    assert is_under(tmp_path / "a", tmp_path / "a")
    assert not is_under(tmp_path / "ab", tmp_path / "a")
    make(tmp_path, f"post/{CHAIN}")
    config = Config(base=tmp_path)
    assert find_blog_root(tmp_path / "post" / "a-b-", config) == tmp_path / "post"
    assert find_blog_root(tmp_path / "post" / CHAIN, config) == tmp_path / "post"
    configured = Config(base=tmp_path, root=tmp_path / "blog")
    assert find_blog_root(tmp_path, configured) == tmp_path / "blog"


# --- the combined gitignore matcher agrees with pathspec -------------------------------------

PATTERNS = ["*.md", "drafts/", "/top.md", "a/**/b.md", "*.tmp", "x?.md", "[ab]*.md", "**/logs"]
NAMES = ["a", "b.md", "drafts", "top.md", "x1.md", "logs", "c.tmp", "zz"]


@given(
    st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=4),
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=4),
    st.booleans(),
)
def test_fast_gitignore_matcher_agrees_with_pathspec_during_a_walk(
    patterns: list[str], parts: list[str], folder: bool
) -> None:
    spec = pathspec.GitIgnoreSpec.from_lines(patterns)
    ancestors = ["/".join(parts[:end]) + "/" for end in range(1, len(parts))]
    assume(not any(spec.match_file(ancestor) for ancestor in ancestors))  # else pruned
    relative = "/".join(parts) + ("/" if folder else "")
    rule = _Ignore(os.sep + "base", patterns)
    assert bool(rule.verdict(relative)) == spec.match_file(relative)


def test_post_file_keeps_its_path_as_text_and_stays_immutable(tmp_path: Path) -> None:
    import dataclasses
    import pickle

    target = tmp_path / "post" / CHAIN
    file = PostFile(target, tmp_path)
    assert file.filename == str(target) and file.path == target and file.root == tmp_path
    same = PostFile(str(target), tmp_path)
    assert file == same and hash(file) == hash(same)
    assert file != PostFile(target, tmp_path / "post")
    assert pickle.loads(pickle.dumps(file)) == file
    assert repr(file) == f"PostFile(path={target!r}, root={tmp_path!r})"
    with pytest.raises(dataclasses.FrozenInstanceError):
        file.root = tmp_path / "elsewhere"  # type: ignore[misc]


def test_discovered_files_are_absolute_text_paths(tmp_path: Path) -> None:
    make(tmp_path, f"post/{CHAIN}")
    (file,) = discover_posts([tmp_path / "post"], Config(base=tmp_path))
    assert isinstance(file.filename, str) and os.path.isabs(file.filename)
    assert file.path == tmp_path / "post" / CHAIN


@given(st.text(alphabet=st.sampled_from("/a.b-"), max_size=12))
def test_a_clean_absolute_path_is_its_own_absolute_path(path: str) -> None:
    """``_absolute`` skips ``abspath`` for paths as discover makes them: same result."""
    from haikulint.blog.discover import _absolute

    assert _absolute(path) == os.path.abspath(path)
