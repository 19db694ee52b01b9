"""Enrichment of the sample corpus (examples/corpus: English, French and Spanish articles)
against its hand labels, per language."""

from __future__ import annotations

from collections import Counter

import pytest

from newspipe.config import EnrichConfig
from newspipe.evaluation import enrich_labelled
from newspipe.metrics import enrichment_recall
from tests.conftest import SAMPLE_CORPUS


@pytest.fixture(scope="module")
def recall() -> dict[str, Counter]:
    enriched = enrich_labelled(SAMPLE_CORPUS, "labels.json", EnrichConfig())
    figures = enrichment_recall(enriched["labels"], enriched)
    return {**figures, "all": sum(figures.values(), Counter())}


def _share(tally: Counter, key: str) -> float:
    return tally[f"{key} hit"] / tally[f"{key} total"]


def test_languages_of_the_sample_corpus(recall):
    assert {k: recall[k]["articles"] for k in ("en", "fr", "es")} == {"en": 36, "fr": 1, "es": 2}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_french_and_spanish_people_and_quotes(recall, language):
    tally = recall[language]
    assert _share(tally, "PERSON") == 1.0
    assert _share(tally, "quote") == 1.0
    assert _share(tally, "GPE") >= 0.65


def test_overall_recall(recall):
    tally = recall["all"]
    print({k: round(_share(tally, k), 3) for k in ("PERSON", "ORG", "GPE", "quote", "event_date")})
    assert _share(tally, "PERSON") >= 0.98
    assert _share(tally, "ORG") >= 0.9
    assert _share(tally, "GPE") >= 0.8
    assert _share(tally, "quote") >= 0.98
    assert _share(tally, "event_date") >= 0.9
