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


# --- issue 2 audit: capitals, letters, plurals, dots, compounds, money, totals ---


def test_a_line_in_capitals_spells_out_no_dictionary_word(counter: SyllableCounter) -> None:
    lines = counter.lines("OLD POND / A FROG JUMPS / SPLASH")
    assert [line.totals for line in lines] == [(2,), (3,), (1,)]
    assert [word.text for word in lines[0].words] == ["OLD", "POND"]  # kept as written
    assert counter.line("WHY IS IT DOWN").totals == (4,)
    assert counter.line("THE LLM ON AWS").totals == (10,)  # no dictionary word: spelled


def test_mixed_case_spells_only_short_all_caps_dictionary_words(
    counter: SyllableCounter,
) -> None:
    words = {word.text: word.readings for word in counter.line("the POND froze and IT broke").words}
    assert words["POND"] == (1,)
    assert words["IT"] == (1, 2)
    assert counter.word("FROZE").readings == (1,)
    assert counter.word("OLD").readings == (1, 3)  # three letters: may be an initialism
    assert counter.word("JSON").readings == (2,)  # the lexicon knows it


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        ("pgvector", (4,)),  # p-g vector
        ("pgbouncer", (4,)),
        ("pgadmin", (4,)),
        ("tsconfig", (4,)),
        ("jsconfig", (4,)),
        ("tslint", (3,)),
        ("gcloud", (2,)),
        ("strlen", (2,)),
        ("mkdocs", (3,)),
        ("fstab", (3,)),
        ("ldap", (2,)),
        ("hmac", (2,)),
        ("var", (1,)),
        ("mut", (1,)),
        ("nim", (1,)),
        ("buf", (1,)),
        ("arg", (1,)),
        ("args", (1,)),
        ("argv", (2,)),
        ("xargs", (2,)),
        ("zfx", (3,)),  # still spelled: no word after the cluster
        ("pgbouncers", (4,)),  # the plural of the cluster-and-word reading
    ],
)
def test_only_the_unpronounceable_start_is_spelled(
    counter: SyllableCounter, token: str, readings: tuple[int, ...]
) -> None:
    assert counter.word(token).readings == readings


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        ("zfs", (3,)),  # zee-eff-ess: FS is file system, not a plural
        ("nfs", (3,)),
        ("xfs", (3,)),
        ("kms", (3,)),  # kay-em-ess: key management service
        ("ntfs", (4,)),
        ("hdfs", (4,)),
        ("dkms", (4,)),
        ("mdns", (4,)),
        ("sms", (3,)),
        ("dbs", (2, 3)),  # dee-bees, or d-b-s
        ("pvs", (2, 3)),
        ("gpus", (3,)),  # a lexicon initialism's plural stays a plural
        ("vms", (2,)),
    ],
)
def test_a_final_s_after_a_spelled_initialism_may_be_a_letter(
    counter: SyllableCounter, token: str, readings: tuple[int, ...]
) -> None:
    word = counter.word(token)
    assert word.readings == readings
    assert len(token) in readings or word.source is Source.LEXICON


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        ("e.g", (2,)),
        ("i.e", (2,)),
        ("U.S.A", (3,)),
        ("a.m", (2,)),
        ("Ph.D", (3,)),
        (".NET", (2,)),  # dot net
        (".5", (2,)),  # point five
        (".gitignore", (4,)),  # dot git ignore
        ("x.ai", (4,)),  # x dot a-i: not an abbreviation
        ("node.js", (3,)),  # node j-s
    ],
)
def test_dotted_words(counter: SyllableCounter, token: str, readings: tuple[int, ...]) -> None:
    assert counter.word(token).readings == readings


def test_dotted_abbreviations_in_a_line(counter: SyllableCounter) -> None:
    line = counter.line("e.g. the .NET stack at 3 a.m.")
    assert [word.text for word in line.words] == ["e.g", "the", ".NET", "stack", "at", "3", "a.m"]
    assert line.totals == (10,)


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        ("codegen", (2,)),
        ("timestamp", (2,)),
        ("timestamps", (2,)),
        ("hostname", (2,)),
        ("pathname", (2,)),
        ("keystore", (2,)),
        ("stacktrace", (2,)),
        ("traceback", (2,)),
        ("livelock", (2,)),
        ("typecheck", (2,)),
        ("filesystem", (3,)),
        ("fileserver", (3,)),
        ("datastore", (3,)),  # not dat + astore
        ("dataframe", (3,)),
    ],
)
def test_compounds_of_two_known_words(
    counter: SyllableCounter, token: str, readings: tuple[int, ...]
) -> None:
    word = counter.word(token)
    assert word.readings == readings
    assert word.source is Source.ESTIMATE  # in no dictionary: still surfaced


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        ("tokenize", (3,)),
        ("tokenizer", (4,)),
        ("tokenizes", (4,)),
        ("dockerize", (3,)),
        ("dockerized", (3,)),
        ("dockerizing", (4,)),
        ("containerized", (4,)),
        ("memoised", (3,)),
    ],
)
def test_ize_verbs_of_known_stems(
    counter: SyllableCounter, token: str, readings: tuple[int, ...]
) -> None:
    word = counter.word(token)
    assert word.readings == readings
    assert word.known


def test_digits_joined_by_commas_are_said_one_by_one(counter: SyllableCounter) -> None:
    assert counter.line("1,5").totals == (2,)  # one five
    assert counter.line("1,2,3").totals == (3,)
    assert counter.line("1,000").totals == (3,)  # one thousand


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        ("$10", (3,)),  # ten dollars
        ("€10", (3,)),  # ten euros
        ("10€", (3,)),
        ("£10", (2,)),  # ten pounds
        ("$1,000", (5,)),
        ("$5k", (4, 5)),
        ("$1.50", (3, 5)),  # one fifty, one dollar fifty
        ("$0.50", (3,)),  # fifty cents
        ("$5.00", (3,)),
    ],
)
def test_money(counter: SyllableCounter, token: str, readings: tuple[int, ...]) -> None:
    word = counter.word(token)
    assert (word.readings, word.source) == (readings, Source.NUMBER)


def test_a_long_line_is_counted_in_linear_time(counter: SyllableCounter) -> None:
    import time

    started = time.perf_counter()
    line = counter.line(" ".join(["hours"] * 20_000))
    assert time.perf_counter() - started < 1.0  # a set of totals took ~15 s here
    assert line.totals == tuple(range(20_000, 40_001))


@given(st.lists(st.lists(st.integers(1, 9), min_size=1, max_size=3), max_size=8))
def test_line_totals_are_every_sum_of_one_reading_per_word(readings: list[list[int]]) -> None:
    import itertools

    expected = {sum(choice) for choice in itertools.product(*readings)}
    assert line_totals(tuple(sorted(set(counts))) for counts in readings) == tuple(sorted(expected))


def test_words_are_reported_as_written(counter: SyllableCounter) -> None:
    line = counter.line("don’t Café")
    assert [(word.text, word.readings) for word in line.words] == [("don’t", (1,)), ("Café", (2,))]
