"""The pre-commit hook, run by the real ``pre-commit`` against a temporary blog repository.

The hook repository is a snapshot of this working tree (tracked and untracked files,
what ``.gitignore`` keeps out left out) committed into a temporary git repository, so
the test checks the hook as it is now, uncommitted work included, and works the same
from CI's clean clone. pre-commit builds the hook's environment once per test session
(``PRE_COMMIT_HOME`` is shared): it pip-installs haikulint from that snapshot, which
takes a while the first time. Every test then makes its own small blog repository.

README's snippets are run too: the remote one (its URL replaced by the snapshot, tagged
with the snippet's ``rev``) and the two ``repo: local`` ones (pinned to a version and to
a clone), each installed as README's recipe for a machine with no index says, from a
wheelhouse with ``PIP_NO_INDEX=1``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[1]
MANIFEST = PROJECT / ".pre-commit-hooks.yaml"

# Variables that would make git act on another repository (set when the suite runs
# inside a git hook) or force colour on; the hook must run as in a plain shell.
_FORCED_COLOUR = ("FORCE_COLOR", "CLICOLOR_FORCE", "PY_COLORS", "PRE_COMMIT_COLOR", "NO_COLOR")
_ANSI_ESCAPE = re.compile(r"\x1b\[")

OLD_POST = (
    "posts/2024/my-first-pull-request-/-a-reviewer-left-one-word-/-it-said-thank-you-twice.md"
)
OTHER_POST = "posts/the-old-server-hums-/-nobody-knows-what-it-does-/-we-leave-it-alone.md"
LONG_LAST_LINE = (  # 5-7-6: "and the pager went still" has 6 syllables
    "posts/the-disk-filled-at-noon-/-we-moved-the-logs-far-away-/-and-the-pager-went-still.md"
)
FIXED_LAST_LINE = (
    "posts/the-disk-filled-at-noon-/-we-moved-the-logs-far-away-/-the-pager-went-still.md"
)
NEW_POST = (
    "posts/snow-falls-on-the-roof-/-the-backup-tape-spins-and-spins-/-restores-never-tried.md"
)
RENAMED_POST = (
    "posts/the-lights-in-the-rack-/-blink-amber-then-green-then-dark-/-someone-pulled-a-cord.md"
)


def post_text(title: str, day: str, haiku: str | None = None) -> str:
    """A post with YAML front matter and, if given, the haiku as the first body line."""
    first_line = f"{haiku}\n\n" if haiku else ""
    return (
        f"---\ntitle: {title}\ndate: {day}\n---\n\n{first_line}"
        "Nothing to see here, which is the point.\n"
    )


CLEAN_BLOG = {
    OLD_POST: post_text(
        "Thank You Twice",
        "2024-05-02",
        "my first pull request / a reviewer left one word / it said thank you twice",
    ),
    OTHER_POST: post_text(
        "The Box Under the Desk",
        "2023-08-14",
        "the old server hums / nobody knows what it does / we leave it alone",
    ),
}


@dataclass(frozen=True)
class Run:
    code: int
    output: str


@dataclass(frozen=True)
class HookRepo:
    path: Path
    rev: str


def _environment(pre_commit_home: Path, git_config: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("GIT_") and key not in _FORCED_COLOUR
    }
    env.update(
        PRE_COMMIT_HOME=str(pre_commit_home),
        GIT_CONFIG_GLOBAL=str(git_config),
        GIT_CONFIG_NOSYSTEM="1",
    )
    return env


def _run(args: list[str], cwd: Path, env: Mapping[str, str], timeout: float = 600) -> Run:
    completed = subprocess.run(
        args,
        cwd=cwd,
        env=dict(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Run(completed.returncode, completed.stdout)


def _git(cwd: Path, env: Mapping[str, str], *args: str) -> str:
    run = _run(["git", *args], cwd, env)
    assert run.code == 0, f"git {' '.join(args)} failed:\n{run.output}"
    return run.output.strip()


def _project_files() -> list[Path]:
    """This working tree's files, as git would commit them with ``git add -A``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:  # not a git checkout (an unpacked sdist, say)
        skip = {".git", ".venv", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
        return [
            path.relative_to(PROJECT)
            for path in PROJECT.rglob("*")
            if path.is_file() and not skip & set(path.relative_to(PROJECT).parts)
        ]
    names = listed.stdout.decode("utf-8", "surrogateescape").split("\0")
    return [Path(name) for name in names if name and (PROJECT / name).is_file()]


@pytest.fixture(scope="session")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for git and pre-commit: an isolated git config and a shared hook cache."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    git_config = home / "gitconfig"
    git_config.write_text(
        "[user]\n\tname = haikulint tests\n\temail = tests@haikulint.invalid\n"
        "[init]\n\tdefaultBranch = main\n"
        "[commit]\n\tgpgsign = false\n"
        "[safe]\n\tdirectory = *\n",
        encoding="utf-8",
    )
    return _environment(home / "cache", git_config)


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> HookRepo:
    """A committed snapshot of this working tree, for ``repo:`` in a pre-commit config."""
    snapshot = tmp_path_factory.mktemp("haikulint-hook-repo")
    for relative in _project_files():
        target = snapshot / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT / relative, target)
    _git(snapshot, env, "init", "-q")
    _git(snapshot, env, "add", "-A")
    _git(snapshot, env, "commit", "-q", "-m", "snapshot of the working tree")
    return HookRepo(snapshot, _git(snapshot, env, "rev-parse", "HEAD"))


