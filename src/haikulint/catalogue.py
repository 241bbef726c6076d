"""The rule catalogue: rule files bound to check kinds. The only place codes and names live.

Each rule is one TOML file: the built-in ones in the top-level ``rules/`` folder
(shipped in the wheel as ``haikulint/rules``), and the user's own in the folders
config lists in ``rules-dirs``. A file looks like this::

    code = "HK103"
    name = "slug-syllables"
    kind = "slug-syllables"        # a check kind: haikulint.checks.registry.MODULES
    severity = "error"             # error, warning or info
    summary = "A slug line cannot have the form's syllable count."
    why = "..."                    # a paragraph: why the rule exists
    include = ["tanka/**"]         # optional gitignore-style globs over the slug path
    exclude = []
    [options]                      # validated against the kind's OPTIONS
    form = [5, 7, 5, 7, 7]
    [[examples]]
    expect = "fail"                # or "pass"
    message = "line 3 ..."         # for "fail": the message, in full, as check gives it
    messages = ["...", "..."]      # or: every message, when the rule gives several
    today = 2024-06-01             # optional: the date "today" is for this example
    files = [{path = "post/a-/-b-/-c.md", content = "..."}]
    [fix]                          # optional: whether --fix repairs it, and how
    fixable = true
    applicability = "safe"         # or "unsafe" (only with --unsafe-fixes)
    what = "..."                   # what the fix does, and why it is (un)safe
    [[fix.examples]]               # run by the tests: before, then after --fix
    path = "post/a-/-b-/-c.md"
    before = "..."
    after = "..."                  # omitted: no fix is offered for this post
    target = "post/..."            # for a rename: where the post is afterwards

A bad file (invalid TOML, a missing or wrong field, an unknown kind or option,
a code or name used twice) is a :class:`~haikulint.errors.ConfigError` naming it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from haikulint.diagnostic import Severity
from haikulint.errors import ConfigError, UsageError

if TYPE_CHECKING:
    from haikulint.blog.post import Post
    from haikulint.checks import CheckContext, Problem
    from haikulint.checks.registry import CheckKind
    from haikulint.checks.summary import PostSummary

_CODE = r"[A-Z]{1,8}[0-9]{1,6}"
_NAME = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
_FIELDS = {
    "code",
    "name",
    "kind",
    "severity",
    "summary",
    "why",
    "options",
    "include",
    "exclude",
    "examples",
    "fix",
}
_EXAMPLE_FIELDS = {"expect", "files", "message", "messages", "today"}
_FIX_FIELDS = {"fixable", "applicability", "what", "examples"}
_FIX_EXAMPLE_FIELDS = {"path", "before", "after", "target", "today"}


# The records below document a rule (``haikulint rule``, the tests that run its
# examples); no check reads them. Named tuples, not dataclasses: a run imports this
# module before it looks at a post, and a frozen dataclass costs ten times as much to
# define (about 1 ms each on a slow machine).


class ExampleFile(NamedTuple):
    path: str
    """POSIX path below the blog root, e.g. ``post/a-b-/-c-d-/-e.md``."""
    content: str
    encoding: str = "utf-8"
    """How to write ``content`` to disk; ``latin-1`` makes a file that is not UTF-8."""


class Example(NamedTuple):
    """A post (or, for cross-post rules, several) on which the rule must fail or pass."""

    expect: str
    """``fail`` or ``pass``."""
    files: tuple[ExampleFile, ...]
    messages: tuple[str, ...] = ()
    """For ``fail``: every message the rule gives on ``files``, in full, as ``haikulint
    check`` run in the blog root gives them (the tests hold the two equal)."""
    today: date | None = None


class FixExample(NamedTuple):
    """A post before ``--fix`` and after it (``--unsafe-fixes`` for an unsafe fix)."""

    path: str
    before: str
    after: str | None = None
    """None: no fix is offered, and the post is left as it is."""
    target: str | None = None
    """Where the post is after a rename fix; None when it stays where it is."""
    today: date | None = None


class RuleFix(NamedTuple):
    """The ``[fix]`` table: whether and how ``--fix`` repairs what the rule finds."""

    fixable: bool
    applicability: str | None
    """``safe`` or ``unsafe`` for a fixable rule; None otherwise."""
    what: str
    """What the fix does and why it is safe or not; why there is none, when none."""
    examples: tuple[FixExample, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One rule: a check kind bound to a code, a name, a severity, options and docs."""

    code: str
    name: str
    kind: str
    scope: str
    """``post`` or ``blog``, from the kind."""
    severity: Severity
    summary: str
    why: str
    options: Mapping[str, object] = field(default_factory=dict, compare=False)
    """The rule's options, validated, with the kind's defaults filled in."""
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    examples: tuple[Example, ...] = field(default=(), compare=False)
    source: Path | None = None
    builtin: bool = True
    fix: RuleFix | None = field(default=None, compare=False)

    def applies_to(self, post: Post) -> bool:
        """Whether ``post``'s slug path matches ``include`` (if any) and not ``exclude``."""
        return self.applies_to_slug(post.slug.text, post.slug.extension)

    def applies_to_slug(self, text: str, extension: str) -> bool:
        """:meth:`applies_to` for a slug given by its text and extension."""
        if not self.include and not self.exclude:
            return True
        paths = (text, text + extension)
        if self.include and not any(map(_spec(self.include).match_file, paths)):
            return False
        return not (self.exclude and any(map(_spec(self.exclude).match_file, paths)))

    @cached_property
    def stable_digest(self) -> str:
        """A digest of every field (see :func:`haikulint.digest.stable`), made once: the
        stored catalogue keeps it, so a run keys its results on the rules it selects
        without walking every example again."""
        from haikulint.digest import fields_form, text_digest

        return text_digest(repr(fields_form(self)))

    @property
    def check_kind(self) -> CheckKind:
        from haikulint.checks.registry import load_kind

        return load_kind(self.kind)


