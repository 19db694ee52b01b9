"""What one article says about its names: a surname alone, a shortened name or an acronym
resolves to the full form the article uses (`local_name`), and phrases such as `A (B)`,
`A or B`, `B, as A is known` or `, referring to A` record that the text equates two names
(`same_as`). Runs on each article's mentions inside `extract_entities`."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from newspipe.enrich.canonical.name_forms import (
    AREA_WORDS,
    PARTICLES,
    compacts,
    expands,
    is_acronym,
    name_key,
)


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
    return full[:n] == part and (rest[0] in PARTICLES or (len(rest) == 1 and rest[0] in AREA_WORDS))


def resolve_in_article(mentions: list[dict]) -> None:
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
        surname = any(_contains(p, words, "PERSON") for p in person_words)
        if surname and m["type"] != "PERSON" and not m.get("type_evidence"):
            m["type"] = "PERSON"
    # Within an article a name has one type: the majority of its mentions, unless the text
    # gave evidence that it is an organisation's.
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[name_key(m["surface"])][m["type"]] += 1
    for m in mentions:
        if not m.get("type_evidence"):
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
                or (is_acronym(m["surface"]) and expands(m["surface"], other["surface"]))
                or (len(words) == 1 and m["type"] == "ORG" and compacts(full, words[0]))
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
    # A (B) / A (known as B), but not a dateline's agency credit (`LLEIDA, Spain (Orbis Wire) —`)
    re.compile(
        r"^\s*\((?:(?:also\s+)?(?:known|called)\s+as\s+)?(" + _CAPITALISED + r")\)(?!\s*[—–-])"
    ),
    # A, also known as B / A, known as B / A or B (not `A, B or C`: a list)
    re.compile(r"^,?\s+(?:also\s+)?(?:known|called)\s+as\s+(?:the\s+)?(" + _CAPITALISED + ")"),
    re.compile(r"^,?\s+or\s+(" + _CAPITALISED + ")"),
    # B, as A is known / B, as the A is called
    re.compile(
        r"^,\s+as\s+(?:the\s+)?(" + _CAPITALISED + r")\s+(?:is|are)\s+(?:also\s+)?(?:known|called)"
    ),
]
_REFERRING = re.compile(r"\breferring\s+to\s+(?:the\s+)?(" + _CAPITALISED + ")")


def find_aliases(text: str, mentions: list[dict]) -> None:
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
                if is_acronym(m["surface"]) == is_acronym(other) or re.search(r",\s*$", before):
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
