"""The `newspipe` Prefect flow: ingest -> clean -> enrich -> dedup -> events -> publish.

Only composition lives here. Each task wraps one plain function of `newspipe.<stage>` that
takes and returns Arrow tables for a whole batch, so task overhead is paid per batch, never
per article. Per-batch stages (ingest, clean, enrich) are mapped over batches and run in
parallel on the task runner (threads by default, Dask workers with `--runner dask`); the
global stages (dedup, events, publish) run once over the run and the warehouse history, in
DuckDB. The flow holds the warehouse lock from start to publish, so two runs never
interleave. Per-batch results are cached on their content for a day, so a run that failed
after them (at publish, say) redoes none of that work when it is started again.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from secrets import token_hex
from typing import Any

import fsspec
import pyarrow as pa
from prefect import flow, get_run_logger, task, unmapped
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.runtime import flow_run
from pydantic import BaseModel

from newspipe import __version__ as newspipe_version
from newspipe import clean, dedup, enrich, ingest, progress, report, warehouse
from newspipe.config import Settings
from newspipe.schema import (
    ARTICLE_SIGNATURES,
    ARTICLES,
    BAND_HASHES,
    DOCUMENTS,
    DUPLICATES,
    ENTITIES,
    ENTITY_ALIASES,
    ENTITY_MENTIONS,
    EVENT_STATE,
    EVENTS,
    LINE_LABELS,
    LINE_STATS,
    PARAGRAPH_COPIES,
    PARAGRAPH_HASHES,
    QUOTES,
    RUNS,
    TERM_FREQUENCIES,
)

CACHE_FOR = timedelta(days=1)


@cache
def _code_digest() -> str:
    """A digest of newspipe's own code and data: a cached result never outlives a change
    to the code that produced it."""
    digest = hashlib.sha256(newspipe_version.encode())
    root = Path(ingest.__file__).parents[1]
    for path in sorted(p for p in root.rglob("*") if p.suffix in {".py", ".sql", ".csv"}):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _fingerprint(value: Any, digest) -> None:
    if isinstance(value, pa.Table):
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, value.schema) as writer:
            writer.write_table(value)
        digest.update(sink.getvalue())
    elif isinstance(value, BaseModel):
        digest.update(value.model_dump_json().encode())
    elif isinstance(value, list | tuple):
        for item in value:
            _fingerprint(item, digest)
    else:
        digest.update(repr(value).encode())


def content_key(context, parameters: dict[str, Any]) -> str:
    """Cache key from what a batch task reads: its inputs' content and newspipe's code."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(context.task.name.encode())
    for name in sorted(parameters):
        digest.update(name.encode())
        _fingerprint(parameters[name], digest)
    return digest.hexdigest()


def file_key(context, parameters: dict[str, Any]) -> str:
    """Cache key for reading files: their paths, sizes and modification times (or object
    ETags), so a file changed in place is read again."""
    stats = []
    for path in parameters["paths"]:
        try:
            fs, location = fsspec.core.url_to_fs(path)
            info = fs.info(location)
            stats.append((path, info.get("size"), str(info.get("ETag") or info.get("mtime"))))
        except OSError:
            stats.append((path, None, None))
    return content_key(context, {"files": stats, "settings": parameters["settings"]})


# Batch tasks: cached on content, so a rerun after a failure skips finished batches.
batch_task = task(cache_key_fn=content_key, cache_expiration=CACHE_FOR, persist_result=True)
# Global tasks see the whole run; storage tasks retry with backoff on I/O errors.
global_task = task(cache_policy=NO_CACHE)
storage_task = task(cache_policy=NO_CACHE, retries=3, retry_delay_seconds=[1, 4, 16])


@global_task
def discover_inputs(inputs: list[str], settings: Settings) -> ingest.discover.Discovered:
    found = ingest.discover_inputs(inputs, settings.ingest)
    logger = get_run_logger()
    logger.info("found %d input files", len(found.files))
    if found.skipped:
        logger.warning(
            "skipped %d files in folders whose ending is no known format: %s",
            len(found.skipped),
            ", ".join(found.skipped[:5]),
        )
    return found


@storage_task
def load_history(store: warehouse.Warehouse) -> warehouse.History:
    history = warehouse.load_history(store)
    get_run_logger().info(
        "warehouse holds %d documents and %d articles",
        history.known_documents.num_rows,
        history.article_index.num_rows,
    )
    return history


