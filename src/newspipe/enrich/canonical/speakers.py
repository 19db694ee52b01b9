"""Who said a quote: the attribution clause around it, and whom a pronoun, a role or a
sentence's subject stands for.

An attribution names its speaker (`,” Blinken said`, `said Jane Roe`, `Roe said: “`), or
refers to one: a pronoun (`he said`) means the person named as speaking earlier in the
paragraph, else the last person named in it, else the person the paragraph is about, else
the last speaker; a role or a
description (`the minister said`, `», añadió la ministra`, `the 54-year-old said`) means the
person the article introduced with that role or age (`Minister Jane Roe`, `Jane Roe, the
city's mayor,`, `La ministra de Trabajo, Jane Roe,`, `Jane Roe, 54,`), else a description
of a person (`contó la joven`, `soupire le boulanger`; not `the statement said`) means the
person the paragraph (or the one before) last named, unless that person spoke the quote
before. A quote inside a sentence with no attribution of its own (`Roe called the plan “a
first step”`, `El presidente de la asociación, Jane Roe, calificó ... «…»`) is the
sentence subject's. A pronoun or a bare word is never a speaker's name, nor is an owner
(`told Arsenal's website`), an addressee (`pidió a la AESP`) or a description the model
took for a name (`The 55-year-old Frenchman`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newspipe.enrich.canonical.roles import (
    DEFINITE,
    ROLE_OPENING,
    Described,
    described_person,
    descriptions,
    introduced_unnamed,
    names_a_person,
    related_opening,
    role_beside,
    role_words,
)
from newspipe.enrich.canonical.speech import (
    APPOSED_SPEAKER,
    NAME,
    NAME_AFTER_VERB,
    NAME_BEFORE_VERB,
    NAMED_SPEAKER,
    PRONOUN_WORD,
    SENTENCE_END,
    SPEAKS,
    SPEECH_VERB,
    SUBJECTLESS,
    only_described,
    person_mention,
    written_person,
)

# A person written with an age: `Gerrit Hulshof, 71,` or `Jane Roe (54)`.
_NAME_WITH_AGE = re.compile(r"(" + NAME + r")\s*(?:,\s*(\d{1,3})\s*,|\((\d{1,3})\))")

# -- attribution --------------------------------------------------------------------------

# What `attribution` says when the clause refers to a speaker named elsewhere (a pronoun,
# a dropped subject, an age), and when it names someone who is no one we know (`the
# statement said`, `a police spokesman said`): that quote stays unattributed.
PRONOUN = "pronoun"
UNNAMED = "unnamed"


@dataclass(frozen=True)
class Article:
    """What speaker resolution reads of one article."""

    body: str
    mentions: list[dict]  # canonical mentions in text order
    people: list[Described]
    titles: frozenset[str]

    @classmethod
    def of(cls, body: str, mentions: list[dict], titles: frozenset[str]) -> Article:
        surfaces = {m["surface"] for m in mentions}
        described = {surface for surface in surfaces if only_described(surface, body)}
        names = [m for m in mentions if m["surface"] not in described]
        return cls(body, names, descriptions(body, names), titles)


def _nearest(mentions: list[dict], lo: int, hi: int, anchor: int) -> dict | None:
    """The person (else any non-place) mention in [lo, hi) nearest to `anchor`."""
    inside = [m for m in mentions if lo <= m["start_char"] and m["end_char"] <= hi]
    # Places do not speak; otherwise the small model's label for a rare name is a guess.
    for typed in (
        [m for m in inside if m["type"] == "PERSON"],
        [m for m in inside if m["type"] not in ("GPE", "LOC")],
    ):
        if typed:
            return min(typed, key=lambda m: abs(m["start_char"] - anchor))
    return None


def _named_beside(a: Article, lo: int, hi: int, verb: re.Match) -> dict | None:
    """A person named beside the verb of an attribution clause body[lo:hi]."""
    clause = a.body[lo:hi]
    before = NAME_BEFORE_VERB.search(clause[: verb.start()])
    if before:
        return written_person(before, lo, a.body, a.mentions, a.titles)
    after = NAME_AFTER_VERB.match(clause[verb.end() :])
    if after:
        return written_person(after, lo + verb.end(), a.body, a.mentions, a.titles)
    return None


# Whom a verb's words are addressed to (`pidió a la AESP`, `told to the council`,
# `a demandé au préfet`): not the speaker.
# A bare `a` is also English's article (`said a Fox spokesman`): only `a la`, `a los`.
_ADDRESSEE = re.compile(
    r"\s+(?:(?:to|à)\s+(?:(?:the|la|les|l['’])\s*)?|a\s+(?:la|los|las)\s+|al\s+|aux?\s+)",
    re.IGNORECASE,
)


def _clause_speaker(a: Article, lo: int, hi: int, verb: re.Match, quote_start: int):
    """(speaker, surface) of an attribution clause body[lo:hi] around its verb."""
    clause = a.body[lo:hi]
    verb_end = lo + verb.end()
    speakers = [
        m
        for m in a.mentions
        if not (
            m["start_char"] >= verb_end and _ADDRESSEE.fullmatch(a.body, verb_end, m["start_char"])
        )
        # `told Arsenal's website`, `Arsenal's Arsène Wenger said`: an owner, not a speaker.
        and a.body[m["end_char"] : m["end_char"] + 2] not in ("'s", "’s")
    ]
    named = _nearest(speakers, lo, hi, lo + verb.start())
    if named is None or named["type"] != "PERSON":
        named = _named_beside(a, lo, hi, verb) or named
    pronoun = PRONOUN_WORD.search(clause)
    if named and (
        not pronoun
        or abs(named["start_char"] - lo - verb.start()) <= abs(pronoun.start() - verb.start())
    ):
        return named, named["surface"]
    if pronoun:
        return PRONOUN, pronoun.group()
    role = role_beside(clause, verb)
    if role:
        person = described_person(role, a.people, quote_start)
        if person:
            return person, role
        words, age = role_words(role)
        if words and age is None and introduced_unnamed(a.body, words[-1], quote_start):
            # `A spokesman for the union said ... “…,” the spokesman said`: someone the
            # article never names.
            return UNNAMED, None
        if age is not None or (words and words[-1] in a.titles):
            # `the 54-year-old said`, `the minister said`: an age or an office describes a
            # person named elsewhere.
            return PRONOUN, role
        named_before = _paragraph_person(a, quote_start) if names_a_person(role) else None
        if named_before:
            # `Camila Ruiz, a student, ... «…», contó la joven`: a description with no role
            # of its own stands for the person the paragraph has just named.
            return named_before, role
    if SUBJECTLESS.match(clause[: verb.start()] + " " + clause[verb.end() :]):
        # `«…», afirmó.`, `…”, adding: “…`: the verb alone goes on with the last speaker.
        return PRONOUN, verb.group()
    return UNNAMED, None


def _paragraph_person(a: Article, before: int) -> dict | None:
    """The person the paragraph before body[before] is about, else the last one it names;
    else the same in the paragraph before it (a quote opening a paragraph is often about
    whom the last one named)."""
    para_start = a.body.rfind("\n", 0, before) + 1
    for lo, hi in (
        (para_start, before),
        (a.body.rfind("\n", 0, max(para_start - 2, 0)) + 1, para_start),
    ):
        people = [
            m
            for m in a.mentions
            if m["type"] == "PERSON" and lo <= m["start_char"] and m["end_char"] <= hi
        ]
        if people:
            # `Sheila Park, 72, has lived on Mill Lane ... the pensioner said`: whom the
            # paragraph is about, else the last person it names.
            subject = paragraph_subject(a, lo, hi)
            last = subject if subject in people else people[-1]
            # Named as the speaker of the quote before (`“…,” Jane Roe said`): a new
            # description (`“…,” the spokesman said`) means someone else.
            lead = last["start_char"]
            attributed = _AFTER_QUOTE.search(a.body, max(0, lead - _AFTER_QUOTE_CHARS), lead)
            return None if attributed else last
    return None


_AFTER_QUOTE = re.compile(r"[”\"»][,.]?\s*(?:\w+\s+){0,1}$")
# What `_AFTER_QUOTE` reads before a name: a mark, a comma and a verb.
_AFTER_QUOTE_CHARS = 40


def _after_clause_end(body: str, start: int, end: int) -> int:
    """Where the attribution after the quote body[start:end] may run to: the sentence's end
    or the next quote. A quote that ends its own sentence (`… last.” The sale …`) has none,
    unless a question or exclamation is followed at once by its verb (`“Why?” Roe asked`)."""
    stop = SENTENCE_END.search(body, end)
    after_end = stop.start() if stop else len(body)
    next_quote = re.search(r"[“\"«„]", body[end:after_end])
    if next_quote:
        after_end = end + next_quote.start()
    last = body[start + 1 : end - 1].rstrip()[-1:]
    follows = body[end:after_end].lstrip()
    if last in ".!?…" and follows[:1].isupper():
        verb = SPEECH_VERB.search(" ".join(follows.split()[:3]))
        if last in ".…" or not verb:
            return end
    return after_end


def attribution(a: Article, start: int, end: int, prev_end: int):
    """(speaker mention, PRONOUN, UNNAMED or None; surface) from the clauses around the
    quote body[start:end]: after it up to the sentence's end or the next quote, else (or
    when that names no one) before it from the sentence's start or the previous quote."""
    body = a.body
    before_start = max(prev_end, body.rfind("\n", 0, start) + 1)
    for stop in SENTENCE_END.finditer(body, before_start, start):
        before_start = stop.end()
    found = None, None
    for lo, hi in ((end, _after_clause_end(body, start, end)), (before_start, start)):
        verb = SPEECH_VERB.search(body[lo:hi])
        if verb:
            found = _clause_speaker(a, lo, hi, verb, start)
            if found[0] != UNNAMED:
                return found
        elif hi == start and body[lo:hi].rstrip().endswith(":"):
            # `The mayor, Jordi Farré, appealed for calm: “…”`: the sentence's subject.
            persons = [
                m
                for m in a.mentions
                if lo <= m["start_char"] and m["end_char"] <= hi and m["type"] == "PERSON"
            ]
            if persons:
                return persons[0], persons[0]["surface"]
    return found


