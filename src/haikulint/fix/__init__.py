"""Fixes: what a check knows how to repair, as data, and the one stage that applies it.

A check yields a :class:`~haikulint.fix.model.Fix` beside its problem (ruff's model: text
edits on the post's own text, renames of its file, and whether the fix is safe). The
modules here:

* :mod:`.model`: ``Edit``, ``Rename``, ``Fix``, ``Applicability``: plain data, no I/O;
* :mod:`.text`: ``SourceLines``, line numbers to offsets in a text whose line endings
  (LF, CRLF), BOM and last newline are kept as they are;
* :mod:`.headers`: the edits that add or move a header in a post's own header style;
* :mod:`.apply`: merging a file's edits, planning a run's renames as a whole, and
  writing the result (atomically, inside the blog root), or showing it as a diff.

Checks import the first three; only the command imports :mod:`.apply`.
"""
