"""The shape of the blog's five real posts: paths, first lines, header lines, datelines.

Body text is ours; the tests never read the originals.
"""

from __future__ import annotations

from pathlib import Path

BODY = "\n\nA paragraph about the week.\n\nLLMs: The New Frontier\n\nAnother paragraph.\n"

SEEDS: dict[str, str] = {
    "post/the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all.md": (
        "\nthe prod deploy froze / I parsed the pcap for hours / the repo holds it all\n\n\n"
        "Title: Learning the Hard Way with LLMs and FinOps\n\n\n"
        "April 24, 2023 - Today, I find myself wrestling with budgets." + BODY
    ),
    "post/the-deploy-pipeline-/-the-service-mesh-confused-us-all-/-i-strace-the-memory.md": (
        "\nthe deploy pipeline / the service mesh confused us all / I strace the memory\n\n\n"
        "Navigating the LLM Tsunami: A Platform Engineer\u2019s Perspective\n\n"
        "December 2, 2024. The date feels like a watermark." + BODY
    ),
    "post/telnet-to-nowhere-/-the-service-mesh-confused-us-all-/-it-ran-in-the-dark.md": (
        "\ntelnet to nowhere / the service mesh confused us all / it ran in the dark\n\n\n"
        "Title: Reflections on a Wild Month: AI Overload and FinOps Pressure\n\n\n"
        "May 20, 2024. I\u2019m sitting at my desk." + BODY
    ),
    "post/reflections-on-a-turbulent-month-in-tech.md": (
        "Reflections on a Turbulent Month in Tech\n"
        "November 13, 2023. As I sit down to write this, the tech world spins.\n"
        "AI and the Great Reorganization\n"
        "The past month has seen significant changes.\n"
    ),
    "post/november-4,-2024:-a-mosaic-of-realities.md": (
        "November 4, 2024: A Mosaic of Realities\n"
        "November 4th, 2024. It\u2019s been a whirlwind month in tech.\n"
        "AI/LLM Infrastructure: A Tale of Two Worlds\n"
        "It\u2019s been fascinating.\n"
    ),
}


def write_seeds(folder: Path) -> list[Path]:
    """Write the five seed posts under ``folder`` (so under ``folder/post/``)."""
    written = []
    for relative, content in SEEDS.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        written.append(target)
    return written