@cache
def _spec(patterns: tuple[str, ...]) -> Any:
    from haikulint.patterns import compile_gitignore  # only rules with include/exclude pay

    return compile_gitignore(patterns, "a rule's include or exclude", item="")


class Catalogue:
    """Every rule known to a run: the built-ins and the user's, ordered by code."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules

    def __repr__(self) -> str:
        return f"Catalogue({self.rules!r})"

    @cached_property
    def _by_key(self) -> dict[str, Rule]:
        index = {rule.code.upper(): rule for rule in self.rules}
        index.update({rule.name: rule for rule in self.rules})
        return index

    def find(self, code_or_name: str) -> Rule | None:
        """The rule with this code (any case) or name."""
        key = code_or_name.strip()
        return self._by_key.get(key.upper()) or self._by_key.get(key.lower())

    def select(
        self,
        select: Sequence[str],
        ignore: Sequence[str],
        extend_select: Sequence[str] = (),
    ) -> list[Rule]:
        """The rules a run uses, like ruff: no ``select`` means every rule.

        Selectors are codes, names, code prefixes (``HK1``, ``HK``) or ``ALL``. When a
        rule matches both a selector and an ignore, the more specific one wins
        (``--select HK103 --ignore HK1`` keeps HK103); on a tie, ignore wins.
        """
        chosen = [*(select or ("ALL",)), *extend_select]
        self.check_selectors([*chosen, *ignore])
        return [
            rule
            for rule in self.rules
            if max((_specificity(rule, s) for s in chosen), default=0)
            > max((_specificity(rule, s) for s in ignore), default=0)
        ]

    def check_selectors(self, selectors: Iterable[str], where: str = "") -> None:
        """Raise :class:`UsageError` for a selector that picks no rule (a typo: ``HK1O3``)."""
        for selector in self.unknown_selectors(selectors)[:1]:
            raise UsageError(
                f"{where}unknown rule selector {selector!r} "
                f"({self.did_you_mean(selector)}see 'haikulint rules')"
            )

    def closest(self, selector: str) -> str | None:
        """The rule code or name most like ``selector``, a typo (``HK1O3``: ``HK103``,
        ``dat-missing``: ``date-missing``), or None when nothing is close."""
        from difflib import get_close_matches

        key = selector.strip()
        codes = {rule.code.upper(): rule.code for rule in self.rules}
        names = [rule.name for rule in self.rules]
        match = get_close_matches(key.upper(), list(codes), n=1, cutoff=0.75)
        if match:
            return codes[match[0]]
        named = get_close_matches(key.lower(), names, n=1, cutoff=0.75)
        return named[0] if named else None

    def did_you_mean(self, selector: str) -> str:
        """``did you mean 'HK103'? `` for a typo, else "": the start of a parenthesis."""
        closest = self.closest(selector)
        return f"did you mean {closest!r}? " if closest else ""

    def unknown_selectors(self, selectors: Iterable[str]) -> list[str]:
        """The ``selectors`` that pick no rule (typos: ``HK1O3``), in order."""
        return [
            selector
            for selector in selectors
            if not any(_specificity(rule, selector) for rule in self.rules)
        ]


def rule_matches(rule: Rule, selector: str) -> bool:
    """A selector (code, code prefix such as ``HK1``, name, or ``ALL``) picks ``rule``."""
    return _specificity(rule, selector) > 0


def _specificity(rule: Rule, selector: str) -> int:
    """0 when ``selector`` does not pick ``rule``; else higher for more specific selectors."""
    selector = selector.strip()
    if not selector:
        return 0
    if selector.upper() == "ALL":
        return 1
    if selector.lower() == rule.name or selector.upper() == rule.code:
        return 100
    if rule.code.startswith(selector.upper()):
        return 1 + len(selector)
    return 0


def builtin_rules_dir() -> Path:
    """``haikulint/rules`` in an installed wheel; the repository's ``rules/`` when editable."""
    package = Path(__file__).resolve().parent
    installed = package / "rules"
    if installed.is_dir():
        return installed
    return package.parent.parent / "rules"


