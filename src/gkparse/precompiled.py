"""The built-in rules read and their patterns compiled at build time: ~40 ms of every start.

`regex` parses and optimises a pattern in Python (~0.4 ms a rule pattern) before handing its
code to its C core. rules/compiled.marshal (read-only, tools/build_compiled.py) holds what the
core is given for each built-in pattern, for this version of `regex`; a pattern it does not hold
(a user's rule, an edited one) or another `regex` version compiles as always. tests/test_precompiled.py
checks that the file holds what `regex` gives now. It also holds the data of each built-in rule
file, used while the file's text is the one it was read from (else the file is parsed).
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
from regex import _main

Key = tuple[str, int]
asked: list[Key] | None = None  # the patterns asked for, while tools/build_compiled.py records


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """regex.compile(pattern, flags), from the prepared code when the file holds it."""
    if asked is not None:
        asked.append((pattern, int(flags)))
    args = _known().get((pattern, int(flags)))
    if args is None:
        return regex.compile(pattern, flags)
    return _main._regex.compile(args[0], regex.RegexFlag(args[1]), *args[2:])  # type: ignore[no-any-return]


MODULE_PATTERNS: list[Key] = []
"""The patterns modules compiled through `pattern` when they were imported."""


def pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    """A module's own pattern (a constant), as `compile` gives it; tools/build_compiled.py
    prepares these too (compiling the modules' ~40 patterns cost a start ~6 ms)."""
    MODULE_PATTERNS.append((source, int(flags)))
    return compile(source, flags)


def module_patterns() -> list[Key]:
    """The patterns of every module of gkparse, each module imported (some are imported only
    when they are needed): what tools/build_compiled.py prepares besides the rules'."""
    import importlib
    import pkgutil

    import gkparse

    for info in pkgutil.walk_packages(gkparse.__path__, "gkparse."):
        if info.name != "gkparse.__main__":  # (it would run the command line)
            importlib.import_module(info.name)
    return MODULE_PATTERNS


def holds(pattern: str, flags: int = 0) -> bool:
    """Whether the pattern's compiled form ships with gkparse (compiling it costs nothing)."""
    return (pattern, int(flags)) in _known()


def core_args(pattern: str, flags: int) -> tuple[Any, ...]:
    """What `regex` hands its C core for this pattern: compiled now, not from its cache."""
    seen: list[tuple[Any, ...]] = []
    core = _main._regex
    real = core.compile

    def keep(*args: Any) -> Any:
        seen.append(args)
        return real(*args)

    core.compile = keep
    try:
        regex.compile(pattern, flags, cache_pattern=False)
    finally:
        core.compile = real
    args = seen[-1]
    return (args[0], int(args[1]), *args[2:])


@contextmanager
def recording() -> Iterator[list[Key]]:
    """The patterns compiled through here inside the block (for tools/build_compiled.py)."""
    global asked
    asked = []
    try:
        yield asked
    finally:
        asked = None


def path() -> Path:
    from .rules import builtin_dir

    return builtin_dir() / "compiled.marshal"


def parsed(name: str, text: str) -> Any:
    """The data of the built-in rule file `name` read at build time, if `text` is still its
    text (None if not): a fresh copy, as the caller may change it."""
    files = _stored().get("files", {})
    if name not in files:
        return None
    digest, blob = files[name]
    if digest != hashlib.sha256(text.encode("utf-8")).hexdigest():
        return None
    return marshal.loads(blob)


@lru_cache(maxsize=1)
def _stored() -> dict[str, Any]:
    try:
        data = marshal.loads(path().read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


@lru_cache(maxsize=1)
def _known() -> dict[Key, tuple[Any, ...]]:
    data = _stored()
    if data.get("regex") != regex.__version__:
        return {}
    return dict(data.get("patterns", []))
