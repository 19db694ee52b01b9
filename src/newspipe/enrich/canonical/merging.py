"""One canonical name per entity across the corpus and the aliases of earlier runs.

`canonicalize_entities` joins the mentions' local full forms (nodes: type and folded name)
into entities by six rules, one function each: a spelling known from earlier runs, a name
the text equates with another (`same_as`), one name under several labels, one place under
its names in several languages (GeoNames), transliteration variants (rapidfuzz under a
conservative threshold) and short forms (acronym, surname, run-together name) that match
exactly one full name. Every entity then takes one type (the majority) and one spelling (the
most frequent full form), and the result carries the mention audit (`entity_mentions`), the
contract's `entities` rows and the `entity_aliases` that make later runs map variants to the
same names.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import pyarrow as pa
from rapidfuzz.distance import Levenshtein

from newspipe import schema
from newspipe.config import EnrichConfig
from newspipe.enrich.canonical.name_forms import (
    compacts,
    expands,
    fold_word,
    is_acronym,
    name_key,
)
from newspipe.enrich.canonical.places import place_id
from newspipe.schema import ENTITIES, conform


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


@dataclass(frozen=True)
class EntityResult:
    """What `canonicalize_entities` gives: tables of the contract and of the warehouse."""

    mentions: pa.Table  # entity_mentions: every mention with its canonical name
    entities: pa.Table  # entities: canonical entity per article with its mention count
    aliases: pa.Table  # entity_aliases: every spelling known so far and its canonical name


def _node(row: dict) -> tuple[str, str]:
    return (row["type"], name_key(row["local_name"]))


def _merge_known(comps: _Components, known: list[dict]) -> dict[tuple[str, str], str]:
    """A spelling mapped in an earlier run joins its name; returns node -> known name."""
    known_by_node: dict[tuple[str, str], str] = {}
    for k in known:
        node = (k["type"], name_key(k.get("alias") or k["name"]))
        known_by_node[node] = k["name"]
        comps.union(node, (k["type"], name_key(k["name"])))
    return known_by_node


def _merge_stated_aliases(comps: _Components, rows: list[dict], nodes_by_key: dict) -> None:
    """The text says so: A (B), A or B, referring to B. Types may disagree (spaCy called
    Daesh a place); the merged entity takes the majority type."""
    for r in rows:
        if r["same_as"]:
            for other in nodes_by_key.get(name_key(r["same_as"]), []):
                if (other[0] == "PERSON") == (r["type"] == "PERSON"):
                    comps.union(_node(r), other)


def _merge_same_name(comps: _Components, nodes_by_key: dict) -> None:
    """One name, several labels across articles (the small models label an unfamiliar name
    differently from one text to the next): one entity, of the majority type."""
    for same_name in nodes_by_key.values():
        for node in same_name[1:]:
            comps.union(same_name[0], node)


def _merge_same_place(comps: _Components, rows: list[dict], config: EnrichConfig) -> None:
    """One city in several languages (`Saragosse`, `Zaragoza`): one GeoNames id."""
    nodes_by_place: dict[int, list] = defaultdict(list)
    for r in rows:
        if r["type"] == "GPE":
            geonameid = place_id(r["local_name"], config.gazetteer_min_population)
            if geonameid is not None:
                nodes_by_place[geonameid].append(_node(r))
    for same_place in nodes_by_place.values():
        for node in same_place[1:]:
            comps.union(same_place[0], node)


def _similar(a: str, b: str, config: EnrichConfig) -> bool:
    """Transliteration variants: same word count, every word pair close after folding."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or a == b:
        return a == b
    for x, y in zip(wa, wb, strict=True):
        fx, fy = fold_word(x), fold_word(y)
        if fx == fy:
            continue
        if min(len(fx), len(fy)) < config.fuzzy_min_word_length or fx[0] != fy[0]:
            return False
        if Levenshtein.normalized_similarity(fx, fy) < config.fuzzy_threshold:
            return False
    return True


