"""The words of attribution: reporting verbs in English, French and Spanish, pronouns, and
the names written beside a verb (`Rowlands said`, `said Dr Jane Roe`) for speakers the NER
model missed. A pronoun or a bare word is never a speaker's name."""

from __future__ import annotations

import re

_FRENCH_INVERSION = r"(?:-t)?-(?:il|elle|ils|elles)"
SPEECH_VERB = re.compile(
    r"\b(?:said|says|say|stated|states|declared|added|adds|told|tells|explained|warned|noted|"
    r"insists|warns|explains|argues|recalls|admits|concedes|notes|"
    r"insisted|argued|wrote|writes|replied|asked|continued|recalled|stressed|emphasi[sz]ed|"
    r"remarked|admitted|acknowledged|announced|urged|concluded|stating|saying|adding|"
    r"tweeted|posted|testified|claimed|conceded|vowed|pledged|promised|cautioned|"
    r"complained|responded|answered|observed|suggested|predicted|pointed\s+out|went\s+on|"
    r"according\s+to|"
    # French: passé composé (`a déclaré`, `a-t-elle ajouté`), present (`ajoute-t-il`).
    r"(?:a|ont)(?:" + _FRENCH_INVERSION + r")?\s+(?:déclaré|dit|affirmé|ajouté|expliqué|"
    r"souligné|assuré|estimé|indiqué|lancé|appelé|précisé|poursuivi|raconté|insisté|"
    r"reconnu|confié|martelé|prévenu|averti|répondu|annoncé|rappelé|regretté|dénoncé|"
    r"soupiré|glissé|résumé|lâché|tranché|témoigné|noté|observé|détaillé|conclu|avoué|"
    r"admis|déploré|commenté)|"
    r"(?:déclare|dit|explique|affirme|ajoute|souligne|assure|estime|indique|précise|"
    r"poursuit|raconte|insiste|reconnaît|confie|martèle|prévient|répond|annonce|rappelle|"
    r"soupire|glisse|résume|lâche|tranche|témoigne|note|observe|détaille|conclut|avoue|"
    r"admet|regrette|déplore|commente)"
    r"(?:" + _FRENCH_INVERSION + r")?|"
    # French imperfect (`s'amusait Roger Roe`) and reflexive verbs of feeling that report
    # words as said (`s'inquiète la présidente`, `se réjouit X`).
    r"(?:disait|expliquait|racontait|confiait|ajoutait|souriait|soupirait|"
    r"témoignait|lançait|plaisantait)(?:" + _FRENCH_INVERSION + r")?|"
    r"(?:s['’](?:inquiète|inquiétait|amuse|amusait|étonne|étonnait|emporte|exclame|"
    r"indigne|insurge|agace|enthousiasme|interroge|alarme)|se\s+(?:réjouit|félicite|désole|"
    r"souvient|souvenait|demande|lamente))(?:" + _FRENCH_INVERSION + r")?|selon|"
    # Spanish: preterite and imperfect of the usual reporting verbs; `según` (according to).
    r"dijo|afirmó|explicó|aseguró|declaró|añadió|agregó|señaló|indicó|advirtió|sostuvo|"
    r"pidió|subrayó|precisó|comentó|relató|insistió|apuntó|destacó|manifestó|reconoció|"
    r"contó|respondió|anunció|recordó|lamentó|denunció|resumió|admitió|concluyó|confesó|"
    r"defendió|criticó|protestó|aclaró|reiteró|recalcó|valoró|celebró|zanjó|matizó|"
    r"contaba|recordaba|lamentaba|insistía|"
    r"añade|agrega|señala|advierte|sostiene|cuenta|relata|lamenta|insiste|recuerda|"
    r"decía|afirmaba|explicaba|aseguraba|señalaba|dice|afirma|asegura|explica|según|"
    # Spanish perfect, as papers in Spain write it (`ha señalado la magistrada`).
    r"(?:ha|han)\s+(?:dicho|afirmado|explicado|asegurado|declarado|añadido|agregado|"
    r"señalado|indicado|advertido|sostenido|pedido|subrayado|precisado|comentado|relatado|"
    r"insistido|apuntado|destacado|manifestado|reconocido|contado|respondido|anunciado|"
    r"recordado|lamentado|denunciado|resumido|admitido|concluido|confesado|reiterado))(?!\w)",
    re.IGNORECASE,
)
# Personal pronouns that stand for a speaker named elsewhere.
PRONOUN_WORD = re.compile(r"\b(?:he|she|they|il|elle|ils|elles|lui|ella|él)\b", re.IGNORECASE)
# Capitalised words that start a sentence but never a name: pronouns, articles and
# conjunctions (`It said`, `This is`, `But officials said`). French and Spanish articles
# are left out: they begin names too (Le Pen, La Serena).
_NEVER_NAMES = frozenset({
    "it", "its", "we", "i", "you", "he", "she", "they", "this", "that", "these", "those",
    "there", "here", "the", "a", "an", "but", "and", "or", "so", "if", "when", "while", "as",
    "after", "before", "then", "also", "however", "yet", "one", "our", "my", "your", "their",
    "his", "her", "il", "elle", "ils", "elles", "nous", "vous", "on", "ce", "cela", "ceci",
    "ça", "ella", "él", "ellos", "ellas", "nosotros", "esto", "eso", "pero", "y",
})  # fmt: skip
SPEAKS = re.compile(r"(?:,[^,.\n]{1,80},)?\s*" + SPEECH_VERB.pattern, re.IGNORECASE)
# A name as written beside a reporting verb (`Rowlands said`, `said Dr Jane Roe`), for
# speakers the NER model missed: capitalised words, possibly joined by a particle.
NAME = r"[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+(?:(?:de|del|van|von|al|da|di|la|le)\s+)?[A-ZÀ-ÖØ-Þ][\w’'-]+)*"
NAME_BEFORE_VERB = re.compile(r"(" + NAME + r")(?:,[^,.\n]{1,80},)?\s*$")
NAME_AFTER_VERB = re.compile(r"^\s+(" + NAME + r")")
NAMED_SPEAKER = re.compile(r"(" + NAME + r")(?i:" + SPEAKS.pattern + ")")
# `A spokesman for Transibérica, Ignacio Beltrán, said`: the name set off by commas speaks.
APPOSED_SPEAKER = re.compile(r",\s*(" + NAME + r"),\s*(?i:" + SPEECH_VERB.pattern + ")")
# Nothing but the verb (and an adverb) after a quote: `«…», afirmó.` drops the subject,
# as Spanish and Italian do; the speaker is the last one named.
SUBJECTLESS = re.compile(r"^\W*(?:\w+\W*)?$")
# Where an attribution clause ends: a sentence break, or the next quote.
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def _proper_noun(word: str, body: str) -> bool:
    """Whether the text writes `word` capitalised after a word, a comma or a closing mark,
    where only a name is capitalised."""
    return re.search(r"(?:[^\W\d_]|[,;”\"»]) " + re.escape(word) + r"\b", body) is not None


