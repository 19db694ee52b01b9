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


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("The council voted this morning to close the pool.", "en"),
        ("The council voted today to close the pool.", "en"),
        ("Le conseil a voté hier la fermeture de la piscine.", "fr"),
        ("El consejo votó el lunes el cierre de la piscina.", "es"),
    ],
)
def test_without_a_publication_date_relative_dates_stay_unknown(body, language):
    assert _event_date(body, None, language) == (None, None)


def test_an_article_published_on_a_monday_saying_on_monday_reports_that_day():
    # Monday 6 November 2023: not the Monday before.
    body = "The prime minister announced on Monday that the summit would move to Lisbon."
    assert _event_date(body, date(2023, 11, 6)) == (date(2023, 11, 6), "text")


def test_an_announcement_in_the_lead_reports_the_day_to_come():
    body = (
        "Delegates from nine ports will meet in Bilbao next Tuesday to vote on new berth "
        "fees.\n\nA first round of talks failed on 2 May."
    )
    assert _event_date(body, date(2025, 5, 21)) == (date(2025, 5, 27), "text")


def test_a_plan_after_publication_is_not_the_event():
    body = "Ministers will meet next Tuesday. The agency issued its warning on Sunday."
    assert _event_date(body, date(2023, 11, 6)) == (date(2023, 11, 5), "text")


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # Without a year, the day and month nearest publication: last December's.
        ("The ferry ran aground on 30 December.", date(2025, 1, 2), date(2024, 12, 30)),
        # A lead announcing a day to come reports that day; a year-less date after
        # publication further down is a plan, and publication stands in.
        ("Polls close on 20 June.", date(2025, 6, 18), date(2025, 6, 20)),
        ("Turnout was high.\n\nPolls close on 20 June.", date(2025, 6, 18), None),
        (
            "The Louvre closed on Tuesday, 3 June, for the strike.",
            date(2025, 6, 5),
            date(2025, 6, 3),
        ),
        ("Am 3. März 2025 stimmte der Landtag ab.", date(2025, 3, 5), date(2025, 3, 3)),
    ],
)
def test_absolute_dates(body, published, expected):
    language = "de" if body.startswith("Am ") else "en"
    got = _event_date(body, published, language)
    assert got == ((expected, "text") if expected else (published, "published"))


@pytest.mark.parametrize(
    "body",
    [
        # From a real wire's style: a time of day, not a year.
        "The ban applies from 0001 GMT on Friday across the region.",
        "The record shows 31 June 2025 and 00/00/0000 and 99/99/9999.",
        "Filed 01/01/0001 at 0001 GMT.",
    ],
)
def test_a_date_that_cannot_exist_is_no_date(body):
    when, _ = _event_date(body, None)
    assert when is None


def test_a_publication_date_that_cannot_exist_is_no_date():
    assert _event_date("The port closed yesterday.", date(1, 1, 1)) == (None, None)


@pytest.mark.parametrize(
    "body",
    [
        "",
        "\x00\x01\x02 Monday \ufffd",
        "9" * 5000,
        "1/1/1/1/1/1/1/1 " * 500,
        "Monday " * 5000,
        "on 31/12/9999 and 1/13/2025 and 2025-13-45 and 29/02/2023",
        "next last next last Tuesday dernier prochain",
        "hace 99 días and 99 days ago and il y a 99 semaines",
        "🙂 ‏ضرب  Sunday ce matin",
    ],
)
@pytest.mark.parametrize(
    "published", [None, date(1800, 1, 1), date(2199, 12, 31), date(9999, 12, 31)]
)
def test_odd_text_never_raises(body, published):
    when, source = _event_date(body, published)
    assert source in (None, "text", "published")


def test_unknown_language_codes_fall_back_to_english():
    body = "The port reopened on Tuesday after the strike."
    assert _event_date(body, date(2023, 11, 6), "pcm") == (date(2023, 10, 31), "text")


def test_english_datelines_are_read_in_articles_in_other_languages():
    body = "WASHINGTON, March 3 - Le Sénat américain a adopté le budget de la défense."
    assert _event_date(body, date(2025, 3, 5), "fr") == (date(2025, 3, 3), "text")


def test_every_language_the_identifier_answers_is_read_without_error():
    from newspipe.enrich.article.language import _identifier

    body = "The vote was held on 3 March 2025, yesterday, Monday, 03/04/2025."
    for code in _identifier().labels:
        assert _event_date(body, date(2025, 3, 5), code) == (date(2025, 3, 3), "text"), code
