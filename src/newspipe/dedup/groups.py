"""The global part of dedup: run once per run over the run's sketches and what the warehouse
kept of earlier runs.

Candidate pairs come from a DuckDB join on (band, bucket) over this run's band rows and the
stored rows that share a bucket with them; their Jaccard is estimated from the signatures
(vectorised), pairs at or above the threshold plus pairs with equal content hashes plus the
existing groups of earlier articles are the edges, and the connected components are the
duplicate groups. An edge depends only on its two articles, and each pair is judged when the
later of the two arrives, so the groups do not depend on batch size or on how the input was
split into runs. Paragraph copies are found the same way, by paragraph hash.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy.sparse import coo_array
from scipy.sparse.csgraph import connected_components

from newspipe.config import DedupConfig
from newspipe.dedup.sketch import ArticleSketches
from newspipe.dedup.tables import (
    BAND_HASHES_SCHEMA,
    ORIGINAL_SHARE_SCHEMA,
    PARAGRAPH_COPIES_SCHEMA,
    PARAGRAPH_HASHES_SCHEMA,
    article_signatures_schema,
)
from newspipe.sqlfiles import run_sql

_INDEX_COLUMNS = ["article_id", "content_hash", "published_date", "n_words"]
# Pairs are scored in slices so the gathered signatures stay small (400k x 128 x 4 B at most).
_PAIRS_PER_SLICE = 200_000

DUPLICATES_COLUMNS = ["article_id", "dup_group_id", "dup_of", "method", "similarity", "group_size"]


@dataclass(frozen=True)
class DedupHistory:
    """What earlier runs left that this run's grouping needs (see sql/candidate_*.sql).

    `published_index`: every earlier article (article_id, content_hash, published_date,
    n_words, dup_group_id); `candidate_bands`, `candidate_signatures`,
    `candidate_paragraphs`: the stored state rows that can match this run;
    `duplicates`, `paragraph_copies`: the tables as the previous run left them.
    """

    published_index: pa.Table
    candidate_bands: pa.Table
    candidate_signatures: pa.Table
    candidate_paragraphs: pa.Table
    duplicates: pa.Table
    paragraph_copies: pa.Table

    @staticmethod
    def empty(config: DedupConfig) -> DedupHistory:
        """The history of an empty warehouse."""
        return DedupHistory(
            published_index=pa.schema(
                [
                    ("article_id", pa.string()),
                    ("content_hash", pa.string()),
                    ("published_date", pa.date32()),
                    ("n_words", pa.int32()),
                    ("dup_group_id", pa.string()),
                ]
            ).empty_table(),
            candidate_bands=BAND_HASHES_SCHEMA.empty_table(),
            candidate_signatures=article_signatures_schema(config.num_perm).empty_table(),
            candidate_paragraphs=PARAGRAPH_HASHES_SCHEMA.empty_table(),
            duplicates=pa.schema(
                [
                    ("article_id", pa.string()),
                    ("method", pa.string()),
                    ("similarity", pa.float64()),
                ]
            ).empty_table(),
            paragraph_copies=PARAGRAPH_COPIES_SCHEMA.empty_table(),
        )


@dataclass(frozen=True)
class DedupResult:
    """`groups`: one row per article, earlier and new (article_id, dup_group_id, dup_of,
    is_canonical, method, similarity, group_size, is_changed); `duplicates`: the new
    `duplicates` table; `paragraph_copies`: the new `paragraph_copies` table;
    `original_share`: of this run's articles, as far as this run knows (an earlier-dated
    article arriving later can lower it; sql/original_share.sql as a view stays current)."""

    groups: pa.Table
    duplicates: pa.Table
    paragraph_copies: pa.Table
    original_share: pa.Table


def estimated_jaccard(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Share of equal MinHash values, row by row."""
    return (left == right).mean(axis=1)


