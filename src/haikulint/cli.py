"""The command line: a thin typer layer.

It parses options, loads the config and hands over to ``haikulint.commands.*``,
which are imported only when their command runs, so that ``haikulint syllables``
does not pay for the rule engine and ``check`` does not pay for the table renderer.
Every exit code is decided here, returned by a command, or (for errors) decided by
:mod:`haikulint.launch`, which runs this app (or, for a plain ``check``, the command
directly):

* 0: success (``check``: no errors; warnings allowed)
* 1: ``check`` found errors; ``new`` or ``mv`` refused the haiku or the target exists
* 2: usage, config or internal error, always with a one-line message

There is deliberately no ``from __future__ import annotations`` here: typer reads every
command's annotations on every run, and string annotations must then be compiled and
evaluated by ``typing.get_type_hints`` (~2.5 ms of start-up for these commands).
"""

from pathlib import Path
from typing import Annotated, NoReturn

import typer

from haikulint import __version__
from haikulint.launch import main as main  # the console script's entry point (re-exported)

app = typer.Typer(
    name="haikulint",
    help="Lint a blog whose posts are named by haiku, and write new ones.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Config file (default: nearest haikulint.toml, .haikulint.toml or pyproject.toml).",
        dir_okay=False,
    ),
]

# Options that the commands writing files (new, mv, init) spell and explain the same way.
RootOption = Annotated[
    Path | None,
    typer.Option(
        help="The blog root, where posts live (default: the configured root, "
        "else as the command says above)."
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Go ahead even if the haiku does not fit the form.")
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Print what would be written; change nothing.")
]
TextOrJsonOption = Annotated[str, typer.Option("--output-format", help="text or json.")]


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"haikulint {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            help="Show the version and exit.",
            callback=_version_callback,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Lint a blog whose posts are named by haiku, and write new ones."""


@app.command()
def syllables(
    texts: Annotated[
        list[str] | None,
        typer.Argument(
            help="Lines or haiku (`a / b / c`, or a slug). `-`, or none with piped "
            "input: one input per line of standard input.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "--output-format", help="table or json (JSON Lines).")
    ] = "table",
    config_file: ConfigOption = None,
) -> None:
    """Count the syllables of each word and line, with every reading and its source."""
    arguments = dict(locals())  # every parameter, by name: what command_line.py makes too
    from haikulint.commands.syllables import from_command_line

    _exit(from_command_line(**arguments))


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders to check (default: the configured root, else `.`).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--output-format",
            "--format",
            help="text, concise, json, github or sarif.",
        ),
    ] = "text",
    select: Annotated[
        list[str] | None,
        typer.Option(help="Rules to run: codes, names or prefixes (HK1). Repeat or comma-join."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(help="Rules to skip: codes, names or prefixes. Repeat or comma-join."),
    ] = None,
    extend_select: Annotated[
        list[str] | None, typer.Option(help="Rules to add to the selection.")
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Show counts per rule instead of each problem.")
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(help="Report only problems not recorded in this baseline file."),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(help="Record every current problem in this file, and exit 0."),
    ] = None,
    root: Annotated[
        Path | None,
        typer.Option(help="The blog root that slugs are relative to (default: from config)."),
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when errors are found.")
    ] = False,
    force_exclude: Annotated[
        bool,
        typer.Option(
            "--force-exclude",
            help="Apply the config's exclude to files named on the command line too"
            " (for pre-commit, which names every staged file).",
        ),
    ] = False,
    no_progress: Annotated[
        bool, typer.Option("--no-progress", help="Never show a progress bar.")
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Read and check every post, ignoring and not writing the cache."
        ),
    ] = False,
    fix: Annotated[
        bool | None,
        typer.Option("--fix/--no-fix", help="Apply safe fixes (config: fix).", show_default=False),
    ] = None,
    unsafe_fixes: Annotated[
        bool | None,
        typer.Option(
            "--unsafe-fixes/--no-unsafe-fixes",
            help="Let --fix, --diff and --fix-only apply unsafe fixes too: renames and "
            "the haiku line rewritten (config: unsafe-fixes).",
            show_default=False,
        ),
    ] = None,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Show what --fix would change, as a diff; write nothing."),
    ] = False,
    fix_only: Annotated[
        bool, typer.Option("--fix-only", help="Apply fixes and report nothing else.")
    ] = False,
    config_file: ConfigOption = None,
) -> None:
    """Check posts: haiku slugs, title and date headers, and cross-post problems."""
    arguments = dict(locals())  # every parameter, by name: what command_line.py makes too
    from haikulint.commands.check import from_command_line

    _exit(from_command_line(**arguments))


@app.command()
def rule(
    code_or_name: Annotated[str, typer.Argument(help="A rule code (HK103) or name.")],
    output_format: Annotated[
        str, typer.Option("--output-format", "--format", help="text or json.")
    ] = "text",
    config_file: ConfigOption = None,
) -> None:
    """Explain a rule: what it checks, why, and examples that fail and pass."""
    from haikulint.commands import rules as command
    from haikulint.config import load_config

    _exit(command.show_rule(code_or_name, output_format, load_config(config_file)))


@app.command(name="rules")
def list_rules(
    output_format: Annotated[
        str, typer.Option("--output-format", "--format", help="text or json.")
    ] = "text",
    config_file: ConfigOption = None,
) -> None:
    """List every rule: code, name, default severity and summary."""
    from haikulint.commands import rules as command
    from haikulint.config import load_config

    _exit(command.list_rules(output_format, load_config(config_file)))


@app.command()
def new(
    haiku: Annotated[
        str | None,
        typer.Argument(
            help="Three lines joined by ` / ` (a `-/-` slug works too). "
            "Omitted on a terminal: asked line by line.",
            show_default=False,
        ),
    ] = None,
    title: Annotated[str | None, typer.Option(help="The post's title.")] = None,
    date: Annotated[
        str | None, typer.Option(help="The post's date, YYYY-MM-DD (default: today).")
    ] = None,
    root: RootOption = None,
    header_style: Annotated[
        str | None,
        typer.Option(
            "--header-style", help="Header style: yaml, toml or pelican (default: config)."
        ),
    ] = None,
    legacy_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            hidden=True,
            help="Old spelling: an output format (text, json) or, deprecated, a header style.",
        ),
    ] = None,
    force: ForceOption = False,
    dry_run: DryRunOption = False,
    edit: Annotated[
        bool, typer.Option("--edit", help="Open $VISUAL or $EDITOR on the new post.")
    ] = False,
    output_format: TextOrJsonOption = "text",
    config_file: ConfigOption = None,
) -> None:
    """Check a haiku and create its post at the right nested path.

    The post goes below --root, else the configured root, else posts/ if it exists, else .
    """
    from haikulint.commands import new as command
    from haikulint.config import load_config

    _exit(
        command.run(
            haiku=haiku,
            title=title,
            date=date,
            root=root,
            header_style=header_style,
            legacy_format=legacy_format,
            force=force,
            dry_run=dry_run,
            edit=edit,
            output_format=output_format,
            config=load_config(config_file),
        )
    )


@app.command()
def init(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="FOLDER",
            help="The blog's top folder (default: the current one).",
            show_default=False,
        ),
    ] = Path("."),
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Write without asking (for scripts).")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what was found and the config; write nothing.")
    ] = False,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config-file",
            help="Where to write (default: pyproject.toml if there is one, else haikulint.toml).",
            dir_okay=False,
        ),
    ] = None,
    output_format: TextOrJsonOption = "text",
) -> None:
    """Set a blog up: find where its posts live and write its config."""
    from haikulint.commands import init as command

    _exit(
        command.run(
            folder=folder,
            yes=yes,
            dry_run=dry_run,
            config_file=config_file,
            output_format=output_format,
        )
    )


@app.command()
def clean(config_file: ConfigOption = None) -> None:
    """Remove the cached results of earlier checks."""
    from haikulint.cache import cache_folder, clean
    from haikulint.config import load_config

    folder = cache_folder(load_config(config_file).cache_dir)
    removed = clean(folder)
    where = folder if folder is not None else "no cache folder"
    typer.echo(f"Removed {len(removed)} cache file{'s' * (len(removed) != 1)} from {where}")
    _exit(0)


@app.command()
def mv(
    post: Annotated[
        Path,
        typer.Argument(help="The post: its file, or its page bundle's folder.", show_default=False),
    ],
    haiku: Annotated[
        str,
        typer.Argument(help="The new haiku: three lines joined by ` / `.", show_default=False),
    ],
    root: RootOption = None,
    force: ForceOption = False,
    dry_run: DryRunOption = False,
    alias: Annotated[
        bool,
        typer.Option("--alias", help="Record the old address in the post (Hugo aliases, ...)."),
    ] = False,
    output_format: TextOrJsonOption = "text",
    config_file: ConfigOption = None,
) -> None:
    """Give a post a new haiku: move it to the new nested path and rewrite its haiku line.

    The blog root is --root, else the configured root, else the top of the post's own path.
    """
    from haikulint.commands import mv as command
    from haikulint.config import load_config

    _exit(
        command.run(
            post=post,
            haiku=haiku,
            root=root,
            force=force,
            dry_run=dry_run,
            alias=alias,
            output_format=output_format,
            config=load_config(config_file),
        )
    )


def _exit(code: int) -> NoReturn:
    raise typer.Exit(code)
