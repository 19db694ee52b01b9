"""Generate the data dictionary (docs/data_dictionary.md) from the schemas in schema.py.

The dictionary is never edited by hand: a test regenerates it and fails when the committed
file differs, so the docs cannot drift from the tables.
"""

from __future__ import annotations

import pyarrow as pa

from newspipe.schema import TABLES, VIEWS

_HEADER = """# newspipe data dictionary

Generated from `src/newspipe/schema.py` by `newspipe dictionary`; do not edit by hand.
Every warehouse folder holds one Parquet dataset per table (`DIR/<table>/part-*.parquet`)
and `DIR/newspipe.duckdb`, a DuckDB catalog with one view per table and the summary views.
Timestamps are UTC; dates are calendar dates. Columns marked *contract* are part of the
output contract and keep their name and meaning; the others are newspipe additions.
"""


def _type_name(type_: pa.DataType) -> str:
    names = {
        pa.string(): "string",
        pa.int32(): "int32",
        pa.int64(): "int64",
        pa.float64(): "float64",
        pa.bool_(): "bool",
        pa.date32(): "date",
    }
    if pa.types.is_timestamp(type_):
        return "timestamp (UTC)"
    if pa.types.is_list(type_):
        return f"list of {_type_name(type_.value_type)}"
    return names.get(type_, str(type_))


def _rows(schema: pa.Schema) -> list[str]:
    lines = ["| column | type | null? | contract | meaning |", "|---|---|---|---|---|"]
    for field in schema:
        meta = {k.decode(): v.decode() for k, v in (field.metadata or {}).items()}
        lines.append(
            f"| `{field.name}` | {_type_name(field.type)} | "
            f"{'yes' if field.nullable else 'no'} | "
            f"{'contract' if meta.get('contract') == 'yes' else 'added'} | "
            f"{meta.get('description', '')} |"
        )
    return lines


def render_dictionary() -> str:
    parts = [_HEADER, "## Tables\n"]
    for table in TABLES.values():
        mode = (
            "append-only: each run adds a part"
            if table.mode == "append"
            else "recomputed: each run replaces it"
        )
        parts.append(f"### `{table.name}`\n\nOne row: {table.row}. Storage: {mode}.\n")
        parts.append("\n".join(_rows(table.schema)) + "\n")
    parts.append("## Summary views\n")
    for view in VIEWS.values():
        parts.append(
            f"### `{view.name}`\n\nOne row: {view.row}. SQL: "
            f"`src/newspipe/warehouse/sql/{view.name}.sql`.\n"
        )
        parts.append("\n".join(_rows(view.schema)) + "\n")
    return "\n".join(parts)
