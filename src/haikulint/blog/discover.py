"""Finding the post files to check, and the blog root each one's slug is relative to.

Folders are walked with :func:`os.scandir` (``Path.rglob`` costs several times more
per entry) for the config's ``include`` globs, skipping hidden folders and files
(``.draft.md``, an editor's ``.#post.md`` lock), Hugo's ``_index.md`` list pages, what
``.gitignore`` files ignore (their own folder and the repository's, read with
``pathspec``) and the config's ``exclude`` globs. Files named on the command line
are always returned, unless ``force_exclude`` is set (as ruff's ``--force-exclude``,
for pre-commit, which names every staged file): then ``exclude`` applies to them too.
Symbolic links to folders are followed once: a link back up the tree is noticed by
its resolved path and never walked twice. Every other entry whose name the include
globs match is returned, file or not (a dangling or looping link, a FIFO), so that
it gets the same verdict (unreadable-file) as when it is named on the command line.
A folder that cannot be listed is skipped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from haikulint.blog.slug import BUNDLE_INDEX, JOINERS, is_date_folder, split_extension
from haikulint.config import Config
from haikulint.errors import UsageError

GITIGNORE = ".gitignore"

LIST_PAGES = frozenset({"_index.md", "_index.markdown"})
"""Hugo's section list pages: a walk passes them over, as they are not posts."""


@dataclass(frozen=True, slots=True, init=False)
class PostFile:
    """A file to check, and the blog root its slug is read from.

    The file is kept as text, not as a :class:`Path`: a blog of 100,000 posts has
    100,000 of these, held until the end of the run, and a Path per file costs several
    µs to build and a few hundred bytes to keep. ``path`` makes one when asked; roots
    are few and shared.
    """

    filename: str
    """The file, as found: an absolute path from :func:`discover_posts`."""
    root: Path
    """The folder its slug is relative to: ``path`` is below it."""

    def __init__(self, path: str | os.PathLike[str], root: Path) -> None:
        object.__setattr__(self, "filename", os.fspath(path))
        object.__setattr__(self, "root", root)

    @property
    def path(self) -> Path:
        """The file, as an absolute path (symbolic links kept as found)."""
        return Path(self.filename)

    def __repr__(self) -> str:
        return f"PostFile(path={self.path!r}, root={self.root!r})"


def discover_posts(
    paths: Sequence[Path],
    config: Config,
    root: Path | None = None,
    *,
    force_exclude: bool = False,
    on_unlistable: Callable[[str, str], None] | None = None,
) -> list[PostFile]:
    """Every post file under ``paths``, sorted by path and without duplicates.

    The root of each file is ``root`` if given, else ``config.root``, else the folder
    argument it was found in, else (a file named alone) :func:`derive_root`; a file
    outside that root gets its own derived root. A file named in ``paths`` is returned
    even if ``exclude`` matches it, unless ``force_exclude``. Raises :class:`UsageError`
    for a path that does not exist. A folder that cannot be listed is skipped and passed,
    with the reason, to ``on_unlistable``.
    """
    if not paths:
        paths = [config.root if config.root is not None else Path(".")]
    chosen_root = root if root is not None else config.root
    chosen = _absolute(chosen_root) if chosen_root is not None else None
    include = _name_matcher(config.include)
    exclude = _Ignore.from_patterns(_absolute(config.base), config.exclude)
    found: dict[str, str] = {}
    for given in paths:
        path = _absolute(given)
        if os.path.isdir(path):
            folder_root = chosen or _chain_top(path)
            inside = folder_root.rstrip(os.sep) + os.sep
            for file in _walk(path, include, exclude, on_unlistable):
                if file not in found:
                    found[file] = folder_root if file.startswith(inside) else derive_root(file)
        elif os.path.lexists(path):
            if not (force_exclude and exclude is not None and exclude.matches_named(path)):
                found.setdefault(path, _root_for(path, chosen or derive_root(path)))
        else:
            raise UsageError(f"{given}: no such file or folder")
    roots = {folder: Path(folder) for folder in set(found.values())}
    return [PostFile(file, roots[found[file]]) for file in sorted(found)]


def derive_root(file: str | os.PathLike[str]) -> str:
    """The root of a file named alone: the folder above the start of its ``-/-`` chain.

    ``post/2024/a-b-/-c-d-/-e.md`` gives ``post``: the folders right above the file whose
    names end with ``-`` (or ``_``, a malformed separator) are haiku lines, and the
    date folders above them (``2024``, ``03``, ``2024-03``) are date sections; neither is
    the root.
    A one-line slug such as ``post/legacy-title.md`` has no chain: its folder is the root.
    A page bundle's ``index.md`` stands for its folder, so the climb starts above that.
    """
    folder = os.path.dirname(_absolute(file))
    if split_extension(os.path.basename(os.fspath(file)))[0] == BUNDLE_INDEX:
        folder = os.path.dirname(folder)
    return _chain_top(folder)


