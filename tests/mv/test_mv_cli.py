"""``haikulint mv`` through the command line: moves, refusals, aliases, dry runs."""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path

import pytest

from tests.conftest import check_json, run_cli, write_tree

OLD = "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md"
NEW = "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-held-it.md"
HAIKU = "the prod deploy froze / I parsed the pcap for hours / the repo held it"
SEED_000 = (
    "\nthe prod deploy froze / I parsed the pcap for hours / the repo holds it all\n\n\n"
    "Title: Learning the Hard Way with LLMs and FinOps\n\n\n"
    "April 24, 2023 - Today, I find myself wrestling with a combination of technologies.\n\n"
    "LLMs: The New Frontier\n"
)


def write(root: Path, relative: str, content: str | bytes) -> Path:
    return write_tree(root, {relative: content}) / relative


def tree(root: Path) -> list[str]:
    return sorted(
        path.relative_to(root).as_posix() + ("/" if path.is_dir() else "")
        for path in root.rglob("*")
    )


def test_mv_moves_the_seed_and_rewrites_its_haiku_line(in_tmp: Path) -> None:
    write(in_tmp, OLD, SEED_000)
    code, out, err = run_cli("mv", OLD, HAIKU)
    assert code == 0, err
    assert out == f"{OLD} -> {NEW}\n"
    assert tree(in_tmp) == sorted(
        [
            "post/",
            "post/the-prod-deploy-froze-/",
            "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/",
            NEW,
        ]
    )
    assert (in_tmp / NEW).read_text("utf-8") == SEED_000.replace("holds it all", "held it")
    _, found = check_json("post")
    names = {str(diagnostic["name"]) for diagnostic in found}
    assert not names & {"slug-lines", "slug-syllables", "slug-separator", "haiku-mismatch"}
    assert names == {"date-missing"}  # the seed's own remaining problem


def test_mv_removes_only_the_folders_it_left_empty(in_tmp: Path) -> None:
    write(in_tmp, OLD, SEED_000)
    neighbour = "post/the-prod-deploy-froze-/-we-rolled-back-at-dawn.md"
    write(in_tmp, neighbour, "Title: x\n")
    code, _, err = run_cli(
        "mv", OLD, "a quiet new start / the pager slept through the night / we rolled back at dawn"
    )
    assert code == 0, err
    assert (in_tmp / neighbour).is_file()
    assert (in_tmp / "post/the-prod-deploy-froze-").is_dir()
    assert not (in_tmp / "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-").exists()


def test_mv_keeps_sections_and_date_folders(in_tmp: Path) -> None:
    old = "blog/2024/03/" + OLD.removeprefix("post/")
    write(in_tmp, old, "---\ntitle: T\ndate: 2024-03-05\n---\n")
    code, out, err = run_cli("mv", old, HAIKU, "--root", "blog")
    assert code == 0, err
    assert out.endswith(" -> blog/2024/03/" + NEW.removeprefix("post/") + "\n")
    assert (in_tmp / "blog/2024/03" / NEW.removeprefix("post/")).is_file()
    assert tree(in_tmp / "blog") == sorted(
        [
            "2024/",
            "2024/03/",
            "2024/03/the-prod-deploy-froze-/",
            "2024/03/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/",
            "2024/03/" + NEW.removeprefix("post/"),
        ]
    )


def test_mv_a_legacy_one_line_slug(in_tmp: Path) -> None:
    old = "post/reflections-on-a-turbulent-month-in-tech.md"
    text = "Reflections on a Turbulent Month in Tech\nNovember 13, 2023. As I sit down.\n"
    write(in_tmp, old, text)
    haiku = "a turbulent month / reflections on the tech world / as november ends"
    code, out, err = run_cli("mv", old, haiku)
    assert code == 0, err
    new = "post/a-turbulent-month-/-reflections-on-the-tech-world-/-as-november-ends.md"
    assert out == f"{old} -> {new}\n"
    assert (in_tmp / new).read_text("utf-8") == text  # no haiku line to rewrite
    assert tree(in_tmp) == sorted(
        [
            "post/",
            "post/a-turbulent-month-/",
            "post/a-turbulent-month-/-reflections-on-the-tech-world-/",
            new,
        ]
    )