@task(cache_key_fn=file_key, cache_expiration=CACHE_FOR, persist_result=True)
def ingest_batch(paths: list[str], settings: Settings) -> pa.Table:
    documents = pa.concat_tables(
        list(ingest.read_documents(paths, settings.ingest))
        or [ingest.RAW_DOCUMENT_SCHEMA.empty_table()]
    )
    n_ok = documents.filter(pa.compute.equal(documents["status"], "ok")).num_rows
    get_run_logger().info(
        "read %d inputs: %d ok, %d quarantined", documents.num_rows, n_ok, documents.num_rows - n_ok
    )
    return documents


@batch_task
def clean_batch(
    documents: pa.Table, settings: Settings, line_history: pa.Table
) -> clean.CleanResult:
    result = clean.clean_documents(documents, settings.clean, line_history)
    get_run_logger().info(
        "cleaned %d documents: %d articles, %d without article text; lines %s",
        documents.num_rows,
        result.articles.num_rows,
        result.rejected.num_rows,
        report.label_counts(result.line_labels),
    )
    return result


@batch_task
def enrich_batch(articles: pa.Table, settings: Settings) -> pa.Table:
    return enrich.enrich_articles(articles, settings.enrich)


@batch_task
def entities_batch(articles: pa.Table, settings: Settings) -> pa.Table:
    mentions = enrich.extract_entities(articles, settings.enrich)
    get_run_logger().info("%d entity mentions in %d articles", mentions.num_rows, articles.num_rows)
    return mentions


@global_task
def canonicalize_entities(
    mentions: pa.Table, history: warehouse.History, settings: Settings
) -> tuple[pa.Table, pa.Table, pa.Table]:
    result = enrich.canonicalize_entities(mentions, history.entity_aliases, settings.enrich)
    get_run_logger().info(
        "%d distinct entities, %d known spellings",
        pa.compute.count_distinct(result[1]["name"]).as_py(),
        result[2].num_rows,
    )
    return result


@batch_task
def quotes_batch(articles: pa.Table, entity_mentions: pa.Table, settings: Settings) -> pa.Table:
    quotes = enrich.extract_quotes(articles, entity_mentions, settings.enrich)
    get_run_logger().info("%d quotes in %d articles", quotes.num_rows, articles.num_rows)
    return quotes


@global_task
def deduplicate(
    run: dedup.ArticleSketches, history: dedup.DedupHistory, settings: Settings
) -> dedup.DedupResult:
    result = dedup.assign_groups(run, history, settings.dedup)
    get_run_logger().info(
        "%d articles in %d duplicate groups of two or more; %d copied paragraphs",
        result.duplicates.num_rows,
        pa.compute.count_distinct(result.duplicates["dup_group_id"]).as_py(),
        result.paragraph_copies.num_rows,
    )
    return result


@batch_task
def sketch_batch(articles: pa.Table, settings: Settings) -> dedup.ArticleSketches:
    return dedup.sketch_articles(articles, settings.dedup)


@storage_task
def load_dedup_history(
    store: warehouse.Warehouse,
    history: warehouse.History,
    run: dedup.ArticleSketches,
    settings: Settings,
) -> dedup.DedupHistory:
    return warehouse.load_dedup_history(store, history, run, settings.dedup)


@storage_task
def load_live_events(
    store: warehouse.Warehouse, articles: pa.Table, settings: Settings
) -> pa.Table:
    dates = pa.compute.coalesce(articles["event_date"], articles["published_date"])
    earliest = pa.compute.min(dates).as_py()
    return warehouse.load_live_events(store, earliest, settings.events.window_days)


@global_task
def assign_events(
    history: warehouse.History,
    articles: pa.Table,
    groups: pa.Table,
    live_events: pa.Table,
    settings: Settings,
) -> enrich.EventResult:
    result = enrich.assign_events(
        history.article_index,
        articles,
        groups,
        live_events,
        history.term_history,
        history.event_labels,
        settings.events,
    )
    get_run_logger().info(
        "%d events in all; %d new or grown in this run (%d live events were candidates)",
        result.events.num_rows,
        result.state.num_rows,
        live_events.num_rows,
    )
    return result


