"""YAML front matter of plain ``key: text`` lines is read without PyYAML's loader, and
TOML front matter of plain ``key = "text"`` and ``key = YYYY-MM-DD`` lines without
tomllib; what each gives must be exactly what the full parser gives, and anything else
must go to it."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from haikulint.blog.frontmatter_loading import (
    FrontMatterError,
    _load_toml,
    _load_toml_fully,
    _load_yaml,
    _load_yaml_fully,
    _plain_pairs,
    _plain_toml_pairs,
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


def _headers(
    line: st.SearchStrategy[str], nearly_plain: st.SearchStrategy[str]
) -> st.SearchStrategy[str]:
    """Front matter of up to five lines: any ``line`` s, or ``nearly_plain`` ones and blanks."""
    return st.one_of(
        st.lists(line, max_size=5).map("\n".join),
        st.lists(st.one_of(nearly_plain, st.just("")), max_size=5).map("\n".join),
    )


@settings(max_examples=400)  # a tenth of them take the fast path
@given(_headers(_LINE, _NEARLY_PLAIN_LINE))
@example("title: Old Pond\ndate: 2024-01-02\n")
@example("title: Old Pond\nTitle: Again\n")
@example("title: Q&A: part two\n")
def test_plain_pairs_read_as_the_yaml_loader_reads_them(source: str) -> None:
    _reads_as_the_full_parser(_plain_pairs, _load_yaml_fully, source)


Loaded = tuple[dict[Any, Any], dict[str, int]]


def _reads_as_the_full_parser(
    fast_path: Callable[[str, int], Loaded | None],
    full_parser: Callable[[str, int], Loaded],
    source: str,
) -> None:
    """What ``fast_path`` makes of ``source``, if it takes it, is what ``full_parser``
    makes of it: the same values, of the same types, on the same lines."""
    fast = fast_path(source, 2)
    if fast is None:
        return  # the full parser's business
    try:
        full = full_parser(source, 2)
    except FrontMatterError as error:  # pragma: no cover - the property failing
        raise AssertionError(f"the full parser refuses {source!r}: {error}") from None
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


def test_the_copied_resolver_table_is_the_loaders() -> None:
    """The fast path reads PyYAML's resolver patterns from a copy, so as not to import
    PyYAML; the copy must be the installed loader's table, pattern for pattern."""
    from haikulint.blog.frontmatter_loading import YAML_PLAIN_RESOLVERS, _yaml_loader

    installed = _yaml_loader().yaml_implicit_resolvers
    assert None not in installed  # no pattern for every first character
    expected = {
        first: {(pattern.pattern, pattern.flags) for _, pattern in entries}
        for first, entries in installed.items()
    }
    copied: dict[str, set[tuple[str, int]]] = {}
    for firsts, source, flags in YAML_PLAIN_RESOLVERS:
        compiled = re.compile(source, flags)
        for first in firsts:
            copied.setdefault(first, set()).add((compiled.pattern, compiled.flags))
    assert copied == expected


