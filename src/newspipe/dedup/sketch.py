"""Per-batch fingerprints of articles: the part of dedup that the flow maps over batches.

For each article of a batch, without a Python loop over words or shingles: the content hash
of the normalised body (exact copies), a one-permutation MinHash signature of its word
shingles with optimal densification (near copies), the LSH band hashes of that signature,
and a hash per paragraph (reused paragraphs). Tokens are split by pyarrow, each distinct
token of the batch is hashed once from its UTF-8 bytes in NumPy, and shingles, bins and
bands are NumPy array arithmetic. Every hash is seeded and independent of the batch, so an
article gets the same fingerprints in any batch and any run; that is what lets the
warehouse keep them and later runs compare against them without recomputing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newspipe.config import DedupConfig
from newspipe.dedup.exact import hex_digests, words
from newspipe.dedup.tables import (
    BAND_HASHES_SCHEMA,
    PARAGRAPH_HASHES_SCHEMA,
    article_signatures_schema,
)

_U64 = np.uint64
# Odd multipliers for polynomial hashing of byte and token sequences (FNV-1 64 prime and a
# large odd constant); the splitmix64 finaliser then spreads the bits.
_BYTE_BASE = _U64(0x100000001B3)
_TOKEN_BASE = _U64(0x9E3779B97F4A7C15)
_EMPTY_BIN = np.uint32(0xFFFFFFFF)
# The contract joins paragraphs with a blank line; a literal split is far faster than a
# regex, and a white-space-only "paragraph" normalises to nothing anyway.
_PARAGRAPH_BREAK = "\n\n"
# Optimal densification tries donor bins in a fixed pseudo-random order; with 2,048 tries a
# bin stays empty only when the article has almost no shingles (p < 1e-7 for one filled bin
# of 128).
_DENSIFY_TRIES = 2048

INDEX_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("content_hash", pa.string()),
        ("published_date", pa.date32()),
        ("n_words", pa.int32()),
    ]
)


@dataclass(frozen=True)
class ArticleSketches:
    """What dedup keeps of a batch of articles; no bodies.

    `index`: article_id, content_hash, published_date, n_words, in the batch's row order.
    `signatures`, `band_hashes`, `paragraph_hashes`: the state tables (dedup/tables.py).
    """

    index: pa.Table
    signatures: pa.Table
    band_hashes: pa.Table
    paragraph_hashes: pa.Table

    @staticmethod
    def concat(parts: list[ArticleSketches]) -> ArticleSketches:
        """One run's sketches from its batches' (the global step takes the whole run)."""
        return ArticleSketches(
            *(
                pa.concat_tables([getattr(p, f.name) for p in parts])
                for f in fields(ArticleSketches)
            )
        )


def mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: a bijection on uint64 that makes every output bit depend on
    every input bit."""
    x = x ^ (x >> _U64(30))
    x = x * _U64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> _U64(27))
    x = x * _U64(0x94D049BB133111EB)
    return x ^ (x >> _U64(31))


def _powers(base: np.uint64, n: int) -> np.ndarray:
    """base**0 .. base**(n-1) modulo 2**64."""
    powers = np.full(max(n, 1), base, dtype=_U64)
    powers[0] = 1
    return np.cumprod(powers, dtype=_U64)


def _segment_poly_hash(values: np.ndarray, starts: np.ndarray, base: np.uint64) -> np.ndarray:
    """Polynomial hash of each segment values[starts[i]:starts[i+1]]; segments non-empty."""
    if not len(starts):
        return np.empty(0, _U64)
    lengths = np.diff(np.append(starts, len(values)))
    position = np.arange(len(values)) - np.repeat(starts, lengths)
    weighted = values * _powers(base, int(lengths.max(initial=1)))[position]
    return mix64(np.add.reduceat(weighted, starts) ^ lengths.astype(_U64))