# -- subjects of sentences and paragraphs ------------------------------------------------------

_PRONOUN_OPENING = re.compile(r"^\W*(?:he|she|il|elle|ella|él)\b", re.IGNORECASE)


# A sentence's end, also inside a quote that closes with it (`… yet.” Treasury …`).
_SENTENCE_BREAK = re.compile(r"[.!?…][”\"»’)]*(?=\s)|\n")


def sentence_start(body: str, pos: int) -> int:
    """Where the sentence holding body[pos] starts (within its paragraph)."""
    start = body.rfind("\n", 0, pos) + 1
    for stop in _SENTENCE_BREAK.finditer(body, start, pos):
        start = stop.end()
    return start


def _opens_with(lead: str, titles: frozenset[str]) -> bool:
    """Whether the words before a name leave it the subject of its sentence: nothing, up to
    three words of title (`Foreign Minister`, `Council leader`), or a short lead-in set off
    by a comma (`On Monday,`)."""
    if re.search(r"[“”«»„\"]", lead):
        return False
    words = lead.split()
    if not words:
        return True
    if any(PRONOUN_WORD.fullmatch(w) for w in words):
        return False
    if lead.rstrip().endswith(",") and len(words) <= 6:
        return True
    return (
        len(words) <= 3
        and all(w[0].isupper() or w.rstrip(".").casefold() in titles for w in words[:-1])
        and (words[-1][0].isupper() or words[-1].rstrip(".").casefold() in titles)
    )


