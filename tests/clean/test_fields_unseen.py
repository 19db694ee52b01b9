"""Reading the metadata lines of sites nobody here wrote: sections around headlines,
bylines without "By" and with roles, dates beside updates and reading times, origin
credits in other words, Spanish and French header forms. Invented lines only."""

from __future__ import annotations

import datetime as dt

import pytest

from newspipe.clean import dates, titles
from newspipe.clean import metadata as md
from newspipe.clean.publishers import load_directory


@pytest.mark.parametrize(
    ("line", "title", "site"),
    [
        # sections between the headline and the site, or before the headline
        (
            "Bridge reopens after repairs | Transport | Harbour Gazette",
            "Bridge reopens after repairs",
            "Harbour Gazette",
        ),
        (
            "Bridge reopens after repairs | Editorial | Opinion | The Harbour Gazette",
            "Bridge reopens after repairs",
            "The Harbour Gazette",
        ),
        (
            "Opinion | Bridge reopens after repairs - The Harbour Gazette",
            "Bridge reopens after repairs",
            "The Harbour Gazette",
        ),
        # a section is no site
        ("Bridge reopens after repairs | Local News", "Bridge reopens after repairs", None),
        # a guillemet separates only when none closes it
        (
            "Bridge reopens after repairs « Harbour Gazette",
            "Bridge reopens after repairs",
            "Harbour Gazette",
        ),
        ("Le maire dénonce « dix mois perdus »", "Le maire dénonce « dix mois perdus »", None),
    ],
)
def test_sections_around_a_headline_are_split_off(line, title, site):
    assert titles.split_title(line, load_directory()) == (title, site)


def test_section_names():
    assert titles.is_section_name("Local News")
    assert titles.is_section_name("Arts & Culture")
    assert titles.is_section_name("Faits divers")
    assert titles.is_section_name("Home News Sport Business Opinion")  # a menu of them
    assert not titles.is_section_name("Harbour bridge reopens")


@pytest.mark.parametrize(
    ("line", "person"),
    [
        ("Jane Doe, Staff Writer", "Jane Doe"),
        ("Jane Doe | Health Reporter", "Jane Doe"),
        ("Ana Ruiz / Corresponsal", "Ana Ruiz"),
        ("Élodie Marchand, correspondante", "Élodie Marchand"),
        ("JANE DOE - SENIOR CORRESPONDENT", "Jane Doe"),
        ("Jane Doe, the mayor", None),  # no newsroom role
        ("Harbour, Ferries, News", None),
    ],
)
def test_a_writer_named_with_a_newsroom_role(line, person):
    assert md.author_from_byline(line) == person


@pytest.mark.parametrize(
    ("line", "person"),
    [
        ("Jane Doe", "Jane Doe"),
        ("Olivia Prentice, University of Carrow", "Olivia Prentice"),
        ("Jane Doe, Staff Writer", "Jane Doe"),
        ("The Eastern Courier", None),  # an outlet, not a writer
        ("Greyhaven Mercury", None),
        ("Bridge reopens, traffic flows", None),
        ("Enlarge Image", None),  # a page's control
        ("Print Edition", None),
        ("Open Menu", None),
        ("Advertise With Us", None),
        ("Contact Greyhaven", None),
        ("Opinion Columnist", None),  # a role without its writer
    ],
)
def test_bare_bylines(line, person):
    assert md.bare_byline(line) == person


def test_a_name_after_by_is_read_before_a_relative_time():
    assert md.dated_byline("Posted 3 hours ago by Jane Doe") == ("Jane Doe",)
    assert md.dated_byline("Posted 3 hours ago | 23 comments") is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("December 11, 2024 / 10:41 PM / Updated 2 hours ago", dt.date(2024, 12, 11)),
        (
            "Publié le 4 juil. 2024 à 18h20, modifié le 5 juil. 2024 à 08h00",
            dt.date(2024, 7, 4),
        ),
    ],
)
def test_datelines_with_an_update_beside_the_date(line, date):
    assert dates.looks_like_dateline(line) or dates.labelled_dateline(line)
    assert dates.parse_date(line) == date


