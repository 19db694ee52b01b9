"""docs/queries.md never goes stale: every query in it runs on a fresh sample warehouse.

The answers in the document are generated (`python -m newspipe.dashboard.querydoc`) and
change as the pipeline improves, so this checks that each query runs, and that a query
whose documented answer is a table still returns rows, not the exact rows.
"""

from pathlib import Path

import duckdb
import pytest

from newspipe.dashboard import querydoc
from tests.conftest import REPO, SAMPLE_CORPUS
from tests.dashboard.helpers import build_sample_warehouse

DOC = REPO / "docs" / "queries.md"
QUERIES = querydoc.parse(DOC.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample_catalog(prefect_api, tmp_path_factory) -> Path:
    root = build_sample_warehouse(tmp_path_factory.mktemp("queries-doc") / "wh", SAMPLE_CORPUS)
    return root / "newspipe.duckdb"


def test_the_document_has_at_least_twelve_answered_questions():
    assert len(QUERIES) >= 12
    assert all(q.answer is not None for q in QUERIES), "run querydoc to write the answers"


@pytest.mark.parametrize("query", QUERIES, ids=[f"q{i + 1}" for i in range(len(QUERIES))])
def test_query_runs_on_the_sample_warehouse(sample_catalog, query):
    with duckdb.connect(str(sample_catalog), read_only=True) as con:
        rows = con.execute(query.sql).fetchall()
    if query.shows_rows:
        assert rows, f"the document shows rows for:\n{query.sql}"
