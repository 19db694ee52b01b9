"""The warehouse folder: Parquet datasets, the DuckDB catalog, the lock and the journal.

Layout: `DIR/<table>/part-*.parquet` per table, `DIR/newspipe.duckdb` with one view per
table and the summary views, `DIR/.lock` and, only while a run publishes,
`DIR/_staging/<run_id>/` and `DIR/_journal.json`.

A run publishes all of its tables or none. Everything it writes goes to the staging folder
first; then a journal listing every file to move in and every file it replaces is written
(with an atomic rename), and only then are the files moved into place. A failure or a kill
before the journal exists leaves the old warehouse untouched (the staging folder is cleared
at the next open); a kill after it is finished at the next open, since moving the listed
files again is harmless (roll forward). The DuckDB catalog is rebuilt from the Parquet
files, which are the source of truth, and swapped in with a rename as the last step.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from newspipe.schema import TABLES, VIEWS, Table, conform, empty
from newspipe.sqlfiles import read_sql

CATALOG_FILE = "newspipe.duckdb"
_EMPTY_PART = "part-empty.parquet"


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse lock."""


@dataclass
class Changes:
    """What one run does to the warehouse: parts to add and parts they replace."""

    run_id: str
    staging: Path
    moves: list[tuple[Path, Path]] = field(default_factory=list)
    removes: list[Path] = field(default_factory=list)


