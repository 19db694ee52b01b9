"""Roles and descriptions that stand for a person named elsewhere in the article.

`descriptions` reads the roles each person is introduced with (`Minister Jane Roe`, `Jane
Roe, the city's mayor,`, `La ministra de Trabajo, Jane Roe,`, `Jane Roe, 54,`);
`described_person` finds whom a later description means (`the minister said`, `», añadió la
ministra`, `the 54-year-old said`): the person last introduced with that age, or with that
word as the head of their role. `introduced_unnamed` tells a role the text never names (`a
spokesman for the union`), `related_opening` a person brought in by their relation to
someone (`His colleague Fiona McLeary`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newspipe.enrich.canonical.speech import NAME, person_mention

# The determiners of a description: `the minister`, `la ministra`, `his son`, `su
# presidenta`, `sa fille`.
DEFINITE = r"(?:the|his|her|their|la|le|el|su|sa|son|l['’])"
# `the 54-year-old said`, `The minister told reporters:`: a description before the verb.
_ROLE_BEFORE_VERB = re.compile(
    r"(?:^|[\s,])" + DEFINITE + r"\s*((?:[\w'’-]+\s+){0,3}[\w'’-]+)\s*,?\s*$", re.IGNORECASE
)
# `said the mayor`, `», añadió la ministra.`: a description after it.
_ROLE_AFTER_VERB = re.compile(
    r"^\s+" + DEFINITE + r"\s*((?:[\w'’-]+\s*){1,8}?)(?=\s*(?:[,.;:!?]|$))", re.IGNORECASE
)
# A sentence that opens with a description: `The mayor, who toured the site, called ...`.
ROLE_OPENING = re.compile(r"^\W*" + DEFINITE + r"\s*((?:[\w'’-]+[\s,]+){1,4})", re.IGNORECASE)
# Apposition after a name: `, the city's mayor,` or `, 54,` (not a relative clause).
_APPOSITION = re.compile(
    r"\s*,\s*(?!(?:who|whose|which|que|qui|quien|dont)\b)([^,.;:()\n]{1,80}?)\s*[,.;]"
)
_AGE_IN_PARENTHESES = re.compile(r"\s*\((\d{1,3})\)")
# Words that end a description's head (`the mayor of Kettering`, `la ministra de Trabajo`).
_PREPOSITIONS = frozenset({
    "of", "for", "at", "in", "from", "with", "on", "to", "by", "de", "del", "du", "des", "d",
    "à", "au", "aux", "en", "para", "por", "con",
})  # fmt: skip
_DETERMINERS = frozenset({
    "the", "a", "an", "his", "her", "their", "its", "la", "le", "les", "el", "los", "las",
    "un", "une", "una", "l", "su", "sus", "sa", "son", "ses",
})  # fmt: skip
# Heads of descriptions that speak but are no person (`the statement said`, `la empresa
# aseguró`, `le communiqué précise`): documents, bodies and places.
_NOT_PEOPLE = frozenset({
    "statement", "release", "report", "document", "letter", "filing", "website", "site",
    "post", "notice", "study", "survey", "company", "firm", "group", "council", "ministry",
    "department", "government", "police", "agency", "court", "union", "airline",
    "operator", "authority", "board", "committee", "club", "team", "bank", "city", "town",
    "office", "army", "military", "party", "newspaper", "paper", "channel", "network",
    "comunicado", "nota", "informe", "empresa", "compania", "gobierno", "ministerio",
    "ayuntamiento", "policia", "sindicato", "asociacion", "texto", "carta", "documento",
    "diario", "periodico", "comunique", "note", "rapport", "entreprise", "societe",
    "gouvernement", "ministere", "mairie", "syndicat", "association", "texte", "lettre",
    "journal", "prefecture", "minutes", "instructions", "guidance", "guidelines", "figures",
    "data", "poll", "review", "memo", "email", "results", "article", "message", "bulletin",
    "ruling", "judgment", "verdict", "sentencia", "auto", "decreto", "arret", "decision",
    "station", "radio", "magazine", "programme", "show", "broadcast", "emission", "revista",
})  # fmt: skip
_CLAUSE_START = re.compile(r"[.!?;:()\n«»“”\"]")


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def role_words(phrase: str) -> tuple[list[str], int | None]:
    """(the words that may be the head of a description, the age it gives): the first
    words after the determiner and possessives, up to a preposition."""
    words, age = [], None
    for token in re.findall(r"[\w'’-]+", phrase):
        number = re.match(r"(\d{1,3})(?:\D|$)", token)
        if number:
            age = age or int(number.group(1))
            continue
        word = _fold(token)
        if word in _PREPOSITIONS and words:
            break
        if word in _DETERMINERS or word.endswith(("'s", "’s")):
            continue
        words.append(word)
    return words[:4], age


def _last_noun_phrase(phrase: str) -> str:
    """The phrase from its last determiner not after a preposition on: `named a new chief
    executive` -> `a new chief executive`, so the role's head is its own word, not the
    verb's subject; `El portavoz de la compañía` stays whole."""
    tokens = phrase.split()
    starts = [
        i
        for i, t in enumerate(tokens)
        if _fold(t) in _DETERMINERS and (i == 0 or _fold(tokens[i - 1]) not in _PREPOSITIONS)
    ]
    return " ".join(tokens[starts[-1] :]) if starts else phrase


@dataclass(frozen=True)
class Described:
    """A person mention and the roles and age the text gives it where it is named."""

    mention: dict
    heads: frozenset[str]
    ages: frozenset[int]


