"""Direct quotes and who said them.

Runs in enrich after `canonicalize_entities`, so a speaker is named by the entity's
canonical name. `extract_quotes` finds text in curly, straight, « » or „ “ marks (a quote
left open at a paragraph's end continues when the next paragraph opens with a mark) and
dialogue opened by a dash (`—No iremos —dijo Roe—. Nunca.`, the narrator's aside between
dashes), and
takes its speaker from the attribution around it (speakers.py): a name, a pronoun, a role or
the subject of the quote's sentence. A quote with no attribution of its own continues the
speaker of the quote before it in the same paragraph, or of the quote that ended the
paragraph before when it opens a paragraph of its own; else one opening its sentence is the
speaker's of the sentence before it, or of the person that sentence is about. `quote_id`
hashes the normalised text, so one quote carried by many articles has one id.
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
from newspipe.enrich.canonical.speakers import (
    PRONOUN,
    UNNAMED,
    Article,
    attribution,
    last_speaker,
    preceding_speaker,
    sentence_start,
    sentence_subject,
)
from newspipe.enrich.canonical.speech import with_given_names

# Opening mark -> the marks that may close it.
_CLOSERS = {"“": "”", '"': '"', "«": "»", "„": "“”", "‘": "’"}
# Between two quotes of one speaker: only an attribution, no sentence of narrative.
_NARRATIVE_BETWEEN = re.compile(r"[.!?]\s+\w+[^.!?]*[.!?]\s*$")


def quote_id(text: str) -> str:
    """Content id of a quote, blind to case, accents, punctuation and white space."""
    if not text.isascii():
        # ASCII has no decompositions and no combining marks: most quotes skip this.
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = text.casefold()
    return hashlib.sha256(" ".join(re.findall(r"\w+", folded)).encode()).hexdigest()[:16]


# A straight mark shaped as an opener (after a space, before a word).
_INNER_OPENER = re.compile(r'(?<=\s)"(?=\S)')


def _closes(para: str, k: int, closers: str) -> bool:
    """Whether the mark at para[k] closes a quote that one of `closers` closes: an
    apostrophe inside a word does not, nor does a straight mark shaped as an opener, which
    inside an open quote starts its next sentence where the paragraphs of a long quote
    were run together (`"… to have won. "We lost momentum …"`)."""
    if para[k] not in closers:
        return False
    if closers == "’":
        return k + 1 == len(para) or not para[k + 1].isalpha()
    return closers != '"' or not _INNER_OPENER.match(para, k)


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
                j = next((k for k in range(i + 1, len(para)) if _closes(para, k, closers)), None)
                if j is None:
                    carry = (offset + i, [para[i + 1 :]])
                    break
                spans.append((offset + i, offset + j + 1, _INNER_OPENER.sub("", para[i + 1 : j])))
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


# Dialogue as Spanish (and some French) papers print it: the paragraph opens with a dash,
# the narrator's aside opens with a dash after a space and closes with one, and the quote
# may go on after it (`—Lo haremos —dijo Roe—. Mañana.`).
_DIALOGUE_OPENING = re.compile(r"[—―]\s?(?=\w|¿|¡)")
_ASIDE_OPENING = re.compile(r"\s[—―](?=\w)")
_ASIDE_CLOSING = re.compile(r"[—―](?:[.,;:]\s*|\s+|$)")


def _dialogue_spans(body: str) -> list[tuple[int, int, str]]:
    """(start of the opening dash, end of the quote's first part, text) for each paragraph
    of dialogue; the text joins the parts before and after the narrator's aside."""
    spans = []
    for para in re.finditer(r"[^\n]+", body):
        text, offset = para.group(), para.start()
        opening = _DIALOGUE_OPENING.match(text)
        if not opening:
            continue
        aside = _ASIDE_OPENING.search(text, opening.end())
        if aside is None:
            spans.append((offset, offset + len(text), text[opening.end() :]))
            continue
        first = text[opening.end() : aside.start()]
        closing = _ASIDE_CLOSING.search(text, aside.end())
        rest = text[closing.end() :].strip() if closing else ""
        joined = f"{first.rstrip(' ,')} {rest}" if rest else first
        spans.append((offset, offset + aside.start() + 1, joined))
    return spans


def _is_quote(text: str, config: EnrichConfig) -> bool:
    words = text.split()
    if len(words) < config.min_quote_words:
        return False
    # A name or title in marks (`“Islamic Resistance in Iraq”`), every long word capitalised.
    long_words = [w for w in words if len(w) > 3]
    return not (long_words and all(w[0].isupper() for w in long_words))


def _short_sentence_after(
    text: str, body: str, prev_end: int, span: tuple[int, int], prev_closed: bool
) -> bool:
    """`“…,” she said. “Nothing was left.”`: a sentence of two words or more in marks
    right after the attribution of the speaker's quote is the speaker's next sentence,
    not a scare quote, which sits inside a sentence of narrative. Spanish puts the full
    stop after the closing mark (`«Nada más».`)."""
    start, end = span
    return (
        len(text.split()) > 1
        and text[:1].isupper()
        and (text[-1:] in ".!?…" or body[end : end + 1] in (".", "!", "?"))
        and re.fullmatch(r"[^\n]*[.!?]\s*", body[prev_end:start]) is not None
        and _continues(body, prev_end, start, prev_closed)
    )


def _continues(body: str, prev_end: int, start: int, prev_closed: bool) -> bool:
    """Whether the quote at body[start] goes on from the quote that ended at prev_end: in
    the same paragraph with only an attribution between, or opening the next paragraph
    right after the attribution that ended the previous one (`“…,” she said.` then
    `“Nothing was left.”`). After a quote that closed its sentence (`prev_closed`),
    anything between is a sentence of its own."""
    between = (". " if prev_closed else "") + body[prev_end:start]
    if _NARRATIVE_BETWEEN.search(between):
        return False
    if "\n" not in between:
        return True
    para_start = body.rfind("\n", 0, start) + 1
    return "\n" not in between.strip() and not body[para_start:start].strip()


def _named_in_full(speaker: dict, a: Article) -> dict:
    """A person the model tagged only by surname (`Whitfield, a 38-year-old ...`) named as
    the text first writes them in full (`Jamal Whitfield, who owned the garage`)."""
    if speaker["type"] != "PERSON" or " " in speaker["name"]:
        return speaker
    return speaker | {"name": with_given_names(speaker["name"], a.body, a.titles)}


def _article_quotes(article_id: str, a: Article, config: EnrichConfig) -> list[dict]:
    body = a.body
    rows = []
    last_named, previous, prev_end, prev_closed = None, None, 0, False
    for start, end, text in sorted(_find_spans(body) + _dialogue_spans(body)):
        text = " ".join(text.split()).strip(" ,")
        if not _is_quote(text, config) and not (
            previous and _short_sentence_after(text, body, prev_end, (start, end), prev_closed)
        ):
            continue
        speaker, surface = attribution(a, start, end, prev_end)
        if speaker == PRONOUN:
            speaker = last_speaker(a, start, last_named)
        if speaker in (None, UNNAMED):
            # `Roe called the plan “a first step”`: a quote inside a sentence with no
            # attribution of its own is the sentence subject's.
            lo = sentence_start(body, start)
            subject = sentence_subject(a, lo, start) if body[lo:start].strip() else None
            if subject == PRONOUN:
                subject = last_speaker(a, start, last_named)
            if subject:
                speaker, surface = subject, None
        if speaker is None and previous and _continues(body, prev_end, start, prev_closed):
            speaker, surface = previous
        if speaker is None:
            speaker = preceding_speaker(a, start, last_named)
        if isinstance(speaker, dict):
            speaker = _named_in_full(speaker, a)
            last_named = speaker
            surface = surface or speaker["surface"]
        name = speaker["name"] if isinstance(speaker, dict) else None
        rows.append(
            {
                "article_id": article_id,
                "speaker": name,
                "text": text,
                "quote_no": len(rows) + 1,
                "speaker_surface": surface if name else None,
                "quote_id": quote_id(text),
                "start_char": start,
            }
        )
        previous = (speaker, surface) if name else None
        prev_end, prev_closed = end, text[-1:] in ".!?…"
    return rows


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
        mentions = sorted(by_article.get(article_id, []), key=lambda m: m["start_char"])
        rows += _article_quotes(article_id, Article.of(body or "", mentions, titles), config)
    return pa.Table.from_pylist(rows, schema.QUOTES.schema)
