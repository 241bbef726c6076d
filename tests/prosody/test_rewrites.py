"""Rewrites of a line that does not count: each one must count, by the same engine."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haikulint.prosody import rewrites
from haikulint.prosody.count import SyllableCounter
from haikulint.prosody.rewrites import (
    MAX_SUGGESTIONS,
    estimate_readings,
    parse_number_words,
    split_count,
    suggest,
    suggestion_text,
)


@cache
def counter() -> SyllableCounter:
    return SyllableCounter()


def texts(line: str, expected: int) -> list[str]:
    return [rewrite.text for rewrite in suggest(line.split(), expected, counter())]


@pytest.mark.parametrize(
    ("line", "expected", "first"),
    [
        ("the repo holds it all", 5, "the repo holds it"),  # seed 000, line 3
        ("and the pager went still", 5, "the pager went still"),  # a leading "and" goes first
        ("we do not roll back the deploy", 7, "we don't roll back the deploy"),
        ("it ran in dark", 5, "it ran in the dark"),  # "the" after a preposition
        ("they left us", 4, "they left us all"),
        ("we waited until dawn", 5, "we waited till dawn"),
        ("back in two thousand twenty four", 7, "back in 2024"),
        ("the box burned down fast", 6, "the boxes burned down fast"),
    ],
)
def test_the_first_suggestion(line: str, expected: int, first: str) -> None:
    assert texts(line, expected)[0] == first


def test_every_suggestion_counts_as_a_slug_line() -> None:
    for rewrite in suggest(["the", "service", "mesh", "confused", "us", "all"], 7, counter()):
        assert counter().line(rewrite.slug).fits(7)
        assert rewrite.edits == 1


def test_a_contraction_is_shown_with_its_apostrophe_and_counted_without() -> None:
    (rewrite, *_) = suggest(["we", "do", "not", "roll", "back", "the", "deploy"], 7, counter())
    assert rewrite.text == "we don't roll back the deploy"
    assert rewrite.slug == "we-dont-roll-back-the-deploy"
    assert rewrite.shown() == '"we don\'t roll back the deploy" (7)'


def test_no_suggestion_for_a_line_that_fits_or_is_far_off() -> None:
    assert texts("the repo holds it", 5) == []
    assert texts("the cat", 5) == []  # three too few: no sound edit gets there


def test_ambiguous_slug_words_are_not_expanded() -> None:
    # "were" is also "we're", "ill" "I'll", "its" "it's": the slug cannot tell which.
    assert all("we are" not in text for text in texts("were done at last now ok", 6))
    assert all("i will" not in text for text in texts("ill be there soon", 5))
    assert all("it is" not in text for text in texts("its log was full", 5))


def test_words_only_estimated_are_never_brought_in() -> None:
    for line, expected in [("the box fell", 4), ("the cron job ran", 5)]:
        for rewrite in suggest(line.split(), expected, counter()):
            assert all(word.known for word in rewrite.reading.words)


def test_two_edits_only_when_one_is_not_enough() -> None:
    found = suggest(["and", "the", "repo", "holds", "it", "all"], 5, counter())
    assert found and all(rewrite.edits == 2 for rewrite in found)
    assert all(counter().line(rewrite.slug).fits(5) for rewrite in found)


def test_the_two_edit_search_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    """At most _MAX_CANDIDATES pairs of edits are counted: suggestions stay cheap."""
    line = ["and", "the", "repo", "holds", "it", "all"]  # needs two edits (test above)
    real = counter()
    counted: list[str] = []

    class Counting:
        def line(self, slug: str) -> object:
            counted.append(slug)
            return real.line(slug)

    singles = len(list(rewrites._edits(tuple(line))))
    for cap in (0, 5):
        counted.clear()
        monkeypatch.setattr(rewrites, "_MAX_CANDIDATES", cap)
        found = rewrites.suggest(line, 5, Counting())  # type: ignore[arg-type]
        assert len(counted) <= 1 + singles + cap  # the line, each single edit, each pair
        assert len(counted) > 1 + singles or cap == 0
    assert found == [] or all(rewrite.edits == 2 for rewrite in found)
    monkeypatch.setattr(rewrites, "_MAX_CANDIDATES", 0)
    assert rewrites.suggest(line, 5, real) == []


def test_suggestion_text() -> None:
    assert suggestion_text([]) == ""
    found = suggest(["the", "repo", "holds", "it", "all"], 5, counter())
    assert suggestion_text(found) == (
        'try "the repo holds it" (5), "the repo holds all" (5) or "repo holds it all" (5)'
    )


def test_split_count_finds_the_haiku_in_a_one_line_name() -> None:
    words = [
        "the",
        "prod",
        "deploy",
        "froze",
        "i",
        "parsed",
        "the",
        "pcap",
        "for",
        "hours",
        "the",
        "repo",
        "held",
        "it",
    ]
    assert split_count(words, (5, 7, 5), counter()) == [
        ("the", "prod", "deploy", "froze"),
        ("i", "parsed", "the", "pcap", "for", "hours"),
        ("the", "repo", "held", "it"),
    ]
    assert (
        split_count(["reflections", "on", "a", "turbulent", "month"], (5, 7, 5), counter()) is None
    )


LINE_WORDS = st.sampled_from(
    [
        "the",
        "a",
        "it",
        "all",
        "and",
        "we",
        "do",
        "not",
        "did",
        "is",
        "are",
        "i",
        "am",
        "logs",
        "box",
        "boxes",
        "until",
        "till",
        "into",
        "dark",
        "server",
        "repo",
        "repository",
        "database",
        "in",
        "on",
        "at",
        "ran",
        "deploy",
        "fast",
        "twenty",
        "four",
        "two",
        "thousand",
        "us",
        "them",
        "still",
        "just",
        "pager",
        "went",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(LINE_WORDS, min_size=1, max_size=9), st.integers(min_value=1, max_value=9))
def test_whatever_the_line_every_suggestion_fits_and_there_are_at_most_three(
    words: list[str], expected: int
) -> None:
    found = suggest(words, expected, counter())
    assert len(found) <= MAX_SUGGESTIONS
    assert len({rewrite.slug for rewrite in found}) == len(found)
    for rewrite in found:
        assert counter().line(rewrite.slug).fits(expected)
        assert rewrite.slug != "-".join(words)


# An independent speller for the number parser (written for the test, not taken from it).
ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
]
ONES += ["fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(number: int) -> list[str]:
    if number < 20:
        return [ONES[number]]
    if number < 100:
        return [TENS[number // 10]] + ([ONES[number % 10]] if number % 10 else [])
    if number < 1000:
        rest = number % 100
        return [ONES[number // 100], "hundred"] + (spell(rest) if rest else [])
    rest = number % 1000
    return [*spell(number // 1000), "thousand"] + (spell(rest) if rest else [])


@given(st.integers(min_value=0, max_value=9999))
def test_a_number_said_in_full_parses_back(number: int) -> None:
    assert parse_number_words(spell(number)) == number


@given(st.integers(min_value=10, max_value=99), st.integers(min_value=10, max_value=99))
def test_a_year_said_in_pairs_parses_back(high: int, low: int) -> None:
    assert parse_number_words(spell(high) + spell(low)) == high * 100 + low


@pytest.mark.parametrize(
    "words",
    [
        ["four", "four"],
        ["hundred"],
        ["thousand", "two"],
        ["eleven", "five"],
        ["one", "hundred", "hundred"],
        [],
    ],
)
def test_words_that_are_not_one_number(words: list[str]) -> None:
    assert parse_number_words(words) is None


def test_an_estimated_word_gets_the_count_that_would_fit() -> None:
    reading = counter().line("the-chat-bot-glorp")
    assert [word.known for word in reading.words] == [True, True, True, False]
    assert estimate_readings(reading, 5) == [("glorp", 2)]
    assert estimate_readings(reading, 4) == []  # it fits already
    assert estimate_readings(counter().line("the-repo-holds-it-all"), 5) == []  # all known