def assign_groups(run: ArticleSketches, history: DedupHistory, config: DedupConfig) -> DedupResult:
    """Group this run's articles with each other and with everything published before."""
    earlier = history.published_index.select(_INDEX_COLUMNS).cast(run.index.schema)
    nodes = pa.concat_tables([earlier, run.index.select(_INDEX_COLUMNS)])
    n_earlier, n_nodes = earlier.num_rows, nodes.num_rows
    node_ids = nodes["article_id"].combine_chunks()
    signatures = _SignatureLookup(
        [history.candidate_signatures.cast(run.signatures.schema), run.signatures], node_ids
    )

    near_a, near_b = _near_pairs(run, history, node_ids, n_earlier, signatures, config)
    exact_a, exact_b = _exact_pairs(nodes)
    # An earlier article stays in its group: an edge to the group's id (its smallest member).
    group_of = pc.index_in(history.published_index["dup_group_id"], node_ids).to_numpy(
        zero_copy_only=False
    )
    edges_a = np.concatenate([near_a, exact_a, np.arange(n_earlier)])
    edges_b = np.concatenate([near_b, exact_b, group_of.astype(np.int64)])
    graph = coo_array((np.ones(len(edges_a), np.int8), (edges_a, edges_b)), (n_nodes, n_nodes))
    _, component = connected_components(graph, directed=False)

    is_new = np.arange(n_nodes) >= n_earlier
    members = nodes.append_column("component", pa.array(component)).append_column(
        "is_new", pa.array(is_new)
    )
    groups = run_sql(
        "newspipe.dedup", "dup_groups", members=members, previous_duplicates=history.duplicates
    )
    groups = _fill_near_similarity(groups, node_ids, signatures)
    copies = paragraph_copies(run, history)
    return DedupResult(
        groups, duplicate_rows(groups), copies, original_shares(run.signatures, copies)
    )