def _pre_commit_config(hook_repo: HookRepo, args: list[str] | None = None) -> str:
    hook: dict[str, object] = {"id": "haikulint"}
    if args is not None:
        hook["args"] = args
    config = {"repos": [{"repo": str(hook_repo.path), "rev": hook_repo.rev, "hooks": [hook]}]}
    return yaml.safe_dump(config, sort_keys=False)


class Blog:
    """A git repository holding a blog, with pre-commit configured to use the hook."""

    def __init__(self, path: Path, env: Mapping[str, str]) -> None:
        self.path = path
        self.env = env

    def write(self, files: Mapping[str, str]) -> None:
        for relative, content in files.items():
            target = self.path / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")

    def git(self, *args: str) -> str:
        return _git(self.path, self.env, *args)

    def stage(self, files: Mapping[str, str]) -> None:
        self.write(files)
        self.git("add", "--", *files)

    def move(self, source: str, target: str) -> None:
        """``git mv``, making the target's folders first (a new haiku is new folders)."""
        (self.path / target).parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", source, target)

    def commit(self, message: str) -> None:
        self.git("commit", "-q", "--no-verify", "-m", message)

    def pre_commit(self, *args: str) -> Run:
        """``pre-commit run ARGS`` (staged files unless ``--all-files``), checked for sanity."""
        run = _run(
            [sys.executable, "-m", "pre_commit", "run", "--verbose", *args], self.path, self.env
        )
        assert "Traceback" not in run.output, run.output
        assert "internal error" not in run.output, run.output
        assert not _ANSI_ESCAPE.search(run.output), f"colour codes in a log:\n{run.output}"
        return run


def _make_blog(path: Path, env: Mapping[str, str], config: str) -> Blog:
    path.mkdir(parents=True, exist_ok=True)
    blog = Blog(path, env)
    blog.git("init", "-q")
    blog.write(
        {
            ".pre-commit-config.yaml": config,
            "haikulint.toml": 'root = "posts"\n',
            **CLEAN_BLOG,
        }
    )
    blog.git("add", "-A")
    blog.commit("a small clean blog")
    return blog


@pytest.fixture(scope="session")
def hook_environment(
    tmp_path_factory: pytest.TempPathFactory, env: dict[str, str], hook_repo: HookRepo
) -> None:
    """Build the hook's virtualenv once (pip-installs haikulint from the snapshot)."""
    blog = _make_blog(tmp_path_factory.mktemp("warm-up-blog"), env, _pre_commit_config(hook_repo))
    run = _run([sys.executable, "-m", "pre_commit", "install-hooks"], blog.path, env, timeout=900)
    assert run.code == 0, f"pre-commit could not install the hook:\n{run.output}"


@pytest.fixture
def blog(
    tmp_path: Path, env: dict[str, str], hook_repo: HookRepo, hook_environment: None
) -> Iterator[Blog]:
    yield _make_blog(tmp_path / "blog", env, _pre_commit_config(hook_repo))


def test_manifest_is_valid() -> None:
    run = _run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        PROJECT,
        os.environ,
    )
    assert run.code == 0, run.output


