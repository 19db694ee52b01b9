"""The five seed articles against their hand labels (../shared/seeds/gold.json)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from newspipe.clean import clean_documents
from newspipe.clean.scoring import labelled_scores, read_labelled
from newspipe.config import CleanConfig


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    texts, gold = read_labelled(seeds_dir)
    documents = pa.table(
        {
            "doc_id": list(texts),
            "source_uri": [str(seeds_dir / f"{stem}.txt") for stem in texts],
            "text": list(texts.values()),
        }
    )
    result = clean_documents(documents, CleanConfig())
    return texts, gold, result


@pytest.mark.shared
def test_every_seed_becomes_an_article(seeds):
    texts, gold, result = seeds
    assert sorted(result.articles["doc_id"].to_pylist()) == sorted(gold) == sorted(texts)
    assert result.rejected.num_rows == 0


@pytest.mark.shared
def test_body_and_fields_equal_gold(seeds):
    texts, gold, result = seeds
    scores = labelled_scores(texts, gold, result)
    assert scores["misses"] == []
    assert scores["body_recall"] == scores["body_precision"] == 1.0


@pytest.mark.shared
def test_repeats_name_the_line_they_repeat(seeds):
    _, gold, result = seeds
    audit = result.line_labels.to_pylist()
    for doc_id, labels in gold.items():
        for line_no, first in labels.get("repeats", {}).items():
            (row,) = [
                r for r in audit if r["article_id"] == doc_id and r["line_no"] == int(line_no)
            ]
            assert (row["label"], row["reason"]) == ("repeat", f"repeat_of:{first}")


@pytest.mark.shared
def test_one_audit_row_per_non_empty_line_and_boilerplate_share(seeds):
    texts, _, result = seeds
    audit = result.line_labels.to_pylist()
    for doc_id, text in texts.items():
        expected = [i + 1 for i, line in enumerate(text.split("\n")) if line.strip()]
        rows = [r for r in audit if r["article_id"] == doc_id]
        assert [r["line_no"] for r in rows] == expected
        assert all(r["text"] == text.split("\n")[r["line_no"] - 1] for r in rows)
    # source_summary.boilerplate_share is read from this audit: it must add up.
    chrome = sum(r["label"] in ("boilerplate", "repeat") for r in audit)
    assert 0 < chrome / len(audit) < 1
