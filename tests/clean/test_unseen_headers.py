"""Headers of sites the rules were not written on (issue 16): mastheads in title case with
small words and elided articles, a motto under a masthead with a relative stamp under it, a
desk's name as the masthead, a kicker after the menu, a date followed by its time and
more, links spaced out as a menu. Invented names throughout."""

from __future__ import annotations

import datetime as dt

import pytest

from newspipe.clean import dates
from tests.clean.helpers import PARAGRAPHS, article, clean, labels

HEADLINE = "Harbour bridge reopens after six weeks of storm repairs"


def _clean(*lines: str):
    result = clean("\n".join(lines))
    return labels(result), article(result)


@pytest.mark.parametrize(
    "masthead",
    [
        "Le Courrier de l'Aber",  # an elided article before a capital
        "La Sentinelle de la Haute Vallée",  # small words are not counted
        "El Faro de la Costa Brava",
    ],
)
def test_a_masthead_in_title_case_with_small_words_names_the_site(masthead):
    got, row = _clean(masthead, "Mon compte", "S'abonner", HEADLINE, "Par Ana López", *PARAGRAPHS)
    assert got[1] == ("metadata", "masthead")
    assert row["site_name"] == masthead
    assert row["title"] == HEADLINE


@pytest.mark.parametrize("stamp", ["Hace 2 horas", "Posted 3 hours ago", "il y a 40 minutes"])
def test_a_motto_under_the_masthead_is_no_headline_with_a_stamp_under_it(stamp):
    # The long headline after the motto is no standfirst: the motto is no headline.
    # sixteen words: as long as a standfirst, which a line after another may be
    headline = (
        "Los vecinos de Almudévar reclaman un segundo médico y más horas de consulta en "
        "el centro de salud"
    )
    got, row = _clean(
        "LA VOZ DEL PÁRAMO", "Noticias de la meseta", stamp, headline, "Redacción", *PARAGRAPHS
    )
    assert got[2] == ("boilerplate", "tagline")
    assert got[4] == ("metadata", "title")
    assert (row["title"], row["site_name"], row["published_date"]) == (
        headline,
        "La Voz del Páramo",
        None,
    )


def test_a_desk_named_on_the_first_line_is_the_masthead_and_under_the_headline_a_byline():
    got, row = _clean(
        "Moorfield Sports Desk", "Results", "Fixtures", HEADLINE, "By Ana López", *PARAGRAPHS
    )
    assert got[1] == ("metadata", "masthead")
    assert (row["site_name"], row["title"], row["author"]) == (
        "Moorfield Sports Desk",
        HEADLINE,
        "Ana López",
    )
    got, row = _clean("Fjordside Post", HEADLINE, "Moorfield Sports Desk", *PARAGRAPHS)
    assert got[3] == ("metadata", "byline")
    assert (row["site_name"], row["author"]) == ("Fjordside Post", None)


@pytest.mark.parametrize("kicker", ["Match report", "Long read", "Picture essay"])
def test_a_kicker_after_the_menu_is_no_headline(kicker):
    got, row = _clean(
        "Fjordside Post",
        "News | Local | Business | Sport | Opinion",
        kicker,
        HEADLINE,
        "By Ana López",
        "5 March 2024",
        *PARAGRAPHS,
    )
    assert got[4] == ("metadata", "title")
    assert got[3][0] == "boilerplate"
    assert row["title"] == HEADLINE


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Publicado el martes 9 de septiembre de 2025, 12:40 hrs.", dt.date(2025, 9, 9)),
        ("Publié le 3 février 2025 à 07h15 heure de Paris", dt.date(2025, 2, 3)),
    ],
)
def test_a_date_is_read_before_its_time_of_day_whatever_follows(line, date):
    assert dates.parse_date(line) == date


def test_links_spaced_out_on_one_line_are_a_menu():
    got, row = _clean(
        "Letters from the Marsh",
        "Home   About   Archive   Contact",
        HEADLINE,
        "Written by Ana López",
        *PARAGRAPHS,
    )
    assert got[2] == ("boilerplate", "navigation")
    assert (row["site_name"], row["title"]) == ("Letters from the Marsh", HEADLINE)


