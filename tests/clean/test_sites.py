"""Invented pages of invented sites (tests/clean/sites/, hand labels in labels.json), in
English, Spanish, French and German, written after the rules they test: whole pages as a
naive HTML-to-text gives them, with menus, account links, search boxes, category lines,
share lines, lists of other headlines, comment threads and footers around the article."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from newspipe.clean import clean_documents
from newspipe.clean.scoring import LABELLED_FIELDS, labelled_scores, read_labelled
from newspipe.config import CleanConfig

SITES = Path(__file__).parent / "sites"


@pytest.fixture(scope="module")
def scores() -> dict:
    texts, gold = read_labelled(SITES)
    documents = pa.table(
        {
            "doc_id": list(texts),
            "source_uri": [str(SITES / f"{stem}.txt") for stem in texts],
            "text": list(texts.values()),
        }
    )
    return labelled_scores(texts, gold, clean_documents(documents, CleanConfig()))


def test_the_labels_cover_four_languages_and_every_page():
    texts, gold = read_labelled(SITES)
    assert sorted(texts) == sorted(gold)
    assert {stem[:2] for stem in texts} == {"en", "es", "fr", "de"}


def test_chrome_around_the_article_stays_out_of_the_body(scores):
    # The goal of the real-sites issue for pages nobody tuned on: not-body precision 0.98.
    assert scores["body_precision"] >= 0.98, scores["misses"]


def test_the_article_itself_is_kept(scores):
    assert scores["body_recall"] >= 0.95, scores["misses"]


@pytest.mark.parametrize("field", list(LABELLED_FIELDS))
def test_metadata_fields(scores, field):
    # Category lines, account links, mottos, counters and relative times are no metadata.
    assert scores[f"{field}_accuracy"] >= 0.95, [m for m in scores["misses"] if field in m]
