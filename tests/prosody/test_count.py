from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haikulint.prosody.count import SyllableCounter, line_totals
from haikulint.prosody.readings import Source


@pytest.fixture(scope="module")
def counter() -> SyllableCounter:
    return SyllableCounter()


@pytest.mark.parametrize(
    ("token", "readings", "source"),
    [
        # lexicon: software words, with the readings people really differ on
        ("kubectl", (3, 4), Source.LEXICON),
        ("sql", (2, 3), Source.LEXICON),
        ("nginx", (3,), Source.LEXICON),
        ("JSON", (2,), Source.LEXICON),
        ("pcap", (2,), Source.LEXICON),
        ("aws", (5,), Source.LEXICON),
        # cmudict: every variant
        ("hours", (1, 2), Source.CMUDICT),
        ("every", (2, 3), Source.CMUDICT),
        ("froze", (1,), Source.CMUDICT),
        ("Café", (2,), Source.CMUDICT),
        # contractions as slugs spell them, and real words they collide with
        ("dont", (1,), Source.CMUDICT),
        ("don’t", (1,), Source.CMUDICT),
        ("youre", (1,), Source.CMUDICT),
        ("isnt", (2,), Source.CMUDICT),
        ("wont", (1,), Source.CMUDICT),
        ("well", (1,), Source.CMUDICT),
        # letters: initialisms in no dictionary
        ("zfx", (3,), Source.LETTERS),
        ("qwpx", (6,), Source.LETTERS),
        # numbers, also inside words
        ("2024", (5, 6), Source.NUMBER),
        ("404", (3, 4), Source.NUMBER),
        ("4th", (1,), Source.NUMBER),
        ("10x", (2,), Source.NUMBER),
        ("5k", (2, 3), Source.NUMBER),
        ("v2", (2, 3), Source.NUMBER),
        ("ipv6", (4,), Source.LEXICON),
        ("ipv9", (4,), Source.NUMBER),
        ("3am", (3,), Source.NUMBER),
    ],
)
def test_word_sources(
    counter: SyllableCounter, token: str, readings: tuple[int, ...], source: Source
) -> None:
    word = counter.word(token)
    assert (word.text, word.readings, word.source) == (token, readings, source)


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        ("pcaps", (2,)),  # lexicon stem, plural
        ("gpus", (3,)),  # initialism plural: no extra syllable
        ("kubectl's", (3, 4)),
        ("aws's", (6,)),  # ess-es
        ("grepping", (2,)),
        ("rebased", (2,)),
        ("configs", (2,)),
        ("config.yaml", (5,)),  # config dot yaml
        ("next.js", (3,)),
    ],
)
def test_inflections_and_compounds(
    counter: SyllableCounter, token: str, readings: tuple[int, ...]
) -> None:
    assert counter.word(token).readings == readings


def test_all_caps_words_may_be_spelled_out(counter: SyllableCounter) -> None:
    assert counter.word("IT").readings == (1, 2)
    assert counter.word("US").readings == (1, 2)
    assert counter.word("LLM").readings == (3,)
    assert counter.word("it").readings == (1,)


def test_unknown_words_are_estimated_and_flagged(counter: SyllableCounter) -> None:
    word = counter.word("zorblaxian")
    assert word.source is Source.ESTIMATE
    assert not word.known
    assert word.readings and min(word.readings) >= 1


def test_user_words_override_everything() -> None:
    counter = SyllableCounter({"kubectl": (3,), "Hours": (2,), "zorblax": (2,)})
    assert counter.word("kubectl").readings == (3,)
    assert counter.word("hours").source is Source.USER
    assert counter.word("hours").readings == (2,)
    assert counter.word("Zorblax").source is Source.USER


def test_line_totals_are_every_sum() -> None:
    assert line_totals([(1,), (1, 2), (2, 3)]) == (4, 5, 6)
    assert line_totals([]) == (0,)


def test_done_when_haiku(counter: SyllableCounter) -> None:
    lines = counter.lines(
        "the prod deploy froze / I parsed the pcap for hours / the repo holds it all"
    )
    assert [line.totals for line in lines] == [(5,), (7, 8), (6,)]
    assert [line.fits(count) for line, count in zip(lines, (5, 7, 5), strict=True)] == [
        True,
        True,
        False,
    ]


def test_slug_and_text_count_the_same(counter: SyllableCounter) -> None:
    slug = counter.lines(
        "the-deploy-pipeline-/-the-service-mesh-confused-us-all-/-i-strace-the-memory"
    )
    text = counter.lines(
        "the deploy pipeline / the service mesh confused us all / I strace the memory"
    )
    assert [line.totals for line in slug] == [line.totals for line in text]
    assert [line.totals for line in slug][:2] == [(5,), (8,)]


def test_words_are_cached(counter: SyllableCounter) -> None:
    assert counter.word("deploy") is counter.word("deploy")


@settings(max_examples=300)
@given(st.text())
def test_any_text_counts(text: str) -> None:
    counter = SyllableCounter()
    for line in counter.lines(text):
        assert line.totals
        for word in line.words:
            assert word.readings
            assert all(count >= 1 for count in word.readings)
            assert list(word.readings) == sorted(set(word.readings))


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=40))
def test_any_ascii_word_counts(text: str) -> None:
    counter = SyllableCounter()
    for line in counter.lines(text):
        for word in line.words:
            assert word.readings and min(word.readings) >= 1