@pytest.mark.parametrize(
    ("line", "author", "date"),
    [
        ("Colin Abernethy — 21 June 2025", "Colin Abernethy", dt.date(2025, 6, 21)),
        ("Agnès Delpech – 14 mars 2025", "Agnès Delpech", dt.date(2025, 3, 14)),
    ],
)
def test_a_name_and_a_date_joined_by_a_dash_are_the_byline_and_dateline(line, author, date):
    got, row = _clean("Fjordside Post", "Se connecter", HEADLINE, line, *PARAGRAPHS)
    assert got[4] == ("metadata", "dateline_byline")
    assert (row["title"], row["author"], row["published_date"]) == (HEADLINE, author, date)


@pytest.mark.parametrize(
    "links",
    ["Acceder | Suscribirse", "Se connecter ou créer un compte", "Iniciar sesión o registrarse"],
)
def test_account_links_in_a_row_are_navigation_not_the_headline(links):
    got, row = _clean("Fjordside Post", links, "Posted 2 hours ago", HEADLINE, *PARAGRAPHS)
    assert got[2] == ("boilerplate", "navigation")
    assert row["title"] == HEADLINE


@pytest.mark.parametrize("stamp", ["Updated moments ago", "Posted just now", "À l'instant"])
def test_a_moment_ago_is_a_relative_stamp_beside_a_bare_byline(stamp):
    got, row = _clean("Fjordside Post", HEADLINE, "Rhiannon Pryce", stamp, *PARAGRAPHS)
    assert got[4][0] == "metadata"
    assert (row["author"], row["published_date"]) == ("Rhiannon Pryce", None)


@pytest.mark.parametrize("line", ["Il y a 9 commentaires", "Il y a 12 réactions"])
def test_a_count_of_comments_is_no_relative_time(line):
    assert not dates.is_timestamp(line)
    assert not dates.labelled_dateline(line)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Texte et photos : Léa Bonnefoy", "Léa Bonnefoy"),
        ("Reported by Euan Macaulay", "Euan Macaulay"),
        ("Words and pictures by Sam Hale", "Sam Hale"),
    ],
)
def test_a_byline_crediting_the_photographs_too_or_the_reporting_names_the_writer(line, author):
    got, row = _clean("Fjordside Post", HEADLINE, line, "4 March 2025", *PARAGRAPHS)
    assert got[3][0] == "metadata"
    assert (row["title"], row["author"]) == (HEADLINE, author)


def test_a_day_a_month_name_and_a_year_joined_by_dashes_are_a_date():
    got, row = _clean("Fjordside Post", HEADLINE, "22-May-2025", "Tom Gilchrist", *PARAGRAPHS)
    assert got[3] == ("metadata", "dateline")
    assert (row["published_date"], row["author"]) == (dt.date(2025, 5, 22), "Tom Gilchrist")


def test_a_bare_name_a_date_and_a_time_in_a_row_are_a_dated_byline():
    got, row = _clean("Fjordside Post", HEADLINE, "Irene Calvo | 30.05.2025 | 13:15", *PARAGRAPHS)
    assert got[3] == ("metadata", "dateline_byline")
    assert (row["title"], row["author"], row["published_date"]) == (
        HEADLINE,
        "Irene Calvo",
        dt.date(2025, 5, 30),
    )


def test_a_newsletter_named_above_the_article_is_its_masthead():
    got, row = _clean(
        "View this email in your browser",
        "HOLMBY PARISH NEWSLETTER",
        "Friday 26 September 2025",
        HEADLINE,
        *PARAGRAPHS,
        "Sign up for the Holmby Parish newsletter",
    )
    assert got[2] == ("metadata", "masthead")
    assert got[4 + len(PARAGRAPHS) + 1] == ("boilerplate", "newsletter_prompt")
    assert (row["site_name"], row["title"]) == ("Holmby Parish Newsletter", HEADLINE)


