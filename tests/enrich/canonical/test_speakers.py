"""Speakers the model tagged partly or wrongly, addressees, and people the text never names."""

from __future__ import annotations

import re

import pyarrow as pa

from newspipe.config import EnrichConfig
from newspipe.enrich.canonical import extract_quotes

CONFIG = EnrichConfig()


def _quotes(body: str, people: dict[str, tuple[str, str]]) -> list[dict]:
    """Quotes of `body` with the mentions the model would give: surface -> (name, type)."""
    mentions = [
        {
            "article_id": "a",
            "surface": surface,
            "name": name,
            "type": type_,
            "start_char": m.start(),
            "end_char": m.end(),
        }
        for surface, (name, type_) in people.items()
        for m in re.finditer(r"\b" + re.escape(surface) + r"\b", body)
    ]
    articles = pa.table({"article_id": ["a"], "body": [body]})
    return extract_quotes(articles, pa.Table.from_pylist(mentions), CONFIG).to_pylist()


def test_a_surname_tagged_alone_is_named_in_full():
    (q,) = _quotes(
        "Tobias Renner, who owned the shed, had bought the bike in May. Renner, a 41-year-old "
        'nurse, told the paper it had felt warm for weeks. "I thought that was normal," he said.',
        {"Renner": ("Renner", "PERSON")},
    )
    assert q["speaker"] == "Tobias Renner"


def test_whom_the_words_are_addressed_to_does_not_speak():
    (q,) = _quotes(
        "Su presidenta, Julia Maroto, calificó la medida de «un paso tardío pero necesario» "
        "y pidió a la Autoridad Portuaria de Vigo que publique los datos.",
        {
            "Julia Maroto": ("Julia Maroto", "PERSON"),
            "Autoridad Portuaria de Vigo": ("Autoridad Portuaria de Vigo", "ORG"),
        },
    )
    assert q["speaker"] == "Julia Maroto"


def test_a_role_the_text_never_names_is_no_one_named_before():
    first, second = _quotes(
        "Nina Holt, an analyst at Fenwick Capital, said the cuts were expected. "
        '"They had no choice," she said.\n\n'
        "A spokesman for the works council said talks would begin next week. "
        '"We will fight for every job," the spokesman said.',
        {"Nina Holt": ("Nina Holt", "PERSON")},
    )
    assert first["speaker"] == "Nina Holt"
    assert second["speaker"] is None


def test_a_name_set_off_after_a_role_speaks_whatever_its_label():
    (q,) = _quotes(
        "El presidente de la cooperativa en Jaén, Ramiro Cuesta, calificó el plan de "
        "«un paso en la buena dirección» pero pidió más rapidez.",
        {"Jaén": ("Jaén", "GPE"), "Ramiro Cuesta": ("Ramiro Cuesta", "GPE")},
    )
    assert q["speaker"] == "Ramiro Cuesta"


def test_a_spanish_perfect_tense_attributes_the_quote():
    (q,) = _quotes(
        "«No hay motivos para cerrar la investigación», ha señalado Marta Ibáñez en su auto.",
        {"Marta Ibáñez": ("Marta Ibáñez", "PERSON")},
    )
    assert q["speaker"] == "Marta Ibáñez"


def test_a_person_brought_in_by_a_relation_is_whom_the_pronoun_means():
    first, second = _quotes(
        '"The wall will not last another winter," Rupert Ashdown said.\n\n'
        "His colleague Fiona McLeary, who sits beside Rupert Ashdown on the committee, "
        'disagreed. "The costs have doubled and nobody has explained why," she said.',
        {
            "Rupert Ashdown": ("Rupert Ashdown", "PERSON"),
            "Fiona McLeary": ("Fiona McLeary", "PERSON"),
        },
    )
    assert (first["speaker"], second["speaker"]) == ("Rupert Ashdown", "Fiona McLeary")


def test_a_relation_brings_in_a_name_the_model_missed():
    first, second = _quotes(
        "«Si no llueve en marzo, no sé qué vamos a hacer», dijo Lucía Ferreiro.\n\n"
        "Su vecino Andrés Molina no estaba de acuerdo. "
        "«Las ayudas llegan tarde, como siempre», afirmó.",
        {"Lucía Ferreiro": ("Lucía Ferreiro", "PERSON")},
    )
    assert (first["speaker"], second["speaker"]) == ("Lucía Ferreiro", "Andrés Molina")


