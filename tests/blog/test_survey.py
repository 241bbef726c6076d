"""The survey ``init`` runs: where posts live and how, read from the tree itself."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from haikulint.blog import survey as survey_module
from haikulint.blog.discover import PostFile
from haikulint.blog.post import read_post
from haikulint.blog.survey import GeneratorHint, survey
from tests.conftest import write_tree
from tests.layouts import COFFEE, HUGO, JEKYLL, PELICAN, QUIET, REVIEW, TYPO, yaml_post
from tests.seeds import write_seeds


def test_pelican_posts_live_in_content_with_key_value_headers(tmp_path: Path) -> None:
    found = survey(write_tree(tmp_path, PELICAN))
    assert found.root == "content"
    assert (found.posts, found.haiku_posts) == (4, 3)
    assert found.not_posts == ("pages/",)
    assert found.header_styles == {"pelican": 4}
    assert found.header_places == {"top": 4}
    assert found.generators == (
        GeneratorHint("pelican", "pelicanconf.py", "content", content_folder="content"),
    )
    assert found.outside_root == {".": 1}  # README.md is not a post
    assert found.sampled == 4


def test_hugo_posts_live_in_content_posts_with_bundles_and_a_section(tmp_path: Path) -> None:
    found = survey(write_tree(tmp_path, HUGO))
    assert found.root == "content/posts"
    assert (found.posts, found.haiku_posts) == (5, 5)  # _index.md is a list page
    assert found.sections == ("field-notes",)
    assert found.section_folders == {"field-notes": 2}
    assert found.header_styles == {"toml": 4, "yaml": 1}
    assert found.header_style == "toml"
    assert found.generators == (GeneratorHint("hugo", "hugo.toml"),)
    assert found.outside_root == {"archetypes": 1, "content": 1}


def test_jekyll_posts_live_in_underscore_posts_with_dated_names(tmp_path: Path) -> None:
    found = survey(write_tree(tmp_path, JEKYLL))
    assert found.root == "_posts"
    assert found.dated_names == 3
    assert found.extensions == {".md": 2, ".markdown": 1}
    assert found.header_styles == {"yaml": 3}
    assert [hint.generator for hint in found.generators] == ["jekyll", "jekyll"]
    assert found.generator == "jekyll"


def test_jekyll_drafts_beside_the_posts_do_not_widen_the_root(tmp_path: Path) -> None:
    found = survey(write_tree(tmp_path, {**JEKYLL, f"_drafts/{REVIEW}.md": "x\n"}))
    assert (found.root, found.posts, found.outside_root) == ("_posts", 3, {".": 1, "_drafts": 1})
    only_drafts = survey(write_tree(tmp_path / "new", {f"_drafts/{REVIEW}.md": "x\n"}))
    assert only_drafts.root == "_drafts"


def test_the_seeds_layout_headers_below_the_haiku_line(tmp_path: Path) -> None:
    write_seeds(tmp_path)
    found = survey(tmp_path)
    assert found.root == "post"
    assert (found.posts, found.haiku_posts) == (5, 3)
    assert found.line_counts == {3: 3}
    assert found.header_styles == {"none": 3, "pelican": 2}
    assert found.header_style == "pelican"
    assert found.header_places == {"after-haiku": 2}
    assert found.haiku_lines == 3
    assert found.not_posts == ()  # legacy one-line posts sit beside the haiku ones


def test_date_folder_shapes_are_counted(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            f"posts/2024/03/{QUIET}.md": yaml_post("A", "2024-03-01"),
            f"posts/2024-03-05/{COFFEE}.md": yaml_post("B", "2024-03-05"),
            f"posts/2023/{TYPO}.md": yaml_post("C", "2023-01-01"),
            f"posts/{REVIEW}.md": yaml_post("D", "2023-01-01"),
        },
    )
    found = survey(tmp_path)
    assert found.root == "posts"
    assert found.date_folders == {"YYYY/MM": 1, "YYYY-MM-DD": 1, "YYYY": 1}


def test_a_lone_multi_word_folder_above_a_chain_is_a_line_not_a_root(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "posts/the-cron-job-ran-twice/a-null-pointer-in-the-logs-/-we-slept.md": "x\n",
            f"posts/{QUIET}.md": "x\n",
        },
    )
    found = survey(tmp_path)
    assert (found.root, found.sections) == ("posts", ())
    write_tree(tmp_path / "only", {"my-blog/a-b-/-c-d-/-e.md": "x\n"})
    assert survey(tmp_path / "only").root == "."


def test_an_empty_folder_proposes_posts(tmp_path: Path) -> None:
    found = survey(tmp_path)
    assert (found.root, found.root_exists, found.posts) == ("posts", False, 0)


def test_a_generator_without_posts_proposes_its_own_folder(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text('baseURL = "/"\n', encoding="utf-8")
    assert survey(tmp_path).root == "content/posts"


@pytest.mark.parametrize(
    ("setting", "root"),
    [
        ("PATH = 'posts'  # ours\n", "posts"),
        ('PATH = "site/content"\n', "site/content"),
        ('PATH = "/srv/content"\n', "content"),
        ('PATH = "../elsewhere"\n', "content"),
        ("PATH = os.path.join(HERE, 'x')\n", "content"),
        ("", "content"),
    ],
)
def test_pelicans_path_setting_says_where_posts_go(tmp_path: Path, setting: str, root: str) -> None:
    (tmp_path / "pelicanconf.py").write_text(f"AUTHOR = 'me'\n{setting}", encoding="utf-8")
    assert survey(tmp_path).root == root


def test_a_config_toml_without_base_url_is_not_hugo(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("[tool]\nx = 1\n", encoding="utf-8")
    assert survey(tmp_path).generators == ()


def test_hidden_and_ignored_folders_are_not_surveyed(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            ".gitignore": "build/\n",
            f"posts/{QUIET}.md": "x\n",
            f"build/{COFFEE}.md": "x\n",
            f".drafts/{TYPO}.md": "x\n",
        },
    )
    found = survey(tmp_path)
    assert (found.root, found.posts, found.outside_root) == ("posts", 1, {})


def test_links_leading_outside_the_tree_are_not_followed(tmp_path: Path) -> None:
    outside = write_tree(tmp_path / "elsewhere", {f"theirs/{COFFEE}.md": "x\n", "one.md": "x\n"})
    blog = write_tree(tmp_path / "blog", {f"posts/{QUIET}.md": "x\n"})
    os.symlink(outside / "theirs", blog / "posts" / "linked")
    (blog / "posts" / "one-a-/-b-c-").mkdir(parents=True)
    os.symlink(outside / "one.md", blog / "posts" / "one-a-/-b-c-/-d.md")
    os.symlink(outside, blog / "everything")
    found = survey(blog)
    assert (found.root, found.posts, found.haiku_posts) == ("posts", 1, 1)
    assert sorted(path for path, _ in found.skipped) == [
        "everything",
        "posts/linked",
        "posts/one-a-/-b-c-/-d.md",
    ]
    assert all("outside" in reason for _, reason in found.skipped)


def test_headers_are_read_from_a_bounded_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {f"posts/a-{n}-/-b-/-c.md": yaml_post(f"T{n}", "2024-01-01") for n in range(40)}
    write_tree(tmp_path, files)
    read: list[str] = []

    def counting(file: PostFile, *args: object, **kwargs: object) -> object:
        read.append(file.filename)
        return read_post(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(survey_module, "read_post", counting)
    found = survey(tmp_path, sample_size=10)
    assert (found.posts, found.sampled, len(read), len(set(read))) == (40, 10, 10, 10)
    assert found.header_styles == {"yaml": 10}
    names = sorted(files)
    assert read[0].endswith(names[0]) and read[-1].endswith(names[-1])  # spread, not the first 10


@pytest.mark.parametrize("name", ["2024", "my-blog-", "the-blog"])
def test_the_root_is_never_above_the_surveyed_folder(tmp_path: Path, name: str) -> None:
    write_tree(tmp_path / name, {f"{QUIET}.md": "x\n", "notes.md": "x\n"})
    found = survey(tmp_path / name)
    assert (found.root, found.posts, found.haiku_posts) == (".", 2, 1)
    write_tree(tmp_path / "legacy" / name, {"old-title.md": "x\n"})
    assert survey(tmp_path / "legacy" / name).root == "."


def test_a_sampled_post_that_cannot_be_read_is_counted_apart(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            f"posts/{QUIET}.md": yaml_post("A", "2024-01-01"),
            f"posts/{COFFEE}.md": b"Title: caf\xe9\n",
            f"posts/{TYPO}.md": "---\ntitle: big\n---\n" + "words " * 50_000,
        },
    )
    found = survey(tmp_path)
    assert (found.sampled, found.unreadable, found.header_styles) == (3, 2, {"yaml": 1})
