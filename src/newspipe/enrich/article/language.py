"""Language identification with py3langid's packaged model, as ISO 639-1 codes.

The model knows 142 labels, some of them ISO 639-3 (`pcm`, `ary`) or not languages at all
(`zxx`); `articles.language` is an ISO 639-1 code, so the model is restricted to the
two-letter ones. A text the model cannot place (an earnings table: `Shr 41 cts vs 38 cts`)
keeps a null language rather than a guess.
"""

from __future__ import annotations

from functools import lru_cache

import pyarrow as pa
from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Below this many letters a language guess is noise; the article keeps a null language.
MIN_LETTERS = 20
# Characters read from the start of a body: py3langid walks every byte in Python, and on
# the first 1,000 characters it agreed with the whole text on every BBC (2,225), Reuters
# (19,043) and sample-corpus article, at 2-3x the speed (600 characters missed 1 Reuters
# article, 300 characters 4).
SAMPLE_CHARS = 1000
# Below this probability the model has no language for the text: every Reuters earnings or
# price table scored under it (and was labelled `vo`, `da`, `sl`, ... without it), every BBC
# and sample-corpus article scored over 0.99.
MIN_CONFIDENCE = 0.2


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """An identifier of our own (py3langid's module-level one is shared with any other
    user in the process), restricted to ISO 639-1 codes."""
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.labels if len(code) == 2])
    return identifier


def detect_language(body: str | None) -> str | None:
    """ISO 639-1 code of one body; null when it is too short or the model is unsure."""
    sample = (body or "")[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return code if probability >= MIN_CONFIDENCE else None


def detect_languages(bodies: pa.Array | pa.ChunkedArray) -> pa.Array:
    """ISO 639-1 code per body; null for bodies too short to tell or that the model
    cannot place."""
    return pa.array([detect_language(body) for body in bodies.to_pylist()], pa.string())
