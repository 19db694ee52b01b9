"""Organisations the small NER models call people or places, cut short, or miss.

The models know the organisations of their training news; an unfamiliar company, union,
museum or armed group comes out as a person (`Energi Hijau Nusantara`), a place
(`Transibérica`), two pieces (`Universidad` + `Norte Chico`) or nothing (`NightMoth`). The
evidence used here holds in any article, whatever the organisation:

- the name's own words: a legal form (`Ltd`, `GmbH`, `S.A.`, `PT`, `Tbk`) or an
  organisation word (`Bank`, `Group`, `Council`, `Ministerio`, `Université`, `Stiftung`,
  `Jabhat`...), which also carry the name over the pieces the model cut it into and
  over what it left out: a chain of legal forms (`Co., Ltd.`), particles with their article
  (`du Bassin de la X`), the lower-case words a sentence-case French or Spanish name joins
  by particles (`Coopérative des pêcheurs de l'estuaire`), and capitalised words before
  it (`X` + `Parish Council`: at a sentence's start only a word the article names alone);
- an acronym defined beside it (`Energi Hijau Nusantara (EHN)`): people have none;
- a role noun before or beside it (`the operator X`, `the startup X`, `a group calling
  itself X`, `X, une société de location`, `a spokesman for X`, `an analyst at X`);
- a news agency's credit in a dateline (`LLEIDA, Spain (Orbis Wire) —`).

The words themselves, in every language the rules read, are entity_words.toml's. Each
mention so typed carries the rule in `type_evidence`; its name is an organisation in
the whole article, and canonical names give the evidence precedence over the model's
labels of the same name elsewhere in the corpus (merging.py).
"""

from __future__ import annotations

import re

from newspipe.config import EnrichConfig
from newspipe.enrich.canonical.entity_words import alternation, words
from newspipe.enrich.canonical.name_forms import expands, name_key
from newspipe.enrich.canonical.places import is_place

# The word lists (legal forms, organisation words, role nouns, ranks) are entity_words.toml's.
_FORMS_AFTER = frozenset(words("organisation", "forms_after"))
_FORMS_BEFORE = frozenset(words("organisation", "forms_before"))
_ORG_WORDS = frozenset(words("organisation", "words"))
_OUTLET_WORDS = frozenset(words("organisation", "outlet_words"))
_ROLE_NOUNS = alternation("organisation", "role_nouns")
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w&’'-]*"
_PARTICLE = r"(?:of|de|del|du|des|van|von|der|ter|ten|di|&)"
# Between the words of a name: a space, a particle with or without an article (`Bank of
# the West`, `Bassin de la Laïta`) or an elided one (`Caisse d'Épargne`, `de l'Ouest`).
_LINK = (
    r"(?:[ \t]+(?:" + _PARTICLE + r"[ \t]+(?:(?:the|la|las|los|le|les|el)[ \t]+)?)?"
    r"|[ \t]+(?:de[ \t]+l|d)['’])"
)
_POSSESSIVE = re.compile(r"['’]s?$")
# Names run over spaces, never over a line break.
_NAME = _NAME_WORD + r"(?:" + _LINK + _NAME_WORD + ")*"
# French and Spanish names capitalise their first word only (`Coopérative des pêcheurs de
# l'estuaire`, `Cooperativa de pescadores de la ría`): words each joined by a particle.
_LOWER_LINKS = re.compile(
    r"(?:(?:[ \t]+(?:de[ \t]+la|de[ \t]+las|de[ \t]+los|des|del|du|de)[ \t]+"
    r"|[ \t]+(?:de[ \t]+l|d)['’])[\w][\w'’-]*){1,4}"
)
_ROLE_BEFORE = re.compile(
    r"\b(?:" + _ROLE_NOUNS + r")[ \t]+$|\bcalling\s+itself[ \t]+$", re.IGNORECASE
)
# `The lender, Tamsin Mutual, said`: the role set off before a name that is set off too,
# opening its sentence (`The head of the union, Jane Roe, said` sets off a person).
_ROLE_SET_OFF_BEFORE = re.compile(
    r"\b(?:the|its|la|le|el|l['’])\s*(?:" + _ROLE_NOUNS + r"),[ \t]+$", re.IGNORECASE
)


