"""`gkparse schema`: the JSON Schema of the output, or (--diff) of diff's report."""

from __future__ import annotations

import click

from .console import write_stdout


@click.command("schema")
@click.option("--diff", "diff", is_flag=True, help="The schema of the report of `gkparse diff`.")
def schema_command(diff: bool) -> None:
    """Print the JSON Schema of the gkparse/1 document (--diff: of gkparse diff's report)."""
    from .schema import DIFF, DOCUMENT, schema_text

    write_stdout(schema_text(DIFF if diff else DOCUMENT))
