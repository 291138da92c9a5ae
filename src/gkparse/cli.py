"""The command line: arguments, files, exit codes. All parsing is the library's (gkparse.parse).

`gkparse FILE...` parses; `gkparse tasks|rules|schema|diff …` are subcommands. A first argument
that is not a subcommand's name is a file, so `gkparse notice.txt` needs no `parse`.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import click

from . import __version__
from .batch import Job, Settings, make_jobs, results
from .console import fail as _fail
from .console import guarded, signals_held, write_stdout
from .emit import to_json, to_yaml
from .inputs import (
    DEFAULT_MAX_SIZE,
    Input,
    Size,
    SizeType,
    doc_name,
    expand,
    show,
)
from .rules import RuleError, load_rules
from .tasktable import TASK_COLUMNS, csv_cell, table_text, task_rows, unit_filter

__all__ = [
    "TASK_COLUMNS",
    "Input",
    "Job",
    "Settings",
    "SizeType",
    "csv_cell",
    "expand",
    "main",
    "write_atomic",
]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


UMASK = _umask()  # read once, at start: os.umask can only be read by setting it


def write_atomic(target: Path, text: str | bytes) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written output.
    The temporary name is short, so that a target of 255 bytes can still have one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with signals_held():  # (a Ctrl-C between creating and removing it would leave it behind)
        fd, tmp = tempfile.mkstemp(prefix=".gkparse.", suffix=".tmp", dir=target.parent)
        try:
            data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogateescape")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.chmod(tmp, 0o666 & ~UMASK)  # mkstemp's 0600 would make every output private
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class DefaultGroup(click.Group):
    """A group whose default command is `parse`: `gkparse FILE` = `gkparse parse FILE`."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        return guarded(lambda: super(DefaultGroup, self).main(*args, **kwargs))

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and not sys.stdin.isatty():
            args = ["parse", "-"]  # `cat notice.txt | gkparse`, as other filters read a pipe
        elif args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
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
    help="Files parsed in parallel [default: number of CPUs; never more than the files].",
)
max_size_option = click.option(
    "--max-size",
    type=SizeType(),
    default=DEFAULT_MAX_SIZE,
    show_default=True,
    help="Refuse an input larger than this (K, M, G).",
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
    type=click.Choice(["yaml", "json", "jsonl"]),
    default="yaml",
    show_default=True,
    help="Output format; jsonl: every document one JSON line of one stream (stdout or -o FILE).",
)
@jobs_option
@max_size_option
@click.option("--hidden", is_flag=True, help="Walk hidden files and folders too (.git, .venv).")
@click.option("--no-keywords", is_flag=True, help="Skip task keywords (jieba); faster.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("-v", "--verbose", is_flag=True, help="Print each file's warnings on stderr.")
def parse_command(
    files: tuple[str, ...],
    output_dir: str | None,
    rule_files: tuple[str, ...],
    fmt: str,
    jobs: int | None,
    max_size: Size,
    hidden: bool,
    no_keywords: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Parse each notice FILE (a folder: its *.txt, *.md, *.html, *.docx; '-': standard input)."""
    _check_rules(rule_files)
    stream = fmt == "jsonl"  # one stream of JSON lines: standard output or the file -o names
    if stream and output_dir and output_dir != "-" and not _names_a_file(output_dir):
        raise click.UsageError("--format jsonl writes one stream: stdout, or -o FILE.jsonl")
    fmt = "json" if stream else fmt
    settings = Settings(rule_files, fmt, not no_keywords, max_size, hidden)
    inputs, work, failed = make_jobs(files, settings)
    batch = len(inputs) + failed
    warned = 0
    # no output may land on an input, its own or another's (`gkparse a.txt a.yaml`)
    taken = {item.path.resolve(): item.name for item in inputs if item.path and not item.stream}
    suffix = ".json" if fmt == "json" else ".yaml"
    if output_dir and _names_a_file(output_dir) and len(inputs) > 1 and not stream:
        raise click.UsageError(f"-o {output_dir} names one file: give one input, or a folder")
    targets = {id(i): None for i in inputs} if stream else _targets(inputs, output_dir, suffix)
    into = Path(output_dir) if stream and output_dir and output_dir != "-" else None
    lines: list[str] = []  # the stream's lines, when they go to the file -o names
    on_terminal = not quiet and sys.stderr.isatty() and batch > 1
    to_screen = (
        into is None and None in targets.values() and bool(sys.stdout and sys.stdout.isatty())
    )
    show_bar = on_terminal and len(work) > 1 and not to_screen  # (a bar would mix into it)
    first_out = True
    with (
        click.progressbar(length=len(work), label="gkparse", file=sys.stderr)
        if show_bar
        else _NoBar() as bar
    ):
        for item, (text, warnings, error) in zip(inputs, results(work, jobs or _cpus())):
            bar.update(1)
            name = show(item.name)
            if text is None:
                _fail(name, error or "not parsed")
                failed += 1
                continue
            warned += len(warnings)
            if verbose:
                for warning in warnings:
                    click.echo(f"gkparse: {name}: warning: {warning}", err=True)  # not a failure
            if id(item) not in targets:
                _fail(name, "its output's name is another input's too; skipped")
                failed += 1
                continue
            target = targets[id(item)]
            if target is None:
                if fmt == "json":  # JSON Lines: one document a line, for jq -c and streams
                    text = to_json(json.loads(text), lines=True)
                if into is not None:
                    lines.append(text)
                    continue
                write_stdout(("---\n" if not first_out and fmt == "yaml" else "") + text)
                first_out = False
                continue
            failed += not _write(name, target, text, taken)
    if into is not None:
        failed += not _write(show(str(into)), into, "".join(lines), taken)
    if on_terminal:  # one line at the end of a batch on a terminal (a script counts its lines)
        click.echo(f"gkparse: {batch} files, {failed} failed, {warned} warnings", err=True)
    sys.exit(1 if failed else 0)


def _cpus() -> int:
    return os.cpu_count() or 1


def _target(item: Input, output_dir: str | None, suffix: str) -> Path | None:
    """Where an input's document goes; None for standard output (also for a stream such as
    /dev/stdin, which has no folder to write beside, unless -o names one). Under -o DIR, a file
    found in a folder argument keeps its place in that folder's tree."""
    if output_dir == "-" or item.path is None or (item.stream and not output_dir):
        return None
    if not output_dir:
        return item.path.with_name(item.path.stem + suffix)
    if _names_a_file(output_dir):  # `-o notice.yaml notice.txt`, as pandoc takes it
        return Path(output_dir)
    place = item.under if item.under is not None else Path(item.path.name)
    return Path(output_dir) / place.with_name(place.stem + suffix)


def _names_a_file(output: str) -> bool:
    """-o names the output file itself when it ends like one and is no folder."""
    suffix = Path(output).suffix.lower()
    return suffix in (".yaml", ".yml", ".json", ".jsonl") and not Path(output).is_dir()


def _targets(inputs: list[Input], output_dir: str | None, suffix: str) -> dict[int, Path | None]:
    """The output of each input, by id (None: standard output): inputs whose outputs would share
    a name (`dup.txt` beside `dup.md`; `a/page.txt` and `b/page.txt` given with -o DIR) keep
    their own suffix in it (`dup.txt.yaml`); an output still shared is nobody's (left out)."""
    out = {id(i): _target(i, output_dir, suffix) for i in inputs}
    given = {i.path.resolve() for i in inputs if i.path is not None}  # _write refuses those
    real = {k: t.resolve() for k, t in out.items() if t is not None}  # (resolved once each)

    def shared() -> set[Path]:
        counts = Counter(real.values())
        return {p for p, n in counts.items() if n > 1 and p not in given}

    twice = shared()
    for i in inputs:
        t = out[id(i)]
        if t is not None and i.path is not None and real[id(i)] in twice:
            out[id(i)] = t.with_name(i.path.name + suffix)
            real[id(i)] = out[id(i)].resolve()
    still = shared()
    return {k: t for k, t in out.items() if t is None or real[k] not in still}


def _write(name: str, target: Path, text: str | bytes, inputs: dict[Path, str]) -> bool:
    """Write one output; False (with the reason on stderr) if it must not or cannot be."""
    clash = inputs.get(target.resolve())
    if clash is not None:
        which = "" if clash == name else f" {show(clash)}"
        _fail(name, f"output would overwrite the input{which}; skipped")
        return False
    try:
        write_atomic(target, text)
    except OSError as exc:
        _fail(name, f"cannot write {show(str(target))}: {exc.strerror}")
        return False
    return True


def _check_rules(rule_files: tuple[str, ...]) -> None:
    try:
        load_rules(rule_files)
    except RuleError as exc:
        raise click.UsageError(str(exc)) from None


class _NoBar:
    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        return None


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
@click.option(
    "--unit",
    "units",
    multiple=True,
    metavar="NAME",
    help="Only the tasks a unit leads, is responsible for or supports (市政府办 also finds "
    "市政府办公室 and 市人民政府办公室). Repeat for several.",
)
@click.option("-o", "--output", "output", metavar="FILE", help="Write the table to FILE.")
@click.option(
    "--xlsx",
    "xlsx_file",
    metavar="FILE",
    help="Write the table as an Excel workbook: ids as text, deadlines as dates.",
)
@click.option(
    "--ics",
    "ics_file",
    metavar="FILE",
    help="Write the dated deadlines as an iCalendar file ('-': standard output).",
)
@click.option("--no-keywords", is_flag=True, help="Leave the keywords column empty; faster.")
@jobs_option
@max_size_option
def tasks_command(
    files: tuple[str, ...],
    tsv: bool,
    rule_files: tuple[str, ...],
    units: tuple[str, ...],
    output: str | None,
    xlsx_file: str | None,
    ics_file: str | None,
    no_keywords: bool,
    jobs: int | None,
    max_size: Size,
) -> None:
    """One row per task across all FILEs: CSV (UTF-8 with BOM, for spreadsheets) or --tsv,
    on standard output unless -o, --xlsx or --ics names where the tasks go."""
    _check_rules(rule_files)
    _check_task_outputs(output, xlsx_file, ics_file)
    wanted = unit_filter(load_rules(rule_files), units) if units else (lambda _: True)
    inputs, work, failed = make_jobs(files, Settings(rule_files, "json", not no_keywords, max_size))
    docs = []
    for item, (text, _, error) in zip(inputs, results(work, jobs or _cpus())):
        if text is None:
            _fail(show(item.name), error or "not parsed")
            failed = True
            continue
        docs.append((doc_name(item.name), json.loads(text)))
    rows = [row for name, data in docs for row in task_rows(name, data, wanted)]
    outputs: list[tuple[str, str | bytes]] = []
    if output or not (xlsx_file or ics_file):
        outputs.append((output or "-", table_text(rows, tsv)))
    if xlsx_file:
        from .xlsx import EXCEL_CELL_MAX, workbook

        book, cut = workbook(TASK_COLUMNS, rows)
        if cut:
            warning = f"{cut} cell(s) cut to {EXCEL_CELL_MAX:,} characters, Excel's limit"
            click.echo(f"gkparse: {show(xlsx_file)}: warning: {warning}", err=True)
        outputs.append((xlsx_file, book))
    if ics_file:
        from .ical import calendar, events

        outputs.append((ics_file, calendar(events(docs, wanted))))
    taken = {item.path.resolve(): item.name for item in inputs if item.path}
    for target, content in outputs:
        if target == "-":
            write_stdout(content if isinstance(content, str) else content.decode())
        else:
            failed = not _write(show(target), Path(target), content, taken) or failed
    sys.exit(1 if failed else 0)


def _check_task_outputs(output: str | None, xlsx_file: str | None, ics_file: str | None) -> None:
    if xlsx_file == "-":
        raise click.UsageError("--xlsx needs a file name: a workbook is no text for a terminal")
    if output == "-" and ics_file == "-":
        raise click.UsageError("-o - and --ics - would both write to standard output")
    named = [Path(t).resolve() for t in (output, xlsx_file, ics_file) if t and t != "-"]
    if len(set(named)) < len(named):
        raise click.UsageError("-o, --xlsx and --ics name the same file")


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
@click.option("--diff", "diff", is_flag=True, help="The schema of the report of `gkparse diff`.")
def schema_command(diff: bool) -> None:
    """Print the JSON Schema of the gkparse/1 document (--diff: of gkparse diff's report)."""
    from .schema import DIFF, DOCUMENT, schema_text

    write_stdout(schema_text(DIFF if diff else DOCUMENT))


def use_colour(option: bool | None) -> bool:
    """--color/--no-color if given; else colour on a terminal, unless NO_COLOR is set
    (no-color.org)."""
    if option is not None:
        return option
    return sys.stdout is not None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@main.command("diff")
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "yaml", "json"]),
    default="text",
    show_default=True,
    help="Output format: text for a terminal, markdown for a page, yaml or json for a program.",
)
@click.option(
    "--width",
    type=click.IntRange(min=0),
    default=None,
    help="Wrap the text report's lines at this many columns, 0 not at all "
    "[default: the terminal's width; 80 when there is none].",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1, min_open=True),
    default=None,
    help="Similarity (0-1) from which two tasks are one task changed, not one removed and "
    "one added [default: 0.35].",
)
@click.option(
    "--color/--no-color",
    "colour",
    default=None,
    help="Colour the text report [default: when stdout is a terminal and NO_COLOR is unset].",
)
def diff_command(
    old: str,
    new: str,
    fmt: str,
    width: int | None,
    threshold: float | None,
    colour: bool | None,
) -> None:
    """What changed from plan OLD to plan NEW (each a notice text or a gkparse YAML/JSON):
    the header first, then the tasks added, removed and changed.

    Exit status: 0 the two are the same (header and tasks), 1 they differ, 2 an error.
    """
    from .diff import THRESHOLD, compare, differs, load
    from .diffrender import render_markdown, render_text

    docs = []
    for path in (old, new):
        try:
            docs.append(load(path))
        except (OSError, ValueError) as exc:
            _fail(show(path), " ".join((getattr(exc, "strerror", None) or str(exc)).split()))
            sys.exit(2)
        except RecursionError:
            _fail(show(path), "structure too deep to read")
            sys.exit(2)
    names = (doc_name(old), doc_name(new))
    report = compare(*docs, threshold=threshold or THRESHOLD, names=names)
    if fmt == "json":
        write_stdout(to_json(report))
    elif fmt == "yaml":
        write_stdout(to_yaml(report))
    elif fmt == "markdown":
        write_stdout(render_markdown(report))
    else:
        columns = shutil.get_terminal_size((80, 24)).columns if width is None else width
        write_stdout(render_text(report, use_colour(colour), columns))
    sys.exit(1 if differs(report) else 0)