def hash_strings(strings: pa.Array) -> np.ndarray:
    """A 64-bit hash of each non-empty string's UTF-8 bytes, the same in every process."""
    strings = strings.cast(pa.large_string())
    offsets = np.frombuffer(strings.buffers()[1], np.int64)[
        strings.offset : strings.offset + len(strings) + 1
    ]
    data = np.frombuffer(strings.buffers()[2], np.uint8)[offsets[0] : offsets[-1]]
    return _segment_poly_hash(data.astype(_U64), offsets[:-1] - offsets[0], _BYTE_BASE)


def _list_positions(lists: pa.ListArray | pa.LargeListArray) -> np.ndarray:
    """1-based position of every flattened element within its list."""
    parents = pc.list_parent_indices(lists).to_numpy()
    offsets = lists.offsets.to_numpy()
    return np.arange(len(parents)) - (offsets[parents] - offsets[0]) + 1


@cache
def _donor_bins(num_perm: int, seed: int) -> np.ndarray:
    """For each bin, the bins an empty one borrows from, in order (optimal densification:
    the order depends only on the bin, so two articles with the same filled bins borrow
    alike and a borrowed value collides with probability equal to the Jaccard)."""
    return np.random.default_rng(seed).integers(0, num_perm, (num_perm, _DENSIFY_TRIES))


def minhash_signatures(
    shingles: np.ndarray, shingle_article: np.ndarray, n_articles: int, config: DedupConfig
) -> tuple[np.ndarray, np.ndarray]:
    """One-permutation MinHash: each shingle's seeded hash picks a bin and a value, each bin
    keeps its minimum, and empty bins are filled by optimal densification.

    Costs one hash per shingle instead of num_perm. Returns (signatures uint32
    [n_articles, num_perm], has_signature bool [n_articles]).
    """
    k = config.num_perm
    hashed = mix64(shingles ^ mix64(np.full(1, config.seed, _U64)))
    bins = ((hashed >> _U64(32)) * _U64(k)) >> _U64(32)
    keys = shingle_article.astype(np.int64) * k + bins.astype(np.int64)
    signatures = np.full(n_articles * k, _EMPTY_BIN, dtype=np.uint32)
    np.minimum.at(signatures, keys, (hashed & _U64(0xFFFFFFFF)).astype(np.uint32))
    filled = np.zeros(n_articles * k, dtype=bool)
    filled[keys] = True
    has_signature = filled.reshape(n_articles, k).any(axis=1)

    empty = np.flatnonzero(~filled & np.repeat(has_signature, k))
    donors = _donor_bins(k, config.seed)
    for attempt in range(_DENSIFY_TRIES):
        if not len(empty):
            break
        source = empty - empty % k + donors[empty % k, attempt]
        found = filled[source]
        signatures[empty[found]] = signatures[source[found]]
        empty = empty[~found]
    return signatures.reshape(n_articles, k), has_signature


def band_buckets(signatures: np.ndarray, config: DedupConfig) -> np.ndarray:
    """Hash of each band's `rows` values: [n_articles, bands] int64."""
    buckets = np.empty((len(signatures), config.bands), dtype=_U64)
    for band in range(config.bands):
        acc = np.full(len(signatures), band + 1, dtype=_U64)
        for column in range(band * config.rows, (band + 1) * config.rows):
            acc = mix64(acc ^ signatures[:, column].astype(_U64))
        buckets[:, band] = acc
    return buckets.view(np.int64)


