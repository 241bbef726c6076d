"""Worker processes that never outlive the run, and signals that end a run promptly.

A parallel ``check`` forks worker processes. If the main process dies (killed by
SIGKILL, SIGTERM or SIGHUP, or crashing), an orphaned worker must not go on working,
nor block forever writing its results to a pipe nobody reads, keeping the caller's
standard output open: each worker asks the kernel to kill it when its parent dies
(Linux's ``PR_SET_PDEATHSIG``), and elsewhere watches its parent's process id.

SIGTERM and SIGHUP end a run the way Ctrl-C does: the main process stops its workers
at once and exits with 128 + the signal number (130 for SIGINT, 143 for SIGTERM),
with a one-line message.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

PARENT_POLL_SECONDS = 0.5
"""How often a worker on a system without a parent-death signal checks its parent."""


class Terminated(BaseException):
    """The process was asked to stop by a signal (SIGINT, SIGTERM, SIGHUP).

    A :class:`BaseException`, like :class:`KeyboardInterrupt`, so that no ``except
    Exception`` on the way up turns it into a per-post diagnostic.
    """

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal_number)
        self.signal_number = signal_number

    @property
    def exit_code(self) -> int:
        """128 + the signal number, as a shell reports a process killed by it."""
        return 128 + self.signal_number

    @property
    def message(self) -> str:
        """What the main process says as it stops: one line."""
        if self.signal_number == signal.SIGINT:
            return "interrupted"
        return f"terminated by {signal.Signals(self.signal_number).name}"


STOP_SIGNALS = tuple(
    number
    for number in (signal.SIGINT, getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None))
    if number is not None
)


@contextmanager
def stop_signals_raise() -> Iterator[None]:
    """In the main process: SIGINT, SIGTERM and SIGHUP raise :class:`Terminated` while
    the block runs; the previous handlers are restored after it.

    SIGINT too, though Python raises :class:`KeyboardInterrupt` for it: typer turns
    that into a silent exit 130 wherever it is raised, and a run interrupted by Ctrl-C
    should say so as one stopped by SIGTERM does.
    """
    previous: dict[int, Any] = {}
    try:
        for number in STOP_SIGNALS:
            previous[number] = signal.signal(number, _raise_terminated)
    except (OSError, ValueError):  # pragma: no cover - not the main thread
        pass
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextmanager
def stop_signals_deferred() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP until the block is done (then they arrive).

    For starting worker processes and the pool's thread: a signal handled half-way
    through would leave a thread registered but never started, which neither the
    cleanup nor the interpreter's exit can join.
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not on POSIX
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _raise_terminated(number: int, frame: FrameType | None) -> None:
    raise Terminated(number)


def start_worker(parent: int) -> None:
    """In a freshly forked worker: die with ``parent``, and leave signals to it.

    Ctrl-C reaches the whole process group; the main process handles it (stopping the
    workers), so a worker ignores it instead of printing a traceback. SIGTERM and
    SIGHUP end a worker at once (the main process's handler, inherited by fork,
    would raise inside the worker).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in STOP_SIGNALS:
        if number != signal.SIGINT:
            signal.signal(number, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # forked while they were deferred
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    if not _ask_kernel_to_kill_orphan():
        _watch_parent(parent)
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(1)


PR_SET_PDEATHSIG = 1
"""``prctl`` option from ``<linux/prctl.h>``: a signal sent when the parent dies."""


def _ask_kernel_to_kill_orphan() -> bool:
    """Linux: SIGKILL this process when its parent dies. False where not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
        return False


def _watch_parent(parent: int) -> None:  # pragma: no cover - not on Linux
    """Elsewhere: a thread that ends this process once ``parent`` is gone (reparented)."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="haikulint-parent-watch", daemon=True).start()


def kill_workers(pids: Iterable[int]) -> None:
    """SIGKILL every worker in ``pids`` that is still there (a run being abandoned)."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            continue
