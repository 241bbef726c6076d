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

:func:`find_posts` gives the files as the walk finds them, so that a run reads posts
while the tree is still being walked; :func:`discover_posts`, the same sorted by path.
"""

from __future__ import annotations

import errno
import operator
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
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


@dataclass(frozen=True)
class WalkOptions:
    """How :func:`discover_posts` finds posts, besides where and with which config.

    :func:`haikulint.cache.discover_remembered` takes the same object and passes it on.
    """

    root: Path | None = None
    """The root of every file found (default: ``config.root``, else found per file)."""
    force_exclude: bool = False
    """Apply the config's ``exclude`` to files named outright too."""
    on_unlistable: Callable[[str, str], None] | None = None
    """Told of each folder that cannot be listed, with the reason."""
    on_skipped: Callable[[str, str], None] | None = None
    """Told of each link not followed, with the reason (default: a warning, once)."""
    on_folder: Callable[[str, bool], None] | None = None
    """Told of each folder listed, and whether it has a ``.gitignore``."""
    on_bad_pattern: Callable[[], None] | None = None
    """Told of each ``.gitignore`` line or ``exclude`` entry that is warned about as no
    pattern (each is warned about once a process)."""


def discover_posts(
    paths: Sequence[Path], config: Config, options: WalkOptions = WalkOptions()
) -> list[PostFile]:
    """Every post file under ``paths``, sorted by path and without duplicates.

    The root of each file is ``options.root`` if given, else ``config.root``, else the
    folder argument it was found in, else (a file named alone) :func:`derive_root`; a
    file outside that root gets its own derived root. A file named in ``paths`` is
    returned even if ``exclude`` matches it, unless ``force_exclude``. Raises
    :class:`UsageError` for a path that does not exist. A folder that cannot be listed
    is skipped and passed, with the reason, to ``on_unlistable``.

    The root is a boundary: a symbolic link that leads outside it is never followed nor
    returned, and a link to a folder above it (a loop) is not followed; each is passed,
    with the reason, to ``on_skipped`` (by default a warning on standard error, once
    per link).

    ``on_folder`` is told of each folder listed, and whether it has a ``.gitignore``
    (the result cache remembers a walk by its folders' mtimes).
    """
    return by_path(find_posts(paths, config, options))


def by_path(files: Iterable[PostFile]) -> list[PostFile]:
    """``files`` sorted by path, as :func:`discover_posts` gives them."""
    return sorted(files, key=_filename)


_filename = operator.attrgetter("filename")


def find_posts(
    paths: Sequence[Path], config: Config, options: WalkOptions = WalkOptions()
) -> Iterator[PostFile]:
    """The files of :func:`discover_posts`, as the walk finds them: in no useful order
    (:func:`by_path` sorts them), each once, the walk going on as they are taken.

    So that a run reads posts while the tree is still being walked. A path that does not
    exist raises :class:`UsageError` here, before anything is walked.
    """
    if not paths:
        paths = [config.root if config.root is not None else Path(".")]
    for given in paths:
        if not os.path.lexists(given):
            raise UsageError(f"{given}: no such file or folder")
    return _found(paths, config, options)


def _found(paths: Sequence[Path], config: Config, options: WalkOptions) -> Iterator[PostFile]:
    root, force_exclude = options.root, options.force_exclude
    skipped = options.on_skipped if options.on_skipped is not None else skip_warner()
    chosen_root = root if root is not None else config.root
    chosen = _absolute(chosen_root) if chosen_root is not None else None
    include = _name_matcher(config.include)
    bad = options.on_bad_pattern
    exclude = _Ignore.from_patterns(
        _absolute(config.base), config.exclude, f"{config.source or 'config'}: exclude", bad
    )
    seen: set[str] = set()
    roots: dict[str, Path] = {}

    def post_file(file: str, file_root: str) -> PostFile:
        seen.add(file)
        shared = roots.get(file_root)
        if shared is None:
            shared = roots[file_root] = Path(file_root)  # one Path per root, not per post
        return PostFile(file, shared)

    for given in paths:
        path = _absolute(given)
        if os.path.isdir(path):
            folder_root = chosen or _chain_top(path)
            inside = folder_root.rstrip(os.sep) + os.sep
            boundary = folder_root if is_under(path, folder_root) else _chain_top(path)
            walk = _Walk(
                include, exclude, boundary, options.on_unlistable, skipped, options.on_folder, bad
            )
            for file in walk.files(path):
                if file not in seen:
                    yield post_file(
                        file, folder_root if file.startswith(inside) else derive_root(file)
                    )
        elif os.path.lexists(path):
            if force_exclude and exclude is not None and exclude.matches_named(path):
                continue
            file_root = _root_for(path, chosen or derive_root(path))
            if os.path.islink(path) and _leads_outside(path, file_root):
                skipped(path, OUTSIDE_ROOT)
                continue
            if path not in seen:
                yield post_file(path, file_root)
        else:  # it was there when the walk began
            raise UsageError(f"{given}: no such file or folder")


