"""The same text gives the same article whatever it arrived in: a `.txt` file or a JSONL
record (with or without the record's address and title), alone or in a batch with many
pages of its site, with or without the warehouse's line history."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from newspipe.clean import clean_documents
from newspipe.config import CleanConfig
from newspipe.ingest import IngestConfig, read_documents
from tests.clean.helpers import PARAGRAPHS

# A page of other stories only: a masthead, a menu, headlines with their calls to read on
# and a footer, no article. No line of it is a sentence of prose.
CHROME_ONLY = "\n".join(
    [
        "Valley Gazette",
        "Home | News | Sport | Contact",
        "Council votes to close the old pool",
        "The full story inside.",
        "Storm damage closes the harbour road",
        "Photos from the day.",
        "© 2025 Valley Gazette",
    ]
)
ARTICLE = "\n".join(["Valley Gazette", "Council votes to close the old pool", *PARAGRAPHS])


def _site_pages(n: int) -> list[str]:
    """Pages of the same site whose headlines recur, so that cross-document evidence
    (CleanConfig.site_chrome_min_docs) takes them for the site's chrome."""
    return [
        "\n".join(["Valley Gazette", f"Story {i} of the day", PARAGRAPHS[i % 4], CHROME_ONLY])
        for i in range(n)
    ]


def _read(tmp_path, name: str, content: str) -> pa.Table:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    documents = pa.concat_tables(list(read_documents([str(path)], IngestConfig())))
    return documents.filter(pc.equal(documents["status"], "ok"))


def _outcome(documents: pa.Table, text_id: str, history=None) -> tuple:
    result = clean_documents(documents, CleanConfig(), history)
    rows = [r for r in result.articles.to_pylist() if r["doc_id"] == text_id]
    if not rows:
        assert text_id in result.rejected["doc_id"].to_pylist()
        return ("quarantined",)
    row = rows[0]
    return (row["title"], row["site_name"], row["published_date"], row["body"])


@pytest.mark.parametrize("text", [CHROME_ONLY, ARTICLE], ids=["chrome-only", "article"])
def test_txt_and_jsonl_give_the_same_outcome(tmp_path, text):
    as_txt = _read(tmp_path, "page.txt", text + "\n")
    records = [
        {"text": text + "\n"},
        {"text": text + "\n", "url": "https://valleygazette.example/news/1"},
        {"text": text + "\n", "url": "https://valleygazette.example/news/1", "title": None},
    ]
    outcomes = {_outcome(as_txt, as_txt["doc_id"][0].as_py())}
    for i, record in enumerate(records):
        as_record = _read(tmp_path, f"page{i}.jsonl", json.dumps(record) + "\n")
        outcomes.add(_outcome(as_record, as_record["doc_id"][0].as_py()))
    assert len(outcomes) == 1, outcomes
    if text == CHROME_ONLY:
        assert outcomes == {("quarantined",)}


def test_the_outcome_does_not_depend_on_the_batch_or_the_history():
    page = pa.table({"doc_id": ["page"], "source_uri": ["/data/page.txt"], "text": [CHROME_ONLY]})
    alone = _outcome(page, "page")
    uris = [f"https://valleygazette.example/news/{i}" for i in range(12)]
    site = pa.table(
        {
            "doc_id": [f"site{i}" for i in range(12)],
            "source_uri": uris,
            "text": _site_pages(12),
        }
    )
    batch = pa.concat_tables(
        [site, pa.table({"doc_id": ["page"], "source_uri": [uris[0]], "text": [CHROME_ONLY]})]
    )
    history = clean_documents(site, CleanConfig()).line_stats
    assert alone == _outcome(batch, "page") == _outcome(page, "page", history)
    assert alone == ("quarantined",)


@pytest.mark.parametrize("text", [CHROME_ONLY, ARTICLE], ids=["chrome-only", "article"])
def test_a_record_title_and_date_change_the_fields_not_whether_there_is_an_article(tmp_path, text):
    as_txt = _read(tmp_path, "page.txt", text + "\n")
    record = {"text": text + "\n", "title": "Council votes", "date": "2025-03-01T08:00:00"}
    as_record = _read(tmp_path, "page.jsonl", json.dumps(record) + "\n")
    txt = _outcome(as_txt, as_txt["doc_id"][0].as_py())
    rec = _outcome(as_record, as_record["doc_id"][0].as_py())
    if text == CHROME_ONLY:
        assert txt == rec == ("quarantined",)
    else:
        assert rec[3] == txt[3]  # the same body
        assert rec[0] == "Council votes" and str(rec[2]) == "2025-03-01"
