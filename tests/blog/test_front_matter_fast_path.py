"""YAML front matter of plain ``key: text`` lines is read without PyYAML's loader; what
it gives must be exactly what the loader gives, and anything else must go to it."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from haikulint.blog.frontmatter_loading import (
    FrontMatterError,
    _load_yaml,
    _load_yaml_fully,
    _plain_pairs,
    read_front_matter,
)

_KEYS = st.one_of(
    st.sampled_from(["title", "Title", "date", "tags", "yes", "on", "null", "_x", "a-b", "1a"]),
    st.text(alphabet=st.sampled_from("aZ_-1<?"), min_size=1, max_size=4),
)
_SEPARATORS = st.sampled_from([": ", ":  ", ":", ": \t", " : ", ":\t"])
_VALUES = st.one_of(
    st.sampled_from(
        [
            *("Old Pond", "2024-01-02", "2023-02-30", "false", "3", "1.5", "~", "x #c", "C#"),
            *("Q&A", "a: b", "a:", "http://x", "2019-10-20 10:00", "0x1F", "1_000", "=", "<<"),
            ".inf",
        ]
    ),
    st.text(
        alphabet=st.sampled_from(
            "aZ 1:#-\"'&*!|>%@`,[]{}?~.\\=\t\u00e9\u0085\u2028\u00a0\ufeff\U0001f600"
        ),
        max_size=12,
    ),
)
_LINE = st.one_of(
    st.tuples(_KEYS, _SEPARATORS, _VALUES).map("".join),
    st.sampled_from(["", " ", "# a comment", "  indented: x", "- item", "..."]),
)


_NEARLY_PLAIN_LINE = st.tuples(
    st.text(alphabet=st.sampled_from("abtT_-"), min_size=1, max_size=5),
    st.just(": "),
    st.one_of(
        st.text(alphabet=st.sampled_from("ab Z0.-\u00e9"), min_size=1, max_size=10),
        st.text(alphabet=st.sampled_from("ab Z01.-:#&'\"~\u00e9"), min_size=1, max_size=10),
    ),
).map("".join)
"""Lines that are often plain pairs, so that the fast path is often taken (the lines
above mostly test that it is not taken wrongly)."""


@settings(max_examples=400)  # a tenth of them take the fast path
@given(
    st.one_of(
        st.lists(_LINE, max_size=5).map("\n".join),
        st.lists(st.one_of(_NEARLY_PLAIN_LINE, st.just("")), max_size=5).map("\n".join),
    )
)
@example("title: Old Pond\ndate: 2024-01-02\n")
@example("title: Old Pond\nTitle: Again\n")
@example("title: Q&A: part two\n")
def test_plain_pairs_read_as_the_yaml_loader_reads_them(source: str) -> None:
    fast = _plain_pairs(source, 2)
    if fast is None:
        return  # the loader's business
    try:
        full = _load_yaml_fully(source, 2)
    except FrontMatterError as error:  # pragma: no cover - the property failing
        raise AssertionError(f"the loader refuses {source!r}: {error}") from None
    assert fast == full
    assert [type(value) for value in fast[0].values()] == [type(v) for v in full[0].values()]


def test_the_usual_header_takes_the_short_way() -> None:
    assert _plain_pairs("title: The Old Server\ndate: 2024-01-02\n\n", 2) == (
        {"title": "The Old Server", "date": "2024-01-02"},
        {"title": 2, "date": 3},
    )


def test_anything_else_goes_to_the_loader() -> None:
    for source in ["draft: false\n", "weight: 3\n", "tags: [a, b]\n", "a: b: c\n", "", "\n"]:
        assert _plain_pairs(source, 2) is None, source
    assert _load_yaml("draft: false\n", 2) == ({"draft": False}, {"draft": 2})


def test_front_matter_reads_the_same_either_way() -> None:
    text = "---\ntitle: Old Pond\ndate: 2023-02-30\n---\nbody\n"
    found = read_front_matter(text)
    assert found is not None
    assert (found.headers, found.header_lines) == (
        {"title": "Old Pond", "date": "2023-02-30"},
        {"title": 2, "date": 3},
    )