def test_staff_and_submitted_bylines():
    assert md.newsroom_byline("By Staff Reporter")
    assert md.author_from_byline("By Staff Reporter") is None
    assert md.author_from_byline("Submitted by Jane Doe") == "Jane Doe"


def test_no_personal_name_is_made_of_determiners_or_controls():
    assert md.author_from_about("ABOUT THE AUTHOR") is None
    assert md.author_from_byline("By Any Means Necessary") is None
    assert md.author_from_about("About Jane Doe") == "Jane Doe"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("21 January 2025 • 3 min read", dt.date(2025, 1, 21)),
        ("First published on Tue 21 Jan 2025 08.00 GMT", dt.date(2025, 1, 21)),
        ("Originally Published: Jan 21, 2025 at 8:00 AM", dt.date(2025, 1, 21)),
    ],
)
def test_datelines_with_a_reading_time_or_a_first_published_label(line, date):
    assert dates.looks_like_dateline(line) or dates.labelled_dateline(line)
    assert md.credit_rest(line) is None
    assert dates.parse_date(line) == date


def test_updates_are_told_from_publications():
    assert dates.is_update("Last Updated: Jan 22, 2025 at 10:00 AM")
    assert dates.is_update("Mis à jour le 05 juillet 2024")
    assert not dates.is_update("Published: January 21, 2025")


def test_the_rest_of_a_headline_after_a_dash_is_no_site():
    line = "Early reviews of the new console are in — And Not Great"
    assert titles.split_title(line, load_directory()) == (line, None)


def test_a_line_with_a_social_handle_is_no_headline():
    assert not titles.looks_like_title("Jane Doe @janedoe")
    assert titles.looks_like_title("Bridge reopens after repairs")


@pytest.mark.parametrize(
    ("line", "domain"),
    [
        ("Article originally posted on example.com", "example.com"),
        ("A version of this story appeared in The Atlantic.", "theatlantic.com"),
        ("Read the original article at www.example.co.uk/story/1", "example.co.uk"),
        ("Story originally published by ProPublica on May 2, 2025", "propublica.org"),
    ],
)
def test_more_origin_credits(line, domain):
    assert md.credit_rest(line) is not None
    assert md.credit_domain(line, load_directory()) == domain


def test_two_writers_and_names_in_capitals():
    assert md.bare_byline("Jane Doe and John Roe") == "Jane Doe and John Roe"
    assert md.bare_byline("Ana Ruiz y Luis Gil") == "Ana Ruiz y Luis Gil"
    assert md.author_from_byline("By JANE DOE AND JOHN ROE") == "Jane Doe and John Roe"
    assert md.bare_byline("By Jane Doe, John Roe and Ann Lee") is None  # "By" is no name


def test_a_byline_running_into_its_date():
    assert md.author_from_byline("By Jane Doe Jan 21, 2025") == "Jane Doe"
    assert md.dated_byline("By Jane Doe Jan 21, 2025") == ("Jane Doe",)
    assert dates.is_update("By Jane Doe Updated Nov 13, 2019, 10:28am EST")
    assert not dates.is_update("Publié le 27/01/2025 · Mis à jour le 28/01/2025")


def test_spanish_and_french_header_forms():
    directory = load_directory()
    assert dates.parse_date("Villaseca, 15 de julio de 2024 | Actualizado a las 10:20") == (
        dt.date(2024, 7, 15)
    )
    assert titles.split_title("Un incendio calcina el monte - La Crónica del Sur", directory) == (
        "Un incendio calcina el monte",
        "La Crónica del Sur",
    )
    assert titles.masthead_name("Le Journal de la Sarre", directory) == "Le Journal de la Sarre"
    assert titles.masthead_name("Post Office Closes Last Branch", directory) is None
    assert md.newsroom_byline("Par la rédaction")
