"""The warehouse publishes a run whole or not at all, and only rewrites what changed."""

import json
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from newspipe import warehouse
from newspipe.schema import TABLES
from newspipe.warehouse import Warehouse, WarehouseBusy
from newspipe.warehouse.store import CATALOG_FILE

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def _documents(ids):
    return pa.table(
        {
            "doc_id": ids,
            "source_uri": [f"/in/{i}.txt" for i in ids],
            "format": ["txt"] * len(ids),
            "n_bytes": [100] * len(ids),
            "ingested_at": pa.array([NOW] * len(ids), pa.timestamp("us", tz="UTC")),
            "status": ["ok"] * len(ids),
            "error": [None] * len(ids),
        }
    )


def _articles(ids, published=None):
    n = len(ids)
    return pa.table(
        {
            "article_id": ids,
            "doc_id": ids,
            "source_uri": [f"/in/{i}.txt" for i in ids],
            "title": [f"Story {i}" for i in ids],
            "source": ["Harbour Ledger"] * n,
            "published_date": pa.array(published or [None] * n, pa.date32()),
            "body": [f"Body of {i}." for i in ids],
            "n_words": pa.array([3] * n, pa.int32()),
            "content_hash": [f"h{i}" for i in ids],
        }
    )


def _assignments(groups):
    return pa.table(
        {
            "article_id": list(groups),
            "dup_group_id": list(groups.values()),
            "is_canonical": [a == g for a, g in groups.items()],
            "event_id": [f"ev-{g}" for g in groups.values()],
        }
    )


def _publish(store, run_id, ids, groups):
    warehouse.publish_run(
        store,
        run_id,
        appends={"documents": _documents(ids), "articles": _articles(ids)},
        replacements={
            "events": pa.table(
                {
                    "event_id": sorted({f"ev-{g}" for g in groups.values()}),
                    "n_articles": [1] * len(set(groups.values())),
                    "n_sources": [1] * len(set(groups.values())),
                }
            )
        },
        assignments=_assignments(groups),
    )


def _count(store, table):
    with duckdb.connect(str(store.catalog), read_only=True) as con:
        return con.execute(f"select count(*) from {table}").fetchone()[0]


def test_publish_creates_every_table_and_view(tmp_path):
    store = Warehouse(tmp_path / "wh")
    with store.lock():
        _publish(store, "r1", ["a", "b"], {"a": "a", "b": "b"})
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
        _publish(store, "r1", ["a", "b"], {"a": "a", "b": "b"})
    before = {name: sorted(Path(p).name for p in store.parts(name)) for name in TABLES}
    bad_documents = _documents(["c"]).set_column(1, "source_uri", pa.array([None], pa.string()))
    with store.lock(), pytest.raises(pa.ArrowInvalid, match="source_uri"):
        warehouse.publish_run(
            store,
            "r2",
            appends={"articles": _articles(["c"]), "documents": bad_documents},
            replacements={},
            assignments=_assignments({"a": "a", "b": "b", "c": "c"}),
        )
    assert {name: sorted(Path(p).name for p in store.parts(name)) for name in TABLES} == before
    assert _count(store, "articles") == 2
    with store.lock():  # the next run clears the abandoned staging folder
        assert not (store.root / "_staging").exists()


def test_a_publish_cut_off_after_its_journal_is_finished_at_the_next_open(tmp_path):
    store = Warehouse(tmp_path / "wh")
    with store.lock():
        _publish(store, "r1", ["a"], {"a": "a"})
        changes = store.begin("r2")
        store.stage_part(
            changes,
            TABLES["documents"],
            _documents(["b"]).append_column("run_id", pa.array(["r2"])),
            "0",
        )
        store.stage_part(
            changes,
            TABLES["articles"],
            _articles(["b"])
            .append_column("dup_group_id", pa.array(["b"]))
            .append_column("is_canonical", pa.array([True]))
            .append_column("run_id", pa.array(["r2"])),
            "0",
        )
        # simulate a kill between the journal and the moves: write the journal only
        moves, changes.moves = changes.moves, []
        Path(store._journal).write_text(
            json.dumps(
                {"run_id": "r2", "moves": [[str(a), str(b)] for a, b in moves], "removes": []}
            )
        )
    assert len(store.parts("articles")) == 1
    with store.lock():
        store.build_catalog()
    assert len(store.parts("articles")) == 2
    assert _count(store, "articles") == 2 and _count(store, "documents") == 2
    assert not Path(store._journal).exists()


def test_only_parts_holding_changed_assignments_are_rewritten(tmp_path):
    store = Warehouse(tmp_path / "wh")
    with store.lock():
        _publish(store, "r1", ["b", "c"], {"b": "b", "c": "c"})
        _publish(store, "r2", ["d"], {"b": "b", "c": "c", "d": "d"})
    first_parts = {Path(p).name for p in store.parts("articles")}
    assert len(first_parts) == 2
    with store.lock():  # "a" arrives as a copy of "c": c's part is rewritten, d's is not
        _publish(store, "r3", ["a"], {"a": "a", "b": "b", "c": "a", "d": "d"})
    names = {Path(p).name for p in store.parts("articles")}
    assert "part-r2-0.parquet" in names and "part-r1-0.parquet" not in names
    with duckdb.connect(str(store.catalog), read_only=True) as con:
        rows = dict(con.execute("select article_id, dup_group_id from articles").fetchall())
    assert rows == {"a": "a", "b": "b", "c": "a", "d": "d"}


def test_a_second_run_on_a_locked_warehouse_fails_clearly(tmp_path):
    store = Warehouse(tmp_path / "wh")
    with (
        store.lock(),
        pytest.raises(WarehouseBusy, match="another newspipe run"),
        Warehouse(tmp_path / "wh").lock(timeout_s=0.6),
    ):
        pass


def test_history_reads_back_what_was_published(tmp_path):
    store = Warehouse(tmp_path / "wh")
    empty = warehouse.load_history(store)
    assert empty.known_documents.num_rows == 0 and empty.article_index.num_rows == 0
    with store.lock():
        _publish(store, "r1", ["a", "b"], {"a": "a", "b": "a"})
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


def test_run_row_counts_quarantined_documents():
    docs = pa.table({"status": ["ok", "quarantined", "ok"]})
    row = warehouse.run_row("r9", None, NOW, NOW, 5, docs, 2).to_pylist()[0]
    assert (row["n_documents"], row["n_quarantined"], row["n_articles"], row["n_inputs"]) == (
        3,
        1,
        2,
        5,
    )
