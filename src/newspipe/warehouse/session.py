"""The read-only query connection behind `newspipe sql`, the dashboard and `newspipe check`.

A session is an in-memory DuckDB database holding the catalog (every table view, summary
view and macro) over the parts of the committed manifest, then closed off with DuckDB's own
settings before any query runs:

- `allowed_paths` is exactly the committed part files and `enable_external_access` is off,
  so no other file, folder, URL or database can be read, listed, attached or written;
- `autoinstall_known_extensions` and `autoload_known_extensions` are off (no extension is
  installed or loaded, no download is tried);
- `lock_configuration` is on, so no query can set any of that back;
- a private, emptied-on-close spill folder is the only place DuckDB writes on its own.

DuckDB's settings cannot tell reading an allowed file from overwriting it (`COPY ... TO` an
allowed part with `USE_TMP_FILE false` passes them), so the session also runs only
statements that read: SELECT (with SHOW, DESCRIBE, SUMMARIZE, FROM-first and VALUES, which
DuckDB parses as SELECT) and EXPLAIN of a SELECT. Everything else is refused with
`ReadOnlyQuery` before DuckDB sees it.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping

import duckdb
import fsspec

from newspipe.warehouse.catalog import define_catalog
from newspipe.warehouse.errors import ReadOnlyQuery

_READING = duckdb.StatementType.SELECT
_EXPLAIN = re.compile(r"\s*explain(\s+analy[sz]e)?\s+(?P<query>.*)", re.IGNORECASE | re.DOTALL)


def check_read_only(sql: str) -> None:
    """Raise `ReadOnlyQuery` unless every statement in `sql` only reads."""
    for statement in duckdb.extract_statements(sql):
        if statement.type == _READING:
            continue
        # EXPLAIN ANALYZE runs the statement it explains: only a SELECT may follow
        explained = _EXPLAIN.match(statement.query)
        if statement.type == duckdb.StatementType.EXPLAIN and explained:
            inner = duckdb.extract_statements(explained["query"])
            if all(s.type == _READING for s in inner):
                continue
        raise ReadOnlyQuery(
            f"the query connection is read-only: {_command(statement)} cannot run here; "
            "only SELECT queries (and EXPLAIN of one) can"
        )


class ReadOnlyConnection:
    """A DuckDB connection that runs only reading statements (see `check_read_only`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self._con = con

    def sql(self, query: str, params: object = None) -> duckdb.DuckDBPyRelation | None:
        check_read_only(query)
        return self._con.sql(query, params=params)

    def execute(self, query: str, params: object = None) -> duckdb.DuckDBPyConnection:
        check_read_only(query)
        return self._con.execute(query, params)

    def close(self) -> None:
        self._con.close()


class ReadOnlySession:
    """The sandboxed in-memory database; `cursor()` gives a connection to it for one thread
    (the dashboard keeps a session open across page views and queries on cursors)."""

    def __init__(
        self, sources: Mapping[str, list[str]], filesystem: fsspec.AbstractFileSystem | None
    ):
        self._spill = tempfile.TemporaryDirectory(prefix="newspipe-sql-")
        config = {
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
            "allow_community_extensions": False,
            "temp_directory": self._spill.name,
        }
        self._con = duckdb.connect(config=config)
        try:
            if filesystem is not None:
                self._con.register_filesystem(filesystem)
            define_catalog(self._con, sources)
            allowed = sorted({url for urls in sources.values() for url in urls})
            self._con.execute("set allowed_paths = $paths", {"paths": allowed})
            self._con.execute("set enable_external_access = false")
            self._con.execute("set lock_configuration = true")
        except BaseException:
            self.close()
            raise

    def cursor(self) -> ReadOnlyConnection:
        return ReadOnlyConnection(self._con.cursor())

    def close(self) -> None:
        self._con.close()
        self._spill.cleanup()


def _command(statement) -> str:
    """The statement's leading keyword as typed (INSTALL, COPY, ...), else its kind."""
    words = re.findall(
        r"[A-Za-z]+", re.sub(r"--[^\n]*|/\*.*?\*/", " ", statement.query, flags=re.S)
    )
    return words[0].upper() if words else statement.type.name
