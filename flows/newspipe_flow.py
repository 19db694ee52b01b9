"""The `newspipe` Prefect flow: ingest -> clean -> dedup -> enrich -> publish.

Only composition lives here. Each task wraps one plain function of `newspipe.<stage>` that
takes and returns Arrow tables for a whole batch, so task overhead is paid per batch, never
per article. Per-batch stages (ingest, clean, enrich) are mapped over batches; the global
stages (dedup, events, publish) run once over the run and the warehouse history. The flow
holds the warehouse lock from start to publish, so two runs never interleave.
"""

from __future__ import annotations

from datetime import UTC, datetime
from secrets import token_hex

import pyarrow as pa
from prefect import flow, get_run_logger, task, unmapped
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from newspipe import clean, dedup, enrich, ingest, warehouse
from newspipe.config import Settings
from newspipe.schema import (
    ARTICLES,
    DOCUMENTS,
    DUPLICATES,
    EVENTS,
    LINE_LABELS,
    LINE_STATS,
    RUNS,
)

# Tables move between tasks in memory; hashing them for Prefect's default cache key would
# cost a pass over every batch and buy nothing, since runs are idempotent by content.
batch_task = task(cache_policy=NO_CACHE)
storage_task = task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])


@batch_task
def discover_inputs(inputs: list[str], settings: Settings) -> ingest.discover.Discovered:
    found = ingest.discover_inputs(inputs, settings.ingest.text_extensions)
    logger = get_run_logger()
    logger.info("%d input files", len(found.files))
    if found.skipped:
        logger.warning(
            "%d files skipped in folders (not %s): %s",
            len(found.skipped),
            "/".join(settings.ingest.text_extensions),
            ", ".join(found.skipped[:5]),
        )
    return found


@storage_task
def load_history(store: warehouse.Warehouse) -> warehouse.History:
    return warehouse.load_history(store)


@batch_task
def ingest_batch(paths: list[str], settings: Settings) -> pa.Table:
    return ingest.read_documents(paths, settings.ingest.max_bytes)


@batch_task
def clean_batch(
    documents: pa.Table, settings: Settings, line_history: pa.Table
) -> clean.CleanResult:
    return clean.clean_documents(documents, settings.clean, line_history)


@batch_task
def enrich_batch(articles: pa.Table) -> pa.Table:
    return enrich.enrich_articles(articles)


@batch_task
def deduplicate(articles: pa.Table, history: warehouse.History) -> tuple[pa.Table, pa.Table]:
    return dedup.deduplicate(articles, history.article_index)


@batch_task
def assign_events(
    history: warehouse.History, articles: pa.Table, groups: pa.Table
) -> tuple[pa.Table, pa.Table]:
    return enrich.assign_events(history.article_index, articles, groups)


@storage_task
def publish(
    store: warehouse.Warehouse,
    run_id: str,
    appends: dict[str, pa.Table],
    replacements: dict[str, pa.Table],
    assignments: pa.Table,
) -> None:
    warehouse.publish_run(store, run_id, appends, replacements, assignments)


def _batches(rows: list, size: int) -> list[list]:
    """Split into batches of `size`; an empty input is one empty batch, so every stage runs
    and returns tables with their schema even when a run brings nothing new."""
    return [rows[i : i + size] for i in range(0, len(rows), size)] or [rows[:0]]


def _table_batches(table: pa.Table, size: int) -> list[pa.Table]:
    return [table.slice(i, size) for i in range(0, table.num_rows, size)] or [table]


@flow(name="newspipe", log_prints=False)
def newspipe(
    inputs: list[str],
    warehouse_dir: str = "warehouse",
    settings: Settings | None = None,
    lock_timeout_s: float = 0.0,
) -> dict:
    """Run the pipeline over `inputs` (files, folders, globs) into `warehouse_dir`."""
    settings = settings or Settings()
    logger = get_run_logger()
    started_at = datetime.now(UTC)
    run_id = f"{started_at:%Y%m%dT%H%M%SZ}-{token_hex(3)}"
    store = warehouse.Warehouse(warehouse_dir)
    size = settings.ingest.batch_size

    with store.lock(lock_timeout_s):
        found = discover_inputs(inputs, settings)
        history = load_history(store)
        raw = pa.concat_tables(
            ingest_batch.map(_batches(found.files, size), unmapped(settings)).result()
        )
        new_documents = warehouse.split_new_documents(raw, history)
        to_clean = new_documents.filter(new_documents["to_clean"]).select(
            ["doc_id", "source_uri", "text"]
        )
        logger.info(
            "%d inputs: %d new documents, %d to clean",
            raw.num_rows,
            new_documents.num_rows,
            to_clean.num_rows,
        )

        cleaned = clean_batch.map(
            _table_batches(to_clean, size), unmapped(settings), unmapped(history.line_history)
        ).result()
        line_labels = pa.concat_tables([c.line_labels for c in cleaned])
        rejected = pa.concat_tables([c.rejected for c in cleaned])
        line_stats = pa.concat_tables([c.line_stats for c in cleaned])
        articles = pa.concat_tables([c.articles for c in cleaned])
        articles = pa.concat_tables(enrich_batch.map(_table_batches(articles, size)).result())
        articles, groups = deduplicate(articles, history)
        assignments, events = assign_events(history, articles, groups)
        documents = warehouse.document_rows(new_documents, rejected, run_id, started_at)

        runs = warehouse.run_row(
            run_id,
            flow_run.get_id(),
            started_at,
            datetime.now(UTC),
            raw.num_rows,
            documents,
            articles.num_rows,
        )
        if documents.num_rows == 0:
            logger.info("nothing new in %d inputs: the warehouse is left as it was", raw.num_rows)
            return runs.to_pylist()[0] | {"warehouse": str(store.root)}
        publish(
            store,
            run_id,
            appends={
                DOCUMENTS.name: documents,
                ARTICLES.name: articles,
                LINE_LABELS.name: line_labels,
                LINE_STATS.name: line_stats,
                RUNS.name: runs,
            },
            replacements={DUPLICATES.name: dedup.duplicate_rows(groups), EVENTS.name: events},
            assignments=assignments,
        )

    summary = runs.to_pylist()[0] | {"warehouse": str(store.root)}
    logger.info(
        "run %s published: %d new documents (%d quarantined), %d new articles",
        run_id,
        summary["n_documents"],
        summary["n_quarantined"],
        summary["n_articles"],
    )
    create_table_artifact(
        key="newspipe-run",
        description=f"newspipe run {run_id} into {store.root}",
        table=[{k: str(v) for k, v in summary.items()}],
    )
    for view in ("source_summary", "event_summary"):
        create_table_artifact(
            key=view.replace("_", "-"),
            table=warehouse.summary_rows(store, view),
            description=f"{view} after run {run_id}",
        )
    return summary