def _role_before(body: str, start: int, end: int) -> bool:
    """Whether a role noun says the name at body[start:end] is an organisation's: right
    before it (`the operator X`), or set off before it at the start of the sentence when
    the name is set off too."""
    lo = max(0, start - 40)
    if _ROLE_BEFORE.search(body, lo, start):
        return True
    set_off = _ROLE_SET_OFF_BEFORE.search(body, lo, start)
    return (
        set_off is not None
        and body[end : end + 1] == ","
        and _starts_sentence(body, set_off.start())
    )


# The role is the head of the apposition: it ends it or a preposition follows it.
_ROLE_AFTER = re.compile(
    r",\s+(?:a|an|the|une|un|la|le|l'|el|una|ein|eine|die|der)\s+(?:[\w-]+\s+){0,3}?(?:"
    + _ROLE_NOUNS
    + r")(?=\s*[,.;)]|\s+(?:of|for|in|based|that|which|de|du|des|del|en|que|qui|für)\b)",
    re.IGNORECASE,
)
# `a spokesman for X`, `an analyst at X`, `chief executive of X`: people who work for one
# (not `professor of X`, whose X is a subject).
_EMPLOYED_BY = re.compile(
    r"(?:\b(?:" + alternation("organisation.staff", "works_at") + r")s?\s+(?:at|for|with|en|chez)"
    r"|\b(?:" + alternation("organisation.staff", "heads") + r")s?\s+(?:of|de))"
    r"\s+(?:the\s+|la\s+|el\s+|le\s+|l')?$",
    re.IGNORECASE,
)
# A name followed by a role noun only describes it (`a spokesman for the U.K. company`).
_MODIFIES = re.compile(r"[ \t]+(?:" + _ROLE_NOUNS + r"|ministry|department)\b", re.IGNORECASE)
_ACRONYM_AFTER = re.compile(r"\s*\(([A-ZÀ-Þ][A-ZÀ-Þ.&]{1,9})\)")
# `LLEIDA, Spain (Orbis Wire) —`: the credit of the agency that wrote the story.
_DATELINE_CREDIT = re.compile(
    r"\A\s*[A-ZÀ-Þ][\w .'’-]{1,40}?(?:,\s*[\w .'’-]{2,40}?)?\s*\((" + _NAME + r")\)\s*[—–-]"
)
_NOT_NAMES = frozenset(words("organisation.staff", "not_names"))
_NAMED_BY_ACRONYM = frozenset({"PERSON", "ORG", "MISC"})
# Labels the evidence may overrule: a person, a place the gazetteer does not know, or a
# miscellaneous, facility or product span.
_RETYPABLE = frozenset({"PERSON", "GPE", "LOC", "MISC", "FAC", "PRODUCT", "ORG"})


def _folded_words(name: str) -> list[str]:
    return name_key(name).split()


_RANKS = frozenset(words("organisation.staff", "ranks"))
_PARTICLE_WORDS = frozenset(
    {"of", "de", "del", "du", "des", "van", "von", "der", "ter", "ten", "di"}
)


def org_word_at(name: str) -> int | None:
    """Position of the first organisation word or legal form heading a name, else None. An
    organisation word heads the name when it ends it (`Orvane Group`), a particle follows it
    (`Bank of England`) or it opens it (`Banco Santander`) but for a rank (`Police Sergeant
    Jane Roe`); inside it, it only describes something else (`Foundation Fellow`)."""
    words = _folded_words(name)
    last = len(words) - 1
    for i, word in enumerate(words):
        is_form = (word in _FORMS_AFTER and i == last and i > 0) or (
            word in _FORMS_BEFORE and i == 0 and last > 0
        )
        is_outlet = word in _OUTLET_WORDS and i == last and i > 0
        heads = (
            i == last or (words[i + 1] in _PARTICLE_WORDS) or (i == 0 and words[1] not in _RANKS)
        )
        if is_form or is_outlet or (word in _ORG_WORDS and heads):
            return i
    return None


