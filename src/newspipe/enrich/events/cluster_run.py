"""One run of the event clusterer over Arrow tables: the streaming pass (clustering.py),
the batch refinement of what it grouped (refine.py), the merge, and the state and mappings
the run leaves for the warehouse.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pyarrow as pa

from newspipe.config import EventConfig
from newspipe.enrich.events.clustering import STATE_SCHEMA, _Clusterer
from newspipe.enrich.events.refine import refined_targets


def cluster_events(
    articles: pa.Table,
    words: list[tuple[list[str], list[str]]],
    state: pa.Table,
    term_frequencies: pa.Table,
    config: EventConfig,
) -> tuple[pa.Table, pa.Table, pa.Table, pa.Table, dict]:
    """Assign each new canonical article to an event, streaming in date order, then merge
    events that turn out to be one.

    `articles`: article_id, title, body, source, entity_names (list of canonical names),
    cluster_date; `words`: their bodies' and titles' content words (`article_words`).
    `state`: the persisted events (`event_state` rows) that may still take
    articles; `term_frequencies`: document frequency per term over the corpus so far,
    including these articles. Returns (article_id -> event_id, the updated state rows of
    every touched event, event_id -> merged_into of every event whose articles now report
    another, article_id -> event_id of the earlier runs' articles that move with their
    date-less group to another event, article_id -> body TF-IDF vector).
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
    updated = pa.Table.from_pylist(
        [
            {
                "event_id": e.event_id,
                "first_date": e.first_date,
                "last_date": e.last_date,
                "n_articles": e.n_articles,
                "body_terms": _terms(e.body),
                "title_terms": _terms(e.title),
                "entities": _terms(e.entities),
                "numbers": _terms(e.numbers),
                "sources": sorted(e.sources),
                "article_ids": e.members,
                "merged_into": renames.get(e.event_id) or e.attached_to,
            }
            for e in (events[e] for e in sorted(touched))
        ],
        schema=STATE_SCHEMA,
    )
    # Events that stopped standing on their own: articles published under them move on.
    stood_down = {e: reported(e) for e in sorted(touched) if reported(e) != e}
    return (
        _mapping(assigned, "article_id", "event_id"),
        updated,
        _mapping(stood_down, "event_id", "merged_into"),
        _mapping(moved, "article_id", "event_id"),
    )


def _mapping(pairs: dict[str, str], key: str, value: str) -> pa.Table:
    return pa.table(
        {
            key: pa.array(list(pairs), pa.string()),
            value: pa.array(list(pairs.values()), pa.string()),
        }
    )


def _terms(weights: dict[str, float] | Counter) -> list[dict]:
    return [{"term": t, "weight": float(w)} for t, w in sorted(weights.items())]
