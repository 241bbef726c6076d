"""``haikulint rule CODE|NAME`` and ``haikulint rules``: the catalogue, for people and tools.

Text output is plain (no colour, no table library) so that it reads the same in
a terminal, a pager and a CI log, and costs nothing to import.
"""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Mapping

from haikulint import escape
from haikulint.catalogue import Example, FixExample, Rule, load_catalogue
from haikulint.config import Config
from haikulint.errors import UsageError, unknown_choice

OUTPUT_FORMATS = ("text", "json")
_WIDTH = 88


def show_rule(code_or_name: str, output_format: str, config: Config) -> int:
    """Print one rule's doc; exit 2 with a one-line message when there is no such rule."""
    _check_format(output_format)
    catalogue = load_catalogue(config.rules_dirs)
    rule = catalogue.find(code_or_name)
    if rule is None:
        escape.error(
            f"unknown rule {code_or_name!r} ({catalogue.did_you_mean(code_or_name)}"
            "see 'haikulint rules' for every code and name)"
        )
        return 2
    if output_format == "json":
        _write(json.dumps(rule_to_json(rule), indent=2, ensure_ascii=False))
    else:
        # A rule from the user's rules-dirs may hold anything: no ESC reaches the terminal.
        _write(escape.printable(render_rule(rule), keep_line_breaks=True))
    return 0


def list_rules(output_format: str, config: Config) -> int:
    """Print every rule: code, name, default severity and summary."""
    _check_format(output_format)
    rules = load_catalogue(config.rules_dirs).rules
    if output_format == "json":
        listing = [
            {
                "code": rule.code,
                "name": rule.name,
                "kind": rule.kind,
                "severity": rule.severity.value,
                "fix": fix_applicability(rule),
                "summary": rule.summary,
            }
            for rule in rules
        ]
        _write(json.dumps(listing, indent=2, ensure_ascii=False))
        return 0
    name_width = max((len(rule.name) for rule in rules), default=0)
    code_width = max((len(rule.code) for rule in rules), default=0)
    lines = [
        escape.one_line(
            f"{rule.code:<{code_width}}  {rule.name:<{name_width}}  "
            f"{rule.severity.value:<7}  {FIX_MARKS[fix_applicability(rule)]:<3}  {rule.summary}"
        )
        for rule in rules
    ]
    if any(fix_applicability(rule) for rule in rules):
        lines += ["", "[*] fixed by --fix, [-] fixed by --fix --unsafe-fixes"]
    _write("\n".join(lines))
    return 0


FIX_MARKS = {"safe": "[*]", "unsafe": "[-]", None: ""}
"""How ``haikulint rules`` marks a fixable rule, as the text report marks its problems."""


def fix_applicability(rule: Rule) -> str | None:
    """``safe`` or ``unsafe`` when the rule's file says ``--fix`` repairs it, else None."""
    return rule.fix.applicability if rule.fix is not None and rule.fix.fixable else None


def rule_to_json(rule: Rule) -> dict[str, object]:
    return {
        "code": rule.code,
        "name": rule.name,
        "kind": rule.kind,
        "scope": rule.scope,
        "severity": rule.severity.value,
        "summary": rule.summary,
        "why": rule.why,
        "options": {name: _json_value(value) for name, value in rule.options.items()},
        "include": list(rule.include),
        "exclude": list(rule.exclude),
        "source": str(rule.source) if rule.source is not None else None,
        "examples": [_example_to_json(example) for example in rule.examples],
        "fix": _fix_to_json(rule),
    }


def _fix_to_json(rule: Rule) -> dict[str, object] | None:
    if rule.fix is None:
        return None
    return {
        "fixable": rule.fix.fixable,
        "applicability": rule.fix.applicability,
        "what": rule.fix.what,
        "examples": [
            {
                "path": example.path,
                "before": example.before,
                "after": example.after,
                "target": example.target,
            }
            for example in rule.fix.examples
        ],
    }


def render_rule(rule: Rule) -> str:
    """The text of ``haikulint rule``: heading, summary, why, options, examples."""
    parts = [
        f"{rule.code} {rule.name} ({rule.severity.value})",
        "",
        rule.summary,
        "",
        "Why",
        textwrap.fill(rule.why, _WIDTH, initial_indent="  ", subsequent_indent="  "),
    ]
    if rule.options:
        parts += ["", "Options", *_option_lines(rule)]
    scope = [f"  include = {list(rule.include)}"] if rule.include else []
    scope += [f"  exclude = {list(rule.exclude)}"] if rule.exclude else []
    if scope:
        parts += ["", "Applies to", *scope]
    for expect, heading in (("fail", "Fails"), ("pass", "Passes")):
        for example in (item for item in rule.examples if item.expect == expect):
            parts += ["", heading, *_example_lines(example)]
    if rule.fix is not None:
        parts += ["", *_fix_lines(rule)]
    if rule.source is not None and not rule.builtin:
        parts += ["", f"Defined in {rule.source}"]
    return "\n".join(parts)


def _option_lines(rule: Rule) -> list[str]:
    from haikulint.checks.registry import load_kind

    helps = {name: option.help for name, option in load_kind(rule.kind).options.items()}
    lines = []
    for name, value in rule.options.items():
        lines.append(f"  {name} = {json.dumps(_json_value(value), ensure_ascii=False)}")
        if helps.get(name):
            lines.append(f"      {helps[name]}")
    return lines


def _example_lines(example: Example) -> list[str]:
    lines: list[str] = []
    if example.today is not None:
        lines.append(f"  (today is {example.today.isoformat()})")
    for file in example.files:
        encoding = f"  (saved as {file.encoding})" if file.encoding.lower() != "utf-8" else ""
        lines.append(f"  {file.path}{encoding}")
        lines += [f"    | {line}".rstrip() for line in file.content.splitlines()]
    # Whole, on one line each: what check prints, to compare or to search for.
    lines += [f"  message: {message}" for message in example.messages]
    return lines


def _fix_lines(rule: Rule) -> list[str]:
    """The Fix section: whether ``--fix`` repairs the problem, how, and examples."""
    assert rule.fix is not None
    how = {
        "safe": "Fix (safe: applied by --fix)",
        "unsafe": "Fix (unsafe: applied by --fix --unsafe-fixes)",
        None: "Fix (none)",
    }[fix_applicability(rule)]
    lines = [how, textwrap.fill(rule.fix.what, _WIDTH, initial_indent="  ", subsequent_indent="  ")]
    for example in rule.fix.examples:
        lines += ["", *_fix_example_lines(example)]
    return lines


def _fix_example_lines(example: FixExample) -> list[str]:
    lines = [f"  {example.path}"]
    lines += [f"    before | {line}".rstrip() for line in example.before.splitlines()]
    if example.after is None:
        return [*lines, "    (no fix: left as it is)"]
    if example.target is not None:
        lines.append(f"    renamed to {example.target}")
    lines += [f"    after  | {line}".rstrip() for line in example.after.splitlines()]
    return lines


def _example_to_json(example: Example) -> dict[str, object]:
    return {
        "expect": example.expect,
        "files": [
            {"path": file.path, "content": file.content, "encoding": file.encoding}
            for file in example.files
        ],
        "messages": list(example.messages),
        "today": example.today.isoformat() if example.today is not None else None,
    }


def _json_value(value: object) -> object:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    return value


def _check_format(output_format: str) -> None:
    if output_format not in OUTPUT_FORMATS:
        raise UsageError(unknown_choice("--output-format", output_format, OUTPUT_FORMATS))


def _write(text: str) -> None:
    sys.stdout.write(text + "\n")
