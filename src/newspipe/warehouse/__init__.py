"""Warehouse: the last stage of the flow, and the only code that touches the warehouse folder.

It reads what earlier runs left (`load_history`: which inputs are known, and the slim index of
published articles that the global stages need), tells this run's new documents from the
known ones (`split_new_documents`), and publishes a run's tables atomically
(`publish_run`): new parts for the append-only tables, rewritten parts for published
articles whose duplicate group or event changed, whole new versions of the small tables
that are recomputed each run, then a rebuilt DuckDB catalog. Stage functions never open
files or connections; they receive and return Arrow tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pyarrow as pa
import pyarrow.compute as pc

from newspipe.config import DedupConfig
from newspipe.dedup import ArticleSketches, DedupHistory
from newspipe.dedup.tables import article_signatures_schema
from newspipe.schema import ARTICLES, RUNS, TABLES, UTC_TIMESTAMP, VIEWS
from newspipe.sqlfiles import read_sql, run_sql
from newspipe.warehouse.errors import (
    ReadOnlyQuery,
    WarehouseBusy,
    WarehouseDamaged,
    WarehouseError,
    WarehouseMissing,
    WarehouseUnavailable,
)
from newspipe.warehouse.store import Warehouse

_ASSIGNMENT_COLUMNS = ["dup_group_id", "is_canonical", "event_id"]

__all__ = [
    "History",
    "load_dedup_history",
    "load_live_events",
    "ReadOnlyQuery",
    "Warehouse",
    "WarehouseBusy",
    "WarehouseDamaged",
    "WarehouseError",
    "WarehouseMissing",
    "WarehouseUnavailable",
    "document_rows",
    "load_history",
    "publish_run",
    "run_row",
    "split_new_documents",
    "summary_rows",
]


@dataclass(frozen=True)
class History:
    """What earlier runs published, as far as this run needs to know it."""

    known_documents: pa.Table
    article_index: pa.Table
    line_history: pa.Table
    term_history: pa.Table
    event_labels: pa.Table
    entity_aliases: pa.Table


def load_history(warehouse: Warehouse) -> History:
    return History(
        known_documents=warehouse.query(read_sql("newspipe.warehouse", "known_documents")),
        article_index=warehouse.query(read_sql("newspipe.warehouse", "article_index")),
        line_history=warehouse.query(read_sql("newspipe.warehouse", "line_history")),
        term_history=warehouse.query(read_sql("newspipe.warehouse", "term_history")),
        event_labels=warehouse.query(read_sql("newspipe.warehouse", "event_labels")),
        entity_aliases=warehouse.query(read_sql("newspipe.warehouse", "entity_aliases")),
    )


def load_dedup_history(
    warehouse: Warehouse, history: History, run: ArticleSketches, config: DedupConfig
) -> DedupHistory:
    """What dedup needs of the warehouse for this run's sketches: only the stored band rows,
    signatures and paragraphs that can match them, fetched with DuckDB semi-joins."""
    candidate_bands = warehouse.query(
        read_sql("newspipe.dedup", "candidate_bands"), run_bands=run.band_hashes
    )
    candidate_signatures = warehouse.query(
        read_sql("newspipe.dedup", "candidate_signatures"), candidate_bands=candidate_bands
    )
    return DedupHistory(
        published_index=history.article_index,
        candidate_bands=candidate_bands,
        candidate_signatures=candidate_signatures.cast(article_signatures_schema(config.num_perm)),
        candidate_paragraphs=warehouse.query(
            read_sql("newspipe.dedup", "candidate_paragraphs"),
            run_paragraphs=run.paragraph_hashes,
        ),
        duplicates=warehouse.query(read_sql("newspipe.warehouse", "duplicate_audit")),
        paragraph_copies=warehouse.query(read_sql("newspipe.warehouse", "paragraph_copies")),
    )


def load_live_events(warehouse: Warehouse, earliest: date | None, window_days: int) -> pa.Table:
    """The current state of the events that articles dated from `earliest` on may join."""
    return warehouse.query(
        read_sql("newspipe.warehouse", "event_state"),
        params={"earliest": earliest or date(1900, 1, 1), "window_days": int(window_days)},
    )


def split_new_documents(raw_documents: pa.Table, history: History) -> pa.Table:
    """This run's documents rows to add, with `to_clean` marking the ones to clean."""
    return run_sql(
        "newspipe.warehouse",
        "new_documents",
        raw_documents=raw_documents,
        known_documents=history.known_documents,
    )


