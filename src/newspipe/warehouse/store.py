"""The warehouse folder: Parquet datasets, the DuckDB catalog, the lock and the journal.

Layout: `DIR/<table>/part-*.parquet` per table, `DIR/newspipe.duckdb` with one view per
table and the summary views, `DIR/.lock` and, only while a run publishes,
`DIR/_staging/<run_id>/` and `DIR/_journal.json`. DIR is a local folder or any fsspec URL
(`s3://bucket/prefix`): every file operation goes through fsspec, and DuckDB reads remote
Parquet through the same fsspec filesystem, registered with the connection (DuckDB's own
httpfs extension is not needed). On local disk a move is an atomic rename; on object
storage it is a copy and a delete, which the journal makes safe to repeat.

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
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
from fsspec.implementations.local import LocalFileSystem

from newspipe.schema import TABLES, VIEWS, Table, conform, empty
from newspipe.sqlfiles import read_sql

CATALOG_FILE = "newspipe.duckdb"
_EMPTY_PART = "part-empty.parquet"
# A lock on object storage is a lease: a run that died holding it blocks others this long.
_LEASE = timedelta(hours=6)


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse lock."""


@dataclass
class Changes:
    """What one run does to the warehouse: parts to add and parts they replace."""

    run_id: str
    staging: str
    moves: list[tuple[str, str]] = field(default_factory=list)
    removes: list[str] = field(default_factory=list)


