"""Hard-wrapped text (wire copy, e-mail, plain-text archives) is cleaned by paragraph, not
by wrapped line; reports of figures are articles; a record's own fields beat the text's
guesses."""

from __future__ import annotations

import datetime as dt

from newspipe.clean.scoring import LABELLED_FIELDS, labelled_scores
from tests.clean.helpers import article, clean, labels

# Wire copy wrapped at about 65 columns, paragraphs opened by indentation, the last line a
# sign-off.
WIRE = """Harbourside Freight Corp said it agreed to buy the
container terminal at Port Elwood from the regional port
authority for about 240 mln dlrs in cash and stock.
    The company said the purchase, which still needs the approval
of the harbour board, would double its handling capacity on the
east coast and add about 300 employees.
    Harbourside shares rose 1-1/2 to 31 in early trading. Analysts
said the price was in line with recent sales of terminals in the
region, although some questioned the cost of dredging the berths.
 Wire
"""
# The same kind of text with blank lines between paragraphs and no indentation.
BLANK_SEPARATED = """The county library will open on Sundays from next month, the
library board said on Thursday, after a trial last winter drew
more visitors than any weekday.

Board members said the extra hours would be paid for by a grant
from the county's arts fund and staffed by volunteers as well as
the library's own employees.
"""
# Earnings in figures, with no sentence at all.
REPORT = """Shr profit 41 cts vs loss 12 cts
    Net profit 3,120,000 vs loss 904,000
    Revs 88.4 mln vs 71.9 mln
    Nine mths
    Shr profit 96 cts vs profit 15 cts
    Net profit 7,310,000 vs profit 1,150,000
 Wire
"""


def test_a_wire_story_keeps_its_paragraphs_whole():
    result = clean(WIRE)
    body = article(result)["body"].split("\n\n")
    assert body == [
        "Harbourside Freight Corp said it agreed to buy the container terminal at Port "
        "Elwood from the regional port authority for about 240 mln dlrs in cash and stock.",
        "The company said the purchase, which still needs the approval of the harbour "
        "board, would double its handling capacity on the east coast and add about 300 "
        "employees.",
        "Harbourside shares rose 1-1/2 to 31 in early trading. Analysts said the price was "
        "in line with recent sales of terminals in the region, although some questioned "
        "the cost of dredging the berths.",
    ]


def test_every_raw_line_of_a_rejoined_paragraph_keeps_its_own_audit_row():
    result = clean(WIRE)
    audit = labels(result)
    raw = WIRE.split("\n")
    assert sorted(audit) == [n for n, line in enumerate(raw, 1) if line.strip()]
    assert {audit[n] for n in range(1, 10)} == {("body", "paragraph")}
    texts = {r["line_no"]: r["text"] for r in result.line_labels.to_pylist()}
    assert texts[5] == raw[4]


def test_blank_lines_separate_wrapped_paragraphs():
    body = article(clean(BLANK_SEPARATED))["body"].split("\n\n")
    assert len(body) == 2
    assert body[1].startswith("Board members said the extra hours would be paid for")
    assert body[1].endswith("as well as the library's own employees.")


def test_a_word_broken_by_a_hyphen_at_the_line_end_is_joined():
    text = WIRE.replace("the approval\nof the", "the appro-\nval of the")
    assert "the approval of the harbour board" not in article(clean(text))["body"]
    assert "the appro-val of the harbour board" in article(clean(text))["body"]


def test_text_with_a_paragraph_per_line_is_not_rejoined():
    text = "\n".join(
        [
            "Harbour terminal sold",
            "Harbourside Freight Corp said it agreed to buy the container terminal at Port "
            "Elwood from the regional port authority for about 240 mln dlrs.",
            "More on this story",
            "Share this article",
            "The company said the purchase would double its capacity on the east coast.",
        ]
    )
    result = clean(text)
    assert len(result.line_labels) == 5
    assert "More on this story" not in article(result)["body"]


