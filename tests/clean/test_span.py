"""The article's span in a whole page: what comes after the article is not body even when
it is prose, and what sits inside the article does not end it."""

from __future__ import annotations

from tests.clean.helpers import PARAGRAPHS, article, clean, labels

HEADLINE = "Harbour bridge reopens after six weeks of repairs"
MORE = [
    "Residents said the detours had added an hour to the school run for most of the spring.",
    "The ferry that ran during the closure will carry its last passengers on Friday evening.",
    "A second phase of work, on the approach roads, is planned for the autumn half-term.",
]


def _page(*lines: str) -> tuple[dict, dict]:
    result = clean("\n".join(lines))
    return labels(result), article(result)


def test_a_comment_thread_after_the_article_is_not_body():
    got, row = _page(
        HEADLINE,
        *PARAGRAPHS,
        "3 thoughts on “Harbour bridge reopens after six weeks of repairs”",
        "harbourwatcher says:",
        "May 6, 2025 at 6:34 pm",
        "About time too. The detour through the industrial estate was a nightmare every day.",
        "Reply",
        "Ana Ruiz on May 6, 2025 at 9:12 pm said:",
        "Does anyone know whether the footpath on the east side is open again as well?",
    )
    assert row["body"] == "\n\n".join(PARAGRAPHS)
    assert got[6][1] == "comment_counter"
    assert {got[n][1] for n in (7, 10, 11)} == {"comment_meta"}
    assert got[8][0] != "body" and got[9][0] != "body"


def test_a_list_of_other_stories_with_their_teasers_is_not_body():
    got, row = _page(
        HEADLINE,
        *PARAGRAPHS,
        *MORE,
        "More from the Courier",
        "Council approves new cycle lanes",
        "The plan adds twelve kilometres of protected lanes over the next three years.",
        "Storm damage closes the pier",
        "Engineers will inspect the structure before any decision on its future is made.",
        "Market returns to the square",
        "Stallholders said the first Saturday drew more visitors than any day last year.",
    )
    assert row["body"] == "\n\n".join([*PARAGRAPHS, *MORE])
    first = 2 + len(PARAGRAPHS) + len(MORE)
    assert all(got[n][0] == "boilerplate" for n in range(first, first + 7))


def test_headlines_with_comment_counts_are_other_stories():
    got, row = _page(
        HEADLINE,
        *PARAGRAPHS[:2],
        "Ferry timetable changes from May (12)",
        "Why the old bridge kept failing (48)",
        *PARAGRAPHS[2:],
        *MORE,
    )
    assert (got[4], got[5]) == (("boilerplate", "related_block"),) * 2
    assert row["body"] == "\n\n".join([*PARAGRAPHS, *MORE])


def test_chrome_inside_the_article_does_not_end_it():
    got, row = _page(
        HEADLINE,
        *PARAGRAPHS[:2],
        "Advertisement",
        PARAGRAPHS[2],
        "Sign up for our morning briefing",
        PARAGRAPHS[3],
        "Crews on the bridge deck on Tuesday. (Photo credit: Harbour Council)",
        MORE[0],
    )
    assert row["body"] == "\n\n".join([*PARAGRAPHS, MORE[0]])


def test_nothing_after_a_thread_opening_is_body_even_without_comment_lines():
    # The article has more than CleanConfig.span.thread_min_prose_words words before it.
    _, row = _page(
        HEADLINE,
        *PARAGRAPHS,
        *MORE,
        "Leave a Reply",
        "I walked over it this morning and the new surface is much smoother than before.",
        "Does anyone know when the cycle lane on the bridge will be repainted this year?",
        "The council should publish what the repairs cost before the next budget meeting.",
    )
    assert row["body"] == "\n\n".join([*PARAGRAPHS, *MORE])


def test_a_counter_beside_the_byline_does_not_end_the_article():
    got, row = _page(HEADLINE, "By Jane Doe", "23 comments", *PARAGRAPHS)
    assert got[3] == ("boilerplate", "comment_counter")
    assert row["body"] == "\n\n".join(PARAGRAPHS)


def test_menus_search_and_share_lines_around_the_article_are_chrome():
    got, row = _page(
        "Home News Sport Opinion Weather",
        "Search for:",
        HEADLINE,
        *PARAGRAPHS,
        "Click to share on Facebook (Opens in new window)",
        "Share Tweet Email",
        "Tags: bridge, transport, council",
    )
    assert got[2] == ("boilerplate", "search_box")
    assert [got[n][1] for n in (8, 9, 10)] == ["share_prompt", "controls", "tags"]
    assert row["title"] == HEADLINE
    assert row["body"] == "\n\n".join(PARAGRAPHS)


