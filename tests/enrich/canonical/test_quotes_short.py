"""A short sentence in marks right after an attributed quote is the speaker's; a short
phrase in marks inside narrative stays a scare quote."""

from __future__ import annotations

import pyarrow as pa

from newspipe.config import EnrichConfig
from newspipe.enrich.canonical import extract_quotes

CONFIG = EnrichConfig()
NAME = "Dennis Morrow"


def _quotes(body: str) -> list[dict]:
    start = body.index(NAME)
    mention = {
        "article_id": "a",
        "surface": NAME,
        "name": NAME,
        "type": "PERSON",
        "start_char": start,
        "end_char": start + len(NAME),
    }
    articles = pa.table({"article_id": ["a"], "body": [body]})
    return extract_quotes(articles, pa.Table.from_pylist([mention]), CONFIG).to_pylist()


def test_a_two_word_sentence_after_the_attribution_is_the_speakers():
    first, second = _quotes(
        '"I have never seen water come over the wall like that," Dennis Morrow said. '
        '"Nothing left."'
    )
    assert second["text"] == "Nothing left." and second["speaker"] == first["speaker"] == NAME


def test_a_spanish_full_stop_after_the_closing_mark_ends_the_short_sentence():
    first, second = _quotes("«Solo queremos saber la verdad», dijo Dennis Morrow. «Nada más».")
    assert second["text"] == "Nada más" and second["speaker"] == NAME


def test_a_two_word_phrase_inside_narrative_is_still_a_scare_quote():
    (q,) = _quotes(
        '"We have heard enough talk," Dennis Morrow said. The debate was "pure theatre".'
    )
    assert q["text"] == "We have heard enough talk"
