"""``haikulint init`` reading the site generator's config: Hugo's ``contentDir`` (in any
of Hugo's config files), ``buildFuture`` and Jekyll's ``future``, and a blog whose posts
are scheduled (dated after today) getting ``allow-future-dates``."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from haikulint.blog.survey import _yaml_top_level
from tests.conftest import run_cli, write_tree
from tests.layouts import COFFEE, QUIET, REVIEW, toml_post, yaml_post

THEME_POST = f"themes/ananke/exampleSite/content/posts/{REVIEW}.md"


def proposed(*args: str) -> dict[str, object]:
    """``init --dry-run --output-format json``: the config it proposes."""
    code, out, err = run_cli("init", "--dry-run", "--output-format", "json", *args)
    assert code == 0, err
    config = json.loads(out)["config"]
    assert isinstance(config, dict)
    return config


def init_text(*args: str) -> str:
    code, out, err = run_cli("init", "--dry-run", *args)
    assert code == 0, err
    return out


HUGO_SITE_POSTS = {
    f"site/posts/{QUIET}.md": toml_post("A Quiet Release", "2022-06-17"),
    f"site/posts/{COFFEE}.md": toml_post("The Long Night", "2023-02-11"),
    THEME_POST: toml_post("First Review", "2023-05-02"),  # a theme's demo: not the blog
}


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("hugo.toml", 'baseURL = "https://example.org/"\ncontentDir = "site"\n'),
        ("hugo.yaml", "baseURL: https://example.org/\ncontentdir: site\n"),
        ("hugo.json", '{"baseURL": "https://example.org/", "contentDir": "site"}'),
        ("config.toml", 'baseurl = "https://example.org/"\nContentDir = "site"\n'),
        ("config.yaml", "baseURL: https://example.org/\ncontentDir: site\n"),
        ("config.json", '{"baseURL": "https://example.org/", "contentDir": "site"}'),
        ("config/_default/hugo.toml", 'contentDir = "site"\n'),
        ("config/_default/config.yaml", "contentDir: site\n"),
    ],
)
def test_hugo_content_dir_decides_the_root(in_tmp: Path, name: str, content: str) -> None:
    write_tree(in_tmp, {name: content, **HUGO_SITE_POSTS})
    assert proposed()["root"] == "site/posts"
    out = init_text()
    assert f"generator     hugo ({name})" in out


def test_without_content_dir_the_theme_post_widens_the_root(in_tmp: Path) -> None:
    """The premise of the test above: the theme's post is a haiku post too."""
    write_tree(in_tmp, {"hugo.toml": 'baseURL = "https://example.org/"\n', **HUGO_SITE_POSTS})
    assert proposed()["root"] == "."


def test_a_new_hugo_site_gets_its_posts_folder_below_content_dir(in_tmp: Path) -> None:
    write_tree(in_tmp, {"hugo.toml": 'baseURL = "/"\ncontentDir = "src/content"\n'})
    assert proposed()["root"] == "src/content/posts"


@pytest.mark.parametrize("value", ["/etc", "../elsewhere", "", "."])
def test_a_content_dir_not_below_the_site_is_not_used(in_tmp: Path, value: str) -> None:
    write_tree(in_tmp, {"hugo.toml": f'baseURL = "/"\ncontentDir = "{value}"\n'})
    assert proposed()["root"] == "content/posts"  # Hugo's own default


def _post(day: date) -> str:
    return yaml_post("T", day.isoformat())


def _blog_dated(*days: date, extra: dict[str, str] | None = None) -> dict[str, str]:
    posts = [QUIET, COFFEE, REVIEW]
    files = {f"posts/{chain}.md": _post(day) for chain, day in zip(posts, days, strict=False)}
    return {**files, **(extra or {})}


TODAY = date.today()
PAST = date(2023, 2, 11)


@pytest.mark.parametrize(
    ("files", "allowed", "row"),
    [
        (
            _blog_dated(TODAY + timedelta(days=10), TODAY + timedelta(days=40), PAST),
            True,
            "2 sampled posts dated after today, within a year: scheduled posts, "
            "so allow-future-dates",
        ),
        (
            _blog_dated(TODAY + timedelta(days=10), PAST, PAST),
            False,
            "1 sampled post dated after today, within a year: one may be a typo, "
            "so date-future still warns",
        ),
        (
            _blog_dated(date(2999, 1, 1), date(2998, 1, 1), PAST),
            False,
            "2 sampled posts dated more than a year ahead (typos?): one may be a typo, "
            "so date-future still warns",
        ),
        (
            _blog_dated(PAST, extra={"hugo.toml": 'baseURL = "/"\nbuildFuture = true\n'}),
            True,
            "hugo.toml sets buildFuture (future-dated posts are published): scheduled posts, "
            "so allow-future-dates",
        ),
        (
            _blog_dated(PAST, extra={"_config.yml": "title: Blog\nfuture: true\n"}),
            True,
            "_config.yml sets future (future-dated posts are published): scheduled posts, "
            "so allow-future-dates",
        ),
        (_blog_dated(PAST, extra={"hugo.toml": 'baseURL = "/"\nbuildFuture = 0\n'}), False, None),
    ],
    ids=["two-scheduled", "one-scheduled", "far-future", "hugo-buildfuture", "jekyll-future", "no"],
)
def test_allow_future_dates_is_proposed_for_a_blog_that_schedules(
    in_tmp: Path, files: dict[str, str], allowed: bool, row: str | None
) -> None:
    write_tree(in_tmp, files)
    assert ("allow-future-dates" in proposed()) is allowed
    out = init_text()
    if row is None:
        assert "future dates" not in out
    else:
        assert f"  future dates  {row}\n" in out


