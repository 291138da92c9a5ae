"""The inputs of a command-line batch: arguments expanded to files, read within a size limit.

Everything that can go wrong before parsing is found here and becomes an `Input` with an error,
so that the batch reports it on one line and goes on: a missing file, a symbolic-link loop, a
folder that cannot be read, an input over `--max-size`.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

import click

SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx")
DEFAULT_MAX_SIZE = "100M"
UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


@dataclass(frozen=True, slots=True)
class Input:
    """One input of a batch: a file, standard input (`path` None), or an error found before
    reading. A stream (a device, a pipe such as /dev/stdin) has no sibling to write beside."""

    name: str
    path: Path | None
    error: str | None = None
    stream: bool = False
    under: Path | None = None
    """For a file found in a folder argument: its path inside that folder (mirrored under -o)."""


class TooLarge(Exception):
    """An input over the size limit: refused before it is all read (/dev/zero never ends)."""


def show(name: str) -> str:
    """A name as one printable line: bytes that are not UTF-8 and control characters escaped."""
    text = doc_name(name)
    if text.isprintable():  # (most names: asked twice for each file of a batch)
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


def doc_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (surrogates in Python) shown as `\\xff`."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


class Size(NamedTuple):
    """A size limit: its bytes, and the way the user wrote it (for the message)."""

    bytes: int
    label: str


class SizeType(click.ParamType):
    """A size in bytes, with K, M or G (powers of 1024): `100M`."""

    name = "size"

    def convert(self, value: Any, param: Any, ctx: click.Context | None) -> Size:
        if isinstance(value, Size):
            return value
        text = str(value).strip().upper().removesuffix("B")
        number, unit = text.rstrip("KMG"), text[len(text.rstrip("KMG")) :]
        if not number.isdigit() or unit not in UNITS:
            self.fail(f"{value!r} is not a size such as 500K, 100M or 2G", param, ctx)
        return Size(int(number) * UNITS[unit], str(value))


def read_limited(path: Path | None, limit: Size) -> bytes:
    """The bytes of a file (None: standard input), or TooLarge once more than the limit come."""
    if path is None:
        return _read(sys.stdin.buffer, limit)
    with path.open("rb") as handle:
        return _read(handle, limit)


def _read(handle: BinaryIO, limit: Size) -> bytes:
    data = handle.read(limit.bytes + 1)
    if len(data) > limit.bytes:
        raise TooLarge(f"larger than --max-size {limit.label}; skipped")
    return data


def expand(paths: tuple[str, ...], hidden: bool = False) -> list[Input]:
    """Each argument as inputs; directories walked for SUFFIXES, in a stable order,
    hidden files and folders left out unless `hidden` (as fd and rg do)."""
    out: list[Input] = []
    cwd_gone = _cwd_gone()
    for name in paths:
        if name == "-":
            out.append(Input("-", None))
        elif cwd_gone and not os.path.isabs(name):
            out.append(Input(name, None, "the working directory no longer exists"))
        else:
            out.extend(_one(name, hidden))
    return out


def _cwd_gone() -> bool:
    """Whether the working directory was deleted; then absolute paths still work from /."""
    try:
        os.getcwd()
    except FileNotFoundError:
        os.chdir("/")  # (libraries that make paths absolute call os.getcwd)
        return True
    return False


def _one(name: str, hidden: bool) -> list[Input]:
    path = Path(name)
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        missing = exc.errno == errno.ENOENT
        return [Input(name, None, "no such file" if missing else exc.strerror or str(exc))]
    if path.is_dir():
        return _walk(name, path, hidden)
    return [Input(name, path, stream=not stat.S_ISREG(mode) or system_place(path))]


def system_place(path: Path) -> bool:
    """A name in /dev or /proc (`/dev/stdin < notice.txt` is a regular file): no place to write
    beside."""
    return path.absolute().parts[1:2] in (("dev",), ("proc",))


def _walk(name: str, path: Path, hidden: bool) -> list[Input]:
    found: list[Path] = []
    errors: list[Input] = []

    def unreadable(exc: OSError) -> None:
        reason = exc.strerror or str(exc)
        errors.append(Input(str(exc.filename), None, f"cannot read the folder: {reason}"))

    for top, folders, files in os.walk(path, onerror=unreadable):
        if not hidden:  # like fd and rg: .venv, .git
            folders[:] = [f for f in folders if not f.startswith(".")]
        for file in files:
            p = Path(top) / file
            seen = hidden or not file.startswith(".")
            if p.suffix.lower() in SUFFIXES and seen and p.is_file():
                found.append(p)
    out = [Input(str(p), p, under=p.relative_to(path)) for p in sorted(found)]
    if not found and not errors:
        return [Input(name, None, "directory has no *.txt, *.md, *.html or *.docx files")]
    return sorted(errors, key=lambda i: i.name) + out
