"""The command line: arguments, files, exit codes. All parsing is the library's (gkparse.parse)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from . import __version__, parse_bytes
from .emit import to_json, to_yaml
from .rules import RuleError, load_rules

SUFFIXES = (".txt", ".md")


def _inputs(paths: tuple[str, ...]) -> list[tuple[str, Path | None, str | None]]:
    """(display name, path, error) for each input; directories are walked for notices."""
    out: list[tuple[str, Path | None, str | None]] = []
    for name in paths:
        if name == "-":
            out.append(("-", None, None))
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            out.extend((str(p), p, None) for p in found)
            if not found:
                out.append((name, None, "directory has no *.txt or *.md files"))
        elif not path.exists():
            out.append((name, None, "no such file"))
        else:
            out.append((name, path, None))
    return out


def _write_atomic(target: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written YAML."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, required=True)
@click.option("-o", "--output-dir", metavar="DIR", help="Write the YAML files into DIR ('-' for standard output).")
@click.option("--rules", "rule_files", multiple=True, metavar="FILE", help="A rule file layered over the built-in rules (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True, help="Output format.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.version_option(__version__, prog_name="gkparse")
def main(files: tuple[str, ...], output_dir: str | None, rule_files: tuple[str, ...], fmt: str, quiet: bool) -> None:
    """Parse government notices (通知) into structured YAML, one file beside each input."""
    try:
        rules = load_rules(rule_files)
    except RuleError as exc:
        raise click.UsageError(str(exc)) from None
    render = to_json if fmt == "json" else to_yaml
    suffix = ".json" if fmt == "json" else ".yaml"
    failed = False
    first_out = True
    for name, path, error in _inputs(files):
        if error:
            click.echo(f"gkparse: {name}: {error}", err=True)
            failed = True
            continue
        try:
            data = sys.stdin.buffer.read() if path is None else path.read_bytes()
        except OSError as exc:
            click.echo(f"gkparse: {name}: cannot read: {exc.strerror}", err=True)
            failed = True
            continue
        doc = parse_bytes(data, rules=rules, name="-" if path is None else path.name)
        text = render(doc.to_dict())
        if path is None or output_dir == "-":
            if not first_out and fmt == "yaml":
                sys.stdout.write("---\n")
            sys.stdout.write(text)
            first_out = False
            continue
        target = (Path(output_dir) if output_dir else path.parent) / (path.stem + suffix)
        if target.resolve() == path.resolve():
            click.echo(f"gkparse: {name}: output would overwrite the input; skipped", err=True)
            failed = True
            continue
        _write_atomic(target, text)
    sys.exit(1 if failed else 0)
