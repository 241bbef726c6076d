"""The console script's entry point: run a command, and turn every failure into an exit code.

``haikulint check`` as pre-commit calls it (options spelled as ``haikulint check --help``
lists them, and files), and ``haikulint syllables "a line"``, are read by
:mod:`haikulint.command_line` and run without importing typer or building the app,
which costs about a fifth of a one-post run on a big blog. Everything else, and anything
that module is not sure of, goes through the typer app in :mod:`haikulint.cli`. Either
way, the same errors end the same way:

* a usage, config or input error (:class:`~haikulint.errors.HaikulintError`, or one of
  click's usage errors): one line on standard error, exit 2;
* Ctrl-C: exit 130; SIGTERM and friends: as :mod:`haikulint.lifeline` says;
* a closed pipe (``haikulint check | head``): exit 1, quietly;
* anything else is a bug: ``internal error: ...`` on one line, exit 2, no traceback.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from haikulint.errors import HaikulintError

GC_YOUNG_THRESHOLD = 100_000
"""Objects allocated before the cyclic garbage collector first looks (Python's default:
700). A warm pre-commit run on a 10,000-post blog ends holding some 25,000 more
container objects than it started with (modules, the rule catalogue, the cache's
entries, the walk's files), which the collector scanned over and over for nothing: 3%
of the run's instructions. Its garbage cycles are a few hundred objects (half a
megabyte more at the peak of a cold run); a long run still collects, every 100,000
allocations."""


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the command, and turn every failure into exit 2.

    Run as a program (no ``argv``: the console script, ``python -m haikulint``), the
    garbage collector waits longer, and the process ends without the interpreter's
    teardown (see :func:`_end`); called with ``argv`` (the tests, a caller of its own),
    it raises :class:`SystemExit` and leaves the interpreter as it found it.
    """
    from haikulint.lifeline import stop_signals_raise

    if argv is None:
        import gc

        gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    try:
        with stop_signals_raise():
            _run(argv if argv is not None else sys.argv[1:])
    except SystemExit as stop:
        if argv is None and isinstance(stop.code, int):
            _end(stop.code)
        raise


def _end(code: int) -> None:
    """End the process with ``code`` now, as mypy does: flush what was written, run the
    ``atexit`` handlers (multiprocessing's among them), and skip the interpreter's
    teardown, which frees every object one by one and collects garbage a last time
    (3% of a pre-commit run). Returns (for a normal exit) while another thread runs."""
    import atexit

    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except BrokenPipeError:  # `haikulint check | head`: what was not read is not needed
        code = code or 1
    except (OSError, ValueError):  # a full disk, a closed stream: say so, as exit would
        return
    atexit._run_exitfuncs()
    os._exit(code)


def _run(args: list[str]) -> NoReturn:
    from haikulint.lifeline import Terminated

    try:
        code = _run_command(args)
    except HaikulintError as error:
        _fail(str(error))
    except KeyboardInterrupt:
        sys.stderr.write("haikulint: interrupted\n")
        sys.exit(130)
    except Terminated as stop:
        from haikulint.escape import note

        note(stop.message)
        sys.exit(stop.exit_code)
    except BrokenPipeError:
        sys.exit(1)
    except Exception as error:
        if _is_click_exception(error):
            message = _click_message(error)
            if not message:  # `haikulint` alone: the help was shown, as a usage error
                sys.exit(2)
            _fail(message)
        if type(error).__name__ == "Abort":
            sys.stderr.write("haikulint: aborted\n")
            sys.exit(1)
        if isinstance(error, OSError) and not _working_folder_exists():
            _fail("the current folder no longer exists (was it deleted?); cd to one that does")
        _fail(f"internal error: {type(error).__name__}: {error}")
    sys.exit(code if isinstance(code, int) else 0)


def _run_command(args: list[str]) -> object:
    """Run ``haikulint ARGS``; its exit code (or what click returns for one)."""
    from haikulint.command_line import read_plain

    plain = read_plain(args)
    if plain is not None:
        import importlib

        command, arguments = plain
        return importlib.import_module(command.runner).from_command_line(**arguments)
    import typer

    from haikulint.cli import app

    return typer.main.get_command(app).main(args=args, prog_name="haikulint", standalone_mode=False)


def _fail(message: str) -> NoReturn:
    from haikulint.escape import error

    error(message)
    sys.exit(2)


def _working_folder_exists() -> bool:
    try:
        os.getcwd()
    except OSError:
        return False
    return True


def _is_click_exception(error: Exception) -> bool:
    # typer vendors click in recent releases and imports it in older ones;
    # both raise exceptions with these two members for usage errors.
    return hasattr(error, "format_message") and hasattr(error, "exit_code")


def _click_message(error: Exception) -> str:
    message: str = " ".join(error.format_message().split())  # type: ignore[attr-defined]
    if not message:
        return ""
    context = getattr(error, "ctx", None)
    command_path = getattr(context, "command_path", None)
    hint = f" (see '{command_path} --help')" if command_path else ""
    return message + hint
