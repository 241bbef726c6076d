"""``wording.plural``: the one way counts are said (the summary line, ``init``, checks)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from haikulint.report.tally import Tally, summary_sentence
from haikulint.wording import plural


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert plural(1, "post") == "1 post"
    assert plural(0, "post") == "0 posts"
    assert plural(2, "known problem") == "2 known problems"


def test_grouped_counts_have_thousands_separators() -> None:
    assert plural(12345, "post", grouped=True) == "12,345 posts"
    assert plural(1, "post", grouped=True) == "1 post"
    assert plural(12345, "post") == "12345 posts"


@given(st.integers(min_value=0, max_value=10**9))
def test_grouping_changes_only_how_the_number_is_written(number: int) -> None:
    grouped, plain = plural(number, "file", grouped=True), plural(number, "file")
    assert grouped.replace(",", "") == plain
    assert plain == f"{number} file" + ("" if number == 1 else "s")


def test_the_summary_line_says_counts_with_it() -> None:
    tally = Tally(errors=1, warnings=0, infos=0, files_with_problems=1, files_checked=2, fixable=0)
    assert summary_sentence(tally).startswith("Found 1 problem (1 error) in 1 of 2 files")
