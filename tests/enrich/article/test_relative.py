"""Relative dates against the publication date: weekdays, day words, tense, per language."""

from __future__ import annotations

from datetime import date

import pytest

from newspipe.config import EnrichConfig
from newspipe.enrich.article.dates import text_dates

CONFIG = EnrichConfig()
MONDAY = date(2023, 11, 6)
WEDNESDAY = date(2025, 3, 12)
SATURDAY = date(2024, 6, 22)


def _dates(text: str, published: date, language: str) -> list[date]:
    return list(text_dates(text, published, language, CONFIG))


@pytest.mark.parametrize(
    ("text", "published", "language"),
    [
        ("The finance minister resigned on Monday after a week of protests.", MONDAY, "en"),
        ("Monday's announcement sent the shares of the airline down by a third.", MONDAY, "en"),
        ("Le tribunal a rendu son jugement mercredi en fin de matinée.", WEDNESDAY, "fr"),
        ("La jueza dictó sentencia el miércoles por la tarde en Valencia.", WEDNESDAY, "es"),
        ("Fans queued outside the stadium from early on Saturday.", SATURDAY, "en"),
    ],
)
def test_the_weekday_of_publication_is_the_day_of_publication(text, published, language):
    assert _dates(text, published, language) == [published]


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"),
    [
        ("Rescuers reached the village on Thursday.", MONDAY, "en", date(2023, 11, 2)),
        ("Les pompiers sont intervenus dimanche soir.", WEDNESDAY, "fr", date(2025, 3, 9)),
        ("La policía detuvo al sospechoso el jueves.", WEDNESDAY, "es", date(2025, 3, 6)),
        # Accents dropped, as in many feeds.
        ("Los vecinos protestaron el sabado en la plaza.", WEDNESDAY, "es", date(2025, 3, 8)),
        ("The storm made landfall on Friday night.", SATURDAY, "en", date(2024, 6, 21)),
    ],
)
def test_another_weekday_is_the_latest_one_before_publication(text, published, language, expected):
    assert _dates(text, published, language) == [expected]


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"),
    [
        ("The board last met last Monday.", MONDAY, "en", date(2023, 10, 30)),
        ("Mercredi dernier, le maire a inauguré la passerelle.", WEDNESDAY, "fr", date(2025, 3, 5)),
        ("El pasado miércoles se inauguró el puente.", WEDNESDAY, "es", date(2025, 3, 5)),
        ("El puente se inauguró el miércoles pasado.", WEDNESDAY, "es", date(2025, 3, 5)),
    ],
)
def test_last_weekday_is_strictly_before_publication(text, published, language, expected):
    assert _dates(text, published, language) == [expected]


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"),
    [
        ("The union has called a strike for next Tuesday.", MONDAY, "en", date(2023, 11, 7)),
        ("The talks resume next Monday in Geneva.", MONDAY, "en", date(2023, 11, 13)),
        ("Le vote est fixé à mercredi prochain.", WEDNESDAY, "fr", date(2025, 3, 19)),
        ("La vista se celebrará el próximo lunes.", WEDNESDAY, "es", date(2025, 3, 17)),
        ("La huelga empieza el lunes que viene.", WEDNESDAY, "es", date(2025, 3, 17)),
    ],
)
def test_next_weekday_is_strictly_after_publication(text, published, language, expected):
    assert _dates(text, published, language) == [expected]


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"),
    [
        (
            "The committee will question the chief executive on Thursday.",
            MONDAY,
            "en",
            date(2023, 11, 9),
        ),
        ("The results are expected to be published on Friday.", MONDAY, "en", date(2023, 11, 10)),
        ("The verdict will be announced on Wednesday.", MONDAY, "en", date(2023, 11, 8)),
        ("The verdict is expected on Wednesday.", MONDAY, "en", date(2023, 11, 8)),
        ("A decision on the merger is scheduled on Thursday.", MONDAY, "en", date(2023, 11, 9)),
        ("On Thursday, the mayor will open the new library.", MONDAY, "en", date(2023, 11, 9)),
        (
            "The ministers meet again on Monday and will vote on Friday.",
            MONDAY,
            "en",
            date(2023, 11, 10),
        ),
        ("Le Parlement se prononcera vendredi sur le texte.", WEDNESDAY, "fr", date(2025, 3, 14)),
        (
            "Le conseil doit se réunir lundi pour désigner un successeur.",
            WEDNESDAY,
            "fr",
            date(2025, 3, 17),
        ),
        ("El Gobierno aprobará el viernes el nuevo decreto.", WEDNESDAY, "es", date(2025, 3, 14)),
        (
            "La ministra va a comparecer el lunes en el Congreso.",
            WEDNESDAY,
            "es",
            date(2025, 3, 17),
        ),
        # The cue may lie a long clause before the weekday.
        (
            "The minister will present the final report of the independent commission to "
            "parliament on Thursday.",
            MONDAY,
            "en",
            date(2023, 11, 9),
        ),
    ],
)
def test_a_future_tense_points_the_weekday_forward(text, published, language, expected):
    assert _dates(text, published, language)[-1] == expected


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"),
    [
        # Wednesday 12 March 2025: the present of a scheduled event is the coming day.
        ("The festival opens on Friday with a parade.", WEDNESDAY, "en", date(2025, 3, 14)),
        ("Voters go to the polls on Sunday.", WEDNESDAY, "en", date(2025, 3, 16)),
        ("Le festival ouvre ses portes vendredi.", WEDNESDAY, "fr", date(2025, 3, 14)),
        ("Les électeurs votent dimanche dans tout le pays.", WEDNESDAY, "fr", date(2025, 3, 16)),
        ("El festival abre sus puertas el viernes.", WEDNESDAY, "es", date(2025, 3, 14)),
        ("Los vecinos acuden a las urnas este domingo.", WEDNESDAY, "es", date(2025, 3, 16)),
        # Its past stays in the past.
        ("The festival opened on Friday with a parade.", WEDNESDAY, "en", date(2025, 3, 7)),
        ("Le festival a ouvert ses portes vendredi.", WEDNESDAY, "fr", date(2025, 3, 7)),
        ("El festival abrió sus puertas el viernes.", WEDNESDAY, "es", date(2025, 3, 7)),
    ],
)
def test_the_present_of_a_scheduled_event_points_forward(text, published, language, expected):
    assert _dates(text, published, language) == [expected]


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"),
    [
        ("The company said it would close the plant on Friday.", MONDAY, "en", date(2023, 11, 10)),
        ("Le ministre a dit qu'il se rendrait à Kiev lundi.", WEDNESDAY, "fr", date(2025, 3, 17)),
        ("Dijo que el comité sería convocado el lunes.", WEDNESDAY, "es", date(2025, 3, 17)),
    ],
)
def test_a_future_in_reported_speech_points_forward(text, published, language, expected):
    assert _dates(text, published, language) == [expected]


