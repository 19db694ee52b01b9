"""People the small NER models call organisations or places, or miss.

News introduces a person with an age (`Gerrit Hulshof, 71,`, `Jane Roe (54)`), with a role
set off after the name (`Lydia Hargrove, a spokeswoman for ...`, `Marcus Delaney, the
local's plant chairman,`) or with a relative clause about someone (`X, who leads ...`); no
organisation or place is written so. A mention so introduced becomes a person, with the
rule in `type_evidence`, unless the text already showed it is an organisation; a name of two
words or more written with an age becomes a mention where the model found none. As with
organisations, the evidence types the name in its whole article and in the corpus.
"""

from __future__ import annotations

import re

from newspipe.enrich.canonical.name_forms import name_key

# Roles that are a person's: jobs, offices, kin (English, French, Spanish).
_ROLES = (
    r"spokes(?:man|woman|person)|chair(?:man|woman)?|director|executive|officer|analyst|"
    r"economist|minister|mayor|president|secretary|lawyer|attorney|leader|founder|"
    r"co-founder|manager|professor|lecturer|teacher|doctor|surgeon|nurse|student|resident|"
    r"farmer|worker|owner|shopkeeper|son|daughter|wife|husband|mother|father|brother|"
    r"sister|widow|grandmother|grandfather|official|engineer|scientist|seismologist|"
    r"researcher|coach|player|striker|actor|actress|singer|author|writer|journalist|"
    r"reporter|editor|pilot|driver|captain|senator|governor|judge|commissioner|inspector|"
    r"detective|soldier|activist|campaigner|survivor|witness|"
    r"porte-parole|maire|ministre|présidente?|directeur|directrice|avocate?|"
    r"portavoz|alcaldesa|alcalde|ministra|ministro|presidenta|directora|abogada?|vecina?"
)
# `, a spokeswoman for the state's agency`: the role heads the apposition.
_ROLE_AFTER = re.compile(
    r",\s+(?:a|an|the|its|his|her|une|un|la|le|l'|el|una)\s+(?:[\w'’-]+\s+){0,4}?(?:"
    + _ROLES
    + r")(?=\s*[,.;)]|\s+(?:of|for|at|in|with|de|du|des|del|en|à|chez)\b)",
    re.IGNORECASE,
)
# `Fabien Roux, adjoint chargé du commerce`, `Ana Gil, concejala de Cultura`: French and
# Spanish set a person's office off after the name with no article. Only offices: an
# organisation is set off so by what it does (`X, responsable de la obra`).
_OFFICE_AFTER = re.compile(
    r",\s+(?:adjointe?|conseill(?:er|ère)|maire|présidente?|directeur|directrice|"
    r"secrétaire|porte-parole|concejala?|alcaldesa|alcalde|president[ae]|director[a]?|"
    r"secretari[ao]|portavoz|gerente|encargad[ao]|ministr[ao]|ministre)"
    r"(?=\s+(?:de|du|des|del|d['’]|chargée?|delegad[ao]|à|au|aux)\b)"
)
# `El alcalde, Tomás Arrieta,`, `the chief executive, Jane Roe,`: a role set off just before
# the name (the role its last word, so `the owner of the club, X,` is not read so).
_DETERMINERS = r"(?:the|its|his|her|their|la|le|l'|el|su|sus|sa|son|leur|nuestra|nuestro)"
_ROLE_BEFORE = re.compile(
    r"\b" + _DETERMINERS + r"\s+(?:[\w'’-]+\s+){0,2}?(?:" + _ROLES + r")\s*,\s*$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"\s*(?:,\s*\d{1,3}\s*,|\(\d{1,3}\))")
_WHO_AFTER = re.compile(r",\s+(?:who|whose|quien|quienes)\b", re.IGNORECASE)
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'-]+"
_NAME_WITH_AGE = re.compile(
    r"\b("
    + _NAME_WORD
    + r"(?:[ \t]+(?:(?:de|del|van|von|al|da|di|la|le)[ \t]+)?"
    + _NAME_WORD
    + r")+)(?=\s*(?:,\s*\d{1,3}\s*,|\(\d{1,3}\)))"
)
# `Su presidenta, Pilar Roig, calificó`, `advirtió su presidenta, Pilar Roig—`: a name of two
# words or more set off after a role, where the model found none.
_NAME_AFTER_ROLE = re.compile(
    r"\b"
    + _DETERMINERS
    + r"\s+(?:[\w'’-]+\s+){0,2}?(?:"
    + _ROLES
    + r")\s*,\s*(?-i:("
    + _NAME_WORD
    + r"(?:[ \t]+(?:(?:de|del|van|von|al|da|di|la|le)[ \t]+)?"
    + _NAME_WORD
    + r")+))(?=\s*[,;—–]|\.\s)",
    re.IGNORECASE,
)
# What may follow a name set off after a role: a comma, a dash, a semicolon, a sentence's end.
_SET_OFF_END = re.compile(r"\s*[,;—–]|\.\s")
# Labels a person's evidence may overrule; an organisation the text showed stays one.
_RETYPABLE = frozenset({"ORG", "GPE", "LOC", "MISC", "FAC", "NORP", "PRODUCT"})


def _evidence(body: str, m: dict) -> str | None:
    """The rule that makes mention `m` a person, if any. `X, who` says so only of a name the
    model did not call an organisation: British English writes `the club, who`."""
    end = m["end_char"]
    if _AGE_AFTER.match(body, end):
        return "age"
    if _ROLE_AFTER.match(body, end) or _OFFICE_AFTER.match(body, end):
        return "person_role"
    if _SET_OFF_END.match(body, end) and _ROLE_BEFORE.search(
        body, max(0, m["start_char"] - 60), m["start_char"]
    ):
        return "person_role"
    if m["type"] != "ORG" and _WHO_AFTER.match(body, end):
        return "who"
    return None


def mark_people(article_id: str, body: str, mentions: list[dict]) -> list[dict]:
    """One article's mentions (any label) with the people the text introduces as such
    typed PERSON and named people the model missed added, in text order; a mention the
    text showed to be an organisation (`type_evidence`) is left alone."""
    for m in mentions:
        m.setdefault("type_evidence", None)
        evidence = None if m["type_evidence"] else _evidence(body, m)
        if evidence:
            m["type"], m["type_evidence"] = "PERSON", evidence
    taken = [(m["start_char"], m["end_char"]) for m in mentions]
    introduced = [(match, "age") for match in _NAME_WITH_AGE.finditer(body)] + [
        (match, "person_role") for match in _NAME_AFTER_ROLE.finditer(body)
    ]
    for match, evidence in introduced:
        start, end = match.span(1)
        if all(end <= a or start >= b for a, b in taken):
            taken.append((start, end))
            mentions.append(
                {
                    "article_id": article_id,
                    "surface": match.group(1),
                    "type": "PERSON",
                    "start_char": start,
                    "end_char": end,
                    "same_as": None,
                    "type_evidence": evidence,
                }
            )
    # Within an article a person's name is one wherever it is written.
    people = {
        name_key(m["surface"]): m["type_evidence"]
        for m in mentions
        if m["type"] == "PERSON" and m["type_evidence"]
    }
    for m in mentions:
        shown = people.get(name_key(m["surface"]))
        if shown and m["type"] in _RETYPABLE and not m["type_evidence"]:
            m["type"], m["type_evidence"] = "PERSON", shown
    return sorted(mentions, key=lambda m: m["start_char"])
