"""The second development corpus (examples/dev2: 60 invented pages of other sites in
English, French and Spanish, labelled before newspipe first ran on them, the rules of issue
16 tuned on them since): its figures hold."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from newspipe.clean import clean_documents
from newspipe.clean.scoring import labelled_scores, read_labelled
from newspipe.config import CleanConfig

DEV2 = Path(__file__).resolve().parents[2] / "examples" / "dev2"
PUBLISHERS = DEV2.parent / "publishers.csv"


@pytest.fixture(scope="module")
def scores() -> dict:
    texts, gold = read_labelled(DEV2)
    assert sorted(texts) == sorted(gold)  # every page is labelled
    documents = pa.table(
        {
            "doc_id": list(texts),
            "source_uri": [str(DEV2 / f"{stem}.txt") for stem in texts],
            "text": list(texts.values()),
        }
    )
    config = CleanConfig(publisher_directories=(PUBLISHERS,))
    return labelled_scores(texts, gold, clean_documents(documents, config))


@pytest.mark.parametrize("field", ["title", "site_name", "published_date"])
def test_title_site_and_date(scores, field):
    assert scores[f"{field}_accuracy"] == 1.0, [m for m in scores["misses"] if field in m]


def test_chrome_stays_out_of_the_body(scores):
    assert scores["body_precision"] == 1.0, scores["misses"]
    assert scores["body_recall"] >= 0.99, scores["misses"]
