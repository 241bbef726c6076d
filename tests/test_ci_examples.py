"""README's "Running in CI": the GitHub Actions workflows in ``examples/ci``, run on blogs.

Each workflow is validated against SchemaStore's schema for workflow files and read as
GitHub would (triggers, permissions, steps); its ``run:``
steps that call haikulint are run, in order, with the runner's shell and step
conditions, in a fresh blog of its generator's layout with ``examples/ci/GEN.toml`` as
its ``haikulint.toml``. The answer key (which post breaks which rule) is written here
from the posts, not taken from haikulint. The annotations must be well-formed workflow
commands naming files relative to the blog's top, and the SARIF log must be valid SARIF
2.1.0 naming the same problems. README must show the files as they are.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
import yaml

from haikulint import __version__
from tests.conftest import run_cli, write_tree

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
from tests.report.support import parse_workflow_command, sarif_errors

PROJECT = Path(__file__).resolve().parents[1]
EXAMPLES = PROJECT / "examples" / "ci"
# SchemaStore's schema for GitHub workflow files (Apache-2.0, tests/data/LICENSE.schemastore),
# as check-jsonschema 0.39.0 vendors it (sha256 d10c9f46...c1c4f3).
WORKFLOW_SCHEMA = PROJECT / "tests" / "data" / "github-workflow-schema.json"
GENERATORS = ("pelican", "hugo", "jekyll")

# The inputs github/codeql-action/upload-sarif declares (its upload-sarif/action.yml).
UPLOAD_SARIF = "github/codeql-action/upload-sarif@v4"
UPLOAD_SARIF_INPUTS = {
    "sarif_file",
    "checkout_path",
    "ref",
    "sha",
    "token",
    "matrix",
    "category",
    "wait-for-processing",
}
NOT_CANCELLED = "${{ !cancelled() }}"

# The runner's shell for `run:` on Linux (GitHub's "bash" default).
RUNNER_SHELL = ("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c")

WORKFLOW_COMMAND = re.compile(
    r"^::(?P<command>error|warning|notice) file=[^,:]+(,line=[1-9]\d*(,col=[1-9]\d*)?)?"
    r",title=HK\d{3} [a-z-]+::\S.*$"
)

CLEAN_HAIKU = "the old server hums / nobody knows what it does / we leave it alone"
SERVER = "the-old-server-hums-/-nobody-knows-what-it-does-/-we-leave-it-alone"
PULL_REQUEST = "my-first-pull-request-/-a-reviewer-left-one-word-/-it-said-thank-you-twice"
LONG_LAST_LINE = "the-disk-filled-at-noon-/-we-moved-the-logs-far-away-/-and-the-pager-went-still"
LEAP_DAY = "a-leap-year-bug-slept-/-and-woke-on-a-day-not-there-/-the-clocks-all-stood-still"
STANDUP = "the-standup-ran-late-/-we-talked-about-the-outage-/-then-we-talked-some-more"
NIGHT_SHIFT = "the-night-shift-was-long-/-a-queue-of-alerts-to-clear-/-by-dawn-it-was-done"
ROADMAP = "the-roadmap-is-set-/-for-the-year-two-nine-nine-nine-/-we-will-ship-by-then"


@dataclass(frozen=True)
class Layout:
    """A blog of one generator's layout: clean files, and bad posts with their rules."""

    clean: dict[str, str]
    bad: dict[str, tuple[str, set[tuple[str, str]]]]  # path: (content, {(severity, code)})

    def write(self, folder: Path) -> Path:
        """All the blog's files under ``folder``, bad posts included; returns ``folder``."""
        write_tree(folder, self.clean)
        return write_tree(folder, {path: content for path, (content, _) in self.bad.items()})

    def expected(self, prefix: str = "") -> set[tuple[str, str, str]]:
        """The answer key: ``{(path, severity, code)}``, paths from ``prefix``."""
        return {
            (f"{prefix}{path}", severity, code)
            for path, (_, problems) in self.bad.items()
            for severity, code in problems
        }


def _pelican() -> Layout:
    return Layout(
        clean={
            "pelicanconf.py": 'AUTHOR = "Me"\nSITENAME = "Haiku"\nPATH = "content"\n',
            "content/pages/about.md": "Title: About\n\nWho writes here.\n",
            f"content/{SERVER}.md": (
                "Title: The Box Under the Desk\nDate: 2023-08-14 10:20\nModified: 2023-08-15\n\n"
                f"{CLEAN_HAIKU}\n\nNobody knows.\n"
            ),
            f"content/2024/{PULL_REQUEST}.md": "Title: Thank You Twice\nDate: 2024-05-02\n\nYes.\n",
        },
        bad={
            f"content/{LONG_LAST_LINE}.md": (
                "Title: Disk Full\nDate: 2024-06-01\n\nThe logs.\n",
                {("error", "HK103")},
            ),
            f"content/{LEAP_DAY}.md": (
                "Title: Leap Day\nDate: 2023-02-30\n\nThe clocks.\n",
                {("error", "HK203")},
            ),
            # The haiku line above the headers: Pelican reads no metadata in this post.
            f"content/{NIGHT_SHIFT}.md": (
                "the night shift was long / a queue of alerts to clear / by dawn it was done\n\n"
                "Title: Night Shift\nDate: 2024-01-09\n\nThe alerts.\n",
                {("error", "HK201"), ("error", "HK202")},
            ),
        },
    )