def _own_words(m: dict, config: EnrichConfig) -> str | None:
    """`name_words` when the name's own words make it an organisation: a legal form or an
    organisation word; a place only when the word opens its name (`Banco Santander`, `Bank
    of England`, not `West Bank`) and the gazetteer does not know it."""
    at = org_word_at(m["surface"])
    if at is None:
        return None
    if m["type"] in ("GPE", "LOC") and at > 0:
        return None
    return "name_words"


# Legal forms as written, after and before the name.
_FORMS_WRITTEN = alternation("organisation", "forms_written", escape=False)
# One legal form or a chain of them (`Co., Ltd.`), with the period that closes one.
_FORM_AFTER_NAME = re.compile(
    r"(?:(?:\.?[ \t]*,)?[ \t]+(?:" + _FORMS_WRITTEN + r")(?:\.|(?![\w.-])))+"
)
_FORM_BEFORE_NAME = re.compile(r"\bPT[ \t]+$")
# Capitalised words joined to a name by a particle, before it (`West of` Scotland ...,
# `Museum Hof van` Rijckaert) and after it (Universidad ` del Norte Chico`).
_JOINED_BEFORE = re.compile(
    r"(" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r")*[ \t]+" + _PARTICLE + r")[ \t]+$"
)
_JOINED_AFTER = re.compile(_LINK + _NAME)
# `Allenbrook` + `Parish Council`: capitalised words right before an organisation's name.
# (Not `Santiago-based`: a hyphen joins capitals only.)
_CAPITALS_WORD = r"[A-ZÀ-ÖØ-Þ][\w&’']*(?:-[A-ZÀ-ÖØ-Þ][\w&’']*)*"
_WORDS_BEFORE = re.compile(
    r"(?<![\w-])(" + _CAPITALS_WORD + r"(?:[ \t]+" + _CAPITALS_WORD + r")*)[ \t]+$"
)
_BRANCH = re.compile(r"[ \t]+(?:" + alternation("organisation", "branch_words") + r")$")
_BRANCH_NUMBER = re.compile(r"[ \t]+\d")
# A heading or subheading in title case (`Data Claim Under Review`, `Police Arrest Driver`):
# a line of capitalised words with no sentence's end, where capitals say nothing of names.
_HEADING = re.compile(
    r"^(?:[ \t]*(?:['\"“‘(]?[A-ZÀ-Þ0-9]\S*|of|the|a|and|in|on|for|to|at)(?=\s|$))+[ \t]*$",
    re.M,
)


def _starts_sentence(body: str, at: int) -> bool:
    """Whether body[at] is the first character of a sentence (or of the text)."""
    while at > 0 and body[at - 1] in " \t":
        at -= 1
    while at > 0 and body[at - 1] in '"”’)':
        at -= 1
    return at == 0 or body[at - 1] in ".!?\n"


def _set_span(m: dict, body: str, start: int, end: int) -> None:
    m["start_char"], m["end_char"], m["surface"] = start, end, body[start:end]


def _mark(m: dict, evidence: str) -> None:
    m["type"] = "ORG"
    m["type_evidence"] = m.get("type_evidence") or evidence


def _lower_links(body: str, surface: str, end: int) -> re.Match | None:
    """The particle-joined words after an organisation word that opens a name written in
    sentence case (`Coopérative` + ` des pêcheurs de l'estuaire`), if any."""
    words = surface.split()
    if org_word_at(surface) != 0 or any(w[:1].isupper() for w in words[1:]):
        return None
    return _LOWER_LINKS.match(body, end)


# `Agence` + ` régionale de santé (ARS)`: lower-case words up to the acronym they spell.
_WORDS_TO_ACRONYM = re.compile(
    r"((?:[ \t]+[a-zà-ÿ][\w'’-]*){1,5})[ \t]*\(([A-ZÀ-Þ][A-ZÀ-Þ.&]{1,9})\)"
)


