"""Event dates: explicit, relative to the publication date, background dates ignored."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

from newspipe.config import EnrichConfig
from newspipe.enrich.article.dates import resolve_event_dates

CONFIG = EnrichConfig()


def _event_date(body: str, published: date | None, language: str = "en"):
    articles = pa.table(
        {
            "article_id": ["a"],
            "body": [body],
            "published_date": pa.array([published], pa.date32()),
            "language": [language],
        }
    )
    row = resolve_event_dates(articles, CONFIG).to_pylist()[0]
    return row["event_date"], row["event_date_source"]


@pytest.mark.parametrize(
    ("body", "published", "language", "expected"),
    [
        ("The minister arrived in Lima on March 3, 2025, for talks.", None, "en", date(2025, 3, 3)),
        # Monday 6 November 2023: "on Sunday" is the day before.
        ("The envoy made a surprise visit on Sunday.", date(2023, 11, 6), "en", date(2023, 11, 5)),
        (
            "The council voted last week to close the pool.",
            date(2024, 5, 15),
            "en",
            date(2024, 5, 8),
        ),
        ("Police closed the road this morning.", date(2024, 5, 15), "en", date(2024, 5, 15)),
        (
            "Troops have been stationed there since the 2003 invasion. They left on Friday.",
            date(2024, 5, 15),
            "en",
            date(2024, 5, 10),
        ),
        (
            "El tren descarriló el martes cerca de Lleida.",
            date(2025, 6, 18),
            "es",
            date(2025, 6, 17),
        ),
        ("Le train a déraillé le 17 juin 2025 près de Lleida.", None, "fr", date(2025, 6, 17)),
    ],
)
def test_event_dates_from_the_text(body, published, language, expected):
    assert _event_date(body, published, language) == (expected, "text")


def test_a_background_date_is_ignored_and_the_publication_date_stands_in():
    body = "The museum, first opened on 4 May 1998, reopened its gallery to visitors."
    assert _event_date(body, date(2024, 5, 15)) == (date(2024, 5, 15), "published")


def test_a_weekday_without_a_publication_date_is_unknowable():
    assert _event_date("The minister visited the port on Friday.", None) == (None, None)


# Wednesday 12 March 2025.
@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        # An all-numeric date reads day-first or month-first; only 10 March is not after
        # publication.
        ("The vote took place on 10/03/2025 in the regional parliament.", "en", date(2025, 3, 10)),
        ("Police arrested the two men on 03/11/2025 near the border.", "en", date(2025, 3, 11)),
        ("Mardi dernier, le conseil a voté la fermeture de l'usine.", "fr", date(2025, 3, 11)),
        ("L'explosion s'est produite hier soir dans le port.", "fr", date(2025, 3, 11)),
        ("Anteayer, la policía detuvo a dos sospechosos.", "es", date(2025, 3, 10)),
        ("La votación se celebró el 9 de marzo de 2025 en todo el país.", "es", date(2025, 3, 9)),
    ],
)
def test_numeric_french_and_spanish_dates(body, language, expected):
    assert _event_date(body, date(2025, 3, 12), language) == (expected, "text")
