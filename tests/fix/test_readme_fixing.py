"""The README's "Fixing posts" session is what haikulint really prints and writes.

The session's commands are read from the README and run in a fresh folder holding two
posts in the shape of the blog's real ones (``tests/seeds.py``): ``haikulint`` as a
subprocess with standard error merged into standard output, in the order a terminal
shows them, ``cat`` as the file's text, ``echo $?`` as the last exit code. After a
change to what haikulint prints, ``python -m tests.fix.test_readme_fixing`` rewrites it.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from tests.seeds import SEEDS

PROJECT = Path(__file__).resolve().parents[2]
POSTS = (
    "post/the-deploy-pipeline-/-the-service-mesh-confused-us-all-/-i-strace-the-memory.md",
    "post/november-4,-2024:-a-mosaic-of-realities.md",
)


def readme_session() -> str:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## Fixing posts\n") :]
    block = section[section.index("```console\n") + len("```console\n") :]
    return block[: block.index("```\n")]


def run_session(session: str, folder: Path) -> str:
    """Run the ``$ `` commands of ``session`` in ``folder``; the transcript they make."""
    for relative in POSTS:
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(SEEDS[relative], encoding="utf-8")
    environment = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    transcript: list[str] = []
    code = 0
    for line in session.splitlines():
        if not line.startswith("$ "):
            continue
        command = line[2:]
        transcript.append(line + "\n")
        words = shlex.split(command)
        if words[0] == "cat":
            transcript.append((folder / words[1]).read_text(encoding="utf-8"))
        elif command == "echo $?":
            transcript.append(f"{code}\n")
        else:
            assert words[0] == "haikulint", command
            done = subprocess.run(
                [sys.executable, "-m", "haikulint", *words[1:]],
                cwd=folder,
                env=environment,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                check=False,
            )
            code = done.returncode
            transcript.append(done.stdout)
    return "".join(transcript)


def test_the_readme_shows_a_real_fixing_session(tmp_path: Path) -> None:
    session = readme_session()
    assert "--fix" in session and "--diff" in session and "--unsafe-fixes" in session
    assert run_session(session, tmp_path) == session


if __name__ == "__main__":  # python -m tests.fix.test_readme_fixing: rewrite the README's session
    import tempfile

    old = readme_session()
    with tempfile.TemporaryDirectory() as folder:
        new = run_session(old, Path(folder))
    readme = PROJECT / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
