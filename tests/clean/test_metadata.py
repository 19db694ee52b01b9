"""Reading the metadata lines: datelines, bylines, credits, title and site."""

from __future__ import annotations

import datetime as dt

import pytest

from newspipe.clean import credits, dates, titles
from newspipe.clean import metadata as md
from newspipe.clean.publishers import load_directory


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Monday, November 6, 2023", dt.date(2023, 11, 6)),
        ("2024-03-05", dt.date(2024, 3, 5)),
        ("2024-03-05T10:30:00Z", dt.date(2024, 3, 5)),
        ("Published 5 March 2024, 10:30 GMT", dt.date(2024, 3, 5)),
        ("Updated: Mar. 5, 2024 4:12 p.m. ET", dt.date(2024, 3, 5)),
        ("Dec 13th, 2024", dt.date(2024, 12, 13)),
        ("6 de noviembre de 2023", dt.date(2023, 11, 6)),
        ("Publié le 12 janvier 2024 à 14h05", dt.date(2024, 1, 12)),
        ("BAGHDAD, Dec. 13, 2024", dt.date(2024, 12, 13)),
    ],
)
def test_datelines_in_common_formats(line, date):
    assert dates.labelled_dateline(line) or dates.bare_dateline(line)
    assert dates.parse_date(line) == date


def test_a_date_without_a_year_is_no_published_date():
    assert dates.bare_dateline("Tuesday, 1 March")
    assert dates.parse_date("Tuesday, 1 March") is None


def test_relative_timestamps_are_datelines_without_a_date():
    assert dates.labelled_dateline("Updated 3 hours ago")
    assert dates.parse_date("Updated 3 hours ago") is None


def test_sentences_with_dates_are_not_datelines():
    assert not dates.looks_like_dateline(
        "The council voted on March 5, 2024, to reopen the bridge after repairs."
    )


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By JANE DOE, Staff Writer", "Jane Doe"),
        ("Written by Sam Okafor | Reporter", "Sam Okafor"),
        ("Por María José García", "María José García"),
        ("Par Jean-Luc Dupont, envoyé spécial à Lyon", "Jean-Luc Dupont"),
        ("By Ana de la Cruz in Madrid", "Ana de la Cruz"),
        ("Compiled by Tomas Reyes", "Tomas Reyes"),
        ("Texte : Amélie Fournier", "Amélie Fournier"),
        ("Texto: Rocío Beltrán · Fotos: Pablo Serra", "Rocío Beltrán"),
    ],
)
def test_bylines(line, author):
    assert md.author_from_byline(line) == author


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Jane Doe | Northwind Press", "Jane Doe"),
        ("Por Rocío Beltrán · Fotos: Pablo Serra", "Rocío Beltrán"),
        ("Jane Doe · Photos: Sam Okafor · Graphics: Lee Park", "Jane Doe"),
        # a headline with a site suffix and a menu are no credits
        ("Harbour bridge to reopen in May | The Harbour Gazette", None),
        ("News | Sport | Weather", None),
    ],
)
def test_credit_rows_name_the_writer(line, author):
    row = credits.credits_byline(line)
    assert (row[0] if row else None) == author


def test_a_byline_names_the_agency_the_writer_works_for():
    directory = load_directory()
    assert credits.byline_outlet("By Jane Doe, Reuters", directory) == "reuters.com"
    assert credits.byline_outlet("By Jane Doe, Harbour desk", directory) is None


@pytest.mark.parametrize(
    ("line", "day_first", "date"),
    [
        ("11/03/2025 - 09:40", True, dt.date(2025, 3, 11)),
        ("11/03/2025 - 09:40", False, dt.date(2025, 11, 3)),
        ("Publicado: 04-02-2025 | 08:15", True, dt.date(2025, 2, 4)),
        # a day over twelve settles the order; dots are written day first
        ("Published: 03/27/2025", True, dt.date(2025, 3, 27)),
        ("27/03/2025", False, dt.date(2025, 3, 27)),
        ("04.02.2025", False, dt.date(2025, 2, 4)),
    ],
)
def test_numeric_dates_follow_the_order_of_the_page(line, day_first, date):
    assert dates.parse_date(line, day_first) == date


def test_pages_in_english_write_the_month_first():
    assert not dates.writes_day_first("The council said the bridge was closed for repairs.")
    assert dates.writes_day_first("El ayuntamiento cerró el puente para las obras de la ría.")
    assert dates.writes_day_first("La mairie a fermé le pont pour des travaux sur la digue.")


