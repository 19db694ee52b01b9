"""Enrichment accuracy against hand labels, per language.

Usage: .venv/bin/python benchmarks/eval_enrich.py [--corpus seeds|sample|both] [--show-misses]

Cleans and enriches the labelled corpora in memory, without Prefect or a warehouse, and
scores what issue 5 names: entity recall per type under the canonical name (the labels'
`entity_aliases` map a variant to its canonical name), quotes found with the right speaker,
`event_date` where the label gives one, and `language`. Corpora: the seeds
(../shared/seeds/gold.json, when present) and the sample corpus (examples/corpus/labels.json:
English, French and Spanish articles). Each figure is printed per language and overall.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import pyarrow as pa

from newspipe.clean import clean_documents
from newspipe.config import CleanConfig, EnrichConfig
from newspipe.enrich import enrich_articles
from newspipe.enrich.entities import canonicalize_entities, extract_entities
from newspipe.enrich.quotes import extract_quotes
from newspipe.metrics import enrichment_recall

REPO = Path(__file__).resolve().parents[1]
CORPORA = {
    "seeds": (REPO.parent / "shared" / "seeds", "gold.json"),
    "sample": (REPO / "examples" / "corpus", "labels.json"),
}


def enrich_corpus(folder: Path, config: EnrichConfig) -> dict:
    files = sorted(folder.glob("*.txt"))
    documents = pa.table(
        {
            "doc_id": [f.stem for f in files],
            "source_uri": [str(f) for f in files],
            "text": [f.read_text(encoding="utf-8").removeprefix("\ufeff") for f in files],
        }
    )
    articles = enrich_articles(clean_documents(documents, CleanConfig()).articles, config)
    mentions = extract_entities(articles, config)
    entity_mentions, entities, _ = canonicalize_entities(mentions, None, config)
    return {
        "articles": {r["article_id"]: r for r in articles.to_pylist()},
        "entities": {(r["article_id"], r["type"], r["name"]) for r in entities.to_pylist()},
        "quotes": extract_quotes(articles, entity_mentions, config).to_pylist(),
    }


def report(name: str, figures: dict[str, Counter]) -> None:
    overall = sum(figures.values(), Counter())
    rows = [*sorted(figures.items()), ("all", overall)]
    keys = ["PERSON", "ORG", "GPE", "LOC", "quote", "event_date"]
    print(f"\n{name}: recall (hits/total) per language")
    print(f"{'language':10}{'articles':>9}" + "".join(f"{k:>16}" for k in keys))
    for language, tally in rows:
        cells = []
        for key in keys:
            total = tally[f"{key} total"]
            cells.append(
                f"{tally[f'{key} hit']}/{total} {tally[f'{key} hit'] / total:.2f}" if total else "-"
            )
        print(f"{language:10}{tally['articles']:>9}" + "".join(f"{c:>16}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["seeds", "sample", "both"], default="both")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    config = EnrichConfig()
    names = ["seeds", "sample"] if args.corpus == "both" else [args.corpus]
    for name in names:
        folder, label_file = CORPORA[name]
        if not (folder / label_file).is_file():
            print(f"{name}: {folder / label_file} not found, skipped")
            continue
        labels = json.loads((folder / label_file).read_text(encoding="utf-8"))
        if args.show_misses:
            print(f"\n{name}: misses")
        report(name, enrichment_recall(labels, enrich_corpus(folder, config), args.show_misses))


if __name__ == "__main__":
    main()