def descriptions(body: str, mentions: list[dict]) -> list[Described]:
    """The roles each person mention is introduced with: title words right before the name
    (`Foreign Minister`, `spokeswoman`), a description set off before it (`La ministra de
    Trabajo, X`) and an apposition after it (`X, the city's mayor,`, `X, 54,`, `X (54)`)."""
    out = []
    for m in mentions:
        if m["type"] != "PERSON" and not _set_off_after_person_role(body, m):
            continue
        heads: set[str] = set()
        ages: set[int] = set()
        start = m["start_char"]
        clause_start = max(
            (c.end() for c in _CLAUSE_START.finditer(body, max(0, start - 80), start)),
            default=max(0, start - 80),
        )
        before = body[clause_start:start]
        if before.rstrip().endswith(","):
            words, age = role_words(_last_noun_phrase(before.rstrip()[:-1].rsplit(",", 1)[-1]))
            heads.update(words[-1:])
        else:
            words, age = role_words(" ".join(before.split()[-3:]))
            heads.update(words[-1:])
        ages.update([age] if age else [])
        after = _APPOSITION.match(body, m["end_char"]) or _AGE_IN_PARENTHESES.match(
            body, m["end_char"]
        )
        if after:
            words, age = role_words(after.group(1))
            heads.update(words[-1:])
            ages.update([age] if age else [])
        if heads or ages:
            out.append(Described(m, frozenset(heads), frozenset(ages)))
    return out


_ROLE_SET_OFF = re.compile(
    r"(?:^|[.!?\n]\s*)(?i:" + DEFINITE + r")\s*([^,.;:()\n«»“”\"]{2,80}),\s*$"
)


def _set_off_after_person_role(body: str, mention: dict) -> bool:
    """`La alcaldesa de Villanueva, Rosa Iturbe, presentó ...`: a name of two words or more
    set off after a person's role opening the sentence is a person's, whatever the model's
    label for it."""
    if (
        len(mention["surface"].split()) < 2
        or body[mention["end_char"] : mention["end_char"] + 1] != ","
    ):
        return False
    start = mention["start_char"]
    role = _ROLE_SET_OFF.search(body, max(0, start - 90), start)
    return role is not None and names_a_person(role.group(1))


def described_person(phrase: str, people: list[Described], before: int) -> dict | None:
    """The person a description (`minister`, `54-year-old`, `company's chief executive`)
    stands for: the one last introduced before `before` with that age, else with one of its
    words as the head of their role."""
    words, age = role_words(phrase)
    earlier = [d for d in people if d.mention["start_char"] < before]
    if age is not None:
        matches = [d for d in earlier if age in d.ages]
    else:
        matches = [d for d in earlier if d.heads & set(words)]
    return max(matches, key=lambda d: d.mention["start_char"]).mention if matches else None


def role_beside(clause: str, verb: re.Match) -> str | None:
    """A description written beside the verb of an attribution clause, if any."""
    before = _ROLE_BEFORE_VERB.search(clause[: verb.start()])
    if before:
        return before.group(1)
    after = _ROLE_AFTER_VERB.match(clause[verb.end() :])
    return after.group(1) if after else None


def names_a_person(phrase: str) -> bool:
    """Whether a description may stand for a person: its head is not a document, a body
    or a place."""
    words, _ = role_words(phrase)
    return bool(words) and words[0] not in _NOT_PEOPLE and words[-1] not in _NOT_PEOPLE


_INDEFINITE = r"(?:a|an|un|une|una)"


def introduced_unnamed(body: str, head: str, before: int) -> bool:
    """Whether the text brought in someone by the description `head` with an indefinite
    article and no name before body[before] (`a spokesman for the council said`, `un
    porte-parole de la mairie a indiqué`)."""
    pattern = r"\b" + _INDEFINITE + r"\s+(?:[\w'’-]+\s+){0,2}?" + re.escape(head) + r"\b"
    for m in re.finditer(pattern, body[:before], re.IGNORECASE):
        if not re.match(r"[^.;:\n]{0,60}?,\s*[A-ZÀ-ÖØ-Þ][\w'’-]+\s+[A-ZÀ-ÖØ-Þ]", body[m.end() :]):
            return True
    return False


# `His colleague Fiona McLeary disagreed.`, `Su vecino Andrés Molina no estaba de acuerdo.`,
# `Sa collègue Martine Dufour`: a person brought in by their relation to someone before.
_RELATED_OPENING = re.compile(
    r"[\s\"“”«»„]*(?i:his|her|their|su|sus|sa|son|ses|leur)\s+(?:[^\W\d_A-ZÀ-ÖØ-Þ][\w'’-]*\s+){1,2}("
    + NAME
    + r")(?=\s*,|\s+[^\W\d_A-ZÀ-ÖØ-Þ])"
)


def related_opening(body: str, mentions: list[dict], lo: int, text: str) -> dict | None:
    """The person a sentence opens with after their relation to someone (`His colleague
    Fiona McLeary disagreed.`), tagged or, with two names or more, not."""
    match = _RELATED_OPENING.match(text)
    if not match or not match.group(1)[:1].isupper():
        return None
    start = lo + match.start(1)
    tagged = [m for m in mentions if m["start_char"] <= start < m["end_char"]]
    if tagged:
        return tagged[0] if tagged[0]["type"] == "PERSON" else None
    if len(match.group(1).split()) < 2:
        return None
    return person_mention(match.group(1), match.group(1), start)
