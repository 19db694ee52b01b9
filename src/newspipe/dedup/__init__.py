"""Deduplicate: the third stage of the flow, grouping copies of one story.

`content_hashes` fingerprints each article's body after normalisation (case, white space,
punctuation and quote styles folded), so exact copies published with other chrome or
typography share a hash. `assign_duplicate_groups` then groups every article the warehouse
knows, old and new, in DuckDB: one `dup_group_id` per story, one canonical copy per group
(earliest published, then longest body, then smallest article_id), and the audit rows for
the `duplicates` table. Grouping over the whole history is what makes a group grow across
runs and keeps ids independent of how the input was split.
"""

import pyarrow as pa
import pyarrow.compute as pc

from newspipe.dedup.exact import assign_duplicate_groups, content_hashes

__all__ = ["assign_duplicate_groups", "content_hashes", "deduplicate", "duplicate_rows"]

_INDEX_COLUMNS = ["article_id", "content_hash", "published_date", "n_words"]


def deduplicate(new_articles: pa.Table, published_index: pa.Table) -> tuple[pa.Table, pa.Table]:
    """Hash this run's articles and group them with everything published before.

    Returns (new_articles with `content_hash`, groups for every article old and new).
    """
    new_articles = new_articles.append_column("content_hash", content_hashes(new_articles["body"]))
    index = pa.concat_tables(
        [
            published_index.select(_INDEX_COLUMNS).cast(new_articles.select(_INDEX_COLUMNS).schema),
            new_articles.select(_INDEX_COLUMNS),
        ]
    )
    return new_articles, assign_duplicate_groups(index)


def duplicate_rows(groups: pa.Table) -> pa.Table:
    """The `duplicates` audit: the rows of groups with two or more articles."""
    return groups.filter(pc.greater_equal(groups["group_size"], 2)).drop_columns(["is_canonical"])
