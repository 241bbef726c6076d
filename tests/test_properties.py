"""Property tests of everything that reads user input, from one parser up to a whole run.

For the reader, the slug parser, the config loader and the baseline loader: any input
gives a result or that layer's own one-line error, never anything else. End to end:
generated blog trees (posts of every header style, broken ones, binary ones, odd
file names, links in and out of the root and loops, FIFOs) with generated configs
and baselines: ``haikulint check`` exits 0, 1 or 2 as documented, never with a
traceback or an internal error, and writes only escaped one-line messages.

CI runs a bounded number of examples; ``HYPOTHESIS_PROFILE=long`` a deep run.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haikulint.baseline import read_baseline
from haikulint.blog.discover import PostFile
from haikulint.blog.post import read_post, read_text
from haikulint.blog.slug import parse_slug
from haikulint.config import load_config
from haikulint.errors import ConfigError, UsageError
from tests.conftest import LONG_RUN, run_cli

END_TO_END = settings(
    max_examples=1000 if LONG_RUN else 30,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
UNITS = settings(max_examples=5000 if LONG_RUN else 150)

_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@contextlib.contextmanager
def _blog_folder() -> Iterator[Path]:
    """A fresh temporary folder as the working directory (hypothesis calls the test many
    times; pytest's tmp_path would be shared between them)."""
    before = os.getcwd()
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        try:
            yield Path(folder)
        finally:
            os.chdir(before)


# --- the pieces a blog is made of -----------------------------------------------------------

WORDS = st.sampled_from(
    ["the", "prod", "deploy", "froze", "pcap", "hours", "repo", "café", "2024", "llm", "a", ""]
)
LINE = st.lists(WORDS, min_size=0, max_size=4).map("-".join)
SLUG_NAME = st.lists(LINE, min_size=1, max_size=4).map("-/-".join)
ODD_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00/"), min_size=1, max_size=12
)
FILE_NAME = st.one_of(
    st.builds(lambda slug, ext: slug + ext, SLUG_NAME, st.sampled_from([".md", ".markdown"])),
    ODD_TEXT.map(lambda text: text + ".md"),
    st.sampled_from(["::error::x.md", "a\nb.md", "\x1b[2J.md", "_index.md", ".draft.md"]),
)
VALUE = st.one_of(
    st.text(max_size=30),
    st.integers(),
    st.just("9" * 5000),
    st.sampled_from(["2024-02-30", "2024-01-02T10:00:00+99:99", "[[[[", "{", "'", '"']),
)
HAIKU_TEXT = "the prod deploy froze / I parsed the pcap for hours / the repo held it"
HEADER_KEY = st.sampled_from(["title", "date", "haiku", "haikulint", "tags", "Title", "x"])


@st.composite
def post_text(draw: st.DrawFn) -> bytes:
    """A post: one of the header styles with generated values, or raw bytes."""
    pairs = draw(st.lists(st.tuples(HEADER_KEY, VALUE), max_size=5))
    style = draw(st.sampled_from(["yaml", "toml", "json", "pelican", "bytes", "continued"]))
    body = draw(st.text(max_size=80))
    if style == "yaml":
        text = "---\n" + "".join(f"{key}: {value}\n" for key, value in pairs) + "---\n" + body
    elif style == "toml":
        text = "+++\n" + "".join(f"{key} = {value}\n" for key, value in pairs) + "+++\n" + body
    elif style == "json":
        text = json.dumps({key: value for key, value in pairs}) + "\n" + body
    elif style == "pelican":
        text = "".join(f"{key}: {value}\n" for key, value in pairs) + "\n" + body
    elif style == "continued":
        text = "Title: t\nSummary: s\n" + "  more\n" * draw(st.integers(0, 3000))
    else:
        return draw(st.binary(max_size=200))
    line_end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return text.replace("\n", line_end).encode("utf-8", "surrogatepass")


ENTRY = st.one_of(
    st.tuples(st.just("post"), post_text()),
    st.tuples(st.just("link"), st.sampled_from(["/", "..", ".", "/etc/hostname", "nowhere"])),
    st.tuples(st.just("fifo"), st.just(b"")),
    st.tuples(st.just("gitignore"), st.sampled_from([b"!\n", b"\\\n", b"[z-a]\n", b"*.md\n"])),
)
CONFIG_LINE = st.one_of(
    st.sampled_from(
        [
            'root = "posts"',
            "form = [5, 7, 5]",
            f"form = [{'9' * 5000}]",
            'exclude = ["!", "[z-a]", "drafts/"]',
            'per-file-ignores = { "[z-a]" = ["HK1"] }',
            'max-post-size = "1 kB"',
            'words-file = "words.txt"',
            'rules-dirs = ["a\\u0000b"]',
            "allow-future-dates = true",
            "x = " + "[" * 3000 + "]" * 3000,
            "select = [",
        ]
    ),
    st.text(max_size=40),
)


