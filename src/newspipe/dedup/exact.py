"""Normalisation shared by every dedup level, and the content hash of exact copies."""

from __future__ import annotations

import hashlib

import pyarrow as pa
import pyarrow.compute as pc

HASH_HEX_DIGITS = 16
# Punctuation (\p{P}, which covers every quote style) and symbols carry no wording.
_NON_WORD = r"[\p{P}\p{S}]+"


def words(text: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """The words of each text after folding compatibility forms, case, punctuation and quote
    styles: a list per text, possibly with empty strings at its ends. Splitting on white
    space rather than collapsing it with a regex is most of this function's speed."""
    text = pc.utf8_normalize(text, form="NFKC")
    text = pc.utf8_lower(text)
    text = pc.replace_substring_regex(text, _NON_WORD, " ")
    return pc.ascii_split_whitespace(text)


def normalise_for_matching(text: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """The folded words of each text joined by single spaces."""
    return pc.utf8_trim_whitespace(pc.binary_join(words(text), " "))


def hex_digests(normalised: pa.Array | pa.ChunkedArray) -> pa.Array:
    """SHA-256 (first 16 hex digits) of each normalised text. SHA-256 rather than the 64-bit
    sketch hashes: `content_hash` is stored in `articles` and read as an identity of the
    text, so collisions must be out of the question."""
    return pa.array(
        [hashlib.sha256(t.encode()).hexdigest()[:HASH_HEX_DIGITS] for t in normalised.to_pylist()],
        pa.string(),
    )


def content_hashes(bodies: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One hash per body; equal for bodies that differ only in what normalisation folds."""
    return hex_digests(normalise_for_matching(bodies))
