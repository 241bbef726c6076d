"""What a blog's tree holds, for ``haikulint init``: read, never written.

A survey walks the tree as ``check`` does (:func:`discover.discover_posts`: hidden and
``.gitignore``'d entries skipped, no link followed out of the tree) and reads each
post's path as a slug (:func:`slug.parse_slug`), which costs no file reads. From the
paths it finds where posts live (the root), the date folders, the sections, the
extensions and the number of haiku lines. Headers are read only from a sample of at
most :data:`SAMPLE_SIZE` posts spread evenly over the tree, front matter only
(:func:`post.read_post` with ``headers_only``), so a blog of 100,000 posts costs a
walk and 200 small reads; the survey says how many it read.

Generator hints come from the files site generators keep at the top of a site:
``pelicanconf.py``, ``hugo.toml`` (or a ``config.toml`` naming a ``baseURL``; either
also in ``config/_default/``), ``_config.yml`` or a ``Gemfile`` naming jekyll. Of their
settings, a few are read (each file at most 1 MB, never through a link): Pelican's
``PATH`` and Hugo's ``contentDir`` (where the posts are), Hugo's ``buildFuture`` and
Jekyll's ``future`` (whether posts dated after today are published). A site config that
cannot be read or parsed is noted among the skipped paths, and its settings left unread.

Posts dated after today are counted in the sample: a blog with
:data:`SCHEDULED_MIN_POSTS` or more of them within a year ahead schedules its posts.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from haikulint.blog.discover import PostFile, WalkOptions, derive_root, discover_posts, is_under
from haikulint.blog.post import Post, read_post, read_text, relative_to_root
from haikulint.blog.slug import SEPARATOR, Slug, dated_file_names, is_date_folder, parse_slug
from haikulint.config import Config

SAMPLE_SIZE = 200
"""At most this many posts have their headers read."""

SAMPLE_POST_SIZE = 256 << 10
"""A sampled post larger than this is not read (at most 50 MB for the whole sample)."""

SECTION_MIN_POSTS = 2
"""A multi-word folder right above the haiku is a section when it holds at least this
many haiku posts; a folder holding one is more likely a haiku line that lost its ``-``."""


FORMS = {3: (5, 7, 5), 5: (5, 7, 5, 7, 7)}
"""The form a blog's usual number of haiku lines suggests: haiku, tanka."""

DEFAULT_ROOTS = {"pelican": "content", "hugo": "content/posts", "jekyll": "_posts"}
"""Where each generator keeps its posts by default, for a site with none yet."""

REPOSITORY_FILES = frozenset(
    {"readme", "changelog", "changes", "contributing", "license", "licence", "security"}
    | {"code_of_conduct", "code-of-conduct", "authors", "history", "todo"}
)
"""File names (without extension, any case) of a repository's own documents, not posts."""

DRAFT_FOLDERS = frozenset({"_drafts", "drafts", "draft"})
"""Folders of unpublished posts: beside the posts, they do not widen the root
(Jekyll's ``_drafts/`` beside ``_posts/``); inside it they are checked with the rest."""

SCHEDULED_MIN_POSTS = 2
"""A blog with this many sampled posts dated after today, within :data:`SCHEDULED_WITHIN`,
schedules posts: init proposes ``allow-future-dates``. One such post may be a typo."""

SCHEDULED_WITHIN = timedelta(days=366)
"""How far ahead a scheduled post may be dated; a post dated further (``2042`` for
``2024``) is more likely a typo, and does not count."""

HUGO_CONFIG_FILES = tuple(
    f"{folder}{name}.{extension}"
    for folder in ("", "config/_default/")
    for name in ("hugo", "config")
    for extension in ("toml", "yaml", "json")
)
"""Hugo's site config files, in the order Hugo prefers them: ``hugo.*`` before
``config.*``, the top before ``config/_default/``."""

Note = Callable[[str, str], None]
"""Told of a path passed over, and why."""

NEW_BLOG_ROOT = "posts"
"""The root proposed for a folder with neither posts nor a generator's files."""

_CONFIG_LIMIT = 1 << 20
_SITE_FOLDER_ORDER = ("content/posts", "_posts", "posts", "post", "content", "blog")
"""Folders a blog keeps posts in, most specific first: the tie-break between roots."""