def load_catalogue(rules_dirs: Sequence[Path] = ()) -> Catalogue:
    """The built-in rules plus the rule files in ``rules_dirs``; cached per process, and
    on disk (see :func:`_remembered`)."""
    return _load(tuple(Path(folder).resolve() for folder in rules_dirs))


RuleText = tuple[Path, bool, "str | ConfigError"]
"""A rule file, whether it is built in, and its text (or why it cannot be read)."""


@cache
def _load(rules_dirs: tuple[Path, ...]) -> Catalogue:
    folders = [(builtin_rules_dir(), True), *((folder, False) for folder in rules_dirs)]
    texts = [
        (path, builtin, _rule_text(path))
        for folder, builtin in folders
        for path in _rule_files(folder, builtin)
    ]
    if any(isinstance(text, ConfigError) for _, _, text in texts):
        return _catalogue_from(texts)  # raises, naming the first bad file
    return _remembered(texts)


def _catalogue_from(texts: Sequence[RuleText]) -> Catalogue:
    """The catalogue of the rule files read into ``texts``, each validated in turn."""
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for path, builtin, text in texts:
        if isinstance(text, ConfigError):
            raise text
        rule = _rule_from_text(text, path, builtin)
        for key in (rule.code, rule.name):
            if key in seen:
                raise ConfigError(f"{path}: rule {key} is already defined in {seen[key]}")
            seen[key] = path
        rules.append(rule)
    rules.sort(key=lambda rule: rule.code)
    return Catalogue(tuple(rules))


CATALOGUE_FORMAT = 4
"""Bumped whenever the stored catalogue changes shape."""


def _remembered(texts: Sequence[RuleText]) -> Catalogue:
    """:func:`_catalogue_from`, kept on disk between runs (see :mod:`haikulint.remembered`),
    made anew whenever a rule file's path or text, haikulint's version, or the size and
    mtime of the code that reads rule files changes (an editable install changes without
    a new version)."""
    from haikulint import __version__
    from haikulint.remembered import remembered

    def make() -> Catalogue:
        catalogue = _catalogue_from(texts)
        for rule in catalogue.rules:
            rule.stable_digest  # noqa: B018 - made now, to be stored with the rule
        return catalogue

    made_of = repr([CATALOGUE_FORMAT, __version__, sys.version, _code_stamps(), texts])
    return remembered("catalogue", made_of, make, Catalogue)