def _spelt_by_acronym(body: str, surface: str, end: int) -> int | None:
    """Where a sentence-case name ends when the acronym defined after its lower-case words
    spells the whole of it (`Agence régionale de santé (ARS)`), else None."""
    match = _WORDS_TO_ACRONYM.match(body, end)
    if match and expands(match.group(2), surface + match.group(1)):
        return match.end(1)
    return None


def _repair_span(body: str, m: dict, names: frozenset[str]) -> bool:
    """Carry an organisation's name over the legal forms, particle-joined words and
    capitalised words the model left out of its span; whether it was carried. `names` are
    the folded names of the article's mentions."""
    start, end = m["start_char"], m["end_char"]
    org_at = org_word_at(m["surface"])
    before = body[max(0, start - 80) : start]
    form = _FORM_BEFORE_NAME.search(before)
    if form:
        start -= len(before) - form.start()
    joined = _JOINED_BEFORE.search(body[max(0, start - 80) : start])
    if joined and not _starts_sentence(body, start - len(joined.group(0))):
        words = joined.group(1)
        if org_word_at(words) is not None or org_at is not None:
            start -= len(joined.group(0))
    # `Allenbrook Parish Council`: words the name ends in an organisation word; at the start
    # of a sentence only words the article names on their own (else `Today Parish Council`).
    words_before = _WORDS_BEFORE.search(body, max(0, start - 80), start)
    if words_before and org_at is not None and org_at == len(_folded_words(m["surface"])) - 1:
        sentence_start = _starts_sentence(body, words_before.start(1))
        if not sentence_start or name_key(words_before.group(1)) in names:
            start = words_before.start(1)
    after = (
        _FORM_AFTER_NAME.match(body, end)
        or (org_at is not None and _JOINED_AFTER.match(body, end))
        or _lower_links(body, m["surface"], end)
    )
    if after:
        end = after.end()
    elif (spelt_end := _spelt_by_acronym(body, m["surface"], end)) is not None:
        end = spelt_end
    # `United Precision Workers Local 412`: a union's numbered branch is not its name.
    local = _BRANCH.search(body, start, end)
    if local and _BRANCH_NUMBER.match(body, end):
        end = local.start()
    if (start, end) == (m["start_char"], m["end_char"]):
        return False
    _set_span(m, body, start, end)
    return True


def _evidence(body: str, m: dict, config: EnrichConfig) -> str | None:
    """The rule that makes mention `m` an organisation, if any: its own words, an acronym
    defined after it, a role noun before or after it, or a job held at it."""
    if m["type"] not in _RETYPABLE:
        return None
    if m["type"] in ("GPE", "LOC") and is_place(m["surface"], config.gazetteer_min_population):
        return None
    if _own_words(m, config):
        return "name_words"
    acronym = _ACRONYM_AFTER.match(body, m["end_char"])
    # People have no acronyms; products, events and places often do (`Liquid Crystal
    # Display (LCD)`), so an acronym settles a person's, an organisation's or the French and
    # Spanish models' miscellaneous label only.
    if acronym and m["type"] in _NAMED_BY_ACRONYM and expands(acronym.group(1), m["surface"]):
        return "acronym"
    before = body[max(0, m["start_char"] - 40) : m["start_char"]]
    if _MODIFIES.match(body, m["end_char"]):
        return None
    if (
        _role_before(body, m["start_char"], m["end_char"])
        or _EMPLOYED_BY.search(before)
        or _ROLE_AFTER.match(body, m["end_char"])
    ):
        return "role_noun"
    return None


def _never_lower(words: list[str], body: str) -> bool:
    """Whether the article never writes these words in lower case: at a sentence's start
    the words before an organisation word are then a name (`Vindhav Composites said`), not
    a sentence's first word (`Local Authority figures`, `Our Club`)."""
    return all(
        re.search(r"(?<![\w-])" + re.escape(w.lower()) + r"(?![\w-])", body) is None for w in words
    )