def _merge_transliterations(comps: _Components, nodes: list, config: EnrichConfig) -> None:
    """Transliteration variants, compared within blocks of type, word count and initial."""
    blocks: dict[tuple, list] = defaultdict(list)
    for node in nodes:
        words = node[1].split()
        if words:
            blocks[(node[0], len(words), fold_word(words[0])[0])].append(node)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if _similar(a[1], b[1], config):
                    comps.union(a, b)


def _merge_short_forms(comps: _Components, rows: list[dict], nodes: list) -> None:
    """Across articles: an acronym, a lone surname or a run-together organisation name
    (`Transibérica`) that matches exactly one full name; an organisation's first word alone
    is not enough (`State` is not the `State Department`). spaCy's label for a rare name
    varies from article to article, so acronyms and organisation names look at every type
    but PERSON."""
    groups: dict = defaultdict(set)
    for node in nodes:
        if len(node[1].split()) > 1:
            groups[(node[0] == "PERSON", comps.find(node))].add(node[1])
    acronyms = {_node(r): r["local_name"] for r in rows}
    for node in nodes:
        word = node[1]
        if len(word.split()) != 1:
            continue
        is_person = node[0] == "PERSON"
        if is_acronym(acronyms.get(node, "")):
            matches = {
                root
                for (person, root), keys in groups.items()
                if person == is_person and any(expands(acronyms[node], k) for k in keys)
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
                if not person and any(compacts(k.split(), word) for k in keys)
            }
        else:
            continue
        if len(matches) == 1:
            comps.union(node, matches.pop())


def _majority(votes: Counter) -> str:
    """The most frequent value, A-Z among equals."""
    return min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _canonical_names(
    comps: _Components, rows: list[dict], known_by_node: dict
) -> tuple[dict, dict]:
    """(root -> name, root -> type): one type per entity, the majority of its mentions', and
    one spelling: a known name, else its most frequent full form."""
    type_votes: dict = defaultdict(Counter)
    spellings: dict = defaultdict(Counter)
    for r in rows:
        root = comps.find(_node(r))
        type_votes[root][r["type"]] += 1
        if r["surface"] == r["local_name"]:
            spellings[root][r["surface"]] += 1
    named_roots: dict = defaultdict(Counter)
    for node, name in known_by_node.items():
        named_roots[comps.find(node)][name] += 1
    types = {root: _majority(votes) for root, votes in type_votes.items()}

    def canonical(root) -> str:
        if named_roots[root]:
            return _majority(named_roots[root])
        forms = spellings[root] or Counter({root[1]: 1})
        expansions = [f for f in forms if not is_acronym(f)]

        def rank(form: str):
            # An acronym defined by its expansion yields to it (`EHN` -> the company's
            # name), and a person's surname to a full name; then the most frequent form,
            # then the longer, then A-Z.
            shadowed = is_acronym(form) and any(expands(form, e) for e in expansions)
            surname = types[root] == "PERSON" and len(form.split()) == 1
            return (shadowed, surname, -forms[form], -len(form.split()), form)

        return min(forms, key=rank)

    return {root: canonical(root) for root in type_votes}, types


def _result_tables(
    comps: _Components, rows: list[dict], known: list[dict], names: dict, types: dict
) -> EntityResult:
    out, alias_rows = [], {}
    for r in rows:
        root = comps.find(_node(r))
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
        comps.find(_node(r))
    known_by_node = _merge_known(comps, known)
    nodes = sorted(comps.parent)
    nodes_by_key: dict[str, list] = defaultdict(list)
    for node in nodes:
        nodes_by_key[node[1]].append(node)
    _merge_stated_aliases(comps, rows, nodes_by_key)
    _merge_same_name(comps, nodes_by_key)
    _merge_same_place(comps, rows, config)
    _merge_transliterations(comps, nodes, config)
    _merge_short_forms(comps, rows, nodes)
    names, types = _canonical_names(comps, rows, known_by_node)
    return _result_tables(comps, rows, known, names, types)
