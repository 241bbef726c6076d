"""The classes of error of issue 11 (syllables, round two), one group of tests each.

Class 2 (short readings from phonemes) is tested in test_phonology.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haikulint.prosody import lexicon, spoken
from haikulint.prosody.breaks import syllable_breaks, word_breaks
from haikulint.prosody.count import SyllableCounter
from haikulint.prosody.readings import Source
from tests.conftest import WriteBlog, check_json, run_cli

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def counter() -> SyllableCounter:
    return SyllableCounter()


# 1. Lexicon entries audited against the blind counters' accepted sets.


def _gold_words() -> dict[str, frozenset[int]]:
    gold: dict[str, frozenset[int]] = {}
    for raw in (HERE / "gold_words.tsv").read_text(encoding="utf-8").splitlines():
        if "\t" in raw:
            text, _a, _b, accepted, *_ = raw.split("\t")
            gold[text.lower()] = frozenset(int(count) for count in accepted.split(","))
    return gold


def test_every_lexicon_entry_is_the_accepted_set_of_the_blind_counts() -> None:
    gold = _gold_words()
    wrong = {
        word: counts
        for word, counts in lexicon.read_lexicon(lexicon.LEXICON_FILE).items()
        if frozenset(counts) != gold.get(word, frozenset(counts))
    }
    assert wrong == {}
    assert all(word in gold for word in lexicon.read_lexicon(lexicon.LEXICON_FILE))


@pytest.mark.parametrize(
    ("line", "totals"),
    [("TypeScript", (2,)), ("the TypeScript build is red", (6,)), ("salesforce", (2,))],
)
def test_audited_entries(counter: SyllableCounter, line: str, totals: tuple[int, ...]) -> None:
    assert counter.line(line).totals == totals


def test_the_audit_is_written_down() -> None:
    audit = (HERE / "LEXICON_AUDIT.md").read_text(encoding="utf-8")
    assert "| `typescript` | 3 | 2 |" in audit


# 3. Prefixes, SI prefixes and compounds counted from known parts.


@pytest.mark.parametrize(
    ("word", "readings", "parts", "breaks"),
    [
        ("unmerge", (2,), ["un", "merge"], "un-merge"),
        ("precompute", (3,), ["pre", "compute"], "pre-com-pute"),
        ("multicloud", (3,), ["multi", "cloud"], "mul-ti-cloud"),
        ("petabytes", (3,), ["peta", "bytes"], "pe-ta-bytes"),
        ("gigahertz", (3,), ["giga", "hertz"], "gi-ga-hertz"),
        ("yottabyte", (3,), ["yotta", "byte"], "yot-ta-byte"),
        ("underutilized", (5,), None, None),  # in the CMU dictionary itself
        ("Unmerge", (2,), ["Un", "merge"], "Un-merge"),  # as written
        ("pagefault", (2,), ["page", "fault"], "page-fault"),  # a compound
    ],
)
def test_words_counted_from_their_parts(
    counter: SyllableCounter,
    word: str,
    readings: tuple[int, ...],
    parts: list[str] | None,
    breaks: str | None,
) -> None:
    reading = counter.word(word)
    assert reading.readings == readings
    if parts is None:
        return
    assert reading.source is Source.PARTS and reading.known
    assert [part.text for part in reading.parts] == parts
    assert word_breaks(reading) == breaks


@pytest.mark.parametrize(
    ("word", "readings", "parts", "breaks"),
    [
        ("dockerless", (3,), ["docker", "less"], "dock-er-less"),
        ("configurable", (5,), ["configur", "able"], "con-fig-ur-a-ble"),  # e dropped
        ("statefulness", (3,), ["state", "ful", "ness"], "state-ful-ness"),
        ("transparence", (3,), [], None),  # said as transparent
        ("dockerization", (5,), [], None),  # docker + i-za-tion
    ],
)
def test_words_counted_from_a_known_stem_and_a_suffix(
    counter: SyllableCounter,
    word: str,
    readings: tuple[int, ...],
    parts: list[str],
    breaks: str | None,
) -> None:
    reading = counter.word(word)
    assert reading.readings == readings and reading.known
    assert [part.text for part in reading.parts] == parts
    if breaks is not None:
        assert word_breaks(reading) == breaks


def test_a_prefix_before_an_unknown_rest_is_no_split(counter: SyllableCounter) -> None:
    assert counter.word("unzorbly").source is Source.ESTIMATE


def test_parts_are_shown_in_json(in_tmp: Path) -> None:
    code, out, _ = run_cli("syllables", "--format", "json", "petabytes")
    assert code == 0
    (word,) = json.loads(out)["lines"][0]["words"]
    assert word == {
        "text": "petabytes",
        "readings": [3],
        "source": "parts",
        "parts": ["peta", "bytes"],
    }


# 4. Possessives and plurals of unknown names: the stem, then the English rule.


@pytest.mark.parametrize(
    ("word", "readings"),
    [
        ("max's", (2,)),  # after a hiss: +1
        ("alice's", (3,)),
        ("george's", (2,)),
        ("bob's", (1,)),
        ("kubernetes's", (5,)),
        ("maxs", (2,)),  # a slug drops the apostrophe
        ("linuss", (3,)),  # linus's
        ("nginxes", (4,)),  # a lexicon word + es
    ],
)
def test_possessives_and_plurals(
    counter: SyllableCounter, word: str, readings: tuple[int, ...]
) -> None:
    assert counter.word(word).readings == readings


def test_a_possessive_of_an_unknown_name_counts_its_stem(counter: SyllableCounter) -> None:
    stem = counter.word("zorbatrix")
    owner = counter.word("zorbatrix's")
    assert owner.readings == tuple(count + 1 for count in stem.readings)  # x: +1
    assert counter.word("zorbana's").readings == counter.word("zorbana").readings
    assert owner.source is Source.ESTIMATE  # still a guess, still surfaced


# 5. Symbols read aloud.


@pytest.mark.parametrize(
    ("line", "totals"),
    [
        ("rock & roll", (3,)),
        ("rock-&-roll", (3,)),
        ("Q&A", (3,)),
        ("R&D", (3,)),
        ("AT&T", (4,)),
        ("m&m's", (3,)),
        ("a&w", (5,)),  # double-u
        ("C++", (3,)),
        ("2+2", (3,)),
        ("a + b", (3,)),
        ("50 %", (4,)),
        ("meet me @home", (4,)),
        ("me@example.com", (6,)),  # an address: me, example dot com
        ("#1", (3,)),  # number one
        ("#haiku", (2, 3)),  # haiku, hash haiku
    ],
)
def test_symbols_read_aloud(counter: SyllableCounter, line: str, totals: tuple[int, ...]) -> None:
    assert counter.line(line).totals == totals


# 6. Guessed spellings are marked and surfaced; numeronyms.


def test_a_string_in_no_dictionary_spelled_out_is_a_guess(counter: SyllableCounter) -> None:
    guess = counter.word("sqsx")
    assert (guess.readings, guess.source, guess.known) == ((4,), Source.SPELLED_GUESS, False)
    assert counter.word("sqsxs").source is Source.SPELLED_GUESS  # its plural too
    for known in ("gpu", "llm", "x", "SQSX", "u.s.", "e.g."):  # lexicon, one letter, written so
        assert counter.word(known).known, known


def test_unknown_word_surfaces_a_spelled_guess(write_blog: WriteBlog, in_tmp: Path) -> None:
    write_blog(
        {
            "posts/the-sqsx-queue-froze-/-the-gpu-melted-in-the-rack-/-we-went-home-at-nine.md": (
                "---\ntitle: Queue\ndate: 2024-03-01\n---\n\nText.\n"
            )
        }
    )
    _, found = check_json("posts", "--select", "HK105")
    messages = [str(diagnostic["message"]) for diagnostic in found]
    assert len(messages) == 1
    assert messages[0].startswith('"sqsx" (line 1) is in no dictionary')
    assert "a guess: it is spelled out" in messages[0]


@pytest.mark.parametrize(
    ("word", "readings"),
    [
        ("k8s", (1, 2, 4)),  # kates, k eights, kubernetes
        ("i18n", (4, 8)),  # i eighteen n, internationalization
        ("a11y", (2, 5, 6)),  # ally, a eleven y, accessibility
        ("l10n", (3, 5)),
        ("x9z", (3,)),  # no known word: as written only
    ],
)
def test_numeronyms(counter: SyllableCounter, word: str, readings: tuple[int, ...]) -> None:
    assert counter.word(word).readings == readings


@pytest.mark.parametrize("numeronym", sorted(spoken.NUMERONYMS))
def test_numeronym_table_is_true_to_the_rule(numeronym: str) -> None:
    word = spoken.NUMERONYMS[numeronym][0]
    between = int(numeronym[1:-1])
    assert (word[0], word[-1], len(word) - 2) == (numeronym[0], numeronym[-1], between)


@pytest.mark.parametrize(
    ("line", "totals"),
    [
        ("the aisle", (2,)),
        ("4k", (2, 3)),
        ("1080p", (4,)),  # ten eighty p
        ("8080", (4,)),
        ("1999", (5,)),  # nineteen ninety-nine, never one thousand nine hundred...
        ("2024", (5, 6)),
        ("404 not found", (5,)),
        ("so am i to you", (5,)),  # am, not a.m.
        ("up at 3 am", (5,)),  # a time of day: a.m.
        ("tbh", (3, 4)),  # t-b-h, to be honest (lexicon, blind-counted)
        ("yolo", (2,)),
    ],
)
def test_known_misses(counter: SyllableCounter, line: str, totals: tuple[int, ...]) -> None:
    assert counter.line(line).totals == totals


# 7. Breaks have as many pieces as the count beside them, or none.


@pytest.mark.parametrize(
    ("word", "shown"),
    [
        ("kubernetes", "ku-ber-ne-tes"),
        ("nginx", "nginx"),
        ("TypeScript", "Type-Script"),
        ("away", "a-way"),
        ("table", "ta-ble"),
        ("aws", "aws"),  # five syllables, three letters: shown whole
    ],
)
def test_breaks_match_the_count(counter: SyllableCounter, word: str, shown: str) -> None:
    assert word_breaks(counter.word(word)) == shown


@given(
    st.text(alphabet=st.sampled_from("abcdeilmnorstuwyAEKX"), min_size=1, max_size=14),
    st.integers(min_value=1, max_value=8),
)
def test_breaks_have_the_count_of_pieces_or_none(word: str, count: int) -> None:
    shown = syllable_breaks(word, count)
    assert shown.replace("-", "") == word
    assert shown == word or shown.count("-") == count - 1


def test_syllables_highlights_guessed_rows(in_tmp: Path) -> None:
    code, out, _ = run_cli("syllables", "the sqsx queue / unmerge it")
    assert code == 0
    row = next(line for line in out.splitlines() if "sqsx" in line and "4" in line)
    assert "spelled-guess ?" in row and "4?" in row
    assert "guessed" in out
    assert any("parts" in line and "un-merge" in line for line in out.splitlines())


@given(st.text(alphabet=st.sampled_from("aQt1 &+@%#'s-/"), max_size=20))
def test_symbols_never_break_the_counter(text: str) -> None:
    """Any mix of symbols, letters and digits is read: every word has readings."""
    counter = SyllableCounter()
    for line in counter.lines(text):
        assert all(word.readings and min(word.readings) >= 1 for word in line.words)
