"""Direct quotes and who said them.

Runs in enrich after `canonicalize_entities`, so a speaker is named by the entity's
canonical name. `extract_quotes` finds text in curly, straight, « » or „ “ marks (a quote
left open at a paragraph's end continues when the next paragraph opens with a mark), and
reads the speaker from the attribution after the quote (`,” Blinken said`, `said Jane Roe`)
or before it (`Roe said: “`); `he said` goes to the person last named as a speaker, and the
second part of a split quote to the speaker of the first. `quote_id` hashes the normalised
text, so one quote carried by many articles has one id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict

import pyarrow as pa
import pyarrow.compute as pc

from newspipe import schema
from newspipe.config import EnrichConfig

# Opening mark -> the marks that may close it.
_CLOSERS = {"“": "”", '"': '"', "«": "»", "„": "“”", "‘": "’"}
_FRENCH_INVERSION = r"(?:-t)?-(?:il|elle|ils|elles)"
_SPEECH_VERB = re.compile(
    r"\b(?:said|says|say|stated|states|declared|added|adds|told|tells|explained|warned|noted|"
    r"insisted|argued|wrote|writes|replied|asked|continued|recalled|stressed|emphasi[sz]ed|"
    r"remarked|admitted|acknowledged|announced|urged|concluded|stating|saying|adding|"
    r"tweeted|posted|testified|claimed|conceded|vowed|pledged|promised|cautioned|"
    r"complained|responded|answered|observed|suggested|predicted|pointed\s+out|went\s+on|"
    r"according\s+to|"
    # French: passé composé (`a déclaré`, `a-t-elle ajouté`), present (`ajoute-t-il`).
    r"(?:a|ont)(?:" + _FRENCH_INVERSION + r")?\s+(?:déclaré|dit|affirmé|ajouté|expliqué|"
    r"souligné|assuré|estimé|indiqué|lancé|appelé|précisé|poursuivi|raconté|insisté|"
    r"reconnu|confié|martelé|prévenu|averti|répondu|annoncé|rappelé|regretté|dénoncé)|"
    r"(?:déclare|dit|explique|affirme|ajoute|souligne|assure|estime|indique|précise|"
    r"poursuit|raconte|insiste|reconnaît|confie|martèle|prévient|répond|annonce|rappelle)"
    r"(?:" + _FRENCH_INVERSION + r")?|selon|"
    # Spanish: preterite and imperfect of the usual reporting verbs; `según` (according to).
    r"dijo|afirmó|explicó|aseguró|declaró|añadió|agregó|señaló|indicó|advirtió|sostuvo|"
    r"pidió|subrayó|precisó|comentó|relató|insistió|apuntó|destacó|manifestó|reconoció|"
    r"contó|respondió|anunció|recordó|lamentó|denunció|"
    r"decía|afirmaba|explicaba|aseguraba|señalaba|dice|afirma|asegura|explica|según)(?!\w)",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:he|she|they|il|elle|ils|elles|lui|ella|él)\b", re.IGNORECASE)
_SPEAKS = re.compile(r"(?:,[^,.\n]{1,80},)?\s*" + _SPEECH_VERB.pattern, re.IGNORECASE)
# A name as written beside a reporting verb (`Rowlands said`, `said Dr Jane Roe`), for
# speakers the NER model missed: capitalised words, possibly joined by a particle.
_NAME = r"[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+(?:(?:de|del|van|von|al|da|di|la|le)\s+)?[A-ZÀ-ÖØ-Þ][\w’'-]+)*"
_NAME_BEFORE_VERB = re.compile(r"(" + _NAME + r")(?:,[^,.\n]{1,80},)?\s*$")
_NAME_AFTER_VERB = re.compile(r"^\s+(" + _NAME + r")")
_NAMED_SPEAKER = re.compile(r"(" + _NAME + r")(?i:" + _SPEAKS.pattern + ")")
# `A spokesman for Transibérica, Ignacio Beltrán, said`: the name set off by commas speaks.
_APPOSED_SPEAKER = re.compile(r",\s*(" + _NAME + r"),\s*(?i:" + _SPEECH_VERB.pattern + ")")
# Nothing but the verb (and an adverb) after a quote: `«…», afirmó.` drops the subject,
# as Spanish and Italian do; the speaker is the last one named.
_SUBJECTLESS = re.compile(r"^\W*(?:\w+\W*)?$")
# Where an attribution clause ends: a sentence break, or the next quote.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def quote_id(text: str) -> str:
    """Content id of a quote, blind to case, accents, punctuation and white space."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return hashlib.sha256(" ".join(re.findall(r"\w+", folded)).encode()).hexdigest()[:16]


