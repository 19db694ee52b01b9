from datetime import date

import pyarrow as pa
import pytest

from newspipe.config import EnrichConfig
from newspipe.enrich.article import derive_sources, detect_languages, enrich_articles


def test_languages_from_the_packaged_model():
    codes = detect_languages(
        pa.array(
            [
                "The city council voted on Tuesday to close the old bridge to heavy lorries.",
                "El ayuntamiento votó el martes cerrar el puente viejo a los camiones pesados.",
                "Le conseil municipal a voté mardi la fermeture du vieux pont aux poids lourds.",
                "Der Stadtrat stimmte am Dienstag dafür, die alte Brücke für Lastwagen zu sperren.",
                "Ok.",
            ]
        )
    ).to_pylist()
    assert codes == ["en", "es", "fr", "de", None]


def test_languages_are_iso_639_1_codes_or_null_when_the_model_cannot_place_the_text():
    codes = detect_languages(
        pa.array(
            [
                # The packaged model also knows ISO 639-3 labels (Nigerian Pidgin `pcm`, ...)
                # and `zxx`; wire copy in English must not come out as one of them.
                "Oga don talk say di market go open for Monday, make una come buy.",
                # A results table: no language to tell, whatever the model's best guess.
                "Qtr to June 30\n\nShr 14 cts vs 11 cts\n\nNet 2,310,000 vs 1,874,000\n\n"
                "Revs 41.6 mln vs 38.2 mln\n\nAvg shrs 16.5 mln vs 16.9 mln",
            ]
        )
    ).to_pylist()
    assert len(codes[0]) == 2
    assert codes[1] is None


def test_source_is_the_site_name_or_unknown():
    assert derive_sources(
        pa.array(["Harbour Ledger", None, "  ", " Nordic Today "])
    ).to_pylist() == ["Harbour Ledger", "unknown", "unknown", "Nordic Today"]


def test_source_prefers_the_page_address_over_the_site_name():
    sources = derive_sources(
        pa.array(["Harbour Ledger", "Harbour Ledger", None]),
        pa.array(["harbourledger.co.uk", None, None]),
    )
    assert sources.to_pylist() == ["harbourledger.co.uk", "Harbour Ledger", "unknown"]


def test_enrich_articles_adds_language_source_and_event_date():
    articles = pa.table(
        {
            "article_id": ["a"],
            "site_name": ["Ponent Digital"],
            "published_date": pa.array([date(2025, 6, 18)], pa.date32()),
            "page_source": ["ponentdigital.es"],
            "body": [
                "La línea entre Lleida y Zaragoza sigue cortada desde el martes tras el "
                "descarrilamiento del tren de mercancías."
            ],
        }
    )
    enriched = enrich_articles(articles, EnrichConfig()).to_pylist()[0]
    assert enriched["language"] == "es" and enriched["source"] == "ponentdigital.es"
    assert "page_source" not in enriched
    assert enriched["event_date"] == date(2025, 6, 17)
    assert enriched["event_date_source"] == "text"


def test_a_batch_scores_each_text_as_the_model_scores_it_alone():
    from newspipe.enrich.article.language import _identifier, probabilities

    texts = [
        "The ferry to the islands was cancelled for a third day as gales swept the coast.",
        "LA LIGA SUSPENDIÓ EL PARTIDO DEL DOMINGO POR LA LLUVIA EN EL ESTADIO MUNICIPAL.",
        "Les pêcheurs de la côte bretonne ont manifesté jeudi devant la préfecture. " * 12,
        "Qtr net 1,204,000 vs 988,000\nRevs 12.1 mln vs 10.4 mln\nShr 31 cts vs 26 cts",
        "Die Bürgermeisterin eröffnete am Samstag die neue Bibliothek im Stadtzentrum.",
        "12 34 56 78",
    ]
    scores = probabilities(texts)
    classes = _identifier().nb_classes
    for row, text in enumerate(texts):
        alone = dict(_identifier().rank(text))
        batch = {}
        for column, label in enumerate(classes):
            batch.setdefault(label, float(scores[row, column]))
        assert batch == pytest.approx(alone, rel=1e-4, abs=1e-7), text
    assert detect_languages(pa.array(texts)).to_pylist()[:3] == ["en", "es", "fr"]
