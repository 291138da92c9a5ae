"""A batch's results on the command line, the same for `gkparse` and `gkparse tasks`: a progress
bar on a terminal, one line a failure, each file's warnings with -v, the exit status and, on a
terminal, one summary line at the end (a script counts the lines of stderr instead).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NoReturn

import click

from .batch import Job, results
from .console import fail, warn
from .inputs import Input, show


@dataclass
class Tally:
    """The counts of one batch: its files (found or not), its failures, its warnings."""

    files: int
    failed: int
    quiet: bool
    verbose: bool
    warned: int = 0

    @property
    def on_terminal(self) -> bool:
        """Whether the bar and the summary line are shown: a batch, watched on stderr."""
        return not self.quiet and self.files > 1 and bool(sys.stderr and sys.stderr.isatty())

    def fail(self, name: str, reason: str) -> None:
        fail(name, reason)
        self.failed += 1

    def documents(
        self, inputs: list[Input], work: list[Job], jobs: int | None, to_screen: bool
    ) -> Iterator[tuple[Input, str]]:
        """Each input parsed, in order, with its rendered document; a failure is said and
        counted, not yielded. No bar when stdout is the terminal too (`to_screen`): it would
        mix into what is written there."""
        show_bar = self.on_terminal and len(work) > 1 and not to_screen
        with (
            click.progressbar(length=len(work), label="gkparse", file=sys.stderr)
            if show_bar
            else _NoBar() as shown
        ):
            for item, (text, warnings, error) in zip(inputs, results(work, jobs or _cpus())):
                shown.update(1)
                name = show(item.name)
                if text is None:
                    self.fail(name, error or "not parsed")
                    continue
                self.warned += len(warnings)
                if self.verbose:
                    for warning in warnings:
                        warn(name, warning)
                yield item, text

    def end(self) -> NoReturn:
        if self.on_terminal:
            summary = f"{self.files} files, {self.failed} failed, {self.warned} warnings"
            click.echo(f"gkparse: {summary}", err=True)
        sys.exit(1 if self.failed else 0)


def _cpus() -> int:
    return os.cpu_count() or 1


class _NoBar:
    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        return None
