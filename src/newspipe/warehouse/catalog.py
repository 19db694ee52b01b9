"""The catalog: a view per table over its committed parts, the macros, the summary views.

One definition serves both places it lives: `DIR/newspipe.duckdb`, the file that opens in
the plain DuckDB CLI, and the in-memory catalog of every read-only session (`newspipe
sql`, the dashboard, `newspipe check`). The file records which warehouse folder and which
manifest it was built from (`newspipe_catalog`), so a copied, moved or stale file is told
apart and rebuilt.
"""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import pyarrow as pa

from newspipe.schema import TABLES, VIEWS, Table
from newspipe.sqlfiles import read_sql
from newspipe.warehouse.errors import WarehouseDamaged

CATALOG_FILE = "newspipe.duckdb"
RECORD_TABLE = "newspipe_catalog"


def define_catalog(con: duckdb.DuckDBPyConnection, sources: Mapping[str, list[str]]) -> None:
    """Create every table view (over the part files or URLs in `sources`), then the macros,
    then the summary views, which read both."""
    for name, table in TABLES.items():
        if urls := sources.get(name):
            create_table_view(con, name, urls)
        else:
            con.execute(f"create view {name} as {typed_empty_select(table)}")
    con.execute(read_sql("newspipe.warehouse", "macros"))
    for name, view in VIEWS.items():
        con.execute(f"create view {name} as {read_sql(view.package, view.sql_name)}")


def create_table_view(con: duckdb.DuckDBPyConnection, name: str, urls: list[str]) -> None:
    """A view named after the table over its parts; a part DuckDB cannot read is reported
    as damage, in one line."""
    try:
        con.read_parquet(urls, union_by_name=True).create_view(name)
        return
    except (duckdb.IOException, duckdb.InvalidInputException) as exc:
        reason = str(exc).strip().splitlines()[0]
    # Raised outside the except block, so the error does not keep DuckDB's alive.
    raise WarehouseDamaged(
        f"cannot read the {name} table: {reason}; restore the part from a copy of the warehouse"
    )


def record_source(con: duckdb.DuckDBPyConnection, root: str, manifest_digest: str) -> None:
    """Write down which warehouse folder and manifest this catalog file describes."""
    con.execute(f"create table {RECORD_TABLE} (root varchar, manifest_digest varchar)")
    con.execute(
        f"insert into {RECORD_TABLE} values ($root, $digest)",
        {"root": root, "digest": manifest_digest},
    )


def recorded_source(catalog_file: str) -> tuple[str, str] | None:
    """(root, manifest digest) the catalog file was built for; None when it has no record
    (built by an older newspipe) or is not a readable DuckDB file."""
    try:
        with duckdb.connect(catalog_file, read_only=True) as con:
            row = con.execute(f"select root, manifest_digest from {RECORD_TABLE}").fetchone()
    except duckdb.Error:
        return None
    return None if row is None else (row[0], row[1])


def typed_empty_select(table: Table) -> str:
    """SQL for an empty relation with the table's columns and types."""
    columns = ", ".join(f"null::{_duckdb_type(f.type)} as {f.name}" for f in table.schema)
    return f"(select {columns} where false)"


_SCALAR_TYPES = {
    pa.string(): "varchar",
    pa.int16(): "smallint",
    pa.int32(): "integer",
    pa.int64(): "bigint",
    pa.uint32(): "uinteger",
    pa.float64(): "double",
    pa.bool_(): "boolean",
    pa.date32(): "date",
}


def _duckdb_type(type_: pa.DataType) -> str:
    if type_ in _SCALAR_TYPES:
        return _SCALAR_TYPES[type_]
    if pa.types.is_timestamp(type_):
        return "timestamptz"
    if pa.types.is_fixed_size_list(type_):
        return f"{_duckdb_type(type_.value_type)}[{type_.list_size}]"
    if pa.types.is_list(type_):
        return f"{_duckdb_type(type_.value_type)}[]"
    if pa.types.is_struct(type_):
        fields = ", ".join(f"{f.name} {_duckdb_type(f.type)}" for f in type_)
        return f"struct({fields})"
    raise TypeError(f"no DuckDB type for {type_}")
