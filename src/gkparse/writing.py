"""Writing an output. A file is written beside its target and renamed onto it, so that it is
never seen half written; a device or a FIFO (`-o /dev/null`) is written into directly, as the
input side reads one: renaming a file onto it would replace it (as root, /dev/null itself).
No output may land on an input of the run.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .console import fail, signals_held, stdout_is_terminal, write_stdout
from .inputs import show, system_place


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


UMASK = _umask()  # read once, at start: os.umask can only be read by setting it


def is_direct(target: Path) -> bool:
    """Whether an output goes straight into `target`: an existing device, FIFO or socket, or a
    link in /dev or /proc (/dev/stdout, /dev/fd/3), which no file of ours may replace."""
    try:
        link = stat.S_ISLNK(target.lstat().st_mode)
    except OSError:
        return False  # nothing there yet: a new file
    try:
        mode = target.stat().st_mode
    except OSError:
        return link and system_place(target)  # (/dev/stdout while its descriptor is closed)
    if stat.S_ISDIR(mode):
        return False
    return not stat.S_ISREG(mode) or (link and system_place(target))


def open_direct(target: Path) -> int:
    """A descriptor to write into `target` as it is: never created, never truncated (a
    regular file behind /dev/stdout was opened by the shell, which may have written to it)."""
    return os.open(target, os.O_WRONLY | os.O_APPEND | os.O_NOCTTY | os.O_CLOEXEC)


def write_all(fd: int, data: bytes) -> None:
    """All of `data` (a FIFO or a terminal may take less than asked at each write)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def write_atomic(target: Path, text: str | bytes) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written output.
    The temporary name is short, so that a target of 255 bytes can still have one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with signals_held():  # (a Ctrl-C between creating and removing it would leave it behind)
        fd, tmp = tempfile.mkstemp(prefix=".gkparse.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_bytes(text))
            os.chmod(tmp, 0o666 & ~UMASK)  # mkstemp's 0600 would make every output private
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def write_file(target: Path, text: str | bytes) -> None:
    """Write one whole output: into a device or FIFO directly, else atomically."""
    if not is_direct(target):
        write_atomic(target, text)
        return
    fd = open_direct(target)
    try:
        write_all(fd, _bytes(text))
    finally:
        os.close(fd)


def save(name: str, target: Path, text: str | bytes, inputs: dict[Path, str]) -> bool:
    """Write the output of `name`; False (with the reason on stderr) if it must not or cannot
    be. `inputs`: the run's input files, resolved, with their names, which no output may
    overwrite."""
    clash = inputs.get(target.resolve())
    if clash is not None:
        which = "" if clash == name else f" {show(clash)}"
        fail(name, f"output would overwrite the input{which}; skipped")
        return False
    try:
        write_file(target, text)
    except OSError as exc:
        fail(name, f"cannot write {show(str(target))}: {exc.strerror}")
        return False
    return True


class Stream:
    """Where documents go one after another: standard output, or a device or FIFO named by
    -o (opened once, written as standard output is)."""

    def __init__(self, device: Path | None = None) -> None:
        self.device = device
        self.fd = -1 if device is None else open_direct(device)

    def on_terminal(self) -> bool:
        """Whether the documents go to a terminal (where a progress bar would mix in)."""
        return stdout_is_terminal() if self.fd < 0 else os.isatty(self.fd)

    def write(self, name: str, text: str) -> bool:
        """Write one document; False (with the reason on stderr) if the device refused it."""
        if self.fd < 0:
            write_stdout(text)
            return True
        try:
            write_all(self.fd, _bytes(text))
        except OSError as exc:
            fail(name, f"cannot write {show(str(self.device))}: {exc.strerror}")
            return False
        return True

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def _bytes(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8", "surrogateescape")
