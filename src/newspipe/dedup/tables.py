"""Arrow schemas of the dedup stage's stored state and of its paragraph audit.

The warehouse tables are declared in newspipe.schema with every other table; this module
names their schemas for the dedup code and adds the in-memory ones.

`sketch_articles` (per batch) produces the three state tables, which the warehouse appends
once per run and never rewrites: a later run fetches from them only the rows that can match
its own articles (see sql/candidate_*.sql) instead of recomputing anything. `paragraph_copies`
is recomputed for the paragraph hashes a run touches, like `duplicates`.
"""

from __future__ import annotations

import pyarrow as pa

from newspipe.schema import (
    ARTICLE_SIGNATURES,
    BAND_HASHES,
    PARAGRAPH_COPIES,
    PARAGRAPH_HASHES,
    _field,
)


def signature_type(num_perm: int) -> pa.DataType:
    """One MinHash value (uint32) per bin; the list length is DedupConfig.num_perm."""
    return pa.list_(pa.uint32(), num_perm)


def article_signatures_schema(num_perm: int) -> pa.Schema:
    index = ARTICLE_SIGNATURES.schema.get_field_index("signature")
    field = ARTICLE_SIGNATURES.schema.field(index)
    return ARTICLE_SIGNATURES.schema.set(index, field.with_type(signature_type(num_perm)))


BAND_HASHES_SCHEMA = BAND_HASHES.schema
PARAGRAPH_HASHES_SCHEMA = PARAGRAPH_HASHES.schema
PARAGRAPH_COPIES_SCHEMA = PARAGRAPH_COPIES.schema

ORIGINAL_SHARE_SCHEMA = pa.schema(
    [
        _field("article_id", pa.string(), "The article.", contract=False, nullable=False),
        _field(
            "original_share",
            pa.float64(),
            "Share of the article's words in paragraphs it did not copy from an earlier "
            "article (1.0 when nothing was copied).",
            contract=False,
            nullable=False,
        ),
    ]
)