def test_timestamps_after_the_article_are_a_feed_not_its_date():
    got, row = _page(
        HEADLINE,
        *PARAGRAPHS,
        "Latest",
        "Pier reopens to anglers",
        "May 6, 2025 at 9:40 am",
        "School run detours end",
        "May 5, 2025 at 4:10 pm",
    )
    assert row["published_date"] is None
    assert (got[8], got[10]) == (("boilerplate", "timestamp"),) * 2


def test_excerpts_cut_off_with_an_ellipsis_are_other_stories():
    teasers = [
        "Council approves the new budget for the harbour NORTHPORT: The council on Monday "
        "approved a budget that sets aside money for the repair of the harbour walls and...",
        "School bus routes change from Monday ELWOOD: Parents in the east of the county will "
        "see their children picked up earlier from next week, the school board said on…",
    ]
    got, row = _page(HEADLINE, *PARAGRAPHS, "More stories", *teasers)
    assert all(t not in row["body"] for t in teasers)
    assert [got[n] for n in (len(PARAGRAPHS) + 3, len(PARAGRAPHS) + 4)] == [
        ("boilerplate", "teaser_list")
    ] * 2


def test_a_list_like_article_is_not_lost_to_the_teasers_under_it():
    # Each gift's paragraph stands alone between short lines, as each teaser does under its
    # headline: the teasers' run scores a little more, but it comes after the article.
    gifts = [
        "The lamp clips onto any railing and runs for a whole evening on one charge, which "
        "makes it the most useful thing we tested for a small balcony or a boat deck.",
        "It reads the tide tables for your nearest port and shows high and low water at a "
        "glance, and the battery lasts well over a year in our testing, even in the cold.",
        "Woven from recycled mooring rope, the basket is sturdy enough for firewood and soft "
        "enough for a dog bed, and it comes in four colours that suit almost any room.",
    ]
    teasers = [
        "The plan adds twelve kilometres of protected lanes over the next three years.",
        "Engineers will inspect the structure before any decision on its future is made.",
        "Stallholders said the first Saturday drew more visitors than any day last year.",
        "The evening crossing moves half an hour earlier from the first week of May.",
        "The pair were brought ashore safe and well after their dinghy overturned.",
        "Pupils moved into the building on Monday after two years of work on the site.",
        "Organisers said the three-day event would be the largest since it began.",
    ]
    names = ("Harbour Lamp for $40", "Tide Clock for $25", "Rope Basket for $30")
    _, row = _page(
        "Our favourite harbour gifts of the year",
        *[
            line
            for name, gift in zip(names, gifts, strict=True)
            for line in (name, "Buy it: Chandlery", gift)
        ],
        "Share",
        "Tweet",
        "Email",
        "Print",
        *[line for n, teaser in enumerate(teasers) for line in (f"Harbour story {n}", teaser)],
    )
    assert all(gift in row["body"] for gift in gifts)
    assert not any(teaser in row["body"] for teaser in teasers)


def test_teasers_above_the_article_scoring_well_under_it_are_not_the_article():
    # The first run wins only when it scores near the best (CleanConfig.span.near_best_share):
    # five teasers over a menu score about a quarter of the article under them.
    teasers = [
        "The plan adds twelve kilometres of protected lanes over the next three years.",
        "Engineers will inspect the structure before any decision on its future is made.",
        "Stallholders said the first Saturday drew more visitors than any day last year.",
        "The evening crossing moves half an hour earlier from the first week of May.",
        "The pair were brought ashore safe and well after their dinghy overturned.",
    ]
    _, row = _page(
        "Top stories",
        *[line for n, teaser in enumerate(teasers) for line in (f"Harbour story {n}", teaser)],
        "Home",
        "News",
        "Sport",
        "Weather",
        HEADLINE,
        *PARAGRAPHS,
        *MORE,
    )
    assert row["body"] == "\n\n".join([*PARAGRAPHS, *MORE])


def test_a_pitch_to_the_reader_at_the_article_s_edges_is_not_body():
    got, row = _page(
        HEADLINE,
        "Start your week with the Harbour Briefing, the only digest our readers need to read.",
        *PARAGRAPHS,
        *MORE,
        "Like this story? Share it with a friend and tell them about our Harbour Briefing!",
        "Need more news? Download our free app for the latest from the coast, every morning.",
    )
    assert row["body"] == "\n\n".join(PARAGRAPHS + MORE)
    assert {got[n] for n in (2, 10, 11)} == {("boilerplate", "reader_pitch")}


def test_a_pitch_inside_the_article_stays_body():
    pitch = "Follow our live coverage of the reopening on the council's own radio station today."
    got, row = _page(HEADLINE, *PARAGRAPHS[:2], pitch, *PARAGRAPHS[2:], *MORE)
    assert row["body"] == "\n\n".join([*PARAGRAPHS[:2], pitch, *PARAGRAPHS[2:], *MORE])


