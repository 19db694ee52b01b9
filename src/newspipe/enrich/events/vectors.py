"""Sparse weight vectors (term -> weight dicts) as the event clusterer compares them:
norms, cosines, overlaps and capped sums. Plain dicts, since a centroid keeps a few hundred
of a vocabulary of hundreds of thousands and an article a few dozen."""

from __future__ import annotations

import math
from collections import Counter
from operator import mul


def norm(vector: dict[str, float]) -> float:
    values = vector.values()
    return math.sqrt(sum(map(mul, values, values))) or 1.0


def cosine(
    vector: dict[str, float],
    centroid: dict[str, float],
    centroid_norm: float,
    vector_norm: float | None = None,
) -> float:
    """Cosine of a unit vector with a centroid of norm `centroid_norm`, walking the shorter
    side (a longer report is divided by its own norm, `vector_norm` if known, as the
    clusterer was tuned)."""
    if len(vector) > len(centroid):
        centroid_norm = norm(vector) if vector_norm is None else vector_norm
    return dot(vector, centroid) / centroid_norm


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product, walking the shorter side; terms the other side lacks are skipped, not
    multiplied by zero (the same sum, twice as fast)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[w] for w, v in a.items() if w in b)


def overlap(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    # The intersection walks the smaller side only: an event's numbers grow with every
    # report it takes.
    return len(a.keys() & b.keys()) / len(a)


def add(centroid: dict[str, float], vector: dict[str, float], keep: int) -> dict[str, float]:
    merged = dict(centroid)
    for w, v in vector.items():
        merged[w] = merged.get(w, 0.0) + v
    if len(merged) > keep:
        # By weight, then term: terms sorted, then stably by weight (no Python key call).
        ranked = sorted(sorted(merged), key=merged.__getitem__, reverse=True)[:keep]
        merged = {w: merged[w] for w in ranked}
    return merged
