import re

import pyarrow as pa
import pytest

from newspipe.dictionary import render_dictionary
from newspipe.schema import ARTICLES, TABLES, VIEWS, conform
from tests.contract import CONTRACT_COLUMNS

REPO_DOCS = __import__("pathlib").Path(__file__).resolve().parents[1] / "docs"


def test_schemas_declare_every_contract_column_marked_as_contract():
    declared = {
        **{n: t.schema for n, t in TABLES.items()},
        **{n: v.schema for n, v in VIEWS.items()},
    }
    for name, columns in CONTRACT_COLUMNS.items():
        assert set(columns) <= set(declared[name].names), name
    for name, table in TABLES.items():
        marked = [f.name for f in table.schema if f.metadata[b"contract"] == b"yes"]
        assert marked == CONTRACT_COLUMNS.get(name, []), name


def test_every_column_is_described():
    for schema in [t.schema for t in TABLES.values()] + [v.schema for v in VIEWS.values()]:
        for field in schema:
            assert len(field.metadata[b"description"]) > 5, field.name


def test_conform_orders_casts_and_fills_missing_columns_with_null():
    data = pa.table({"body": ["Text."], "article_id": ["a"], "n_words": [1]})
    out = conform(ARTICLES, data)
    assert out.schema == ARTICLES.schema
    assert out["title"].to_pylist() == [None] and out["n_words"].type == pa.int32()


def test_conform_refuses_undeclared_columns():
    with pytest.raises(ValueError, match="not in the schema"):
        conform(ARTICLES, pa.table({"article_id": ["a"], "mood": ["sunny"]}))


def test_committed_data_dictionary_is_generated_from_the_schemas():
    committed = (REPO_DOCS / "data_dictionary.md").read_text(encoding="utf-8")
    assert committed == render_dictionary(), "run `make dictionary` and commit the result"


@pytest.mark.shared
def test_transcribed_contract_matches_contract_md(shared_dir):
    text = (shared_dir / "CONTRACT.md").read_text(encoding="utf-8")
    for name, columns in CONTRACT_COLUMNS.items():
        assert f"`{name}`" in text, name
        for column in columns:
            assert re.search(rf"\b{column}\b", text), f"{name}.{column}"