class Warehouse:
    """The one owner of the warehouse folder: nothing else reads or writes its files."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root).expanduser().resolve()
        self.catalog = self.root / CATALOG_FILE
        self._journal = self.root / "_journal.json"
        self._staging_root = self.root / "_staging"

    # -- locking and recovery ------------------------------------------------------------

    @contextmanager
    def lock(self, timeout_s: float = 0.0) -> Iterator[None]:
        """Hold the warehouse for one run; a second run waits up to `timeout_s`, then fails."""
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / ".lock").open("a+") as handle:
            deadline = time.monotonic() + timeout_s
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise WarehouseBusy(
                            f"another newspipe run is writing {self.root}; wait for it to "
                            "finish (or pass a lock timeout to wait)"
                        ) from None
                    time.sleep(0.5)
            try:
                self.recover()
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def recover(self) -> None:
        """Finish a publish that was cut off after its journal, or drop one cut off before."""
        if self._journal.exists():
            journal = json.loads(self._journal.read_text())
            self._apply(
                [(Path(a), Path(b)) for a, b in journal["moves"]],
                [Path(p) for p in journal["removes"]],
            )
            self._journal.unlink()
        if self._staging_root.exists():
            shutil.rmtree(self._staging_root)

    # -- reading --------------------------------------------------------------------------

    def table_dir(self, name: str) -> Path:
        return self.root / name

    def parts(self, name: str) -> list[Path]:
        directory = self.table_dir(name)
        return sorted(directory.glob("*.parquet")) if directory.is_dir() else []

    def query(self, sql: str, **tables: pa.Table) -> pa.Table:
        """Run SQL in which `{table}` placeholders read that table's Parquet parts."""
        with duckdb.connect() as con:
            for table_name, table in tables.items():
                con.register(table_name, table)
            return con.sql(sql.format(**self._scans())).to_arrow_table()

    def _scans(self) -> dict[str, str]:
        scans = {}
        for name, table in TABLES.items():
            parts = self.parts(name)
            if parts:
                files = ", ".join(f"'{p}'" for p in parts)
                scans[name] = f"read_parquet([{files}], union_by_name = true)"
            else:
                scans[name] = _typed_empty_select(table)
        return scans

    # -- writing --------------------------------------------------------------------------

    def begin(self, run_id: str) -> Changes:
        staging = self._staging_root / run_id
        staging.mkdir(parents=True, exist_ok=True)
        return Changes(run_id=run_id, staging=staging)

    def stage_part(self, changes: Changes, table: Table, data: pa.Table, part: str) -> None:
        """Write `data` as a new part of `table`, to be moved in at commit."""
        staged = changes.staging / table.name / f"part-{changes.run_id}-{part}.parquet"
        staged.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(conform(table, data), staged, compression="zstd")
        changes.moves.append((staged, self.table_dir(table.name) / staged.name))

    def stage_replacement(self, changes: Changes, table: Table, data: pa.Table) -> None:
        """Replace every part of `table` with `data`."""
        changes.removes.extend(self.parts(table.name))
        self.stage_part(changes, table, data, "all")

    def stage_rewrite(self, changes: Changes, table: Table, part: Path, data: pa.Table) -> None:
        """Replace one existing part of `table` with a rewritten copy."""
        changes.removes.append(part)
        self.stage_part(changes, table, data, f"rewrite-{part.stem.removeprefix('part-')}")

    def commit(self, changes: Changes) -> None:
        """Publish the staged parts: journal, move, then swap in a rebuilt catalog."""
        for name, table in TABLES.items():
            if not self.parts(name) and not any(
                dst.parent.name == name for _, dst in changes.moves
            ):
                self._stage_empty(changes, table)
        journal = {
            "run_id": changes.run_id,
            "moves": [[str(a), str(b)] for a, b in changes.moves],
            "removes": [str(p) for p in changes.removes],
        }
        pending = changes.staging / "journal.json"
        pending.write_text(json.dumps(journal))
        _fsync(pending)
        os.replace(pending, self._journal)
        self._apply(changes.moves, changes.removes)
        self._journal.unlink()
        self.build_catalog()
        shutil.rmtree(self._staging_root, ignore_errors=True)

    def _stage_empty(self, changes: Changes, table: Table) -> None:
        staged = changes.staging / table.name / _EMPTY_PART
        staged.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(empty(table), staged)
        changes.moves.append((staged, self.table_dir(table.name) / _EMPTY_PART))

    def _apply(self, moves: list[tuple[Path, Path]], removes: list[Path]) -> None:
        for staged, final in moves:
            if staged.exists():
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staged, final)
        for path in removes:
            path.unlink(missing_ok=True)

    def build_catalog(self) -> None:
        """Rebuild newspipe.duckdb: a view per table over its Parquet, then the summaries."""
        building = self.root / f".{CATALOG_FILE}.building"
        building.unlink(missing_ok=True)
        with duckdb.connect(str(building)) as con:
            for name, table in TABLES.items():
                directory = self.table_dir(name)
                source = (
                    f"read_parquet('{directory}/*.parquet', union_by_name = true)"
                    if self.parts(name)
                    else _typed_empty_select(table)
                )
                con.execute(f"create or replace view {name} as select * from {source}")
            for view in VIEWS:
                sql = read_sql("newspipe.warehouse", view)
                con.execute(f"create or replace view {view} as {sql}")
        os.replace(building, self.catalog)

    def connect(self, read_only: bool = True) -> duckdb.DuckDBPyConnection:
        """A connection to the catalog (read-only unless asked otherwise)."""
        if not self.catalog.exists():
            raise FileNotFoundError(
                f"{self.catalog} does not exist: run `newspipe run INPUT --warehouse "
                f"{self.root}` first"
            )
        return duckdb.connect(str(self.catalog), read_only=read_only)


def _typed_empty_select(table: Table) -> str:
    columns = ", ".join(f"null::{_duckdb_type(f.type)} as {f.name}" for f in table.schema)
    return f"(select {columns} where false)"


def _duckdb_type(type_: pa.DataType) -> str:
    if pa.types.is_string(type_):
        return "varchar"
    if pa.types.is_int32(type_):
        return "integer"
    if pa.types.is_int64(type_):
        return "bigint"
    if pa.types.is_float64(type_):
        return "double"
    if pa.types.is_boolean(type_):
        return "boolean"
    if pa.types.is_date32(type_):
        return "date"
    if pa.types.is_timestamp(type_):
        return "timestamptz"
    raise TypeError(f"no DuckDB type for {type_}")


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())
