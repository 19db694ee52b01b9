"""The warehouse publishes a run whole or not at all, and only rewrites what changed."""

import threading
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from newspipe import warehouse
from newspipe.schema import TABLES
from newspipe.warehouse import Warehouse, WarehouseBusy
from newspipe.warehouse.catalog import CATALOG_FILE
from tests.warehouse.rows import NOW, assignments, documents, publish
from tests.warehouse.rows import articles as article_rows


def _count(store, table):
    with duckdb.connect(str(store.catalog), read_only=True) as con:
        return con.execute(f"select count(*) from {table}").fetchone()[0]


def test_publish_creates_every_table_and_view(tmp_path):
    store = Warehouse(tmp_path / "wh")
    with store.lock():
        publish(store, "r1", ["a", "b"], {"a": "a", "b": "b"})
    for name in TABLES:
        assert (store.root / name).is_dir()
    with duckdb.connect(str(store.root / CATALOG_FILE), read_only=True) as con:
        names = {
            r[0]
            for r in con.execute(
                "select view_name from duckdb_views() where not internal"
            ).fetchall()
        }
        assert set(TABLES) | {"source_summary", "event_summary"} <= names
        assert con.execute("select count(*) from articles").fetchone()[0] == 2
        assert con.execute("select count(*) from entities").fetchone()[0] == 0
        assert con.execute("select distinct run_id from articles").fetchall() == [("r1",)]
    assert not (store.root / "_staging").exists()


def test_a_failure_before_the_commit_leaves_the_previous_warehouse(tmp_path):
    store = Warehouse(tmp_path / "wh")
    with store.lock():
        publish(store, "r1", ["a", "b"], {"a": "a", "b": "b"})
    before = {name: sorted(Path(p).name for p in store.parts(name)) for name in TABLES}
    bad_documents = documents(["c"]).set_column(1, "source_uri", pa.array([None], pa.string()))
    with store.lock(), pytest.raises(pa.ArrowInvalid, match="source_uri"):
        warehouse.publish_run(
            store,
            "r2",
            appends={"articles": article_rows(["c"]), "documents": bad_documents},
            replacements={},
            assignments=assignments({"a": "a", "b": "b", "c": "c"}),
        )
    assert {name: sorted(Path(p).name for p in store.parts(name)) for name in TABLES} == before
    assert _count(store, "articles") == 2
    with store.lock():  # the next run clears the abandoned staging folder
        assert not (store.root / "_staging").exists()


def test_only_parts_holding_changed_assignments_are_rewritten(tmp_path):
    store = Warehouse(tmp_path / "wh")
    with store.lock():
        publish(store, "r1", ["b", "c"], {"b": "b", "c": "c"})
        publish(store, "r2", ["d"], {"b": "b", "c": "c", "d": "d"})
    first_parts = {Path(p).name for p in store.parts("articles")}
    assert len(first_parts) == 2
    with store.lock():  # "a" arrives as a copy of "c": c's part is rewritten, d's is not
        publish(store, "r3", ["a"], {"a": "a", "b": "b", "c": "a", "d": "d"})
    names = {Path(p).name for p in store.parts("articles")}
    assert "part-r2-0.parquet" in names and "part-r1-0.parquet" not in names
    with duckdb.connect(str(store.catalog), read_only=True) as con:
        rows = dict(con.execute("select article_id, dup_group_id from articles").fetchall())
    assert rows == {"a": "a", "b": "b", "c": "a", "d": "d"}


def test_a_second_run_on_a_locked_warehouse_fails_clearly(tmp_path):
    raised = []

    def second_run():
        try:
            with Warehouse(tmp_path / "wh").lock(timeout_s=0.6):
                pass
        except WarehouseBusy as exc:
            raised.append(str(exc))

    with Warehouse(tmp_path / "wh").lock():
        other = threading.Thread(target=second_run)
        other.start()
        other.join()
    assert len(raised) == 1 and "another newspipe run" in raised[0]


def test_the_lock_taken_again_by_its_holder_is_the_same_lock(tmp_path):
    # the command line holds the lock across Prefect's start; the flow takes it again
    store = Warehouse(tmp_path / "wh")
    with store.lock(), Warehouse(tmp_path / "wh").lock():
        publish(store, "r1", ["a"], {"a": "a"})
    assert _count(store, "articles") == 1


def test_history_reads_back_what_was_published(tmp_path):
    store = Warehouse(tmp_path / "wh")
    empty = warehouse.load_history(store)
    assert empty.known_documents.num_rows == 0 and empty.article_index.num_rows == 0
    with store.lock():
        publish(store, "r1", ["a", "b"], {"a": "a", "b": "a"})
    history = warehouse.load_history(store)
    assert sorted(history.known_documents["doc_id"].to_pylist()) == ["a", "b"]
    index = {r["article_id"]: r for r in history.article_index.to_pylist()}
    assert index["b"]["dup_group_id"] == "a" and index["a"]["headline"] == "Story a"
    assert index["a"]["published_date"] is None


def test_new_documents_are_split_from_known_ones():
    history = warehouse.History(
        known_documents=pa.table(
            {
                "source_uri": ["/in/a.txt", "/in/q.txt"],
                "doc_id": ["a", "q"],
                "status": ["ok", "quarantined"],
                "error": [None, "empty: the input holds no text"],
            }
        ),
        article_index=pa.table({}),
        line_history=pa.table({}),
        term_history=pa.table({}),
        event_labels=pa.table({}),
        entity_aliases=pa.table({}),
    )
    raw = pa.table(
        {
            "doc_id": ["a", "a", "q", "n", "n"],
            "source_uri": ["/in/a.txt", "/in/a-copy.txt", "/in/q2.txt", "/in/n2.txt", "/in/n1.txt"],
            "format": ["txt"] * 5,
            "n_bytes": [10] * 5,
            "encoding": ["utf-8"] * 5,
            "status": ["ok", "ok", "quarantined", "ok", "ok"],
            "error": [None, None, "empty: the input holds no text", None, None],
            "text": ["x", "x", None, "y", "y"],
        }
    )
    rows = {r["source_uri"]: r for r in warehouse.split_new_documents(raw, history).to_pylist()}
    assert set(rows) == {"/in/a-copy.txt", "/in/q2.txt", "/in/n1.txt", "/in/n2.txt"}
    assert not rows["/in/a-copy.txt"]["to_clean"] and rows["/in/a-copy.txt"]["status"] == "ok"
    assert rows["/in/q2.txt"]["status"] == "quarantined"
    assert rows["/in/n1.txt"]["to_clean"] and not rows["/in/n2.txt"]["to_clean"]


def test_run_row_counts_quarantineddocuments():
    docs = pa.table({"status": ["ok", "quarantined", "ok"]})
    row = warehouse.run_row("r9", None, NOW, NOW, 5, docs, 2).to_pylist()[0]
    assert (row["n_documents"], row["n_quarantined"], row["n_articles"], row["n_inputs"]) == (
        3,
        1,
        2,
        5,
    )
