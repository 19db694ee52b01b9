"""Score the cleaning stage against hand labels in gold.json format.

Usage: .venv/bin/python benchmarks/eval_clean.py [LABELLED_DIR ...]
(default: ../shared/seeds and examples/corpus). For each folder of `*.txt` files with a
`gold.json` or `labels.json` beside them, prints body-line recall and precision as the
issue defines them (a body line must be in the body exactly once; a not-body line must not
be a paragraph of its own, unless it repeats a body line, which stays once), field
accuracy for title, site_name, published, author and original_source, and the misses.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyarrow as pa

from newspipe.clean import clean_documents
from newspipe.config import CleanConfig

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = [REPO.parent / "shared" / "seeds", REPO / "examples" / "corpus"]
FIELDS = {
    "title": "title",
    "site_name": "site_name",
    "published_date": "published",
    "author": "author",
    "original_source": "original_source",
}


def evaluate(folder: Path) -> dict:
    labels_file = next(p for p in (folder / "gold.json", folder / "labels.json") if p.exists())
    gold = json.loads(labels_file.read_text(encoding="utf-8"))["articles"]
    files = sorted(folder.glob("*.txt"))
    texts = {f.stem: f.read_bytes().decode("utf-8").removeprefix("\ufeff") for f in files}
    documents = pa.table(
        {"doc_id": list(texts), "source_uri": [str(f) for f in files], "text": list(texts.values())}
    )
    result = clean_documents(documents, CleanConfig())
    articles = {r["doc_id"]: r for r in result.articles.to_pylist()}
    body_hits = body_total = leak_hits = leak_total = 0
    field_hits = {f: 0 for f in FIELDS}
    misses = []
    for doc_id, labels in gold.items():
        article = articles.get(doc_id, {"body": ""} | {f: None for f in FIELDS})
        raw = texts[doc_id].split("\n")
        paragraphs = article["body"].split("\n\n")
        body_lines = {raw[n - 1].strip() for n in labels["body"]}
        for n in labels["body"]:
            body_total += 1
            ok = paragraphs.count(raw[n - 1].strip()) == 1
            body_hits += ok
            if not ok:
                misses.append(f"{doc_id}:{n} body line missing: {raw[n - 1][:70]!r}")
        for n in labels["not_body"]:
            line = raw[n - 1].strip()
            leak_total += 1
            ok = paragraphs.count(line) == (1 if line in body_lines else 0)
            leak_hits += ok
            if not ok:
                misses.append(f"{doc_id}:{n} not-body line in body: {raw[n - 1][:70]!r}")
        for field, gold_key in FIELDS.items():
            got = article[field]
            got = got.isoformat() if hasattr(got, "isoformat") else got
            want = labels["fields"][gold_key]
            field_hits[field] += got == want
            if got != want:
                misses.append(f"{doc_id} {field}: got {got!r}, want {want!r}")
    n = len(gold)
    return {
        "folder": str(folder),
        "articles": n,
        "body_recall": body_hits / body_total,
        "body_precision": leak_hits / leak_total,
        **{f"{f}_accuracy": field_hits[f] / n for f in FIELDS},
        "misses": misses,
    }


def main(argv: list[str]) -> None:
    for folder in [Path(a) for a in argv] or [d for d in DEFAULT_DIRS if d.is_dir()]:
        scores = evaluate(folder)
        print(f"\n{scores['folder']} ({scores['articles']} articles)")
        for key, value in scores.items():
            if isinstance(value, float):
                print(f"  {key:28s} {value:.3f}")
        for miss in scores["misses"]:
            print(f"  - {miss}")


if __name__ == "__main__":
    main(sys.argv[1:])
