"""The warehouse folder: Parquet parts, the manifest, the DuckDB catalog, the lock, the journal.

Layout: `DIR/<table>/part-*.parquet` per table, `DIR/_manifest.json` naming the parts that
make up each table now (see `manifest.py`), `DIR/newspipe.duckdb` (see `catalog.py`),
`DIR/.lock` and, only while a run publishes, `DIR/_staging/<run_id>/` and
`DIR/_journal.json`. DIR is a local folder or any fsspec URL (`s3://bucket/prefix`): every
file operation goes through fsspec, and DuckDB reads remote Parquet through the same fsspec
filesystem registered with the connection (DuckDB's httpfs extension is not needed). Paths
in the manifest and the journal are relative to DIR, so the folder can be copied or moved.

A run publishes all of its tables or none, and readers see the old warehouse or the new
one, never a mix:
1. every new part is written to the staging folder;
2. the journal (the parts to move in, the parts they replace and the new manifest) is
   written with an atomic rename: the commit point;
3. the staged parts are moved into their table folders, unseen by readers, who follow the
   manifest;
4. the new manifest replaces the old one (one rename): readers switch to the new parts;
5. the catalog file is rebuilt; 6. the replaced parts are removed; 7. the journal goes.
A failure or a kill before step 2 leaves the old warehouse untouched (the staging folder is
cleared at the next open); after it, the next run finishes steps 3-7 (roll forward), each
of which is harmless to repeat.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import string
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
from fsspec.implementations.local import LocalFileSystem

from newspipe.schema import TABLES, Table, conform, empty
from newspipe.warehouse.catalog import (
    CATALOG_FILE,
    create_table_view,
    define_catalog,
    record_source,
    recorded_source,
)
from newspipe.warehouse.errors import (
    WarehouseBusy,
    WarehouseError,
    WarehouseMissing,
    WarehouseUnavailable,
)
from newspipe.warehouse.manifest import MANIFEST_FILE, Manifest
from newspipe.warehouse.session import ReadOnlyConnection, ReadOnlySession

_EMPTY_PART = "part-empty.parquet"
# A lock on object storage is a lease: a run that died holding it blocks others this long.
_LEASE = timedelta(hours=6)
# Readers and a run's start-up check give up on object storage that does not answer after
# seconds rather than the minutes of s3fs's and botocore's default retries (5 x 5 tries).
_FAIL_FAST = {
    "s3": {
        "config_kwargs": {
            "connect_timeout": 3,
            "read_timeout": 5,
            "retries": {"total_max_attempts": 1},
        }
    },
}
# Folders of the running system, never storage.
_SYSTEM_FOLDERS = ("proc", "sys", "dev")
# The warehouses this process holds the lock of, per thread: the command line takes the lock
# before Prefect starts (so a second run stops before touching Prefect's database) and the
# flow, in the same thread, takes it again.
_HELD: set[tuple[str, int]] = set()


@dataclass
class Changes:
    """What one run does to the warehouse: parts to add and parts they replace."""

    run_id: str
    staging: str
    moves: list[tuple[str, str]] = field(default_factory=list)
    removes: list[str] = field(default_factory=list)


class Warehouse:
    """The one owner of the warehouse folder: nothing else reads or writes its files.

    `fail_fast` makes object storage that does not answer fail within seconds (for readers
    and start-up checks; a run's own storage tasks keep the default retries)."""

    def __init__(self, root: str | os.PathLike, *, fail_fast: bool = False):
        url = str(root)
        if "://" not in url:
            url = str(Path(url).expanduser().resolve())
        options = _FAIL_FAST.get(fsspec.utils.get_protocol(url), {}) if fail_fast else {}
        self.fs, self.path = fsspec.core.url_to_fs(url, **options)
        if options:
            self.fs.retries = 1
        self.is_local = isinstance(self.fs, LocalFileSystem)
        self.root = Path(self.path) if self.is_local else url.rstrip("/")
        self.catalog = f"{self.path}/{CATALOG_FILE}"
        self._manifest = f"{self.path}/{MANIFEST_FILE}"
        self._journal = f"{self.path}/_journal.json"
        self._staging_root = f"{self.path}/_staging"

    def url(self, path: str) -> str:
        """What DuckDB reads `path` as: the local path, or the fsspec URL."""
        return path if self.is_local else self.fs.unstrip_protocol(path)

    def _relative(self, path: str) -> str:
        return path.removeprefix(f"{self.path}/")

    def _absolute(self, relative: str) -> str:
        return f"{self.path}/{relative}"

    @contextmanager
    def _storage(self, doing: str) -> Iterator[None]:
        """Storage failures as one line: what could not be done where, and why."""
        try:
            yield
        except WarehouseError:
            raise
        except (OSError, *_remote_errors()) as exc:
            reason = getattr(exc, "strerror", None) or str(exc).strip().splitlines()[0]
            hint = (
                ""
                if self.is_local
                else " (check the endpoint, e.g. AWS_ENDPOINT_URL, and the credentials)"
            )
            raise WarehouseUnavailable(f"cannot {doing} {self.root}: {reason}{hint}") from exc

    def check_location(self, create: bool = False) -> None:
        """Fail with one line unless this location can hold a warehouse (and, with `create`,
        exists as a writable folder afterwards); object storage must answer."""
        if not self.is_local:
            with self._storage("reach"):
                self.fs.ls(self.path.split("/", 1)[0])
            return
        path = Path(self.path)
        if path.parts[1:2] and path.parts[1] in _SYSTEM_FOLDERS:
            raise WarehouseUnavailable(
                f"{path} is under /{path.parts[1]}, a view of the running system, not storage: "
                "choose an ordinary folder for the warehouse"
            )
        if path.exists() and not path.is_dir():
            raise WarehouseUnavailable(f"{path} is a file: a warehouse is a folder, give its path")
        if not create:
            return
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WarehouseUnavailable(
                f"cannot create the warehouse folder {path}: {exc.strerror}"
            ) from None
        if not os.access(path, os.W_OK | os.X_OK):
            raise WarehouseUnavailable(f"cannot write to the warehouse folder {path}")

    # -- locking and recovery ------------------------------------------------------------

    @contextmanager
    def lock(self, timeout_s: float = 0.0) -> Iterator[None]:
        """Hold the warehouse for one run; a second run waits up to `timeout_s`, then fails.

        On local disk this is an OS file lock, released even when the process dies. On
        object storage, which has no locks, it is a lease object naming its holder and
        expiry: runs that take turns through one scheduler never race for it, and a lease
        left by a killed run expires. Taking it again in the thread that holds it is a no-op.
        """
        held = (self.url(self.path), threading.get_ident())
        if held in _HELD:
            yield
            return
        self.check_location(create=True)
        deadline = time.monotonic() + timeout_s
        acquire = (lambda: self._flock(".lock")) if self.is_local else self._lease
        while (release := acquire()) is None:
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"another newspipe run is writing {self.root}; wait for it to finish "
                    "(`newspipe run --lock-timeout SECONDS` waits for it)"
                )
            time.sleep(0.5)
        _HELD.add(held)
        try:
            self.recover()
            yield
        finally:
            _HELD.discard(held)
            release()

    def _flock(self, name: str, wait: bool = False):
        handle = open(f"{self.path}/{name}", "a+")  # noqa: SIM115 - held until released
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
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
        """Finish a publish cut off after its journal, drop one cut off before, and bring the
        manifest and the catalog file up to date (a warehouse from before manifests, a
        catalog deleted, copied from or moved with another folder)."""
        with self._storage("recover"):
            if self.fs.exists(self._journal):
                self._roll_forward(json.loads(self.fs.cat_file(self._journal)))
            if self.fs.exists(self._staging_root):
                self.fs.rm(self._staging_root, recursive=True)
            manifest = self.manifest()
            if not self.fs.exists(self._manifest) and manifest.has_parts:
                self._write_manifest(manifest)
            if manifest.has_parts:
                self.refresh_catalog(manifest, wait=True)

    def _roll_forward(self, journal: dict) -> None:
        """Steps 3-7 of a publish whose journal is written; each is harmless to repeat."""
        for staged, final in journal["moves"]:
            if self.fs.exists(self._absolute(staged)):
                self.fs.makedirs(self._absolute(final).rsplit("/", 1)[0], exist_ok=True)
                self.fs.mv(self._absolute(staged), self._absolute(final))
        manifest = Manifest.from_document(journal["manifest"], self.url(self._journal))
        self._write_manifest(manifest)
        self.build_catalog(manifest)
        for part in journal["removes"]:
            if self.fs.exists(self._absolute(part)):
                self.fs.rm_file(self._absolute(part))
        self.fs.rm_file(self._journal)

    # -- reading --------------------------------------------------------------------------

    def table_dir(self, name: str) -> str:
        return f"{self.path}/{name}"

    def manifest(self) -> Manifest:
        """The committed parts of every table.

        A warehouse written before manifests existed has its parts listed from its folders
        (its next run writes the manifest); one whose first publish is under way has none.
        """
        with self._storage("read"):
            if self.fs.exists(self._manifest):
                return Manifest.from_json(
                    self.fs.cat_file(self._manifest), self.url(self._manifest)
                )
            if self.fs.exists(self._journal) and not self.fs.exists(self.catalog):
                return Manifest()
            listed = {name: self.fs.glob(f"{self.table_dir(name)}/*.parquet") for name in TABLES}
            return Manifest(
                {name: tuple(sorted(map(self._relative, parts))) for name, parts in listed.items()}
            )

    def parts(self, name: str, manifest: Manifest | None = None) -> list[str]:
        """The committed Parquet parts of a table (storage paths, sorted)."""
        return [self._absolute(p) for p in (manifest or self.manifest()).parts(name)]

    def read_part(self, part: str) -> pa.Table:
        return pq.read_table(part, filesystem=self.fs)

    def duckdb(self, database: str = ":memory:"):
        """A DuckDB connection that can read this warehouse's storage (for the pipeline's
        own queries; analysts' queries go through `connect`)."""
        con = duckdb.connect(database)
        if not self.is_local:
            con.register_filesystem(self.fs)
        return con

    def query(
        self, sql: str, params: Mapping[str, object] | None = None, **tables: pa.Table
    ) -> pa.Table:
        """Run SQL over the committed warehouse: a `{table}` placeholder names a view over that
        table's parts, `tables` are Arrow tables visible by name, `params` are bound."""
        names = {name for _, name, _, _ in string.Formatter().parse(sql) if name}
        manifest = self.manifest()
        with self.duckdb() as con:
            for name in names:
                if parts := self.parts(name, manifest):
                    create_table_view(con, name, [self.url(p) for p in parts])
                else:
                    con.register(name, empty(TABLES[name]))
            for table_name, table in tables.items():
                con.register(table_name, table)
            return con.sql(sql.format(**{n: n for n in names}), params=params).to_arrow_table()

    def published_manifest(self) -> Manifest:
        """The committed manifest of a warehouse with published tables, or a one-line error."""
        self.check_location()
        manifest = self.manifest()
        if not manifest.has_parts:
            raise WarehouseMissing(
                f"no warehouse at {self.root} yet: run `newspipe run INPUT --warehouse "
                f"{self.root}` first"
            )
        return manifest

    def open_session(self) -> ReadOnlySession:
        """A read-only, sandboxed session over the published warehouse (see `session.py`),
        reading the committed manifest's parts; close it when done. On the way, a missing
        or stale catalog file is rebuilt when the folder is writable and no one else is
        rebuilding it."""
        manifest = self.published_manifest()
        # On a read-only or archived folder this does nothing: sessions need no catalog file.
        with contextlib.suppress(OSError, WarehouseError):
            self.refresh_catalog(manifest, wait=False)
        sources = {name: [self.url(p) for p in self.parts(name, manifest)] for name in TABLES}
        return ReadOnlySession(sources, None if self.is_local else self.fs)

    @contextmanager
    def connect(self) -> Iterator[ReadOnlyConnection]:
        """A read-only connection for one piece of work (see `open_session`)."""
        session = self.open_session()
        connection = session.cursor()
        try:
            yield connection
        finally:
            connection.close()
            session.close()

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
        """Publish the staged parts: write the journal (the commit point), then roll forward."""
        current = self.manifest()
        removed = set(changes.removes)
        for name, table in TABLES.items():
            kept = [p for p in self.parts(name, current) if p not in removed]
            added = any(dst.startswith(f"{self.table_dir(name)}/") for _, dst in changes.moves)
            if not kept and not added:
                self._stage(changes, table, empty(table), _EMPTY_PART)
        manifest = current.changed(
            changes.run_id,
            added=[self._relative(dst) for _, dst in changes.moves],
            removed=[self._relative(p) for p in changes.removes],
        )
        journal = {
            "run_id": changes.run_id,
            "moves": [[self._relative(a), self._relative(b)] for a, b in changes.moves],
            "removes": [self._relative(p) for p in changes.removes],
            "manifest": manifest.document(),
        }
        pending = f"{changes.staging}/journal.json"
        self.fs.pipe_file(pending, json.dumps(journal).encode())
        if self.is_local:
            _fsync(pending)
        # The journal's arrival is the commit point: a rename on disk, one PUT remotely.
        self.fs.mv(pending, self._journal)
        self._roll_forward(journal)
        if self.fs.exists(self._staging_root):
            self.fs.rm(self._staging_root, recursive=True)

    def _write_manifest(self, manifest: Manifest) -> None:
        """Replace the manifest in one step: a rename on disk, a single PUT remotely."""
        if not self.is_local:
            self.fs.pipe_file(self._manifest, manifest.to_json())
            return
        pending = f"{self._manifest}.pending"
        self.fs.pipe_file(pending, manifest.to_json())
        _fsync(pending)
        self.fs.mv(pending, self._manifest)

    # -- the catalog file -----------------------------------------------------------------

    def build_catalog(self, manifest: Manifest | None = None) -> None:
        """Rebuild newspipe.duckdb from the manifest and swap it in whole."""
        with self._catalog_lock(wait=True):
            self._build_catalog(manifest or self.manifest())

    def refresh_catalog(self, manifest: Manifest, wait: bool) -> None:
        """Rebuild the catalog file when it is missing, was built by an older newspipe, for
        another folder (the warehouse was copied or moved) or from another manifest. Without
        `wait`, leave it to whoever is rebuilding it now."""
        if self._catalog_source() == (str(self.root), manifest.digest):
            return
        with self._catalog_lock(wait=wait) as locked:
            if locked and self._catalog_source() != (str(self.root), manifest.digest):
                self._build_catalog(manifest)

    @contextmanager
    def _catalog_lock(self, wait: bool) -> Iterator[bool]:
        """Local catalog rebuilds take turns (a file lock); on object storage a race can only
        leave a stale catalog, which the next open detects and rebuilds."""
        release = self._flock(".catalog.lock", wait=wait) if self.is_local else (lambda: None)
        try:
            yield release is not None
        finally:
            if release is not None:
                release()

    def _catalog_source(self) -> tuple[str, str] | None:
        if not self.fs.exists(self.catalog):
            return None
        if self.is_local:
            return recorded_source(self.catalog)
        with tempfile.TemporaryDirectory() as tmp:
            self.fs.get_file(self.catalog, f"{tmp}/{CATALOG_FILE}")
            return recorded_source(f"{tmp}/{CATALOG_FILE}")

    def _build_catalog(self, manifest: Manifest) -> None:
        # Built beside the warehouse on local disk (in a temporary folder for a remote one,
        # then uploaded) and swapped in whole, so readers never see half of it.
        sources = {name: [self.url(p) for p in self.parts(name, manifest)] for name in TABLES}
        with tempfile.TemporaryDirectory(dir=self.path if self.is_local else None) as tmp:
            building = f"{tmp}/{CATALOG_FILE}"
            with self.duckdb(building) as con:
                define_catalog(con, sources)
                record_source(con, str(self.root), manifest.digest)
            if self.is_local:
                os.replace(building, self.catalog)
            else:
                self.fs.put_file(building, self.catalog)


def _remote_errors() -> tuple[type[Exception], ...]:
    """botocore's connection and timeout errors, which s3fs passes on untranslated."""
    try:
        from botocore.exceptions import BotoCoreError
    except ImportError:
        return ()
    return (BotoCoreError,)


def _fsync(path: str) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
