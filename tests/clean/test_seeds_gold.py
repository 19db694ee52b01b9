"""The five seed articles against their hand labels (../shared/seeds/gold.json)."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest

from newspipe.clean import clean_documents
from newspipe.config import CleanConfig

FIELDS = {
    "title": "title",
    "site_name": "site_name",
    "published_date": "published",
    "author": "author",
    "original_source": "original_source",
}


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))
    texts = {f.stem: f.read_bytes().decode("utf-8").removeprefix("\ufeff") for f in files}
    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))["articles"]
    documents = pa.table(
        {"doc_id": list(texts), "source_uri": [str(f) for f in files], "text": list(texts.values())}
    )
    result = clean_documents(documents, CleanConfig())
    return texts, gold, result


@pytest.mark.shared
def test_every_seed_becomes_an_article(seeds):
    texts, gold, result = seeds
    assert sorted(result.articles["doc_id"].to_pylist()) == sorted(gold) == sorted(texts)
    assert result.rejected.num_rows == 0


@pytest.mark.shared
def test_body_recall_and_precision_are_complete(seeds):
    texts, gold, result = seeds
    bodies = dict(
        zip(result.articles["doc_id"].to_pylist(), result.articles["body"].to_pylist(), strict=True)
    )
    missed, leaked = [], []
    for doc_id, labels in gold.items():
        raw = texts[doc_id].split("\n")
        paragraphs = bodies[doc_id].split("\n\n")
        body_texts = {raw[n - 1].strip() for n in labels["body"]}
        for n in labels["body"]:
            if paragraphs.count(raw[n - 1].strip()) != 1:
                missed.append((doc_id, n))
        for n in labels["not_body"]:
            line = raw[n - 1].strip()
            # A repeat of a body line is in the body once, as its first copy.
            if paragraphs.count(line) != (1 if line in body_texts else 0):
                leaked.append((doc_id, n))
    n_body = sum(len(g["body"]) for g in gold.values())
    n_not = sum(len(g["not_body"]) for g in gold.values())
    print(
        f"body recall {1 - len(missed) / n_body:.1%} ({n_body} lines), "
        f"precision {1 - len(leaked) / n_not:.1%} ({n_not} not-body lines)"
    )
    assert missed == []
    assert leaked == []


@pytest.mark.shared
def test_fields_equal_gold(seeds):
    _, gold, result = seeds
    for row in result.articles.to_pylist():
        expected = gold[row["doc_id"]]["fields"]
        got = {
            f: row[f].isoformat() if f == "published_date" and row[f] else row[f] for f in FIELDS
        }
        assert got == {f: expected[g] for f, g in FIELDS.items()}, row["doc_id"]


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
