"""The phases of a run: what one Prefect task (or one local call) does, over Arrow tables.

Per-batch phases take one batch of documents or articles; global phases take the whole
run. Each runs its stage functions through `isolate`, so a document that makes a step raise
comes back in `failures` (doc_id, error naming the step) instead of failing the run, and
returns a small result dataclass of tables. The joins between stages are here too, always on
ids (`doc_id`, `article_id`), never on row positions. `newspipe.pipeline.run` calls these
in order; nothing here knows about Prefect or the warehouse's files.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from newspipe import dedup, ingest, report
from newspipe.clean import clean_documents
from newspipe.clean.stage import REJECTED_SCHEMA
from newspipe.config import Settings
from newspipe.enrich.article import derive_sources, detect_languages, resolve_event_dates
from newspipe.enrich.canonical import EntityResult, canonicalize_entities, extract_quotes
from newspipe.enrich.events import EventResult, assign_events
from newspipe.ingest.documents import batches as document_batches
from newspipe.ingest.documents import quarantined_row
from newspipe.ingest.streams import format_by_extension
from newspipe.pipeline import workers
from newspipe.pipeline.isolation import isolate
from newspipe.sqlfiles import run_sql

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
    "source",
]
# What dedup reads of an article.
SKETCH_INPUT = ["article_id", "body", "published_date", "n_words"]

logger = logging.getLogger("newspipe.pipeline")

# Seconds spent in each step in this process, for benchmarks (`step_seconds`).
_STEP_SECONDS: dict[str, float] = defaultdict(float)


def step_seconds() -> dict[str, float]:
    """Seconds spent so far in each step in this process (ingest, clean, enrich.dates, ...)."""
    return dict(_STEP_SECONDS)


def _timed(step: str, fn, items, *args, key: str = "article_id", **kwargs):
    began = time.perf_counter()
    try:
        return isolate(step, fn, items, *args, key=key, **kwargs)
    finally:
        _STEP_SECONDS[step] += time.perf_counter() - began


def failure_rows(failed: dict[str, str]) -> pa.Table:
    """Failures as `rejected` rows (doc_id, error), the form documents rows take them in."""
    return pa.table(
        {"doc_id": list(failed), "error": list(failed.values())}, schema=REJECTED_SCHEMA
    )


def no_failures() -> pa.Table:
    return REJECTED_SCHEMA.empty_table()


# -- ingest -------------------------------------------------------------------------------


def ingest_files(paths: list[str], settings: Settings) -> pa.Table:
    """The raw documents of these files (ingest.RAW_DOCUMENT_SCHEMA); a file whose reading
    raises becomes one quarantined row naming the step."""

    def read(some: list[str]) -> pa.Table:
        tables = list(ingest.read_documents(some, settings.ingest))
        return pa.concat_tables(tables or [ingest.RAW_DOCUMENT_SCHEMA.empty_table()])

    documents, failed = _timed("ingest", read, list(paths))
    rows = [
        quarantined_row(
            source_uri=path,
            fmt=format_by_extension(path, settings.ingest) or "unknown",
            input_file=path,
            error=error,
        )
        for path, error in failed.items()
    ]
    return pa.concat_tables([documents, *document_batches(rows, max(len(rows), 1))])


# -- per batch: clean, per-article enrichment, sketches --------------------------------------


@dataclass(frozen=True)
class CleanedBatch:
    articles: pa.Table  # cleaned articles with their page address (url, page_source)
    line_labels: pa.Table
    line_stats: pa.Table
    rejected: pa.Table  # doc_id, error: documents in which cleaning found no article
    failures: pa.Table  # doc_id, error: documents on which the step raised


def start_entity_workers(n_documents: int, settings: Settings) -> None:
    """Start the entity workers, so that they load their models while the run cleans, when
    the run brings enough documents for them. A phase of its own: it runs where the run's
    tasks run, and starts nothing inside a Dask worker, which is parallel already."""
    if n_documents >= workers.MIN_ARTICLES_FOR_WORKERS:
        workers.start_workers(settings.enrich)


def clean_batch(documents: pa.Table, settings: Settings, line_history: pa.Table) -> CleanedBatch:
    """Clean a batch of documents (CLEAN_INPUT columns) into articles and the line audit."""
    result, failed = _timed(
        "clean", clean_documents, documents, settings.clean, line_history, key="doc_id"
    )
    logger.info(
        "cleaned %d documents: %d articles, %d without article text; lines %s",
        documents.num_rows,
        result.articles.num_rows,
        result.rejected.num_rows,
        report.label_counts(result.line_labels),
    )
    return CleanedBatch(
        articles=with_page_address(result.articles, documents),
        line_labels=result.line_labels,
        line_stats=result.line_stats,
        rejected=result.rejected,
        failures=failure_rows(failed),
    )


def with_page_address(articles: pa.Table, documents: pa.Table) -> pa.Table:
    """Articles with their page address (`url`) and the publisher it names (`page_source`:
    the registrable domain ingest derived from it or from the record's source field),
    joined on doc_id, in the articles' own order."""
    addresses = documents.select(["doc_id", "url", "source"]).rename_columns(
        ["doc_id", "url", "page_source"]
    )
    return join_on(articles, addresses, "doc_id")


@dataclass(frozen=True)
class EnrichedBatch:
    articles: pa.Table  # with language, source and body_chars_read
    failures: pa.Table


def enrich_batch(articles: pa.Table, settings: Settings) -> EnrichedBatch:
    """Per-article enrichment before dedup: language, publisher key, reading budget."""
    limit = settings.enrich.max_chars_read
    is_cut = pc.greater(pc.utf8_length(articles["body"]), limit)
    articles = articles.append_column(
        "body_chars_read", pc.if_else(is_cut, pa.scalar(limit, pa.int32()), None)
    )
    articles, failed = _timed("enrich.language", _with_language, articles)
    return EnrichedBatch(articles, failure_rows(failed))


def _with_language(articles: pa.Table) -> pa.Table:
    sources = derive_sources(articles["site_name"], articles["page_source"])
    return (
        articles.drop_columns(["page_source"])
        .append_column("language", detect_languages(articles["body"]))
        .append_column("source", sources)
    )


def bounded(articles: pa.Table, max_chars: int) -> pa.Table:
    """Articles whose body is cut to its first `max_chars` characters: the reading budget of
    the enrichment steps (offsets into the cut body stay offsets into the body)."""
    index = articles.schema.get_field_index("body")
    body = pc.utf8_slice_codeunits(articles["body"], 0, max_chars)
    return articles.set_column(index, "body", body)


def join_on(left: pa.Table, right: pa.Table, key: str) -> pa.Table:
    """`left` with the other columns of `right` whose `key` matches (null where none), in
    `left`'s row order: a left join on an id, keeping batches (and their cache keys) stable."""
    rows = pc.index_in(left[key], right[key])
    for name in right.column_names:
        if name != key:
            left = left.append_column(right.schema.field(name), right[name].take(rows))
    return left


def drop(table: pa.Table, failed: Collection[str], key: str = "article_id") -> pa.Table:
    """`table` without the rows of the failed documents `failed` (ids)."""
    if not failed:
        return table
    return table.filter(pc.invert(pc.is_in(table[key], pa.array(list(failed), pa.string()))))


@dataclass(frozen=True)
class SketchedBatch:
    sketches: dedup.ArticleSketches
    failures: pa.Table


def sketch_batch(articles: pa.Table, settings: Settings) -> SketchedBatch:
    """Dedup fingerprints of a batch of articles (SKETCH_INPUT columns)."""
    sketches, failed = _timed("dedup.sketch", dedup.sketch_articles, articles, settings.dedup)
    return SketchedBatch(sketches, failure_rows(failed))


# -- global: duplicate groups ----------------------------------------------------------------


@dataclass(frozen=True)
class Grouped:
    result: dedup.DedupResult
    failures: pa.Table


def group_duplicates(
    sketches: dedup.ArticleSketches, history: dedup.DedupHistory, settings: Settings
) -> Grouped:
    """Duplicate groups of this run's articles with each other and the warehouse's."""
    result, failed = _timed("dedup.groups", dedup.assign_groups, sketches, history, settings.dedup)
    logger.info(
        "%d articles in %d duplicate groups of two or more; %d copied paragraphs",
        result.duplicates.num_rows,
        pc.count_distinct(result.duplicates["dup_group_id"]).as_py(),
        result.paragraph_copies.num_rows,
    )
    return Grouped(result, failure_rows(failed))


CANONICAL_INPUT = ["article_id", "body", "language", "published_date"]


def canonical_batches(article_batches: list[pa.Table], groups: pa.Table) -> list[pa.Table]:
    """Per batch, its canonical articles (CANONICAL_INPUT columns): the copies that
    entities, event dates and quotes are read from, keeping the run's batch boundaries."""
    canonical_ids = groups.filter(groups["is_canonical"])["article_id"]
    return [
        b.filter(pc.is_in(b["article_id"], canonical_ids)).select(CANONICAL_INPUT)
        for b in article_batches
    ]


def copy_event_dates(
    articles: pa.Table, groups: pa.Table, canonical_dates: pa.Table, published_index: pa.Table
) -> pa.Table:
    """Articles with the event date of their duplicate group's canonical copy."""
    dates = run_sql(
        "newspipe.pipeline",
        "copy_event_dates",
        run_articles=articles.select(["article_id"]),
        groups=groups,
        canonical_dates=canonical_dates,
        published_index=published_index,
    )
    return join_on(articles, dates, "article_id")


# -- canonical copies: entities, names, quotes ---------------------------------------------------


@dataclass(frozen=True)
class CanonicalBatch:
    mentions: pa.Table  # entity mentions before canonical names
    event_dates: pa.Table  # article_id, event_date, event_date_source
    failures: pa.Table


def canonical_batch(articles: pa.Table, settings: Settings) -> CanonicalBatch:
    """Entity mentions and event dates of a batch of canonical articles, each read up to
    the budget. Dates are read here while the entity workers read the batch."""
    read = bounded(articles, settings.enrich.max_chars_read)
    mentions_of = workers.entity_reader(read, settings.enrich)
    dates, dates_failed = _timed("enrich.dates", resolve_event_dates, read, settings.enrich)
    mentions, entities_failed = _timed("enrich.entities", mentions_of, read)
    if entities_failed:
        # Dates are read only from the articles that entities did not fail on.
        dates, dates_failed = _timed(
            "enrich.dates", resolve_event_dates, drop(read, entities_failed), settings.enrich
        )
    logger.info(
        "%d entity mentions and %d event dates from the text in %d articles",
        mentions.num_rows,
        pc.sum(pc.equal(dates["event_date_source"], "text")).as_py() or 0,
        articles.num_rows,
    )
    return CanonicalBatch(
        drop(mentions, dates_failed), dates, failure_rows(entities_failed | dates_failed)
    )


@dataclass(frozen=True)
class Named:
    result: EntityResult
    failures: pa.Table


def name_entities(mentions: pa.Table, known_aliases: pa.Table, settings: Settings) -> Named:
    """One canonical name per entity across the run's mentions and the known aliases."""
    result, failed = _timed(
        "enrich.names", canonicalize_entities, mentions, known_aliases, settings.enrich
    )
    logger.info(
        "%d distinct entities, %d known spellings",
        pc.count_distinct(result.entities["name"]).as_py(),
        result.aliases.num_rows,
    )
    return Named(result, failure_rows(failed))


@dataclass(frozen=True)
class QuoteBatch:
    quotes: pa.Table
    failures: pa.Table


def quotes_batch(articles: pa.Table, entity_mentions: pa.Table, settings: Settings) -> QuoteBatch:
    """Quotes of a batch of canonical articles, speakers named by their canonical names."""
    mentions = entity_mentions.filter(
        pc.is_in(entity_mentions["article_id"], articles["article_id"])
    )
    quotes, failed = _timed(
        "enrich.quotes",
        extract_quotes,
        bounded(articles, settings.enrich.max_chars_read),
        mentions,
        settings.enrich,
    )
    logger.info("%d quotes in %d articles", quotes.num_rows, articles.num_rows)
    return QuoteBatch(quotes, failure_rows(failed))


# -- global: events ------------------------------------------------------------------------------


def with_entity_names(articles: pa.Table, entities: pa.Table) -> pa.Table:
    """Articles with the canonical entity names found in them (joined on article_id)."""
    names = entities.group_by("article_id", use_threads=False).aggregate([("name", "list")])
    rows = pc.index_in(articles["article_id"], names["article_id"])
    column = pc.fill_null(names["name_list"].take(rows), pa.scalar([], pa.list_(pa.string())))
    return articles.append_column("entity_names", column)


@dataclass(frozen=True)
class Clustered:
    result: EventResult
    failures: pa.Table


def cluster_events(
    articles: pa.Table,
    groups: pa.Table,
    published_index: pa.Table,
    live_events: pa.Table,
    term_history: pa.Table,
    event_labels: pa.Table,
    settings: Settings,
) -> Clustered:
    """Events of this run's articles (with entity_names), read up to the budget."""

    def assign(some: pa.Table) -> EventResult:
        return assign_events(
            published_index, some, groups, live_events, term_history, event_labels, settings.events
        )

    result, failed = _timed(
        "enrich.events", assign, bounded(articles, settings.enrich.max_chars_read)
    )
    logger.info(
        "%d events in all; %d new or grown in this run (%d live events were candidates)",
        result.events.num_rows,
        result.state.num_rows,
        live_events.num_rows,
    )
    return Clustered(result, failure_rows(failed))


def with_event_dates(articles: pa.Table, event_dates: pa.Table) -> pa.Table:
    """Articles with the event dates the clustering filled in from their events."""
    by_id = event_dates.select(["article_id", "event_date", "event_date_source"])
    return join_on(articles.drop_columns(["event_date", "event_date_source"]), by_id, "article_id")
