"""Average linkage over weighted items, and the similarity matrix it cuts, for the batch
refinement of a run's events (refine.py).

An item is an article of the run (weight 1) or an event of an earlier run (weight: its
number of articles, its centroids the sums of their vectors). The similarity of two items
is the streaming clusterer's weighted signals: body and title TF-IDF dot products divided
by both weights (for an article against an earlier event, the mean cosine of the article
with that event's articles), the cosine of IDF-weighted entities, the overlap of salient
numbers, and the date penalty. Everything is vectorised: sparse products for the signals,
dense rows for the linkage.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp


@dataclass(frozen=True)
class Items:
    """What the similarity of items is computed from, one entry per item."""

    body: list[dict[str, float]]
    title: list[dict[str, float]]
    entities: list[dict[str, float]]  # IDF-weighted entity counts
    numbers: list[set[str] | dict[str, int]]  # an event's: articles per number
    weights: np.ndarray  # articles per item
    first_day: np.ndarray  # day ordinals; NaN for an item without dates
    last_day: np.ndarray


def _rows(vectors: list[dict], unit: bool) -> sp.csr_matrix:
    """Sparse rows of `vectors` over their joint vocabulary, scaled to unit length if
    `unit`."""
    vocabulary: dict[str, int] = {}
    cols = [vocabulary.setdefault(term, len(vocabulary)) for v in vectors for term in v]
    rows = np.repeat(np.arange(len(vectors)), [len(v) for v in vectors])
    values = np.fromiter((w for v in vectors for w in v.values()), float, len(cols))
    matrix = sp.csr_matrix((values, (rows, cols)), shape=(len(vectors), len(vocabulary)))
    if unit:
        lengths = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        matrix = sp.diags(1 / np.where(lengths > 0, lengths, 1.0)) @ matrix
    return matrix


def _dots(vectors: list[dict], weights: np.ndarray | None) -> np.ndarray:
    """Pairwise dot products: divided by both weights (`weights`), or cosines (None)."""
    matrix = _rows(vectors, unit=weights is None)
    if weights is not None:
        matrix = sp.diags(1 / weights) @ matrix
    return (matrix @ matrix.T).toarray()


def _overlaps(numbers: list, weights: np.ndarray) -> np.ndarray:
    """Shared numbers over the smaller side's count, as the streaming clusterer scores,
    per article: an earlier event's numbers count the articles that give each, so an
    article against it scores about the mean of its overlaps with those articles, not
    its overlap with all their numbers together (which made a run's articles join an
    earlier event more readily than the same articles in one run)."""
    counted = [n if isinstance(n, dict) else dict.fromkeys(n, 1) for n in numbers]
    matrix = _rows([{k: float(c) for k, c in n.items()} for n in counted], unit=False)
    matrix = sp.diags(1 / weights) @ matrix
    shared = (matrix @ matrix.T).toarray()
    per_article = np.asarray(matrix.sum(axis=1)).ravel()
    smaller = np.minimum.outer(per_article, per_article)
    return np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)


def _date_penalty(items: Items, window_days: int, time_scale_days: float) -> np.ndarray:
    """exp(-(days apart - 1) / scale) between dated items, zero beyond the window, one
    where either has no dates."""
    before = np.subtract.outer(items.first_day, items.last_day)
    apart = np.maximum(np.maximum(before, before.T), 0)
    penalty = np.exp(-np.maximum(apart - 1, 0) / time_scale_days)
    penalty[apart > window_days] = 0.0
    return np.where(np.isnan(apart), 1.0, penalty)


def similarity_matrix(
    items: Items, weights: tuple[float, float, float, float], config
) -> np.ndarray:
    """The streaming signals between every two items, weighted (body, title, entities,
    numbers) and discounted by the days apart (`config`: an EventConfig)."""
    w_body, w_title, w_entities, w_numbers = weights
    similarity = (
        w_body * _dots(items.body, items.weights)
        + w_title * _dots(items.title, items.weights)
        + w_entities * _dots(items.entities, None)
        + w_numbers * _overlaps(items.numbers, items.weights)
    )
    return similarity * _date_penalty(items, config.window_days, config.time_scale_days)


def average_linkage(similarity: np.ndarray, weights: np.ndarray, threshold: float) -> np.ndarray:
    """Cluster labels (the smallest item index of each cluster) of weighted average
    linkage (UPGMA) cut where the mean similarity between two clusters falls below
    `threshold`.

    Nearest-neighbour chains: follow each cluster to its most similar one until two are
    each other's nearest, merge them, carry on. Average linkage never makes a cluster
    more similar to a third than the nearer of its parts was, so the merges are those of
    the textbook algorithm, and an item whose nearest is below the threshold is final."""
    n = len(weights)
    sim = similarity.astype(float, copy=True)
    np.fill_diagonal(sim, -np.inf)
    size = weights.astype(float, copy=True)
    active = np.ones(n, bool)
    parent = np.arange(n)
    chain: list[int] = []
    while active.any():
        if not chain:
            chain.append(int(np.flatnonzero(active)[0]))
        top = chain[-1]
        row = np.where(active, sim[top], -np.inf)
        nearest = int(np.argmax(row))
        if len(chain) > 1 and row[chain[-2]] >= row[nearest]:
            nearest = chain[-2]  # ties go back down the chain, which ends it
        if row[nearest] < threshold:
            active[top] = False
            chain.pop()
            continue
        if len(chain) < 2 or nearest != chain[-2]:
            chain.append(nearest)
            continue
        chain.pop(), chain.pop()
        keep, gone = min(top, nearest), max(top, nearest)
        merged = (size[keep] * sim[keep] + size[gone] * sim[gone]) / (size[keep] + size[gone])
        sim[keep], sim[:, keep] = merged, merged
        sim[keep, keep] = -np.inf
        size[keep] += size[gone]
        active[gone] = False
        parent[parent == gone] = keep
    return parent
