"""A batch of inputs parsed in worker processes, the documents handed back in input order.

The workers read their files themselves (a batch is never all in memory); standard input and
streams (a device, a pipe) are read by the parent, within --max-size. A worker never raises: a
batch of ten thousand files goes on past a bad one, whose reason is its result.
"""

from __future__ import annotations

import gc
import os
import shlex
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import NotText, keywords, parse_bytes, segdict
from .console import fail, worker_signals
from .emit import document_to_dict, to_json, to_yaml
from .inputs import Input, Size, TooLarge, doc_name, expand, read_limited, show
from .rules import RuleError, RuleText, load_rules

# jobs handed to a worker at a time: the last worker to finish runs alone for up to a chunk
# (32 whole notices kept a CPU idle ~0.1 s at the end of a batch of 300); a chunk more costs
# one message, ~0.1 ms
CHUNK = 8
BYTES_A_CHARACTER = 3  # in UTF-8, most characters of a notice (GB18030: 2; an estimate serves)


@dataclass(frozen=True, slots=True)
class Settings:
    """What every job of a batch shares."""

    rule_files: tuple[str | RuleText, ...]
    """Rule files by name; `--rules -` as its text, read once by the command line."""
    fmt: str
    keywords: bool
    max_size: Size
    hidden: bool = False
    """Whether folders are walked into hidden files and folders (--hidden)."""


@dataclass(frozen=True, slots=True)
class Job:
    """One input to parse in a worker: a path it reads itself (a batch is never all in memory),
    or the bytes the parent read (standard input, a device, a pipe)."""

    path: str | None
    data: bytes | None
    settings: Settings
    name: str = "-"
    """The path the document records (`metadata.source.file`), as the user gave it."""


PDF = b"%PDF"
Result = tuple[str | None, list[str], str | None]
"""(rendered document, its warnings, or the reason there is none)"""


def make_jobs(files: tuple[str, ...], settings: Settings) -> tuple[list[Input], list[Job], int]:
    """The inputs to parse and their jobs; inputs that cannot be had are reported here (and
    counted: the third value)."""
    inputs, jobs, failed = [], [], 0
    for item in expand(files, settings.hidden):
        data = None
        if item.error is None and (item.path is None or item.stream):
            try:
                data = read_limited(item.path, settings.max_size)
            except TooLarge as exc:
                item = Input(item.name, None, str(exc))
            except OSError as exc:
                item = Input(item.name, None, f"cannot read: {exc.strerror}")
        if item.error:
            fail(show(item.name), item.error)
            failed += 1
            continue
        inputs.append(item)
        name = doc_name(item.name)  # the path as given: relative stays relative
        jobs.append(Job(None if data is not None else str(item.path), data, settings, name))
    return inputs, jobs, failed


def _convert(job: Job) -> Result:
    """Parse one input in a worker. Never raises: a batch of ten thousand files goes on."""
    s = job.settings
    try:
        data = job.data
        if data is None:
            data = read_limited(Path(job.path or ""), s.max_size)
    except TooLarge as exc:
        return None, [], str(exc)
    except OSError as exc:
        return None, [], f"cannot read: {exc.strerror}"
    if data.startswith(PDF):  # (its text is pdftotext's job: gkparse reads what it prints)
        path = shlex.quote(job.path or "FILE")
        return None, [], f"a PDF: convert it first with pdftotext -layout {path}"
    try:
        doc = parse_bytes(
            data,
            rules=load_rules(s.rule_files),
            name=job.name,
            keywords=s.keywords,
        )
        render = to_json if s.fmt == "json" else to_yaml
        return render(document_to_dict(doc)), list(doc.metadata.warnings), None
    except NotText as exc:
        return None, [], str(exc)
    except RecursionError:
        return None, [], "structure too deep to parse"
    except Exception as exc:  # a defect of gkparse: say so on one line, keep the batch going
        return None, [], f"internal error ({type(exc).__name__}: {exc}); please report it"


def _prepare_shared(jobs: list[Job], workers: int) -> None:
    """Before forking: what every worker would build for itself, built once and shared. The
    keywords' whole dictionary is built by a process after SWITCH characters (segdict.py):
    when each worker would reach that, this process builds it for all (with one worker, this
    process itself: the notices before the switch are spared the table's slower path)."""
    settings = jobs[0].settings
    if not settings.keywords:
        return
    size = 0
    for job in jobs:
        try:
            size += len(job.data) if job.data is not None else os.stat(job.path or "").st_size
        except OSError:
            pass  # the worker says why it cannot read it
    if size // BYTES_A_CHARACTER < workers * segdict.SWITCH:
        return
    try:
        keywords.prepare_batch(load_rules(settings.rule_files).userdict.parent)
    except RuleError:
        pass  # each worker reports it


@contextmanager
def _frozen() -> Iterator[None]:
    """What is loaded before the first job (modules, rules, the keywords' tables) outlives the
    batch: kept out of the collector's full passes over it (~0.1 ms a notice), and out of the
    pages a forked worker would copy by touching their counts; collected as before after it."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def results(jobs: list[Job], workers: int) -> Iterator[Result]:
    """Documents in input order, whatever the number of workers (never more than inputs)."""
    workers = min(workers, len(jobs))
    if workers <= 1:
        _prepare_shared(jobs, 1)
        with _frozen():
            yield from map(_convert, jobs)
        return
    import multiprocessing  # (its import costs a single file's run)

    # forked workers start with what this process has loaded (modules, rules, dictionary); a
    # spawned one imports and loads it all again (macOS forks unsafely: its default stays)
    fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
    context = multiprocessing.get_context("fork" if fork else None)
    if fork:
        _prepare_shared(jobs, workers)
    # leaving the block, normally or by a signal, terminates the workers: none is left waiting
    with _frozen(), context.Pool(workers, initializer=worker_signals) as pool:
        chunk = max(1, min(CHUNK, len(jobs) // (workers * 4)))
        yield from pool.imap(_convert, jobs, chunksize=chunk)