@st.composite
def blog_tree(draw: st.DrawFn) -> dict[str, tuple[str, bytes | str]]:
    """``{relative path: (kind, content)}`` for a generated blog under ``posts/``."""
    tree: dict[str, tuple[str, bytes | str]] = {}
    for _ in range(draw(st.integers(0, 8))):
        folder = draw(st.sampled_from(["posts", "posts/2024", "posts/a-b-", "posts/x-/-y-"]))
        kind, content = draw(ENTRY)
        name = ".gitignore" if kind == "gitignore" else draw(FILE_NAME)
        tree[f"{folder}/{name}"] = (kind, content)
    return tree


def _make(folder: Path, tree: dict[str, tuple[str, bytes | str]]) -> None:
    for relative, (kind, content) in tree.items():
        target = folder / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if kind == "link":
                target.symlink_to(str(content))
            elif kind == "fifo":
                if hasattr(os, "mkfifo"):
                    os.mkfifo(target)
            else:
                target.write_bytes(content if isinstance(content, bytes) else content.encode())
        except (FileExistsError, NotADirectoryError, IsADirectoryError):
            continue  # two entries for one name: the first stands


def _assert_clean(
    code: int, out: str, err: str, *, messages_only: bool = True, github: bool = False
) -> None:
    """Exit 0, 1 or 2, no traceback, nothing unprintable; with ``messages_only``, every
    line on standard error a ``haikulint: ...`` message (``new`` also shows a table)."""
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err and "internal error" not in err, err
    for line in err.splitlines():
        assert line.startswith("haikulint: ") or not messages_only, line
        assert _UNPRINTABLE.search(line) is None, line
    for line in out.splitlines():
        if github:  # every line one workflow command of ours, whatever the paths hold
            assert re.match(r"::(error|warning|notice) file=[^:,]*[,:]", line), line
        else:
            assert not line.startswith("::"), line
        assert _UNPRINTABLE.search(line) is None, line


# --- end to end ------------------------------------------------------------------------------


@END_TO_END
@given(
    tree=blog_tree(),
    config=st.lists(CONFIG_LINE, max_size=3),
    output=st.sampled_from(["text", "concise", "json", "github", "sarif"]),
)
def test_any_blog_any_config_exits_as_documented(
    tree: dict[str, tuple[str, bytes | str]], config: list[str], output: str
) -> None:
    with _blog_folder() as folder:
        _make(folder, tree)
        (folder / "posts").mkdir(exist_ok=True)
        (folder / "haikulint.toml").write_text("\n".join(config) + "\n", encoding="utf-8")
        (folder / "words.txt").write_text("kubectl 3\n")
        code, out, err = run_cli("check", "--no-progress", "--output-format", output, "posts")
        _assert_clean(code, out, err, github=output == "github")
        if output in ("json", "sarif") and code != 2:
            json.loads(out)
            out.encode("utf-8")  # strict: no lone surrogate