def _find_spans(body: str) -> list[tuple[int, int, str]]:
    """(start of opening mark, end of closing mark, text) for each quote in `body`."""
    spans = []
    paragraphs = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", body)]
    carry: tuple[int, list[str]] | None = None
    for offset, para in paragraphs:
        i = 0
        if carry and para.lstrip()[:1] not in _CLOSERS:
            # The open quote did not continue into this paragraph: it was a stray mark.
            carry = None
        while i < len(para):
            ch = para[i]
            if (
                carry is None
                and ch in _CLOSERS
                and (ch != "‘" or i == 0 or not para[i - 1].isalnum())
            ):
                closers = _CLOSERS[ch]
                j = next(
                    (
                        k
                        for k in range(i + 1, len(para))
                        if para[k] in closers
                        and (closers != "’" or k + 1 == len(para) or not para[k + 1].isalpha())
                    ),
                    None,
                )
                if j is None:
                    carry = (offset + i, [para[i + 1 :]])
                    break
                spans.append((offset + i, offset + j + 1, para[i + 1 : j]))
                i = j + 1
                continue
            if carry is not None and i == 0:
                lead = len(para) - len(para.lstrip())
                closers = '”"»“'
                j = next((k for k in range(lead + 1, len(para)) if para[k] in closers), None)
                if j is None:
                    carry[1].append(para[lead + 1 :])
                    break
                carry[1].append(para[lead + 1 : j])
                spans.append((carry[0], offset + j + 1, " ".join(carry[1])))
                carry = None
                i = j + 1
                continue
            i += 1
    return spans


def _is_quote(text: str, config: EnrichConfig) -> bool:
    words = text.split()
    if len(words) < config.min_quote_words:
        return False
    # A name or title in marks (`“Islamic Resistance in Iraq”`), every long word capitalised.
    long_words = [w for w in words if len(w) > 3]
    return not (long_words and all(w[0].isupper() for w in long_words))


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


def _person(
    match: re.Match, offset: int, body: str, mentions: list[dict], titles: frozenset[str]
) -> dict | None:
    """The speaker a capitalised name written beside a reporting verb (group 1 of `match`,
    at `offset` in the body) stands for, where the model did not tag it: the article's
    person whose name ends with it (`Rowlands` -> `Bethan Rowlands`), else the name as
    written, with the given names the article put before it earlier."""
    words = match.group(1).split()
    while len(words) > 1 and words[0].rstrip(".").casefold() in titles:
        words = words[1:]
    if words[0].casefold() in titles or _PRONOUN.fullmatch(words[0]):
        return None
    written = " ".join(words)
    for m in mentions:
        if m["type"] == "PERSON" and (
            m["name"].split()[-len(words) :] == words or m["surface"] == written
        ):
            return m
    name = written
    full = re.search(r"\b(" + _NAME + r")\s+" + re.escape(written) + r"\b", body)
    if full:
        given = [w for w in full.group(1).split() if w.rstrip(".").casefold() not in titles]
        name = " ".join([*given, written])
    start = offset + match.start(1)
    return {
        "name": name,
        "surface": match.group(1),
        "type": "PERSON",
        "start_char": start,
        "end_char": start + len(match.group(1)),
    }


def _named_beside(
    body: str, lo: int, hi: int, verb: re.Match, mentions: list[dict], titles: frozenset[str]
) -> dict | None:
    """A person named beside the verb of an attribution clause body[lo:hi]."""
    clause = body[lo:hi]
    before = _NAME_BEFORE_VERB.search(clause[: verb.start()])
    if before:
        return _person(before, lo, body, mentions, titles)
    after = _NAME_AFTER_VERB.match(clause[verb.end() :])
    if after:
        return _person(after, lo + verb.end(), body, mentions, titles)
    return None


