from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haikulint.prosody.tokenize import split_lines, split_words


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            "the prod deploy froze / I parsed the pcap",
            ["the prod deploy froze", "I parsed the pcap"],
        ),
        (
            "the-prod-deploy-froze-/-i-parsed-the-pcap-for-hours-/-the-repo-holds-it-all",
            ["the-prod-deploy-froze", "i-parsed-the-pcap-for-hours", "the-repo-holds-it-all"],
        ),
        ("one line\ntwo line\r\nthree", ["one line", "two line", "three"]),
        ("  -a-b- / / -c-  ", ["a-b", "c"]),
        ("", []),
        ("///", []),
    ],
)
def test_split_lines(text: str, lines: list[str]) -> None:
    assert split_lines(text) == lines


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("the-repo-holds-it-all", ["the", "repo", "holds", "it", "all"]),
        ("don't stop", ["don't", "stop"]),
        ("don’t stop", ["don't", "stop"]),
        ("I Parsed, the PCAP!", ["I", "Parsed", "the", "PCAP"]),
        ("it's 3.5 or 1,000 now", ["it's", "3.5", "or", "1,000", "now"]),
        ("node.js and c++ and c#", ["node.js", "and", "c++", "and", "c#"]),
        ("50% of snake_case", ["50%", "of", "snake", "case"]),
        ("november-4,-2024:-a-mosaic", ["november", "4", "2024", "a", "mosaic"]),
        ("'quoted' words.", ["quoted", "words"]),
        ("front-end back—end", ["front", "end", "back", "end"]),
        ("café e\u0301te\u0301", ["café", "été"]),
        ("...", []),
    ],
)
def test_split_words(line: str, words: list[str]) -> None:
    assert split_words(line) == words


@given(st.text())
def test_any_text_splits_into_clean_lines(text: str) -> None:
    for line in split_lines(text):
        assert line
        assert "/" not in line
        assert "\n" not in line
        assert line == line.strip(" -")


@given(st.text())
def test_any_text_splits_into_nonempty_words(text: str) -> None:
    for word in split_words(text):
        assert word
        assert not any(character.isspace() for character in word)
        assert "/" not in word and "-" not in word
