"""Labelled corpora (the seeds, the sample corpus) cleaned and enriched in memory, without
Prefect or a warehouse, for the accuracy tests and benchmarks/eval_enrich.py."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from newspipe.clean import clean_documents
from newspipe.config import CleanConfig, EnrichConfig
from newspipe.enrich import enrich_articles
from newspipe.enrich.entities import canonicalize_entities, extract_entities
from newspipe.enrich.quotes import extract_quotes


def enrich_labelled(folder: Path, label_file: str, config: EnrichConfig) -> dict:
    """The labels of `folder` and what enrichment made of its *.txt articles: `articles`
    (id -> row), `entities` ((id, type, name) set), `quotes` (rows), `entity_mentions`."""
    files = sorted(folder.glob("*.txt"))
    documents = pa.table(
        {
            "doc_id": [f.stem for f in files],
            "source_uri": [str(f) for f in files],
            "text": [f.read_bytes().decode("utf-8").removeprefix("\ufeff") for f in files],
        }
    )
    articles = enrich_articles(clean_documents(documents, CleanConfig()).articles, config)
    mentions = extract_entities(articles, config)
    entity_mentions, entities, _ = canonicalize_entities(mentions, None, config)
    return {
        "labels": json.loads((folder / label_file).read_text(encoding="utf-8")),
        "articles": {r["article_id"]: r for r in articles.to_pylist()},
        "entities": {(r["article_id"], r["type"], r["name"]) for r in entities.to_pylist()},
        "quotes": extract_quotes(articles, entity_mentions, config).to_pylist(),
        "entity_mentions": entity_mentions,
    }
