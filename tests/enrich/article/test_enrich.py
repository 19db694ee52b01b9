from datetime import date

import pyarrow as pa

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
