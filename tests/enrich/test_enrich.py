from datetime import date

import pyarrow as pa

from newspipe.enrich import assign_events, derive_sources, detect_languages, enrich_articles


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


def test_source_is_the_site_name_or_unknown():
    assert derive_sources(
        pa.array(["Harbour Ledger", None, "  ", " Nordic Today "])
    ).to_pylist() == ["Harbour Ledger", "unknown", "unknown", "Nordic Today"]


def test_enrich_articles_adds_language_and_source():
    articles = pa.table(
        {
            "article_id": ["a"],
            "site_name": ["Ponent Digital"],
            "body": [
                "La línea entre Lleida y Zaragoza sigue cortada tras el "
                "descarrilamiento del tren de mercancías."
            ],
        }
    )
    enriched = enrich_articles(articles).to_pylist()[0]
    assert enriched["language"] == "es" and enriched["source"] == "Ponent Digital"