def test_mv_takes_the_command_hk101_suggests(in_tmp: Path) -> None:
    old = "post/the-prod-deploy-froze-i-parsed-the-pcap-for-hours-the-repo-held-it.md"
    write(in_tmp, old, "Title: T\nDate: 2024-01-01\n")
    _, found = check_json("post", "--select", "HK101")
    command = str(found[0]["message"]).split(": haikulint ", 1)[1]
    code, _, err = run_cli(*shlex.split(command))
    assert code == 0, err
    assert check_json("post") == (0, [])


def test_a_page_bundle_moves_with_its_folder(in_tmp: Path) -> None:
    bundle = "posts/a-b-c-/-d-e-f-/-g-h"
    write(
        in_tmp,
        f"{bundle}/index.md",
        "---\ntitle: T\ndate: 2024-01-01\n---\n\na b c / d e f / g h\n",
    )
    write(in_tmp, f"{bundle}/diagram.png", b"\x89PNG")
    code, out, err = run_cli("mv", bundle, HAIKU, "--root", "posts")
    assert code == 0, err
    target = "posts/" + NEW.removeprefix("post/").removesuffix(".md")
    assert out == f"{bundle} -> {target}\n"
    assert (in_tmp / target / "diagram.png").read_bytes() == b"\x89PNG"
    assert HAIKU in (in_tmp / target / "index.md").read_text("utf-8")
    assert tree(in_tmp / "posts")[0] == "the-prod-deploy-froze-/"
    assert not (in_tmp / "posts/a-b-c-").exists()


def test_naming_the_bundle_s_index_moves_the_folder_too(in_tmp: Path) -> None:
    bundle = "posts/a-b-c-/-d-e-f-/-g-h"
    write(in_tmp, f"{bundle}/index.md", "---\ntitle: T\ndate: 2024-01-01\n---\n")
    write(in_tmp, f"{bundle}/notes.txt", "kept")
    code, _, err = run_cli("mv", f"{bundle}/index.md", HAIKU, "--root", "posts")
    assert code == 0, err
    target = in_tmp / "posts" / NEW.removeprefix("post/").removesuffix(".md")
    assert (target / "notes.txt").read_text("utf-8") == "kept"


def test_a_clash_is_refused_and_nothing_moves(in_tmp: Path) -> None:
    write(in_tmp, OLD, SEED_000)
    write(in_tmp, NEW, "Title: the other post\n")
    before = {path: (in_tmp / path.rstrip("/")).stat().st_mtime_ns for path in tree(in_tmp)}
    code, out, err = run_cli("mv", OLD, HAIKU)
    assert code == 1
    assert out == ""
    assert (
        err == f"haikulint: error: {NEW}: a post with this slug already exists; nothing was moved\n"
    )
    assert (in_tmp / OLD).read_text("utf-8") == SEED_000
    assert (in_tmp / NEW).read_text("utf-8") == "Title: the other post\n"
    assert before == {path: (in_tmp / path.rstrip("/")).stat().st_mtime_ns for path in tree(in_tmp)}


def test_a_clash_up_to_case_and_extension_is_refused(in_tmp: Path) -> None:
    write(in_tmp, OLD, SEED_000)
    write(in_tmp, NEW.replace("the-repo", "The-Repo").replace(".md", ".markdown"), "x\n")
    code, _, err = run_cli("mv", OLD, HAIKU)
    assert code == 1
    assert "a post with this slug already exists; nothing was moved" in err
    assert (in_tmp / OLD).read_text("utf-8") == SEED_000


def test_a_target_through_a_link_outside_the_root_is_refused(in_tmp: Path) -> None:
    (in_tmp / "elsewhere").mkdir()
    write(in_tmp, "posts/2024/one-line.md", "Title: T\nDate: 2024-01-01\n")
    os.symlink(in_tmp / "elsewhere", in_tmp / "posts/2024/the-prod-deploy-froze-")
    code, out, err = run_cli("mv", "posts/2024/one-line.md", HAIKU, "--root", "posts")
    assert code == 1
    assert out == ""
    assert "leads outside the blog root posts; nothing was moved" in err
    assert list((in_tmp / "elsewhere").iterdir()) == []
    assert (in_tmp / "posts/2024/one-line.md").is_file()