def sentence_subject(a: Article, lo: int, hi: int):
    """The person the sentence body[lo:hi] opens with as its subject: a name with an age
    (`Gerrit Hulshof, 71,`, tagged or not), a person mention after at most a title or a
    lead-in, a description the article gave someone (`The mayor, who ...`), or PRONOUN for
    `He ...`; None otherwise."""
    text = a.body[lo:hi]
    aged = _NAME_WITH_AGE.match(text, len(text) - len(text.lstrip(' "“”«»„')))
    inside = [m for m in a.mentions if lo <= m["start_char"] < hi]
    if aged:
        start = lo + aged.start(1)
        tagged = [m for m in inside if m["start_char"] <= start < m["end_char"]]
        if tagged:
            return tagged[0]
        if len(aged.group(1).split()) > 1:
            return person_mention(aged.group(1), aged.group(1), start)
    # `Le maire de Villefort, Karim Benali, a qualifié ...`: the first person, past a place
    # in the lead-in.
    people = [m for m in inside if m["type"] == "PERSON"]
    if people and all(m["type"] in ("GPE", "LOC") for m in inside[: inside.index(people[0])]):
        first = people[0]
        possessive = a.body[first["end_char"] : first["end_char"] + 2] in ("'s", "’s")
        if not possessive and _opens_with(a.body[lo : first["start_char"]], a.titles):
            return first
    if people and _set_off_after_role(a.body, lo, people[0]):
        return people[0]
    # The model's label for a rare name is a guess: a name of two words or more set off
    # after a person's role (`El presidente de Asaja, Tomás Villalba, calificó`) is theirs.
    for m in inside:
        if (
            m["type"] != "PERSON"
            and len(m["surface"].split()) > 1
            and a.body[lo : m["start_char"]].count(",") == 1
            and re.match(r",\s+[^\W\d_A-ZÀ-ÖØ-Þ]", a.body[m["end_char"] : m["end_char"] + 4])
            and _set_off_after_role(a.body, lo, m)
            and names_a_person(a.body[lo : m["start_char"]])
        ):
            return m
    named = _named_opening(a, lo, text) or related_opening(a.body, a.mentions, lo, text)
    if named:
        return named
    role = ROLE_OPENING.match(text)
    if role:
        person = described_person(role.group(1), a.people, lo)
        if person:
            return person
    return PRONOUN if _PRONOUN_OPENING.match(text) else None


