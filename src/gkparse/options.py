"""The options the commands share, each defined once: the same name, help and default wherever
it is given (`gkparse`, `gkparse tasks`, `gkparse diff`, `gkparse rules`), and the one reading
of standard input they share (`-`: an input, or the rule file of `--rules -`).

A command takes the options that mean something for it (see COMMANDS); README's Use section
says which are left out where.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from .inputs import DEFAULT_MAX_SIZE, SizeType
from .rules import RuleError, RuleText, load_rules

F = TypeVar("F", bound=Callable[..., Any])
STDIN = "-"
STDIN_RULES = "<stdin>"  # the name a rule file read from standard input goes by in messages

RULES = click.option(
    "--rules",
    "rule_files",
    multiple=True,
    metavar="FILE",
    help="A rule file layered over the built-in rules (repeatable; '-': standard input).",
)
JOBS = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Files parsed in parallel [default: number of CPUs; never more than the files].",
)
MAX_SIZE = click.option(
    "--max-size",
    type=SizeType(),
    default=DEFAULT_MAX_SIZE,
    show_default=True,
    help="Refuse an input larger than this (K, M, G).",
)
HIDDEN = click.option(
    "--hidden", is_flag=True, help="Walk hidden files and folders too (.git, .venv)."
)
NO_KEYWORDS = click.option(
    "--no-keywords", is_flag=True, help="Skip task keywords (jieba); faster."
)
QUIET = click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar nor end-of-batch summary line."
)
VERBOSE = click.option(
    "-v", "--verbose", is_flag=True, help="Print each file's warnings on stderr."
)
OUTPUT = click.option(
    "-o", "--output", metavar="FILE", help="Write the output to FILE ('-': standard output)."
)

BATCH = (RULES, JOBS, MAX_SIZE, HIDDEN, NO_KEYWORDS, QUIET, VERBOSE)
COMMANDS = {
    "parse": BATCH,  # (its -o also takes a folder: defined with the command)
    "tasks": (OUTPUT, *BATCH),
    # two inputs named, never walked, never a batch; keywords are not compared
    "diff": (OUTPUT, RULES, MAX_SIZE, VERBOSE),
    "rules": (RULES,),
}


def common(command: str) -> Callable[[F], F]:
    """Decorate a command with its shared options, in the order --help lists them."""

    def apply(function: F) -> F:
        for option in reversed(COMMANDS[command]):
            function = option(function)
        return function

    return apply


def stdin_args(files: tuple[str, ...]) -> tuple[str, ...]:
    """The inputs of a batch: standard input when none is named and it is no terminal (`cat
    notice.txt | gkparse`, as other filters read a pipe); `-` at most once (it is read once)."""
    if not files:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("Missing argument 'FILES...' (or a pipe on standard input).")
        return (STDIN,)
    return read_once(files)


def read_once(files: tuple[str, ...]) -> tuple[str, ...]:
    """The inputs, refused when `-` comes twice: standard input can be read only once."""
    if files.count(STDIN) > 1:
        raise click.UsageError("'-' given twice: standard input can be read only once")
    return files


def rule_sources(
    rule_files: tuple[str, ...], inputs: tuple[str, ...]
) -> tuple[str | RuleText, ...]:
    """The rule files, `-` read from standard input (once: never with an input `-` too), each
    checked: a malformed one is a usage error (exit 2) before any input is read."""
    if STDIN in rule_files:
        if rule_files.count(STDIN) > 1:
            raise click.UsageError("--rules - given twice: standard input can be read only once")
        if STDIN in inputs:
            raise click.UsageError(
                "--rules - and another '-' would both read standard input: give one as a file"
            )
    sources = tuple(stdin_rules() if f == STDIN else f for f in rule_files)
    try:
        load_rules(sources)
    except RuleError as exc:
        raise click.UsageError(str(exc)) from None
    return sources


def stdin_rules() -> RuleText:
    """The rule file on standard input, read now (once)."""
    data = sys.stdin.buffer.read() if sys.stdin is not None else b""
    try:
        return RuleText(STDIN_RULES, data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise click.UsageError(f"{STDIN_RULES}: a rule file must be UTF-8") from None
