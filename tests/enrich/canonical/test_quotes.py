"""Quotes: marks, attribution forms, pronouns, split and multi-paragraph quotes, ids."""

from __future__ import annotations

import re

import pyarrow as pa

from newspipe.config import EnrichConfig
from newspipe.enrich.canonical.quotes import extract_quotes

CONFIG = EnrichConfig()


# The people of the examples (surface -> canonical name), full names before surnames; the
# model itself is exercised in test_entities.py.
PEOPLE = {
    "Helen Okafor": "Helen Okafor",
    "Viktor Brandt": "Viktor Brandt",
    "Pierre Lavigne": "Pierre Lavigne",
    "Okafor": "Helen Okafor",
}


def _mentions(article_id: str, body: str) -> list[dict]:
    taken: set[int] = set()
    mentions = []
    for surface, name in PEOPLE.items():
        for m in re.finditer(re.escape(surface), body):
            if m.start() not in taken and m.end() - 1 not in taken:
                taken.update(range(m.start(), m.end()))
                mentions.append(
                    {
                        "article_id": article_id,
                        "surface": surface,
                        "name": name,
                        "type": "PERSON",
                        "start_char": m.start(),
                        "end_char": m.end(),
                    }
                )
    return mentions


def _quotes(*bodies: str) -> list[dict]:
    ids = [f"a{i}" for i in range(len(bodies))]
    articles = pa.table({"article_id": ids, "body": list(bodies)})
    mentions = [m for i, b in zip(ids, bodies, strict=True) for m in _mentions(i, b)]
    return extract_quotes(articles, pa.Table.from_pylist(mentions), CONFIG).to_pylist()


def test_speaker_after_a_curly_quote():
    (q,) = _quotes(
        "Mayor Helen Okafor opened the bridge. “We waited ten years for this day,” Okafor said."
    )
    assert q["text"] == "We waited ten years for this day"
    assert (q["speaker"], q["speaker_surface"]) == ("Helen Okafor", "Okafor")


def test_speaker_before_a_colon_and_straight_quotes():
    (q,) = _quotes('Helen Okafor said: "The bridge will carry buses from June."')
    assert q["speaker"] == "Helen Okafor" and q["text"] == "The bridge will carry buses from June."


def test_said_before_the_name():
    (q,) = _quotes("“The numbers do not add up,” said Viktor Brandt, an economist in Vienna.")
    assert q["speaker"] == "Viktor Brandt"


def test_a_pronoun_goes_to_the_last_named_speaker():
    first, second = _quotes(
        "“We will appeal the ruling,” Helen Okafor said.\n\n"
        "“The court has not heard the whole case,” she said."
    )
    assert first["speaker"] == second["speaker"] == "Helen Okafor"


def test_a_split_quote_has_one_speaker():
    first, second = _quotes(
        "“We are not in a hurry,” Viktor Brandt said. “But we are ready to sign a good deal.”"
    )
    assert first["speaker"] == second["speaker"] == "Viktor Brandt"


def test_a_quote_spanning_paragraphs_is_one_quote():
    (q,) = _quotes(
        "Viktor Brandt said: “The first ship was a test of the whole chain.\n\n"
        "“The second one will carry real cargo for paying customers.”"
    )
    assert q["text"] == (
        "The first ship was a test of the whole chain. "
        "The second one will carry real cargo for paying customers."
    )
    assert q["speaker"] == "Viktor Brandt"


def test_guillemets_and_unattributed_quotes():
    french, anonymous = _quotes(
        "Le maire, Pierre Lavigne, a déclaré : « Tout le monde a été évacué à temps. »",
        "“The house shook like a boat in a storm,” said a shopkeeper who gave no name.",
    )
    assert french["text"] == "Tout le monde a été évacué à temps." and french["speaker"] == (
        "Pierre Lavigne"
    )
    assert anonymous["speaker"] is None


def test_scare_quotes_are_not_quotes():
    assert _quotes("Helen Okafor called the plan a “disaster” on Monday.") == []


def test_the_same_quote_in_two_articles_shares_its_id():
    a, b = _quotes(
        "“We waited ten years for this day,” Helen Okafor said.",
        'Helen Okafor said: "We waited ten years for this day."',
    )
    assert a["quote_id"] == b["quote_id"] and a["article_id"] != b["article_id"]


def test_spanish_quote_without_a_subject_goes_to_the_last_named_speaker():
    (q,) = _quotes(
        "La alcaldesa, Helen Okafor, pidió calma a los vecinos. «Nadie volverá a casa hasta "
        "que los técnicos lo autoricen», afirmó."
    )
    assert q["speaker"] == "Helen Okafor"


def test_a_quote_after_a_verb_with_no_one_around_it_stays_unattributed():
    (q,) = _quotes(
        "Helen Okafor opened the bridge. Later, the council's statement was read out. "
        "“The works will finish in spring,” the statement said."
    )
    assert q["speaker"] is None


def test_french_inverted_attribution():
    first, second = _quotes(
        "Pierre Lavigne, le maire, a reçu les familles. « Nous ferons tout pour reloger "
        "chacun », a-t-il déclaré. « Les travaux commencent lundi », ajoute-t-il."
    )
    assert first["speaker"] == second["speaker"] == "Pierre Lavigne"


def test_a_colon_introduces_the_quote_of_the_sentence_subject():
    (q,) = _quotes(
        "Le maire, Pierre Lavigne, a appelé au calme : « Les gens ont peur, c'est normal. »"
    )
    assert q["speaker"] == "Pierre Lavigne"


def test_a_speaker_the_model_missed_is_read_beside_the_verb():
    # `Rowan Tillery` is no mention: the name beside `said` is taken as written, and its
    # surname alone later resolves to the full name the article gave.
    first, second = _quotes(
        "“The dig will stay open all summer,” said Rowan Tillery, the site director.\n"
        "Council leader Helen Okafor visited. “It is the find of a lifetime,” Tillery said."
    )
    assert first["speaker"] == second["speaker"] == "Rowan Tillery"
    assert second["speaker_surface"] == "Tillery"


def test_a_name_set_off_by_commas_speaks_for_the_organisation_before_it():
    (q,) = _quotes(
        "A spokesman for Brandt Logistics, Arvid Selmer, said the company had opened an "
        "inquiry. “Our first concern is the families,” he said."
    )
    assert q["speaker"] == "Arvid Selmer"


def test_other_reporting_verbs_and_according_to():
    first, second = _quotes(
        "“The bridge will reopen in May,” Helen Okafor tweeted on Monday.",
        "“Nothing has been decided,” according to Viktor Brandt.",
    )
    assert (first["speaker"], second["speaker"]) == ("Helen Okafor", "Viktor Brandt")
