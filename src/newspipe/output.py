"""Printing a query's result on standard output: a table for people, CSV or JSON for tools."""

from __future__ import annotations

import csv
import json
import sys

import click


def print_result(relation, output_format: str, title: str | None = None) -> None:
    if relation is None:
        return
    columns = relation.columns
    rows = relation.fetchall()
    if output_format == "json":
        click.echo(
            json.dumps(
                [dict(zip(columns, r, strict=True)) for r in rows],
                default=str,
                ensure_ascii=False,
                indent=2,
            )
        )
    elif output_format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, title_justify="left")
        for column in columns:
            table.add_column(column, min_width=len(column), overflow="fold")
        for row in rows:
            table.add_row(*("" if v is None else _cell(v) for v in row))
        # A terminal folds long cells to its width; a pipe or file gets whole lines.
        console = Console() if sys.stdout.isatty() else Console(width=100_000)
        console.print(table)


MAX_CELL_CHARS = 80


def _cell(value) -> str:
    if isinstance(value, float):
        text = f"{value:.3f}"
    elif isinstance(value, list):
        text = ", ".join(map(str, value))
    else:
        text = " ".join(str(value).split())
    return text if len(text) <= MAX_CELL_CHARS else text[: MAX_CELL_CHARS - 1] + "…"