def _code_stamps() -> list[tuple[str, int, int]]:
    """The name, size and mtime of each module whose code decides what a rule file reads
    as: this one, the severities, the digests, and the checks (their kinds, scopes and
    options)."""
    package = Path(__file__).parent
    names = ("catalogue.py", "diagnostic.py", "digest.py", "remembered.py", "safe_unpickle.py")
    paths = [package / name for name in names]
    try:
        with os.scandir(package / "checks") as entries:
            paths += sorted(Path(entry.path) for entry in entries if entry.name.endswith(".py"))
    except OSError:  # pragma: no cover - a package without its checks cannot run
        pass
    stamps = []
    for path in paths:
        try:
            status = path.stat()
        except OSError:
            stamps.append((path.name, -1, -1))
        else:
            stamps.append((path.name, status.st_size, status.st_mtime_ns))
    return stamps


def _rule_files(folder: Path, builtin: bool) -> list[Path]:
    try:
        names = os.listdir(folder)
    except OSError as error:
        if builtin:  # pragma: no cover - a broken installation
            raise ConfigError(f"{folder}: the built-in rules are missing") from None
        if folder.is_dir():
            why = error.strerror or error
            raise ConfigError(f"{folder}: cannot list rules-dirs folder ({why})") from None
        raise ConfigError(f"{folder}: rules-dirs folder not found") from None
    misplaced = sorted(
        folder / name for name in names if _ends_with(name, ".yaml", ".yml", ".json")
    )
    if misplaced:
        raise ConfigError(
            f"{misplaced[0]}: rule files are TOML; write it as {misplaced[0].stem}.toml"
        )
    return sorted(folder / name for name in names if _ends_with(name, ".toml"))


def _ends_with(name: str, *suffixes: str) -> bool:
    """Whether the file name ends with one of ``suffixes``, as ``Path.glob('*.toml')``
    matches it (regardless of case where the system ignores it)."""
    return os.path.normcase(name).endswith(suffixes)


def _rule_text(path: Path) -> str | ConfigError:
    """The text of the rule file ``path``, or the error that names why it cannot be read."""
    from haikulint.bounded_read import MAX_CONFIG_SIZE, read_document

    try:
        return read_document(path, MAX_CONFIG_SIZE, str, what="rule file", fail=ConfigError)
    except ConfigError as error:
        return error


def read_rule(path: Path, *, builtin: bool = False) -> Rule:
    """One rule file, validated; ConfigError with the path on any fault."""
    text = _rule_text(path)
    if isinstance(text, ConfigError):
        raise text
    return _rule_from_text(text, path, builtin)


def _rule_from_text(text: str, path: Path, builtin: bool) -> Rule:
    from haikulint.bounded_read import InputError, parse_toml

    try:
        data = parse_toml(text)
    except InputError as error:  # worded as bounded_read.read_document words it
        raise ConfigError(f"{path}: {error}") from None
    try:
        return _rule_from_table(data, path, builtin)
    except ValueError as error:
        raise ConfigError(f"{path}: {error}") from error


def _rule_from_table(data: Mapping[str, Any], path: Path, builtin: bool) -> Rule:
    from haikulint.checks.registry import MODULES, load_kind

    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r}")
    code = _required_text(data, "code")
    if not re.fullmatch(_CODE, code):
        raise ValueError(f"code {code!r} must be capital letters then digits, like HK103")
    name = _required_text(data, "name")
    if not re.fullmatch(_NAME, name):
        raise ValueError(f"name {name!r} must be lowercase words joined by hyphens")
    kind = _required_text(data, "kind")
    if kind not in MODULES:
        raise ValueError(f"unknown kind {kind!r} (known: {', '.join(sorted(MODULES))})")
    severity_text = _required_text(data, "severity")
    try:
        severity = Severity(severity_text)
    except ValueError:
        raise ValueError(f"severity {severity_text!r} must be error, warning or info") from None
    check_kind = load_kind(kind)
    return Rule(
        code=code,
        name=name,
        kind=kind,
        scope=check_kind.scope,
        severity=severity,
        summary=_required_text(data, "summary"),
        why=" ".join(_required_text(data, "why").split()),
        options=_options(data.get("options", {}), check_kind),
        include=_globs(data, "include"),
        exclude=_globs(data, "exclude"),
        examples=tuple(_examples(data.get("examples", []))),
        source=path,
        builtin=builtin,
        fix=_rule_fix(data["fix"]) if "fix" in data else None,
    )


def _required_text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key!r} must be a non-empty string")
    return value.strip()