def test_a_description_the_model_took_for_a_name_is_the_person_it_describes():
    (q,) = _quotes(
        "Rennick signed Marcel Dupuy, 55, on a two-year deal.\n\n"
        'The 55-year-old Frenchman told the club: "I love this place and am happy here."',
        {"Marcel Dupuy": ("Marcel Dupuy", "PERSON"), "Frenchman": ("Frenchman", "PERSON")},
    )
    assert q["speaker"] == "Marcel Dupuy"


def test_an_owner_is_not_the_speaker():
    body = (
        '"We lost the match in the first ten minutes," Tomas Kell said.\n\n'
        '"It was a very easy decision to make," the 34-year-old told Harwick\'s website.'
    )
    for people in ({}, {"Harwick": ("Harwick", "ORG")}):
        first, second = _quotes(body, {"Tomas Kell": ("Tomas Kell", "PERSON"), **people})
        assert second["speaker"] == "Tomas Kell"


def test_minutes_are_a_document_not_a_person():
    (q,) = _quotes(
        "Paul Amery voted for a rise. The Bank's minutes said the risks were "
        '"sufficiently to the downside to wait".',
        {"Paul Amery": ("Paul Amery", "PERSON")},
    )
    assert q["speaker"] is None


def test_a_role_refers_back_to_a_name_set_off_after_it_whatever_its_label():
    (q,) = _quotes(
        "La alcaldesa de Villanueva, Rosa Iturbe, presentó el lunes el proyecto.\n\n"
        "La alcaldesa, que visitó la zona con el ingeniero Pedro Gil, calificó el plan de "
        "«un primer paso bienvenido para el pueblo» pero advirtió que el dinero no basta.",
        {
            "Villanueva": ("Villanueva", "GPE"),
            "Rosa Iturbe": ("Rosa Iturbe", "GPE"),
            "Pedro Gil": ("Pedro Gil", "PERSON"),
        },
    )
    assert q["speaker"] == "Rosa Iturbe"


def test_a_description_means_whom_the_paragraph_is_about():
    (q,) = _quotes(
        "Sheila Park, 72, who shares the house with her nephew Tom Reed, has lived there for "
        'forty years. "We were told the same thing in 2015," the pensioner said.',
        {"Sheila Park": ("Sheila Park", "PERSON"), "Tom Reed": ("Tom Reed", "PERSON")},
    )
    assert q["speaker"] == "Sheila Park"


def test_a_radio_station_is_no_person():
    (q,) = _quotes(
        'Tom Reed will host the show. "Nobody can replace him," said the radio station.',
        {"Tom Reed": ("Tom Reed", "PERSON")},
    )
    assert q["speaker"] is None


ASHDOWN_AND_MCLEARY = {
    "Rupert Ashdown": ("Rupert Ashdown", "PERSON"),
    "Fiona McLeary": ("Fiona McLeary", "PERSON"),
}


def test_she_means_the_person_the_sentence_before_brings_in_not_the_last_speaker():
    first, second = _quotes(
        '"We have waited ten years for this money," Rupert Ashdown said. His colleague '
        'Fiona McLeary disagreed. "The costs have doubled and nobody has explained why," '
        "she said.",
        ASHDOWN_AND_MCLEARY,
    )
    assert (first["speaker"], second["speaker"]) == ("Rupert Ashdown", "Fiona McLeary")


def test_a_sentence_about_what_someone_does_does_not_bring_them_in_to_speak():
    _, second = _quotes(
        '"People kept asking when it would open," Rupert Ashdown said. Volunteer Fiona '
        "McLeary, a former teacher, will run a weekly digital help session at the library. "
        '"We want it to be the front room of the village," he said.',
        ASHDOWN_AND_MCLEARY,
    )
    assert second["speaker"] == "Rupert Ashdown"


def test_a_present_tense_reporting_verb_attributes_the_quote():
    (q,) = _quotes(
        '"We cannot assume the brain will not change," warns Fiona McLeary.',
        ASHDOWN_AND_MCLEARY,
    )
    assert q["speaker"] == "Fiona McLeary"