def _hugo() -> Layout:
    bundle = f"content/posts/{PULL_REQUEST}"
    return Layout(
        clean={
            "hugo.toml": 'baseURL = "https://example.org/"\ntitle = "Haiku"\n',
            "content/about.md": '+++\ntitle = "About"\n+++\n\nWho writes here.\n',
            "content/posts/_index.md": '+++\ntitle = "Posts"\n+++\n',
            f"{bundle}/index.md": (
                '+++\ntitle = "Thank You Twice"\ndate = 2024-05-02T09:30:00+02:00\n'
                "publishDate = 2024-05-03\nlastmod = 2024-06-01T08:00:00Z\n"
                "draft = false\n+++\n\n![the review](review.png)\n"
            ),
            f"{bundle}/review.png": "not really a picture\n",
            f"content/posts/{SERVER}.md": (
                f"---\ntitle: The Box\ndate: 2023-08-14T10:20:00Z\n---\n\n{CLEAN_HAIKU}\n"
            ),
        },
        bad={
            f"content/posts/{STANDUP}/index.md": (
                '+++\ntitle = "Standup"\ndate = 2024-02-01\n+++\n\n'
                "the standup ran long / we talked about the outage / then we talked some more\n",
                {("error", "HK206")},
            ),
            f"content/posts/{NIGHT_SHIFT}.md": (
                "+++\ndate = 2024-01-09\n+++\n\nThe alerts.\n",
                {("error", "HK201")},
            ),
            f"content/posts/{ROADMAP}.md": (
                '+++\ntitle = "Roadmap"\ndate = 2024-03-01\nlastmod = 2024-02-01\n+++\n\nSoon.\n',
                {("error", "HK208")},
            ),
        },
    )


def _jekyll() -> Layout:
    def dated(slug: str, day: str) -> str:
        """``_posts/a-/-b-/DAY-c.md``: the date starts the file name, as Jekyll needs."""
        folders, _, last_line = slug.rpartition("/-")
        return f"_posts/{folders}/{day}-{last_line}.md"

    return Layout(
        clean={
            "_config.yml": "title: Haiku\npermalink: /:year/:title/\n",
            "index.md": "---\nlayout: home\n---\n",
            "about.md": "---\nlayout: page\ntitle: About\n---\n\nWho writes here.\n",
            "_drafts/not-yet.md": "---\nlayout: post\ntitle: Not Yet\n---\n\nSoon.\n",
            dated(SERVER, "2023-08-14"): (
                "---\nlayout: post\ntitle: The Box\ndate: 2023-08-14 10:20:00 +0200\n---\n\n"
                f"{CLEAN_HAIKU}\n"
            ),
            dated(PULL_REQUEST, "2024-05-02"): "---\nlayout: post\ntitle: Thanks\n---\n\nYes.\n",
        },
        bad={
            dated(LEAP_DAY, "2023-02-30"): (
                "---\nlayout: post\ntitle: Leap Day\n---\n\nThe clocks.\n",
                {("error", "HK203")},
            ),
            dated(STANDUP, "2024-02-01"): (
                "---\nlayout: post\ntitle: Standup\ndate: 2024-02-11\n---\n\nLong.\n",
                {("error", "HK205")},
            ),
            dated(ROADMAP, "2999-01-01"): (
                "---\nlayout: post\ntitle: Roadmap\n---\n\nSoon.\n",
                {("warning", "HK204")},
            ),
        },
    )


LAYOUTS = {"pelican": _pelican, "hugo": _hugo, "jekyll": _jekyll}


def _readme_section() -> str:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    return readme.split("\n## Running in CI\n", 1)[1].split("\n## ", 1)[0]


def _readme_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", _readme_section(), flags=re.M | re.S)


