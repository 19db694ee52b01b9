"""Run the SQL files that ship with each stage against Arrow tables, in DuckDB.

Set operations (joins, group-bys, window functions) are DuckDB's job; the SQL lives in
`.sql` files beside the stage that owns it, shaped as import CTEs -> logic CTEs -> `final`.
Stages hand their Arrow tables in by name and get an Arrow table back; no file or
warehouse is opened here.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import duckdb
import pyarrow as pa


@cache
def read_sql(package: str, name: str) -> str:
    """The text of `<package>/sql/<name>.sql`."""
    return resources.files(package).joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")


def run_sql(package: str, name: str, params: dict | None = None, **tables: pa.Table) -> pa.Table:
    """Run a stage's SQL file on an in-memory DuckDB where `tables` are visible by name and
    `params` are bound to its `$name` parameters."""
    with duckdb.connect() as con:
        for table_name, table in tables.items():
            con.register(table_name, table)
        return con.sql(read_sql(package, name), params=params).to_arrow_table()