def test_a_line_printing_the_headline_inside_longer_text_is_not_body():
    crumbs = f"Home News Local {HEADLINE}"
    echo = (
        f"{HEADLINE} The council said engineers worked through the night to finish the deck "
        "and the joints before the morning rush, a week earlier than planned."
    )
    got, row = _page(HEADLINE, "By Jane Doe", *PARAGRAPHS, crumbs, *MORE, echo)
    assert row["title"] == HEADLINE
    assert row["body"] == "\n\n".join(PARAGRAPHS + MORE)
    assert got[7] == got[11] == ("boilerplate", "headline_echo")


def test_a_short_headline_printed_in_a_paragraph_stays_body():
    short = "Bridge reopens"
    mention = "Bridge reopens, said the sign on the barrier, to cheers from the waiting cyclists."
    got, row = _page(short, *PARAGRAPHS, mention, *MORE)
    assert row["body"] == "\n\n".join([*PARAGRAPHS, mention, *MORE])


def test_a_box_of_related_links_between_paragraphs_does_not_start_the_article():
    first = (
        "Crews worked through the night to lift the last of the new deck sections into place, "
        "and the council's engineers signed the bridge off as safe shortly before dawn, a "
        "week earlier than the contractor had promised when the work began in March."
    )
    got, row = _page(
        "Home",
        "News",
        "Sport",
        HEADLINE,
        "By Jane Doe",
        "Tuesday 6 May 2025",
        first,
        "Related articles",
        "Storm damage closes the pier for a month",
        "Ferry fares frozen for the summer season",
        *PARAGRAPHS,
        *MORE,
    )
    assert row["body"] == "\n\n".join([first, *PARAGRAPHS, *MORE])
    assert got[8] == ("boilerplate", "related_heading")
    assert {got[9][1], got[10][1]} == {"related_block"}


def test_a_line_recurring_in_each_section_of_the_article_stays_body():
    question = "What got you started in the kitchen?"
    shop = "Buy it here: Harbour Hardware"
    sections = [
        (
            "Marta Lind",
            "I grew up above my parents' bakery, so flour was everywhere from the first day.",
            "The old stove in the back room was the first thing I ever learned to light.",
        ),
        (
            "Tomas Berg",
            "My grandmother let me stir the soup on Sundays when the whole family came over.",
            "She kept every recipe in a folder that I still use for the winter stews.",
        ),
        (
            "Ines Holm",
            "A school trip to a fish market showed me how much a fresh catch changes a dish.",
            "I still buy from the same stall by the pier every Friday before it opens.",
        ),
    ]
    body = [line for name, *answers in sections for line in (name, question, *answers, shop)]
    got, row = _page("Home", "Food", HEADLINE, *PARAGRAPHS, *body, *MORE)
    assert row["body"] == "\n\n".join([*PARAGRAPHS, *body, *MORE])
    assert sum(reason == "repeat_of:9" for _, reason in got.values()) == 0


def test_a_related_headline_ending_like_a_sentence_is_part_of_the_box():
    got, row = _page(
        HEADLINE,
        *PARAGRAPHS[:3],
        "Trending News",
        'Ferry crew rescues swimmer off the pier: "We had him!"',
        "Council votes to keep the night buses running",
        "Storm warning issued for the coast road",
        PARAGRAPHS[3],
        *MORE,
    )
    assert got[6] == ("boilerplate", "related_block")
    assert row["body"] == "\n\n".join([*PARAGRAPHS, *MORE])


def test_a_headline_in_capitals_between_paragraphs_links_elsewhere():
    got, row = _page(
        HEADLINE,
        *PARAGRAPHS[:2],
        "HOW THE NEW DECK WAS LAID",
        PARAGRAPHS[2],
        "FERRY OPERATOR SAYS SUMMER TIMETABLE WILL RETURN AFTER THE BRIDGE WORKS",
        PARAGRAPHS[3],
        *MORE,
    )
    assert got[4] == ("body", "heading")
    assert got[6] == ("boilerplate", "related_link")
    assert row["body"] == "\n\n".join(
        [*PARAGRAPHS[:2], "HOW THE NEW DECK WAS LAID", *PARAGRAPHS[2:], *MORE]
    )


def test_a_post_embedded_under_the_last_paragraph_is_the_article_s():
    post = "The new deck is open and smooth as glass, thank you crews pic.twitter.com/Ab12Cd34"
    signature = "— Harbour City Council (@harbourcouncil) May 6, 2025"
    got, row = _page(HEADLINE, *PARAGRAPHS, *MORE, post, signature, "Tags bridge harbour")
    assert row["body"] == "\n\n".join([*PARAGRAPHS, *MORE, post, signature])
    assert got[11][0] == "boilerplate"
