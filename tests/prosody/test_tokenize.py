from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haikulint.prosody.tokenize import split_lines, split_text_lines, split_words


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
        ("don’t stop", ["don’t", "stop"]),  # as written
        ("I Parsed, the PCAP!", ["I", "Parsed", "the", "PCAP"]),
        ("it's 3.5 or 1,000 now", ["it's", "3.5", "or", "1,000", "now"]),
        ("node.js and c++ and c#", ["node.js", "and", "c++", "and", "c#"]),
        ("50% of snake_case", ["50%", "of", "snake", "case"]),
        ("november-4,-2024:-a-mosaic", ["november", "4", "2024", "a", "mosaic"]),
        ("'quoted' words.", ["quoted", "words"]),
        ("front-end back—end", ["front", "end", "back", "end"]),
        ("café e\u0301te\u0301", ["café", "été"]),
        ("...", []),
        ("1,5 and 1,2,3 or 1,000,000", ["1", "5", "and", "1", "2", "3", "or", "1,000,000"]),
        ("1234,567 and 1,000.5", ["1234", "567", "and", "1,000.5"]),
        ("$10 10€ £5 ¥3 $HOME", ["$10", "10€", "£5", "¥3", "HOME"]),
        (".NET and .5 of (.net) ...so", [".NET", "and", ".5", "of", ".net", "so"]),
        ("e.g. Ph.D. U.S.A.", ["e.g", "Ph.D", "U.S.A"]),
        ("24/7 tcp/ip", ["24", "7", "tcp", "ip"]),
    ],
)
def test_split_words(line: str, words: list[str]) -> None:
    assert split_words(line) == words


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            "the pager rang out / I was on call 24/7 / the coffee ran cold",
            ["the pager rang out", "I was on call 24/7", "the coffee ran cold"],
        ),
        ("tcp/ip and/or HTTP/2 at 1/2", ["tcp/ip and/or HTTP/2 at 1/2"]),
        ("a b -/- c d", ["a b", "c d"]),
        ("a b //c d/ e", ["a b //c d/ e"]),  # no slash stands apart
        ("one / two\nthree/four five", ["one", "two", "three/four five"]),
        # slugs split on every slash, as before
        ("a-b-/-c-d", ["a-b", "c-d"]),
        (
            "the-cron-job-ran-twice/a-null-pointer-in-the-logs",
            ["the-cron-job-ran-twice", "a-null-pointer-in-the-logs"],
        ),
        ("24/7", ["24", "7"]),
        ("  -a-b- / / -c-  ", ["a-b", "c"]),
        ("", []),
        ("///", []),
    ],
)
def test_split_text_lines(text: str, lines: list[str]) -> None:
    assert split_text_lines(text) == lines


def test_split_lines_still_splits_on_every_slash() -> None:
    assert split_lines("on call 24/7 / now") == ["on call 24", "7", "now"]


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


@given(st.text())
def test_text_lines_keep_only_slashes_between_words(text: str) -> None:
    lines = split_text_lines(text)
    for line in lines:
        assert line and "\n" not in line
        assert line == line.strip(" -")
        assert " / " not in line and "-/-" not in line
        assert not line.startswith("/") or any(character.isspace() for character in line)
    if not any(character.isspace() for character in text):  # a slug: every / splits
        assert lines == split_lines(text)


@given(st.text(alphabet=st.sampled_from("ab1 /-\n"), max_size=30))
def test_text_lines_lose_no_words(text: str) -> None:
    in_lines = [word for line in split_text_lines(text) for word in split_words(line)]
    assert in_lines == split_words(text)


@given(st.text())
def test_words_are_slices_of_the_text_as_written(text: str) -> None:
    written = unicodedata.normalize("NFC", text)
    position = 0
    for word in split_words(text):
        found = written.find(word, position)
        assert found >= 0
        position = found + len(word)
