"""The process around a command: signals and standard output, with the exit codes of other tools.

Ctrl-C exits 130 and SIGTERM 143, both quietly and after the output being written is removed
(an exception unwinds the write, see cli.write_atomic) and the workers are stopped; a reader
that closes the pipe (`| head`) ends the run with 141 and no message. Standard output is written
as UTF-8 whatever the locale says; a full or closed one is one line on stderr and exit 1.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import click


class Stopped(BaseException):
    """A signal asked the run to stop (BaseException: no `except Exception` swallows it)."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class PipeClosed(BaseException):
    """The reader of standard output went away."""


_held: list[int] = []  # signals that came while held; [-1] while none came: see signals_held


def _stop(signum: int, frame: Any) -> None:
    if _held:
        _held.append(signum)
        return
    raise Stopped(128 + signum)


def catch_signals() -> None:
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block is done: they then stop the run as usual.
    (Masking the signal would not do: the pool's threads receive it for the main thread.)"""
    _held.append(-1)
    try:
        yield
    finally:
        came = _held[1:]
        _held.clear()
    if came:
        raise Stopped(128 + came[0])


def worker_signals() -> None:
    """In a worker: Ctrl-C (sent to the whole process group) is the parent's to handle, and
    SIGTERM from the parent ends the worker at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def fail(name: str, reason: str) -> None:
    click.echo(f"gkparse: {name}: {reason}", err=True)


def warn(name: str, warning: str) -> None:
    """A warning, apart from the failures: a script counting `gkparse: PATH: reason` lines
    skips `gkparse: PATH: warning: …`."""
    click.echo(f"gkparse: {name}: warning: {warning}", err=True)


def write_stdout(text: str) -> None:
    """Write to standard output as UTF-8; a broken pipe raises PipeClosed, other trouble exits 1."""
    if sys.stdout is None:
        fail("standard output", "closed")
        sys.exit(1)
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8", "surrogateescape"))
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise PipeClosed from None
    except (OSError, ValueError) as exc:
        _abandon_stdout()
        reason = getattr(exc, "strerror", None) or "closed"
        fail("standard output", reason)
        sys.exit(1)


def _abandon_stdout() -> None:
    """Point standard output at /dev/null, so that the flush at exit has nothing to complain of."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def guarded(run: Any) -> Any:
    """Run the command line; turn signals and a closed pipe into the usual exit codes."""
    if threading.current_thread() is not threading.main_thread():
        return run()  # (only the main thread may set signal handlers)
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    catch_signals()
    try:
        return run()
    except Stopped as stop:
        _quiet_exit(stop.status)
    except PipeClosed:
        _abandon_stdout()
        _quiet_exit(128 + signal.SIGPIPE)
    finally:  # (the library's caller, a test runner say, keeps its own handlers)
        for signum, handler in zip((signal.SIGINT, signal.SIGTERM), before):
            if handler is not None:
                signal.signal(signum, handler)


def _quiet_exit(status: int) -> NoReturn:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # (a second Ctrl-C must not print a traceback)
    sys.exit(status)
