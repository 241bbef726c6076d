"""slug-lines: the slug must have as many lines as the form (three for 5-7-5).

Lines are joined by ``-/-``, which on disk is a folder boundary, so a haiku
post lives two folders deep: ``post/first-line-/-second-line-/-third-line.md``.
A flat file name such as ``post/reflections-on-a-turbulent-month.md`` is one line;
a file named only by its extension (``post/.md``) has none, and only this rule
speaks of it (the other slug rules have no line to judge).

A slug with the wrong number of lines is how a legacy blog names its posts (a
title as the file name), so the message says how many syllables its words have,
and when they split into the form as they stand, gives the ``haikulint mv``
command that renames the post to that haiku.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from haikulint.blog.spelling import slug_words
from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import plural
from haikulint.checks.options import FORM, Option

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "slug-lines"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {"form": FORM}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    expected = len(context.form)
    found = len(post.slug.lines)
    if found == expected:
        return
    shape = "-/-".join(_ordinal_placeholder(index) for index in range(expected))
    example = f"{post.slug.prefix}{shape}{post.slug.extension or '.md'}"
    if found == 0:
        yield Problem(
            f'the file name "{post.path.name}" has no slug, only an extension; name the file '
            f'after its haiku, {expected} lines joined by "-/-" (a folder boundary on disk): '
            f"{example}"
        )
        return
    yield Problem(
        f'slug has {plural(found, "line")}, expected {expected} joined by "-/-" '
        f"(a folder boundary on disk): {example}; {_advice(post, context)}"
    )


def _advice(post: Post, context: CheckContext) -> str:
    """Its words' syllables, and the ``haikulint mv`` command to a split that fits."""
    import shlex

    from haikulint.prosody.rewrites import split_count

    words = tuple(word for line in post.slug.lines for word in slug_words(line))
    reading = context.counter.line("-".join(words))
    form = "-".join(str(count) for count in context.form)
    command = f"haikulint mv {shlex.quote(post.display_path)}"
    runs = split_count(words, context.form, context.counter)
    if runs is not None:
        haiku = " / ".join(" ".join(run) for run in runs)
        return (
            f"its words have {reading.count_text()} and split into a {form} haiku: "
            f'{command} "{haiku}"'
        )
    return (
        f"its words have {reading.count_text()}, a {form} haiku has {sum(context.form)}: "
        f'give it a new one with {command} "line / line / line"'
    )


def _ordinal_placeholder(index: int) -> str:
    names = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"]
    return f"{names[index]}-line" if index < len(names) else f"line-{index + 1}"