def test_manifest_hooks_check_markdown_without_rewriting_files() -> None:
    from identify.identify import tags_from_filename

    hooks = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    (hook,) = [hook for hook in hooks if hook["id"] == "haikulint"]
    # --force-exclude: the config's exclude applies to the staged files pre-commit names.
    assert hook["entry"] == "haikulint check --force-exclude"
    assert hook["require_serial"] is True
    # types_or [markdown] relies on identify tagging both extensions as markdown.
    assert "markdown" in hook["types_or"]
    assert "markdown" in tags_from_filename("post.md")
    assert "markdown" in tags_from_filename("post.markdown")
    for each in hooks:  # nothing here may rewrite a writer's posts
        assert "fix" not in each["entry"].split(), each


def test_readme_documents_every_hook_with_a_valid_config(tmp_path: Path) -> None:
    """README's "Use with pre-commit" section names each hook id in a valid config snippet."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    snippets = [
        block
        for block in re.findall(r"```ya?ml\n(.*?)```", readme, flags=re.DOTALL)
        if "repos:" in block
    ]
    assert snippets, "README.md has no .pre-commit-config.yaml snippet"
    hook_ids = [hook["id"] for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))]
    for hook_id in hook_ids:
        assert any(f"id: {hook_id}" in snippet for snippet in snippets), hook_id
    for number, snippet in enumerate(snippets):
        config = tmp_path / f"config-{number}.yaml"
        config.write_text(snippet, encoding="utf-8")
        run = _run(
            [sys.executable, "-m", "pre_commit", "validate-config", str(config)],
            tmp_path,
            os.environ,
        )
        assert run.code == 0, f"README snippet {number} is not a valid config:\n{run.output}"


def test_clean_blog_passes(blog: Blog) -> None:
    run = blog.pre_commit("--all-files")
    assert run.code == 0, run.output
    assert "Passed" in run.output


def test_a_5_7_6_post_fails_until_it_is_fixed(blog: Blog) -> None:
    blog.stage({LONG_LAST_LINE: post_text("Disk Full", "2024-06-01")})
    staged = blog.pre_commit()
    assert staged.code == 1, staged.output
    assert "slug-syllables" in staged.output
    assert "Failed" in staged.output
    assert blog.pre_commit("--all-files").code == 1

    blog.move(LONG_LAST_LINE, FIXED_LAST_LINE)
    fixed = blog.pre_commit()
    assert fixed.code == 0, fixed.output
    assert "slug-syllables" not in fixed.output
    assert blog.pre_commit("--all-files").code == 0


def test_a_staged_post_is_compared_with_the_whole_root_for_duplicate_titles(blog: Blog) -> None:
    # Only the new post is passed to the hook; the title it repeats is in an old post.
    blog.stage({NEW_POST: post_text("Thank You Twice", "2024-07-09")})
    run = blog.pre_commit()
    assert run.code == 0, f"a warning must not fail the commit:\n{run.output}"
    lines = [line for line in run.output.splitlines() if "duplicate-title" in line]
    assert lines, f"duplicate-title not reported:\n{run.output}"
    assert any("warning" in line.lower() for line in lines), run.output

    blog.stage({NEW_POST: post_text("Restores Never Tried", "2024-07-09")})
    fixed = blog.pre_commit()
    assert fixed.code == 0, fixed.output
    assert "duplicate-title" not in fixed.output


def test_renamed_and_deleted_posts_do_not_break_the_hook(blog: Blog) -> None:
    # A new haiku for an old post: the file moves and its first line follows.
    blog.move(OTHER_POST, RENAMED_POST)
    blog.stage(
        {
            RENAMED_POST: post_text(
                "The Box Under the Desk",
                "2023-08-14",
                "the lights in the rack / blink amber then green then dark / someone pulled a cord",
            )
        }
    )
    renamed = blog.pre_commit()
    assert renamed.code == 0, renamed.output
    blog.commit("rename a post")

    blog.git("rm", "-q", OLD_POST)
    deleted = blog.pre_commit()
    assert deleted.code == 0, deleted.output
    assert blog.pre_commit("--all-files").code == 0


def test_a_staged_markdown_file_outside_the_root_is_not_judged_as_a_post(blog: Blog) -> None:
    blog.stage({"notes/ideas for next week.md": "# Ideas\n\nWrite about the backup tapes.\n"})
    run = blog.pre_commit()
    assert run.code == 0, run.output
    assert blog.pre_commit("--all-files").code == 0


def test_a_staged_post_the_config_excludes_is_not_checked(blog: Blog) -> None:
    blog.stage({"haikulint.toml": 'root = "posts"\nexclude = ["posts/drafts/"]\n'})
    draft = LONG_LAST_LINE.replace("posts/", "posts/drafts/", 1)
    blog.stage({draft: post_text("Disk Full", "2024-06-01")})
    run = blog.pre_commit()
    assert run.code == 0, run.output
    assert "slug-syllables" not in run.output
    blog.stage({LONG_LAST_LINE: post_text("Disk Full", "2024-06-01")})
    run = blog.pre_commit()
    assert run.code == 1 and "slug-syllables" in run.output, run.output


def test_hook_arguments_from_the_config_reach_haikulint(
    tmp_path: Path, env: dict[str, str], hook_repo: HookRepo, hook_environment: None
) -> None:
    config = _pre_commit_config(hook_repo, args=["--ignore", "slug-syllables"])
    blog = _make_blog(tmp_path / "blog", env, config)
    blog.stage({LONG_LAST_LINE: post_text("Disk Full", "2024-06-01")})
    run = blog.pre_commit()
    assert run.code == 0, run.output
    assert "slug-syllables" not in run.output


def test_the_hook_with_fix_repairs_a_staged_post_and_fails_until_it_is_staged(
    tmp_path: Path, env: dict[str, str], hook_repo: HookRepo, hook_environment: None
) -> None:
    config = _pre_commit_config(hook_repo, args=["--fix"])
    blog = _make_blog(tmp_path / "blog", env, config)
    undated = "---\ntitle: Snow\n---\n\nMarch 4, 2024. The backup tape spins.\n"
    blog.stage({NEW_POST: undated})
    run = blog.pre_commit()
    # pre-commit fails a hook that changes files, even when the fix leaves no problem
    assert run.code == 1, run.output
    assert "files were modified by this hook" in run.output
    assert "date-missing" not in run.output
    fixed = (blog.path / NEW_POST).read_text(encoding="utf-8")
    assert fixed == undated.replace("title: Snow\n", "title: Snow\ndate: 2024-03-04\n")
    blog.git("add", "--", NEW_POST)
    run = blog.pre_commit()
    assert run.code == 0, run.output


def test_the_readme_snippet_rev_is_the_tag_of_this_version() -> None:
    """The documented ``rev`` is ``v`` + ``haikulint --version``, as a release tag is named."""
    from haikulint import __version__

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    revs = re.findall(r"^\s*rev:\s*(\S+)\s*$", readme, flags=re.MULTILINE)
    assert revs, "README.md shows no rev"
    assert set(revs) == {f"v{__version__}"}


# The README's local hook ("A local hook, pinned to a version or a path"): its snippets and
# its recipe for a machine with no package index are read from the README and run as they
# are, but for the placeholder paths, which name this snapshot and a temporary wheelhouse.

PLACEHOLDER_CLONE = "/path/to/haikulint"
PLACEHOLDER_WHEELS = "/path/to/wheels"
README_REPO_URL = "https://github.com/haikulint/haikulint"


def _readme_blocks(section: str, language: str) -> list[str]:
    """The ``language`` code blocks of README's section headed ``section`` (any level)."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^(#+) {re.escape(section)}\n(.*?)(?=^#{{1,3}} |\Z)", readme, re.M | re.S)
    assert match, f"README.md has no section {section!r}"
    return re.findall(rf"^```{language}\n(.*?)^```", match.group(2), flags=re.M | re.S)