def _attribution(
    body: str,
    start: int,
    end: int,
    mentions: list[dict],
    prev_end: int,
    titles: frozenset[str],
):
    """(speaker mention or 'pronoun' or None, surface) from the clauses around a quote."""
    after_end = len(body)
    stop = _SENTENCE_END.search(body, end)
    if stop:
        after_end = stop.start()
    next_quote = re.search(r"[“\"«„]", body[end:after_end])
    if next_quote:
        after_end = end + next_quote.start()
    before_start = max(prev_end, body.rfind("\n", 0, start) + 1)
    for stop in _SENTENCE_END.finditer(body, before_start, start):
        before_start = stop.end()
    for lo, hi in ((end, after_end), (before_start, start)):
        clause = body[lo:hi]
        verb = _SPEECH_VERB.search(clause)
        if not verb:
            if hi == start and clause.rstrip().endswith(":"):
                # `The mayor, Jordi Farré, appealed for calm: “…”`: the sentence's subject.
                persons = [
                    m
                    for m in mentions
                    if lo <= m["start_char"] and m["end_char"] <= hi and m["type"] == "PERSON"
                ]
                if persons:
                    return persons[0], persons[0]["surface"]
            continue
        named = _nearest(mentions, lo, hi, lo + verb.start())
        if named is None or named["type"] != "PERSON":
            named = _named_beside(body, lo, hi, verb, mentions, titles) or named
        pronoun = _PRONOUN.search(clause)
        if named and (
            not pronoun
            or abs(named["start_char"] - lo - verb.start()) <= abs(pronoun.start() - verb.start())
        ):
            return named, named["surface"]
        if pronoun:
            return "pronoun", pronoun.group()
        if lo == end and _SUBJECTLESS.match(clause[: verb.start()] + " " + clause[verb.end() :]):
            return "pronoun", verb.group()
        return None, None
    return None, None


def _last_speaker(
    body: str,
    start: int,
    mentions: list[dict],
    last_named: dict | None,
    titles: frozenset[str],
):
    """Who a pronoun means: the person named as saying something earlier in the same
    paragraph, else the last person named in it, else the last named speaker, else the last
    person named before the quote."""
    para_start = body.rfind("\n", 0, start) + 1
    earlier = [m for m in mentions if m["type"] == "PERSON" and m["end_char"] <= start]
    in_para = [m for m in earlier if m["start_char"] >= para_start]
    # `Jane Roe, the firm's chief executive, said ...`: a speaker, possibly after an apposition.
    # Names the model did not tag count too; the last one to speak wins.
    speaking = [m for m in in_para if _SPEAKS.match(body, m["end_char"])] + [
        person
        for pattern in (_NAMED_SPEAKER, _APPOSED_SPEAKER)
        for match in pattern.finditer(body, para_start, start)
        if (person := _person(match, 0, body, mentions, titles))
    ]
    if speaking:
        return max(speaking, key=lambda m: m["start_char"])
    if in_para:
        return in_para[-1]
    return last_named or (earlier or [None])[-1]


def extract_quotes(articles: pa.Table, entity_mentions: pa.Table, config: EnrichConfig) -> pa.Table:
    """Quotes of a batch of articles (article_id, body) with speakers resolved against the
    articles' canonical `entity_mentions` (article_id, surface, name, type, start_char,
    end_char)."""
    # The flow hands every batch the mentions of the whole run: keep this batch's.
    if entity_mentions.num_rows:
        entity_mentions = entity_mentions.filter(
            pc.is_in(entity_mentions["article_id"], articles["article_id"])
        )
    by_article: dict[str, list[dict]] = defaultdict(list)
    for m in entity_mentions.to_pylist():
        by_article[m["article_id"]].append(m)
    titles = frozenset(config.person_titles)
    rows = []
    for article_id, body in zip(
        articles["article_id"].to_pylist(), articles["body"].to_pylist(), strict=True
    ):
        body = body or ""
        mentions = sorted(by_article.get(article_id, []), key=lambda m: m["start_char"])
        last_named, previous, prev_end, prev_para = None, None, 0, -1
        quote_no = 0
        for start, end, text in _find_spans(body):
            text = " ".join(text.split()).strip(" ,")
            if not _is_quote(text, config):
                continue
            speaker, surface = _attribution(body, start, end, mentions, prev_end, titles)
            if speaker == "pronoun":
                speaker = _last_speaker(body, start, mentions, last_named, titles)
            elif speaker is None and previous is not None:
                # The second half of a split quote, or a quote continued in the same
                # paragraph with only an attribution between: the same speaker.
                para = body.rfind("\n", 0, start)
                between = body[prev_end:start]
                if para == prev_para and not re.search(r"[.!?]\s+\w+[^.!?]*[.!?]\s*$", between):
                    speaker, surface = previous
            if isinstance(speaker, dict):
                last_named = speaker
                surface = surface or speaker["surface"]
            quote_no += 1
            name = speaker["name"] if isinstance(speaker, dict) else None
            rows.append(
                {
                    "article_id": article_id,
                    "speaker": name,
                    "text": text,
                    "quote_no": quote_no,
                    "speaker_surface": surface if name else None,
                    "quote_id": quote_id(text),
                    "start_char": start,
                }
            )
            previous = (speaker, surface) if name else None
            prev_end, prev_para = end, body.rfind("\n", 0, start)
    return pa.Table.from_pylist(rows, schema.QUOTES.schema)
