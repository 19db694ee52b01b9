"""The header and the edges of invented articles: menus, taglines, mastheads, headlines
with and without a site suffix, bylines of every shape, native ads and newsletter blurbs.
Each case is a structure seen across news sites, written with invented names."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.clean.helpers import PARAGRAPHS, article, clean, labels

HEADLINE = "Harbour bridge reopens after six weeks of storm repairs"


def _clean(*lines: str):
    result = clean("\n".join(lines))
    return labels(result), article(result)


def _fields(row: dict) -> tuple:
    return row["title"], row["site_name"], row["author"], row["published_date"]


@pytest.mark.parametrize(
    "menu",
    [
        "News | Local | Business | Sport | Opinion",
        "Coast · Hills · Valleys · Islands",
        "Home / Weather / Travel / What's On",
    ],
)
def test_a_menu_line_is_navigation_not_the_title(menu):
    got, row = _clean("Fjordside Post", menu, HEADLINE, "By Ana López", *PARAGRAPHS)
    assert got[2] == ("boilerplate", "navigation")
    assert got[3] == ("metadata", "title")
    assert _fields(row)[:3] == (HEADLINE, "Fjordside Post", "Ana López")


def test_a_breadcrumb_from_the_home_page_is_navigation():
    got, _ = _clean("Fjordside Post", "Inicio > Sucesos", HEADLINE, "Por Ana López", *PARAGRAPHS)
    assert got[2] == ("boilerplate", "navigation")


def test_a_menu_inside_the_article_is_left_to_context():
    # Inside the article a line of separated items may be a table row: no menu rule there.
    got, _ = _clean(PARAGRAPHS[0], "Tides · Winds · Swell", PARAGRAPHS[1], *PARAGRAPHS[2:])
    assert got[2][1] != "navigation"


@pytest.mark.parametrize(
    "lines",
    [
        # masthead, tagline, headline, dateline, byline
        ["Valley Echo", "Your town, every morning", HEADLINE, "5 March 2024", "By Ana López"],
        # the tagline above a menu
        [
            "Valley Echo",
            "Serving the valley since 1890",
            "News | Sport | Jobs",
            HEADLINE,
            "By Ana López",
        ],
        # a dateline between the tagline and the headline
        [
            "Valley Echo",
            "Your town, every morning",
            "Tuesday, March 5, 2024",
            HEADLINE,
            "By Ana López",
        ],
        # no byline nor dateline: the headline sits right above the first paragraph
        ["Valley Echo", "Your town, every morning", HEADLINE],
    ],
)
def test_a_tagline_under_the_masthead_is_not_the_title(lines):
    got, row = _clean(*lines, *PARAGRAPHS)
    assert got[2] == ("boilerplate", "tagline")
    assert (row["title"], row["site_name"]) == (HEADLINE, "Valley Echo")
    assert row["body"] == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize(
    ("masthead", "site"),
    [
        ("VALLEY ECHO", "Valley Echo"),
        ("EL ECO DEL VALLE", "El Eco del Valle"),
        ("THE FJORDSIDE POST", "The Fjordside Post"),
        ("UK VALLEY NEWS", "UK Valley News"),
        ("COASTAL TODAY", "Coastal Today"),
        # five words: a masthead only for the newspaper word in it
        ("LE RÉPUBLICAIN DE LA SARRE", "Le Républicain de la Sarre"),
    ],
)
def test_a_masthead_in_capitals_gives_a_readable_site_name(masthead, site):
    got, row = _clean(masthead, HEADLINE, "By Ana López", *PARAGRAPHS)
    assert got[1] == ("metadata", "masthead")
    assert row["site_name"] == site


def test_a_title_suffix_names_the_site_as_printed():
    got, row = _clean(
        "VALLEY ECHO", "News | Sport | Jobs", f"{HEADLINE} | The Valley Echo", *PARAGRAPHS
    )
    assert (row["title"], row["site_name"]) == (HEADLINE, "The Valley Echo")


def test_a_dash_suffix_repeating_the_masthead_is_split_off():
    got, row = _clean(
        "Valley Echo — the valley, explained",
        f"{HEADLINE} - Valley Echo",
        "2024-03-05",
        "By Ana López",
        *PARAGRAPHS,
    )
    assert got[1] == ("metadata", "masthead")
    assert _fields(row) == (HEADLINE, "Valley Echo", "Ana López", dt.date(2024, 3, 5))


@pytest.mark.parametrize(
    "standfirst",
    [
        "Engineers finished the work early, and the council says the crossing is safe again.",
        # no full stop, but longer than headlines run (CleanConfig.standfirst_min_words)
        "Engineers finished the work early and well under budget according to the city "
        "council and its own auditors",
    ],
)
def test_a_standfirst_between_headline_and_byline_stays_body(standfirst):
    got, row = _clean(
        "Valley Echo", "News | Sport | Jobs", HEADLINE, standfirst, "By Ana López", *PARAGRAPHS
    )
    assert got[3] == ("metadata", "title")
    assert got[4][0] == "body"
    assert row["body"].split("\n\n")[0] == standfirst


def test_a_bare_name_next_to_the_dateline_is_the_byline():
    got, row = _clean("Valley Echo", HEADLINE, "Ana López", "Tue 5 Mar 2024 10.20 GMT", *PARAGRAPHS)
    assert got[3] == ("metadata", "byline")
    assert _fields(row) == (HEADLINE, "Valley Echo", "Ana López", dt.date(2024, 3, 5))


@pytest.mark.parametrize(
    ("line", "author", "date"),
    [
        ("Posted on 5 March 2024 by Ana López", "Ana López", dt.date(2024, 3, 5)),
        ("March 5, 2024 by Ana López", "Ana López", dt.date(2024, 3, 5)),
        ("Posted by Ana López | March 5, 2024 | 3 comments", "Ana López", dt.date(2024, 3, 5)),
        ("Posted by News Team | March 5, 2024 | 0 comments", None, dt.date(2024, 3, 5)),
        ("Publicado el 5 de marzo de 2024 por Ana López", "Ana López", dt.date(2024, 3, 5)),
    ],
)
def test_a_dateline_and_byline_on_one_line(line, author, date):
    got, row = _clean(HEADLINE, line, *PARAGRAPHS)
    assert got[2] == ("metadata", "dateline_byline")
    assert (row["author"], row["published_date"]) == (author, date)


def test_an_agency_byline_credits_the_origin_not_an_author():
    got, row = _clean(HEADLINE, "By Northwind Press", *PARAGRAPHS)
    assert got[2] == ("metadata", "origin_credit")
    # Not in the publisher directory, and no host name given: no domain to report.
    assert (row["author"], row["original_source"]) == (None, None)
    got, row = _clean(HEADLINE, "By Reuters", *PARAGRAPHS)
    assert (row["author"], row["original_source"]) == (None, "reuters.com")
    got, row = _clean(HEADLINE, "By Ana López, Northwind Press", *PARAGRAPHS)
    assert row["author"] == "Ana López"


def test_a_wire_credit_after_the_article():
    got, row = _clean(HEADLINE, "By Ana López", *PARAGRAPHS, "Reporting by Northwind Wire.")
    assert got[7] == ("metadata", "origin_credit")
    assert row["author"] == "Ana López"


@pytest.mark.parametrize(
    "line", ["By Valley Echo staff and agencies", "Redacción", "Valley Echo newsroom"]
)
def test_a_newsroom_byline_names_no_author(line):
    got, row = _clean("Valley Echo", HEADLINE, line, "5 March 2024", *PARAGRAPHS)
    assert got[3] == ("metadata", "byline")
    assert (row["title"], row["author"]) == (HEADLINE, None)


def test_role_labelled_credits():
    got, row = _clean(HEADLINE, "Reporter: Ana López", "Editor: Tomás Herrera", *PARAGRAPHS)
    assert got[2] == ("metadata", "byline")
    assert got[3] == ("metadata", "staff_credit")
    assert row["author"] == "Ana López"


def test_native_ads_under_a_sponsored_marker_leave_the_body():
    got, row = _clean(
        HEADLINE,
        PARAGRAPHS[0],
        "Sponsored",
        "How one bakery cut its energy bill by 40% in a year",
        PARAGRAPHS[1],
        "Advertisement",
        "Repairs Ahead of Schedule",
        *PARAGRAPHS[2:],
    )
    assert got[3] == ("boilerplate", "advertisement")
    assert got[4] == ("boilerplate", "sponsored_link")
    # Under an "Advertisement" marker the article goes on: a section heading stays body.
    assert got[7] == ("body", "heading")


def test_a_newsletter_blurb_after_the_article_is_chrome():
    got, row = _clean(
        HEADLINE,
        *PARAGRAPHS,
        "Subscribe to the Valley Echo Morning",
        "Our free morning email on everything happening along the valley.",
    )
    assert got[7] == ("boilerplate", "newsletter_prompt")
    assert row["body"] == "\n\n".join(PARAGRAPHS)


def test_the_last_paragraph_after_a_newsletter_prompt_stays_body():
    got, row = _clean(HEADLINE, *PARAGRAPHS[:3], "Sign up for our morning briefing", PARAGRAPHS[3])
    assert got[6] == ("body", "paragraph")
    assert row["body"] == "\n\n".join(PARAGRAPHS)


def test_a_newsletter_prompt_inside_the_article_keeps_the_next_paragraph():
    got, row = _clean(
        HEADLINE,
        PARAGRAPHS[0],
        "Newsletter: Get the valley briefing in your inbox every weekday.",
        *PARAGRAPHS[1:],
    )
    assert got[3] == ("boilerplate", "newsletter_prompt")
    assert row["body"] == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize(
    ("top", "site"),
    [
        # a category line above the headline is the post's place on the site
        (["The Valley Gazette", "Posted in Local News"], "The Valley Gazette"),
        # account links, in English and Spanish
        (["Log in", "The Valley Gazette"], "The Valley Gazette"),
        (["El Diario del Valle", "Iniciar sesión"], "El Diario del Valle"),
        # a masthead in capitals, with its motto under it, above it or on its line
        (["THE VALLEY GAZETTE", "News that matters to you"], "The Valley Gazette"),
        (["News that matters to you", "The Valley Gazette"], "The Valley Gazette"),
        (["THE VALLEY GAZETTE — News that matters to you"], "The Valley Gazette"),
        (["Le Courrier des Alpes", "Se connecter"], "Le Courrier des Alpes"),
        # controls and counters are nobody's name
        (["Subscribe", "23 comments"], None),
    ],
)
def test_chrome_above_the_headline_is_neither_title_nor_site(top, site):
    got, row = _clean(*top, HEADLINE, "Posted 3 hours ago", "By Ana López", *PARAGRAPHS)
    assert got[len(top) + 1] == ("metadata", "title")
    # "3 hours ago" from an unknown moment is no date.
    assert _fields(row) == (HEADLINE, site, "Ana López", None)


def test_a_masthead_in_capitals_alone_above_the_byline_is_the_site_not_the_title():
    _, row = _clean("THE VALLEY GAZETTE", "By Ana López", "March 3, 2025", *PARAGRAPHS)
    assert _fields(row) == (None, "The Valley Gazette", "Ana López", dt.date(2025, 3, 3))


@pytest.mark.parametrize(
    "headline",
    [f"{HEADLINE} | Subscribe", f"{HEADLINE} - 23 comments", f"{HEADLINE} | News that matters"],
)
def test_a_control_or_motto_after_the_headline_is_split_off_and_names_no_site(headline):
    _, row = _clean(headline, "By Ana López", *PARAGRAPHS)
    assert _fields(row)[:2] == (HEADLINE, None)


def test_the_copyright_footer_names_the_site_when_the_top_does_not():
    page = [
        "Home | News | Sport | Weather",
        "Harbour wall repairs to start in spring",
        "By Jane Doe",
        *PARAGRAPHS,
        "© 2025 The Lakeside Courier. All rights reserved.",
    ]
    assert article(clean("\n".join(page)))["site_name"] == "The Lakeside Courier"
    with_masthead = ["THE HARBOUR GAZETTE", *page]
    assert article(clean("\n".join(with_masthead)))["site_name"] == "The Harbour Gazette"


def test_a_section_kicker_after_a_menu_is_not_the_headline():
    got, row = _clean(
        "Valley Echo",
        "Home / News / Transport",
        "Local News",
        HEADLINE,
        "By Ana López",
        *PARAGRAPHS,
    )
    assert got[4] == ("metadata", "title")
    assert row["title"] == HEADLINE


@pytest.mark.parametrize(
    "byline", ["Ana López, Transport Correspondent", "Ana López, University of Carrow"]
)
def test_a_name_with_its_role_under_the_headline_is_the_byline(byline):
    got, row = _clean("Valley Echo", "TRANSPORT", HEADLINE, byline, "5 March 2024", *PARAGRAPHS)
    assert got[3] == ("metadata", "title")
    assert got[4] == ("metadata", "byline")
    assert _fields(row)[:3] == (HEADLINE, "Valley Echo", "Ana López")


@pytest.mark.parametrize("masthead", ["Valley Mercury", "THE VALLEY ADVERTISER"])
def test_a_masthead_directly_under_the_headline(masthead):
    got, row = _clean("Subscribe now", HEADLINE, masthead, "By Ana López", *PARAGRAPHS)
    assert got[2] == ("metadata", "title")
    assert got[3] == ("metadata", "masthead")
    assert row["site_name"] == masthead.title()
    assert row["author"] == "Ana López"


def test_a_five_word_capitals_headline_is_no_masthead():
    got, row = _clean(
        "Valley Echo", "BRIDGE REOPENS AFTER STORM REPAIRS", "By Ana López", *PARAGRAPHS
    )
    assert row["title"] == "BRIDGE REOPENS AFTER STORM REPAIRS"


def test_a_short_headline_above_the_masthead_is_no_motto_when_nothing_else_is_the_headline():
    short = "Bridge reopens after storm repairs"
    got, row = _clean(short, "THE VALLEY ADVERTISER", "By Ana López", *PARAGRAPHS)
    assert got[1] == ("metadata", "title")
    assert (row["title"], row["site_name"]) == (short, "The Valley Advertiser")


def test_a_masthead_below_the_byline_and_dateline():
    got, row = _clean(HEADLINE, "Ana López", "5 March 2024", "The Harbour Ledger", *PARAGRAPHS)
    assert got[4] == ("metadata", "masthead")
    assert _fields(row) == (HEADLINE, "The Harbour Ledger", "Ana López", dt.date(2024, 3, 5))


def test_the_title_element_above_the_menus_is_the_headline_and_its_echo_is_no_standfirst():
    got, row = _clean(
        f"{HEADLINE} - valleyecho.com",
        "News | Sport | Jobs",
        "Today's Paper",
        HEADLINE,
        "By Ana López",
        *PARAGRAPHS,
    )
    assert got[1] == ("metadata", "title")
    assert got[3][1] == "header_chrome"
    assert got[4] == ("metadata", "title")
    assert (row["title"], row["site_name"]) == (HEADLINE, "valleyecho.com")
    assert HEADLINE not in row["body"]


def test_the_first_line_printed_again_under_the_menus_is_the_headline():
    short = "Bridge reopens after storm repairs"
    got, row = _clean(
        short, "News | Sport | Jobs", "Breaking News Emails", short, "By Ana López", *PARAGRAPHS
    )
    assert got[1] == ("metadata", "title")
    assert got[4][0] == "repeat"
    assert row["title"] == short


def test_a_wire_named_under_the_headline_credits_the_origin():
    got, row = _clean("Valley Echo", HEADLINE, "Reuters", "5 March 2024", *PARAGRAPHS)
    assert got[3] == ("metadata", "origin_credit")
    assert (row["site_name"], row["author"], row["original_source"]) == (
        "Valley Echo",
        None,
        "reuters.com",
    )


def test_a_credit_naming_the_site_itself_names_no_other_origin():
    _, row = _clean("Reuters", HEADLINE, "By Reuters", "5 March 2024", *PARAGRAPHS)
    assert row["site_name"] == "Reuters"
    assert row["original_source"] is None


def test_a_newspapers_name_second_replaces_a_weaker_name_first():
    got, row = _clean(
        "Today's Paper",
        "THE VALLEY GAZETTE",
        "Serving the valley since 1890",
        HEADLINE,
        "By Ana López",
        *PARAGRAPHS,
    )
    assert got[2] == ("metadata", "masthead")
    assert got[1][0] == "boilerplate"
    assert (row["title"], row["site_name"]) == (HEADLINE, "The Valley Gazette")


def test_a_short_capitals_kicker_second_does_not_replace_the_masthead():
    _, row = _clean("Ferryside", "LIVE UPDATES", HEADLINE, "By Ana López", *PARAGRAPHS)
    assert row["site_name"] == "Ferryside"


def test_the_publication_date_is_preferred_to_a_last_update_above_it():
    _, row = _clean(
        "Valley Echo", HEADLINE, "Updated: 6 March 2024", "Published: 5 March 2024", *PARAGRAPHS
    )
    assert row["published_date"] == dt.date(2024, 3, 5)


def test_a_bare_name_under_a_breadcrumb_after_the_headline_is_the_byline():
    _, row = _clean(
        "Valley Echo",
        HEADLINE,
        "News › Local › Transport",
        "Ana López",
        "5 March 2024",
        *PARAGRAPHS,
    )
    assert row["author"] == "Ana López"
    assert row["title"] == HEADLINE


def test_a_newspapers_name_under_a_chrome_line_is_the_masthead():
    _, row = _clean(
        "Independent. Local. Yours.",
        "Valley Gazette",
        "Transport",
        HEADLINE,
        "Posted 3 hours ago",
        *PARAGRAPHS,
    )
    assert (row["title"], row["site_name"], row["published_date"]) == (
        HEADLINE,
        "Valley Gazette",
        None,
    )


@pytest.mark.parametrize(
    ("lines", "site"),
    [
        (["FERRY SERVICE SUSPENDED INDEFINITELY", "By Ana López"], None),
        (["Log in", "FERRY SERVICE SUSPENDED", "By Ana López"], None),
        (["FERRY SERVICE SUSPENDED", "Valley Gazette", "By Ana López"], "Valley Gazette"),
    ],
)
def test_a_headline_in_capitals_at_the_top_is_no_masthead(lines, site):
    _, row = _clean(*lines, *PARAGRAPHS)
    assert row["title"] == next(line for line in lines if line.startswith("FERRY"))
    assert (row["site_name"], row["author"]) == (site, "Ana López")


def test_the_title_element_with_a_dash_suffix_above_the_menus_is_the_headline():
    _, row = _clean(
        f"{HEADLINE} - Valley Echo",
        "News | Sport | Jobs",
        "Advertise with Us",
        "By Ana López",
        *PARAGRAPHS,
    )
    assert (row["title"], row["site_name"]) == (HEADLINE, "Valley Echo")


def test_a_reading_time_under_the_byline_is_chrome_and_keeps_the_standfirst():
    standfirst = "Repairs took six weeks and cost the city two million."
    got, row = _clean(
        "Valley Echo", HEADLINE, standfirst, "By Ana López", "Lecture 3 min.", *PARAGRAPHS
    )
    assert got[5][0] == "boilerplate"
    assert got[3] == ("body", "standfirst")
    assert "Lecture 3 min." not in row["body"]


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("New York — March 5, 2024", None),
        ("Buenos Aires | 5 March 2024", None),
        ("Ana López — March 5, 2024", "Ana López"),
    ],
)
def test_a_place_beside_the_date_is_a_dateline_not_a_byline(line, author):
    # The gazetteer knows `New York` and `Buenos Aires` as cities: a dateline's place,
    # where a bare name beside the date is the writer.
    got, row = _clean("Valley Echo", HEADLINE, line, *PARAGRAPHS)
    assert got[3] == ("metadata", "dateline" if author is None else "dateline_byline")
    assert _fields(row) == (HEADLINE, "Valley Echo", author, dt.date(2024, 3, 5))