class _SignatureLookup:
    """Signatures by node, gathered only for the nodes asked for: the run's and the
    candidates' signatures stay in their Arrow tables (at a million articles, one NumPy copy
    of them all would be half a gigabyte)."""

    def __init__(self, tables: list[pa.Table], node_ids: pa.Array):
        self.signatures = pa.concat_tables(tables)
        self.node_ids = node_ids

    def matrix(self, nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(uint32 [len(unique nodes), num_perm], row of each of `nodes` in it; -1 when the
        article has no signature)."""
        wanted = np.unique(nodes)
        found = self.signatures.filter(
            pc.is_in(self.signatures["article_id"], self.node_ids.take(wanted))
        )
        found = found.filter(pc.is_valid(found["signature"]))
        column = found["signature"].combine_chunks()
        values = column.flatten().to_numpy().reshape(len(column), column.type.list_size)
        row_of_node = np.full(len(self.node_ids), -1, dtype=np.int64)
        row_of_node[pc.index_in(found["article_id"], self.node_ids).to_numpy()] = np.arange(
            len(column)
        )
        return values, row_of_node[nodes]


def _near_pairs(
    run: ArticleSketches,
    history: DedupHistory,
    node_ids: pa.Array,
    n_earlier: int,
    signatures: _SignatureLookup,
    config: DedupConfig,
) -> tuple[np.ndarray, np.ndarray]:
    """Node pairs that share a band bucket and whose estimated Jaccard reaches the
    threshold."""
    bands = pa.concat_tables(
        [history.candidate_bands.cast(run.band_hashes.schema), run.band_hashes]
    )
    # Most buckets hold one article; dropping them first keeps the join small. The bucket
    # hash is seeded with the band number, so a bucket value belongs to one band.
    shared = _rows_sharing_a_value(bands["bucket"])
    node = pc.index_in(bands["article_id"].take(shared), node_ids).to_numpy()
    candidates = run_sql(
        "newspipe.dedup",
        "candidate_pairs",
        params={"max_bucket_size": config.max_bucket_size},
        banded=pa.table(
            {
                "node": node,
                "band": bands["band"].take(shared),
                "bucket": bands["bucket"].take(shared),
                "is_new": node >= n_earlier,
            }
        ),
    )
    node_a = candidates["node_a"].to_numpy()
    node_b = candidates["node_b"].to_numpy()
    keep = np.zeros(len(node_a), dtype=bool)
    for start in range(0, len(node_a), _PAIRS_PER_SLICE):
        part = slice(start, start + _PAIRS_PER_SLICE)
        values, rows = signatures.matrix(np.concatenate([node_a[part], node_b[part]]))
        rows_a, rows_b = np.split(rows, 2)
        keep[part] = estimated_jaccard(values[rows_a], values[rows_b]) >= config.threshold
    return node_a[keep], node_b[keep]


def _rows_sharing_a_value(values: pa.ChunkedArray) -> np.ndarray:
    """Indices of the rows whose value occurs more than once. One sorted copy and a hash
    lookup: at 32 million band rows np.unique's inverse and counts would cost a gigabyte."""
    ordered = np.sort(values.to_numpy())
    repeated = np.unique(ordered[1:][ordered[1:] == ordered[:-1]])
    del ordered
    return np.flatnonzero(pc.is_in(values, pa.array(repeated)).to_numpy(zero_copy_only=False))


def _exact_pairs(nodes: pa.Table) -> tuple[np.ndarray, np.ndarray]:
    """Each article linked to the first article with its content hash."""
    codes = pc.dictionary_encode(nodes["content_hash"]).combine_chunks().indices.to_numpy()
    _, first = np.unique(codes, return_index=True)
    return np.arange(len(codes)), first[codes]


def _fill_near_similarity(
    groups: pa.Table, node_ids: pa.Array, signatures: _SignatureLookup
) -> pa.Table:
    """Fill in the estimated Jaccard to the canonical copy of the near copies in groups this
    run changed (dup_groups.sql leaves it null: it has no signatures)."""
    to_fill = np.flatnonzero(pc.is_null(groups["similarity"]).to_numpy(zero_copy_only=False))
    member_nodes = pc.index_in(groups["article_id"].take(to_fill), node_ids).to_numpy()
    canonical_nodes = pc.index_in(groups["dup_of"].take(to_fill), node_ids).to_numpy()
    values, rows = signatures.matrix(np.concatenate([member_nodes, canonical_nodes]))
    member_rows, canonical_rows = np.split(rows, 2)
    similarity = groups["similarity"].to_numpy(zero_copy_only=False).copy()
    similarity[to_fill] = estimated_jaccard(values[member_rows], values[canonical_rows])
    column = groups.schema.get_field_index("similarity")
    return groups.set_column(column, "similarity", pa.array(similarity))


def original_shares(signatures: pa.Table, copies: pa.Table) -> pa.Table:
    """original_share of the articles in `signatures` (sql/original_share.sql)."""
    return run_sql(
        "newspipe.dedup",
        "original_share",
        article_signatures=signatures.select(["article_id", "n_tokens"]),
        paragraph_copies=copies,
    ).cast(ORIGINAL_SHARE_SCHEMA)


def paragraph_copies(run: ArticleSketches, history: DedupHistory) -> pa.Table:
    """The new `paragraph_copies` table: paragraphs this run brings judged over all their
    occurrences, the others as the previous run left them."""
    article_dates = pa.concat_tables(
        [
            history.published_index.select(["article_id", "published_date"]).cast(
                run.index.select(["article_id", "published_date"]).schema
            ),
            run.index.select(["article_id", "published_date"]),
        ]
    )
    # Only paragraphs held twice or more can be copies; a previous copy's paragraph is held
    # by earlier articles too, so filtering keeps every hash that decides what is kept.
    occurrences = pa.concat_tables(
        [history.candidate_paragraphs.cast(run.paragraph_hashes.schema), run.paragraph_hashes]
    )
    shared = occurrences.take(_rows_sharing_a_value(occurrences["para_hash"]))
    copies = run_sql(
        "newspipe.dedup",
        "paragraph_copies",
        occurrences=shared,
        article_dates=article_dates,
        previous_copies=history.paragraph_copies,
    )
    return copies.cast(PARAGRAPH_COPIES_SCHEMA)


def duplicate_rows(groups: pa.Table) -> pa.Table:
    """The `duplicates` audit: the rows of groups with two or more articles."""
    return groups.filter(pc.greater_equal(groups["group_size"], 2)).select(DUPLICATES_COLUMNS)
