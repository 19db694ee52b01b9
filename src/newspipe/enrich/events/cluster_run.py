"""One run of the event clusterer over Arrow tables: the streaming pass (clustering.py),
the batch refinement of what it grouped (refine.py), the merge, and the state and mappings
the run leaves for the warehouse.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pyarrow as pa

from newspipe.config import EventConfig
from newspipe.enrich.events.clustering import STATE_SCHEMA, _Clusterer, _Event
from newspipe.enrich.events.labels import label_table
from newspipe.enrich.events.refine import refined_targets

# A (term, weight) pair of the state's term lists.
_TERM = STATE_SCHEMA.field("body_terms").type.value_type


def cluster_events(
    articles: pa.Table,
    words: list[tuple[list[str], list[str]]],
    state: pa.Table,
    term_frequencies: pa.Table,
    config: EventConfig,
) -> tuple[pa.Table, pa.Table, pa.Table, pa.Table, pa.Table, dict]:
    """Assign each new canonical article to an event, streaming in date order, then merge
    events that turn out to be one.

    `articles`: article_id, title, body, source, entity_names (list of canonical names),
    cluster_date; `words`: their bodies' and titles' content words (`article_words`).
    `state`: the persisted events (`event_state` rows) that may still take
    articles; `term_frequencies`: document frequency per term over the corpus so far,
    including these articles. Returns (article_id -> event_id, the updated state rows of
    every touched event, event_id -> merged_into of every event whose articles now report
    another, article_id -> event_id of the earlier runs' articles that move with their
    date-less group to another event, event_id -> label of the touched events that stand
    on their own, article_id -> body TF-IDF vector).
    """
    df = dict(
        zip(term_frequencies["term"].to_pylist(), term_frequencies["df"].to_pylist(), strict=True)
    )
    n_docs = df.pop("", 0)
    clusterer = _Clusterer(state, df, n_docs, config)
    ordered = sorted(
        zip(articles.to_pylist(), words, strict=True),
        key=lambda aw: (
            aw[0]["cluster_date"] is None,
            aw[0]["cluster_date"] or date.min,
            aw[0]["article_id"],
        ),
    )
    reports = [clusterer.report(a, *w) for a, w in ordered]
    # Articles without a date cannot be told from a same-actor event months away by time:
    # they come last and gather only with their date-less peers; the merge below then
    # weighs each such group as a whole against the dated events.
    for report in reports:
        clusterer.assign(report, dateless_only=report.day is None)
    # The refinement regroups the run's articles as a batch; the events are then built
    # afresh from the state as it was before the run, but for those the refinement keeps
    # as streamed: the same reports in the same order would build them again as they are.
    streamed, clusterer = clusterer, _Clusterer(state, df, n_docs, config)
    refined = refined_targets(
        reports, streamed.near, clusterer.events, clusterer.entity_idf, config
    )
    for event_id in sorted(refined.kept):
        clusterer.adopt(streamed, event_id)
    assigned = {}
    for r in reports:
        own = streamed.near[r.article_id][-1]
        if own in refined.kept:
            assigned[r.article_id] = own
        else:
            assigned[r.article_id] = clusterer.place(r, refined.targets[r.article_id])
    return *_published(clusterer, assigned), {r.article_id: r.body for r in reports}


def _published(clusterer: _Clusterer, assigned: dict[str, str]) -> tuple:
    """Merge what the run touched, and the tables `cluster_events` returns."""
    renames = clusterer.merge(set(assigned.values()))
    events = clusterer.events

    def reported(event_id: str) -> str:
        """The event the articles clustered into `event_id` report."""
        event_id = renames.get(event_id, event_id)
        return events[event_id].attached_to or event_id

    # Date-less groups of earlier runs that now report another event: their state changes,
    # and their articles move.
    regrouped = {g for g, (was, _) in clusterer.published.items() if reported(g) != was}
    moved = {
        article_id: reported(group_id)
        for group_id in sorted(regrouped)
        for article_id in clusterer.published[group_id][1]
    }
    touched = set(assigned.values()) | set(renames) | set(renames.values()) | regrouped
    assigned = {a: reported(e) for a, e in assigned.items()}
    rows = [events[e] for e in sorted(touched)]
    merged_into = [renames.get(e.event_id) or e.attached_to for e in rows]
    updated = _state_table(rows, merged_into)
    # Labelled from the events themselves: the state rows hold the same weights.
    standing = [e for e, into in zip(rows, merged_into, strict=True) if into is None]
    labels = label_table([e.event_id for e in standing], [(e.entities, e.title) for e in standing])
    # Events that stopped standing on their own: articles published under them move on.
    stood_down = {e: reported(e) for e in sorted(touched) if reported(e) != e}
    return (
        _mapping(assigned, "article_id", "event_id"),
        updated,
        _mapping(stood_down, "event_id", "merged_into"),
        _mapping(moved, "article_id", "event_id"),
        labels,
    )


def _mapping(pairs: dict[str, str], key: str, value: str) -> pa.Table:
    return pa.table(
        {
            key: pa.array(list(pairs), pa.string()),
            value: pa.array(list(pairs.values()), pa.string()),
        }
    )


def _state_table(rows: list[_Event], merged_into: list[str | None]) -> pa.Table:
    """The state rows of `rows`, built column by column: a row of dicts per event costs
    more than the merge on a large run."""
    term_lists = {
        name: _term_lists([getattr(e, attribute) for e in rows])
        for name, attribute in (
            ("body_terms", "body"),
            ("title_terms", "title"),
            ("entities", "entities"),
            ("numbers", "numbers"),
        )
    }
    columns = {
        "event_id": [e.event_id for e in rows],
        "first_date": [e.first_date for e in rows],
        "last_date": [e.last_date for e in rows],
        "n_articles": [e.n_articles for e in rows],
        "sources": [sorted(e.sources) for e in rows],
        "article_ids": [e.members for e in rows],
        "merged_into": merged_into,
    }
    arrays = {
        name: pa.array(values, STATE_SCHEMA.field(name).type) for name, values in columns.items()
    }
    arrays |= term_lists
    return pa.Table.from_arrays([arrays[name] for name in STATE_SCHEMA.names], schema=STATE_SCHEMA)


def _term_lists(vectors: list[dict[str, float] | Counter]) -> pa.Array:
    """Per vector, its (term, weight) pairs in term order."""
    terms: list[str] = []
    weights: list[float] = []
    offsets = [0]
    for vector in vectors:
        ordered = sorted(vector)
        terms += ordered
        weights += map(vector.__getitem__, ordered)
        offsets.append(len(terms))
    pairs = pa.StructArray.from_arrays(
        [pa.array(terms, pa.string()), pa.array(weights, pa.float64())], fields=list(_TERM)
    )
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), pairs)
