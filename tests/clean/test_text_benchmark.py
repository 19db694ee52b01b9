"""The article-extraction benchmark's 181 real pages as plain text (every menu, share line
and comment thread kept, ../shared/corpora/article-extraction-benchmark/output/html-text.json),
cleaned and scored with the benchmark's metric on each half: the pages the rules were tuned
on (ids 0-7) and the held-out ones, the estimate for sites nobody here has seen.
`benchmarks/eval_extraction.py --text` prints the same figures."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest

from newspipe.clean import clean_documents
from newspipe.clean.scoring import TUNED_ID_PREFIXES, extraction_metrics, shingle_matching
from newspipe.config import CleanConfig

# Floors a little under the figures measured when the rules were written (tuned half
# F1 0.943, P 0.932; held out F1 0.916, P 0.915; the text as it stands scores 0.665).
FLOORS = {"tuned": (0.935, 0.925), "held out": (0.905, 0.905)}


@pytest.fixture(scope="module")
def scores(shared_dir) -> dict[str, dict[str, float]]:
    folder = shared_dir / "corpora" / "article-extraction-benchmark"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = json.loads((folder / "output" / "html-text.json").read_text(encoding="utf-8"))
    pages = pages.get("output", pages)
    keys = sorted(gold)
    documents = pa.table(
        {
            "doc_id": keys,
            "source_uri": [f"{k}.txt" for k in keys],
            "text": [pages[k]["articleBody"] for k in keys],
        }
    )
    result = clean_documents(documents, CleanConfig())
    bodies = dict(
        zip(result.articles["doc_id"].to_pylist(), result.articles["body"].to_pylist(), strict=True)
    )
    counts = {k: shingle_matching(gold[k]["articleBody"], bodies.get(k, "")) for k in keys}
    halves = {
        "tuned": [k for k in keys if k.startswith(TUNED_ID_PREFIXES)],
        "held out": [k for k in keys if not k.startswith(TUNED_ID_PREFIXES)],
    }
    return {name: extraction_metrics([counts[k] for k in part]) for name, part in halves.items()}


@pytest.mark.shared
@pytest.mark.parametrize("half", list(FLOORS))
def test_cleaned_pages_score_on_both_halves(scores, half):
    f1, precision = FLOORS[half]
    print(half, {k: round(v, 3) for k, v in scores[half].items()})
    assert scores[half]["f1"] >= f1
    assert scores[half]["precision"] >= precision
