"""How counts are said in messages: ``1 post``, ``2 posts``, ``12,345 posts``.

One helper below the layers that say them (the report's summary line, ``init``'s
survey, the checks' messages), so that they say them alike.
"""

from __future__ import annotations


def plural(number: int, noun: str, *, grouped: bool = False) -> str:
    """``number`` and ``noun``, with an ``s`` unless the number is 1; with ``grouped``,
    the number has thousands separators (``12,345``), for counts that run that high."""
    shown = f"{number:,}" if grouped else str(number)
    return f"{shown} {noun}" if number == 1 else f"{shown} {noun}s"
