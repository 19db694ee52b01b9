"""The events stage: every article of a run gets an event, and the events table follows.

Duplicate groups that already report an event keep it; the canonical articles of the
others are clustered (clustering.py) into the live events or new ones, copies take their
canonical's event, articles without an event date take their event's, and the events
table is rebuilt with labels (labels.py). The joins are SQL in `sql/`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from newspipe.config import EventConfig
from newspipe.enrich.events.cluster_run import cluster_events
from newspipe.enrich.events.features import article_words, document_frequencies
from newspipe.enrich.events.labels import title_labels
from newspipe.schema import EVENTS, conform
from newspipe.sqlfiles import run_sql

_SQL = "newspipe.enrich.events"


@dataclass(frozen=True)
class EventResult:
    assignments: pa.Table  # every article: article_id, dup_group_id, is_canonical, event_id
    events: pa.Table  # the contract's events table, all events
    state: pa.Table  # event_state rows of the events this run changed
    term_frequencies: pa.Table  # this run's document frequencies
    event_dates: pa.Table  # new articles: article_id, event_date, event_date_source


def assign_events(
    published_index: pa.Table,
    new_articles: pa.Table,
    groups: pa.Table,
    live_state: pa.Table,
    term_history: pa.Table,
    published_labels: pa.Table,
    config: EventConfig,
) -> EventResult:
    """Give every article an event: its group's known event, or a clustered one.

    `published_index`: earlier articles (article_id, event_id, event_date, published_date,
    source); `new_articles`: this run's (article_id, title, body, source, event_date,
    event_date_source, published_date, entity_names); `groups`: duplicate groups of both;
    `live_state`: current state of events that may take articles; `term_history`: summed
    document frequencies; `published_labels`: event_id, label of published events.
    """
    if "entity_names" not in new_articles.column_names:
        no_names = pa.array([[]] * new_articles.num_rows, pa.list_(pa.string()))
        new_articles = new_articles.append_column("entity_names", no_names)
    members = run_sql(_SQL, "group_events", published_index=published_index, groups=groups)
    to_cluster = _to_cluster(new_articles, members)
    words = article_words(to_cluster)
    batch_df = document_frequencies(to_cluster, words)
    term_frequencies = run_sql(_SQL, "sum_terms", history=term_history, batch=batch_df)
    clustered, state, renames, moved, state_labels, body_vectors = cluster_events(
        to_cluster, words, live_state, term_frequencies, config
    )
    assignments = run_sql(
        _SQL,
        "group_assignments",
        members=members,
        clustered=clustered,
        renames=renames,
        moved=moved,
    )
    corpus = run_sql(
        _SQL,
        "corpus_index",
        published_index=published_index,
        new_articles=new_articles,
        groups=groups,
    )
    event_dates = run_sql(
        _SQL, "event_dates", corpus=corpus, assignments=assignments, new_articles=new_articles
    )
    dated = run_sql(_SQL, "apply_event_dates", corpus=corpus, event_dates=event_dates)
    events = run_sql(
        _SQL,
        "events",
        corpus=dated,
        assignments=assignments,
        labels=_latest_labels(
            published_labels, state_labels, _run_titles(to_cluster, assignments, body_vectors)
        ),
    )
    return EventResult(
        assignments=assignments,
        events=conform(EVENTS, events),
        state=state,
        term_frequencies=batch_df,
        event_dates=event_dates,
    )


def _to_cluster(new_articles: pa.Table, members: pa.Table) -> pa.Table:
    """This run's canonical articles whose group reports no event yet, with the date they
    cluster by: the event date, else the publication date."""
    unassigned = members.filter(pc.and_(pc.is_null(members["event_id"]), members["is_canonical"]))
    to_cluster = new_articles.filter(pc.is_in(new_articles["article_id"], unassigned["article_id"]))
    return to_cluster.append_column(
        "cluster_date", pc.coalesce(to_cluster["event_date"], to_cluster["published_date"])
    )


def _run_titles(clustered: pa.Table, assignments: pa.Table, body_vectors: dict) -> pa.Table:
    """Title labels of the events this run's clustered articles report."""
    event_of = dict(
        zip(assignments["article_id"].to_pylist(), assignments["event_id"].to_pylist(), strict=True)
    )
    return title_labels(clustered, event_of, body_vectors)


def _latest_labels(
    published_labels: pa.Table, state_labels: pa.Table, titles: pa.Table
) -> pa.Table:
    """One label per event: a title this run gives it, else the keywords this run's state
    gives it (`state_labels`: those of its events that stand on their own), else the
    published one."""
    label_schema = pa.schema([("event_id", pa.string()), ("label", pa.string())])
    written = [
        published_labels.select(["event_id", "label"]).cast(label_schema),
        state_labels,
        titles.cast(label_schema),
    ]
    labels = pa.concat_tables(
        [
            labels.append_column("written", pa.array([rank] * labels.num_rows, pa.int8()))
            for rank, labels in enumerate(written)
        ]
    )
    return run_sql(_SQL, "latest_labels", labels=labels)