@pytest.mark.parametrize("line", ["Catégorie : Société", "Category: Schools", "Categoría: Local"])
def test_a_category_line_under_the_headline_is_no_headline(line):
    got, row = _clean("Fjordside Post", HEADLINE, line, "By Ana López", *PARAGRAPHS)
    assert got[3] == ("boilerplate", "category")
    assert row["title"] == HEADLINE
    # A word that may open a headline names a category only before a colon.
    headline = "Section 106 deal agreed for the new homes at Holm Farm"
    _, row = _clean("Fjordside Post", headline, "By Ana López", *PARAGRAPHS)
    assert row["title"] == headline


def test_an_elided_article_inside_a_name_in_capitals_is_in_lower_case():
    _, row = _clean("LE JOURNAL DE L'AUBE", "Se connecter", HEADLINE, "Par Ana López", *PARAGRAPHS)
    assert row["site_name"] == "Le Journal de l'Aube"


@pytest.mark.parametrize("links", ["Log in | Sign up", "Mi cuenta", "Register"])
def test_account_links_above_the_masthead_are_no_menu_before_the_headline(links):
    # Under a site menu the first line is the headline; account links are the masthead's.
    got, row = _clean(
        links,
        "THE VALLEY GAZETTE",
        "Independent local journalism since 1904",
        "Local News",
        HEADLINE,
        "23 comments",
        *PARAGRAPHS,
    )
    assert got[3] == ("boilerplate", "tagline")
    assert (row["title"], row["site_name"]) == (HEADLINE, "The Valley Gazette")


def test_a_bare_name_directly_above_the_first_paragraph_is_the_byline():
    got, row = _clean(
        "Kettle Point News",
        "News | Sport | Business",
        HEADLINE,
        "23 comments",
        "Jane Marsh",
        *PARAGRAPHS,
    )
    assert got[5] == ("metadata", "byline")
    assert (row["title"], row["author"]) == (HEADLINE, "Jane Marsh")


def test_an_article_tool_under_the_headline_is_no_site_menu():
    # After a site menu the first line is the headline: `Listen to this article` is none.
    dek = "Volunteers have taken dozens of injured animals into their homes"
    got, row = _clean(
        "Kettle Point News",
        "News | Sport | Business",
        HEADLINE,
        dek,
        "Listen to this article",
        "Jane Marsh",
        *PARAGRAPHS,
    )
    assert got[3] == ("metadata", "title")
    assert (row["title"], row["author"]) == (HEADLINE, "Jane Marsh")


@pytest.mark.parametrize("stamp", ["Tuesday 14:05", "mardi à 9h30", "Tue, 10:15 AM"])
def test_a_day_of_the_week_with_a_time_is_a_stamp_without_a_date(stamp):
    got, row = _clean(
        "Log in", "Fjordside Post", "Local News", HEADLINE, stamp, "By Ana López", *PARAGRAPHS
    )
    assert got[5] == ("metadata", "dateline")
    assert (row["title"], row["published_date"]) == (HEADLINE, None)


@pytest.mark.parametrize(
    "line",
    [
        "Last updated on March 5, 2025 · Originally published March 3, 2025",
        "Actualizado el 5 de marzo de 2025 | Publicado el 3 de marzo de 2025",
        "Mis à jour le 5 mars 2025, publié le 3 mars 2025",
    ],
)
def test_a_line_giving_the_update_before_the_publication_dates_the_publication(line):
    assert dates.parse_date(line) == dt.date(2025, 3, 3)


@pytest.mark.parametrize("masthead", ["Logo Diario del Norte", "Diario del Norte logo"])
def test_a_logo_printed_as_text_names_the_site(masthead):
    got, row = _clean(masthead, HEADLINE, "Por Ana López", *PARAGRAPHS)
    assert got[1] == ("metadata", "masthead")
    assert row["site_name"] == "Diario del Norte"


@pytest.mark.parametrize("link", ["Email the author", "Contacter l'auteur", "Seguir al autor"])
def test_a_link_to_the_writer_between_byline_and_dateline_is_no_headline(link):
    got, row = _clean("Fjordside Post", HEADLINE, "By Ana López", link, "3 March 2025", *PARAGRAPHS)
    assert got[4] == ("boilerplate", "author_contact")
    assert (row["title"], row["published_date"]) == (HEADLINE, dt.date(2025, 3, 3))
