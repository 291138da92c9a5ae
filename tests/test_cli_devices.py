"""A device or a FIFO named as the output (`-o /dev/null`) is written into directly, as standard
output would be, never replaced by a file renamed onto it (as root that would replace
/dev/null itself). Through the real command line."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from test_cli import run

ONE = str(SAMPLES[0].relative_to(ROOT))  # samples/000_….txt
TWO = (ONE, str(SAMPLES[3].relative_to(ROOT)))
NULL = os.makedev(1, 3)  # Linux's /dev/null


def gkparse(*args: str) -> subprocess.CompletedProcess[bytes]:
    return run(*args, "--no-keywords", cwd=ROOT)


def is_null(path: Path) -> bool:
    mode = path.lstat()
    return stat.S_ISCHR(mode.st_mode) and mode.st_rdev == NULL


def null_copy(folder: Path) -> Path | None:
    """A second /dev/null (the same device) in `folder`, where a file renamed onto it would do
    no harm; None where device files cannot be made (not root, a nodev mount)."""
    path = folder / "null"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, NULL)
    except OSError:
        return None
    try:
        with path.open("wb") as probe:
            probe.write(b"x")
    except OSError:  # (nodev: made, but not usable as a device)
        return None
    return path


def commands(target: str) -> list[tuple[str, ...]]:
    """Every command that writes an output, each with -o `target`."""
    return [
        ("-o", target, ONE),
        ("-o", target, *TWO),
        ("--format", "jsonl", "-o", target, *TWO),
        ("tasks", "-o", target, ONE),
        ("tasks", "--ics", target, ONE),
        ("tasks", "--xlsx", target, ONE),
    ]


def check_written_into(device: Path) -> None:
    for args in commands(str(device)):
        proc = gkparse(*args)
        assert proc.returncode == 0, (args, proc.stderr.decode())
        assert is_null(device), args
    proc = run("diff", "-o", str(device), *TWO, cwd=ROOT)
    assert proc.returncode == 1 and proc.stderr == b""  # (1: the two plans differ)
    assert is_null(device)
    assert not list(device.parent.glob(".gkparse.*")), "a temporary file was left"


def test_a_device_of_a_test_folder_stays_a_device(tmp_path):
    device = null_copy(tmp_path)
    if device is None:
        pytest.skip("no device file can be made here")
    check_written_into(device)


def test_dev_null_stays_a_device(tmp_path):
    """As the issue says it: `gkparse -o /dev/null samples/000*.txt`. As root (who alone could
    replace it), tried on a copy of the device first, so that a regression replaces the copy,
    not the machine's /dev/null."""
    if os.geteuid() == 0:
        copy = null_copy(tmp_path)
        if copy is None:
            pytest.skip("as root, /dev/null is tried only after a copy of it")
        check_written_into(copy)
    check_written_into(Path("/dev/null"))


def read_fifo(path: Path, args: tuple[str, ...]) -> tuple[int, bytes]:
    """Run gkparse writing into the FIFO `path` while a thread reads it; its status and what
    came through."""
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(path.read_bytes()))
    reader.start()
    proc = gkparse(*args)
    if not got and reader.is_alive():  # (gkparse never opened it: let the reader go)
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    reader.join(timeout=60)
    return proc.returncode, b"".join(got)


@pytest.mark.parametrize(
    "args",
    [("-o", "{}", *TWO), ("--format", "json", "-o", "{}", *TWO), ("tasks", "-o", "{}", *TWO)],
    ids=["yaml", "json-lines", "tasks"],
)
def test_a_fifo_receives_what_standard_output_would(tmp_path, args):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    status, data = read_fifo(fifo, tuple(a.replace("{}", str(fifo)) for a in args))
    stdout = gkparse(*(a.replace("{}", "-") for a in args)).stdout
    assert status == 0
    assert data == stdout and data.count(b"schema: gkparse/1") in (0, 2)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo"]


def test_a_full_device_fails_each_document():
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    proc = gkparse("-o", "/dev/full", *TWO)
    assert proc.returncode == 1
    lines = proc.stderr.decode().splitlines()
    assert lines == [
        f"gkparse: {name}: cannot write /dev/full: No space left on device" for name in TWO
    ]
    assert stat.S_ISCHR(Path("/dev/full").lstat().st_mode)


def test_dev_stdout_into_a_file_is_written_there(tmp_path):
    """/dev/stdout is a link to the descriptor: the file the shell opened gets the documents."""
    out = tmp_path / "out.yaml"
    with out.open("wb") as handle:
        handle.write(b"# before\n")
        handle.flush()
        command = [sys.executable, "-m", "gkparse", "-o", "/dev/stdout", "--no-keywords", ONE]
        proc = subprocess.run(command, stdout=handle, stderr=subprocess.PIPE, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == b"# before\n" + gkparse("-o", "-", ONE).stdout
    assert Path("/dev/stdout").is_symlink()


def test_a_device_opened_for_nothing_is_one_error(tmp_path):
    """A FIFO no one reads blocks, as a shell's `>` does; a socket cannot be opened at all:
    one line, exit 1, nothing parsed into a file."""
    import socket

    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        proc = gkparse("-o", str(path), ONE)
    assert proc.returncode == 1
    assert proc.stderr.decode().startswith(f"gkparse: {path}: cannot write: ")
    assert stat.S_ISSOCK(path.lstat().st_mode)
