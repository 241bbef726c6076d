"""The README's ``haikulint mv`` transcript is what the commands really print."""

from __future__ import annotations

import shlex
from pathlib import Path

from tests.conftest import run_cli

PROJECT = Path(__file__).resolve().parents[2]
SEED_000 = (
    "\nthe prod deploy froze / I parsed the pcap for hours / the repo holds it all\n\n\n"
    "Title: Learning the Hard Way with LLMs and FinOps\nDate: 2023-04-24\n\n\n"
    "April 24, 2023 - Today, I find myself wrestling with a combination of technologies.\n"
)
SEED_003 = (
    "Title: Reflections on a Turbulent Month in Tech\nDate: 2023-11-13\n\n"
    "November 13, 2023. As I sit down to write this, the tech world feels like a whirlwind.\n"
)
POSTS = {
    "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md": SEED_000,
    "post/reflections-on-a-turbulent-month-in-tech.md": SEED_003,
}


def transcript() -> list[tuple[str, str]]:
    """The (command, output) pairs of the console block of the mv section."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Giving a post a new haiku") :]
    block = section[section.index("```console\n") + len("```console\n") :]
    block = block[: block.index("```\n")]
    pairs: list[tuple[str, str]] = []
    for chunk in block.split("$ ")[1:]:
        command, _, output = chunk.partition("\n")
        pairs.append((command, output))
    return pairs


def test_the_readme_transcript_is_true(in_tmp: Path) -> None:
    for relative, content in POSTS.items():
        (in_tmp / relative).parent.mkdir(parents=True, exist_ok=True)
        (in_tmp / relative).write_text(content, encoding="utf-8")
    pairs = transcript()
    assert len(pairs) == 5
    for command, shown in pairs:
        program, *args = shlex.split(command)
        assert program == "haikulint"
        _, out, _ = run_cli(*args, "--no-progress") if args[0] == "check" else run_cli(*args)
        assert out == shown, command


def test_after_the_transcript_the_posts_hold_every_other_line(in_tmp: Path) -> None:
    test_the_readme_transcript_is_true(in_tmp)
    retitled = (
        in_tmp / "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-held-it.md"
    )
    assert retitled.read_text("utf-8") == SEED_000.replace("holds it all", "held it").replace(
        "Date: 2023-04-24\n",
        "Date: 2023-04-24\n"
        "Aliases: /the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all/\n",
    )
    migrated = (
        in_tmp / "post/a-turbulent-month-/-reflections-on-the-tech-world-/-as-november-ends.md"
    )
    assert migrated.read_text("utf-8") == SEED_003