@END_TO_END
@given(
    tree=blog_tree(),
    options=st.sampled_from(
        [["--fix"], ["--fix", "--unsafe-fixes"], ["--diff"], ["--fix-only"], ["--statistics"]]
    ),
)
def test_fixing_any_blog_exits_as_documented_and_stays_inside_it(
    tree: dict[str, tuple[str, bytes | str]], options: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as outside_folder, _blog_folder() as folder:
        outside = Path(outside_folder) / "outside.md"
        outside.write_bytes(b"Title: x\n")
        _make(folder, tree)
        (folder / "posts").mkdir(exist_ok=True)
        (folder / "posts" / "out.md").symlink_to(outside)
        code, out, err = run_cli("check", "--no-progress", *options, "posts")
        _assert_clean(code, out, err)
        assert outside.read_bytes() == b"Title: x\n"
        assert sorted(path.name for path in Path(outside_folder).iterdir()) == ["outside.md"]


@END_TO_END
@given(tree=blog_tree(), baseline=st.one_of(st.binary(max_size=200), st.text(max_size=200)))
def test_any_baseline_exits_as_documented(
    tree: dict[str, tuple[str, bytes | str]], baseline: bytes | str
) -> None:
    with _blog_folder() as folder:
        _make(folder, tree)
        (folder / "posts").mkdir(exist_ok=True)
        path = folder / "base.json"
        path.write_bytes(baseline if isinstance(baseline, bytes) else baseline.encode())
        code, out, err = run_cli("check", "--no-progress", "--baseline", "base.json", "posts")
        _assert_clean(code, out, err)
        code, out, err = run_cli("check", "--no-progress", "--write-baseline", "b2.json", "posts")
        _assert_clean(code, out, err)
        if code == 0:
            code, out, err = run_cli("check", "--no-progress", "--baseline", "b2.json", "posts")
            _assert_clean(code, out, err)
            assert code == 0, err  # everything found is in the baseline just written


@END_TO_END
@given(tree=blog_tree(), haiku=st.text(max_size=60), title=st.text(max_size=20))
def test_new_never_fails_outside_its_documented_codes(
    tree: dict[str, tuple[str, bytes | str]], haiku: str, title: str
) -> None:
    with _blog_folder() as folder:
        _make(folder, tree)
        code, out, err = run_cli("new", haiku, "--title", title, "--root", "posts", "--force")
        _assert_clean(code, out, err, messages_only=False)
        outside = [
            path
            for path in folder.rglob("*")
            if path.is_file()
            and not path.is_symlink()
            and not path.resolve().is_relative_to(folder)
        ]
        assert outside == []


@END_TO_END
@given(tree=blog_tree(), haiku=st.one_of(st.text(max_size=60), st.just(HAIKU_TEXT)))
def test_mv_never_fails_outside_its_documented_codes_nor_leaves_the_root(
    tree: dict[str, tuple[str, bytes | str]], haiku: str
) -> None:
    with tempfile.TemporaryDirectory() as outside_folder, _blog_folder() as folder:
        _make(folder, tree)
        (folder / "posts").mkdir(exist_ok=True)
        (folder / "posts" / "the-prod-deploy-froze-").symlink_to(outside_folder)
        posts = sorted(path for path in (folder / "posts").rglob("*.md") if path.is_file()) or [
            folder / "posts" / "missing.md"
        ]
        source = posts[0].relative_to(folder).as_posix()
        code, out, err = run_cli("mv", source, haiku, "--root", "posts", "--force")
        _assert_clean(code, out, err, messages_only=False)
        assert list(Path(outside_folder).iterdir()) == []


# --- the reader, the slug parser, the config and baseline loaders -------------------------------


@UNITS
@given(data=st.one_of(post_text(), st.binary(max_size=400)))
def test_the_reader_gives_every_file_a_verdict(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        post = Path(folder) / "a-/-b-/-c.md"
        post.parent.mkdir(parents=True)
        post.write_bytes(data)
        read = read_post(PostFile(post, Path(folder)), max_size=300)
        assert (read.read_error is None) == (
            len(data) <= 300 and b"\x00" not in data and _utf8(data)
        )


@UNITS
@given(text=st.text(max_size=300))
def test_read_text_never_raises(text: str) -> None:
    parts = read_text(text)
    assert all(isinstance(key, str) for key in parts.headers)


@UNITS
@given(path=st.text(max_size=80))
def test_the_slug_parser_never_raises(path: str) -> None:
    slug = parse_slug(path)
    assert isinstance(slug.key, str)


@UNITS
@given(
    lines=st.lists(CONFIG_LINE, max_size=4),
    name=st.sampled_from(["haikulint.toml", "pyproject.toml"]),
)
def test_the_config_loader_gives_a_config_or_a_one_line_config_error(
    lines: list[str], name: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        head = "[tool.haikulint]\n" if name == "pyproject.toml" else ""
        (Path(folder) / name).write_text(head + "\n".join(lines) + "\n", encoding="utf-8")
        try:
            load_config(start=Path(folder))
        except ConfigError as error:
            assert "\n" not in str(error)


@UNITS
@given(
    document=st.one_of(
        st.binary(max_size=200),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=10),
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
            max_leaves=10,
        ).map(lambda value: json.dumps({"haikulint-baseline": 1, "problems": value}).encode()),
    )
)
def test_the_baseline_loader_gives_fingerprints_or_a_one_line_usage_error(document: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.json"
        path.write_bytes(document)
        try:
            read_baseline(path)
        except UsageError as error:
            assert "\n" not in str(error)


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