@storage_task
def publish(
    store: warehouse.Warehouse,
    run_id: str,
    appends: dict[str, pa.Table],
    replacements: dict[str, pa.Table],
    assignments: pa.Table,
) -> None:
    warehouse.publish_run(store, run_id, appends, replacements, assignments)
    get_run_logger().info("published run %s to %s", run_id, store.root)


def _batches(rows: list, size: int) -> list[list]:
    """Split into batches of `size`; an empty input is one empty batch, so every stage runs
    and returns tables with their schema even when a run brings nothing new."""
    return [rows[i : i + size] for i in range(0, len(rows), size)] or [rows[:0]]


def _table_batches(table: pa.Table, size: int) -> list[pa.Table]:
    return [table.slice(i, size) for i in range(0, table.num_rows, size)] or [table]


# What dedup reads of an article.
SKETCH_INPUT = ["article_id", "body", "published_date", "n_words"]
# What cleaning reads of a document: its text and the hints its input carried.
CLEAN_INPUT = [
    "doc_id",
    "source_uri",
    "text",
    "url",
    "title",
    "published",
    "site_name",
    "author",
    "extraction",
]


def _with_page_address(articles: pa.Table, documents: pa.Table) -> pa.Table:
    """Articles with their page address (`url`) and the publisher it names (`page_source`:
    the registrable domain ingest derived from it or from the record's source field), in
    the articles' own order so batches, and their cache keys, are the same every run."""
    position = {d: i for i, d in enumerate(documents["doc_id"].to_pylist())}
    rows = pa.array([position[d] for d in articles["doc_id"].to_pylist()], pa.int64())
    return articles.append_column("url", documents["url"].take(rows)).append_column(
        "page_source", documents["source"].take(rows)
    )


def _canonical(articles: pa.Table, groups: pa.Table) -> pa.Table:
    canonical_ids = groups.filter(groups["is_canonical"])["article_id"]
    return articles.filter(pa.compute.is_in(articles["article_id"], canonical_ids))


def _with_entity_names(articles: pa.Table, entities: pa.Table) -> pa.Table:
    """Articles with the canonical entity names found in them, for event clustering."""
    names: dict[str, list[str]] = {}
    for article_id, name in zip(
        entities["article_id"].to_pylist(), entities["name"].to_pylist(), strict=True
    ):
        names.setdefault(article_id, []).append(name)
    column = [names.get(a, []) for a in articles["article_id"].to_pylist()]
    return articles.append_column("entity_names", pa.array(column, pa.list_(pa.string())))


def _with_event_dates(articles: pa.Table, event_dates: pa.Table) -> pa.Table:
    """Articles with the event dates the clustering filled in from their events."""
    by_id = event_dates.select(["article_id", "event_date", "event_date_source"])
    return articles.drop_columns(["event_date", "event_date_source"]).join(
        by_id, "article_id", join_type="left outer"
    )


