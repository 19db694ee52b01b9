"""A stand-in for the warehouse in dedup tests: keeps the state tables in memory and fetches
history with the same SQL files (sql/candidate_*.sql) the real warehouse runs."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from newspipe import dedup
from newspipe.sqlfiles import read_sql


def _query(name: str, **tables: pa.Table) -> pa.Table:
    sql = read_sql("newspipe.dedup", name).format(**{n: n for n in tables})
    with duckdb.connect() as con:
        for table_name, table in tables.items():
            con.register(table_name, table)
        return con.sql(sql).to_arrow_table()


class DedupWarehouse:
    def __init__(self, config: dedup.DedupConfig | None = None):
        self.config = config or dedup.DedupConfig()
        empty = dedup.DedupHistory.empty(self.config)
        self.index = empty.published_index
        self.duplicates = empty.duplicates
        self.paragraph_copies = empty.paragraph_copies
        self.signatures = empty.candidate_signatures
        self.bands = empty.candidate_bands
        self.paragraphs = empty.candidate_paragraphs
        self.groups: pa.Table | None = None

    def run(self, articles: pa.Table, batch_size: int = 1000) -> dedup.DedupResult:
        """One run: sketch per batch, fetch what can match, group, store."""
        sketches = dedup.ArticleSketches.concat(
            [
                dedup.sketch_articles(articles.slice(start, batch_size), self.config)
                for start in range(0, max(articles.num_rows, 1), batch_size)
            ]
        )
        assigned = self.index.select(["article_id", "dup_group_id"])
        candidate_bands = _query(
            "candidate_bands", band_hashes=self.bands, run_bands=sketches.band_hashes
        )
        history = dedup.DedupHistory(
            published_index=self.index,
            candidate_bands=candidate_bands,
            candidate_signatures=_query(
                "candidate_signatures",
                article_signatures=self.signatures,
                articles=assigned,
                candidate_bands=candidate_bands,
            ),
            candidate_paragraphs=_query(
                "candidate_paragraphs",
                paragraph_hashes=self.paragraphs,
                run_paragraphs=sketches.paragraph_hashes,
            ),
            duplicates=self.duplicates,
            paragraph_copies=self.paragraph_copies,
        )
        result = dedup.assign_groups(sketches, history, self.config)
        self.signatures = pa.concat_tables([self.signatures, sketches.signatures])
        self.bands = pa.concat_tables([self.bands, sketches.band_hashes])
        self.paragraphs = pa.concat_tables([self.paragraphs, sketches.paragraph_hashes])
        self.duplicates = result.duplicates
        self.paragraph_copies = result.paragraph_copies
        index = pa.concat_tables(
            [
                self.index.select(["article_id", "content_hash", "published_date", "n_words"]),
                sketches.index,
            ]
        )
        self.index = index.join(
            result.groups.select(["article_id", "dup_group_id"]), "article_id"
        ).select(self.index.column_names)
        self.groups = result.groups
        return result

    def original_share(self) -> dict[str, float]:
        shares = dedup.original_shares(self.signatures, self.paragraph_copies)
        return dict(
            zip(shares["article_id"].to_pylist(), shares["original_share"].to_pylist(), strict=True)
        )
