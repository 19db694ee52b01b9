"""Enrichment of the five seed articles against their hand labels (../shared/seeds/gold.json).

The seeds go through cleaning first, as in the flow; the figures printed here (recall per
entity type, aliases merged, quotes, event dates) are the ones reported for the issue.
"""

from __future__ import annotations

import json
from collections import Counter

import pyarrow as pa
import pytest

from newspipe.clean import clean_documents
from newspipe.config import CleanConfig, EnrichConfig
from newspipe.enrich.dates import resolve_event_dates
from newspipe.enrich.entities import canonicalize_entities, extract_entities
from newspipe.enrich.language import detect_languages
from newspipe.enrich.quotes import extract_quotes

CONFIG = EnrichConfig()


@pytest.fixture(scope="module")
def enriched(seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))
    texts = [f.read_bytes().decode("utf-8").removeprefix("\ufeff") for f in files]
    documents = pa.table(
        {"doc_id": [f.stem for f in files], "source_uri": [str(f) for f in files], "text": texts}
    )
    articles = clean_documents(documents, CleanConfig()).articles
    articles = articles.append_column("language", detect_languages(articles["body"]))
    mentions = extract_entities(articles, CONFIG)
    entity_mentions, entities, aliases = canonicalize_entities(mentions, None, CONFIG)
    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))
    return {
        "gold": gold,
        "articles": articles,
        "entity_mentions": entity_mentions,
        "entities": entities,
        "quotes": extract_quotes(articles, entity_mentions, CONFIG),
        "dates": resolve_event_dates(articles, CONFIG),
    }


def _canonical_names(gold: dict) -> dict[str, str]:
    return {alias: name for name, aliases in gold["entity_aliases"].items() for alias in aliases}


@pytest.mark.shared
def test_every_gold_entity_is_found_under_its_canonical_name(enriched):
    gold, canonical = enriched["gold"], _canonical_names(enriched["gold"])
    found = {(r["article_id"], r["type"], r["name"]) for r in enriched["entities"].to_pylist()}
    hits, totals, missed = Counter(), Counter(), []
    for article_id, labels in gold["articles"].items():
        for type_, names in labels["entities"].items():
            for name in names:
                totals[type_] += 1
                if (article_id, type_, canonical.get(name, name)) in found:
                    hits[type_] += 1
                else:
                    missed.append((article_id, type_, name))
    print(
        "entity recall: "
        + ", ".join(f"{t} {hits[t]}/{totals[t]} ({hits[t] / totals[t]:.0%})" for t in totals)
    )
    print(f"missed: {missed}")
    assert hits["PERSON"] == totals["PERSON"]
    # The small English model labels a few organisations as people; the figure is reported.
    assert hits["GPE"] == totals["GPE"]
    assert hits["ORG"] >= totals["ORG"] - 1


@pytest.mark.shared
def test_gold_aliases_are_merged(enriched):
    names_by_surface: dict[str, set[str]] = {}
    for r in enriched["entity_mentions"].to_pylist():
        names_by_surface.setdefault(r["surface"], set()).add(r["name"])
    for name, aliases in enriched["gold"]["entity_aliases"].items():
        seen = [a for a in aliases if a in names_by_surface]
        # `Secretary Blinken` is a surface only with its title, which is stripped.
        assert seen, name
        for alias in seen:
            assert names_by_surface[alias] == {name}, (alias, names_by_surface[alias])


@pytest.mark.shared
def test_every_gold_quote_is_found_with_its_speaker(enriched):
    quotes = enriched["quotes"].to_pylist()
    canonical = _canonical_names(enriched["gold"])
    wrong = []
    total = 0
    for article_id, labels in enriched["gold"]["articles"].items():
        for expected in labels["quotes"]:
            total += 1
            got = [
                q["speaker"]
                for q in quotes
                if q["article_id"] == article_id and q["text"].startswith(expected["starts"])
            ]
            speaker = expected["speaker"] and canonical.get(
                expected["speaker"], expected["speaker"]
            )
            if got != [speaker]:
                wrong.append((article_id, expected, got))
    print(f"quotes with the right speaker: {total - len(wrong)}/{total}")
    assert wrong == []


@pytest.mark.shared
def test_event_dates_where_the_seed_text_fixes_them(enriched):
    dates = {r["article_id"]: r for r in enriched["dates"].to_pylist()}
    gold = enriched["gold"]["articles"]
    right = [a for a in gold if str(dates[a]["event_date"]) == gold[a]["fields"]["event_date"]]
    print(f"event dates right: {len(right)}/{len(gold)} ({sorted(right)})")
    assert str(dates["000_b3a0735667998df6"]["event_date"]) == "2023-11-05"
    assert str(dates["003_a230bc3e50cc867c"]["event_date"]) == "2024-12-13"
    # The others say only `on Friday` with no publication date: unknowable, so null.
    assert all(dates[a]["event_date"] is None for a in gold if a not in right)


@pytest.mark.shared
def test_language_is_english(enriched):
    assert set(enriched["articles"]["language"].to_pylist()) == {"en"}