class Warehouse:
    """The one owner of the warehouse folder: nothing else reads or writes its files."""

    def __init__(self, root: str | os.PathLike):
        url = str(root)
        if "://" not in url:
            url = str(Path(url).expanduser().resolve())
        self.fs, self.path = fsspec.core.url_to_fs(url)
        self.is_local = isinstance(self.fs, LocalFileSystem)
        self.root = Path(self.path) if self.is_local else url.rstrip("/")
        self.catalog = f"{self.path}/{CATALOG_FILE}"
        self._journal = f"{self.path}/_journal.json"
        self._staging_root = f"{self.path}/_staging"

    def url(self, path: str) -> str:
        """What DuckDB reads `path` as: the local path, or the fsspec URL."""
        return path if self.is_local else self.fs.unstrip_protocol(path)

    # -- locking and recovery ------------------------------------------------------------

    @contextmanager
    def lock(self, timeout_s: float = 0.0) -> Iterator[None]:
        """Hold the warehouse for one run; a second run waits up to `timeout_s`, then fails.

        On local disk this is an OS file lock, released even when the process dies. On
        object storage, which has no locks, it is a lease object naming its holder and
        expiry: runs that take turns through one scheduler never race for it, and a lease
        left by a killed run expires.
        """
        self.fs.makedirs(self.path, exist_ok=True)
        deadline = time.monotonic() + timeout_s
        acquire = self._flock if self.is_local else self._lease
        while (release := acquire()) is None:
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"another newspipe run is writing {self.root}; wait for it to finish "
                    "(or pass a lock timeout to wait)"
                )
            time.sleep(0.5)
        try:
            self.recover()
            yield
        finally:
            release()

    def _flock(self):
        handle = open(f"{self.path}/.lock", "a+")  # noqa: SIM115 - held across the run
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return None

        def release() -> None:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()

        return release

    def _lease(self):
        lease = f"{self.path}/_lease.json"
        now = datetime.now(UTC)
        if self.fs.exists(lease):
            held = json.loads(self.fs.cat_file(lease))
            if datetime.fromisoformat(held["expires"]) > now:
                return None
        owner = f"{os.uname().nodename}:{os.getpid()}:{now.isoformat()}"
        expires = (now + _LEASE).isoformat()
        self.fs.pipe_file(lease, json.dumps({"owner": owner, "expires": expires}).encode())
        if json.loads(self.fs.cat_file(lease))["owner"] != owner:
            return None
        return lambda: self.fs.rm_file(lease)

    def recover(self) -> None:
        """Finish a publish that was cut off after its journal, or drop one cut off before."""
        if self.fs.exists(self._journal):
            journal = json.loads(self.fs.cat_file(self._journal))
            self._apply([tuple(m) for m in journal["moves"]], journal["removes"])
            self.fs.rm_file(self._journal)
            self.build_catalog()
        if self.fs.exists(self._staging_root):
            self.fs.rm(self._staging_root, recursive=True)

    # -- reading --------------------------------------------------------------------------

    def table_dir(self, name: str) -> str:
        return f"{self.path}/{name}"

    def parts(self, name: str) -> list[str]:
        """The Parquet parts of a table (storage paths, sorted)."""
        return sorted(self.fs.glob(f"{self.table_dir(name)}/*.parquet"))

    def read_part(self, part: str) -> pa.Table:
        return pq.read_table(part, filesystem=self.fs)

    def duckdb(self, database: str = ":memory:", read_only: bool = False):
        """A DuckDB connection that can read this warehouse's storage."""
        con = duckdb.connect(database, read_only=read_only)
        if not self.is_local:
            con.register_filesystem(self.fs)
        return con

    def query(self, sql: str, **tables: pa.Table) -> pa.Table:
        """Run SQL in which `{table}` placeholders read that table's Parquet parts."""
        with self.duckdb() as con:
            for table_name, table in tables.items():
                con.register(table_name, table)
            return con.sql(sql.format(**self._scans())).to_arrow_table()

    def scan(self, parts: list[str]) -> str:
        """SQL reading the given Parquet parts as one relation."""
        files = ", ".join(f"'{self.url(p)}'" for p in parts)
        return f"read_parquet([{files}], union_by_name = true)"

    def _scans(self) -> dict[str, str]:
        return {
            name: self.scan(parts) if (parts := self.parts(name)) else _typed_empty_select(table)
            for name, table in TABLES.items()
        }

    # -- writing --------------------------------------------------------------------------

    def begin(self, run_id: str) -> Changes:
        staging = f"{self._staging_root}/{run_id}"
        self.fs.makedirs(staging, exist_ok=True)
        return Changes(run_id=run_id, staging=staging)

    def stage_part(self, changes: Changes, table: Table, data: pa.Table, part: str) -> None:
        """Write `data` as a new part of `table`, to be moved in at commit."""
        self._stage(changes, table, conform(table, data), f"part-{changes.run_id}-{part}.parquet")

    def _stage(self, changes: Changes, table: Table, data: pa.Table, name: str) -> None:
        self.fs.makedirs(f"{changes.staging}/{table.name}", exist_ok=True)
        staged = f"{changes.staging}/{table.name}/{name}"
        pq.write_table(data, staged, filesystem=self.fs, compression="zstd")
        changes.moves.append((staged, f"{self.table_dir(table.name)}/{name}"))

    def stage_replacement(self, changes: Changes, table: Table, data: pa.Table) -> None:
        """Replace every part of `table` with `data`."""
        changes.removes.extend(self.parts(table.name))
        self.stage_part(changes, table, data, "all")

    def stage_rewrite(self, changes: Changes, table: Table, part: str, data: pa.Table) -> None:
        """Replace one existing part of `table` with a rewritten copy."""
        changes.removes.append(part)
        stem = part.rsplit("/", 1)[-1].removesuffix(".parquet").removeprefix("part-")
        self.stage_part(changes, table, data, f"rewrite-{stem}")

    def commit(self, changes: Changes) -> None:
        """Publish the staged parts: journal, move, then swap in a rebuilt catalog."""
        removed = set(changes.removes)
        for name, table in TABLES.items():
            kept = [p for p in self.parts(name) if p not in removed]
            added = any(dst.startswith(f"{self.table_dir(name)}/") for _, dst in changes.moves)
            if not kept and not added:
                self._stage(changes, table, empty(table), _EMPTY_PART)
        journal = json.dumps(
            {"run_id": changes.run_id, "moves": changes.moves, "removes": changes.removes}
        )
        pending = f"{changes.staging}/journal.json"
        self.fs.pipe_file(pending, journal.encode())
        if self.is_local:
            _fsync(pending)
        # The journal's arrival is the commit point: a rename on disk, one PUT remotely.
        self.fs.mv(pending, self._journal)
        self._apply(changes.moves, changes.removes)
        self.fs.rm_file(self._journal)
        self.build_catalog()
        if self.fs.exists(self._staging_root):
            self.fs.rm(self._staging_root, recursive=True)

    def _apply(self, moves: list[tuple[str, str]], removes: list[str]) -> None:
        for staged, final in moves:
            if self.fs.exists(staged):
                self.fs.makedirs(final.rsplit("/", 1)[0], exist_ok=True)
                self.fs.mv(staged, final)
        for path in removes:
            if self.fs.exists(path):
                self.fs.rm_file(path)

    def build_catalog(self) -> None:
        """Rebuild newspipe.duckdb: a view per table over its Parquet, then the summaries.

        The file is built beside the warehouse on local disk (in a temporary folder for a
        remote one, then uploaded) and swapped in whole, so readers never see half of it.
        """
        with tempfile.TemporaryDirectory(dir=self.path if self.is_local else None) as tmp:
            building = f"{tmp}/{CATALOG_FILE}"
            with self.duckdb(building) as con:
                for name, table in TABLES.items():
                    source = (
                        f"read_parquet('{self.url(self.table_dir(name))}/*.parquet', "
                        "union_by_name = true)"
                        if self.parts(name)
                        else _typed_empty_select(table)
                    )
                    con.execute(f"create or replace view {name} as select * from {source}")
                for name, view in VIEWS.items():
                    sql = read_sql(view.package, view.sql_name)
                    con.execute(f"create or replace view {name} as {sql}")
                con.execute(read_sql("newspipe.warehouse", "macros"))
            if self.is_local:
                os.replace(building, self.catalog)
            else:
                self.fs.put_file(building, self.catalog)

    @contextmanager
    def connect(self, read_only: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the catalog (read-only unless asked otherwise). A remote
        catalog is read from a local copy, with the warehouse's filesystem registered."""
        if not self.fs.exists(self.catalog):
            raise FileNotFoundError(
                f"{self.url(self.catalog)} does not exist: run `newspipe run INPUT "
                f"--warehouse {self.root}` first"
            )
        if self.is_local:
            with self.duckdb(self.catalog, read_only=read_only) as con:
                yield con
            return
        with tempfile.TemporaryDirectory() as tmp:
            local = f"{tmp}/{CATALOG_FILE}"
            self.fs.get_file(self.catalog, local)
            with self.duckdb(local, read_only=read_only) as con:
                yield con


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
    if pa.types.is_uint32(type_):
        return "uinteger"
    if pa.types.is_int16(type_):
        return "smallint"
    if pa.types.is_fixed_size_list(type_):
        return f"{_duckdb_type(type_.value_type)}[{type_.list_size}]"
    if pa.types.is_list(type_):
        return f"{_duckdb_type(type_.value_type)}[]"
    if pa.types.is_struct(type_):
        fields = ", ".join(f"{f.name} {_duckdb_type(f.type)}" for f in type_)
        return f"struct({fields})"
    raise TypeError(f"no DuckDB type for {type_}")


def _fsync(path: str) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