def _local_hook_snippets() -> dict[str, str]:
    """The section's two configs, by what they pin: ``version`` and ``path``."""
    snippets = _readme_blocks("A local hook, pinned to a version or a path", "yaml")
    by_pin = {
        ("path" if "file://" in snippet else "version"): snippet
        for snippet in snippets
        if "repo: local" in snippet
    }
    assert len(snippets) == len(by_pin) == 2, snippets
    return by_pin


@dataclass(frozen=True)
class Wheelhouse:
    install_line: str  # README's line installing the hook from the wheels, with real paths
    env: dict[str, str]  # with this virtual environment's bin first on PATH, for pip and pre-commit


@pytest.fixture(scope="session")
def wheelhouse(
    tmp_path_factory: pytest.TempPathFactory, env: dict[str, str], hook_repo: HookRepo
) -> Wheelhouse:
    """README's recipe for a machine with no index, its ``pip wheel`` line run.

    Gathering the wheels uses pip's usual index (as the README says, "where there is one");
    the README's install line then installs from the wheels alone (``PIP_NO_INDEX=1``).
    """
    (recipe,) = [
        block
        for block in _readme_blocks("A local hook, pinned to a version or a path", "sh")
        if "pip wheel" in block
    ]
    gather, install = recipe.strip().splitlines()
    assert install.startswith("PIP_NO_INDEX=1 "), install
    assert install.endswith(" pre-commit install-hooks"), install
    wheels = tmp_path_factory.mktemp("wheels")

    def real_paths(line: str) -> str:
        line = line.replace(PLACEHOLDER_CLONE, str(hook_repo.path))
        return line.replace(PLACEHOLDER_WHEELS, str(wheels))

    tools = {**env, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"}
    run = _run(["bash", "-c", real_paths(gather)], wheels, tools, timeout=900)
    assert run.code == 0, f"README's pip wheel line failed:\n{run.output}"
    assert any(wheel.name.startswith("haikulint-") for wheel in wheels.iterdir())
    return Wheelhouse(real_paths(install), tools)


def _install_and_check_a_blog(blog_path: Path, config: str, wheelhouse: Wheelhouse) -> None:
    """README's install line with no index, then the hook fails a bad post and passes its fix."""
    blog = _make_blog(blog_path, wheelhouse.env, config)
    installed = _run(["bash", "-c", wheelhouse.install_line], blog.path, wheelhouse.env, 900)
    assert installed.code == 0, f"pre-commit could not install the hook:\n{installed.output}"
    assert blog.pre_commit("--all-files").code == 0
    blog.stage({LONG_LAST_LINE: post_text("Disk Full", "2024-06-01")})
    staged = blog.pre_commit()
    assert staged.code == 1, staged.output
    assert "slug-syllables" in staged.output
    blog.move(LONG_LAST_LINE, FIXED_LAST_LINE)
    fixed = blog.pre_commit()
    assert fixed.code == 0, fixed.output


def test_the_readme_local_hooks_are_the_shipped_hook_with_pinned_dependencies() -> None:
    from haikulint import __version__

    (shipped,) = [
        hook
        for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
        if hook["id"] == "haikulint"
    ]
    for pin, snippet in _local_hook_snippets().items():
        (repo,) = yaml.safe_load(snippet)["repos"]
        assert repo["repo"] == "local"
        (hook,) = repo["hooks"]
        for key in ("id", "name", "entry", "language", "types_or", "require_serial"):
            assert hook[key] == shipped[key], (pin, key)
        (dependency,) = hook["additional_dependencies"]
        expected = {
            "version": f"haikulint=={__version__}",
            "path": f"haikulint @ file://{PLACEHOLDER_CLONE}",
        }
        assert dependency == expected[pin]


def test_the_readme_local_hook_pinned_to_the_version_installs_with_no_index(
    tmp_path: Path, wheelhouse: Wheelhouse
) -> None:
    config = _local_hook_snippets()["version"]
    _install_and_check_a_blog(tmp_path / "blog", config, wheelhouse)


def test_the_readme_local_hook_pinned_to_a_clone_installs_with_no_index(
    tmp_path: Path, wheelhouse: Wheelhouse, hook_repo: HookRepo
) -> None:
    config = _local_hook_snippets()["path"]
    assert f"file://{PLACEHOLDER_CLONE}" in config
    config = config.replace(f"file://{PLACEHOLDER_CLONE}", hook_repo.path.as_uri())
    _install_and_check_a_blog(tmp_path / "blog", config, wheelhouse)


def test_the_readme_remote_snippet_runs_at_the_tag_of_this_version(
    tmp_path: Path, env: dict[str, str], hook_repo: HookRepo, wheelhouse: Wheelhouse
) -> None:
    """README's remote snippet as it is, but for the URL: the snapshot, tagged as released."""
    (snippet,) = [
        block for block in _readme_blocks("Use with pre-commit", "yaml") if README_REPO_URL in block
    ]
    (repo,) = yaml.safe_load(snippet)["repos"]
    _git(hook_repo.path, env, "tag", "-f", repo["rev"], hook_repo.rev)
    config = snippet.replace(README_REPO_URL, str(hook_repo.path))
    _install_and_check_a_blog(tmp_path / "blog", config, wheelhouse)
