"""Exact duplicates: bodies equal after normalisation, grouped in DuckDB."""

from __future__ import annotations

import hashlib

import pyarrow as pa
import pyarrow.compute as pc

from newspipe.sqlfiles import run_sql

HASH_HEX_DIGITS = 16
# Punctuation (\p{P}, which covers every quote style) and symbols carry no wording.
_NON_WORD = r"[\p{P}\p{S}]+"


def normalise_for_matching(bodies: pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    """Fold compatibility forms, case, punctuation, quote styles and white space."""
    text = pc.utf8_normalize(bodies, form="NFKC")
    text = pc.utf8_lower(text)
    text = pc.replace_substring_regex(text, _NON_WORD, " ")
    text = pc.replace_substring_regex(text, r"\s+", " ")
    return pc.utf8_trim_whitespace(text)


def content_hashes(bodies: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One hash per body; equal for bodies that differ only in what normalisation folds."""
    normalised = normalise_for_matching(bodies).to_pylist()
    return pa.array(
        [hashlib.sha256(t.encode()).hexdigest()[:HASH_HEX_DIGITS] for t in normalised],
        pa.string(),
    )


def assign_duplicate_groups(index: pa.Table) -> pa.Table:
    """Group articles by content hash.

    `index` holds every article of the corpus (article_id, content_hash, published_date,
    n_words). Returns one row per article: article_id, dup_group_id, dup_of (the canonical
    article_id), is_canonical, method, similarity, group_size.
    """
    return run_sql("newspipe.dedup", "duplicate_groups", article_index=index)
