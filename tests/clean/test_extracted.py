"""Text an extractor gave (`extraction` = trafilatura): the rules for whole scraped pages
(header chrome by position, trailing chrome, link lists, short repeats) leave its lines to
the article; the title hint finds the headline; phrase rules for chrome still apply."""

from __future__ import annotations

from tests.clean.helpers import PARAGRAPHS, article, clean, labels

HEADLINE = "Harbour bridge reopens after six weeks of storm repairs"
EXTRACTED = "\n".join(
    [
        HEADLINE,
        PARAGRAPHS[0],
        "Closures by month",
        "March",
        "Two lanes",
        "April",
        "Two lanes",
        PARAGRAPHS[1],
        PARAGRAPHS[2],
        "Sign up for our newsletter",
        "Data from the harbour authority",
    ]
)


def test_extracted_text_keeps_lines_the_page_rules_would_drop():
    result = clean(EXTRACTED, extraction=["trafilatura"], title=[HEADLINE])
    got = labels(result)
    assert got[1] == ("metadata", "title")
    assert article(result)["title"] == HEADLINE
    # Table cells: a run of short lines, one repeated, inside the article.
    assert [got[i][0] for i in range(3, 8)] == ["body"] * 5
    assert got[10] == ("boilerplate", "newsletter_prompt")
    assert got[11][0] == "body"  # a credit line after the article, not footer chrome
    assert article(result)["body"].split("\n\n") == [
        PARAGRAPHS[0],
        "Closures by month",
        "March",
        "Two lanes",
        "April",
        "Two lanes",
        PARAGRAPHS[1],
        PARAGRAPHS[2],
        "Data from the harbour authority",
    ]


def test_same_text_without_extraction_is_read_as_a_scraped_page():
    got = labels(clean(EXTRACTED, title=[HEADLINE]))
    assert got[7][0] == "repeat"
    assert got[11] == ("boilerplate", "trailing_chrome")