def boundary_of(file: PostFile) -> str:
    """The folder ``file`` must really lie in to be read: its root, when it is below it
    (else the root its own chain gives it)."""
    return (
        os.fspath(file.root) if is_under(file.filename, file.root) else derive_root(file.filename)
    )


OUTSIDE_ROOT = "a symbolic link that leads outside the blog root; not followed, not read"
LOOP = "a symbolic link to a folder above it (a loop); not followed"
LINK_LOOP = "a loop of symbolic links that never reaches a folder or file; not followed"


def skip_warner() -> Callable[[str, str], None]:
    """A warning on standard error for each path skipped, each path once."""
    from haikulint import escape
    from haikulint.blog.post import display_path

    warned: set[str] = set()

    def warn(path: str, reason: str) -> None:
        if path not in warned:
            warned.add(path)
            escape.warn(f"{display_path(path)}: {reason}")

    return warn


def _leads_outside(link: str, root: str) -> bool:
    """Whether the link ``link`` resolves to something that exists outside ``root``."""
    target = os.path.realpath(link)
    return not is_under(target, os.path.realpath(root)) and os.path.exists(target)


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
    text = os.fspath(path)
    # As discover makes them (absolute and clean), abspath would give it back: 2 us saved.
    clean = text[:1] == "/" and text[-1:] != "/" and "/." not in text and "//" not in text
    return text if clean and _CLEAN_ABSOLUTE else os.path.abspath(text)


_CLEAN_ABSOLUTE = os.sep == "/" and os.path.altsep is None
"""Whether an absolute path without ``//``, ``/.`` or a final ``/`` is its own abspath."""


def _name_matcher(patterns: Sequence[str]) -> Callable[[str], bool]:
    """``include`` globs as a test on a file name; ``*.md`` and ``*.markdown`` by suffix."""
    suffixes = tuple(p[1:] for p in patterns if re.fullmatch(r"\*\.[\w.-]+", p))
    others = [p for p in patterns if p[1:] not in suffixes]
    if not others:
        return lambda name: name.endswith(suffixes)
    return lambda name: name.endswith(suffixes) or any(fnmatchcase(name, p) for p in others)


class _Ignore:
    """One set of gitignore-style patterns, matched against paths below ``base``."""

    def __init__(
        self,
        base: str,
        lines: Iterable[str],
        where: str = "",
        item: str = "line",
        identity: str = "",
        on_bad: Callable[[], None] | None = None,
    ) -> None:
        from haikulint.patterns import compile_gitignore

        self.base = base.rstrip(os.sep) + os.sep
        self.spec = compile_gitignore(lines, where, item=item, identity=identity, on_warned=on_bad)
        self.verdict = self._fast_verdict() or self._spec_verdict

    @classmethod
    def from_patterns(
        cls, base: str, lines: Sequence[str], where: str, on_bad: Callable[[], None] | None
    ) -> _Ignore | None:
        return cls(base, lines, where, "entry", on_bad=on_bad) if lines else None

    @classmethod
    def from_file(cls, folder: str, on_bad: Callable[[], None] | None = None) -> _Ignore | None:
        from haikulint.blog.post import display_path
        from haikulint.bounded_read import MAX_CONFIG_SIZE, InputError, read_bytes

        path = os.path.join(folder, GITIGNORE)
        try:
            lines = read_bytes(path, MAX_CONFIG_SIZE).decode("utf-8", "replace").splitlines()
        except InputError:
            return None
        if not any(line.strip() and not line.startswith("#") for line in lines):
            return None
        return cls(folder, lines, display_path(path), identity=path, on_bad=on_bad)

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