@pytest.mark.parametrize(
    "line",
    [
        "By the time the ferry arrived, the storm had passed.",
        "Par ailleurs, le maire a annoncé des travaux.",
        "By Monday",
    ],
)
def test_sentences_starting_like_bylines_are_not(line):
    assert md.author_from_byline(line) is None


def test_author_bio_heading_and_author_link():
    assert md.author_from_about("About Priya Raman") == "Priya Raman"
    assert md.author_from_about("About Us") is None
    assert md.author_from_link("See all stories by Priya Raman »") == "Priya Raman"


@pytest.mark.parametrize(
    ("line", "domain"),
    [
        ("This story was originally published by ProPublica.", "propublica.org"),
        ("This article first appeared on The Conversation.", "theconversation.com"),
        (
            "This article is republished from The Conversation under a Creative Commons license.",
            "theconversation.com",
        ),
        ("Source: www.bbc.co.uk/news", "bbc.co.uk"),
        ("Fuente: EFE", "efe.com"),
        ("Originally published at https://news.example.co.uk/story/1", "example.co.uk"),
    ],
)
def test_origin_credits_resolve_to_registrable_domains(line, domain):
    assert md.credit_domain(line, load_directory()) == domain


def test_bare_outlet_names_resolve_through_the_directory():
    directory = load_directory()
    assert md.outlet_domain("AFP", directory) == "afp.com"
    assert md.outlet_domain("The Associated Press", directory) == "apnews.com"
    assert md.outlet_domain("Harbour views", directory) is None


@pytest.mark.parametrize(
    ("line", "title", "site"),
    [
        (
            "Bridge reopens after repairs | Harbour Gazette",
            "Bridge reopens after repairs",
            "Harbour Gazette",
        ),
        (
            "Bridge reopens after repairs - The Harbour Gazette",
            "Bridge reopens after repairs",
            "The Harbour Gazette",
        ),
        ("Iraq - US talks resume in Baghdad", "Iraq - US talks resume in Baghdad", None),
        ("Ceasefire talks stall – Reuters", "Ceasefire talks stall", "Reuters"),
    ],
)
def test_title_and_site_split(line, title, site):
    assert titles.split_title(line, load_directory()) == (title, site)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Posted on 2 May 2025 by Jane Doe", ("Jane Doe",)),
        ("September 9, 2025 by Jane Doe", ("Jane Doe",)),
        ("Posted by Sports Desk | 3 June 2024 | 0 comments", (None,)),
        ("By Jane Doe · 5 March 2024", ("Jane Doe",)),
        ("Wednesday, 22 October 2025 | 14:05 WIB", None),  # a dateline alone
        ("By Jane Doe", None),  # a byline alone
        ("Ferries by the dozen | 2024 in review", None),
        ("Posted by Jane Doe on May 2, 2025", ("Jane Doe",)),
        ("Posted by admin on May 2, 2025", (None,)),
        ("May 2, 2025 | Jane Doe", ("Jane Doe",)),  # a bare name beside the date
        ("May 2, 2025 | Valley Echo", None),
    ],
)
def test_dated_bylines(line, expected):
    assert md.dated_byline(line) == expected


@pytest.mark.parametrize(
    ("line", "person", "agency"),
    [
        ("By Northwind Press", None, "Northwind Press"),
        ("Reporting by Northwind Wire.", None, "Northwind Wire"),
        ("Posted by Sports Desk", None, None),
        ("By Jane Doe, Northwind Press", "Jane Doe", None),
        ("Reporter: Jane Doe", "Jane Doe", None),
        ("Reporter Jane Doe asked the mayor", None, None),
    ],
)
def test_person_and_agency_bylines(line, person, agency):
    assert md.author_from_byline(line) == person
    assert md.credit_from_byline(line) == agency


def test_bare_names_and_newsroom_bylines():
    assert md.bare_name("Jane Doe") == "Jane Doe"
    assert md.bare_name("Harbour, Ferries, News") is None
    assert md.bare_name("News Team") is None
    assert md.newsroom_byline("By Gazette staff and agencies")
    assert md.newsroom_byline("Redacción")
    assert not md.newsroom_byline("Inside the newsroom")