def _new_mention(article_id: str, body: str, start: int, end: int, evidence: str) -> dict:
    return {
        "article_id": article_id,
        "surface": body[start:end],
        "type": "ORG",
        "start_char": start,
        "end_char": end,
        "same_as": None,
        "type_evidence": evidence,
    }


def _unlabelled(
    article_id: str,
    body: str,
    mentions: list[dict],
    headings: list[tuple[int, int]],
    config: EnrichConfig,
) -> list[dict]:
    """Organisations the model did not label at all: a name after a role noun (`the startup
    Brightpath IoT`, `calling itself NightMoth`), a name of two words or more holding an
    organisation word (`the Museum Hof van Rijckaert`), and a dateline's agency credit."""
    taken = [(m["start_char"], m["end_char"]) for m in mentions]
    found = []

    def free(start: int, end: int) -> bool:
        return all(end <= span[0] or start >= span[1] for span in taken + found)

    credit = _DATELINE_CREDIT.match(body)
    if credit:
        found.append((credit.start(1), credit.end(1), "dateline"))
    # Names are read around the mentions, never across one (`Jane Doe of` + `Harwick
    # Building Society`): the mentions' characters are masked.
    pieces, at = [], 0
    for a, b in sorted(taken):
        a = max(a, at)
        pieces += [body[at:a], "\0" * max(0, b - a)]
        at = max(at, b)
    masked = "".join([*pieces, body[at:]])
    for match in re.finditer(_NAME, masked):
        start, name = match.start(), _POSSESSIVE.sub("", match.group())
        end = start + len(name)
        in_heading = any(a <= start < b for a, b in headings)
        if in_heading or not free(start, end) or is_place(name, config.gazetteer_min_population):
            continue
        sentence_start = _starts_sentence(body, start)
        before = body[max(0, start - 40) : start]
        if not sentence_start and (_role_before(body, start, end) or _EMPLOYED_BY.search(before)):
            if name_key(name).rstrip("s") not in _NOT_NAMES and not _MODIFIES.match(body, end):
                found.append((start, end, "role_noun"))
        elif (
            len(name.split()) > 1
            and (at := org_word_at(name)) is not None
            and (not sentence_start or at == 0 or _never_lower(name.split()[:at], body))
        ):
            found.append((start, end, "name_words"))
        elif not sentence_start and (links := _lower_links(body, name, end)):
            found.append((start, links.end(), "name_words"))
    return [_new_mention(article_id, body, a, b, why) for a, b, why in found]


def mark_organisations(
    article_id: str, body: str, mentions: list[dict], config: EnrichConfig
) -> list[dict]:
    """One article's mentions (any label) with organisations repaired, typed and added,
    each with the rule that made it one in `type_evidence`, in text order."""
    names = frozenset(name_key(m["surface"]) for m in mentions)
    for m in mentions:
        m.setdefault("type_evidence", None)
        if m["type"] in _RETYPABLE:
            _repair_span(body, m, names)
    # A span carried over its neighbours takes their place (`Universidad` + `Norte Chico`).
    mentions.sort(key=lambda m: (m["start_char"], -m["end_char"]))
    kept: list[dict] = []
    for m in mentions:
        if kept and m["end_char"] <= kept[-1]["end_char"]:
            continue
        kept.append(m)
    headings = [h.span() for h in _HEADING.finditer(body)]
    for m in kept:
        in_heading = any(a <= m["start_char"] < b for a, b in headings)
        evidence = None if in_heading else _evidence(body, m, config)
        if evidence:
            _mark(m, evidence)
    kept += _unlabelled(article_id, body, kept, headings, config)
    # Within an article an organisation's name is one wherever it is written.
    evident = {name_key(m["surface"]): m["type_evidence"] for m in kept if m["type_evidence"]}
    for m in kept:
        if m["type"] in _RETYPABLE and name_key(m["surface"]) in evident:
            _mark(m, evident[name_key(m["surface"])])
    return sorted(kept, key=lambda m: m["start_char"])