def _workflow(generator: str) -> dict[Any, Any]:
    loaded = yaml.safe_load((EXAMPLES / f"{generator}.yml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 (PyYAML) reads the key `on` as True; GitHub reads it as "on".
    triggers = workflow.get("on", workflow.get(True))
    assert isinstance(triggers, dict), workflow
    return triggers


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    assert isinstance(steps, list)
    return steps


def _haikulint_steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for step in _steps(workflow) if "haikulint check" in step.get("run", "")]


def test_examples_ci_holds_a_workflow_and_a_config_per_generator() -> None:
    expected = {f"{generator}.{ext}" for generator in GENERATORS for ext in ("yml", "toml")}
    assert {path.name for path in EXAMPLES.iterdir()} == expected


def test_readme_shows_the_workflow_and_each_config_as_they_are() -> None:
    yaml_blocks = _readme_blocks("yaml")
    toml_blocks = _readme_blocks("toml")
    assert (EXAMPLES / "pelican.yml").read_text(encoding="utf-8") in yaml_blocks
    for generator in GENERATORS:
        assert (EXAMPLES / f"{generator}.toml").read_text(encoding="utf-8") in toml_blocks


def test_the_three_workflows_differ_only_in_their_first_comment() -> None:
    """README shows one workflow for the three, so the others must be the same below it."""

    def without_header(generator: str) -> str:
        text = (EXAMPLES / f"{generator}.yml").read_text(encoding="utf-8")
        header, body = text.split("\nname:", 1)
        assert header.startswith("# haikulint for a ") and generator in header.lower()
        assert f"examples/ci/{generator}.toml" in header
        return body

    assert without_header("hugo") == without_header("pelican") == without_header("jekyll")


@pytest.mark.parametrize("generator", GENERATORS)
def test_the_workflow_is_valid_against_the_workflow_schema(generator: str) -> None:
    workflow = _workflow(generator)
    workflow["on"] = _triggers(workflow)
    workflow.pop(True, None)
    schema = json.loads(WORKFLOW_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    assert [error.message for error in validator.iter_errors(workflow)] == []
    # The schema is no rubber stamp: a misspelt permission level is refused.
    (job,) = workflow["jobs"].values()
    job["permissions"]["security-events"] = "writ"
    assert list(validator.iter_errors(workflow))


@pytest.mark.parametrize("generator", GENERATORS)
def test_the_workflow_runs_on_pushes_and_pull_requests_with_the_upload_permission(
    generator: str,
) -> None:
    workflow = _workflow(generator)
    assert set(_triggers(workflow)) == {"push", "pull_request"}
    (job,) = workflow["jobs"].values()
    assert job["runs-on"] == "ubuntu-latest"
    assert job["permissions"] == {
        "contents": "read",
        "security-events": "write",
        "actions": "read",
    }


@pytest.mark.parametrize("generator", GENERATORS)
def test_the_workflow_steps_annotate_then_upload_sarif_even_when_the_check_failed(
    generator: str,
) -> None:
    steps = _steps(generator_workflow := _workflow(generator))
    uses = [step["uses"] for step in steps if "uses" in step]
    assert uses == ["actions/checkout@v6", "actions/setup-python@v6", UPLOAD_SARIF]
    runs = [step["run"] for step in steps if "run" in step]
    assert runs[0] == f"pip install haikulint=={__version__}"  # as pre-commit's rev is pinned

    annotate, sarif = _haikulint_steps(generator_workflow)
    assert annotate["run"] == "haikulint check --output-format github"
    # The failing step fails the job: nothing may swallow its exit code.
    assert "if" not in annotate and "continue-on-error" not in annotate
    assert "||" not in annotate["run"]

    command, redirect, sarif_file = sarif["run"].rpartition(" > ")
    assert redirect == " > " and sarif_file == "haikulint.sarif"
    assert command == "haikulint check --output-format sarif --exit-zero"
    assert sarif["if"] == NOT_CANCELLED  # runs after the annotation step failed

    (upload,) = [step for step in steps if step.get("uses") == UPLOAD_SARIF]
    assert steps.index(annotate) < steps.index(sarif) < steps.index(upload)
    assert upload["if"] == NOT_CANCELLED
    assert set(upload["with"]) <= UPLOAD_SARIF_INPUTS
    assert upload["with"]["sarif_file"] == sarif_file


@dataclass(frozen=True)
class StepRun:
    name: str
    code: int | None  # None: skipped, as the runner skips it
    stdout: str
    stderr: str


def _run_step(command: str, cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """``command`` as a ``run:`` step runs it: the runner's shell, as on GitHub's runner."""
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "HAIKULINT_CACHE_DIR": str(cache),
        "GITHUB_ACTIONS": "true",
        "CI": "true",
    }
    env.pop("NO_COLOR", None)
    env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [*RUNNER_SHELL, command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _run_haikulint_steps(workflow: dict[Any, Any], blog: Path, cache: Path) -> list[StepRun]:
    """The workflow's haikulint steps in order, with the runner's step conditions."""
    failed = False
    runs = []
    for step in _haikulint_steps(workflow):
        condition = step.get("if")
        assert condition in (None, NOT_CANCELLED), condition
        if condition is None and failed:  # the runner's default: success()
            runs.append(StepRun(step["name"], None, "", ""))
            continue
        completed = _run_step(step["run"], blog, cache)
        failed = failed or completed.returncode != 0
        runs.append(StepRun(step["name"], completed.returncode, completed.stdout, completed.stderr))
    return runs


def _annotations(stdout: str, blog: Path) -> set[tuple[str, str, str]]:
    """``{(file, severity, code)}`` from workflow commands, each checked for its form."""
    found = set()
    for line in stdout.splitlines():
        assert WORKFLOW_COMMAND.match(line), f"not a well-formed annotation: {line!r}"
        command, properties, message = parse_workflow_command(line)
        assert message.strip()
        path = properties["file"]
        assert not Path(path).is_absolute() and ".." not in Path(path).parts, path
        assert (blog / path).is_file(), path
        found.add((path, command, properties["title"].split()[0]))
    return found


def _sarif_results(log_path: Path, blog: Path) -> set[tuple[str, str, str]]:
    """``{(file, level, rule)}`` from a SARIF log that must validate against 2.1.0."""
    log = json.loads(log_path.read_text(encoding="utf-8"))
    assert sarif_errors(log) == []
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == blog.resolve().as_uri() + "/"
    found = set()
    for result in run["results"]:
        (location,) = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        path = unquote(artifact["uri"])
        assert (blog / path).is_file(), path
        found.add((path, result["level"], result["ruleId"]))
    return found


@pytest.mark.parametrize("generator", GENERATORS)
def test_the_workflow_annotates_and_logs_each_problem_of_a_blog_of_its_layout(
    generator: str, tmp_path: Path
) -> None:
    layout = LAYOUTS[generator]()
    blog = layout.write(tmp_path / "blog")
    shutil.copyfile(EXAMPLES / f"{generator}.toml", blog / "haikulint.toml")
    expected = layout.expected()
    errors = any(severity == "error" for _, severity, _ in expected)

    annotate, sarif = _run_haikulint_steps(_workflow(generator), blog, tmp_path / "cache")
    assert annotate.code == (1 if errors else 0), annotate.stderr
    assert _annotations(annotate.stdout, blog) == expected
    assert sarif.code == 0, f"the SARIF step must run and succeed:\n{sarif.stderr}"
    assert sarif.stdout == ""  # redirected into the file the upload step reads
    assert _sarif_results(blog / "haikulint.sarif", blog) == expected

    # The same blog with its bad posts fixed (here: removed): nothing to annotate.
    for path in layout.bad:
        (blog / path).unlink()
    annotate, sarif = _run_haikulint_steps(_workflow(generator), blog, tmp_path / "cache")
    assert (annotate.code, annotate.stdout) == (0, ""), annotate.stderr
    assert sarif.code == 0, sarif.stderr
    assert _sarif_results(blog / "haikulint.sarif", blog) == set()


def test_a_config_error_fails_the_sarif_step_too(tmp_path: Path) -> None:
    """``--exit-zero`` covers problems found, not a broken config (exit 2), unlike ``|| true``."""
    blog = write_tree(tmp_path / "blog", _pelican().clean)
    (blog / "haikulint.toml").write_text("root = 5\n", encoding="utf-8")
    annotate, sarif = _run_haikulint_steps(_workflow("pelican"), blog, tmp_path / "cache")
    assert annotate.code == 2 and sarif.code == 2, (annotate.stderr, sarif.stderr)
    assert "haikulint.toml" in sarif.stderr


@pytest.mark.parametrize("generator", GENERATORS)
def test_init_finds_the_root_and_exclude_the_example_config_sets(
    generator: str, tmp_path: Path
) -> None:
    """README says `haikulint init` writes what examples/ci/GEN.toml sets, for each layout."""
    blog = LAYOUTS[generator]().write(tmp_path / "blog")
    code, _, err = run_cli("init", "--yes", str(blog))
    assert code == 0, err
    written = tomllib.loads((blog / "haikulint.toml").read_text(encoding="utf-8"))
    example = tomllib.loads((EXAMPLES / f"{generator}.toml").read_text(encoding="utf-8"))
    for key in ("root", "exclude"):
        assert written.get(key) == example.get(key), key


def test_a_blog_in_a_subfolder_is_reported_from_the_top_with_config(tmp_path: Path) -> None:
    """README: with ``--config site/haikulint.toml`` from the top, paths name files from the top."""
    layout = _hugo()
    top = tmp_path / "repository"
    blog = layout.write(top / "site")
    shutil.copyfile(EXAMPLES / "hugo.toml", blog / "haikulint.toml")
    command = "haikulint check --config site/haikulint.toml --output-format github"
    assert command in _readme_section()
    completed = _run_step(command, top, tmp_path / "cache")
    assert completed.returncode == 1, completed.stderr
    assert _annotations(completed.stdout, top) == layout.expected(prefix="site/")
