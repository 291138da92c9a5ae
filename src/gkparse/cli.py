"""The command line: arguments, files, exit codes. All parsing is the library's (gkparse.parse).

`gkparse FILE...` parses; `gkparse tasks|rules|schema|diff …` are subcommands. A first argument
that is not a subcommand's name is a file, so `gkparse notice.txt` needs no `parse`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterator

import click

from . import NotText, __version__, parse_bytes
from .emit import document_to_dict, section_titles, to_json, to_yaml
from .rules import RuleError, load_rules

SUFFIXES = (".txt", ".md")


class Input:
    """One input of a batch: a path, standard input, or an error found before reading."""

    def __init__(self, name: str, path: Path | None, error: str | None = None) -> None:
        self.name, self.path, self.error = name, path, error


def expand(paths: tuple[str, ...]) -> list[Input]:
    """Each argument as inputs; directories walked for *.txt and *.md, in a stable order."""
    out: list[Input] = []
    for name in paths:
        path = Path(name)
        if name == "-":
            out.append(Input("-", None))
        elif path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
            )
            out.extend(Input(str(p), p) for p in found)
            if not found:
                out.append(Input(name, None, "directory has no *.txt or *.md files"))
        elif not path.exists():
            out.append(Input(name, None, "no such file"))
        else:
            out.append(Input(name, path))
    return out


def write_atomic(target: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written output."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


Job = tuple[str | None, bytes | None, tuple[str, ...], str, bool]
"""(path to read, or the bytes of standard input; rule files; format; keywords)"""
Result = tuple[str | None, list[str], str | None]
"""(rendered document, its warnings, or the reason there is none)"""


def _jobs(
    files: tuple[str, ...], rule_files: tuple[str, ...], fmt: str, with_keywords: bool
) -> tuple[list[Input], list[Job], bool]:
    """The inputs to parse and their jobs; inputs that cannot be had are reported here."""
    inputs, jobs, failed = [], [], False
    for item in expand(files):
        if item.error:
            _fail(item.name, item.error)
            failed = True
            continue
        data = sys.stdin.buffer.read() if item.path is None else None
        inputs.append(item)
        jobs.append(
            (None if item.path is None else str(item.path), data, rule_files, fmt, with_keywords)
        )
    return inputs, jobs, failed


def _convert(job: Job) -> Result:
    """Parse one input in a worker, which reads the file itself (a batch is never all in memory).
    Never raises: a batch of ten thousand files goes on."""
    path, data, rule_files, fmt, with_keywords = job
    try:
        if data is None:
            data = Path(path or "").read_bytes()
    except OSError as exc:
        return None, [], f"cannot read: {exc.strerror}"
    try:
        doc = parse_bytes(
            data,
            rules=load_rules(rule_files),
            name=Path(path).name if path else "-",
            keywords=with_keywords,
        )
        render = to_json if fmt == "json" else to_yaml
        return render(document_to_dict(doc)), list(doc.metadata.warnings), None
    except NotText as exc:
        return None, [], str(exc)
    except RecursionError:
        return None, [], "structure too deep to parse"
    except Exception as exc:  # a defect of gkparse: say so on one line, keep the batch going
        return None, [], f"internal error ({type(exc).__name__}: {exc}); please report it"


def _results(jobs: list[Job], workers: int) -> Iterator[Result]:
    """Documents in input order, whatever the number of workers."""
    if workers <= 1 or len(jobs) <= 1:
        yield from map(_convert, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor  # (its import costs a single file's run)

    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_convert, jobs, chunksize=max(1, min(32, len(jobs) // (workers * 4))))


def _fail(name: str, reason: str) -> None:
    click.echo(f"gkparse: {name}: {reason}", err=True)


class DefaultGroup(click.Group):
    """A group whose default command is `parse`: `gkparse FILE` = `gkparse parse FILE`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["parse", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gkparse")
def main() -> None:
    """Parse Chinese government notices (通知) into structured YAML.

    \b
    gkparse FILE...            one YAML beside each input (see `gkparse parse --help`)
    gkparse tasks FILE...      one CSV row per task across all inputs
    gkparse diff OLD NEW       what changed from one plan to the next
    gkparse rules [--check F]  the active rules, or validate a rule file
    gkparse schema             the JSON Schema of the output
    """


jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Files parsed in parallel [default: number of CPUs].",
)


