"""date-order: a post's dates must come in their order.

A post modified before it was written (Pelican's ``Modified:`` or Hugo's ``lastmod``
before ``date``), or that expires before it is published (Hugo's ``expiryDate``
before ``publishDate``: Hugo never shows it), has one date wrong. The option ``pairs``
lists ``[earlier, later]`` header pairs; each pair is compared when both headers hold
dates, by day (times are not compared). A header that is not a date is left to
date-invalid.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from haikulint.checks import CheckContext, Problem
from haikulint.checks._common import DateValue, headers_usable
from haikulint.checks.options import Option, parse_key_pairs

if TYPE_CHECKING:
    from haikulint.blog.post import Post

KIND = "date-order"
SCOPE = "post"
OPTIONS: Mapping[str, Option] = {
    "pairs": Option(
        help='[earlier, later] header pairs, e.g. [["date", "lastmod"], '
        '["publishdate", "expirydate"]].',
        parse=parse_key_pairs,
        required=True,
    ),
}

_EXPIRES = "the post would expire before it is published, so Hugo would never show it"
_WHY = {"expirydate": _EXPIRES, "unpublishdate": _EXPIRES}


def check(post: Post, options: Mapping[str, object], context: CheckContext) -> Iterator[Problem]:
    if not headers_usable(post):
        return
    pairs = options.get("pairs") or ()
    assert isinstance(pairs, tuple)
    for earlier_key, later_key in pairs:
        if earlier_key not in post.headers or later_key not in post.headers:
            continue
        earlier, later = DateValue(post, earlier_key), DateValue(post, later_key)
        if earlier.date is None or later.date is None or not later.date < earlier.date:
            continue
        why = _WHY.get(later_key, "a post cannot be changed before it is written")
        yield Problem(
            f"the {later_key} {later.date.isoformat()} is before the {earlier_key} "
            f"{earlier.date.isoformat()}: {why}; fix one of the two",
            line=later.line,
        )
