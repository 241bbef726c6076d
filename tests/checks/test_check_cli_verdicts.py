"""``haikulint check`` end to end on the audit's cases (issue 3): where a blog sits, odd
file names and entries, header values that are not text, and hints fitted to the config."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from haikulint.commands import check as check_command
from tests.conftest import WriteBlog, check_json, run_cli

HUMS = "the-old-server-hums-/-a-fan-spins-in-the-dark-room-/-nobody-looks-in.md"
GLORP = "the-glorpax-server-hums-/-a-fan-spins-in-the-dark-room-/-nobody-looks-in.md"


def yaml_post(title: str = "Hums", day: str = "2024-03-01") -> str:
    return f"---\ntitle: {title}\ndate: {day}\n---\n\nSome words.\n"


def messages_of(diagnostics: list[dict[str, object]], code: str) -> list[str]:
    return [str(d["message"]) for d in diagnostics if d["code"] == code]


# 1. Folders above the blog's sections


def test_a_blog_below_a_multi_word_folder_is_judged_from_above_as_from_its_top(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog(
        {
            f"my-site/content/posts/{HUMS}": yaml_post(),
            "my-site/content/posts/2024/03/the-tests-pass-at-home-/-"
            "but-fail-on-the-build-server-/-on-fridays-only.md": yaml_post("Fridays"),
            "my-site/content/posts/the-cron-job-ran-twice/a-null-pointer-in-the-logs-/-"
            "we-slept-through-the-page.md": yaml_post("Cron", "2024-04-01"),
        }
    )
    from_above = check_json(".")
    assert from_above == check_json("my-site") == check_json("my-site/content/posts")
    _, diagnostics = from_above
    assert [(d["code"], str(d["path"]).split("/")[3]) for d in diagnostics] == [
        ("HK102", "the-cron-job-ran-twice")
    ]
    (message,) = messages_of(diagnostics, "HK102")
    assert 'between line 1 "the-cron-job-ran-twice" and line 2 "a-null-pointer' in message


# 2. A file named ".md"


def test_a_file_named_dot_md_is_told_to_take_the_haiku_as_its_name(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    write_blog({"post/.md": yaml_post()})
    _, diagnostics = check_json(".")
    assert [d["code"] for d in diagnostics] == ["HK101"]
    assert diagnostics[0]["message"] == (
        'the file name ".md" has no slug, only an extension; name the file after its haiku, '
        '3 lines joined by "-/-" (a folder boundary on disk): '
        "post/first-line-/-second-line-/-third-line.md"
    )


# 3. Header values that are not text


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("2024", 'a number, expected text; quote it: title: "2024"'),
        ("2.5", 'a number, expected text; quote it: title: "2.5"'),
        ("{en: Hi}", 'a table of keys, expected text; write it as one line of text: title: "..."'),
        ("[a, b]", 'a list, expected text; write it as one line: title: "a, b"'),
    ],
)
def test_a_title_that_is_not_text_is_described_in_plain_words(
    write_blog: WriteBlog, in_tmp: Path, value: str, said: str
) -> None:
    write_blog({f"post/{HUMS}": yaml_post(title=value)})
    _, diagnostics = check_json(".")
    (message,) = messages_of(diagnostics, "HK201")
    assert message == f"the title header is {said} in the --- front matter"


# 4. A future date, baselined, stays baselined the next day


class _Today(date):
    day_of_run = (2026, 12, 1)

    @classmethod
    def today(cls) -> _Today:
        return cls(*cls.day_of_run)


def test_a_baselined_future_date_stays_baselined_the_next_day(
    write_blog: WriteBlog, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_blog({f"post/{HUMS}": yaml_post(day="2099-01-02")})
    monkeypatch.setattr(check_command, "date", _Today)
    code, _, err = run_cli("check", "--no-progress", "--write-baseline", "baseline.json", ".")
    assert code == 0, err
    monkeypatch.setattr(_Today, "day_of_run", (2026, 12, 2))
    assert check_json("--baseline", "baseline.json", ".") == (0, [])
    _, diagnostics = check_json(".")
    assert messages_of(diagnostics, "HK204") == [
        "the date 2099-01-02 is in the future; fix the date, or if the post is scheduled, "
        "allow future dates in haikulint.toml: allow-future-dates = true"
    ]


# 5. Fix hints fitted to the config file in use


@pytest.mark.parametrize(
    ("config", "words", "future", "sections"),
    [
        (
            {"haikulint.toml": "allow-future-dates = false\n"},
            "in haikulint.toml: [words] glorpax = N",
            "in haikulint.toml: allow-future-dates = true",
            'in haikulint.toml: sections = ["the-cron-job-ran-twice"]',
        ),
        (
            {".haikulint.toml": "allow-future-dates = false\n"},
            "in .haikulint.toml: [words] glorpax = N",
            "in .haikulint.toml: allow-future-dates = true",
            'in .haikulint.toml: sections = ["the-cron-job-ran-twice"]',
        ),
        (
            {"pyproject.toml": "[tool.haikulint]\nallow-future-dates = false\n"},
            "in pyproject.toml: [tool.haikulint.words] glorpax = N",
            "in pyproject.toml: [tool.haikulint] allow-future-dates = true",
            'in pyproject.toml: [tool.haikulint] sections = ["the-cron-job-ran-twice"]',
        ),
        (
            {},
            "in haikulint.toml: [words] glorpax = N",
            "in haikulint.toml: allow-future-dates = true",
            'in haikulint.toml: sections = ["the-cron-job-ran-twice"]',
        ),
    ],
)
def test_fix_hints_are_written_for_the_config_file_in_use(
    write_blog: WriteBlog,
    in_tmp: Path,
    config: dict[str, str],
    words: str,
    future: str,
    sections: str,
) -> None:
    write_blog(
        {
            **config,
            f"post/{GLORP}": yaml_post("Glorp"),
            f"post/{HUMS}": yaml_post("Hums", "2099-01-02"),
            "post/the-cron-job-ran-twice/a-null-pointer-in-the-logs-/-"
            "we-slept-through-the-page.md": yaml_post("Cron"),
        }
    )
    _, diagnostics = check_json(".")
    (unknown,) = messages_of(diagnostics, "HK105")
    assert unknown.endswith(f"if that is wrong, set it {words}")
    (scheduled,) = messages_of(diagnostics, "HK204")
    assert scheduled.endswith(f"if the post is scheduled, allow future dates {future}")
    (separator,) = messages_of(diagnostics, "HK102")
    assert separator.endswith(f"add it to sections {sections}")


def test_the_words_hint_works_when_followed(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog({"haikulint.toml": "[words]\nglorpax = 1\n", f"post/{GLORP}": yaml_post()})
    assert check_json(".") == (0, [])


# 6. Odd entries get the same verdict in a walk as when named


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_links_that_lead_nowhere_and_pipes_get_a_verdict_in_a_walk(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    blog = write_blog({f"post/{HUMS}": yaml_post()})
    (blog / "post" / "loop1.md").symlink_to("loop2.md")
    (blog / "post" / "loop2.md").symlink_to("loop1.md")
    (blog / "post" / "x.md").symlink_to("nowhere.md")
    os.mkfifo(blog / "post" / "pipe.md")
    odd = ["post/loop1.md", "post/loop2.md", "post/pipe.md", "post/x.md"]
    _, walked = check_json(".")
    unreadable = [d for d in walked if d["code"] == "HK001"]
    assert sorted(str(d["path"]) for d in unreadable) == odd
    _, named = check_json(*odd)
    assert [d for d in named if d["code"] == "HK001"] == unreadable


# 7. Near-duplicate slugs


def test_a_near_duplicate_slug_is_not_called_the_same_slug(
    write_blog: WriteBlog, in_tmp: Path
) -> None:
    near = HUMS.replace("hums-/-", "hums---/-")
    write_blog({f"post/{HUMS}": yaml_post("One"), f"post/{near}": yaml_post("Two")})
    _, diagnostics = check_json(".")
    by_path = {str(d["path"]): str(d["message"]) for d in diagnostics if d["code"] == "HK301"}
    assert by_path[f"post/{HUMS}"] == (
        f'the slug "post/{HUMS[:-3]}" collides with post/{near}: they are the same slug once '
        "separators are ignored, and build to the same address; "
        "keep one of the posts, or give one a new haiku"
    )
    assert "is also the slug of" not in by_path[f"post/{near}"]


def test_the_same_slug_twice_keeps_the_plain_wording(write_blog: WriteBlog, in_tmp: Path) -> None:
    twin = HUMS.replace(".md", ".markdown")
    write_blog({f"post/{HUMS}": yaml_post("One"), f"post/{twin}": yaml_post("Two")})
    _, diagnostics = check_json(".")
    by_path = {str(d["path"]): str(d["message"]) for d in diagnostics if d["code"] == "HK301"}
    assert by_path[f"post/{HUMS}"] == (
        f'the slug "post/{HUMS[:-3]}" is also the slug of post/{twin}; '
        "keep one of the posts, or give one a new haiku"
    )