@pytest.mark.parametrize(
    ("masthead", "site"),
    [
        ("THE HARBOUR GAZETTE", "The Harbour Gazette"),
        ("LA VOZ DEL PUERTO", "La Voz del Puerto"),
        ("Harbour GAZETTE", "Harbour GAZETTE"),  # not all capitals: as printed
        ("BBC NEWS", "BBC News"),  # the directory's spelling
        ("L'ÉCHO DU LITTORAL", "L'Écho du Littoral"),
    ],
)
def test_site_names_from_mastheads(masthead, site):
    assert titles.site_display(masthead, load_directory()) == site


@pytest.mark.parametrize("line", ["Nordlys Today", "HARBOUR TODAY"])
def test_a_name_with_a_relative_day_is_no_dateline(line):
    assert not dates.bare_dateline(line)


@pytest.mark.parametrize(
    "line",
    ["Posted 3 hours ago · 2025", "Updated 2 days ago | © 2024", "Yesterday at 10:30, 2025"],
)
def test_a_relative_time_is_never_read_as_today(line):
    # With no capture time, when "3 hours ago" was is unknown: the date is null.
    assert dates.parse_date(line) is None


def test_a_relative_time_is_read_against_the_capture_time():
    captured = dt.datetime(2025, 3, 4, 12, 0, tzinfo=dt.UTC)
    assert dates.relative_date("Posted 3 hours ago", captured) == dt.date(2025, 3, 4)
    assert dates.relative_date("hace 2 días", captured) == dt.date(2025, 3, 2)
    assert dates.relative_date("Published 4 March 2025", captured) is None


@pytest.mark.parametrize(
    "line",
    ["November 19, 2019 at 6:34 am", "2 days ago at 07:52 am", "32M ago", "20 Nov 2019 08:00 GMT"],
)
def test_timestamps(line):
    assert dates.is_timestamp(line)


@pytest.mark.parametrize("line", ["Tuesday, 4 March 2025", "Council meets at the town hall"])
def test_not_timestamps(line):
    assert not dates.is_timestamp(line)


@pytest.mark.parametrize(
    ("line", "title", "site"),
    [
        ("Council closes the old pool | Subscribe", "Council closes the old pool", None),
        ("Council closes the old pool - 23 comments", "Council closes the old pool", None),
        (
            "Council closes the old pool | News that matters to you",
            "Council closes the old pool",
            None,
        ),
        (
            "Council closes the old pool | Le Courrier des Alpes",
            "Council closes the old pool",
            "Le Courrier des Alpes",
        ),
    ],
)
def test_a_title_suffix_names_a_site_only_when_it_reads_as_a_name(line, title, site):
    assert titles.split_title(line, load_directory()) == (title, site)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("THE VALLEY GAZETTE", "THE VALLEY GAZETTE"),
        ("Le Courrier des Alpes", "Le Courrier des Alpes"),
        ("THE VALLEY GAZETTE — News that matters to you", "THE VALLEY GAZETTE"),
        ("Subscribe", None),
        ("23 comments", None),
        ("News that matters to you", None),
        ("Opinion | Bridge reopens after repairs - The Valley Gazette", None),  # a section
        ("Follow @valleygazette", None),
        ("55°F Clear", None),
        ("Welcome to Valley Gazette", "Valley Gazette"),
        ("Valley Gazette™", "Valley Gazette"),
        ("Watch Live", None),  # links to the site's services and settings
        ("Manage Account", None),
        ("Español", None),
    ],
)
def test_the_name_a_masthead_prints(line, name):
    assert titles.masthead_name(line, load_directory()) == name


@pytest.mark.parametrize(
    ("line", "site"),
    [
        ("© 2024 The Lakeside Courier. All rights reserved.", "The Lakeside Courier"),
        ("© El Faro del Sur 2023", "El Faro del Sur"),
        ("Copyright (c) 2022 Northfield Media Ltd. Registered in Scotland.", "Northfield"),
        ("© 2021 Le Journal du Plateau · Tous droits réservés", "Le Journal du Plateau"),
        ("© 2024 All rights reserved.", None),
        ("© 2024 Lakeside.info All Rights Reserved.", "Lakeside.info"),
        ("© Copyright Lakeside Courier 2024", "Lakeside Courier"),
        ("© 2024 Lakeside Courier Pty Ltd", "Lakeside Courier"),
        ("Copyright 2024, Lakeside Courier Inc.", "Lakeside Courier"),
        ("© 2024 The Lakeside Courier unless otherwise noted", "The Lakeside Courier"),
        ("© 2023 Le Journal du Plateau sauf mention contraire", "Le Journal du Plateau"),
    ],
)
def test_a_copyright_footer_names_the_site(line, site):
    assert credits.site_from_copyright(line) == site
