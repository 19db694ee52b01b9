"""One run of newspipe, in order: the only place that wires the stages together.

    discover -> ingest -> clean -> enrich.article -> dedup (sketch per batch, groups global)
    -> enrich.canonical (entities per batch, names global, quotes per batch)
    -> enrich.events (global) -> publish

`run_pipeline` is called by the Prefect flow, the evaluations and the benchmarks alike; they
differ only in the `Runner` that executes the phases: `LocalRunner` calls them in this
process, the flow's runner submits them as Prefect tasks (mapped over batches, cached,
retried, on threads or Dask workers). Batches are cut once, from the documents to clean,
and every per-batch phase keeps those boundaries, so a batch's content (and its cache key)
does not depend on what happened to other batches.

When a step fails on some documents, the run starts over from cleaning without them: the
result is then exactly that of a run without those documents (cross-document evidence,
duplicate groups, canonical names and events included), and they are quarantined with the
step's error. With a caching runner only the batches that held them are computed again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.compute as pc

from newspipe import dedup, ingest, progress, warehouse
from newspipe.config import Settings
from newspipe.pipeline import phases
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

logger = logging.getLogger("newspipe.pipeline")


class Runner(Protocol):
    """Executes phases: `call` one global or storage phase, `map` a per-batch phase over
    batches (results in the batches' order; `shared` arguments go to every call)."""

    def call(self, phase: Callable, *args: Any) -> Any: ...

    def map(self, phase: Callable, batches: list, stage: str, unit: str, *shared: Any) -> list: ...


class LocalRunner:
    """Runs every phase in this process, one batch after the other, with progress."""

    def call(self, phase: Callable, *args: Any) -> Any:
        return phase(*args)

    def map(self, phase: Callable, batches: list, stage: str, unit: str, *shared: Any) -> list:
        results = []
        with progress.stage(stage, sum(_size(b) for b in batches), unit) as bar:
            for batch in batches:
                results.append(phase(batch, *shared))
                bar.advance(_size(batch))
        return results


def _size(batch) -> int:
    return batch.num_rows if isinstance(batch, pa.Table) else len(batch)


@dataclass(frozen=True)
class RunOutcome:
    """What a run gives its caller: the `runs` row as a dict, and this run's documents."""

    summary: dict
    documents: pa.Table
    published: bool


class _Restart(Exception):
    def __init__(self, failures: pa.Table):
        super().__init__(f"{failures.num_rows} documents failed")
        self.failures = failures


def run_pipeline(
    inputs: list[str],
    store: warehouse.Warehouse,
    settings: Settings,
    runner: Runner,
    run_id: str | None = None,
    flow_run_id: str | None = None,
) -> RunOutcome:
    """Run newspipe over `inputs` into `store` (the caller holds its lock)."""
    started_at = datetime.now(UTC)
    run_id = run_id or new_run_id(started_at)
    found = runner.call(discover_inputs, inputs, settings)
    history = runner.call(warehouse.load_history, store)
    logger.info(
        "warehouse holds %d documents and %d articles",
        history.known_documents.num_rows,
        history.article_index.num_rows,
    )
    path_batches = _batches(found.files, settings.ingest.batch_size)
    raw = pa.concat_tables(
        [
            *runner.map(phases.ingest_files, path_batches, "ingest", "files", settings),
            ingest.refused_documents(found.refused, settings.ingest),
        ]
    )
    new_documents = warehouse.split_new_documents(raw, history)
    cleanable = new_documents.filter(new_documents["to_clean"]).select(phases.CLEAN_INPUT)
    logger.info(
        "%d inputs: %d new documents, %d to clean",
        raw.num_rows,
        new_documents.num_rows,
        cleanable.num_rows,
    )
    doc_batches = _table_batches(cleanable, settings.ingest.batch_size)
    runner.call(phases.start_entity_workers, cleanable.num_rows, settings)
    excluded = phases.no_failures()
    while True:
        try:
            tables = _process(doc_batches, excluded, history, store, settings, runner)
            break
        except _Restart as restart:
            n_failed = restart.failures.num_rows
            logger.warning(
                "%d %s failed in a step and %s quarantined; running on without %s: %s",
                n_failed,
                "document" if n_failed == 1 else "documents",
                "is" if n_failed == 1 else "are",
                "it" if n_failed == 1 else "them",
                "; ".join(restart.failures["error"].to_pylist()[:3]),
            )
            excluded = pa.concat_tables([excluded, restart.failures])
    documents = warehouse.document_rows(
        new_documents, pa.concat_tables([tables.pop("rejected"), excluded]), run_id, started_at
    )
    runs = warehouse.run_row(
        run_id,
        flow_run_id,
        started_at,
        datetime.now(UTC),
        raw.num_rows,
        documents,
        tables[ARTICLES.name].num_rows,
    )
    summary = runs.to_pylist()[0] | {"warehouse": str(store.root)}
    if documents.num_rows == 0:
        logger.info("nothing new in %d inputs: the warehouse is left as it was", raw.num_rows)
        return RunOutcome(summary, documents, published=False)
    replacements = {name: tables.pop(name) for name in _REPLACED}
    assignments = tables.pop("assignments")
    appends = tables | {DOCUMENTS.name: documents, RUNS.name: runs}
    with progress.stage("publish", 1, "run") as bar:
        runner.call(warehouse.publish_run, store, run_id, appends, replacements, assignments)
        bar.advance(1)
    logger.info(
        "run %s: %d new documents (%d quarantined), %d new articles",
        run_id,
        summary["n_documents"],
        summary["n_quarantined"],
        summary["n_articles"],
    )
    return RunOutcome(summary, documents, published=True)


_REPLACED = (DUPLICATES.name, PARAGRAPH_COPIES.name, EVENTS.name, ENTITY_ALIASES.name)


def new_run_id(started_at: datetime) -> str:
    from secrets import token_hex

    return f"{started_at:%Y%m%dT%H%M%SZ}-{token_hex(3)}"


def discover_inputs(inputs: list[str], settings: Settings) -> ingest.Discovered:
    found = ingest.discover_inputs(inputs, settings.ingest)
    logger.info("found %d input files", len(found.files))
    if found.skipped:
        logger.warning(
            "passed over %d entries in folders (no known format ending, or a link to a "
            "folder, which is not followed): %s",
            len(found.skipped),
            ", ".join(found.skipped[:5]),
        )
    return found


@dataclass(frozen=True)
class _Grouped:
    """This run's articles through cleaning, per-article enrichment and dedup."""

    cleaned: list[phases.CleanedBatch]
    article_batches: list[pa.Table]
    sketches: dedup.ArticleSketches
    dedup: dedup.DedupResult


def _process(
    doc_batches: list[pa.Table],
    excluded: pa.Table,
    history: warehouse.History,
    store: warehouse.Warehouse,
    settings: Settings,
    runner: Runner,
) -> dict[str, pa.Table]:
    """Everything after ingest, over the documents not `excluded`: the tables to publish
    (and `rejected`, `assignments`). Raises `_Restart` when a step fails on documents."""
    failed = set(excluded["doc_id"].to_pylist())
    doc_batches = [phases.drop(b, failed, key="doc_id") for b in doc_batches]
    grouped = _deduplicated(doc_batches, history, store, settings, runner)
    groups = grouped.dedup.groups
    tables, canonical_dates = _canonical_enrichment(
        grouped.article_batches, groups, history, settings, runner
    )
    articles = phases.join_on(
        pa.concat_tables(grouped.article_batches),
        grouped.sketches.index.select(["article_id", "content_hash"]),
        "article_id",
    )
    articles = phases.copy_event_dates(articles, groups, canonical_dates, history.article_index)
    events = _events(articles, groups, tables[ENTITIES.name], history, store, settings, runner)
    cleaned = grouped.cleaned
    return tables | {
        "rejected": pa.concat_tables([c.rejected for c in cleaned]),
        ARTICLES.name: phases.with_event_dates(articles, events.event_dates),
        LINE_LABELS.name: pa.concat_tables([c.line_labels for c in cleaned]),
        LINE_STATS.name: pa.concat_tables([c.line_stats for c in cleaned]),
        EVENT_STATE.name: events.state,
        ARTICLE_SIGNATURES.name: grouped.sketches.signatures,
        BAND_HASHES.name: grouped.sketches.band_hashes,
        PARAGRAPH_HASHES.name: grouped.sketches.paragraph_hashes,
        TERM_FREQUENCIES.name: events.term_frequencies,
        DUPLICATES.name: grouped.dedup.duplicates,
        PARAGRAPH_COPIES.name: grouped.dedup.paragraph_copies,
        EVENTS.name: events.events,
        "assignments": events.assignments,
    }


def _deduplicated(
    doc_batches: list[pa.Table],
    history: warehouse.History,
    store: warehouse.Warehouse,
    settings: Settings,
    runner: Runner,
) -> _Grouped:
    """Clean and enrich each batch, sketch it, and group the run's copies with the
    warehouse's."""
    cleaned = runner.map(
        phases.clean_batch, doc_batches, "clean", "documents", settings, history.line_history
    )
    _check([c.failures for c in cleaned])
    enriched = runner.map(
        phases.enrich_batch, [c.articles for c in cleaned], "enrich", "articles", settings
    )
    _check([e.failures for e in enriched])
    article_batches = [e.articles for e in enriched]
    sketched = runner.map(
        phases.sketch_batch,
        [b.select(phases.SKETCH_INPUT) for b in article_batches],
        "dedup",
        "articles",
        settings,
    )
    _check([s.failures for s in sketched])
    sketches = dedup.ArticleSketches.concat([s.sketches for s in sketched])
    dedup_history = runner.call(
        warehouse.load_dedup_history, store, history, sketches, settings.dedup
    )
    grouped = runner.call(phases.group_duplicates, sketches, dedup_history, settings)
    _check([grouped.failures])
    return _Grouped(cleaned, article_batches, sketches, grouped.result)


def _canonical_enrichment(
    article_batches: list[pa.Table],
    groups: pa.Table,
    history: warehouse.History,
    settings: Settings,
    runner: Runner,
) -> tuple[dict[str, pa.Table], pa.Table]:
    """Entities, canonical names, quotes and event dates, read from the canonical copies
    only; the tables to publish and the canonical copies' event dates."""
    canonical = phases.canonical_batches(article_batches, groups)
    read = runner.map(phases.canonical_batch, canonical, "entities", "articles", settings)
    _check([r.failures for r in read])
    mentions = pa.concat_tables([r.mentions for r in read])
    named = runner.call(phases.name_entities, mentions, history.entity_aliases, settings)
    _check([named.failures])
    quoted = runner.map(
        phases.quotes_batch, canonical, "quotes", "articles", named.result.mentions, settings
    )
    _check([q.failures for q in quoted])
    tables = {
        ENTITIES.name: named.result.entities,
        ENTITY_MENTIONS.name: named.result.mentions,
        ENTITY_ALIASES.name: named.result.aliases,
        QUOTES.name: pa.concat_tables([q.quotes for q in quoted]),
    }
    return tables, pa.concat_tables([r.event_dates for r in read])


def _events(
    articles: pa.Table,
    groups: pa.Table,
    entities: pa.Table,
    history: warehouse.History,
    store: warehouse.Warehouse,
    settings: Settings,
    runner: Runner,
):
    """Events of the run's articles, against the live events of the warehouse."""
    with progress.stage("events", articles.num_rows, "articles") as bar:
        dates = pc.coalesce(articles["event_date"], articles["published_date"])
        live_events = runner.call(
            warehouse.load_live_events, store, pc.min(dates).as_py(), settings.events.window_days
        )
        clustered = runner.call(
            phases.cluster_events,
            phases.with_entity_names(articles, entities),
            groups,
            history.article_index,
            live_events,
            history.term_history,
            history.event_labels,
            settings,
        )
        _check([clustered.failures])
        bar.advance(articles.num_rows)
    return clustered.result


def _check(failures: list[pa.Table]) -> None:
    found = pa.concat_tables(failures)
    if found.num_rows:
        raise _Restart(found)


def _batches(rows: list, size: int) -> list[list]:
    """Split into batches of `size`; an empty input is one empty batch, so every stage runs
    and returns tables with their schema even when a run brings nothing new."""
    return [rows[i : i + size] for i in range(0, len(rows), size)] or [rows[:0]]


def _table_batches(table: pa.Table, size: int) -> list[pa.Table]:
    return [table.slice(i, size) for i in range(0, table.num_rows, size)] or [table]
