"""Places the small models label otherwise: regions from ISO 3166-2, country names in the
articles' languages, and locations, products or titles that the gazetteer knows, each on
invented sentences where the model alone gets it wrong."""

from __future__ import annotations

import pyarrow as pa
import pytest

from newspipe.config import EnrichConfig
from newspipe.enrich.canonical.entities import extract_entities
from newspipe.enrich.canonical.places import is_region, place_id

CONFIG = EnrichConfig()


def _mentions(body: str, language: str = "en") -> set[tuple[str, str]]:
    """(type, surface) of every mention of one article."""
    articles = pa.table({"article_id": ["a"], "body": [body], "language": [language]})
    return {(m["type"], m["surface"]) for m in extract_entities(articles, CONFIG).to_pylist()}


@pytest.mark.parametrize(
    "name",
    # As ISO 3166-2 writes them, one of two forms in brackets, an inverted form, and
    # translations into English and French.
    ["Gloucestershire", "Aragón", "Cataluña", "Comunidad Valenciana", "Catalonia", "Aragon"],
)
def test_regions_come_from_iso_3166_2_and_its_translations(name):
    assert is_region(name)


def test_a_region_named_like_a_word_is_no_region():
    assert not is_region("Central")
    assert not is_region("Western")


def test_a_region_is_one_place_across_its_spellings():
    assert place_id("Aragon", CONFIG.gazetteer_min_population) == place_id(
        "Aragón", CONFIG.gazetteer_min_population
    )


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        # The model calls these an organisation.
        (
            "Wildfires spread across Catalonia and Aragon, forcing the evacuation of villages.",
            "en",
            "Aragon",
        ),
        (
            "Floodwater reached Ravensworth on Tuesday, and rail lines across Cumbria were shut.",
            "en",
            "Cumbria",
        ),
        # A location the model found: a region.
        (
            "The mine in Western Australia is owned by a firm based in Perth.",
            "en",
            "Western Australia",
        ),
        # A product: a large city.
        ("The company said its factory near Rennes would close.", "en", "Rennes"),
        # A country's name in Spanish, which the model calls a person.
        ("El presidente viajó a México y después a Colombia.", "es", "México"),
    ],
)
def test_a_name_the_gazetteer_knows_is_a_place_whatever_the_model_said(body, language, name):
    assert ("GPE", name) in _mentions(body, language)


def test_a_small_town_named_like_a_location_stays_a_location():
    # `Atlantic` is a town of 7,000 in Iowa; the model's location is the ocean.
    assert ("GPE", "Atlantic") not in _mentions(
        "The yacht crossed the Atlantic in nineteen days, a record for a solo sailor."
    )


def test_a_regions_name_alone_does_not_overrule_a_person():
    # `Kerry` is an Irish county: as a person's name it stays the person's.
    found = _mentions("Senator Tom Kerry arrived late. Kerry told reporters the bill would pass.")
    assert ("GPE", "Kerry") not in found


def test_a_regions_name_that_is_a_word_of_a_longer_name_stays_with_that_name():
    # `Bayern` is Bavaria in German; here it is a football club's.
    found = _mentions(
        "The striker joined Bayern Munich from Ajax in June. Bayern paid 40 million euros for him."
    )
    assert ("GPE", "Bayern") not in found
    assert ("ORG", "Bayern") in found