_ROLE_LEAD = re.compile(r"^\W*" + DEFINITE + r"\b", re.IGNORECASE)


def _set_off_after_role(body: str, lo: int, person: dict) -> bool:
    """`El secretario general de la asociación (AARB), Jane Roe, calculó ...`: a name set
    off by commas after the role that opens the sentence is its subject, whatever
    organisation the role names."""
    lead = body[lo : person["start_char"]]
    return (
        _ROLE_LEAD.match(lead) is not None
        and lead.rstrip().endswith(",")
        and body[person["end_char"] : person["end_char"] + 1] == ","
        and not re.search(r"[“”«»„\"]", lead)
    )


_NAME_OPENING = re.compile(r"[\s\"“”«»„]*(" + NAME + r")")


def _named_opening(a: Article, lo: int, text: str) -> dict | None:
    """The person named earlier whose surname (or whole name) opens the sentence where the
    model tagged nothing (`Grant now opens four days a week.`, `Mr Asante says ...`)."""
    match = _NAME_OPENING.match(text)
    if not match:
        return None
    words = match.group(1).split()
    start = lo + match.start(1)
    while len(words) > 1 and words[0].rstrip(".").casefold() in a.titles:
        words = words[1:]
    if any(m["start_char"] <= start < m["end_char"] for m in a.mentions):
        return None
    for m in reversed(a.mentions):
        if m["type"] == "PERSON" and m["end_char"] <= start and _surname_of(words, m["name"]):
            return m
    return None


def _surname_of(words: list[str], name: str) -> bool:
    """Whether `words` are the surname of `name`: its last words, or, for a double surname
    (`Rafael Sanchis Bou`, `Ana García Ruiz`), the words after the given name."""
    parts = name.split()
    n = len(words)
    return len(parts) > n and any(parts[i : i + n] == words for i in range(1, len(parts) - n + 1))