def test_a_report_of_figures_is_an_article_with_all_its_rows():
    result = clean(REPORT)
    body = article(result)["body"].split("\n\n")
    assert body[0] == "Shr profit 41 cts vs loss 12 cts"
    assert "Nine mths" in body and "Net profit 7,310,000 vs profit 1,150,000" in body
    assert labels(result)[2] == ("body", "table_row")


def test_a_menu_without_figures_is_no_report():
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Business", "Contact us"])
    assert clean(menu).articles.num_rows == 0


def test_the_record_title_and_date_win_over_the_text():
    result = clean(
        WIRE,
        REPORT,
        title=["HARBOURSIDE FREIGHT TO BUY PORT ELWOOD TERMINAL", "HARBOURSIDE 3RD QTR NET"],
        published=["1987-03-02T09:31:36", None],
    )
    first, second = article(result, "doc000"), article(result, "doc001")
    assert first["title"] == "HARBOURSIDE FREIGHT TO BUY PORT ELWOOD TERMINAL"
    assert first["published_date"] == dt.date(1987, 3, 2)
    assert second["title"] == "HARBOURSIDE 3RD QTR NET"
    assert first["site_name"] is None and second["site_name"] is None


def test_a_title_line_that_is_the_record_title_is_not_body():
    text = "Terminal deal agreed\n\n" + WIRE
    result = clean(text, title=["Terminal deal agreed"])
    assert labels(result)[1] == ("metadata", "title")
    assert labels(result)[3] == ("body", "paragraph")
    assert not article(result)["body"].startswith("Terminal deal agreed")


def _line_labels_all_body(text: str) -> dict:
    body = [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    fields = dict.fromkeys(LABELLED_FIELDS.values())
    return {"doc000": {"body": body, "not_body": [], "fields": fields}}


def test_a_wrapped_line_counts_as_found_inside_its_rejoined_paragraph():
    scores = labelled_scores(
        {"doc000": BLANK_SEPARATED}, _line_labels_all_body(BLANK_SEPARATED), clean(BLANK_SEPARATED)
    )
    assert scores["body_recall"] == 1.0


def test_a_wrapped_line_left_out_of_the_body_is_a_miss():
    shortened = BLANK_SEPARATED.split("\n\n")[0] + "\n"
    scores = labelled_scores(
        {"doc000": BLANK_SEPARATED}, _line_labels_all_body(BLANK_SEPARATED), clean(shortened)
    )
    missing = [m for m in scores["misses"] if "body line missing" in m]
    assert 0 < scores["body_recall"] < 1
    assert any("Board members said" in m for m in missing)


# A report of figures whose headings look like chrome when read alone: fund names in
# capitals of eight words and more (a capitals headline of another story), and a header row
# spaced into columns (a menu a scraper spaced out).
FUND_REPORT = """MARLOWE STREET VALUE GROWTH FUND
    Annual div 41 cts vs 36 cts prior
    Pay May 2
    Record April 18

    MARLOWE STREET TAX FREE MUNICIPAL INCOME FUND SERIES B
    Daily div .031 cts vs .030 cts prior
    Pay May 15
    Record May 15
 Wire
"""
GRAIN_REPORT = """The state grain board gave barley receipts at the three river
terminals for the week to March 6 as follows, in tonnes -
            Current      Previous
 Terminal      week         week
 Ashford      12,410       11,980
 Kellby        3,205        3,870
 Total        15,615       15,850
 Wire
"""


def test_a_report_of_figures_under_capitals_headings_is_an_article():
    result = clean(FUND_REPORT)
    body = article(result)["body"]
    assert "Daily div .031 cts vs .030 cts prior" in body
    assert "MARLOWE STREET TAX FREE MUNICIPAL INCOME FUND SERIES B" in body


def test_a_report_of_figures_under_a_spaced_header_row_is_an_article():
    result = clean(GRAIN_REPORT)
    body = article(result)["body"]
    assert "Kellby        3,205        3,870" in body or "Kellby 3,205 3,870" in body
    assert "Terminal" in body