def _globs(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{key!r} must be a list of glob strings")
    return tuple(value)


def _options(table: object, check_kind: CheckKind) -> dict[str, object]:
    if not isinstance(table, Mapping):
        raise ValueError("'options' must be a table")
    unknown = sorted(set(table) - set(check_kind.options))
    if unknown:
        known = ", ".join(sorted(check_kind.options)) or "none"
        raise ValueError(
            f"unknown option {unknown[0]!r} for kind {check_kind.kind!r} (known: {known})"
        )
    options: dict[str, object] = {}
    for name, option in check_kind.options.items():
        if name in table:
            try:
                options[name] = option.parse(table[name])
            except ValueError as error:
                raise ValueError(f"option {name!r} {error}") from None
        elif option.required:
            raise ValueError(f"kind {check_kind.kind!r} needs option {name!r}")
        elif option.default is not None:
            options[name] = option.default
    return options


def _tables(
    value: object, array: str, label: str, fields: set[str]
) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Each table of the array of tables ``value`` (``[[array]]``), checked to hold only
    ``fields``, with how a message names it (``example 2``)."""
    if not isinstance(value, list):
        name = array.rpartition(".")[2]
        raise ValueError(f"'{name}' must be an array of tables ([[{array}]])")
    for number, item in enumerate(value, start=1):
        where = f"{label} {number}"
        if not isinstance(item, Mapping):
            raise ValueError(f"{where} must be a table")
        unknown = sorted(set(item) - fields)
        if unknown:
            raise ValueError(f"{where}: unknown field {unknown[0]!r}")
        yield where, item


def _below_root(path: str) -> bool:
    """A relative POSIX path that stays below the blog root."""
    return bool(path) and not path.startswith("/") and ".." not in path.split("/")


def _examples(value: object) -> Iterator[Example]:
    for where, item in _tables(value, "examples", "example", _EXAMPLE_FIELDS):
        expect = item.get("expect")
        if expect not in ("fail", "pass"):
            raise ValueError(f'{where}: \'expect\' must be "fail" or "pass"')
        messages = _example_messages(item, where)
        if messages and expect == "pass":
            raise ValueError(f"{where}: 'message' is only for examples that fail")
        today = item.get("today")
        if isinstance(today, str):
            try:
                today = date.fromisoformat(today)
            except ValueError:
                raise ValueError(f"{where}: 'today' must be a date like 2024-06-01") from None
        if today is not None and not isinstance(today, date):
            raise ValueError(f"{where}: 'today' must be a date like 2024-06-01")
        yield Example(
            expect=expect,
            files=_example_files(item.get("files"), where),
            messages=messages,
            today=today,
        )


def _example_messages(item: Mapping[str, Any], where: str) -> tuple[str, ...]:
    """An example's ``message`` (one) or ``messages`` (several), as a tuple."""
    if "message" in item and "messages" in item:
        raise ValueError(f"{where}: give 'message' or 'messages', not both")
    if "message" in item:
        message = item["message"]
        if not isinstance(message, str) or not message.strip():
            raise ValueError(f"{where}: 'message' must be a non-empty string")
        return (message,)
    messages = item.get("messages", [])
    if not isinstance(messages, list) or not all(
        isinstance(message, str) and message.strip() for message in messages
    ):
        raise ValueError(f"{where}: 'messages' must be a list of non-empty strings")
    return tuple(messages)


def _rule_fix(table: object) -> RuleFix:
    if not isinstance(table, Mapping):
        raise ValueError("'fix' must be a table")
    unknown = sorted(set(table) - _FIX_FIELDS)
    if unknown:
        raise ValueError(f"fix: unknown field {unknown[0]!r}")
    fixable = table.get("fixable")
    if not isinstance(fixable, bool):
        raise ValueError("fix: 'fixable' must be true or false")
    applicability = table.get("applicability")
    if fixable and applicability not in ("safe", "unsafe"):
        raise ValueError('fix: \'applicability\' must be "safe" or "unsafe"')
    if not fixable and applicability is not None:
        raise ValueError("fix: 'applicability' is only for a fixable rule")
    what = table.get("what")
    if not isinstance(what, str) or not what.strip():
        raise ValueError("fix: 'what' must be a non-empty string")
    examples = tuple(_fix_examples(table.get("examples", [])))
    if not fixable and any(example.after is not None for example in examples):
        raise ValueError("fix: a rule that is not fixable has no 'after' in its examples")
    return RuleFix(fixable, applicability, " ".join(what.split()), examples)


def _fix_examples(value: object) -> Iterator[FixExample]:
    for where, item in _tables(value, "fix.examples", "fix example", _FIX_EXAMPLE_FIELDS):
        texts = {key: item.get(key) for key in ("path", "before", "after", "target")}
        if not all(isinstance(text, str) for key, text in texts.items() if key in item):
            raise ValueError(f"{where}: path, before, after and target are strings")
        path, target = item.get("path"), item.get("target")
        if not isinstance(path, str) or not isinstance(item.get("before"), str):
            raise ValueError(f"{where}: needs a 'path' and a 'before'")
        for relative in (path, target):
            if relative is not None and not _below_root(relative):
                raise ValueError(f"{where}: path {relative!r} must stay below the blog root")
        today = item.get("today")
        if today is not None and not isinstance(today, date):
            raise ValueError(f"{where}: 'today' must be a date like 2024-06-01")
        yield FixExample(
            path=path, before=item["before"], after=item.get("after"), target=target, today=today
        )


def _example_files(value: object, where: str) -> tuple[ExampleFile, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError(f"{where}: 'files' must be a non-empty array of {{path, content}}")
    files: list[ExampleFile] = []
    for item in value:
        if not isinstance(item, Mapping) or set(item) - {"path", "content", "encoding"}:
            raise ValueError(f"{where}: each file is a table of path, content and encoding")
        path, content = item.get("path"), item.get("content")
        encoding = item.get("encoding", "utf-8")
        if not isinstance(path, str) or not isinstance(content, str):
            raise ValueError(f"{where}: each file needs a string 'path' and 'content'")
        if not _below_root(path):
            raise ValueError(f"{where}: file path {path!r} must stay below the blog root")
        if not isinstance(encoding, str) or not _is_codec(encoding):
            raise ValueError(f"{where}: unknown encoding {encoding!r}")
        files.append(ExampleFile(path=path, content=content, encoding=encoding))
    return tuple(files)


def _is_codec(name: str) -> bool:
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _context_for(rule: Rule, context: CheckContext) -> CheckContext:
    """The run's context with the rule's own ``form`` over the configured one."""
    form = rule.options.get("form")
    if isinstance(form, tuple) and form != context.form:
        return replace(context, form=form)
    return context


def run_post_rule(rule: Rule, post: Post, context: CheckContext) -> Iterator[Problem]:
    """The problems ``rule`` finds in ``post`` (none if the rule does not apply to it)."""
    if rule.scope != "post" or not rule.applies_to(post):
        return iter(())
    return bind_post_rule(rule, context)(post)


PostCheck = Callable[["Post"], Iterator["Problem"]]


def bind_post_rule(rule: Rule, context: CheckContext) -> PostCheck:
    """``rule``'s check with its options and context fixed, to run on many posts.

    Unlike :func:`run_post_rule` it does not test :meth:`Rule.applies_to`: the caller
    does, once per post, with the rule's other switches.
    """
    check = rule.check_kind.check
    options = rule.options
    own_context = _context_for(rule, context)

    def run(post: Post) -> Iterator[Problem]:
        problems: Iterator[Problem] = check(post, options, own_context)
        return problems

    return run


def run_blog_rule_on_summaries(
    rule: Rule, posts: Sequence[PostSummary], context: CheckContext
) -> Iterator[tuple[PostSummary, Problem]]:
    """The problems a cross-post ``rule`` finds among the ``posts`` it applies to, each
    summarised with (at least) the headers :func:`summary_headers` names for it."""
    if rule.scope != "blog":
        return iter(())
    in_scope = [post for post in posts if rule.applies_to_slug(post.slug_text, post.slug_extension)]
    result: Iterator[tuple[PostSummary, Problem]] = rule.check_kind.check(
        in_scope, rule.options, _context_for(rule, context)
    )
    return result


def summary_headers(rules: Sequence[Rule]) -> tuple[str, ...]:
    """The headers the blog-scope ``rules`` read of each post, in a stable order."""
    keys: set[str] = set()
    for rule in rules:
        if rule.scope == "blog":
            keys |= rule.check_kind.headers_read(rule.options)
    return tuple(sorted(keys))