def test_a_post_outside_the_root_is_a_usage_error(in_tmp: Path) -> None:
    write(in_tmp, "drafts/one-line.md", "Title: T\n")
    (in_tmp / "posts").mkdir()
    code, _, err = run_cli("mv", "drafts/one-line.md", HAIKU, "--root", "posts")
    assert code == 2
    assert err == "haikulint: error: drafts/one-line.md: not a post under the blog root posts\n"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        ("missing.md", "missing.md: no such file or folder"),
        ("notes.txt", "notes.txt: not a post (a post is a file named *.md or *.markdown)"),
        ("folder/", "folder: not a post (a folder with no index.md)"),
        ("_index.md", "_index.md: not a post (hidden files and list pages are not posts)"),
    ],
)
def test_what_is_not_a_post_is_refused(in_tmp: Path, make: str, message: str) -> None:
    if make.endswith("/"):
        (in_tmp / make).mkdir()
    elif make != "missing.md":
        write(in_tmp, make, "x\n")
    code, out, err = run_cli("mv", make.rstrip("/"), HAIKU)
    assert code == 2
    assert out == ""
    assert err == f"haikulint: error: {message}\n"


def test_a_link_to_a_post_is_refused(in_tmp: Path) -> None:
    write(in_tmp, OLD, SEED_000)
    os.symlink(in_tmp / OLD, in_tmp / "post/link.md")
    code, _, err = run_cli("mv", "post/link.md", HAIKU)
    assert code == 2
    assert "is a symbolic link" in err
    assert (in_tmp / OLD).is_file()


def test_a_haiku_that_does_not_count_is_refused_as_new_refuses_it(in_tmp: Path) -> None:
    write(in_tmp, OLD, SEED_000)
    bad = "the prod deploy froze / I parsed the pcap for hours / the repo holds it all"
    code, out, err = run_cli("mv", OLD, bad.replace("holds it all", "holds it all again"))
    assert code == 1
    assert out == ""
    assert 'line 3 "the repo holds it all again" has 8 syllables, expected 5 (3 too many)' in err
    assert err.endswith("haikulint: error: nothing was moved (--force moves it)\n")
    assert (in_tmp / OLD).read_text("utf-8") == SEED_000
    code, out, err = run_cli("mv", OLD, bad)
    assert code == 1
    assert '; try "the repo holds it" (5)' in err
    code, out, err = run_cli(
        "mv", OLD, bad.replace("holds it all", "holds it all again"), "--force"
    )
    assert code == 0, err
    assert "writing anyway (--force)" in err


def test_dry_run_prints_the_plan_and_changes_nothing(in_tmp: Path) -> None:
    write(in_tmp, OLD, SEED_000)
    code, out, err = run_cli("mv", OLD, HAIKU, "--dry-run")
    assert code == 0, err
    assert out.startswith(f"rename {OLD} -> {NEW}\n--- a/{OLD}\n+++ b/{NEW}\n")
    assert "-the prod deploy froze / I parsed the pcap for hours / the repo holds it all\n" in out
    assert f"+{HAIKU}\n" in out
    assert tree(in_tmp) == sorted(
        [
            "post/",
            "post/the-prod-deploy-froze-/",
            "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/",
            OLD,
        ]
    )
    assert (in_tmp / OLD).read_text("utf-8") == SEED_000


def test_json_output(in_tmp: Path) -> None:
    write(in_tmp, OLD, SEED_000)
    code, out, err = run_cli("mv", OLD, HAIKU, "--output-format", "json", "--alias")
    assert code == 0, err
    assert json.loads(out) == {
        "source": OLD,
        "target": NEW,
        "slug": NEW.removeprefix("post/").removesuffix(".md"),  # below the root, post/
        "alias": "/" + OLD.removeprefix("post/").removesuffix(".md") + "/",
        "edited": True,
    }


