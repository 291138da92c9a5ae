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
from .console import guarded, signals_held, warn, write_stdout
from .emit import to_json, to_yaml
from .inputs import Input, Size, SizeType, TooLarge, doc_name, expand, show
from .options import STDIN, common, read_once, rule_sources, stdin_args, stdin_rules
from .rules import RuleError, load_rules
from .tally import Tally
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
    "results",
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
        if not args and sys.stdin is not None and not sys.stdin.isatty():
            args = ["parse"]  # `cat notice.txt | gkparse` (options.stdin_args reads the pipe)
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


@main.command("parse")
@click.argument("files", nargs=-1)
@click.option(
    "-o",
    "--output",
    "--output-dir",
    "output_dir",
    metavar="DIR",
    help="Write outputs into DIR (created if missing), or FILE.yaml|.json|.jsonl for one "
    "input or a jsonl stream; '-' for standard output.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json", "jsonl"]),
    default="yaml",
    show_default=True,
    help="Output format; jsonl: every document one JSON line of one stream (stdout or -o FILE).",
)
@common("parse")
def parse_command(
    files: tuple[str, ...],
    output_dir: str | None,
    fmt: str,
    rule_files: tuple[str, ...],
    jobs: int | None,
    max_size: Size,
    hidden: bool,
    no_keywords: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Parse each notice FILE (a folder: its *.txt, *.md, *.html, *.htm, *.docx; '-': standard
    input, also when no FILE is given and standard input is a pipe)."""
    files = stdin_args(files)
    rules = rule_sources(rule_files, files)
    stream = fmt == "jsonl"  # one stream of JSON lines: standard output or the file -o names
    if stream and output_dir and output_dir != "-" and not _names_a_file(output_dir):
        raise click.UsageError("--format jsonl writes one stream: stdout, or -o FILE.jsonl")
    fmt = "json" if stream else fmt
    inputs, work, failed = make_jobs(files, Settings(rules, fmt, not no_keywords, max_size, hidden))
    tally = Tally(len(inputs) + failed, failed, quiet, verbose)
    # no output may land on an input, its own or another's (`gkparse a.txt a.yaml`)
    taken = {item.path.resolve(): item.name for item in inputs if item.path and not item.stream}
    suffix = ".json" if fmt == "json" else ".yaml"
    if output_dir and _names_a_file(output_dir) and len(inputs) > 1 and not stream:
        raise click.UsageError(f"-o {output_dir} names one file: give one input, or a folder")
    targets = {id(i): None for i in inputs} if stream else _targets(inputs, output_dir, suffix)
    into = Path(output_dir) if stream and output_dir and output_dir != "-" else None
    lines: list[str] = []  # the stream's lines, when they go to the file -o names
    to_screen = into is None and None in targets.values() and _stdout_is_terminal()
    first_out = True
    for item, text in tally.documents(inputs, work, jobs, to_screen):
        name = show(item.name)
        if id(item) not in targets:
            tally.fail(name, "its output's name is another input's too; skipped")
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
        if not _write(name, target, text, taken):
            tally.failed += 1
    if into is not None and not _write(show(str(into)), into, "".join(lines), taken):
        tally.failed += 1
    tally.end()


def _stdout_is_terminal() -> bool:
    return bool(sys.stdout and sys.stdout.isatty())


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


@main.command("tasks")
@click.argument("files", nargs=-1)
@click.option("--tsv", is_flag=True, help="Tab-separated values instead of CSV.")
@click.option(
    "--unit",
    "units",
    multiple=True,
    metavar="NAME",
    help="Only the tasks a unit leads, is responsible for or supports (市政府办 also finds "
    "市政府办公室 and 市人民政府办公室). Repeat for several.",
)
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
@common("tasks")
def tasks_command(
    files: tuple[str, ...],
    tsv: bool,
    units: tuple[str, ...],
    xlsx_file: str | None,
    ics_file: str | None,
    output: str | None,
    rule_files: tuple[str, ...],
    jobs: int | None,
    max_size: Size,
    hidden: bool,
    no_keywords: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """One row per task across all FILEs: CSV (UTF-8 with BOM, for spreadsheets) or --tsv,
    on standard output unless -o, --xlsx or --ics names where the tasks go. FILE as for
    `gkparse`: a folder is walked, '-' (or a pipe and no FILE) is standard input."""
    files = stdin_args(files)
    rules = rule_sources(rule_files, files)
    _check_task_outputs(output, xlsx_file, ics_file)
    wanted = unit_filter(load_rules(rules), units) if units else (lambda _: True)
    settings = Settings(rules, "json", not no_keywords, max_size, hidden)
    inputs, work, failed = make_jobs(files, settings)
    tally = Tally(len(inputs) + failed, failed, quiet, verbose)
    table = bool(output) or not (xlsx_file or ics_file)
    to_stdout = (table and output in (None, "-")) or ics_file == "-"
    to_screen = to_stdout and _stdout_is_terminal()
    docs = [
        (doc_name(item.name), json.loads(text))
        for item, text in tally.documents(inputs, work, jobs, to_screen)
    ]
    rows = [row for name, data in docs for row in task_rows(name, data, wanted)]
    outputs: list[tuple[str, str | bytes]] = []
    if table:
        outputs.append((output or "-", table_text(rows, tsv)))
    if xlsx_file:
        from .xlsx import EXCEL_CELL_MAX, workbook

        book, cut = workbook(TASK_COLUMNS, rows)
        if cut:
            tally.warned += 1
            warn(
                show(xlsx_file),
                f"{cut} cell(s) cut to {EXCEL_CELL_MAX:,} characters, Excel's limit",
            )
        outputs.append((xlsx_file, book))
    if ics_file:
        from .ical import calendar, events

        outputs.append((ics_file, calendar(events(docs, wanted))))
    taken = {item.path.resolve(): item.name for item in inputs if item.path}
    for target, content in outputs:
        if target == "-":
            write_stdout(content if isinstance(content, str) else content.decode())
        elif not _write(show(target), Path(target), content, taken):
            tally.failed += 1
    tally.end()


def _check_task_outputs(output: str | None, xlsx_file: str | None, ics_file: str | None) -> None:
    if xlsx_file == "-":
        raise click.UsageError("--xlsx needs a file name: a workbook is no text for a terminal")
    if output == "-" and ics_file == "-":
        raise click.UsageError("-o - and --ics - would both write to standard output")
    named = [Path(t).resolve() for t in (output, xlsx_file, ics_file) if t and t != "-"]
    if len(set(named)) < len(named):
        raise click.UsageError("-o, --xlsx and --ics name the same file")


@main.command("rules")
@click.option(
    "--check", "check", metavar="FILE", help="Validate a rule file and exit ('-': standard input)."
)
@common("rules")
def rules_command(check: str | None, rule_files: tuple[str, ...]) -> None:
    """List the active rules and the file each comes from, or --check a rule file."""
    if not check:
        for key, source in sorted(load_rules(rule_sources(rule_files, ())).sources.items()):
            click.echo(f"{key}\t{source}")
        return
    rule_sources(rule_files, (check,))  # (its checks: `-` read once)
    try:
        load_rules((stdin_rules() if check == STDIN else check,))
    except RuleError as exc:
        click.echo(f"gkparse: {exc}", err=True)
        sys.exit(1)
    click.echo(f"{check}: ok")


@main.command("schema")
@click.option("--diff", "diff", is_flag=True, help="The schema of the report of `gkparse diff`.")
def schema_command(diff: bool) -> None:
    """Print the JSON Schema of the gkparse/1 document (--diff: of gkparse diff's report)."""
    from .schema import DIFF, DOCUMENT, schema_text

    write_stdout(schema_text(DIFF if diff else DOCUMENT))


def use_colour(option: bool | None, to_file: bool = False) -> bool:
    """--color/--no-color if given; else colour on a terminal (not into a file -o names),
    unless NO_COLOR is set (no-color.org)."""
    if option is not None:
        return option
    return not to_file and _stdout_is_terminal() and not os.environ.get("NO_COLOR")


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
@common("diff")
def diff_command(
    old: str,
    new: str,
    fmt: str,
    width: int | None,
    threshold: float | None,
    colour: bool | None,
    output: str | None,
    rule_files: tuple[str, ...],
    max_size: Size,
    verbose: bool,
) -> None:
    """What changed from plan OLD to plan NEW (each a notice text or a gkparse YAML/JSON;
    '-' for one of them: standard input): the header first, then the tasks added, removed
    and changed.

    Exit status: 0 the two are the same (header and tasks), 1 they differ, 2 an error.
    """
    from .diff import THRESHOLD, compare, differs, load
    from .diffrender import render_markdown, render_text

    paths = read_once((old, new))
    rules = load_rules(rule_sources(rule_files, paths))
    docs = []
    for path in paths:
        try:
            docs.append(load(path, rules, max_size))
        except (OSError, ValueError, TooLarge) as exc:
            _fail(show(path), " ".join((getattr(exc, "strerror", None) or str(exc)).split()))
            sys.exit(2)
        except RecursionError:
            _fail(show(path), "structure too deep to read")
            sys.exit(2)
        if verbose:
            for warning in _warnings(docs[-1]):
                warn(show(path), warning)
    names = (doc_name(old), doc_name(new))
    report = compare(*docs, threshold=threshold or THRESHOLD, names=names)
    to_file = output not in (None, "-")
    if fmt == "json":
        text = to_json(report)
    elif fmt == "yaml":
        text = to_yaml(report)
    elif fmt == "markdown":
        text = render_markdown(report)
    else:
        columns = shutil.get_terminal_size((80, 24)).columns if width is None else width
        text = render_text(report, use_colour(colour, to_file), columns)
    if not to_file:
        write_stdout(text)
    elif not _write(show(output or ""), Path(output or ""), text, _given(paths)):
        sys.exit(2)
    sys.exit(1 if differs(report) else 0)


def _given(paths: tuple[str, ...]) -> dict[Path, str]:
    """The files among `paths` (not `-`), which no output may overwrite."""
    return {Path(p).resolve(): p for p in paths if p != STDIN}


def _warnings(data: dict[str, Any]) -> list[str]:
    """A document's warnings (one read from YAML may hold anything there)."""
    meta = data.get("metadata")
    warnings = meta.get("warnings") if isinstance(meta, dict) else None
    return [str(w) for w in warnings] if isinstance(warnings, list) else []
