"""A post read for its headers only summarizes exactly as one read whole.

The posts a run only compares with (``context`` files: the rest of the blog when
pre-commit names one post) are read no further than their front matter. What the
cross-post rules see of them must not change.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from haikulint.blog.discover import PostFile
from haikulint.blog.post import read_post
from haikulint.checks.summary import summarize

HERE = Path(__file__).parent
EXAMPLE_POSTS = sorted((HERE.parent / "examples" / "blog" / "posts").rglob("*.md*"))
HEADERS = ("title", "date", "author", "haikulint", "haikulint-ignore", "tags")

FRONT = st.sampled_from(
    [
        "---\ntitle: A Title\ndate: 2024-01-02\n---\n",
        "---\ntitle: A Title\nhaikulint: {ignore: [HK103]}\n---\n",
        "---\ntitle: [not, a, string]\n---\n",
        "---\ntitle: unclosed\n",
        "---\n- a list\n---\n",
        "+++\ntitle = 'T'\ndate = 2024-01-02\n+++\n",
        "+++\ntitle = \n+++\n",
        '{"title": "T", "date": "2024-01-02"}\n',
        "Title: Pelican\nDate: 2024-01-02\nHaikulint-Ignore: HK105\n",
        "a / b / c\n\n\nTitle: After the Haiku\n\nDate: 2024-01-02\n\n",
        "Kubernetes: The Hard Way\nDate: 2024-01-02\n",
        "",
    ]
)
BODY_LINE = st.sampled_from(
    [
        "",
        "a / b / c",
        "the prod deploy froze / I parsed the pcap for hours / the repo held it",
        "April 24, 2023 - Today I wrote.",
        "Title: Late",
        "Some text.",
        "---",
        "# A heading",
    ]
)


def _summaries(
    tmp_path: Path, text: str, header_lines: str = "after-haiku"
) -> tuple[object, object]:
    post_file = tmp_path / "posts" / "a-b-/-c-d-/-e.md"
    post_file.parent.mkdir(parents=True, exist_ok=True)
    post_file.write_text(text, encoding="utf-8")
    file = PostFile(post_file, tmp_path / "posts")
    whole_post = read_post(file, tmp_path, header_lines=header_lines)
    headers_post = read_post(file, tmp_path, headers_only=True, header_lines=header_lines)
    if whole_post.header_style in ("pelican", "none"):
        # a haiku line beside header lines is read too (``haikulint init`` counts them)
        assert headers_post.haiku == whole_post.haiku
    return summarize(whole_post, HEADERS), summarize(headers_post, HEADERS)


@settings(max_examples=100, deadline=None)
@given(
    front=FRONT,
    body=st.lists(BODY_LINE, max_size=6),
    crlf=st.booleans(),
    header_lines=st.sampled_from(["after-haiku", "top"]),
)
def test_a_summary_is_the_same_from_the_headers_alone(
    front: str, body: list[str], crlf: bool, header_lines: str
) -> None:
    import tempfile

    text = front + "\n".join(body) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    with tempfile.TemporaryDirectory() as scratch:
        whole, headers = _summaries(Path(scratch), text, header_lines)
    assert headers == whole


def test_every_example_post_summarizes_the_same_from_its_headers(tmp_path: Path) -> None:
    assert EXAMPLE_POSTS
    for path in EXAMPLE_POSTS:
        whole, headers = _summaries(tmp_path, path.read_bytes().decode("utf-8", "replace"))
        assert headers == whole, path