ALIAS = "/" + OLD.removeprefix("post/").removesuffix(".md") + "/"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "---\ntitle: T\ndate: 2024-01-01\n---\n\nbody\n",
            f'---\ntitle: T\ndate: 2024-01-01\naliases: ["{ALIAS}"]\n---\n\nbody\n',
        ),
        (
            "---\ntitle: T\naliases:\n  - /old/\ndate: 2024-01-01\n---\n",
            f'---\ntitle: T\naliases:\n  - /old/\n  - "{ALIAS}"\ndate: 2024-01-01\n---\n',
        ),
        (
            "---\ntitle: T\naliases: [/old/]\n---\n",
            f'---\ntitle: T\naliases: [/old/, "{ALIAS}"]\n---\n',
        ),
        (
            "---\ntitle: T\naliases: /old/\n---\n",
            f'---\ntitle: T\naliases: [/old/, "{ALIAS}"]\n---\n',
        ),
        (
            "+++\ntitle = 'T'\naliases = ['/old/']\n[params]\nx = 1\n+++\n",
            f"+++\ntitle = 'T'\naliases = ['/old/', \"{ALIAS}\"]\n[params]\nx = 1\n+++\n",
        ),
        (
            "+++\ntitle = 'T'\n[params]\nx = 1\n+++\n",
            f"+++\ntitle = 'T'\naliases = [\"{ALIAS}\"]\n[params]\nx = 1\n+++\n",
        ),
        (
            '{"title": "T", "date": "2024-01-01"}\n\nbody\n',
            f'{{"aliases": ["{ALIAS}"], "title": "T", "date": "2024-01-01"}}\n\nbody\n',
        ),
        (
            "Title: T\nAliases: /old/\nDate: 2024-01-01\n\nbody\n",
            f"Title: T\nAliases: /old/, {ALIAS}\nDate: 2024-01-01\n\nbody\n",
        ),
        (
            "Title: T\nDate: 2024-01-01\n\nbody\n",
            f"Title: T\nDate: 2024-01-01\nAliases: {ALIAS}\n\nbody\n",
        ),
        (
            "---\r\ntitle: T\r\n---\r\nbody",
            f'---\r\ntitle: T\r\naliases: ["{ALIAS}"]\r\n---\r\nbody',
        ),
    ],
    ids=[
        "yaml-new",
        "yaml-block",
        "yaml-flow",
        "yaml-scalar",
        "toml-array",
        "toml-new-before-table",
        "json-new",
        "pelican-append",
        "pelican-new",
        "crlf-no-final-newline",
    ],
)
def test_alias_is_recorded_where_the_generator_reads_it(
    in_tmp: Path, before: str, after: str
) -> None:
    write(in_tmp, OLD, before)
    code, _, err = run_cli("mv", OLD, HAIKU, "--alias")
    assert code == 0, err
    assert (in_tmp / NEW).read_bytes().decode("utf-8") == after


def test_jekyll_sites_get_redirect_from(in_tmp: Path) -> None:
    write(in_tmp, "_config.yml", "title: my blog\n")
    write(in_tmp, OLD, "---\ntitle: T\n---\n")
    code, _, err = run_cli("mv", OLD, HAIKU, "--alias")
    assert code == 0, err
    assert f'redirect_from: ["{ALIAS}"]' in (in_tmp / NEW).read_text("utf-8")


def test_alias_key_and_prefix_come_from_the_config(in_tmp: Path) -> None:
    write(in_tmp, "haikulint.toml", 'alias-key = "Redirects"\nalias-prefix = "/blog/"\n')
    write(in_tmp, OLD, "Title: T\n\nbody\n")
    code, _, err = run_cli("mv", OLD, HAIKU, "--alias")
    assert code == 0, err
    assert (in_tmp / NEW).read_text("utf-8") == f"Title: T\nRedirects: /blog/{ALIAS[1:]}\n\nbody\n"


def test_alias_with_no_headers_is_refused_before_anything_moves(in_tmp: Path) -> None:
    old = "post/reflections-on-a-turbulent-month-in-tech.md"
    write(in_tmp, old, "Reflections\nNovember 13, 2023. As I sit down.\n")
    code, _, err = run_cli("mv", old, HAIKU, "--alias")
    assert code == 1
    assert "cannot record the old address (it has no headers" in err
    assert (in_tmp / old).is_file()


def test_a_haiku_header_is_rewritten_with_the_body_line(in_tmp: Path) -> None:
    before = '---\ntitle: T\nhaiku: "old / one / here"\n---\n\nold / one / here\n'
    write(in_tmp, OLD, before)
    code, _, err = run_cli("mv", OLD, HAIKU)
    assert code == 0, err
    assert (in_tmp / NEW).read_text("utf-8") == (
        f'---\ntitle: T\nhaiku: "{HAIKU}"\n---\n\n{HAIKU}\n'
    )


def test_bom_crlf_and_mode_are_kept(in_tmp: Path) -> None:
    before = "\ufeff" + SEED_000.replace("\n", "\r\n")
    path = write(in_tmp, OLD, before.encode("utf-8"))
    path.chmod(0o640)
    code, _, err = run_cli("mv", OLD, HAIKU)
    assert code == 0, err
    moved = in_tmp / NEW
    assert moved.read_bytes() == before.replace("holds it all", "held it").encode("utf-8")
    assert moved.stat().st_mode & 0o777 == 0o640


