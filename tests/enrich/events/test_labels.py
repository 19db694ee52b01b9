"""Event labels read as what happened: on the seeds and the sample corpus, and on titles
that end with their site's name."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newspipe.config import Settings
from newspipe.enrich.events.features import tokens
from newspipe.enrich.events.labels import clean_title
from newspipe.evaluation import run_corpus
from tests.conftest import SAMPLE_CORPUS


def test_a_trailing_site_name_leaves_the_title():
    assert (
        clean_title("Quake kills three in Coquimbo - The Elbe Report", "The Elbe Report", None)
        == "Quake kills three in Coquimbo"
    )
    assert (
        clean_title("Port closes after storm | Clarion", None, "clarion.example")
        == "Port closes after storm"
    )
    # A subtitle that is not the site's stays.
    assert (
        clean_title("Hamburg: minister signs ammonia deal", "Elbe Report", "elbereport.de")
        == "Hamburg: minister signs ammonia deal"
    )


def _labels_read_as_what_happened(folder: Path) -> None:
    """Each event's label names its main actor or place (an entity more than one of its
    articles mention, or a capitalised name another of its titles gives too) and is a
    headline: one of its titles."""
    tables = run_corpus([sorted(folder.glob("*.txt"))], Settings())
    articles = tables["articles"].to_pylist()
    names = Counter()
    event_of = {a["article_id"]: a["event_id"] for a in articles}
    for row in tables["entities"].to_pylist():
        names[(event_of[row["article_id"]], row["name"])] += 1
    for event in tables["events"].to_pylist():
        label = event["label"]
        titles = [a["title"] for a in articles if a["event_id"] == event["event_id"] and a["title"]]
        shared = 2 if event["n_articles"] > 1 else 1
        top = [n for (e, n), k in names.items() if e == event["event_id"] and k >= shared]
        others = [t for t in titles if t != label] or titles
        proper = {w for w in label.split()[1:] if w[:1].isupper()}
        named = proper & set(" ".join(others).split())
        # A demonym names its place: "Catalan" for Catalonia.
        stems = {w[:5] for w in tokens(label)}
        assert named or any({w[:5] for w in tokens(name)} & stems for name in top), (
            f"{label!r} names none of {top}"
        )
        # A headline of the event, not keywords: one of its titles, a sentence long.
        assert any(t.startswith(label) for t in titles) and len(label.split()) >= 4, label


def test_sample_corpus_labels_read_as_what_happened():
    _labels_read_as_what_happened(SAMPLE_CORPUS)


@pytest.mark.shared
def test_seed_labels_read_as_what_happened(seeds_dir):
    _labels_read_as_what_happened(seeds_dir)
