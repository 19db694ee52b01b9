"""Prose that follows articles: candidates that may open the tail but never close the article.

Part of line classification (`newspipe.clean.classify`). A paragraph about the writer, the
blurb under a newsletter prompt and a pitch to the reader are sentences, so they would
otherwise be read as the article's last paragraphs; the classifier leaves them out of the
anchors that end the article (a pitch also of those that start it) and marks them as chrome
where they fall outside it. Each function takes the line table and a mask of the lines that
may be candidates, and returns the mask of those that are.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from newspipe.clean.patterns import BIO_SENTENCE, READER_PITCH

# A newsletter or membership blurb is one or two short sentences about what the reader gets
# and how (a last paragraph after a mid-article prompt does not talk like that).
_BLURB = re.compile(
    r"\b(?:inbox|e-?mail|newsletters?|briefing|digest|subscri\w*|members?(?:hip)?|"
    r"every\s+(?:morning|weekday|day|week|evening)|(?:daily|weekly)\s+(?:email|edition|update)|"
    r"correo|bandeja|boletín|cada\s+(?:mañana|día|semana)|suscri\w*|"
    r"boîte\s+(?:mail|e-mail|aux\s+lettres|de\s+réception)|courriel|chaque\s+(?:matin|jour|"
    r"semaine)|abonn\w*|postfach|jeden\s+(?:morgen|tag))\b",
    re.IGNORECASE,
)


def bio_candidates(lines: pd.DataFrame, among: np.ndarray, doc_author: pd.Series) -> np.ndarray:
    """Lines `among` the given ones that read as a paragraph about the writer."""
    texts = lines["text"]
    generic = np.zeros(len(lines), dtype=bool)
    generic[among] = (
        texts[among].map(lambda t: BIO_SENTENCE.match(t) is not None).to_numpy(dtype=bool)
    )
    if doc_author.empty:
        return generic
    author = lines["doc"].map(doc_author)
    has_author = author.notna().to_numpy() & among
    named = np.zeros(len(lines), dtype=bool)
    named[has_author] = [
        t.startswith(a) and t[len(a) : len(a) + 1] in {" ", "’", "'", ","}
        for t, a in zip(texts[has_author], author[has_author], strict=True)
    ]
    return generic | named


def blurb_candidates(
    lines: pd.DataFrame, prompt: np.ndarray, among: np.ndarray, max_words: int
) -> np.ndarray:
    """Lines `among` the given ones, under a newsletter or paywall prompt, that read as its
    blurb ("Every weekday, the day's news in your mailbox."): a sentence, so it would
    otherwise end the article."""
    doc = lines["doc"].to_numpy()
    blurb = (
        np.r_[False, prompt[:-1]]
        & np.r_[False, doc[1:] == doc[:-1]]
        & among
        & (lines["n_words"].to_numpy() <= max_words)
    )
    blurb[blurb] = lines["text"][blurb].str.contains(_BLURB).to_numpy(dtype=bool)
    return blurb


def pitch_candidates(lines: pd.DataFrame, among: np.ndarray, max_words: int) -> np.ndarray:
    """Lines of prose `among` the given ones, of at most `max_words` words, that ask the
    reader to act for the site (`READER_PITCH`)."""
    pitch = among & lines["prose"].to_numpy() & (lines["n_words"].to_numpy() <= max_words)
    pitch[pitch] = lines["text"][pitch].str.match(READER_PITCH).to_numpy(dtype=bool)
    return pitch
