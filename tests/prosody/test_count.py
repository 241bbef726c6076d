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
        # cmudict, with the readings it lacks from published sources (_CMU_ADDITIONS)
        ("evening", (2, 3), Source.CMUDICT),
        ("everything", (3, 4), Source.CMUDICT),
        ("everywhere", (3, 4), Source.CMUDICT),
        ("library", (2, 3), Source.CMUDICT),
        ("Libraries", (2, 3), Source.CMUDICT),
        # contractions as slugs spell them, and real words they collide with
        ("dont", (1,), Source.CMUDICT),
        ("don’t", (1,), Source.CMUDICT),
        ("youre", (1,), Source.CMUDICT),
        ("isnt", (2,), Source.CMUDICT),
        ("wont", (1,), Source.CMUDICT),
        ("well", (1,), Source.CMUDICT),
        # letters: initialisms in no dictionary
        ("zfx", (3,), Source.SPELLED_GUESS),
        ("qwpx", (6,), Source.SPELLED_GUESS),
        # numbers, also inside words
        ("2024", (5, 6), Source.NUMBER),
        ("404", (3,), Source.NUMBER),  # four oh four
        ("4th", (1,), Source.NUMBER),
        ("10x", (2,), Source.NUMBER),
        ("5k", (2, 3), Source.NUMBER),
        ("v2", (2,), Source.NUMBER),  # vee two
        ("ipv6", (4,), Source.LEXICON),
        ("ipv9", (4,), Source.SPELLED_GUESS),  # i-p-v: in no dictionary
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
        ("next.js", (3, 4)),  # next j-s, next dot j-s (lexicon, audited)
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
    assert counter.line("WHY IS IT DOWN").totals == (4, 5)  # only IT may be I-T
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
        ("strlen", (2, 3)),  # stir-len, string length (lexicon, audited)
        ("mkdocs", (2, 3)),  # make-docs, m-k-docs (lexicon, audited)
        ("fstab", (2, 3)),  # ef-stab, f-s-tab (lexicon, audited)
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
        ("dbs", (2,)),  # dee-bees (lexicon, audited)
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
        ("node.js", (3, 4)),  # node j-s, node dot j-s (lexicon, audited)
    ],
)
def test_dotted_words(counter: SyllableCounter, token: str, readings: tuple[int, ...]) -> None:
    assert counter.word(token).readings == readings


def test_dotted_abbreviations_in_a_line(counter: SyllableCounter) -> None:
    line = counter.line("e.g. the .NET stack at 3 a.m.")
    assert [word.text for word in line.words] == ["e.g", "the", ".NET", "stack", "at", "3", "a.m"]
    assert line.totals == (10,)


@pytest.mark.parametrize(
    ("token", "readings", "parts"),
    [
        ("keystore", (2,), ["keys", "tore"]),
        ("livelock", (2,), ["live", "lock"]),
        ("gameloop", (2,), ["game", "loop"]),
        ("pagefault", (2,), ["page", "fault"]),
        ("taskrunner", (3,), ["task", "runner"]),
        ("TaskRunner", (3,), ["Task", "Runner"]),
    ],
)
def test_compounds_of_two_known_words(
    counter: SyllableCounter, token: str, readings: tuple[int, ...], parts: list[str]
) -> None:
    word = counter.word(token)
    assert word.readings == readings
    # Two known words of four letters or more: counted from its parts, shown split.
    assert word.source is Source.PARTS
    assert [part.text for part in word.parts] == parts


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        ("keystores", (2,)),
        ("hashsum", (2,)),
        ("tabstop", (2,)),
        ("jobqueue", (2,)),
        ("errorlog", (3,)),
    ],
)
def test_compounds_with_a_three_letter_part_stay_estimates(
    counter: SyllableCounter, token: str, readings: tuple[int, ...]
) -> None:
    """CMU lists many three-letter names and abbreviations: such a split is a guess."""
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


@given(st.lists(st.lists(st.integers(0, 9), min_size=1, max_size=3), max_size=8))
def test_line_totals_are_every_sum_of_one_reading_per_word(readings: list[list[int]]) -> None:
    import itertools

    expected = {sum(choice) for choice in itertools.product(*readings)}
    assert line_totals(tuple(sorted(set(counts))) for counts in readings) == tuple(sorted(expected))


def test_words_are_reported_as_written(counter: SyllableCounter) -> None:
    line = counter.line("don’t Café")
    assert [(word.text, word.readings) for word in line.words] == [("don’t", (1,)), ("Café", (2,))]


# --- second audit: abbreviations, prefixes, signs, shouted lines, tails, lexicon ---


