"""Language identification with py3langid's packaged model."""

from __future__ import annotations

import py3langid
import pyarrow as pa

# Below this many letters a language guess is noise; the article keeps a null language.
MIN_LETTERS = 20


def detect_languages(bodies: pa.Array | pa.ChunkedArray) -> pa.Array:
    """ISO 639-1 code per body; null for bodies too short to tell."""
    codes = []
    for body in bodies.to_pylist():
        letters = sum(ch.isalpha() for ch in body or "")
        codes.append(py3langid.classify(body)[0] if letters >= MIN_LETTERS else None)
    return pa.array(codes, pa.string())
