"""haiku-mismatch's shortcut for a plain haiku says "the same poem" only when the full
comparison would: it may decline, never differ."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from haikulint.blog.slug import parse_slug
from haikulint.blog.spelling import slug_words
from haikulint.checks.haiku_mismatch import _plainly_the_same, _words
from haikulint.prosody.tokenize import split_text_lines

_SLUG_LINES = st.lists(
    st.text(alphabet=st.sampled_from("abZ-_1'\u00e9 "), max_size=8), min_size=1, max_size=4
)
_TEXT = st.text(alphabet=st.sampled_from("abAZ /-'1\u00e9\t\n"), max_size=24)


def _full(text: str, in_slug: list[tuple[str, ...]]) -> bool:
    return _words(split_text_lines(text)) == in_slug


@settings(max_examples=400)
@given(
    lines=_SLUG_LINES,
    text=_TEXT,
    written=st.sampled_from(["free", "from the slug", "regrouped"]),
    breaks=st.lists(st.booleans(), max_size=12),
    upper=st.booleans(),
)
@example(lines=["a-b", "c"], text="a b /  / c", written="free", breaks=[], upper=False)
@example(lines=["a-b", "--", "c"], text="a b /  / c", written="free", breaks=[], upper=False)
@example(lines=["a-b", "c"], text="  / a b / c", written="free", breaks=[], upper=False)
@example(lines=["ab", "c"], text="a b / c", written="free", breaks=[], upper=False)
@example(lines=["a-b", "c"], text="a / b c", written="free", breaks=[], upper=False)
def test_the_shortcut_never_says_same_when_the_full_comparison_does_not(
    lines: list[str], text: str, written: str, breaks: list[bool], upper: bool
) -> None:
    if written == "from the slug":  # the usual post: its haiku written from its slug
        text = " / ".join(line.replace("-", " ").strip() for line in lines)
    elif written == "regrouped":  # the slug's words, with the line breaks moved
        words = " ".join(line.replace("-", " ") for line in lines).split()
        breaks = (breaks + [False] * len(words))[: len(words)]
        text = "".join(
            word + (" / " if broken else " ") for word, broken in zip(words, breaks, strict=True)
        ).strip()
    if upper:
        text = text.upper()
    in_slug = [slug_words(line) for line in lines]
    if _plainly_the_same(text, in_slug):
        assert _full(text, in_slug)


def test_the_usual_post_takes_the_shortcut() -> None:
    slug = parse_slug("the-old-pond-/-a-frog-jumps-in-/-splash.md")
    in_slug = [slug_words(line) for line in slug.lines]
    assert _plainly_the_same("The old pond / a frog  jumps in / SPLASH", in_slug)
    assert not _plainly_the_same("the old pond / a frog jumps / splash", in_slug)
    assert not _plainly_the_same("the old pond / a frog jumps in / splash!", in_slug)  # full way
    assert _full("the old pond / a frog jumps in / splash!", in_slug)
