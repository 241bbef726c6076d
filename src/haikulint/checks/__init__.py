"""Checks: one small module per kind of rule, yamllint style.

Every module has a docstring, ``KIND`` (the name a rule file binds to), ``SCOPE``
(``"post"`` or ``"blog"``) and a ``check()`` generator:

* post scope: ``check(post, options, context) -> Iterator[Problem]``
* blog scope: ``check(posts, options, context) -> Iterator[tuple[PostSummary, Problem]]``,
  over a :class:`~haikulint.checks.summary.PostSummary` of each post (not the whole
  post: a blog of 100,000 posts must fit in memory), and ``headers_read(options)``,
  the headers of each post that ``check`` reads. A blog-scope check that only ever
  relates posts whose ``group_key(post, options)`` is equal (and reports nothing of a
  post whose key is None) defines that function: a run that checks a few posts then
  compares them only with the posts sharing a key, found in the result cache's index.

Checks never print and never decide exit codes; the engine turns each
:class:`Problem` into a :class:`~haikulint.diagnostic.Diagnostic` with the
rule's code, name and severity.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from haikulint.fix.model import Fix
    from haikulint.prosody.count import SyllableCounter


@dataclass(frozen=True)
class Problem:
    """What a check found, before the engine stamps it with a rule; with the fix, as
    data, when the check knows how to repair it (see :mod:`haikulint.fix`)."""

    message: str
    line: int | None = None
    column: int | None = None
    fix: Fix | None = None

    @property
    def fixable(self) -> bool:
        return self.fix is not None


@dataclass(frozen=True)
class CheckContext:
    """What every check may use besides the post and its rule's options."""

    counter: SyllableCounter
    today: date
    form: tuple[int, ...] = (5, 7, 5)
    """Syllables per line from config; a rule's own ``form`` option overrides it."""
    allow_future_dates: bool = False
    config_file: str | None = None
    """The name of the run's config file (``pyproject.toml``, ``haikulint.toml``, or any
    name given with ``--config``); None without one. Fix hints are written for it."""

    def setting(self, key: str, value: str, table: str = "") -> str:
        """Where and how to set a config value, for a message's fix hint, written for
        :attr:`config_file`: see :meth:`haikulint.config.Config.setting`."""
        from haikulint.config import setting_hint

        return setting_hint(self.config_file, key, value, table)
