"""A publish stopped at every step, by a fault injected into the warehouse's filesystem:
readers see exactly the old warehouse or the new one, and the next run finishes the job.

The steps of a publish that change files are: writing the journal, putting it in place
(the commit point), moving each staged part in, writing and placing the new manifest,
removing each replaced part, removing the journal and the staging folder. The fault
stops the publisher just before the n-th of them, for every n.
"""

import json
import shutil
import subprocess

import duckdb
import pytest
from fsspec.implementations.local import LocalFileSystem

from newspipe.warehouse import Warehouse, WarehouseMissing
from tests.test_cli import NEWSPIPE
from tests.warehouse.rows import publish

OLD_RUN = ("r1", ["a", "b", "c"], {"a": "a", "b": "b", "c": "c"})
# d arrives as the canonical copy of c: c's part is rewritten, events and aliases replaced
NEW_RUN = ("r2", ["d", "e"], {"a": "a", "b": "b", "c": "d", "d": "d", "e": "e"})
IDS = {
    "articles": "article_id",
    "documents": "doc_id",
    "events": "event_id",
    "entity_aliases": "(alias, type)",
}


class StopHere(Exception):
    """The injected fault."""


class FailingFileSystem(LocalFileSystem):
    """The local filesystem, failing just before its n-th change (write, move, removal)."""

    cachable = False

    def __init__(self, fail_at: int):
        super().__init__()
        self.fail_at = fail_at
        self.changes: list[str] = []

    def _change(self, what: str, path: str) -> None:
        if len(self.changes) == self.fail_at:
            raise StopHere(f"stopped before {what} {path}")
        self.changes.append(f"{what} {path}")

    def pipe_file(self, path, value, *args, **kwargs):
        self._change("write", path)
        return super().pipe_file(path, value, *args, **kwargs)

    def mv(self, path1, path2, *args, **kwargs):
        self._change("move", path1)
        return super().mv(path1, path2, *args, **kwargs)

    def rm_file(self, path):
        self._change("remove", path)
        return super().rm_file(path)

    def rm(self, path, *args, **kwargs):
        self._change("remove", path)
        return super().rm(path, *args, **kwargs)


def _reader_state(root):
    """Row counts per table as `newspipe sql` reads them, after asserting no id repeats."""
    with Warehouse(root).connect() as con:
        return _state(con)


def _catalog_state(root):
    """The same through the catalog file, as the plain DuckDB CLI reads it."""
    with duckdb.connect(str(root / "newspipe.duckdb"), read_only=True) as con:
        return _state(con)


def _state(con):
    state = {}
    for table, key in IDS.items():
        n, distinct = con.execute(
            f"select count(*), count(distinct {key}) from {table}"
        ).fetchall()[0]
        assert n == distinct, f"{table}: {n - distinct} repeated ids"
        state[table] = n
    state["c's group"] = con.execute(
        "select dup_group_id from articles where article_id = 'c'"
    ).fetchall()
    return state


def _stopped_publish(root, fail_at, run=NEW_RUN):
    """Publish `run` into `root`, stopped before its `fail_at`-th change; the changes
    made, or None when the publish finished."""
    store = Warehouse(root)
    with store.lock():
        store.fs = FailingFileSystem(fail_at)
        try:
            publish(store, *run)
        except StopHere:
            return store.fs.changes
    return None


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    base = tmp_path_factory.mktemp("faults") / "old"
    with Warehouse(base).lock():
        publish(Warehouse(base), *OLD_RUN)
    finished = tmp_path_factory.mktemp("faults") / "new"
    shutil.copytree(base, finished)
    assert _stopped_publish(finished, fail_at=10_000) is None
    return base, _reader_state(base), _reader_state(finished)


def test_a_publish_stopped_at_any_step_shows_the_old_or_the_new_warehouse(states, tmp_path):
    base, old, new = states
    assert old != new
    seen = []
    for fail_at in range(1000):
        root = tmp_path / f"stopped-{fail_at}"
        shutil.copytree(base, root)
        changes = _stopped_publish(root, fail_at)
        if changes is None:
            break
        committed = len(changes) >= 2  # the journal written, then moved into place
        in_plain_duckdb, in_sql = _catalog_state(root), _reader_state(root)
        assert in_plain_duckdb in (old, new), (fail_at, changes[-1:], in_plain_duckdb)
        assert in_sql in (old, new), (fail_at, changes[-1:], in_sql)
        seen.append(in_sql == new)
        with Warehouse(root).lock():  # the next run rolls forward, or drops the staging
            pass
        assert _catalog_state(root) == (new if committed else old), (fail_at, changes)
        _assert_tidy(root)
    # stops before the commit, while moving, after the manifest and while removing
    assert len(seen) >= 10 and not seen[0] and seen[-1], seen


def test_a_first_publish_stopped_at_any_step_shows_nothing_or_the_new_warehouse(states, tmp_path):
    _, old, _ = states
    for fail_at in range(1000):
        root = tmp_path / f"first-{fail_at}"
        if _stopped_publish(root, fail_at, run=OLD_RUN) is None:
            break
        try:
            assert _reader_state(root) == old
        except WarehouseMissing as exc:
            assert "no warehouse at" in str(exc)


def test_newspipe_sql_in_the_middle_of_the_moves(states, tmp_path):
    base, old, _ = states
    root = tmp_path / "mid"
    shutil.copytree(base, root)
    changes = _stopped_publish(root, fail_at=4)  # journal written, placed, two parts moved
    assert changes[1].startswith("move") and (root / "_journal.json").exists()
    result = subprocess.run(
        [NEWSPIPE, "sql", "-w", str(root), "-f", "json", "select count(*) as n from events"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"n": old["events"]}]


def _assert_tidy(root):
    """No journal, no staging, and the table folders hold exactly the manifest's parts."""
    assert not (root / "_journal.json").exists() and not (root / "_staging").exists()
    manifest = json.loads((root / "_manifest.json").read_text())
    listed = {p for parts in manifest["tables"].values() for p in parts}
    on_disk = {str(p.relative_to(root)) for p in root.glob("*/*.parquet")}
    assert on_disk == listed
