"""What a title must be for each header style, written out independently of the code."""

from __future__ import annotations

import unicodedata


def accepts(title: str, style: str) -> bool:
    """Whether ``new`` takes this title in this style: front matter holds any text but a
    blank one; a Pelican header line holds one line, without edge spaces or control
    characters other than tab."""
    if not title.strip():
        return False
    if style != "pelican":
        return True
    return (
        len(f"x{title}x".splitlines()) == 1
        and title.strip() == title
        and all(char == "\t" or unicodedata.category(char) != "Cc" for char in title)
    )