def test_the_written_config_lets_check_pass_the_scheduled_posts(in_tmp: Path) -> None:
    soon = TODAY + timedelta(days=10)
    write_tree(in_tmp, _blog_dated(soon, soon + timedelta(days=7), PAST))
    code, _, err = run_cli("init", "--yes")
    assert code == 0, err
    assert "allow-future-dates = true\n" in (in_tmp / "haikulint.toml").read_text("utf-8")
    code, out, _ = run_cli("check", "--no-progress", "--select", "date-future")
    assert code == 0 and "All checks passed" in out


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("hugo.toml", 'baseURL = "/"\ncontentDir = [\n', "invalid TOML"),
        ("hugo.json", '{"contentDir": ', "invalid JSON"),
        ("hugo.yaml", "contentDir: [site\n", "invalid YAML"),
        ("_config.yml", "future: {\n", "invalid YAML"),
        ("hugo.toml", b"contentDir = '\xff'\n", "not UTF-8 text"),
    ],
)
def test_a_broken_site_config_is_noted_and_init_goes_on(
    in_tmp: Path, name: str, content: str | bytes, reason: str
) -> None:
    write_tree(in_tmp, {name: content})
    code, out, err = run_cli("init", "--yes")
    assert code == 0, err
    line = next(line for line in out.splitlines() if line.startswith("  skipped"))
    assert line.startswith(f"  skipped       {name}: cannot read this site config ({reason}")
    assert line.endswith("; its settings not read")
    assert "Traceback" not in err


def test_a_yaml_alias_bomb_in_a_site_config_costs_nothing(in_tmp: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    write_tree(in_tmp, {"hugo.yaml": bomb + "contentDir: site\n"})
    assert proposed()["root"] == "site/posts"


def test_a_site_config_that_is_a_link_is_not_followed(in_tmp: Path) -> None:
    outside = in_tmp.parent / f"{in_tmp.name}-outside.toml"
    outside.write_text('baseURL = "/"\ncontentDir = "secret"\n', encoding="utf-8")
    (in_tmp / "hugo.toml").symlink_to(outside)
    out = init_text()
    assert "  skipped       hugo.toml: a symbolic link; not followed, its settings not read" in out
    assert proposed()["root"] == "posts"


def test_a_folder_that_cannot_be_listed_is_a_usage_error(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root, ``chmod 000`` does not stop a listing: the refusal is simulated here (the
    bad-input catalogue runs the real thing where it can)."""
    (in_tmp / "locked").mkdir()
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if os.fspath(path).endswith("locked"):  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied")
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run_cli("init", "--yes", "locked")
    assert (code, out) == (2, "")
    assert err == "haikulint: error: locked: cannot list the folder (Permission denied)\n"
    assert not (in_tmp / "locked" / "haikulint.toml").exists()


_SCALARS = st.one_of(
    st.booleans(), st.integers(-1000, 1000), st.text("abcdef/_- ", min_size=1, max_size=12)
)


@given(
    st.dictionaries(
        st.sampled_from(["contentDir", "buildFuture", "title", "future"]),
        st.one_of(_SCALARS, st.lists(_SCALARS, max_size=3)),
        max_size=4,
    )
)
def test_yaml_top_level_reads_the_scalars_yaml_reads(data: dict[str, object]) -> None:
    text = yaml.safe_dump(data)
    keys = ("contentdir", "buildfuture", "future")
    expected = {
        key.lower(): value
        for key, value in yaml.safe_load(text).items()
        if key.lower() in keys and not isinstance(value, list)
    }
    assert _yaml_top_level(text, keys) == expected


def test_the_survey_counts_scheduled_posts_against_the_day_it_is_given(tmp_path: Path) -> None:
    from haikulint.blog.survey import survey

    write_tree(
        tmp_path,
        _blog_dated(date(2024, 3, 1), date(2024, 3, 2), date(2025, 3, 3)),
    )
    found = survey(tmp_path, today=date(2024, 3, 1))
    assert (found.scheduled, found.far_future, found.schedules_posts) == (1, 1, False)
    found = survey(tmp_path, today=date(2024, 2, 1))
    assert (found.scheduled, found.far_future, found.schedules_posts) == (2, 1, True)