def test_a_post_that_is_not_utf8_is_refused(in_tmp: Path) -> None:
    write(in_tmp, OLD, b"Title: caf\xe9\n")
    code, _, err = run_cli("mv", OLD, HAIKU)
    assert code == 1
    assert "not UTF-8 text" in err
    assert (in_tmp / OLD).read_bytes() == b"Title: caf\xe9\n"


def test_the_same_haiku_is_nothing_to_do(in_tmp: Path) -> None:
    write(in_tmp, NEW, f"Title: T\n\n{HAIKU}\n")
    code, _, err = run_cli("mv", NEW, HAIKU)
    assert code == 1
    assert "already named by this haiku; nothing to do" in err


def test_a_file_name_with_control_characters_is_shown_escaped(in_tmp: Path) -> None:
    old = "post/evil\x1b[31mname.md"
    write(in_tmp, old, "Title: T\n")
    code, out, err = run_cli("mv", old, HAIKU)
    assert code == 0, err
    assert "\x1b" not in out
    assert out == f"post/evil\\x1b[31mname.md -> {NEW}\n"
    code, out, err = run_cli(
        "mv",
        NEW,
        HAIKU.replace("held it", "held it all"),
        "--force",
        "--output-format",
        "json",
        "--dry-run",
    )
    assert code == 0, err
    assert json.loads(out)["source"] == NEW


def test_a_target_made_between_the_plan_and_the_move_is_not_replaced(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import haikulint.safe_fs

    write(in_tmp, OLD, SEED_000)
    real_move = haikulint.safe_fs.move_inside

    def racing_move(root: Path, source: Path, target: Path) -> list[Path]:
        write(in_tmp, NEW, "written by someone else\n")
        return real_move(root, source, target)

    monkeypatch.setattr(haikulint.safe_fs, "move_inside", racing_move)
    code, out, err = run_cli("mv", OLD, HAIKU)
    assert code == 1
    assert out == ""
    assert err == (
        f"haikulint: error: {OLD}: cannot move the post ({NEW}: already exists); "
        "nothing was moved\n"
    )
    assert (in_tmp / NEW).read_text("utf-8") == "written by someone else\n"
    assert (in_tmp / OLD).read_text("utf-8") == SEED_000


def test_a_write_that_fails_after_the_move_says_so(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import haikulint.safe_fs

    def full_disk(root: Path, path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    write(in_tmp, OLD, SEED_000)
    monkeypatch.setattr(haikulint.safe_fs, "replace_file", full_disk)
    code, _, err = run_cli("mv", OLD, HAIKU)
    assert code == 1
    assert err == (
        f"haikulint: error: {OLD} -> {NEW}: moved, but its text could not be rewritten "
        "(No space left on device); edit the haiku line by hand\n"
    )
    assert (in_tmp / NEW).read_text("utf-8") == SEED_000  # whole, as it was


def test_a_bare_separator_slug_is_healed_and_its_folders_removed(in_tmp: Path) -> None:
    old = "posts/the-cron-job-ran-twice/a-null-pointer-in-the-logs-/-we-slept-through-the-page.md"
    write(in_tmp, old, "Title: T\nDate: 2024-01-01\n")
    haiku = "the cron job ran twice / a null pointer in the logs / we slept through the page"
    code, out, err = run_cli("mv", old, haiku, "--root", "posts")
    assert code == 0, err
    new = "posts/the-cron-job-ran-twice-/-a-null-pointer-in-the-logs-/-we-slept-through-the-page.md"
    assert out == f"{old} -> {new}\n"
    assert not (in_tmp / "posts/the-cron-job-ran-twice").exists()
    assert check_json("posts") == (0, [])


def test_a_post_can_take_its_own_haiku_in_lower_case(in_tmp: Path) -> None:
    old = "posts/The-Pager-Woke-Me-/-at-three-in-the-dark-morning-/-the-disk-was-not-full.md"
    write(in_tmp, old, "Title: T\nDate: 2024-01-01\n")
    haiku = "the pager woke me / at three in the dark morning / the disk was not full"
    code, out, err = run_cli("mv", old, haiku, "--root", "posts")
    assert code == 0, err
    assert out.endswith(
        " -> posts/the-pager-woke-me-/-at-three-in-the-dark-morning-/-the-disk-was-not-full.md\n"
    )
    assert check_json("posts") == (0, [])
    assert tree(in_tmp / "posts") == [
        "the-pager-woke-me-/",
        "the-pager-woke-me-/-at-three-in-the-dark-morning-/",
        "the-pager-woke-me-/-at-three-in-the-dark-morning-/-the-disk-was-not-full.md",
    ]
