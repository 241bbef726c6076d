"""haikulint: a linter and authoring CLI for blogs whose posts are named by haiku.

This module stays import-light: the console script imports it on every run.
"""

__version__ = "0.1.0"