# What a description opens with: an article or an age (`the Scot`, `The 55-year-old Frenchman`).
_DESCRIBING = re.compile(r"(?i:\b(?:the|le|la|el|l['’])\s+|\d+-year-old\s+)$")


def only_described(surface: str, body: str) -> bool:
    """Whether a one-word mention is a description the model took for a name (`The
    55-year-old Frenchman told ...`): the text writes it after an age, and after an article
    or an age every time, never bare as a name is (`Wenger said`). An article alone is
    not enough: organisations take one (`the Fed`)."""
    if " " in surface or not surface[:1].isupper() or f"year-old {surface}" not in body:
        return False
    spots = [m.start() for m in re.finditer(r"\b" + re.escape(surface) + r"\b", body)]
    before = [_DESCRIBING.search(body, max(0, i - 20), i) for i in spots]
    return (
        all(before) and any("year-old" in m.group() for m in before)  # type: ignore[union-attr]
    )


def with_given_names(name: str, body: str, titles: frozenset[str]) -> str:
    """`name` with the given names the text writes before it where it first names the
    person in full (`Whitfield` -> `Jamal Whitfield`); titles and words that never start a
    name are not given names."""
    full = re.search(r"\b(" + NAME + r")\s+" + re.escape(name) + r"\b", body)
    if not full:
        return name
    given = [
        w
        for w in full.group(1).split()
        if w.rstrip(".").casefold() not in titles
        and w.casefold() not in _NEVER_NAMES
        and not w.isupper()  # an acronym (`the US Pew Center`) is no given name
    ]
    return " ".join([*given, name])


def written_person(
    match: re.Match, offset: int, body: str, mentions: list[dict], titles: frozenset[str]
) -> dict | None:
    """The speaker a capitalised name written beside a reporting verb (group 1 of `match`,
    at `offset` in the body) stands for, where the model did not tag it: the article's
    person whose name ends with it (`Rowlands` -> `Bethan Rowlands`), else the name as
    written with the given names the article put before it earlier. A pronoun or a word
    that never starts a name is no one; neither is a single word that is capitalised only
    where a sentence starts (`Police said`)."""
    words = match.group(1).split()
    if words[-1].endswith(("'s", "’s")):
        return None  # `told Norwich's website`: an owner, not a speaker
    while len(words) > 1 and words[0].rstrip(".").casefold() in titles:
        words = words[1:]
    if words[0].casefold() in titles or words[0].casefold() in _NEVER_NAMES:
        return None
    if len(words) == 1 and only_described(words[0], body):
        return None
    written = " ".join(words)
    for m in mentions:
        if m["type"] == "PERSON" and (
            m["name"].split()[-len(words) :] == words or m["surface"] == written
        ):
            return m
    name = with_given_names(written, body, titles)
    titled = len(match.group(1).split()) > len(words)
    if len(name.split()) < 2 and not titled and not _proper_noun(name, body):
        # A title makes a lone surname a person (`Mr White said`), and a word capitalised
        # where a sentence does not start is a name (`,” Orange said`); a word capitalised
        # only as a sentence's first (`Police said`) is a bare word, no one.
        return None
    return person_mention(name, match.group(1), offset + match.start(1))


def person_mention(name: str, surface: str, start: int) -> dict:
    """A speaker the text names where the model tagged no person, as a mention row."""
    return {
        "name": name,
        "surface": surface,
        "type": "PERSON",
        "start_char": start,
        "end_char": start + len(surface),
    }
