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


def test_copies_share_their_canonicals_event_and_the_event_is_labelled():
    published = pa.table(
        {
            "article_id": ["p1"],
            "headline": ["Rocket lost on maiden flight"],
            "event_date": pa.array([None], pa.date32()),
            "published_date": pa.array([date(2026, 2, 25)], pa.date32()),
            "source": ["Nordic Today"],
        }
    )
    new = pa.table(
        {
            "article_id": ["n1", "n2"],
            "title": [None, "Quake hits Chile"],
            "body": ["Rocket lost on maiden flight\nThe launcher broke up.", "A strong quake."],
            "published_date": pa.array([date(2026, 2, 26), None], pa.date32()),
            "source": ["Launchpad Daily", "unknown"],
        }
    )
    groups = pa.table(
        {
            "article_id": ["p1", "n1", "n2"],
            "dup_group_id": ["n1", "n1", "n2"],
            "is_canonical": [True, False, True],
        }
    )
    assignments, events = assign_events(published, new, groups)
    event_of = dict(
        zip(assignments["article_id"].to_pylist(), assignments["event_id"].to_pylist(), strict=True)
    )
    assert event_of["p1"] == event_of["n1"] != event_of["n2"]
    by_event = {e["event_id"]: e for e in events.to_pylist()}
    assert by_event[event_of["p1"]]["label"] == "Rocket lost on maiden flight"
    assert by_event[event_of["p1"]]["n_articles"] == 2
    assert by_event[event_of["p1"]]["n_sources"] == 2
    assert by_event[event_of["n2"]]["label"] == "Quake hits Chile"