def _gather(futures: list, stage: str, sizes: list[int], unit: str) -> list:
    """Wait for mapped batch futures, reporting progress as each completes; results in
    submission order."""
    size_of = {id(f): n for f, n in zip(futures, sizes, strict=True)}
    with progress.stage(stage, sum(sizes), unit) as bar:
        for future in as_completed(futures):
            future.result()
            bar.advance(size_of[id(future)])
    return [f.result() for f in futures]


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
        path_batches = _batches(found.files, size)
        raw = pa.concat_tables(
            _gather(
                ingest_batch.map(path_batches, unmapped(settings)),
                "ingest",
                [len(b) for b in path_batches],
                "files",
            )
        )
        new_documents = warehouse.split_new_documents(raw, history)
        cleanable = new_documents.filter(new_documents["to_clean"])
        to_clean = cleanable.select(CLEAN_INPUT)
        logger.info(
            "%d inputs: %d new documents, %d to clean",
            raw.num_rows,
            new_documents.num_rows,
            to_clean.num_rows,
        )

        doc_batches = _table_batches(to_clean, size)
        cleaned = _gather(
            clean_batch.map(doc_batches, unmapped(settings), unmapped(history.line_history)),
            "clean",
            [b.num_rows for b in doc_batches],
            "documents",
        )
        articles = _with_page_address(pa.concat_tables([c.articles for c in cleaned]), cleanable)
        article_batches = _table_batches(articles, size)
        articles = pa.concat_tables(
            _gather(
                enrich_batch.map(article_batches, unmapped(settings)),
                "enrich",
                [b.num_rows for b in article_batches],
                "articles",
            )
        )
        article_batches = _table_batches(articles, size)
        run_sketches = dedup.ArticleSketches.concat(
            _gather(
                sketch_batch.map(
                    [b.select(SKETCH_INPUT) for b in article_batches], unmapped(settings)
                ),
                "dedup",
                [b.num_rows for b in article_batches],
                "articles",
            )
        )
        articles = articles.append_column("content_hash", run_sketches.index["content_hash"])
        duplicates = deduplicate(
            run_sketches, load_dedup_history(store, history, run_sketches, settings), settings
        )
        groups = duplicates.groups

        # Entities and quotes are read once per story: from the canonical copies only.
        canonical = _canonical(articles, groups).select(["article_id", "body", "language"])
        canonical_batches = _table_batches(canonical, size)
        mentions = pa.concat_tables(
            _gather(
                entities_batch.map(canonical_batches, unmapped(settings)),
                "entities",
                [b.num_rows for b in canonical_batches],
                "articles",
            )
        )
        entity_mentions, entities, entity_aliases = canonicalize_entities(
            mentions, history, settings
        )
        quotes = pa.concat_tables(
            _gather(
                quotes_batch.map(canonical_batches, unmapped(entity_mentions), unmapped(settings)),
                "quotes",
                [b.num_rows for b in canonical_batches],
                "articles",
            )
        )
        with progress.stage("events", articles.num_rows, "articles") as bar:
            live_events = load_live_events(store, articles, settings)
            events = assign_events(
                history, _with_entity_names(articles, entities), groups, live_events, settings
            )
            articles = _with_event_dates(articles, events.event_dates)
            bar.advance(articles.num_rows)
        documents = warehouse.document_rows(
            new_documents, pa.concat_tables([c.rejected for c in cleaned]), run_id, started_at
        )
        runs = warehouse.run_row(
            run_id,
            flow_run.get_id(),
            started_at,
            datetime.now(UTC),
            raw.num_rows,
            documents,
            articles.num_rows,
        )
        summary = runs.to_pylist()[0] | {"warehouse": str(store.root)}
        if documents.num_rows == 0:
            logger.info("nothing new in %d inputs: the warehouse is left as it was", raw.num_rows)
            return summary
        with progress.stage("publish", 1, "run") as bar:
            publish(
                store,
                run_id,
                appends={
                    DOCUMENTS.name: documents,
                    ARTICLES.name: articles,
                    LINE_LABELS.name: pa.concat_tables([c.line_labels for c in cleaned]),
                    LINE_STATS.name: pa.concat_tables([c.line_stats for c in cleaned]),
                    EVENT_STATE.name: events.state,
                    ARTICLE_SIGNATURES.name: run_sketches.signatures,
                    BAND_HASHES.name: run_sketches.band_hashes,
                    PARAGRAPH_HASHES.name: run_sketches.paragraph_hashes,
                    ENTITIES.name: entities,
                    ENTITY_MENTIONS.name: entity_mentions,
                    QUOTES.name: quotes,
                    TERM_FREQUENCIES.name: events.term_frequencies,
                    RUNS.name: runs,
                },
                replacements={
                    DUPLICATES.name: duplicates.duplicates,
                    PARAGRAPH_COPIES.name: duplicates.paragraph_copies,
                    EVENTS.name: events.events,
                    ENTITY_ALIASES.name: entity_aliases,
                },
                assignments=events.assignments,
            )
            bar.advance(1)

    logger.info(
        "run %s: %d new documents (%d quarantined), %d new articles",
        run_id,
        summary["n_documents"],
        summary["n_quarantined"],
        summary["n_articles"],
    )
    create_table_artifact(
        key="newspipe-run",
        table=[{k: str(v) for k, v in summary.items()}],
        description=f"newspipe run {run_id} into {store.root}",
    )
    create_markdown_artifact(
        key="newspipe-quarantine",
        markdown=report.quarantine_markdown(documents, run_id),
        description=f"inputs quarantined by run {run_id}",
    )
    for view in ("source_summary", "event_summary"):
        create_table_artifact(
            key=view.replace("_", "-"),
            table=warehouse.summary_rows(store, view),
            description=f"{view} after run {run_id}",
        )
    return summary
