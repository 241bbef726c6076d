"""Suggestions through the CLI: HK103's rewrites, HK101's mv command, new's refusal."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.conftest import check_json, run_cli

POST = "Title: A Post\nDate: 2024-02-01\n"


def test_check_suggests_rewrites_that_check_then_accepts(in_tmp: Path) -> None:
    path = (
        in_tmp
        / "post/the-disk-filled-at-noon-/-we-moved-the-logs-far-away-/-and-the-pager-went-still.md"
    )
    path.parent.mkdir(parents=True)
    path.write_text(POST, encoding="utf-8")
    _, found = check_json("post", "--select", "HK103")
    (message,) = [str(diagnostic["message"]) for diagnostic in found]
    assert message.endswith(
        '; try "the pager went still" (5), "and the pager went" (5) or "and pager went still" (5)'
    )
    fixed = path.parent / "-the-pager-went-still.md"
    path.rename(fixed)
    assert check_json("post", "--select", "HK103") == (0, [])


def test_check_gives_a_legacy_post_the_mv_command_that_fixes_it(in_tmp: Path) -> None:
    name = "post/the-prod-deploy-froze-i-parsed-the-pcap-for-hours-the-repo-held-it.md"
    (in_tmp / "post").mkdir()
    (in_tmp / name).write_text(POST, encoding="utf-8")
    _, found = check_json("post", "--select", "HK101")
    (message,) = [str(diagnostic["message"]) for diagnostic in found]
    assert "its words have 17 or 18 syllables and split into a 5-7-5 haiku" in message
    command = message.split(": haikulint ", 1)[1]
    args = shlex.split(command)
    assert args == [
        "mv",
        name,
        "the prod deploy froze / i parsed the pcap for hours / the repo held it",
    ]


def test_check_says_how_many_syllables_a_legacy_name_has(in_tmp: Path) -> None:
    (in_tmp / "post").mkdir()
    (in_tmp / "post/reflections-on-a-turbulent-month-in-tech.md").write_text(POST, "utf-8")
    _, found = check_json("post", "--select", "HK101")
    (message,) = [str(diagnostic["message"]) for diagnostic in found]
    assert message.endswith(
        "; its words have 11 syllables, a 5-7-5 haiku has 17: give it a new one with "
        'haikulint mv post/reflections-on-a-turbulent-month-in-tech.md "line / line / line"'
    )


def test_new_refuses_with_rewrites_that_new_then_accepts(in_tmp: Path) -> None:
    haiku = "the prod deploy froze / I parsed the pcap for hours / the repo holds it all"
    code, out, err = run_cli("new", haiku, "--title", "T", "--date", "2024-01-02")
    assert code == 1
    assert out == ""
    assert (
        'line 3 "the repo holds it all" has 6 syllables, expected 5 (1 too many); '
        'try "the repo holds it" (5), "the repo holds all" (5) or "repo holds it all" (5)'
    ) in err
    fixed = haiku.replace("holds it all", "holds it")
    code, out, err = run_cli("new", fixed, "--title", "T", "--date", "2024-01-02")
    assert code == 0, err
    assert out.strip().endswith("-/-the-repo-holds-it.md")


def test_new_offers_nothing_rather_than_something_wrong(in_tmp: Path) -> None:
    code, _, err = run_cli("new", "the cat / sat / down", "--title", "T")
    assert code == 1
    assert "try " not in err


def test_the_prompt_suggests_rewrites_when_it_asks_again(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from haikulint.commands import new as new_command

    monkeypatch.setattr(new_command, "is_interactive", lambda: True)
    answers = [
        "the cat ran away",
        "the repo holds it all",  # line 2: 6, expected 7: asked again
        "we sat by the river bank",
        "the repo holds it all",  # line 3: 6, expected 5: asked again with rewrites
        "the repo holds it",
        "A Walk",
    ]
    code, _, err = run_cli("new", "--date", "2024-03-05", input="\n".join(answers) + "\n")
    assert code == 0, err
    assert (
        "  6 syllables, expected 5 (1 too many): the(1) re-po(2) holds(1) it(1) all(1); "
        'try again, e.g. "the repo holds it" (5), "the repo holds all" (5) '
        'or "repo holds it all" (5)\n'
    ) in err