def test_a_noun_that_ends_like_a_conditional_is_no_tense():
    assert _dates("Le retrait des troupes lundi a surpris.", WEDNESDAY, "fr") == [date(2025, 3, 10)]


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"),
    [
        # The nearest verb governs the weekday: a later future is another clause.
        ("The bank said on Friday that it will cut 300 jobs.", MONDAY, "en", date(2023, 11, 3)),
        ("It will cost millions, the agency warned on Sunday.", MONDAY, "en", date(2023, 11, 5)),
        ("On Sunday, protesters marched through the capital.", MONDAY, "en", date(2023, 11, 5)),
        ("Le ministre a annoncé lundi qu'il se rendra à Kiev.", WEDNESDAY, "fr", date(2025, 3, 10)),
        ("El alcalde anunció el lunes que dimitirá.", WEDNESDAY, "es", date(2025, 3, 10)),
    ],
)
def test_a_past_tense_nearer_the_weekday_keeps_it_in_the_past(text, published, language, expected):
    assert _dates(text, published, language)[0] == expected


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"),
    [
        ("The bridge reopened to traffic this morning.", MONDAY, "en", MONDAY),
        ("Voters go to the polls today.", MONDAY, "en", MONDAY),
        ("Two men were arrested last night.", MONDAY, "en", date(2023, 11, 5)),
        ("The airport closed yesterday.", MONDAY, "en", date(2023, 11, 5)),
        ("The fire broke out the day before yesterday.", MONDAY, "en", date(2023, 11, 4)),
        ("The council approved the budget last week.", MONDAY, "en", date(2023, 10, 30)),
        ("The vessel sank three days ago.", MONDAY, "en", date(2023, 11, 3)),
        ("Les grévistes ont bloqué le dépôt ce matin.", WEDNESDAY, "fr", WEDNESDAY),
        ("Le tribunal a tranché hier.", WEDNESDAY, "fr", date(2025, 3, 11)),
        ("L'accord a été signé avant-hier à Rabat.", WEDNESDAY, "fr", date(2025, 3, 10)),
        ("Le port a rouvert aujourd’hui.", WEDNESDAY, "fr", WEDNESDAY),
        ("La grève a commencé la semaine dernière.", WEDNESDAY, "fr", date(2025, 3, 5)),
        ("Le barrage a cédé il y a deux jours.", WEDNESDAY, "fr", date(2025, 3, 10)),
        ("El incendio se declaró esta mañana.", WEDNESDAY, "es", WEDNESDAY),
        ("El Congreso votó ayer la reforma.", WEDNESDAY, "es", date(2025, 3, 11)),
        ("La presa cedió la semana pasada.", WEDNESDAY, "es", date(2025, 3, 5)),
        ("El buque zarpó hace tres días.", WEDNESDAY, "es", date(2025, 3, 9)),
    ],
)
def test_day_words_count_from_publication(text, published, language, expected):
    assert _dates(text, published, language) == [expected]


def test_tomorrow_points_forward_but_a_spanish_morning_does_not():
    assert _dates("The strike starts tomorrow.", MONDAY, "en") == [date(2023, 11, 7)]
    assert _dates("La huelga empieza mañana.", WEDNESDAY, "es") == [date(2025, 3, 13)]
    assert _dates("Llovió toda la mañana en Bilbao.", WEDNESDAY, "es") == []


def test_a_plural_weekday_is_a_habit_not_a_date():
    assert _dates("The market opens on Saturdays.", MONDAY, "en") == []


def test_day_words_of_other_languages_come_from_dateparser():
    assert _dates("Die Brücke wurde gestern gesperrt.", WEDNESDAY, "de") == [date(2025, 3, 11)]


def test_an_unknown_language_code_reads_english_only():
    # py3langid answers ISO 639-3 codes such as `pcm` that dateparser does not know.
    assert _dates("The port reopened on Tuesday.", MONDAY, "pcm") == [date(2023, 10, 31)]
    assert _dates("The port reopened on Tuesday.", MONDAY, None) == [date(2023, 10, 31)]