class _Walk:
    """One walk of folders for post files, inside one boundary (the blog root)."""

    def __init__(
        self,
        include: Callable[[str], bool],
        exclude: _Ignore | None,
        boundary: str,
        on_unlistable: Callable[[str, str], None] | None,
        on_skipped: Callable[[str, str], None],
        on_folder: Callable[[str, bool], None] | None = None,
        on_bad_pattern: Callable[[], None] | None = None,
    ) -> None:
        self.include = include
        self.on_folder = on_folder
        self.on_bad_pattern = on_bad_pattern
        self.exclude = exclude
        self.real_boundary = os.path.realpath(boundary)
        self.on_unlistable = on_unlistable
        self.on_skipped = on_skipped

    def files(self, top: str) -> Iterator[str]:
        """The files under ``top`` whose names ``include`` accepts, minus ignored ones, as
        each folder is listed."""
        ignores = [rule for rule in _ancestor_ignores(top, self.on_bad_pattern) if rule is not None]
        real_top = os.path.realpath(top)
        visited = {real_top}
        stack: list[tuple[str, str, tuple[_Ignore, ...]]] = [(top, real_top, tuple(ignores))]
        # Linked folders wait until every real folder is walked, so that a post reached
        # both ways (posts/2024 and a link posts/latest -> 2024) is always checked at its
        # real place, whatever order the folder lists them in.
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
                if self.on_unlistable is not None:
                    self.on_unlistable(folder, error.strerror or str(error))
                continue
            has_gitignore = any(entry.name == GITIGNORE for entry in entries)
            if self.on_folder is not None:
                self.on_folder(folder, has_gitignore)
            if has_gitignore:
                local = _Ignore.from_file(folder, self.on_bad_pattern)
                if local is not None:
                    rules = (*rules, local)
            filtering = bool(rules) or self.exclude is not None
            for entry in entries:
                name = entry.name
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False  # a link that cannot be followed (a loop): not a folder
                if is_dir:
                    if name.startswith(".") or (
                        filtering and _ignored(entry.path + os.sep, rules, self.exclude)
                    ):
                        continue
                    if entry.is_symlink():
                        target = self._linked_folder(entry.path, real)
                        if target is not None:
                            linked.append((entry.path, target, rules))
                        continue
                    # The resolved path of a plain folder is free: its parent's, plus its name.
                    real_child = real + os.sep + name
                    if real_child not in visited:
                        visited.add(real_child)
                        stack.append((entry.path, real_child, rules))
                elif (
                    self.include(name)
                    and not _is_hidden_file(name)
                    and name not in LIST_PAGES
                    and not (filtering and _ignored(entry.path, rules, self.exclude))
                ):
                    if entry.is_symlink() and _leads_outside(entry.path, self.real_boundary):
                        self.on_skipped(entry.path, OUTSIDE_ROOT)
                        continue
                    # Anything else the include globs name gets a verdict, as when named on
                    # the command line: a dangling or looping link, a FIFO, a socket is
                    # reported unreadable by the blog layer, never silently skipped.
                    yield entry.path
                elif entry.is_symlink() and not name.startswith(".") and _is_link_loop(entry.path):
                    self.on_skipped(entry.path, LINK_LOOP)

    def _linked_folder(self, link: str, real_parent: str) -> str | None:
        """Where the folder link ``link`` (in the folder whose real path is ``real_parent``)
        leads, if it is to be walked: inside the boundary and not above the link itself."""
        target = os.path.realpath(link)
        if not is_under(target, self.real_boundary):
            self.on_skipped(link, OUTSIDE_ROOT)
            return None
        if is_under(real_parent, target):
            self.on_skipped(link, LOOP)
            return None
        return target


def _is_link_loop(path: str) -> bool:
    try:
        os.stat(path)
    except OSError as error:
        return error.errno == errno.ELOOP
    return False


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


def _ancestor_ignores(top: str, on_bad: Callable[[], None] | None = None) -> list[_Ignore | None]:
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
    return [_Ignore.from_file(folder, on_bad) for folder in reversed(chain)]
