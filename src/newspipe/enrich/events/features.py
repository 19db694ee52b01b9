"""Features of an article as the event clusterer compares it: content words, figures,
TF-IDF vectors and the corpus's document frequencies.

Words are lower-cased and accent-folded, possessives and elided articles dropped, and the
stop words of spaCy's shipped lists for the languages newspipe reads taken out.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from operator import mul

import pyarrow as pa
from spacy.lang.de.stop_words import STOP_WORDS as GERMAN
from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH
from spacy.lang.fr.stop_words import STOP_WORDS as FRENCH

from newspipe.schema import TERM_FREQUENCIES, conform

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)
# Numbers that name a fact of the event (a toll, a magnitude, a sum), not years or days.
# Thousands are grouped by a comma, a point or a space: plain, no-break, or the narrow
# no-break and thin spaces of French typography.
_SPACES = "\u00a0\u202f\u2009 "
_NUMBER = re.compile(
    rf"(?<![\w.,])\d{{1,3}}(?:[.,{_SPACES}]\d{{3}})+(?!\d)|\b\d+[.,]\d+\b|\b\d{{2,}}\b"
)
_NO_SPACES = str.maketrans("", "", _SPACES)
_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
# Entity names share the document-frequency table with words under this prefix, which no
# word can carry.
ENTITY_TERM = "entity:"
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
# A possessive ("Syria's") or an elided article ("l'armée", "d'Irak") is the same word.
_CLITIC = re.compile(r"['’]s\b|(?<![\w'’])(?:[ldjnmtsc]|qu)['’](?=\w)")
_COMBINING = re.compile(r"[\u0300-\u036f]")


def _fold(text: str) -> str:
    """Lower case without accents: reports in other languages, and English ones naming a
    foreign place, spell "Aragón" as "Aragon"."""
    text = text.lower()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


# Words every report carries whatever it is about: reporting verbs and calendar words,
# which spaCy's lists leave in.
_NEWS_WORDS = ("said", "says", "told", "new", "year", "years", "week", "day", "days")
_STOPWORDS = frozenset(
    _fold(w) for words in (ENGLISH, FRENCH, SPANISH, GERMAN, _NEWS_WORDS) for w in words
)


def tokens(text: str | None) -> list[str]:
    """Lower-cased, accent-folded content words of a text, stop words removed."""
    if not text:
        return []
    words = _WORD.findall(_CLITIC.sub("", _fold(text)))
    return [w for w in words if len(w) > 2 and w not in _STOPWORDS]


def salient_numbers(text: str | None) -> set[str]:
    """Numbers that name facts, normalised across locales ("1,350" = "1.350" = "1350")."""
    if not text:
        return set()
    found = set()
    for raw in _NUMBER.findall(text):
        digits = raw.translate(_NO_SPACES)
        if _GROUPED.fullmatch(digits):
            digits = digits.replace(".", "").replace(",", "")
        else:
            digits = digits.replace(",", ".")
        if not _YEAR.match(digits):
            found.add(digits)
    return found


def tfidf(
    words: list[str], df: dict[str, int], n_docs: int, idf_of: dict[str, float] | None = None
) -> dict[str, float]:
    """Sublinear TF times smoothed IDF, unit length. The +1 on the IDF keeps words shared
    by every document of a small corpus in play rather than weighting them zero. `idf_of`:
    the IDFs of words met before under the same `df`, filled as it goes (a corpus repeats
    its words)."""
    idf_of = {} if idf_of is None else idf_of
    vector = {}
    for w, c in Counter(words).items():
        idf = idf_of.get(w)
        if idf is None:
            idf = idf_of[w] = math.log((n_docs + 1) / (df.get(w, 0) + 1)) + 1
        vector[w] = (1 + math.log(c)) * idf
    values = vector.values()
    norm = math.sqrt(sum(map(mul, values, values))) or 1.0
    return {w: v / norm for w, v in vector.items()}


def article_words(articles: pa.Table) -> list[tuple[list[str], list[str]]]:
    """The content words (`tokens`) of each article's body and title, in row order: read
    once, for the document frequencies and the clusterer's vectors alike."""
    return [
        (tokens(body), tokens(title))
        for body, title in zip(
            articles["body"].to_pylist(), articles["title"].to_pylist(), strict=True
        )
    ]


def document_frequencies(articles: pa.Table, words: list[tuple[list[str], list[str]]]) -> pa.Table:
    """Documents per term in `articles` (`words`: their `article_words`); the empty term
    counts the documents."""
    df = Counter()
    for (body, title), names in zip(words, articles["entity_names"].to_pylist(), strict=True):
        df.update(set(body) | set(title))
        df.update({ENTITY_TERM + n for n in names or []})
    df[""] = articles.num_rows
    return conform(TERM_FREQUENCIES, pa.table({"term": list(df), "df": list(df.values())}))
