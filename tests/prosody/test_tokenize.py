from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haikulint.prosody.tokenize import is_slug, split_lines, split_text_lines, split_words


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
        assert line == line.strip(" -") or (line.startswith("-") and line[1:2].isdigit())  # -1


@given(st.text())
def test_any_text_splits_into_nonempty_words(text: str) -> None:
    for word in split_words(text):
        assert word
        assert not any(character.isspace() for character in word)
        assert "/" not in word and "-" not in word[1:]  # only a sign: ``-1``


@given(st.text())
def test_text_lines_keep_only_slashes_between_words(text: str) -> None:
    lines = split_text_lines(text)
    for line in lines:
        assert line and "\n" not in line
        assert line == line.strip(" -") or (line.startswith("-") and line[1:2].isdigit())  # -1
        assert " / " not in line and "-/-" not in line
    if "\n" not in text and is_slug(text.strip()):  # a slug: every / splits
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


# --- second audit: a single token with a slash is one line; signs; underscores ---


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("CI/CD", ["CI/CD"]),
        ("24/7", ["24/7"]),
        ("HTTP/2", ["HTTP/2"]),
        ("tcp/ip", ["tcp/ip"]),
        ("and/or", ["and/or"]),
        ("old-pond/splash", ["old-pond/splash"]),  # one hyphenated part: a compound
        # slugs: a joiner next to a slash, or several hyphenated parts
        ("a-b-/-c-d", ["a-b", "c-d"]),
        ("a_/_b", ["a", "b"]),
        ("a-/b", ["a", "b"]),
        ("a-b/c-d", ["a-b", "c-d"]),
        ("a-b/c/d-e", ["a-b", "c", "d-e"]),
        ("the-cron-job/CI/CD-broke", ["the-cron-job", "CI", "CD-broke"]),
        ("CI/CD\na-b/c-d", ["CI/CD", "a-b", "c-d"]),  # each line of input decides
    ],
)
def test_a_single_token_with_a_slash_is_not_a_slug(text: str, lines: list[str]) -> None:
    assert split_text_lines(text) == lines


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("CI/CD", False),
        ("24/7", False),
        ("a/b/c", False),
        ("/etc/hosts", False),
        ("a-b", False),  # no slash: nothing to split
        ("a b-/-c", False),  # white space: free text
        ("a-b-/-c-d", True),
        ("a_/_b", True),
        ("a/-b", True),
        ("a\u2013/\u2013b", True),  # dashes typed for hyphens
        ("a-b/c-d", True),
        ("a_b/c_d", True),
    ],
)
def test_is_slug(text: str, slug: bool) -> None:
    assert is_slug(text) is slug


_SLUG_WORD = st.text(alphabet="abcxyz019", min_size=1, max_size=6)
_SLUG_LINE = st.lists(_SLUG_WORD, min_size=1, max_size=5).map("-".join)


@given(st.lists(_SLUG_LINE, min_size=2, max_size=5))
def test_slugs_joined_with_dash_slash_dash_split_as_split_lines_does(lines: list[str]) -> None:
    slug = "-/-".join(lines)
    assert is_slug(slug)
    assert split_text_lines(slug) == split_lines(slug) == lines


@given(st.lists(st.lists(_SLUG_WORD, min_size=2, max_size=5).map("-".join), min_size=2))
def test_hyphenated_lines_joined_with_a_bare_slash_split_too(lines: list[str]) -> None:
    slug = "/".join(lines)
    assert split_text_lines(slug) == split_lines(slug) == lines


@given(_SLUG_WORD, _SLUG_WORD)
def test_a_token_with_one_bare_slash_is_one_line(left: str, right: str) -> None:
    assert split_text_lines(f"{left}/{right}") == [f"{left}/{right}"]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("+1 and -1", ["+1", "and", "-1"]),
        ("(-2) \u22123 '+4'", ["-2", "\u22123", "+4"]),
        ("us-east-1", ["us", "east", "1"]),  # a joiner, not a sign
        ("1-2 a-1 4,-5 x=-1", ["1", "2", "a", "1", "4", "5", "x", "1"]),
        ("c++1 -x", ["c++", "1", "x"]),
        ("1_000_000 users", ["1_000_000", "users"]),
        ("10_000 and 1_000.5", ["10_000", "and", "1_000.5"]),
        ("x86_64 1_0 12_34", ["x86", "64", "1", "0", "12", "34"]),  # not thousands
        ("snake_case_1", ["snake", "case", "1"]),
    ],
)
def test_signs_and_underscored_thousands(line: str, words: list[str]) -> None:
    assert split_words(line) == words


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("-1 / +1", ["-1", "+1"]),
        ("a / -1 b", ["a", "-1 b"]),
        ("a-/-1-b", ["a", "1-b"]),  # a joiner after the slash: no sign
        ("a\n-1", ["a", "-1"]),
        ("- -1", ["-1"]),
    ],
)
def test_lines_keep_a_leading_sign(text: str, lines: list[str]) -> None:
    assert split_text_lines(text) == lines


@given(st.text(alphabet=st.sampled_from("ab1 /-\n+_\u2212(,.0$%#&@\u2018'\t\u2013"), max_size=30))
def test_text_lines_lose_no_words_with_signs_dots_and_underscores(text: str) -> None:
    in_lines = [word for line in split_text_lines(text) for word in split_words(line)]
    assert in_lines == split_words(text)
    in_lines = [word for line in split_lines(text) for word in split_words(line)]
    assert in_lines == split_words(text)  # every slash splits words anyway


_NEAR_PLAIN = st.text(alphabet=st.sampled_from("aZ -'_.1&+\u2019\u00e9\u2013\t"), max_size=30)


@given(st.one_of(st.text(alphabet=st.sampled_from("abXY -"), max_size=40), _NEAR_PLAIN))
def test_the_plain_line_shortcut_splits_as_the_full_pattern_does(line: str) -> None:
    """Lines of ASCII letters, spaces and hyphens skip the word pattern: same words."""
    from haikulint.prosody.tokenize import _split_words

    assert split_words(line) == _split_words(line)


@given(st.one_of(st.text(alphabet=st.sampled_from("us eat-1ampm:/"), max_size=30), st.text()))
def test_no_region_code_or_time_of_day_without_a_digit(line: str) -> None:
    """The counter skips looking for ``us-east-1`` and ``3 am`` in an ASCII line without
    a digit: there is none to find there."""
    from haikulint.prosody.count import _ASCII_WITHOUT_DIGITS, _region_codes, _times_of_day

    tokens = split_words(line)
    if _ASCII_WITHOUT_DIGITS.fullmatch(line):
        assert _region_codes(tokens) == [] and _times_of_day(tokens) == []


_NEAR_POEM = st.text(alphabet=st.sampled_from("aZ /-\n\t_1'.\u00e9"), max_size=30)


@given(st.one_of(st.text(alphabet=st.sampled_from("ab /"), max_size=30), _NEAR_POEM))
def test_the_plain_poem_shortcut_splits_as_the_full_way_does(text: str) -> None:
    """A one-line haiku in ASCII letters skips the line patterns: same lines."""
    from haikulint.prosody.tokenize import _split_text_lines

    assert split_text_lines(text) == _split_text_lines(text)
