"""How cleaning is scored: against hand labels, and on the article-extraction benchmark.

Defined once here for `benchmarks/eval_clean.py`, `benchmarks/eval_extraction.py` and the
accuracy tests, so that a figure in the README and the threshold a test holds it to are
the same measure.

- Hand labels (`gold.json`/`labels.json`, the seeds' format): for each article the raw line
  numbers of its body and of its other lines, and its fields. Body recall is the share of
  body lines found in the cleaned body exactly once (as a paragraph, or, for a line of
  hard-wrapped text, as a run of words inside one of the paragraphs it was rejoined into);
  not-body precision the share of other lines that are not a paragraph of the body (a
  repeat of a body line is in it once).
- The article-extraction benchmark's metric (its evaluate.py, re-implemented): per page,
  multisets of 4-word shingles of gold and cleaned body, TP/FP/FN normalised to sum to 1;
  precision and recall are means over pages, F1 their harmonic mean.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from pathlib import Path

from newspipe.clean.stage import CleanResult

# Article fields and their names in the label files.
LABELLED_FIELDS = {
    "title": "title",
    "site_name": "site_name",
    "published_date": "published",
    "author": "author",
    "original_source": "original_source",
}
# The benchmark pages the text rules were tuned on: ids starting with 0-7. The others are
# the held-out estimate of what cleaning does on sites nobody here has seen.
TUNED_ID_PREFIXES = tuple("01234567")
_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def read_labelled(folder: Path) -> tuple[dict[str, str], dict[str, dict]]:
    """The texts (`*.txt`, by file stem) and the labels of a labelled folder."""
    labels = next(p for p in (folder / "gold.json", folder / "labels.json") if p.exists())
    gold = json.loads(labels.read_text(encoding="utf-8"))["articles"]
    files = sorted(folder.glob("*.txt"))
    return {f.stem: f.read_bytes().decode("utf-8").removeprefix("\ufeff") for f in files}, gold


def labelled_scores(texts: dict[str, str], gold: dict[str, dict], result: CleanResult) -> dict:
    """Body recall, not-body precision and per-field accuracy of a cleaning `result` of
    `texts` (doc_id = the text's key) against hand labels, with the misses."""
    articles = {r["doc_id"]: r for r in result.articles.to_pylist()}
    body_hits = body_total = leak_hits = leak_total = 0
    field_hits = dict.fromkeys(LABELLED_FIELDS, 0)
    misses = []
    for doc_id, labels in gold.items():
        article = articles.get(doc_id, {"body": ""} | dict.fromkeys(LABELLED_FIELDS))
        raw = texts[doc_id].split("\n")
        paragraphs = article["body"].split("\n\n")
        body_lines = {raw[n - 1].strip() for n in labels["body"]}
        for n in labels["body"]:
            body_total += 1
            ok = _in_body_once(raw[n - 1].strip(), paragraphs)
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
        for field, gold_key in LABELLED_FIELDS.items():
            got = article[field]
            got = got.isoformat() if hasattr(got, "isoformat") else got
            want = labels["fields"][gold_key]
            field_hits[field] += got == want
            if got != want:
                misses.append(f"{doc_id} {field}: got {got!r}, want {want!r}")
    n = len(gold)
    return {
        "articles": n,
        "body_recall": body_hits / body_total,
        "body_precision": leak_hits / leak_total if leak_total else 1.0,
        **{f"{f}_accuracy": field_hits[f] / n for f in LABELLED_FIELDS},
        "misses": misses,
    }


def _in_body_once(line: str, paragraphs: list[str]) -> bool:
    """A body line is in the body once: as a paragraph of its own, or, when the text was
    hard-wrapped, as a whitespace-bounded run inside exactly one rejoined paragraph."""
    if line in paragraphs:
        return paragraphs.count(line) == 1
    inside = re.compile(rf"(?<!\S){re.escape(line)}(?!\S)")
    return sum(len(inside.findall(p)) for p in paragraphs) == 1


def tokenize(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str | None, n: int = 4) -> Counter:
    tokens = tokenize(text)
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def shingle_matching(true: str | None, pred: str | None) -> tuple[float, float, float]:
    """TP/FP/FN over multisets of 4-gram shingles, normalised to sum to 1 per document."""
    gold, got = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in gold.keys() | got.keys():
        tp += min(gold[key], got[key])
        fp += max(0, got[key] - gold[key])
        fn += max(0, gold[key] - got[key])
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def extraction_metrics(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """F1, precision and recall of per-page (TP, FP, FN) as the benchmark averages them."""
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return {
        "f1": 2 * precision * recall / (precision + recall),
        "precision": precision,
        "recall": recall,
    }