def is_under(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is ``root`` or inside it (lexically, after making both absolute)."""
    inner, outer = _absolute(path), _absolute(root)
    return inner == outer or inner.startswith(outer.rstrip(os.sep) + os.sep)


def find_blog_root(start: str | os.PathLike[str], config: Config) -> Path:
    """The root for slugs found at ``start``: ``config.root``, else the top of the chain."""
    if config.root is not None:
        return Path(_absolute(config.root))
    folder = _absolute(start)
    if not os.path.isdir(folder):
        return Path(derive_root(folder))
    return Path(_chain_top(folder))


def _root_for(file: str, root: str) -> str:
    return root if is_under(file, root) else derive_root(file)


def _chain_top(folder: str) -> str:
    """Climb out of the ``-/-`` chain and the date folders (``2024/03``) above it.

    Date folders belong to the slug (they must agree with the post's date), so a
    folder or file named inside them is judged exactly as from the blog's top.
    """
    while _is_slug_folder(os.path.basename(folder)):
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return folder


def _is_slug_folder(name: str) -> bool:
    return name.endswith(tuple(JOINERS)) or is_date_folder(name)


def _absolute(path: str | os.PathLike[str]) -> str:
    return os.path.abspath(os.fspath(path))


def _name_matcher(patterns: Sequence[str]) -> Callable[[str], bool]:
    """``include`` globs as a test on a file name; ``*.md`` and ``*.markdown`` by suffix."""
    suffixes = tuple(p[1:] for p in patterns if re.fullmatch(r"\*\.[\w.-]+", p))
    others = [p for p in patterns if p[1:] not in suffixes]
    if not others:
        return lambda name: name.endswith(suffixes)
    return lambda name: name.endswith(suffixes) or any(fnmatchcase(name, p) for p in others)


class _Ignore:
    """One set of gitignore-style patterns, matched against paths below ``base``."""

    def __init__(self, base: str, lines: Iterable[str]) -> None:
        import pathspec

        self.base = base.rstrip(os.sep) + os.sep
        self.spec = pathspec.GitIgnoreSpec.from_lines(lines)
        self.verdict = self._fast_verdict() or self._spec_verdict

    @classmethod
    def from_patterns(cls, base: str, lines: Sequence[str]) -> _Ignore | None:
        return cls(base, lines) if lines else None

    @classmethod
    def from_file(cls, folder: str) -> _Ignore | None:
        try:
            with open(os.path.join(folder, GITIGNORE), encoding="utf-8", errors="replace") as f:
                lines = f.read().splitlines()
        except OSError:
            return None
        if not any(line.strip() and not line.startswith("#") for line in lines):
            return None
        return cls(folder, lines)

    def applies_to(self, path: str) -> bool:
        return path.startswith(self.base)

    def matches_named(self, path: str) -> bool:
        """Whether a file named outright (not met in a walk) is excluded: by a pattern
        for it or for any folder above it, which a walk would have pruned."""
        return self.applies_to(path) and self.spec.match_file(_relative_posix(path, self.base))

    def _spec_verdict(self, relative: str) -> bool | None:
        included: bool | None = self.spec.check_file(relative).include
        return included

    def _fast_verdict(self) -> Callable[[str], bool | None] | None:
        """The same yes/no as pathspec, faster, for a pattern set without ``!`` negations.

        pathspec tries its patterns one by one (about 2 µs a path for a typical
        .gitignore), and a tree of 10,000 posts in haiku folders has 30,000 entries to
        test. Here the patterns' own regexes are joined into one alternation; and since
        the walk tests a folder before anything inside it (and prunes it if ignored), a
        pattern without a ``/`` (``build/``, ``*.tmp``) only needs the last component,
        a short string. With negations the order matters, so pathspec decides.
        """
        by_name: list[str] = []
        by_path: list[str] = []
        for pattern in self.spec.patterns:
            if pattern.include is None:
                continue
            compiled = getattr(pattern, "regex", None)
            if not pattern.include or compiled is None:
                return None
            source = getattr(pattern, "pattern", None)
            basename_only = isinstance(source, str) and "/" not in source.rstrip("/")
            (by_name if basename_only else by_path).append(compiled.pattern)
        try:
            name_regex, path_regex = _combined(by_name), _combined(by_path)
        except re.error:
            return None

        def verdict(relative: str) -> bool | None:
            if name_regex is not None:
                name = relative[relative.rfind("/", 0, len(relative) - 1) + 1 :]
                if name_regex.match(name):
                    return True
            if path_regex is not None and path_regex.match(relative):
                return True
            return None

        return verdict


def _combined(sources: list[str]) -> re.Pattern[str] | None:
    """One regex for several of pathspec's, their named groups made plain."""
    if not sources:
        return None
    plain = [re.sub(r"\(\?P<\w+>", "(?:", source) for source in sources]
    return re.compile("|".join(f"(?:{source})" for source in plain))


def _walk(
    top: str,
    include: Callable[[str], bool],
    exclude: _Ignore | None,
    on_unlistable: Callable[[str, str], None] | None = None,
) -> list[str]:
    """The files under ``top`` whose names ``include`` accepts, minus ignored ones."""
    ignores = [rule for rule in _ancestor_ignores(top) if rule is not None]
    real_top = os.path.realpath(top)
    visited = {real_top}
    files: list[str] = []
    stack: list[tuple[str, str, tuple[_Ignore, ...]]] = [(top, real_top, tuple(ignores))]
    # Linked folders wait until every real folder is walked, so that a post reached both
    # ways (posts/2024 and a link posts/latest -> 2024) is always checked at its real
    # place, whatever order the folder lists them in.
    linked: list[tuple[str, str, tuple[_Ignore, ...]]] = []
    while stack or linked:
        if not stack:
            folder, real, rules = linked.pop()
            if real in visited:
                continue
            visited.add(real)
            stack.append((folder, real, rules))
        folder, real, rules = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            if on_unlistable is not None:
                on_unlistable(folder, error.strerror or str(error))
            continue
        if any(entry.name == GITIGNORE for entry in entries):
            local = _Ignore.from_file(folder)
            if local is not None:
                rules = (*rules, local)
        filtering = bool(rules) or exclude is not None
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False  # a link that cannot be followed (a loop): not a folder
            if is_dir:
                if name.startswith(".") or (
                    filtering and _ignored(entry.path + os.sep, rules, exclude)
                ):
                    continue
                if entry.is_symlink():
                    linked.append((entry.path, os.path.realpath(entry.path), rules))
                    continue
                # The resolved path of a plain folder is free: its parent's, plus its name.
                real_child = real + os.sep + name
                if real_child not in visited:
                    visited.add(real_child)
                    stack.append((entry.path, real_child, rules))
            elif (
                include(name)
                and not _is_hidden_file(name)
                and name not in LIST_PAGES
                and not (filtering and _ignored(entry.path, rules, exclude))
            ):
                # Anything else the include globs name gets a verdict, as when named on
                # the command line: a dangling or looping link, a FIFO, a socket is
                # reported unreadable by the blog layer, never silently skipped.
                files.append(entry.path)
    return files


def _is_hidden_file(name: str) -> bool:
    """``.draft.md``, ``.#post.md``: hidden. A name that is only an extension (``.md``) is
    not a hidden post but a post without a slug, and gets its verdict."""
    return name.startswith(".") and "." in name[1:]


def _ignored(path: str, rules: Sequence[_Ignore], exclude: _Ignore | None) -> bool:
    """Whether the deepest gitignore with an opinion ignores ``path`` (``/``-ended: a folder)."""
    if (
        exclude is not None
        and exclude.applies_to(path)
        and exclude.verdict(_relative_posix(path, exclude.base))
    ):
        return True
    for rule in reversed(rules):
        if not rule.applies_to(path):
            continue
        verdict = rule.verdict(_relative_posix(path, rule.base))
        if verdict is not None:
            return verdict
    return False


def _relative_posix(path: str, base: str) -> str:
    relative = path[len(base) :]
    return relative if os.sep == "/" else relative.replace(os.sep, "/")


def _ancestor_ignores(top: str) -> list[_Ignore | None]:
    """The .gitignore files above ``top`` up to its repository's top, outermost first."""
    if os.path.exists(os.path.join(top, ".git")):
        return []
    chain: list[str] = []
    folder = os.path.dirname(top)
    while True:
        chain.append(folder)
        if os.path.exists(os.path.join(folder, ".git")):
            break
        parent = os.path.dirname(folder)
        if parent == folder:
            return []  # not in a repository: only the walked tree's own .gitignore files
        folder = parent
    return [_Ignore.from_file(folder) for folder in reversed(chain)]