def document_rows(
    new_documents: pa.Table, rejected: pa.Table, run_id: str, ingested_at: datetime
) -> pa.Table:
    """The documents rows of this run, quarantining those cleaning found no article in."""
    rows = run_sql(
        "newspipe.warehouse", "document_rows", new_documents=new_documents, rejected=rejected
    )
    return rows.append_column(
        "ingested_at", pa.array([ingested_at] * rows.num_rows, UTC_TIMESTAMP)
    ).append_column("run_id", pa.array([run_id] * rows.num_rows, pa.string()))


def run_row(
    run_id: str,
    flow_run_id: str | None,
    started_at: datetime,
    finished_at: datetime,
    n_inputs: int,
    documents: pa.Table,
    n_articles: int,
) -> pa.Table:
    """The `runs` row describing one run."""
    n_quarantined = documents.filter(pc.equal(documents["status"], "quarantined")).num_rows
    return pa.Table.from_pylist(
        [
            {
                "run_id": run_id,
                "flow_run_id": flow_run_id,
                "started_at": started_at,
                "finished_at": finished_at,
                "status": "completed",
                "n_documents": documents.num_rows,
                "n_articles": n_articles,
                "n_quarantined": n_quarantined,
                "n_inputs": n_inputs,
            }
        ],
        schema=RUNS.schema,
    )


def summary_rows(warehouse: Warehouse, view: str, limit: int | None = None) -> list[dict]:
    """A summary view's rows with JSON-friendly values (dates as ISO strings): the
    `limit` with the most articles when given, else all of them."""
    query, params = f"select * from {VIEWS[view].name}", None
    if limit is not None:
        query, params = query + " order by n_articles desc, 1 limit $limit", {"limit": limit}
    with warehouse.connect() as con:
        rows = con.sql(query, params).to_arrow_table().to_pylist()
    return [{k: _json_value(v) for k, v in row.items()} for row in rows]


def _json_value(value):
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return value


def publish_run(
    warehouse: Warehouse,
    run_id: str,
    appends: dict[str, pa.Table],
    replacements: dict[str, pa.Table],
    assignments: pa.Table,
) -> None:
    """Publish one run: all of it or, on any failure before the commit, none of it.

    `appends` holds the new rows of append-only tables (new articles without their
    assignment columns), `replacements` the new versions of recomputed tables, and
    `assignments` the dup_group_id, is_canonical and event_id of every article, old and new.
    """
    changes = warehouse.begin(run_id)
    for name, rows in appends.items():
        if name == ARTICLES.name:
            rows = _attach_assignments(rows, assignments)
        if "run_id" in TABLES[name].schema.names and "run_id" not in rows.column_names:
            rows = rows.append_column("run_id", pa.array([run_id] * rows.num_rows, pa.string()))
        if rows.num_rows:
            warehouse.stage_part(changes, TABLES[name], rows, "0")
    for name, rows in replacements.items():
        warehouse.stage_replacement(changes, TABLES[name], rows)
    _stage_changed_articles(warehouse, changes, assignments)
    warehouse.commit(changes)


def _stage_changed_articles(warehouse: Warehouse, changes, assignments: pa.Table) -> None:
    """Rewrite only the article parts holding an article whose assignment changed."""
    parts = {warehouse.url(p): p for p in warehouse.parts(ARTICLES.name)}
    if not parts:
        return
    changed = warehouse.query(
        read_sql("newspipe.warehouse", "changed_assignments"),
        params={"article_parts": list(parts)},
        assignments=assignments,
    )
    for url in sorted(set(changed.column("part").to_pylist())):
        rewritten = _attach_assignments(warehouse.read_part(parts[url]), assignments)
        warehouse.stage_rewrite(changes, ARTICLES, parts[url], rewritten)


def _attach_assignments(articles: pa.Table, assignments: pa.Table) -> pa.Table:
    stale = [c for c in _ASSIGNMENT_COLUMNS if c in articles.column_names]
    return run_sql(
        "newspipe.warehouse",
        "attach_assignments",
        articles=articles.drop_columns(stale),
        assignments=assignments,
    )
