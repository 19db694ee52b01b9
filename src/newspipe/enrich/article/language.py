"""Language identification with py3langid's packaged model, as ISO 639-1 codes.

The model knows 142 labels, some of them ISO 639-3 (`pcm`, `ary`) or not languages at all
(`zxx`); `articles.language` is an ISO 639-1 code, so the model is restricted to the
two-letter ones. A text the model cannot place (an earnings table: `Shr 41 cts vs 38 cts`)
keeps a null language rather than a guess.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import numpy as np
import pyarrow as pa
from py3langid.langid import MODEL_FILE, LanguageIdentifier
from scipy.sparse import coo_matrix, csr_matrix

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
    return detect_languages(pa.array([body], pa.string()))[0].as_py()


def _samples(bodies: list[str | None]) -> list[str | None]:
    """The text the model reads of each body, None where it has too few letters."""
    samples = []
    for body in bodies:
        sample = (body or "")[:SAMPLE_CHARS]
        samples.append(sample if sum(ch.isalpha() for ch in sample) >= MIN_LETTERS else None)
    return samples


def _encoded(sample: str) -> bytes:
    """The bytes py3langid reads of a text (LanguageIdentifier._encode)."""
    if sample.isupper():
        sample = sample.lower()
    return unicodedata.normalize("NFC", sample).encode("utf8", errors="surrogatepass")


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The identifier's byte automaton as arrays (next state by row and byte, each state's
    row offset, the feature each state emits or -1) and its per-feature log probabilities
    as float32, for scoring a batch at once."""
    identifier = _identifier()
    nextmove = np.frombuffer(identifier.tk_nextmove, f"u{identifier.tk_nextmove.itemsize}")
    rowbase = np.asarray(identifier.tk_row, np.int64) << 8
    output = np.asarray(identifier.tk_output, np.int64)
    return nextmove, rowbase, output, np.asarray(identifier.nb_ptc, np.float32)


def _features(texts: list[bytes]) -> csr_matrix:
    """Feature counts per text (rows), from walking the automaton over all texts at once,
    one byte position at a time (the texts longest first, so the ones still read at a
    position are the first rows)."""
    nextmove, rowbase, output, ptc = _tables()
    order = np.argsort([-len(t) for t in texts], kind="stable")
    lengths = np.array([len(texts[i]) for i in order], np.int64)
    width = int(lengths[0])
    grid = np.zeros((len(texts), width), np.uint8)
    for row, i in enumerate(order):
        grid[row, : lengths[row]] = np.frombuffer(texts[i], np.uint8)
    reading = np.searchsorted(-lengths, -np.arange(width), side="left")
    emitted = np.full((len(texts), width), -1, np.int32)
    states = np.zeros(len(texts), np.int64)
    for position in range(width):
        k = reading[position]
        states[:k] = nextmove[rowbase[states[:k]] + grid[:k, position]]
        emitted[:k, position] = output[states[:k]]
    rows, positions = np.nonzero(emitted >= 0)
    counts = coo_matrix(
        (np.ones(len(rows), np.float32), (order[rows], emitted[rows, positions])),
        shape=(len(texts), ptc.shape[0]),
    )
    return counts.tocsr()


def probabilities(samples: list[str]) -> np.ndarray:
    """The model's probability of each of its labels (columns, `nb_classes`; a label's
    script variant folded into its first column) for each text, scored at once as
    LanguageIdentifier.classify scores one text: naive Bayes over the counts of the
    features its automaton finds."""
    identifier = _identifier()
    texts = [_encoded(sample) for sample in samples]
    counts = _features(texts)
    counts.data = np.log1p(counts.data)
    scores = np.asarray(counts @ _tables()[3]) + identifier.nb_pc
    # Texts without a feature score 0.0 for every language (uniform: no language).
    scores[np.diff(counts.indptr) == 0] = 0.0
    # py3langid's temperature: sqrt(bytes), so that the softmax is calibrated across lengths.
    scores *= (1.0 / np.sqrt(np.maximum([len(t) for t in texts], 1))).astype(np.float32)[:, None]
    scores = np.exp(scores - scores.max(axis=1, keepdims=True))
    scores /= scores.sum(axis=1, keepdims=True)
    for first, duplicate in identifier._alias_pairs:
        scores[:, first] += scores[:, duplicate]
        scores[:, duplicate] = 0.0
    return scores


def detect_languages(bodies: pa.Array | pa.ChunkedArray) -> pa.Array:
    """ISO 639-1 code per body; null for bodies too short to tell or that the model
    cannot place. The batch is scored at once (`probabilities`)."""
    samples = _samples(bodies.to_pylist())
    read = [i for i, sample in enumerate(samples) if sample is not None]
    codes: list[str | None] = [None] * len(samples)
    if not read:
        return pa.array(codes, pa.string())
    scores = probabilities([samples[i] for i in read])
    best = scores.argmax(axis=1)
    classes = _identifier().nb_classes
    for row, i in enumerate(read):
        if scores[row, best[row]] >= MIN_CONFIDENCE:
            codes[i] = classes[best[row]]
    return pa.array(codes, pa.string())