def _shingles(
    token_hashes: np.ndarray, token_article: np.ndarray, n_tokens: np.ndarray, size: int
) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of the `size`-word windows that lie within one article, and their articles."""
    n_windows = len(token_hashes) - size + 1
    if n_windows <= 0:
        return np.empty(0, _U64), np.empty(0, np.int64)
    acc = np.zeros(n_windows, dtype=_U64)
    for offset in range(size):
        acc = acc * _TOKEN_BASE + token_hashes[offset : offset + n_windows]
    article = token_article[:n_windows]
    starts = np.concatenate([[0], np.cumsum(n_tokens)[:-1]])
    inside = np.arange(n_windows) - starts[article] + size <= n_tokens[article]
    return mix64(acc[inside]), article[inside]


def sketch_articles(articles: pa.Table, config: DedupConfig) -> ArticleSketches:
    """Fingerprint a batch: `articles` needs article_id, body, published_date, n_words."""
    n = articles.num_rows
    ids = articles["article_id"].combine_chunks()
    paragraphs = pc.split_pattern(articles["body"].combine_chunks(), _PARAGRAPH_BREAK)
    paragraph_article = pc.list_parent_indices(paragraphs).to_numpy()
    paragraph_no = _list_positions(paragraphs)

    tokens = words(paragraphs.flatten())
    tokens = tokens.combine_chunks() if isinstance(tokens, pa.ChunkedArray) else tokens
    token_paragraph = pc.list_parent_indices(tokens).to_numpy()
    flat_tokens = tokens.flatten()
    # Splitting leaves "" at the ends of a paragraph; it is not a word.
    is_word = pc.greater(pc.binary_length(flat_tokens), 0)
    flat_tokens = flat_tokens.filter(is_word)
    token_paragraph = token_paragraph[is_word.to_numpy(zero_copy_only=False)]
    token_article = paragraph_article[token_paragraph]

    # Hash each distinct word of the batch once; articles repeat most words many times.
    encoded = pc.dictionary_encode(flat_tokens)
    token_hashes = hash_strings(encoded.dictionary)[encoded.indices.to_numpy()]
    n_tokens = np.bincount(token_article, minlength=n)
    token_offsets = pa.array(np.concatenate([[0], np.cumsum(n_tokens)]).astype(np.int32))

    shingles, shingle_article = _shingles(
        token_hashes, token_article, n_tokens, config.shingle_size
    )
    signatures, has_signature = minhash_signatures(shingles, shingle_article, n, config)
    buckets = band_buckets(signatures, config)

    signed = np.flatnonzero(has_signature)
    band_rows = pa.table(
        {
            "article_id": ids.take(np.repeat(signed, config.bands)),
            "band": np.tile(np.arange(config.bands, dtype=np.int16), len(signed)),
            "bucket": buckets[signed].ravel(),
        },
        schema=BAND_HASHES_SCHEMA,
    )
    signature_values = pa.FixedSizeListArray.from_arrays(
        pa.array(signatures.ravel()), config.num_perm, mask=pa.array(~has_signature)
    )
    signature_rows = pa.table(
        {
            "article_id": ids,
            "n_tokens": n_tokens.astype(np.int32),
            "signature": signature_values,
        },
        schema=article_signatures_schema(config.num_perm),
    )

    paragraph_rows = _paragraph_rows(
        ids, token_hashes, token_paragraph, paragraph_article, paragraph_no, config
    )
    index = pa.table(
        {
            "article_id": ids,
            "content_hash": hex_digests(
                pc.binary_join(pa.ListArray.from_arrays(token_offsets, flat_tokens), " ")
            ),
            "published_date": articles["published_date"],
            "n_words": articles["n_words"],
        }
    ).cast(INDEX_SCHEMA)
    return ArticleSketches(index, signature_rows, band_rows, paragraph_rows)


def _paragraph_rows(
    ids: pa.Array,
    token_hashes: np.ndarray,
    token_paragraph: np.ndarray,
    paragraph_article: np.ndarray,
    paragraph_no: np.ndarray,
    config: DedupConfig,
) -> pa.Table:
    """One row per paragraph of at least min_paragraph_words words."""
    paragraphs, starts, words = np.unique(token_paragraph, return_index=True, return_counts=True)
    para_hashes = _segment_poly_hash(token_hashes, starts, _TOKEN_BASE)
    long_enough = words >= config.min_paragraph_words
    kept = paragraphs[long_enough]
    return pa.table(
        {
            "article_id": ids.take(paragraph_article[kept]),
            "paragraph_no": paragraph_no[kept].astype(np.int32),
            "para_hash": para_hashes[long_enough].view(np.int64),
            "n_words": words[long_enough].astype(np.int32),
        },
        schema=PARAGRAPH_HASHES_SCHEMA,
    )