def test_plain_yaml_front_matter_does_not_import_pyyaml() -> None:
    code = (
        "import sys\n"
        "from haikulint.blog.post import read_text\n"
        "found = read_text('---\\ntitle: Old Pond\\ndate: 2024-01-02\\n---\\nbody\\n')\n"
        "assert found.headers == {'title': 'Old Pond', 'date': '2024-01-02'}, found\n"
        "print('yaml' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_tomllib_and_json_are_imported_only_for_their_headers() -> None:
    """A post read with a YAML header needs neither tomllib nor json (5 ms of start-up);
    a TOML header and a JSON header each bring in their own parser, and read right."""
    code = r"""
import sys
from haikulint.blog.post import read_text
read_text("---\ntitle: Old Pond\n---\nbody\n")
print(sorted(name for name in ("tomllib", "tomli", "json") if name in sys.modules))
found = read_text('+++\ntitle = "a \\"b\\""\n+++\nbody\n')
print(found.headers, found.front_matter_error)
found = read_text('{"title": "Old Pond"}\nbody\n')
print(found.headers, found.front_matter_error)
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == [
        "[]",
        "{'title': 'a \"b\"'} None",
        "{'title': 'Old Pond'} None",
    ]


_TOML_KEYS = st.one_of(
    st.sampled_from(["title", "Title", "date", "tags", "a-b", "1a", "_", "2024"]),
    st.text(alphabet=st.sampled_from("aZ_-1.\"' "), min_size=0, max_size=4),
)
_TOML_EQUALS = st.sampled_from([" = ", "=", " =\t", "\t= ", " == "])
_TOML_VALUES = st.one_of(
    st.sampled_from(
        [
            *('"Old Pond"', "'Old Pond'", '""', "''", '"a\\"b"', '"tab\\there"', "'c:\\path'"),
            *('"""multi\nline"""', "'''multi\nline'''", '"""a"""', "''''''", '"unclosed'),
            *("2024-01-02", "2023-02-30", "2023-13-01", "0000-01-01", "2024-01-02T10:00:00"),
            *("2024-01-02 10:00:00", "2024-01-02T10:00:00Z", "1979-05-27T07:32:00-08:00"),
            *("10:00:00", "2024-1-2", "true", "3", "1.5", "inf", "[1, 2]", '["a", "b"]'),
            *('{a = "b"}', "{ x = 2024-01-02 }", '"x" # comment', "2024-01-02 # c"),
            *('"é ☃ \U0001f600"', '"\u2028"', '"\u0085"', '"\u00a0"', '"\x7f"', '"\x01"'),
        ]
    ),
    st.text(alphabet=st.sampled_from("aZ 1-:#\"'\\\t\n[]{}=,.\u00e9\x7f\x1f"), max_size=10).map(
        lambda text: f'"{text}"'
    ),
    st.text(alphabet=st.sampled_from("aZ 1-:#\"'\\\t[]{}\u00e9\x7f"), max_size=10).map(
        lambda text: f"'{text}'"
    ),
    st.tuples(st.integers(0, 9999), st.integers(0, 19), st.integers(0, 39)).map(
        lambda ymd: f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}"
    ),
)
_TOML_LINE = st.one_of(
    st.tuples(st.sampled_from(["", " ", "\t"]), _TOML_KEYS, _TOML_EQUALS, _TOML_VALUES).map(
        "".join
    ),
    st.tuples(_TOML_KEYS, _TOML_EQUALS, _TOML_VALUES, st.sampled_from(["", " ", "\t", " \t"])).map(
        "".join
    ),
    st.sampled_from(
        ["", " ", "\t", "# a comment", "[table]", "[[array]]", "a.b = 1", "x = 1", "\u00a0"]
    ),
)


_NEARLY_PLAIN_TOML_LINE = st.tuples(
    st.text(alphabet=st.sampled_from("atT_-1"), min_size=1, max_size=4),
    st.just(" = "),
    st.one_of(
        st.text(alphabet=st.sampled_from("ab Z:#'\\\u00e9\t\x7f"), max_size=8).map(
            lambda text: f'"{text}"'
        ),
        st.text(alphabet=st.sampled_from('ab Z:#"\\\u00e9\t\x7f'), max_size=8).map(
            lambda text: f"'{text}'"
        ),
        st.dates().map(date.isoformat),
        st.sampled_from(["2024-02-29", "2023-02-29", "2024-04-31", "2024-00-10"]),
    ),
).map("".join)
"""Lines that are often plain pairs, so that the fast path is often taken."""


@settings(max_examples=500)  # a quarter of them take the fast path
@given(_headers(_TOML_LINE, _NEARLY_PLAIN_TOML_LINE))
@example('title = "Old Pond"\ndate = 2024-01-02\n')
@example('title = "Old Pond"\nTitle = "Again"\n')
@example('title = "Old Pond"\ntitle = "Again"\n')
@example("date = 2023-02-30\n")
@example('title = "a\\nb"\n')
@example('title = """a\nb"""\n')
@example("title = 'a'\n\n\ndate = 2024-02-29\n")
@example('title = "T"\n[extra]\nx = "y"\n')
@example('title = "T" # a comment\n')
@example('title = {first = "a"}\n')
@example("date = 2024-01-02T10:00:00\n")
@example("date = 2024-01-02 10:00:00\n")
@example("title = 'a\x7fb'\n")
def test_plain_toml_pairs_read_as_tomllib_reads_them(source: str) -> None:
    _reads_as_the_full_parser(_plain_toml_pairs, _load_toml_fully, source)


def test_the_usual_toml_header_takes_the_short_way() -> None:
    assert _plain_toml_pairs('title = "The Old Server"\ndate = 2024-01-02\n\n', 2) == (
        {"title": "The Old Server", "date": date(2024, 1, 2)},
        {"title": 2, "date": 3},
    )


def test_anything_else_in_toml_goes_to_the_full_parser() -> None:
    for source in [
        'title = "a\\"b"\n',  # an escape
        'title = """a\nb"""\n',
        "tags = ['a', 'b']\n",
        'author = {name = "a"}\n',
        "draft = false\n",
        "weight = 3\n",
        "date = 2024-01-02T10:00:00\n",
        "date = 2023-02-30\n",  # no real date: kept as text by the full way
        'title = "T" # a comment\n',
        '# a comment\ntitle = "T"\n',
        'title = "T"\ntitle = "U"\n',
        'title = "T"\n[extra]\n',
        'a.b = "c"\n',
        '"quoted key" = "c"\n',
        "",
        "\n",
    ]:
        assert _plain_toml_pairs(source, 2) is None, source
    assert _load_toml("date = 2023-02-30\n", 2) == ({"date": "2023-02-30"}, {"date": 2})
    with pytest.raises(FrontMatterError, match="Cannot overwrite a value") as refused:
        _load_toml('title = "T"\ntitle = "U"\n', 2)
    assert refused.value.located.line == 3


def test_toml_front_matter_reads_the_same_either_way() -> None:
    text = '+++\ntitle = "Old Pond"\ndate = 2024-01-02\n+++\nbody\n'
    found = read_front_matter(text)
    assert found is not None
    assert (found.headers, found.header_lines) == (
        {"title": "Old Pond", "date": date(2024, 1, 2)},
        {"title": 2, "date": 3},
    )
