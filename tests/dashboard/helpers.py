"""Small warehouses for the dashboard tests: a few rows written inline, published through
`Warehouse`, and the catalog macros (`warehouse/sql/macros.sql`) made sure of."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from newspipe.schema import TABLES
from newspipe.sqlfiles import read_sql
from newspipe.warehouse import Warehouse


def write_warehouse(root: Path, rows: dict[str, list[dict]]) -> Path:
    """Publish `rows` (table name -> list of row dicts) as one run; the warehouse root."""
    store = Warehouse(root)
    changes = store.begin("run-1")
    for name, table_rows in rows.items():
        table = TABLES[name]
        # columns other stages added as required get a zero: the dashboard reads only the
        # contract's columns
        required = {
            f.name: "" if pa.types.is_string(f.type) else 0 for f in table.schema if not f.nullable
        }
        data = [{**required, **row} for row in table_rows]
        store.stage_part(changes, table, pa.Table.from_pylist(data), "0")
    store.commit(changes)
    ensure_macros(root)
    return root


def ensure_macros(root: Path) -> None:
    """Create the catalog macros unless the catalog build already did."""
    catalog = str(Warehouse(root).catalog)
    with duckdb.connect(catalog) as con:
        defined = con.execute(
            "select count(*) from duckdb_functions() where function_name = 'articles_about'"
        ).fetchall()[0][0]
        if not defined:
            con.execute(read_sql("newspipe.warehouse", "macros"))


def _article(article_id, source, day, event_id, *, group=None, canonical=True, origin=None):
    return {
        "article_id": article_id,
        "doc_id": article_id,
        "source_uri": f"/corpus/{article_id}.txt",
        "title": f"Story {article_id}",
        "published_date": day,
        "original_source": origin,
        "source": source,
        "language": "en",
        "body": "Some words here.",
        "n_words": 3,
        "dup_group_id": group or article_id,
        "is_canonical": canonical,
        "event_id": event_id,
        "content_hash": group or article_id,
        "run_id": "run-1",
    }


def tiny_rows() -> dict[str, list[dict]]:
    """Five articles from three sources about two events; one copy, one credit."""
    d1, d2, d3 = date(2025, 3, 1), date(2025, 3, 2), date(2025, 4, 10)
    articles = [
        _article("a1", "Alpha", d1, "ev-1"),
        _article("a2", "Beta", d2, "ev-1", group="a1", canonical=False),
        _article("a3", "Gamma", d2, "ev-1"),
        _article("a4", "Alpha", d3, "ev-2"),
        _article("a5", "Beta", d3, "ev-2", origin="alpha.com"),
    ]
    lines = [
        {"article_id": a, "line_no": n, "text": "x", "label": label, "reason": reason}
        for a in ("a1", "a2", "a3", "a4", "a5")
        for n, (label, reason) in enumerate(
            [("body", "paragraph"), ("boilerplate", "cookie_notice"), ("repeat", "repeat_of:1")],
            start=1,
        )
    ]
    now = datetime(2025, 4, 11, tzinfo=UTC)
    return {
        "documents": [
            {
                "doc_id": a["doc_id"],
                "source_uri": a["source_uri"],
                "format": "txt",
                "n_bytes": 100,
                "ingested_at": now,
                "run_id": "run-1",
                "status": "ok",
            }
            for a in articles
        ]
        + [
            {
                "doc_id": "bad",
                "source_uri": "/corpus/bad.txt",
                "format": "txt",
                "n_bytes": 0,
                "ingested_at": now,
                "run_id": "run-1",
                "status": "quarantined",
                "error": "empty file",
            }
        ],
        "articles": articles,
        "line_labels": lines,
        "duplicates": [
            {
                "article_id": a,
                "dup_group_id": "a1",
                "dup_of": "a1",
                "method": "exact",
                "similarity": 1.0,
                "group_size": 2,
            }
            for a in ("a1", "a2")
        ],
        "entities": [
            {"article_id": "a1", "name": "Hamburg", "type": "GPE", "mentions": 3},
            {"article_id": "a3", "name": "Hamburg", "type": "GPE", "mentions": 1},
            {"article_id": "a3", "name": "Ana Ruiz", "type": "PERSON", "mentions": 2},
        ],
        "quotes": [
            {"article_id": "a1", "speaker": "Ana Ruiz", "text": "We are ready."},
            {"article_id": "a3", "speaker": "Ana Ruiz", "text": "We are ready."},
            {"article_id": "a3", "speaker": None, "text": "Nobody knows."},
        ],
        "events": [
            {
                "event_id": "ev-1",
                "label": "port deal",
                "first_date": d1,
                "last_date": d2,
                "n_articles": 3,
                "n_sources": 3,
            },
            {
                "event_id": "ev-2",
                "label": "plant closure",
                "first_date": d3,
                "last_date": d3,
                "n_articles": 2,
                "n_sources": 2,
            },
        ],
        "runs": [
            {
                "run_id": "run-1",
                "started_at": now,
                "finished_at": now,
                "status": "completed",
                "n_documents": 6,
                "n_articles": 5,
                "n_quarantined": 1,
                "n_inputs": 6,
            }
        ],
    }


def build_sample_warehouse(root: Path, corpus: Path) -> Path:
    """Run the real flow over the sample corpus into `root` (needs the `prefect_api`
    fixture), then make sure the catalog has its macros."""
    from flows.newspipe_flow import newspipe
    from newspipe.config import Settings

    newspipe([str(corpus)], str(root), Settings())
    ensure_macros(root)
    return root
