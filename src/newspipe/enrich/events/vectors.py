"""Sparse weight vectors (term -> weight dicts) as the event clusterer compares them:
norms, cosines, overlaps and capped sums. Plain dicts, since a centroid keeps a few hundred
of a vocabulary of hundreds of thousands and an article a few dozen."""

from __future__ import annotations

import math
from collections import Counter


def norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vector.values())) or 1.0


def cosine(vector: dict[str, float], centroid: dict[str, float], centroid_norm: float) -> float:
    """Cosine of a unit vector with a centroid of norm `centroid_norm`, walking the shorter
    side (a longer report is divided by its own norm, as the clusterer was tuned)."""
    if len(vector) > len(centroid):
        vector, centroid, centroid_norm = centroid, vector, norm(vector)
    return sum(v * centroid.get(w, 0.0) for w, v in vector.items()) / centroid_norm


def overlap(a: Counter | set, b: Counter | set) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    # Walks the smaller side only: an event's numbers grow with every report it takes.
    return sum(1 for x in a if x in b) / len(a)


def add(centroid: dict[str, float], vector: dict[str, float], keep: int) -> dict[str, float]:
    merged = dict(centroid)
    for w, v in vector.items():
        merged[w] = merged.get(w, 0.0) + v
    if len(merged) > keep:
        merged = dict(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
    return merged


def cosine_both(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    norms = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norms if norms else 0.0