@dataclass(frozen=True)
class GeneratorHint:
    """A site generator's file at the top of the tree."""

    generator: str
    """``pelican``, ``hugo`` or ``jekyll``."""
    evidence: str
    """The file that shows it, relative to the top (``pelicanconf.py``)."""
    posts_folder: str | None = None
    """Where that file says posts go, if it says so (Pelican's ``PATH``; for Hugo, its
    ``contentDir`` with ``/posts``: where a new Hugo site keeps them)."""
    content_folder: str | None = None
    """The folder the generator publishes from, if the file names one (Pelican's
    ``PATH``, Hugo's ``contentDir``): posts elsewhere (a theme's example site) are not
    the site's own."""
    future: bool = False
    """Whether the file has the generator publish posts dated after today (Hugo's
    ``buildFuture``, Jekyll's ``future``)."""


@dataclass(frozen=True)
class Survey:
    """What :func:`survey` found under ``top``. Counts are of post files (``*.md``,
    ``*.markdown``) unless said otherwise; paths are POSIX, relative to ``top``."""

    top: Path
    root: str
    """Where the posts live (``.`` for ``top`` itself); for a tree without posts, where
    its generator keeps them, else :data:`NEW_BLOG_ROOT`."""
    root_exists: bool
    posts: int = 0
    """Post files under the root."""
    haiku_posts: int = 0
    """Of them, those whose path is a ``-/-`` chain of two or more lines."""
    outside_root: Mapping[str, int] = field(default_factory=dict)
    """Other folders holding post files, outside the root (``README.md`` at the top: ``.``)."""
    line_counts: Mapping[int, int] = field(default_factory=dict)
    """How many haiku posts have each number of lines."""
    extensions: Mapping[str, int] = field(default_factory=dict)
    date_folders: Mapping[str, int] = field(default_factory=dict)
    """Date folder shapes above the haiku: ``YYYY``, ``YYYY/MM``, ``YYYY-MM-DD``..."""
    dated_names: int = 0
    """Posts whose file name (or bundle folder) starts with a date, as Jekyll names them
    (``a-/-b-/2024-03-05-c.md``)."""
    dated_outside_posts: int = 0
    """Of them, those not below a ``_posts`` folder, which ``file-name-dates = "auto"``
    leaves undated."""
    sections: tuple[str, ...] = ()
    """Multi-word folders right above the haiku that must be listed in ``sections``
    to be read as sections (a lone one is read as a haiku line)."""
    section_folders: Mapping[str, int] = field(default_factory=dict)
    """Every section folder above the haiku posts, with its post count."""
    not_posts: tuple[str, ...] = ()
    """What under the root is not a post, when the root holds haiku posts: folders right
    below it with Markdown files but no haiku path (Pelican's ``pages/``, ``/``-ended),
    and a repository's own files at its top (``README.md``). Relative to the root."""
    sampled: int = 0
    """How many posts had their headers read."""
    unreadable: int = 0
    """Sampled posts that could not be read (not UTF-8, over :data:`SAMPLE_POST_SIZE`)."""
    header_styles: Mapping[str, int] = field(default_factory=dict)
    """Of the sampled posts: ``yaml``, ``toml``, ``json``, ``pelican`` or ``none``."""
    header_places: Mapping[str, int] = field(default_factory=dict)
    """Of the sampled ``Key: value`` headers: ``top`` (one block from the first line,
    as Pelican reads them) or ``after-haiku`` (below a haiku line, or past blank lines):
    the two values of the config's ``header-lines``."""
    haiku_lines: int = 0
    """Sampled posts that write their haiku (a ``a / b / c`` line or a haiku header)."""
    scheduled: int = 0
    """Sampled posts dated after the day of the survey, within :data:`SCHEDULED_WITHIN`."""
    far_future: int = 0
    """Sampled posts dated further ahead than that."""
    generators: tuple[GeneratorHint, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    """Paths the walk passed over, with why: links out of the tree, unlistable folders."""

    @property
    def header_style(self) -> str | None:
        """The header style most sampled posts use, if any use one."""
        styles = [(count, style) for style, count in self.header_styles.items() if style != "none"]
        return max(styles)[1] if styles else None

    @property
    def header_place(self) -> str | None:
        """Where most ``Key: value`` header blocks sit, if any were sampled."""
        places = [(count, place) for place, count in self.header_places.items()]
        return max(places)[1] if places else None

    @property
    def lines(self) -> int | None:
        """The usual number of haiku lines, if there are haiku posts."""
        counts = [(count, lines) for lines, count in self.line_counts.items()]
        return max(counts)[1] if counts else None

    @property
    def schedules_posts(self) -> bool:
        """Whether posts dated after today are meant: the generator is told to publish
        them, or the sample holds :data:`SCHEDULED_MIN_POSTS` scheduled posts."""
        return any(hint.future for hint in self.generators) or (
            self.scheduled >= SCHEDULED_MIN_POSTS
        )

    @property
    def generator(self) -> str | None:
        """The generator the tree's files point to, if exactly one."""
        names = {hint.generator for hint in self.generators}
        return names.pop() if len(names) == 1 else None


def survey(top: Path, *, sample_size: int = SAMPLE_SIZE, today: date | None = None) -> Survey:
    """Survey the tree under ``top`` (a folder); reads at most ``sample_size`` posts.
    Posts dated after ``today`` (default: the real day) count as scheduled."""
    top = Path(os.path.abspath(top))
    skipped: list[tuple[str, str]] = []

    def note(path: str, reason: str) -> None:
        skipped.append((_relative(path, top), reason))

    config = Config(base=top, root=top)
    files = discover_posts([top], config, WalkOptions(top, on_unlistable=note, on_skipped=note))
    generators = tuple(generator_hints(top, on_unread=note))
    tops = _ChainTops(files, top)
    root = _choose_root(top, files, tops, generators)
    root_path = Path(os.path.normpath(top / root))
    under = [
        PostFile(file.filename, root_path) for file in files if is_under(file.filename, root_path)
    ]
    outside = Counter(
        _relative(tops.of[file.filename], top)
        for file in files
        if not is_under(file.filename, root_path)
    )
    # Read as if every file name could carry a date, to count those that do.
    slugs = [parse_slug(relative_to_root(file.filename, root_path), (), True) for file in under]
    sections = _sections_to_list(under, slugs, root_path, tops)
    if sections:
        slugs = [
            parse_slug(relative_to_root(file.filename, root_path), sections, True) for file in under
        ]
    haiku = [slug for slug in slugs if len(slug.lines) > 1]
    sample = [
        read_post(file, top, sections=sections, max_size=SAMPLE_POST_SIZE, headers_only=True)
        for file in _spread(under, sample_size)
    ]
    read = [post for post in sample if post.read_error is None]
    ahead = [day - (today or date.today()) for day in _post_dates(read)]
    return Survey(
        top=top,
        root=root,
        root_exists=root_path.is_dir(),
        posts=len(under),
        haiku_posts=len(haiku),
        outside_root=dict(sorted(outside.items())),
        line_counts=dict(sorted(Counter(len(slug.lines) for slug in haiku).items())),
        extensions=dict(Counter(slug.extension.lower() for slug in slugs).most_common()),
        date_folders=dict(Counter(_date_shape(s) for s in slugs if s.date_parts).most_common()),
        dated_names=sum(1 for slug in slugs if slug.file_date is not None),
        dated_outside_posts=sum(
            1
            for file, slug in zip(under, slugs, strict=True)
            if slug.file_date is not None and not dated_file_names(file.filename, None)
        ),
        sections=sections,
        section_folders=dict(
            Counter("/".join(slug.sections) for slug in haiku if slug.sections).most_common()
        ),
        not_posts=(*_page_folders(slugs), *_repository_files(slugs)) if haiku else (),
        sampled=len(sample),
        unreadable=len(sample) - len(read),
        header_styles=dict(Counter(post.header_style for post in read).most_common()),
        header_places=dict(Counter(_header_place(post) for post in read if _has_block(post))),
        haiku_lines=sum(1 for post in read if post.haiku is not None),
        scheduled=sum(1 for days in ahead if timedelta(0) < days <= SCHEDULED_WITHIN),
        far_future=sum(1 for days in ahead if days > SCHEDULED_WITHIN),
        generators=generators,
        skipped=tuple(skipped),
    )


def generator_hints(top: Path, on_unread: Note | None = None) -> Iterable[GeneratorHint]:
    """The site generators whose files sit at ``top``; a site config that is passed over
    (a link) or cannot be read (too large, not parsed) goes to ``on_unread``, with why."""

    def unread(name: str, reason: str) -> None:
        if on_unread is not None:
            on_unread(str(top / name), reason)

    if _is_file(top / "pelicanconf.py"):
        path = _pelican_path(top)
        yield GeneratorHint("pelican", "pelicanconf.py", path, content_folder=path)
    for name in HUGO_CONFIG_FILES:
        if _is_link(top, name, unread) or not _is_hugo_config(top, name):
            continue
        settings = _settings(top, name, ("contentdir", "buildfuture"), unread)
        content = _folder_below(settings.get("contentdir"))
        posts = f"{content}/posts" if content is not None else None
        future = settings.get("buildfuture") is True
        yield GeneratorHint("hugo", name, posts, content_folder=content, future=future)
    if not _is_link(top, "_config.yml", unread) and _is_file(top / "_config.yml"):
        future = _settings(top, "_config.yml", ("future",), unread).get("future") is True
        yield GeneratorHint("jekyll", "_config.yml", future=future)
    if _mentions(top, "Gemfile", (b"jekyll",)):
        yield GeneratorHint("jekyll", "Gemfile")


def _is_hugo_config(top: Path, name: str) -> bool:
    """Whether ``name`` at ``top`` is Hugo's site config: any ``hugo.*``, and a
    ``config.*`` naming a ``baseURL`` or a ``contentDir`` (a common name otherwise)."""
    if name.rpartition("/")[2].startswith("hugo."):
        return _is_file(top / name)
    return _mentions(top, name, (b"baseurl", b"contentdir"))


def _is_link(top: Path, name: str, unread: Note) -> bool:
    """Whether a site config file's place holds a link: noted, never followed."""
    if not (top / name).is_symlink():
        return False
    unread(name, "a symbolic link; not followed, its settings not read")
    return True


def _settings(top: Path, name: str, keys: Sequence[str], unread: Note) -> dict[str, object]:
    """The values of the top-level ``keys`` (lower case: Hugo's keys are not case
    sensitive) that the site config ``name`` at ``top`` sets; none when it cannot be
    read or parsed, which goes to ``unread``."""
    from haikulint.bounded_read import InputError, parse_json, parse_toml, read_post_bytes

    try:
        text = read_post_bytes(str(top / name), top, _CONFIG_LIMIT).decode("utf-8")
        extension = name.rpartition(".")[2]
        if extension == "toml":
            return _top_level(parse_toml(text), keys)
        if extension == "json":
            return _top_level(parse_json(text), keys)
        return _yaml_top_level(text, keys)
    except InputError as error:
        reason = str(error)
    except UnicodeDecodeError:
        reason = "not UTF-8 text"
    unread(name, f"cannot read this site config ({reason}); its settings not read")
    return {}


def _top_level(data: Any, keys: Sequence[str]) -> dict[str, object]:
    if not isinstance(data, dict):
        return {}
    return {str(key).lower(): value for key, value in data.items() if str(key).lower() in keys}


def _yaml_top_level(text: str, keys: Sequence[str]) -> dict[str, object]:
    """The scalar values of the top-level ``keys`` in the YAML ``text``. The document is
    only composed (an alias stays a reference, never copied out) and only those scalars
    are constructed: an alias bomb costs no more than its parse."""
    import yaml

    from haikulint.bounded_read import InputError

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = base(text)
    try:
        root = loader.get_single_node()
        found: dict[str, object] = {}
        if isinstance(root, yaml.MappingNode):
            for key, value in root.value:
                name = str(key.value).lower() if isinstance(key, yaml.ScalarNode) else ""
                if name in keys and isinstance(value, yaml.ScalarNode):
                    found[name] = loader.construct_object(value)
        return found
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f" on line {mark.line + 1}" if mark is not None else ""
        raise InputError(f"invalid YAML{where}: {error.problem}") from None
    except RecursionError:
        raise InputError("invalid YAML (values nested too deeply)") from None
    except (yaml.YAMLError, ValueError) as error:
        raise InputError(f"invalid YAML ({str(error).splitlines()[0]})") from None
    finally:
        loader.dispose()


def _folder_below(value: object) -> str | None:
    """A site config's folder setting, if it names a plain folder below the top."""
    if not isinstance(value, str) or not value.strip() or "\x00" in value:
        return None
    folder = os.path.normpath(value).replace(os.sep, "/")
    if os.path.isabs(folder) or folder in (".", "..") or folder.startswith("../"):
        return None
    return folder


def _post_dates(posts: Iterable[Post]) -> Iterator[date]:
    """The date of each post that has one (``date``, else Hugo's ``publishDate``)."""
    from haikulint.blog.dates import parse_date

    for post in posts:
        value = post.headers.get("date", post.headers.get("publishdate"))
        try:
            yield parse_date(value)
        except ValueError:
            continue


_PELICAN_PATH = re.compile(rb"""^PATH\s*=\s*(['"])([^'"\n]+)\1\s*(?:#.*)?$""", re.MULTILINE)


def _pelican_path(top: Path) -> str | None:
    """``PATH = "content"`` in pelicanconf.py, if it is a plain folder below the top."""
    from haikulint.bounded_read import InputError, read_post_bytes

    try:
        text = read_post_bytes(str(top / "pelicanconf.py"), top, _CONFIG_LIMIT)
    except InputError:
        return None
    found = _PELICAN_PATH.search(text)
    if found is None:
        return None
    return _folder_below(found.group(2).decode("utf-8", "replace"))


def _is_file(path: Path) -> bool:
    """A regular file, not a link (a link may lead out of the tree)."""
    return path.is_file() and not path.is_symlink()


def _mentions(top: Path, name: str, words: Sequence[bytes]) -> bool:
    """Whether the file ``name`` at ``top`` (a regular file, at most 1 MB) holds a word."""
    from haikulint.bounded_read import InputError, read_post_bytes

    path = top / name
    if not _is_file(path):
        return False
    try:
        text = read_post_bytes(str(path), top, _CONFIG_LIMIT).lower()
    except InputError:
        return False
    return any(word in text for word in words)


class _ChainTops:
    """Each post file's chain top (the folder above its ``-/-`` chain and date folders,
    never above the surveyed folder), found once, and which files are haiku chains."""

    def __init__(self, files: Sequence[PostFile], top: Path) -> None:
        self.top = str(top)
        self.of = {file.filename: _chain_top(file.filename, self.top) for file in files}
        self.chains = [
            filename
            for filename, folder in self.of.items()
            if len(parse_slug(relative_to_root(filename, Path(folder))).lines) > 1
        ]
        # How many chains lie in each folder or below it: one climb per chain, not a
        # comparison of every chain with every other.
        self.chains_in: Counter[str] = Counter()
        for filename in self.chains:
            folder = self.of[filename]
            while folder != self.top and is_under(folder, self.top):
                self.chains_in[folder] += 1
                folder = os.path.dirname(folder)

    def root_of(self, filename: str) -> str:
        """The top of ``filename``'s chain, climbing a multi-word folder above it that
        holds no other haiku post (``posts/the-cron-job-ran-twice/a-null-...-/-...md``)."""
        folder = self.of[filename]
        if folder == self.top:
            return folder
        name = os.path.basename(folder)
        if (
            _is_multi_word(name)
            and not is_date_folder(name)
            and self.chains_in[folder] < SECTION_MIN_POSTS
        ):
            return os.path.dirname(folder)
        return folder


def _choose_root(
    top: Path, files: Sequence[PostFile], tops: _ChainTops, generators: Sequence[GeneratorHint]
) -> str:
    """Where the posts live, relative to ``top``.

    With haiku posts: the folder holding all of them (their chains' common top), where
    a lone multi-word folder right above one chain is a line of it, not its root, and
    drafts beside the posts are left outside.
    Without: the folder holding most post files (a folder blogs keep posts in, or
    anything below the top, wins a tie). Without posts: the generator's post folder.
    """
    if tops.chains:
        published = [name for name in tops.chains if not _is_draft(name, top)] or tops.chains
        published = _in_content_folder(published, top, generators) or published
        return _relative(os.path.commonpath([tops.root_of(name) for name in published]), top)
    if files:
        folders = Counter(_relative(tops.of[file.filename], top) for file in files)
        return max(folders, key=lambda folder: (folders[folder], _preference(folder)))
    generator = {hint.generator for hint in generators}
    if len(generator) == 1:
        said = [hint.posts_folder for hint in generators if hint.posts_folder is not None]
        return said[0] if said else DEFAULT_ROOTS[generator.pop()]
    return NEW_BLOG_ROOT


def _in_content_folder(
    files: Sequence[str], top: Path, generators: Sequence[GeneratorHint]
) -> list[str]:
    """Of ``files``, those in the folder the generator publishes from (Hugo's
    ``contentDir``), when its config names one: a theme's example site is not the blog."""
    folders = {hint.content_folder for hint in generators if hint.content_folder is not None}
    if len(folders) != 1:
        return []
    content = os.path.normpath(top / folders.pop())
    return [name for name in files if is_under(name, content)]


def _is_draft(filename: str, top: Path) -> bool:
    """Whether the file lies in a drafts folder (Jekyll's ``_drafts/``, a ``drafts/``)."""
    return not DRAFT_FOLDERS.isdisjoint(_relative(os.path.dirname(filename), top).split("/"))


def _preference(folder: str) -> int:
    if folder in _SITE_FOLDER_ORDER:
        return len(_SITE_FOLDER_ORDER) - _SITE_FOLDER_ORDER.index(folder) + 1
    return 0 if folder == "." else 1


def _chain_top(filename: str, top: str) -> str:
    """The folder above ``filename``'s ``-/-`` chain and date folders, but never above
    ``top`` (a tree surveyed from inside a chain, or from a folder named ``2024``)."""
    folder = derive_root(filename)
    return folder if is_under(folder, top) else top


def _is_multi_word(folder: str) -> bool:
    return any(joiner in folder.strip("-_") for joiner in "-_")


def _sections_to_list(
    files: Sequence[PostFile], slugs: Sequence[Slug], root: Path, tops: _ChainTops
) -> tuple[str, ...]:
    """Multi-word folders right above the haiku of two or more posts, which the slug
    reader takes for haiku lines unless ``sections`` lists them."""
    found: Counter[str] = Counter()
    for file, slug in zip(files, slugs, strict=True):
        if SEPARATOR not in slug.separators:
            continue
        top_of_chain = tops.of[file.filename]
        if not is_under(top_of_chain, root) or os.path.normpath(top_of_chain) == str(root):
            continue
        name = os.path.basename(top_of_chain)
        if not _is_multi_word(name) or is_date_folder(name):
            continue
        relative = relative_to_root(file.filename, root)
        if len(parse_slug(relative, (name,), True).lines) != len(slug.lines):
            found[name] += 1
    return tuple(sorted(name for name, count in found.items() if count >= SECTION_MIN_POSTS))


def _page_folders(slugs: Sequence[Slug]) -> tuple[str, ...]:
    """Folders right below the root (not date folders) whose posts have no haiku path."""
    holds_haiku: dict[str, bool] = {}
    for slug in slugs:
        folder, slash, _ = slug.text.partition("/")
        if slash and not is_date_folder(folder):
            holds_haiku[folder] = holds_haiku.get(folder, False) or len(slug.lines) > 1
    return tuple(sorted(f"{folder}/" for folder, haiku in holds_haiku.items() if not haiku))


def _repository_files(slugs: Sequence[Slug]) -> tuple[str, ...]:
    """A repository's own Markdown files (``README.md``) right in the root."""
    return tuple(
        slug.text + slug.extension
        for slug in slugs
        if "/" not in slug.text and slug.text.lower() in REPOSITORY_FILES
    )


def _date_shape(slug: Slug) -> str:
    """``2024/03`` as ``YYYY/MM``, ``2024-03-05`` as ``YYYY-MM-DD``."""
    names = iter(("YYYY", "MM", "DD"))
    shapes = []
    for folder in slug.date_folders:
        shapes.append("-".join(next(names, "NN") for _ in folder.split("-")))
    return "/".join(shapes)


def _has_block(post: Post) -> bool:
    return post.header_style == "pelican" and bool(post.header_lines)


def _header_place(post: Post) -> str:
    """``top`` when the ``Key: value`` block reads the same with ``header-lines = "top"``
    (one block from line 1 to the first blank line, as Pelican reads metadata), else
    ``after-haiku`` (below a haiku line, or running on past blank lines)."""
    at_top = read_text(post.source, headers_only=True, header_lines="top")
    return "top" if at_top.headers == post.headers else "after-haiku"


def _spread(files: Sequence[PostFile], count: int) -> list[PostFile]:
    """At most ``count`` of ``files``, evenly spread, first and last included."""
    if len(files) <= count:
        return list(files)
    if count <= 1:
        return list(files[:count])
    step = (len(files) - 1) / (count - 1)
    return [files[round(index * step)] for index in range(count)]


def _relative(path: str | os.PathLike[str], top: Path) -> str:
    relative = os.path.relpath(os.fspath(path), top)
    return relative if os.sep == "/" else relative.replace(os.sep, "/")