@pytest.mark.parametrize(
    ("token", "readings", "source"),
    [
        ("U.S", (2,), Source.LETTERS),  # cmudict's "u.s" is "U's"
        ("u.s", (2,), Source.LETTERS),
        ("U.K", (2,), Source.LETTERS),
        ("e.s", (2,), Source.LETTERS),
        ("ES6", (3,), Source.NUMBER),  # e-s six
        ("ES5", (3,), Source.NUMBER),
        ("es2015", (6, 7), Source.NUMBER),  # e-s twenty fifteen, e-s two thousand fifteen
        ("os2", (3,), Source.NUMBER),
        ("as400", (5,), Source.NUMBER),  # a-s four hundred
        ("go1", (2,), Source.NUMBER),  # the lexicon says "go" as a word
        ("vs2019", (6, 7), Source.NUMBER),
        ("jsonb", (3,), Source.LEXICON),
        ("neovim", (3,), Source.LEXICON),
        ("seq", (1,), Source.LEXICON),  # audited: seek
        ("wsgi", (2, 6), Source.LEXICON),
        ("zsh", (2, 3), Source.LEXICON),  # audited: zee-shell, z-s-h
        ("clang", (1, 2), Source.LEXICON),
        ("psql", (3, 4), Source.LEXICON),
        ("007", (4, 5, 6), Source.NUMBER),  # oh oh seven, double-oh-seven, zero zero seven
        ("+1", (2,), Source.NUMBER),  # plus one
        ("-1", (3,), Source.NUMBER),  # minus one
        ("\u22121", (3,), Source.NUMBER),
        ("+1.5", (4,), Source.NUMBER),
        ("-5k", (4, 5), Source.NUMBER),
    ],
)
def test_readings_of_the_second_audit(
    counter: SyllableCounter, token: str, readings: tuple[int, ...], source: Source
) -> None:
    word = counter.word(token)
    assert (word.readings, word.source) == (readings, source)


@pytest.mark.parametrize(
    ("line", "totals"),
    [
        ("us-east-1", (4,)),  # u-s east one
        ("eu-west-2 is down", (6,)),
        ("us-gov-west-1", (5,)),
        ("us-central1", (5,)),  # Google's: u-s central one
        ("us-east-1a", (5,)),  # a zone: u-s east one a
        ("the-region-is-us-east-1", (8,)),
        ("let us go east", (4,)),  # no number: us is us
        ("us east", (2,)),
        ("+1 from me", (4,)),
        ("a -1 here", (5,)),
        ("1_000_000 users", (5,)),
    ],
)
def test_regions_signs_and_grouped_numbers_in_lines(
    counter: SyllableCounter, line: str, totals: tuple[int, ...]
) -> None:
    assert counter.line(line).totals == totals


def test_a_one_word_input_in_capitals_is_not_shouted(counter: SyllableCounter) -> None:
    assert [line.totals for line in counter.lines("IT")] == [(1, 2)]
    assert [line.totals for line in counter.lines("US")] == [(1, 2)]
    assert counter.line("IT").totals == (1, 2)
    # a one-word line of a poem in capitals is: SPLASH, OLD
    assert [line.totals for line in counter.lines("OLD POND / A FROG / OLD")] == [(2,), (2,), (1,)]