@main.command("parse")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "-o",
    "--output-dir",
    metavar="DIR",
    help="Write outputs into DIR (created if missing); '-' for standard output.",
)
@click.option(
    "--rules",
    "rule_files",
    multiple=True,
    metavar="FILE",
    help="A rule file layered over the built-in rules (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json"]),
    default="yaml",
    show_default=True,
    help="Output format.",
)
@jobs_option
@click.option("--no-keywords", is_flag=True, help="Skip task keywords (jieba); faster.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("-v", "--verbose", is_flag=True, help="Print each file's warnings on stderr.")
def parse_command(
    files: tuple[str, ...],
    output_dir: str | None,
    rule_files: tuple[str, ...],
    fmt: str,
    jobs: int | None,
    no_keywords: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Parse each notice FILE (a directory: its *.txt and *.md; '-': standard input)."""
    try:
        load_rules(rule_files)
    except RuleError as exc:
        raise click.UsageError(str(exc)) from None
    suffix = ".json" if fmt == "json" else ".yaml"
    inputs, work, failed = _jobs(files, rule_files, fmt, not no_keywords)
    show_bar = not quiet and sys.stderr.isatty() and len(work) > 1
    first_out = True
    with (
        click.progressbar(length=len(work), label="gkparse", file=sys.stderr)
        if show_bar
        else _NoBar() as bar
    ):
        for item, (text, warnings, error) in zip(
            inputs, _results(work, jobs or os.cpu_count() or 1)
        ):
            bar.update(1)
            if text is None:
                _fail(item.name, error or "not parsed")
                failed = True
                continue
            if verbose:
                for warning in warnings:
                    click.echo(f"gkparse: {item.name}: {warning}", err=True)
            if item.path is None or output_dir == "-":
                if not first_out and fmt == "yaml":
                    sys.stdout.write("---\n")
                sys.stdout.write(text)
                first_out = False
                continue
            target = (Path(output_dir) if output_dir else item.path.parent) / (
                item.path.stem + suffix
            )
            if target.resolve() == item.path.resolve():
                _fail(item.name, "output would overwrite the input; skipped")
                failed = True
                continue
            try:
                write_atomic(target, text)
            except OSError as exc:
                _fail(item.name, f"cannot write {target}: {exc.strerror}")
                failed = True
    sys.exit(1 if failed else 0)


class _NoBar:
    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        return None


TASK_COLUMNS = [
    "file",
    "issuer",
    "year",
    "task_id",
    "section_title",
    "task_title",
    "responsible",
    "deadlines",
    "keywords",
]


def task_rows(name: str, data: dict[str, Any]) -> Iterator[list[str]]:
    titles = section_titles(data)
    for task in data["tasks"]:
        yield [
            name,
            data["header"]["issuer"] or "",
            str(data["metadata"]["year"] or ""),
            task["id"],
            titles.get(task["section"] or "", ""),
            task["title"] or "",
            "、".join(task["responsible"]),
            "；".join(
                d["text"] + (f"({d['date']})" if d["date"] else "") for d in task["deadlines"]
            ),
            "、".join(task["keywords"]),
        ]


@main.command("tasks")
@click.argument("files", nargs=-1, required=True)
@click.option("--tsv", is_flag=True, help="Tab-separated values instead of CSV.")
@click.option(
    "--rules",
    "rule_files",
    multiple=True,
    metavar="FILE",
    help="A rule file layered over the built-in rules.",
)
@jobs_option
def tasks_command(
    files: tuple[str, ...], tsv: bool, rule_files: tuple[str, ...], jobs: int | None
) -> None:
    """One row per task across all FILEs: CSV (UTF-8 with BOM, for spreadsheets) or --tsv."""
    try:
        load_rules(rule_files)
    except RuleError as exc:
        raise click.UsageError(str(exc)) from None
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t" if tsv else ",", lineterminator="\n")
    writer.writerow(TASK_COLUMNS)
    inputs, work, failed = _jobs(files, rule_files, "json", True)
    for item, (text, _, error) in zip(inputs, _results(work, jobs or os.cpu_count() or 1)):
        if text is None:
            _fail(item.name, error or "not parsed")
            failed = True
            continue
        writer.writerows(task_rows(item.name, json.loads(text)))
    sys.stdout.write(("" if tsv else "\ufeff") + out.getvalue())
    sys.exit(1 if failed else 0)


@main.command("rules")
@click.option("--check", "check", metavar="FILE", help="Validate a rule file and exit.")
@click.option(
    "--rules",
    "rule_files",
    multiple=True,
    metavar="FILE",
    help="A rule file layered over the built-in rules.",
)
def rules_command(check: str | None, rule_files: tuple[str, ...]) -> None:
    """List the active rules and the file each comes from, or --check a rule file."""
    try:
        rules = load_rules((check,) if check else rule_files)
    except RuleError as exc:
        click.echo(f"gkparse: {exc}", err=True)
        sys.exit(1)
    if check:
        click.echo(f"{check}: ok")
        return
    for key, source in sorted(rules.sources.items()):
        click.echo(f"{key}\t{source}")


@main.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the gkparse/1 document."""
    from .schema import schema_text

    sys.stdout.write(schema_text())


@main.command("diff")
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "yaml", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--color/--no-color",
    "colour",
    default=None,
    help="Colour the text report [default: when stdout is a terminal].",
)
def diff_command(old: str, new: str, fmt: str, colour: bool | None) -> None:
    """What changed from plan OLD to plan NEW (each a notice text or a gkparse YAML/JSON).

    Exit status: 0 the plans' tasks are the same, 1 they differ, 2 an error.
    """
    from .diff import compare, differs, load, render_text

    docs = []
    for path in (old, new):
        try:
            docs.append(load(path))
        except (OSError, ValueError) as exc:
            _fail(path, getattr(exc, "strerror", None) or str(exc))
            sys.exit(2)
    report = compare(*docs)
    if fmt == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "yaml":
        sys.stdout.write(to_yaml(report))
    else:
        sys.stdout.write(render_text(report, sys.stdout.isatty() if colour is None else colour))
    sys.exit(1 if differs(report) else 0)
