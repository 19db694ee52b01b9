"""Chrome the seeds do not show, dropped into the middle of an invented article: each line
must leave the body, for the stated reason."""

from __future__ import annotations

import pytest

from tests.clean.helpers import PARAGRAPHS, article, clean, labels

CHROME = [
    ("Sign up for our morning briefing", "newsletter_prompt"),
    ("Suscríbete a nuestro boletín", "newsletter_prompt"),
    ("Newsletter", "newsletter_prompt"),
    ("Accept all cookies", "cookie_notice"),
    ("We use cookies to personalise content and ads, and to analyse our traffic.", "cookie_notice"),
    ("Nous utilisons des cookies pour améliorer votre expérience.", "cookie_notice"),
    ("Manage preferences", "consent_button"),
    ("Advertisement", "advertisement"),
    ("Publicidad", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Share this story", "share_prompt"),
    ("Partager cet article", "share_prompt"),
    ("Comments (14)", "comment_counter"),
    ("Leave a comment", "comment_form"),
    ("Deja un comentario", "comment_form"),
    ("Most Read", "related_heading"),
    ("Te puede interesar", "related_heading"),
    ("Lire aussi : Le gouvernement présente son budget", "related_link"),
    ("Read more: Council approves new cycle lanes", "related_link"),
    ("Photo: Jane Doe/AFP via Getty Images", "photo_caption"),
    ("Rescue crews at the pier on Monday night. (Photo credit: Harbour Council)", "photo_caption"),
    (
        "A ferry leaves the harbour at Port Elwood, Maine. (AP Photo/Jane Doe, File)",
        "photo_caption",
    ),
    ("Crews lift the old span from the river in 2019 [File: Reuters]", "photo_caption"),
    ("The mayor speaks at the town hall on May 2, 2025. Jane Doe / AP file", "photo_caption"),
    ("Click here to subscribe", "click_prompt"),
    ("Download our free app", "click_prompt"),
    ("Follow us on X", "follow_prompt"),
    ("Facebook Twitter LinkedIn Email", "social_links"),
    ("Tags: harbour, infrastructure, council", "tags"),
    ("23", "stray_number"),
    ("© 2024 Harbour Gazette. All rights reserved.", "copyright"),
    ("Skip to main content", "navigation"),
    ("Home › Local › Transport", "navigation"),
    ("5 min read", "reading_time"),
    ("Already a subscriber? Log in", "paywall"),
    ("Please enable JavaScript to view the comments.", "tech_notice"),
    ("Image 3 of 12", "image_placeholder"),
    ("Report an error", "contact_prompt"),
    ("Got a story? Call the newsdesk on 0100 000 000 or message us.", "contact_prompt"),
    ("You have 1 free story left this week. Subscribe to keep reading.", "paywall"),
    ("Il vous reste 3 articles gratuits ce mois-ci.", "paywall"),
    ("Support independent reporting from the coast. Become a member.", "paywall"),
    ("Newsletter: Get the harbour briefing in your inbox every weekday.", "newsletter_prompt"),
    ("Jetzt abonnieren", "newsletter_prompt"),
    ("Enviar por WhatsApp", "share_prompt"),
    ("Follow the Harbour Gazette on Instagram for the latest updates.", "follow_prompt"),
    ("Homeowners in your area are switching to this little-known solar trick. See why", "promo"),
    ("Doctors stunned: this one breakfast habit may be ageing your joints", "promo"),
    ("Sponsored Content", "advertisement"),
    ("Discussion (12)", "comment_counter"),
    ("Post Comment", "comment_form"),
    ("Crews on the bridge deck on Tuesday. Photograph: Jane Doe", "photo_caption"),
    ("More local news", "related_heading"),
    ("Mehr zum Thema", "related_heading"),
    ("Continue reading with a subscription", "paywall"),
    ("Pour lire la suite, abonnez-vous", "paywall"),
    ("Cet article est réservé aux abonnés.", "paywall"),
    ("Diese Website verwendet Cookies.", "cookie_notice"),
    ("Alle akzeptieren", "consent_button"),
    ("Advertisement - scroll to continue", "advertisement"),
    ("Crews on the bridge deck on Tuesday. Photo by Jane Doe on Unsplash", "photo_caption"),
    ("Les ouvriers sur le pont mardi. © Jane Doe / AFP", "photo_caption"),
    ("Rechercher sur Le Courrier des Alpes…", "search_box"),
    ("Search in The Harbour Gazette...", "search_box"),
    ("Mon compte | S'abonner", "navigation"),
    ("Iniciar sesión · Suscríbete", "navigation"),
    ("Sport > Rowing", "navigation"),
    ("View this email in your browser", "newsletter_prompt"),
    (
        "Vous recevez ce courriel car vous êtes inscrit à notre lettre du matin.",
        "newsletter_prompt",
    ),
    ("In other news", "related_heading"),
    ("Otras noticias", "related_heading"),
    ("Photos: Jane Doe", "photo_caption"),
]


@pytest.mark.parametrize(("line", "reason"), CHROME, ids=[c[1] + ":" + c[0][:24] for c in CHROME])
def test_chrome_line_leaves_the_body(line, reason):
    text = "\n\n".join([PARAGRAPHS[0], PARAGRAPHS[1], line, PARAGRAPHS[2], PARAGRAPHS[3]])
    result = clean(text)
    assert labels(result)[5] == ("boilerplate", reason)
    assert article(result)["body"] == "\n\n".join(PARAGRAPHS)


def test_at_least_twenty_invented_chrome_cases():
    assert len(CHROME) >= 20


def test_prose_that_mentions_chrome_words_stays_body():
    sentences = [
        "The bakery said customers who accept cookies as payment for odd jobs are rare.",
        "Subscribers to the council's newsletter were told of the closure a week earlier.",
        "Share prices of the construction firm rose after the contract was announced.",
    ]
    result = clean("\n".join([PARAGRAPHS[0], *sentences, PARAGRAPHS[1]]))
    assert {labels(result)[n] for n in (2, 3, 4)} == {("body", "paragraph")}


def test_related_block_takes_the_headlines_under_its_heading():
    text = "\n".join(
        [
            *PARAGRAPHS,
            "More on this story",
            "Ferry timetable changes from May",
            "Why the old bridge kept failing",
            "Mayor defends repair budget",
        ]
    )
    assert [labels(clean(text))[n] for n in range(5, 9)] == [("boilerplate", "related_heading")] + [
        ("boilerplate", "related_block")
    ] * 3


def test_link_list_inside_the_article_is_chrome_but_a_list_after_a_colon_is_body():
    links = [
        "Ferry timetable changes from May",
        "Why the old bridge kept failing",
        "Mayor defends repair budget",
        "Cycle lanes approved for the seafront",
    ]
    # Between two parts of the article (a lone short paragraph under a list of headlines
    # is a teaser; see test_span).
    result = clean("\n".join([*PARAGRAPHS[:2], *links, *PARAGRAPHS[2:]]))
    assert {labels(result)[n] for n in (3, 4, 5, 6)} == {("boilerplate", "link_list")}
    assert article(result)["body"] == "\n\n".join(PARAGRAPHS)
    listed = clean(
        "\n".join(
            [
                PARAGRAPHS[0],
                "The works covered:",
                "Two expansion joints",
                "The deck surface",
                "Lighting on the walkway",
                PARAGRAPHS[1],
            ]
        )
    )
    assert {labels(listed)[n][0] for n in (2, 3, 4, 5)} == {"body"}


def test_three_short_lines_inside_the_article_are_its_own():
    # Under CleanConfig.link_list_min_lines (4): a product's name, price and shop.
    items = ["Harbour Lamp", "Price $40", "Sold at the Chandlery"]
    result = clean("\n".join([*PARAGRAPHS[:2], *items, *PARAGRAPHS[2:]]))
    assert {labels(result)[n][0] for n in (3, 4, 5)} == {"body"}


def test_footer_lines_after_the_article_are_chrome():
    text = "\n".join([*PARAGRAPHS, "Harbour Gazette: your town, your news", "Contact us"])
    result = clean(text)
    assert labels(result)[5] == ("boilerplate", "trailing_chrome")
    assert labels(result)[6] == ("boilerplate", "contact_prompt")


def test_legal_links_after_the_article_are_chrome():
    text = "\n".join([*PARAGRAPHS, "Privacy Policy", "Terms of Service | Cookie settings"])
    got = labels(clean(text))
    assert got[5] == ("boilerplate", "legal_links")
    assert got[6][0] == "boilerplate"


def test_author_bio_paragraph_after_the_article():
    text = "\n".join(
        [
            "By Tomás Herrera",
            *PARAGRAPHS,
            "Tomás Herrera is a transport reporter who has covered the city council since 2015.",
        ]
    )
    result = clean(text)
    assert labels(result)[6] == ("boilerplate", "author_bio")
    assert article(result)["author"] == "Tomás Herrera"


@pytest.mark.parametrize(
    "pitch",
    [
        "Let the harbour news meet your inbox. Stories that matter, every weekday morning.",
        "No spam, we promise. You can unsubscribe at any time with a single click.",
        "Get Coastal Rowing Monthly delivered through your letterbox: twelve issues a year.",
        "Recibe cada mañana las noticias del puerto en tu bandeja de entrada.",
        "Die wichtigsten Nachrichten vom Hafen jeden Morgen in Ihr Postfach.",
    ],
)
def test_newsletter_pitch_written_as_sentences_after_the_article(pitch):
    result = clean("\n".join([*PARAGRAPHS, pitch, "Contact us"]))
    assert labels(result)[5] == ("boilerplate", "newsletter_prompt")
    assert article(result)["body"] == "\n\n".join(PARAGRAPHS)


def test_sentence_about_inboxes_inside_the_article_stays_body():
    line = "Residents were told to check your inbox, as the council put it, for the new timetable."
    result = clean("\n".join([*PARAGRAPHS[:2], line, *PARAGRAPHS[2:]]))
    assert labels(result)[3] == ("body", "paragraph")


def test_line_above_a_photo_credit_is_its_caption():
    caption = "Divers inspect the bridge piers after the storm surge on Sunday."
    text = "\n".join([*PARAGRAPHS[:2], caption, "Jane Doe/AFP via Getty Images", *PARAGRAPHS[2:]])
    result = clean(text)
    assert labels(result)[3] == ("boilerplate", "photo_caption")
    assert article(result)["body"] == "\n\n".join(PARAGRAPHS)


def test_paragraph_above_a_credit_printed_before_its_caption_stays_body():
    text = "\n".join(
        [
            *PARAGRAPHS[:2],
            "Image copyright Getty Images",
            "Image caption The old span",
            *PARAGRAPHS[2:],
        ]
    )
    assert labels(clean(text))[2] == ("body", "paragraph")


def test_a_german_about_heading_and_the_bio_under_it_after_the_article():
    text = "\n".join(
        [
            *PARAGRAPHS,
            "Über Lena Albrecht",
            "Lena Albrecht schreibt seit 2019 über Verkehr und Stadtplanung und leitet das "
            "Lokalressort der Zeitung in Bremen.",
        ]
    )
    got = labels(clean(text))
    assert got[5] == ("metadata", "author_bio")
    assert got[6] == ("boilerplate", "author_bio")


@pytest.mark.parametrize(
    "caption",
    [
        "Divers inspect the pier's pillars on Monday. Getty",
        "‘We were told the repairs would take a month.’ Photograph: AFP via Getty",
        "The mayor cuts the ribbon on the new deck. Credit... Jane Doe/Harbour Courier",
    ],
)
def test_a_caption_closed_by_its_credit_between_paragraphs(caption):
    text = "\n".join([*PARAGRAPHS[:2], caption, *PARAGRAPHS[2:]])
    got = labels(clean(text))
    assert got[3] == ("boilerplate", "photo_caption")


def test_a_byline_running_into_a_date_in_figures_names_the_writer_and_finds_the_bio():
    text = "\n".join(
        [
            "By Tomás Herrera 2025-05-06T08:30:00Z Transport",
            *PARAGRAPHS,
            "Tomás Herrera's guide to the city's bridges is out now. Follow him on the site.",
        ]
    )
    result = clean(text)
    assert article(result)["author"] == "Tomás Herrera"
    assert labels(result)[6] == ("boilerplate", "author_bio")
