"""Deduplicate: the dedup stage of the flow, between enrich and events.

Three levels. Exact copies share a `content_hash` of the normalised body (case, white space,
punctuation and quote styles folded). Near copies (a syndicated story with another
headline, a paragraph dropped or added, words edited) are found by MinHash over word
shingles with LSH banding. Reused paragraphs are found by hashing normalised paragraphs.
The work is split in two so that the flow can map the first over batches:
`sketch_articles` (per batch) fingerprints articles; `assign_groups` (once per run) joins
the run's fingerprints with the stored ones that can match them (fetched by the warehouse
with sql/candidate_*.sql), builds the duplicate groups as connected components, picks one
canonical copy per group (earliest published, then longest body, then smallest
article_id) and finds paragraph copies. Fingerprints are kept in the warehouse, so a later
run compares against earlier articles without recomputing them.
"""

import pyarrow as pa

from newspipe.config import DedupConfig
from newspipe.dedup.exact import content_hashes, normalise_for_matching
from newspipe.dedup.groups import (
    DedupHistory,
    DedupResult,
    assign_groups,
    duplicate_rows,
    original_shares,
    paragraph_copies,
)
from newspipe.dedup.sketch import ArticleSketches, sketch_articles

__all__ = [
    "ArticleSketches",
    "DedupConfig",
    "DedupHistory",
    "DedupResult",
    "assign_groups",
    "content_hashes",
    "deduplicate",
    "duplicate_rows",
    "normalise_for_matching",
    "original_shares",
    "paragraph_copies",
    "sketch_articles",
]


def deduplicate(
    articles: pa.Table, history: DedupHistory, config: DedupConfig, batch_size: int = 1000
) -> tuple[ArticleSketches, DedupResult]:
    """Both parts in one process, batch by batch: for tests, benchmarks and small runs."""
    sketches = ArticleSketches.concat(
        [
            sketch_articles(articles.slice(start, batch_size), config)
            for start in range(0, max(articles.num_rows, 1), batch_size)
        ]
    )
    return sketches, assign_groups(sketches, history, config)
