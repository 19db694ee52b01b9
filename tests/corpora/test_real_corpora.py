"""Whole runs over the real corpora of ../shared/corpora, as a user runs them: the command
line against the session's Prefect API. Each must finish with every input accounted for;
what they measure (wall time, articles/s, memory) is benchmarks/bench_real.py's job."""

from __future__ import annotations

import duckdb
import pytest

from newspipe.corpora import bbc_files, write_reuters_jsonl
from tests.test_cli import newspipe

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def _counts(warehouse) -> dict[str, int]:
    """Documents, quarantined documents, articles, and ok documents without an article."""
    with duckdb.connect(str(warehouse / "newspipe.duckdb"), read_only=True) as con:
        return dict(
            con.sql(
                "select 'documents', count(*) from documents union all "
                "select 'quarantined', count(*) filter (status = 'quarantined') from documents "
                "union all select 'articles', count(*) from articles union all "
                "select 'ok without article', count(*) from documents "
                "where status = 'ok' and doc_id not in (select doc_id from articles)"
            ).fetchall()
        )


def test_the_bbc_corpus_runs_to_the_end_with_nothing_quarantined(shared_dir, prefect_api, tmp_path):
    folder = shared_dir / "corpora" / "bbc-news" / "bbc"
    result = newspipe(
        "run", folder, "-w", tmp_path / "wh", "--no-summaries", api_url=prefect_api, timeout=1800
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert len(bbc_files(shared_dir)) == 2225
    # The folder's README.TXT is a text file too; about a hundred articles are byte-for-byte
    # copies of others, and identical bytes are one article.
    n_files = len([p for p in folder.rglob("*") if p.suffix.lower() == ".txt"])
    counts = _counts(tmp_path / "wh")
    assert counts == counts | {"documents": n_files, "quarantined": 0, "ok without article": 0}


def test_the_reuters_bodies_as_jsonl_are_all_accounted_for(shared_dir, prefect_api, tmp_path):
    export = tmp_path / "reuters.jsonl"
    n_records = write_reuters_jsonl(shared_dir, export)
    assert n_records == 19043
    result = newspipe(
        "run", export, "-w", tmp_path / "wh", "--no-summaries", api_url=prefect_api, timeout=3600
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    counts = _counts(tmp_path / "wh")
    # One row per record; records with identical bytes share a doc_id and one article.
    assert counts["documents"] == n_records
    assert counts["ok without article"] == 0
    assert counts["articles"] > 0.9 * n_records