def last_speaker(a: Article, start: int, last_named: dict | None):
    """Who a pronoun before body[start] means: the last person named as saying something
    earlier in the same paragraph, else the last person named in it, else the person the
    paragraph (or a narrative paragraph just before it) is about where the model did not
    tag them as a person, else the last named speaker, else the last person named before
    the quote."""
    body = a.body
    para_start = body.rfind("\n", 0, start) + 1
    earlier = [m for m in a.mentions if m["type"] == "PERSON" and m["end_char"] <= start]
    in_para = [m for m in earlier if m["start_char"] >= para_start]
    # `Jane Roe, the firm's chief executive, said ...`: a speaker, possibly after an apposition.
    # Names the model did not tag count too; the last one to speak wins.
    speaking = [m for m in in_para if SPEAKS.match(body, m["end_char"])] + [
        person
        for pattern in (NAMED_SPEAKER, APPOSED_SPEAKER)
        for match in pattern.finditer(body, para_start, start)
        if (person := written_person(match, 0, body, a.mentions, a.titles))
    ]
    if speaking:
        last = max(speaking, key=lambda m: m["start_char"])
        # `“…,” Roe said. His colleague Jane Poe disagreed. “…,” she said.`: the person the
        # sentence before the quote's brings in, after the last one to speak.
        introduced = _introduced_before(a, start)
        return introduced if introduced and introduced["start_char"] > last["end_char"] else last
    # `Raman, whose brother Sunil Raman called ..., escaped. “…,” she said.`: the person
    # the paragraph is about, before any other person it names.
    subject = paragraph_subject(a, para_start, start)
    if subject is None and in_para:
        return in_para[-1]
    if subject is None and para_start > 1:
        # Wire copy gives each sentence a paragraph: a narrative paragraph just before
        # is the one the quote's paragraph goes on about.
        previous_start = body.rfind("\n", 0, len(body[: para_start - 1].rstrip())) + 1
        previous = body[previous_start:para_start]
        if not re.search(r"[“”«»„\"]", previous):
            subject = paragraph_subject(a, previous_start, para_start)
    return subject or last_named or (earlier or [None])[-1]


# The longest sentence that brings a speaker in without a reporting verb (`Opposition
# leader Brian Cole called it a mistake.`: 8 words).
_INTRODUCING_WORDS = 8


def _introduced_before(a: Article, start: int) -> dict | None:
    """The person subject of the narrative sentence right before the one holding
    body[start], in the same paragraph, where it brings them in to speak: a short sentence
    (`His colleague Jane Poe disagreed.`) or one that reports their words (`Agent Tom Poe
    insisted that ...`), not one about what they do (`Volunteer Jane Poe, a former
    teacher, will run a weekly session.`)."""
    body = a.body
    lo = sentence_start(body, start)
    hi = len(body[:lo].rstrip())
    if hi <= body.rfind("\n", 0, start) + 1:
        return None
    prev_lo = sentence_start(body, hi - 1)
    sentence = body[prev_lo:hi]
    if re.search(r"[“”«»„\"]", sentence):
        return None
    if len(sentence.split()) > _INTRODUCING_WORDS and not SPEECH_VERB.search(sentence):
        return None
    subject = sentence_subject(a, prev_lo, hi)
    return subject if isinstance(subject, dict) and subject["type"] == "PERSON" else None


def paragraph_subject(a: Article, para_start: int, before: int) -> dict | None:
    """The person a paragraph is about: the subject of its first sentence when that is
    narrative, not a quote (`Gerrit Hulshof, 71, from Epe, was due ...`), also where the
    model missed or mislabelled the name."""
    first_end = SENTENCE_END.search(a.body, para_start, before)
    end = first_end.start() if first_end else before
    if re.match(r"\s*[“”«»„\"]", a.body[para_start:end]):
        return None
    subject = sentence_subject(a, para_start, end)
    return subject if isinstance(subject, dict) else None


def preceding_speaker(a: Article, start: int, last_named: dict | None):
    """The speaker of a quote that opens a sentence of its own with no attribution: the
    speaker of the sentence before it if that reports someone's words (`Mr Florin said the
    challenge was ... “There is ...”`), in its paragraph or ending the one before, else the
    person that sentence is about, in its paragraph (`Mr Negroponte gave the children
    laptops. “We put in 25 ...”`); None otherwise."""
    body = a.body
    lo = sentence_start(body, start)
    hi = len(body[:lo].rstrip())
    if body[lo:start].strip() or hi == 0:
        return None
    prev_lo = sentence_start(body, hi - 1)
    sentence = body[prev_lo:hi]
    if re.search(r"[“”«»„\"]", sentence):
        return None
    verb = SPEECH_VERB.search(sentence)
    if verb:
        speaker, _ = _clause_speaker(a, prev_lo, hi, verb, start)
    elif "\n" not in body[hi:lo]:
        speaker = sentence_subject(a, prev_lo, hi)
    else:
        return None
    if speaker == PRONOUN:
        return last_speaker(a, prev_lo, last_named)
    return speaker if isinstance(speaker, dict) else None