def test_a_line_in_capitals_keeps_what_mixed_case_would_spell(counter: SyllableCounter) -> None:
    assert counter.line("THE IT TEAM").totals == (3, 4)
    assert counter.line("the IT team").totals == (3, 4)
    shouted = {word.text: word.readings for word in counter.line("THE QPS DROPPED").words}
    mixed = {word.text: word.readings for word in counter.line("the QPS dropped").words}
    assert shouted["QPS"] == mixed["QPS"] == (3,)
    assert counter.line("THE QPS DROPPED").totals == counter.line("the QPS dropped").totals
    assert counter.line("WE HIT THE ID LIMIT").totals == (6, 7)
    assert counter.line("I PARSED THE PCAPS").totals == (5,)  # a plural, not p-c-a-p-s
    assert counter.line("OLD POND").totals == (2,)  # dictionary words stay words


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        ("PCAPS", (2,)),  # an all-caps plural of a known word is a plural
        ("GPUS", (3,)),
        ("QPS", (3,)),
        ("ZFS", (3,)),
    ],
)
def test_all_caps_plurals(counter: SyllableCounter, token: str, readings: tuple[int, ...]) -> None:
    assert counter.word(token).readings == readings


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        ("borrowck", (3,)),  # borrow check
        ("eslintrc", (5,)),  # e-s-lint r-c
        ("babelrc", (4,)),
        ("configd", (3,)),
        ("gitopsd", (3,)),
        ("livenessz", (3,)),
        ("chromeos", (3,)),  # chrome o-s
        ("threejs", (3,)),  # three j-s
        ("procfs", (3,)),  # proc f-s
        ("rocksdb", (3,)),
        ("squashfs", (3,)),  # squash f-s: "squ" starts English words
        ("loginctl", (4, 5)),  # login control, login c-t-l
        ("hostnamectl", (4, 5)),  # the head may be a lexicon word
    ],
)
def test_a_known_word_with_a_spelled_tail(
    counter: SyllableCounter, token: str, readings: tuple[int, ...]
) -> None:
    word = counter.word(token)
    assert word.readings == readings
    assert word.source is Source.ESTIMATE  # a guess about the structure: still surfaced


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        (".bashrc", (4,)),  # dot bash r-c
        ("bashrc", (3,)),
        ("vimrc", (3,)),
        (".vimrc", (4,)),
        (".prettierrc", (6,)),
        ("eslintrc", (5,)),
        ("mysqld", (4, 5)),
        ("reactjs", (4,)),
        ("vuejs", (3,)),
        ("expressjs", (4,)),
        ("dockerd", (3,)),
        ("crond", (2,)),
        ("runc", (2,)),
        ("coroutine", (3,)),
        ("coroutines", (3,)),
        ("borrowck", (3,)),
        ("NixOS", (3,)),
        ("uint8", (3,)),
        ("uint64", (5,)),
        ("authz", (2,)),
        ("authn", (2,)),
        ("musl", (2,)),
        ("simd", (2,)),
        ("healthz", (2,)),
        ("readyz", (3,)),
    ],
)
def test_words_of_the_audit_read_right(
    counter: SyllableCounter, token: str, readings: tuple[int, ...]
) -> None:
    assert counter.word(token).readings == readings


@pytest.mark.parametrize(
    "token",
    [
        "bashrc",
        "vimrc",
        "zshrc",
        "mysqld",
        "dockerd",
        "crond",
        "runc",
        "reactjs",
        "vuejs",
        "expressjs",
        "coroutine",
        "nixos",
        "uint8",
        "authz",
        "authn",
        "musl",
        "simd",
        "neovim",
        "jsonb",
        "wsgi",
        "seq",
        # words of the trade that ``check`` warned about (HK105)
        "timestamp",
        "timestamps",
        "filesystem",
        "readme",
        "subprocess",
        "healthcheck",
        "homebrew",
        "Gemfile",
        "Procfile",
        "Rakefile",
        "Justfile",
        "syscall",
        "autoscaling",
        "tailwind",
        "uvicorn",
        "gunicorn",
        "hostname",
        "codegen",
        "subcommand",
        "webserver",
        "dockerfile",
        "makefile",
        "changelog",
        "codebase",
        "frontend",
        "backend",
        "middleware",
        "webhook",
        "websocket",
        "workflow",
        "runtime",
        "dataset",
        "username",
        "localhost",
        "namespace",
        "keyboard",
        "screenshot",
        "sidebar",
        "toolchain",
        "typescript",
        "javascript",
    ],
)
def test_common_words_are_known(counter: SyllableCounter, token: str) -> None:
    assert counter.word(token).known, token


def test_the_common_words_have_their_counts(counter: SyllableCounter) -> None:
    counts = {
        word: counter.word(word).readings
        for word in ("timestamp", "filesystem", "readme", "subprocess", "autoscaling")
    }
    assert counts == {
        "timestamp": (2,),
        "filesystem": (3,),
        "readme": (2,),
        "subprocess": (3,),
        "autoscaling": (4,),
    }


@pytest.mark.parametrize(
    ("line", "totals"),
    [
        ("over an evening garden", (7, 8)),  # Amy Lowell, 1917
        ("morning and evening", (5, 6)),  # Amy Lowell, 1917
        ("overprovision everything", (8, 9)),
        ("the library closed at ten", (6, 7)),
    ],
)
def test_the_added_readings_let_a_line_scan_both_ways(
    counter: SyllableCounter, line: str, totals: tuple[int, ...]
) -> None:
    assert counter.line(line).totals == totals


def test_an_added_reading_is_only_beside_the_dictionarys(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no CMU dictionary, a word is not known from the additions alone."""
    from haikulint.prosody import cmu, count

    monkeypatch.setattr(cmu, "default_lookup", lambda: None)
    assert count._cmu("library") == ()
