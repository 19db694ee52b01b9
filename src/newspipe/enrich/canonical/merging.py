"""One canonical name per entity across the corpus and the aliases of earlier runs.

`canonicalize_entities` joins name nodes (an entity type and a folded name: every mention's
local full form and every known alias) into entities by six rules, one function each: a
spelling known from earlier runs, a name the text equates with another (`same_as`), one
name under several labels, one place under its names in several languages (GeoNames),
transliteration variants (rapidfuzz under a conservative threshold) and short forms
(acronym, surname, run-together name) that match exactly one full name. Each rule returns
edges between nodes and the entities are the connected components (scipy); every entity
then takes one type (the majority) and one spelling (the most frequent full form).

Corpus-wide work is indexed, never pairwise: per-row work is Arrow and NumPy over the
mentions, Python touches each distinct name once, transliteration candidates share a
deletion variant of their last word (every pair within the edit budget does), and short
forms look their full names up in dicts of initials, surnames and run-together words.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz.distance import Levenshtein
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from newspipe import schema
from newspipe.config import EnrichConfig
from newspipe.enrich.canonical.name_forms import (
    expands,
    fold_word,
    initials,
    is_acronym,
    name_key,
)
from newspipe.enrich.canonical.places import place_id
from newspipe.schema import ENTITIES, conform
from newspipe.sqlfiles import read_sql

# Joins an entity type and a folded name into one node string; folded names hold no
# control characters, and it sorts below any letter, so strings sort as (type, name) pairs.
_SEP = "\x1f"
_PACKAGE = "newspipe.enrich.canonical"
_Edges = tuple[list[int], list[int]]
# Blocks of transliteration candidates up to this size are compared pair by pair: cheaper
# than indexing their deletion variants, and the cost stays linear in the nodes.
_PAIRWISE_BLOCK = 16
# Deletions indexed per word: the variants of a word grow as its length to this power. A
# pair further apart needs two words long enough for that budget (17 letters or more at the
# default threshold: rare, run-together web addresses), and those few are compared pairwise.
_INDEXED_EDITS = 2
# A short form's index entry when several entities share it (roots are node numbers, >= 0).
_AMBIGUOUS = -1


@dataclass(frozen=True)
class EntityResult:
    """What `canonicalize_entities` gives: tables of the contract and of the warehouse."""

    mentions: pa.Table  # entity_mentions: every mention with its canonical name
    entities: pa.Table  # entities: canonical entity per article with its mention count
    aliases: pa.Table  # entity_aliases: every spelling known so far and its canonical name


@dataclass(frozen=True)
class _Nodes:
    """Name nodes in (type, folded name) order, so the smallest node of an entity is its
    representative whatever the order its edges arrive in."""

    types: list[str]
    keys: list[str]
    strings: pa.Array  # type + _SEP + key, the value set rows are looked up in

    @classmethod
    def of(cls, *strings: pa.Array) -> _Nodes:
        distinct = sorted({s for column in strings for s in pc.unique(column).to_pylist()})
        pairs = [s.split(_SEP, 1) for s in distinct]
        return cls([p[0] for p in pairs], [p[1] for p in pairs], pa.array(distinct, pa.string()))

    def lookup(self, strings: pa.Array) -> np.ndarray:
        return pc.index_in(strings, value_set=self.strings).to_numpy()

    def by_key(self) -> dict[str, list[int]]:
        nodes: dict[str, list[int]] = defaultdict(list)
        for node, key in enumerate(self.keys):
            nodes[key].append(node)
        return nodes


def _folded(names: pa.Array) -> pa.Array:
    """`name_key` of every name, computed once per distinct name."""
    distinct = pc.unique(names)
    keys = pa.array([name_key(n) for n in distinct.to_pylist()], pa.string())
    return keys.take(pc.index_in(names, value_set=distinct))


def _node_strings(types: pa.Array, names: pa.Array) -> pa.Array:
    return pc.binary_join_element_wise(types, _folded(names), _SEP)


def _components(n: int, edges: list[_Edges]) -> np.ndarray:
    """Each node's representative: the smallest node connected to it by the edges."""
    if n == 0:
        return np.empty(0, np.int64)
    a = np.fromiter((x for e in edges for x in e[0]), np.int64)
    b = np.fromiter((x for e in edges for x in e[1]), np.int64)
    graph = coo_matrix((np.ones(len(a), np.int8), (a, b)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    smallest = np.full(labels.max() + 1, n, np.int64)
    np.minimum.at(smallest, labels, np.arange(n))
    return smallest[labels]


def _merge_known(alias_nodes: np.ndarray, name_nodes: np.ndarray) -> _Edges:
    """A spelling mapped in an earlier run joins the name it was mapped to."""
    return alias_nodes.tolist(), name_nodes.tolist()


def _merge_stated_aliases(
    row_nodes: np.ndarray, mentions: pa.Table, nodes: _Nodes, by_key: dict
) -> _Edges:
    """The text says so: A (B), A or B, referring to B. Types may disagree (spaCy called
    Daesh a place); the merged entity takes the majority type."""
    stated = pc.invert(pc.is_null(mentions["same_as"])).to_numpy(zero_copy_only=False)
    same_as = mentions["same_as"].filter(stated).to_pylist()
    pairs = set(zip(row_nodes[stated].tolist(), same_as, strict=True))
    edges: _Edges = ([], [])
    for node, other_name in pairs:
        is_person = nodes.types[node] == "PERSON"
        for other in by_key.get(name_key(other_name), []):
            if (nodes.types[other] == "PERSON") == is_person:
                edges[0].append(node)
                edges[1].append(other)
    return edges


def _merge_same_name(by_key: dict) -> _Edges:
    """One name, several labels across articles (the small models label an unfamiliar name
    differently from one text to the next): one entity, of the majority type."""
    edges: _Edges = ([], [])
    for same_name in by_key.values():
        edges[0].extend(same_name[:1] * (len(same_name) - 1))
        edges[1].extend(same_name[1:])
    return edges


def _merge_same_place(row_nodes: np.ndarray, mentions: pa.Table, config: EnrichConfig) -> _Edges:
    """One city in several languages (`Saragosse`, `Zaragoza`): one GeoNames id. Every
    node the gazetteer knows is the second end of an edge (the first of its id, to itself)."""
    is_place = pc.equal(mentions["type"], "GPE").to_numpy(zero_copy_only=False)
    names = mentions["local_name"].filter(is_place).to_pylist()
    first_node: dict[int, int] = {}
    edges: _Edges = ([], [])
    for node, name in set(zip(row_nodes[is_place].tolist(), names, strict=True)):
        geonameid = place_id(name, config.gazetteer_min_population)
        if geonameid is not None:
            edges[0].append(first_node.setdefault(geonameid, node))
            edges[1].append(node)
    return edges


def _max_edits(length: int, config: EnrichConfig) -> int:
    """Edits a folded word of this length may be from a variant of it: a shorter word must
    be equal, and a similarity of t to a partner at most length / t long allows
    (1 - t) / t * length edits."""
    if length < config.fuzzy_min_word_length:
        return 0
    t = config.fuzzy_threshold
    return int((1 - t) / t * length + 1e-9)


def _deletions(word: str, edits: int) -> set[str]:
    variants = {word}
    for _ in range(edits):
        variants |= {v[:i] + v[i + 1 :] for v in variants for i in range(len(v))}
    return variants


def _similar(a: list[str], b: list[str], config: EnrichConfig) -> bool:
    """Transliteration variants (folded words, as many in each): every word pair equal, or
    long enough, of one initial and close enough."""
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if min(len(x), len(y)) < config.fuzzy_min_word_length or x[0] != y[0]:
            return False
        if Levenshtein.normalized_similarity(x, y) < config.fuzzy_threshold:
            return False
    return True


def _merge_transliterations(nodes: _Nodes, config: EnrichConfig) -> _Edges:
    """Transliteration variants: one type, as many words, the same initials, and every word
    close after folding. Within a block of type, word count and folded initials, candidates
    share a deletion variant of their last folded word, which every pair within the edit
    budget does (symmetric deletion), so no large block is compared pairwise."""
    words = [key.split() for key in nodes.keys]
    folds = {w: fold_word(w) for w in {w for node_words in words for w in node_words}}
    folded = [[folds[w] for w in node_words] for node_words in words]
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for node, words in enumerate(folded):
        if words:
            blocks[(nodes.types[node], len(words), *(w[0] for w in words))].append(node)
    variants: dict[str, tuple[str, ...]] = {}
    edges: _Edges = ([], [])
    for members in blocks.values():
        # Blocks are disjoint, so a pair is compared once and nothing outlives its block.
        if len(members) <= _PAIRWISE_BLOCK:
            pairs = combinations(members, 2)
        else:
            pairs = _indexed_pairs(members, folded, variants, config)
        for a, b in pairs:
            if _similar(folded[a], folded[b], config):
                edges[0].append(a)
                edges[1].append(b)
    return edges


def _indexed_pairs(
    members: list[int], folded: list[list[str]], variants: dict, config: EnrichConfig
) -> set[tuple[int, int]]:
    """The pairs of a large block that share a deletion variant of their last folded word
    (`variants` caches each word's, as tuples), and the pairs of its words too long for
    the indexed edit budget."""
    by_variant: dict[str, list[int]] = defaultdict(list)
    long_words = []
    for node in members:
        last = folded[node][-1]
        edits = _max_edits(len(last), config)
        if edits > _INDEXED_EDITS:
            long_words.append(node)
        if last not in variants:
            variants[last] = tuple(_deletions(last, min(edits, _INDEXED_EDITS)))
        for variant in variants[last]:
            by_variant[variant].append(node)
    pairs: set[tuple[int, int]] = set()
    for bucket in [*by_variant.values(), long_words]:
        pairs.update(combinations(bucket, 2))
    return pairs


def _merge_short_forms(
    nodes: _Nodes, roots: np.ndarray, row_nodes: np.ndarray, mentions: pa.Table
) -> _Edges:
    """Across articles: an acronym, a lone surname or a run-together organisation name
    (`Transibérica`) that matches the full names of exactly one entity; an organisation's
    first word alone is not enough (`State` is not the `State Department`). spaCy's label
    for a rare name varies from article to article, so acronyms and organisation names look
    at every type but PERSON. Full names are indexed by their initials (of every tail of two
    words or more), surnames and run-together leading words."""
    acronyms: dict[tuple[bool, str], int] = {}
    surnames: dict[str, int] = {}
    run_together: dict[str, int] = {}
    for node, key in enumerate(nodes.keys):
        words = key.split()
        if len(words) < 2:
            continue
        is_person, root = nodes.types[node] == "PERSON", int(roots[node])
        for start in range(len(words) - 1):
            _index_entity(acronyms, (is_person, initials(words[start:])), root)
        if is_person:
            _index_entity(surnames, words[-1], root)
        else:
            for end in range(2, len(words) + 1):
                _index_entity(run_together, "".join(words[:end]), root)
    # The spelling of a one-word node: its last mention's local full form.
    last_row = np.full(len(nodes.keys), -1, np.int64)
    np.maximum.at(last_row, row_nodes, np.arange(len(row_nodes)))
    local_names = mentions["local_name"]
    edges: _Edges = ([], [])
    for node, key in enumerate(nodes.keys):
        if len(key.split()) != 1:
            continue
        written = local_names[int(last_row[node])].as_py() if last_row[node] >= 0 else ""
        is_person = nodes.types[node] == "PERSON"
        if is_acronym(written):
            match = acronyms.get((is_person, written.replace(".", "")), _AMBIGUOUS)
        elif is_person:
            match = surnames.get(key, _AMBIGUOUS)
        elif nodes.types[node] == "ORG":
            match = run_together.get(key, _AMBIGUOUS)
        else:
            continue
        if match != _AMBIGUOUS:
            edges[0].append(node)
            edges[1].append(match)
    return edges


def _index_entity(index: dict, key, root: int) -> None:
    """Index `key` to the entity `root`, or to `_AMBIGUOUS` once a second entity has it:
    a short form names an entity only when it matches exactly one. Ints, not sets of
    them, so the many index entries hold no containers for the garbage collector."""
    index[key] = root if index.get(key, root) == root else _AMBIGUOUS


def _majority(votes: dict[str, int]) -> str:
    """The most frequent value, A-Z among equals."""
    return min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _counts(groups: np.ndarray, values: pa.Array) -> dict[int, dict[str, int]]:
    """group -> value -> rows, over rows labelled by `groups` (ints) and `values`."""
    encoded = pc.dictionary_encode(values).combine_chunks()
    codes = encoded.indices.to_numpy()
    width = len(encoded.dictionary)
    pairs, counts = np.unique(groups * width + codes, return_counts=True)
    dictionary = encoded.dictionary.to_pylist()
    out: dict[int, dict[str, int]] = defaultdict(dict)
    for pair, count in zip(pairs.tolist(), counts.tolist(), strict=True):
        out[pair // width][dictionary[pair % width]] = count
    return out


def _canonical_names(
    nodes: _Nodes,
    row_roots: np.ndarray,
    mentions: pa.Table,
    known: dict[int, dict[str, int]],
    places: set[int],
) -> tuple[dict[int, str], dict[int, str]]:
    """(root -> name, root -> type) of the entities that have mentions: one type, the one
    articles gave evidence of (`type_evidence`; the majority of those mentions) unless the
    entity is a place the gazetteer knows (`places`, roots), else the majority of all its
    mentions; and one spelling: a known name, else its most frequent full form."""
    types = {root: _majority(v) for root, v in _counts(row_roots, mentions["type"]).items()}
    evident = pc.is_valid(mentions["type_evidence"]).to_numpy(zero_copy_only=False)
    shown = _counts(row_roots[evident], mentions["type"].filter(evident))
    types.update({root: _majority(v) for root, v in shown.items() if root not in places})
    is_full = pc.equal(mentions["surface"], mentions["local_name"]).to_numpy(zero_copy_only=False)
    spellings = _counts(row_roots[is_full], mentions["surface"].filter(is_full))

    def canonical(root: int) -> str:
        if known.get(root):
            return _majority(known[root])
        forms = spellings.get(root) or {nodes.keys[root]: 1}
        expansions = [f for f in forms if not is_acronym(f)]

        def rank(form: str):
            # An acronym defined by its expansion yields to it (`EHN` -> the company's
            # name), and a person's surname to a full name; then the most frequent form,
            # then the longer, then A-Z.
            shadowed = is_acronym(form) and any(expands(form, e) for e in expansions)
            surname = types[root] == "PERSON" and len(form.split()) == 1
            return (shadowed, surname, -forms[form], -len(form.split()), form)

        return min(forms, key=rank)

    return {root: canonical(root) for root in types}, types


def _known_names(known: pa.Table, alias_nodes: np.ndarray, roots: np.ndarray) -> dict:
    """root -> known name -> how many of its known spellings map to it (the last mapping
    of a spelling counts)."""
    last: dict[int, str] = dict(zip(alias_nodes.tolist(), known["name"].to_pylist(), strict=True))
    names: dict[int, dict[str, int]] = defaultdict(dict)
    for node, name in last.items():
        votes = names[int(roots[node])]
        votes[name] = votes.get(name, 0) + 1
    return names


def canonicalize_entities(
    mentions: pa.Table, known_names: pa.Table | None, config: EnrichConfig
) -> EntityResult:
    """Canonical names over a whole corpus of mentions (from `extract_entities`).

    `known_names` is the published `entity_aliases` table of earlier runs (alias, type,
    name), or None: a variant already mapped keeps its name, so names are stable across
    runs. The aliases cover the known ones and this run's.
    """
    known = known_names if known_names is not None else schema.ENTITY_ALIASES.schema.empty_table()
    known = known.select(["alias", "type", "name"]).combine_chunks()
    mentions = mentions.combine_chunks()
    # An alias left empty stands for the name itself.
    known_alias = pc.if_else(pc.equal(known["alias"], ""), None, known["alias"])
    known_spellings = pc.coalesce(known_alias, known["name"])
    row_strings = _node_strings(mentions["type"], mentions["local_name"])
    alias_strings = _node_strings(known["type"], known_spellings)
    name_strings = _node_strings(known["type"], known["name"])
    nodes = _Nodes.of(row_strings, alias_strings, name_strings)
    row_nodes, alias_nodes = nodes.lookup(row_strings), nodes.lookup(alias_strings)
    by_key = nodes.by_key()
    edges = [
        _merge_known(alias_nodes, nodes.lookup(name_strings)),
        _merge_stated_aliases(row_nodes, mentions, nodes, by_key),
        _merge_same_name(by_key),
        places := _merge_same_place(row_nodes, mentions, config),
        _merge_transliterations(nodes, config),
    ]
    roots = _components(len(nodes.keys), edges)
    edges.append(_merge_short_forms(nodes, roots, row_nodes, mentions))
    roots = _components(len(nodes.keys), edges)
    row_roots = roots[row_nodes]
    names, types = _canonical_names(
        nodes,
        row_roots,
        mentions,
        _known_names(known, alias_nodes, roots),
        {int(roots[node]) for node in places[1]},
    )
    return _result_tables(mentions, row_roots, names, types, known)


def _result_tables(
    mentions: pa.Table, row_roots: np.ndarray, names: dict, types: dict, known: pa.Table
) -> EntityResult:
    entity_roots = sorted(names)
    rows = np.searchsorted(np.array(entity_roots, np.int64), row_roots)
    named = mentions.select(["article_id", "surface", "start_char", "end_char", "local_name"])
    named = named.append_column(
        "name", pa.array([names[r] for r in entity_roots], pa.string()).take(rows)
    ).append_column("type", pa.array([types[r] for r in entity_roots], pa.string()).take(rows))
    entity_mentions = conform(schema.ENTITY_MENTIONS, named.drop_columns(["local_name"]))
    # One connection for both queries: opening one costs more than either query.
    with duckdb.connect() as con:
        con.register("named_mentions", named)
        con.register("known_aliases", known)
        entities = con.sql(read_sql(_PACKAGE, "entity_counts")).to_arrow_table()
        aliases = con.sql(read_sql(_PACKAGE, "entity_aliases")).to_arrow_table()
    return EntityResult(
        mentions=entity_mentions,
        entities=conform(ENTITIES, entities),
        aliases=conform(schema.ENTITY_ALIASES, aliases),
    )
