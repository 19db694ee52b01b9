"""Batch refinement of a run's events, after the streaming pass and before the merge.

Streaming leaves the order of arrival in the clusters: an article joins the best event of
the moment, and two look-alike happenings (two earthquakes, two players on injured
reserve) that an early report links grow into one. So the articles of a run are grouped
again, as a batch: the streaming pass notes, for each article, the events that scored at
least `EventConfig.refine_reach` times the join threshold against it; articles linked
through such events form blocks, with the earlier runs' events among them; within each
block, articles and earlier events are re-clustered with average linkage (linkage.py),
cut at `EventConfig.refine_threshold`. An earlier event is one item that weighs as many
articles as it holds: it is never split, and a run's articles join it as they would have
joined its articles in one run over the whole corpus.

Returns, for each article, the earlier event it joins, or the id of the first article of
its new group, in the order articles arrive: the clusterer then builds the events from it;
and the streamed events that blocks too large to re-cluster keep as they are, which the
clusterer takes over instead of building them again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from newspipe.enrich.events.clustering import event_order
from newspipe.enrich.events.linkage import Items, average_linkage, similarity_matrix


def _blocks(n_reports: int, links: Iterable[tuple[int, str]]) -> tuple[np.ndarray, list[str]]:
    """Component of each report and each linked event (reports first), and the events."""
    pairs = list(links)
    events = sorted({e for _, e in pairs})
    column = {e: n_reports + i for i, e in enumerate(events)}
    n = n_reports + len(events)
    rows = np.array([r for r, _ in pairs], int)
    cols = np.array([column[e] for _, e in pairs], int)
    graph = sp.csr_matrix((np.ones(len(pairs)), (rows, cols)), shape=(n, n))
    return connected_components(graph, directed=False)[1], events


def _items(reports: list, events: list, entity_idf: Callable[[str], float]) -> Items:
    """The similarity inputs of a block: its reports (weight 1), then earlier events."""

    def days(report_or_event) -> tuple[float, float]:
        dates = getattr(report_or_event, "days", None)
        if dates is None:
            dates = [d for d in (report_or_event.first_date, report_or_event.last_date) if d]
        if not dates:
            return np.nan, np.nan
        return min(dates).toordinal(), max(dates).toordinal()

    both = reports + events
    spans = np.array([days(x) for x in both], float).reshape(-1, 2)
    return Items(
        body=[x.body for x in both],
        title=[x.title for x in both],
        entities=[{e: c * entity_idf(e) for e, c in x.entities.items()} for x in both],
        numbers=[set(x.numbers) for x in reports] + [dict(e.numbers) for e in events],
        weights=np.array([1] * len(reports) + [max(e.n_articles, 1) for e in events], float),
        first_day=spans[:, 0],
        last_day=spans[:, 1],
    )


class Refined(NamedTuple):
    targets: dict[str, str]  # article_id -> earlier event_id, or founding article_id
    kept: set[str]  # streamed events of blocks too large to re-cluster, kept whole


def refined_targets(
    reports: list, near: dict[str, list[str]], earlier: dict, entity_idf, config
) -> Refined:
    """article_id -> the earlier event (an `earlier` key) the article joins, or the
    article_id founding its new event, and the streamed events kept whole. `reports` in
    arrival order; `near`: article_id -> the events the streaming pass linked it with
    (its own streamed event last); `earlier`: event_id -> the earlier runs' events as they
    were before this run."""
    links = ((i, e) for i, r in enumerate(reports) for e in near[r.article_id])
    component, events = _blocks(len(reports), links)
    by_block: dict[int, tuple[list[int], list[str]]] = {}
    component = component.tolist()  # Python ints: indexing NumPy one by one is slow
    for i in range(len(reports)):
        by_block.setdefault(component[i], ([], []))[0].append(i)
    for k, event_id in enumerate(events):
        if event_id in earlier:
            by_block.setdefault(component[len(reports) + k], ([], []))[1].append(event_id)
    weights = (config.weight_body, config.weight_title, config.weight_entities)
    weights += (config.weight_numbers,)
    targets: dict[str, str] = {}
    kept: set[str] = set()
    for members, old in by_block.values():
        block = [reports[i] for i in members]
        if len(members) + len(old) == 1:
            # Linked with no other article nor earlier event (most articles of a wire):
            # its own event, as the linkage of one item says, without building it.
            targets[block[0].article_id] = block[0].article_id
            continue
        if len(members) + len(old) > config.refine_block_items:
            targets |= _streamed_targets(block, near, earlier)
            kept |= {near[r.article_id][-1] for r in block}
            continue
        items = _items(block, [earlier[e] for e in old], entity_idf)
        similarity = similarity_matrix(items, weights, config)
        labels = average_linkage(similarity, items.weights, config.refine_threshold)
        targets |= _block_targets(block, old, labels, earlier)
    return Refined(targets, kept)


def _streamed_targets(block: list, near: dict[str, list[str]], earlier: dict) -> dict:
    """The streaming pass's groups of a block too large to re-cluster (on real wires, words
    like `pct` chain thousands of articles): each report's streamed event (the last of
    `near`), an earlier event or founded by its first report in arrival order. Leaving
    each report alone instead would leave the whole block to the merge."""
    founder: dict[str, str] = {}
    for report in block:
        streamed = near[report.article_id][-1]
        founder.setdefault(streamed, streamed if streamed in earlier else report.article_id)
    return {r.article_id: founder[near[r.article_id][-1]] for r in block}


def _block_targets(block: list, old: list[str], labels: np.ndarray, earlier: dict) -> dict:
    """The target of each report of a block from its cluster label: the cluster's
    earliest earlier event, else its first report."""
    founder: dict[int, str] = {}
    ranked = sorted(range(len(old)), key=lambda k: event_order(earlier[old[k]]))
    for k in ranked:
        founder.setdefault(labels[len(block) + k], old[k])
    for i, report in enumerate(block):
        founder.setdefault(labels[i], report.article_id)
    return {report.article_id: founder[labels[i]] for i, report in enumerate(block)}
