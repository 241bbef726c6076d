"""The floor for checking a blog, in one Python process: ``python benchmarks/floor.py DIR``.

What any tool that checks every post's header must do at least: walk the tree
(``os.walk``), read every ``*.md`` / ``*.markdown`` file, decode it as UTF-8, and parse
its YAML header (between ``---`` lines) with PyYAML's C loader. It prints how many
posts it read and how many headers it parsed. ``check_speed.py`` times it as the
reference for whole-blog runs. It imports nothing from haikulint.
"""

from __future__ import annotations

import os
import sys

import yaml


def main(top: str) -> int:
    loader = yaml.CSafeLoader
    posts = headers = 0
    for folder, folders, files in os.walk(top):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if not name.endswith((".md", ".markdown")):
                continue
            with open(os.path.join(folder, name), "rb") as handle:
                text = handle.read().decode("utf-8", errors="replace")
            posts += 1
            if text.startswith("---\n"):
                end = text.find("\n---", 4)
                if end != -1:
                    try:
                        yaml.load(text[4:end], Loader=loader)  # the C safe loader
                    except (yaml.YAMLError, ValueError):  # 2023-02-30 raises ValueError
                        continue
                    headers += 1
    print(f"{posts} posts, {headers} YAML headers")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
