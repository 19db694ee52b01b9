"""clean_documents on short invented articles: fields, labels, repeats, Unicode, rejects,
the audit's shape, cross-document evidence and determinism."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.compute as pc

from newspipe import schema
from newspipe.clean import clean_documents
from newspipe.clean.stage import ARTICLES_SCHEMA
from newspipe.config import CleanConfig
from tests.clean.helpers import PARAGRAPHS, article, clean, documents, labels

FULL = "\n".join(
    [
        "Harbour Gazette",
        "Harbour bridge reopens after six weeks of storm repairs",
        "By Tomás Herrera",
        "Published 5 March 2024, 10:30 GMT",
        PARAGRAPHS[0],
        PARAGRAPHS[1],
        "What changes for commuters",
        PARAGRAPHS[2],
        PARAGRAPHS[3],
        "This article first appeared on The Conversation.",
        "Leave a Reply",
    ]
)


def test_fields_and_labels_of_a_full_article():
    result = clean(FULL)
    row = article(result)
    assert (
        row["title"],
        row["site_name"],
        row["author"],
        row["published_date"],
        row["original_source"],
    ) == (
        "Harbour bridge reopens after six weeks of storm repairs",
        "Harbour Gazette",
        "Tomás Herrera",
        dt.date(2024, 3, 5),
        "theconversation.com",
    )
    assert labels(result) == {
        1: ("metadata", "masthead"),
        2: ("metadata", "title"),
        3: ("metadata", "byline"),
        4: ("metadata", "dateline"),
        5: ("body", "paragraph"),
        6: ("body", "paragraph"),
        7: ("body", "heading"),
        8: ("body", "paragraph"),
        9: ("body", "paragraph"),
        10: ("metadata", "origin_credit"),
        11: ("boilerplate", "comment_form"),
    }
    assert row["body"] == "\n\n".join(
        [PARAGRAPHS[0], PARAGRAPHS[1], "What changes for commuters", *PARAGRAPHS[2:]]
    )
    assert row["n_words"] == len(row["body"].split())


def test_title_with_site_suffix_and_no_title():
    row = article(clean("Bridge reopens after repairs | Harbour Gazette\n" + PARAGRAPHS[0]))
    assert (row["title"], row["site_name"]) == ("Bridge reopens after repairs", "Harbour Gazette")
    row = article(clean("\n".join(PARAGRAPHS)))
    assert (row["title"], row["site_name"]) == (None, None)


def test_summary_lede_and_headings_are_body():
    text = "\n".join(
        [
            "Bridge reopens",
            "Repairs finished early and under budget, officials say.",
            PARAGRAPHS[0],
            "Background",
            PARAGRAPHS[1],
        ]
    )
    got = labels(clean(text))
    assert got[2][0] == got[3][0] == got[4][0] == "body"


def test_repeats_also_when_copies_differ_only_in_white_space():
    caption = "Traffic crosses the reopened bridge on Tuesday.  (Photo credit: City Council)"
    text = "\n".join(
        [
            PARAGRAPHS[0],
            caption,
            "  " + caption.replace("  ", " ") + " ",
            PARAGRAPHS[1],
            PARAGRAPHS[0].replace(" ", "\u00a0", 3),
            PARAGRAPHS[2],
        ]
    )
    result = clean(text)
    got = labels(result)
    assert got[3] == ("repeat", "repeat_of:2")
    assert got[5] == ("repeat", "repeat_of:1")
    assert article(result)["body"].split("\n\n") == [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]]


def test_mojibake_fixed_and_curly_quotes_kept():
    broken = "The mayorâ€™s office said the bridge was â€œcompletely safeâ€\x9d again."
    curly = "“We are delighted,” said the council’s engineer, Ana de la Cruz."
    body = article(clean("\n".join([broken, curly, PARAGRAPHS[0]])))["body"].split("\n\n")
    assert body[0] == "The mayor’s office said the bridge was “completely safe” again."
    assert body[1] == curly


def test_nfc_normalisation():
    decomposed = "The cafe\u0301 on the quay reopened with the bridge, its owner said."
    body = article(clean(decomposed + "\n" + PARAGRAPHS[0]))["body"]
    assert body.startswith("The café on the quay")


def test_all_chrome_and_empty_documents_are_rejected():
    chrome = "\n".join(
        [
            "We use cookies to improve your experience.",
            "Accept all",
            "Subscribe to our newsletter",
            "Advertisement",
        ]
    )
    result = clean(chrome, "  \n\n", "\n".join(PARAGRAPHS))
    assert result.articles["doc_id"].to_pylist() == ["doc002"]
    rejected = dict(
        zip(
            result.rejected["doc_id"].to_pylist(), result.rejected["error"].to_pylist(), strict=True
        )
    )
    assert rejected["doc000"].startswith("no article text")
    assert rejected["doc001"] == "empty document: no text"
    assert set(result.line_labels["article_id"].to_pylist()) == {"doc002"}


def test_one_audit_row_per_non_empty_raw_line_with_crlf():
    text = "Bridge reopens\r\n\r\n \t\r\n" + "\r\n".join(PARAGRAPHS) + "\r\n"
    result = clean(text)
    assert result.line_labels["line_no"].to_pylist() == [1, 4, 5, 6, 7]
    assert "\r" not in "".join(result.line_labels["text"].to_pylist())


def test_output_schemas():
    result = clean(FULL)
    assert result.articles.schema == ARTICLES_SCHEMA
    for name in ARTICLES_SCHEMA.names:
        assert ARTICLES_SCHEMA.field(name).type == schema.ARTICLES.schema.field(name).type
    assert result.line_labels.schema == schema.LINE_LABELS.schema
    assert set(pc.unique(result.line_labels["label"]).to_pylist()) <= {
        "body",
        "metadata",
        "boilerplate",
        "repeat",
    }


def test_identical_documents_at_two_paths_are_one_article():
    docs = pa.table(
        {"doc_id": ["same", "same"], "source_uri": ["/b/x.txt", "/a/x.txt"], "text": [FULL, FULL]}
    )
    result = clean_documents(docs, CleanConfig())
    assert result.articles["source_uri"].to_pylist() == ["/a/x.txt"]


def test_hints_fill_fields_the_text_lacks():
    result = clean(
        "\n".join(PARAGRAPHS),
        title=["Bridge reopens"],
        published=["2024-03-05T08:00:00Z"],
        site_name=[""],
    )
    row = article(result)
    assert (row["title"], row["published_date"], row["site_name"]) == (
        "Bridge reopens",
        dt.date(2024, 3, 5),
        None,
    )


def test_user_publisher_directory_extends_the_shipped_one(tmp_path):
    extra = tmp_path / "mine.csv"
    extra.write_text(
        "domain,name,aliases,kind,country\nharbourgazette.co.uk,Harbour Gazette,HG,newspaper,GB\n",
        encoding="utf-8",
    )
    text = "\n".join([*PARAGRAPHS, "HG"])
    assert article(clean(text))["original_source"] is None
    row = article(clean(text, config=CleanConfig(publisher_directories=(extra,))))
    assert row["original_source"] == "harbourgazette.co.uk"


def _site_batch(n: int, start: int = 0) -> list[str]:
    return [
        "\n".join(
            [
                f"Story number {i} from the quay",
                PARAGRAPHS[i % 4],
                "Harbour life, every day",
                f"Paragraph {i} tells what happened on day {i} at the harbour, in detail.",
            ]
        )
        for i in range(start, start + n)
    ]


def test_a_line_recurring_across_a_site_is_chrome():
    texts = _site_batch(12)
    uris = [f"https://www.harbourgazette.co.uk/news/{i}" for i in range(12)]
    result = clean(*texts, uris=uris)
    assert labels(result, "doc003")[3] == ("boilerplate", "site_chrome")
    stats = result.line_stats.to_pylist()
    assert {"site_key": "harbourgazette.co.uk", "n_docs": 12} in [
        {k: s[k] for k in ("site_key", "n_docs")} for s in stats
    ]
    assert result.line_stats.schema.names == ["site_key", "line_hash", "n_docs"]
    # Few documents of a site: not enough evidence; the line stays a heading.
    few = clean(*texts[:3], uris=uris[:3])
    assert labels(few, "doc001")[3] == ("body", "heading")


def test_history_carries_the_evidence_across_batches():
    uris = [f"https://www.harbourgazette.co.uk/news/{i}" for i in range(12)]
    first = clean(*_site_batch(8), uris=uris[:8])
    second = clean_documents(
        documents(*_site_batch(4, 8), uris=uris[8:]), CleanConfig(), first.line_stats
    )
    assert labels(second, "doc001")[3] == ("boilerplate", "site_chrome")


def test_bodies_do_not_depend_on_the_batch_split():
    texts = [
        FULL,
        "\n".join(PARAGRAPHS),
        "Bridge reopens | Gazette\n" + PARAGRAPHS[0],
        *_site_batch(4),
    ]
    whole = clean(*texts)
    bodies = dict(
        zip(whole.articles["doc_id"].to_pylist(), whole.articles["body"].to_pylist(), strict=True)
    )
    docs = documents(*texts)
    history = None
    split = {}
    for part in (docs.slice(0, 3), docs.slice(3)):
        result = clean_documents(part, CleanConfig(), history)
        history = result.line_stats
        split.update(
            zip(
                result.articles["doc_id"].to_pylist(),
                result.articles["body"].to_pylist(),
                strict=True,
            )
        )
    assert split == bodies
