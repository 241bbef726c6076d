"""Digests for cache keys: BLAKE2b, without loading OpenSSL.

``hashlib`` loads OpenSSL's library first (3 ms of a pre-commit run) to offer its
algorithms; BLAKE2 is CPython's own, and ``hashlib.blake2b`` is this very class.
Imports only the standard library; every layer may use it.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python without the _blake2 module
    from hashlib import blake2b

__all__ = ["blake2b", "text_digest"]


def text_digest(text: str) -> str:
    """A 32-hex-digit digest of ``text`` (any ``str``, lone surrogates included)."""
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
