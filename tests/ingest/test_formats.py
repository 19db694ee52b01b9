import bz2
import datetime as dt
import gzip
import json
import random

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

from newspipe.ingest import (
    RAW_DOCUMENT_SCHEMA,
    IngestConfig,
    RecordFields,
    content_id,
    discover_inputs,
    read_documents,
    read_jsonl,
)
from tests.ingest.helpers import PARAGRAPHS, article_page, build_warc, read_all, rows_by


@pytest.fixture
def page_html() -> str:
    return article_page("Harbour strike ends after nine days", PARAGRAPHS)


COMPRESS = {
    "gz": gzip.compress,
    "bz2": lambda data: bz2.compress(data, 1),
    "zst": zstandard.ZstdCompressor().compress,
}


# --- HTML --------------------------------------------------------------------------------


def test_html_page_gives_its_paragraphs_and_metadata_without_chrome(tmp_path, page_html):
    page = tmp_path / "strike.html"
    page.write_text(page_html, encoding="utf-8")
    row = read_all([page]).to_pylist()[0]
    assert row["status"] == "ok" and row["format"] == "html"
    lines = row["text"].split("\n")
    for paragraph in PARAGRAPHS:
        assert paragraph in lines  # one paragraph per line, for the line labeller
    for chrome in ("Home", "Sign up to our newsletter", "All rights reserved", "Privacy"):
        assert chrome not in row["text"]
    assert row["title"] == "Harbour strike ends after nine days"
    assert row["site_name"] == "Harbour Ledger"
    assert row["author"] == "Anna de Vries"
    assert row["published"] == "2025-03-11"
    assert row["url"] == "https://www.harbourledger.co.uk/news/strike-ends"
    assert row["source"] == "harbourledger.co.uk"
    assert row["extraction"] == "trafilatura"
    assert row["encoding"] == "utf-8"
    assert row["doc_id"] == content_id(page.read_bytes())
    assert row["record_no"] is None


def test_html_page_without_article_text_is_quarantined(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text(
        '<html><head><title>Gallery</title></head><body><img src="a.jpg"></body></html>'
    )
    row = read_all([page]).to_pylist()[0]
    assert row["status"] == "quarantined"
    assert row["error"] == "html: no article text found by trafilatura"
    assert row["text"] is None


def test_html_site_name_falls_back_to_the_domain(tmp_path):
    html = article_page("Strike ends", PARAGRAPHS).replace('property="og:site_name"', 'x="y"')
    page = tmp_path / "p.htm"
    page.write_text(html.replace(" | Harbour Ledger", ""))
    row = read_all([page]).to_pylist()[0]
    assert row["site_name"] in {"harbourledger.co.uk", "Harbour Ledger"}
    assert row["source"] == "harbourledger.co.uk"


def test_latin1_html_is_decoded_by_its_declared_charset(tmp_path):
    html = article_page("Café owners protest", [p + " Café" for p in PARAGRAPHS])
    page = tmp_path / "latin.html"
    page.write_bytes(html.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("latin-1"))
    row = read_all([page]).to_pylist()[0]
    assert row["status"] == "ok" and "Café" in row["text"]
    assert row["encoding"] == "iso8859-1"


# --- JSONL, CSV, Parquet -----------------------------------------------------------------

JSONL_LINES = [
    json.dumps(
        {
            "text": "First story.\nSecond paragraph.",
            "url": "https://www.bbc.co.uk/news/1",
            "headline": "One",
            "date": "2025-03-11",
        }
    ),
    "{not json at all",
    json.dumps({"content": "Third story from a record without a URL.", "source": "Reuters"}),
    json.dumps({"id": 7, "title": "no text here"}),
    "",
    json.dumps(["a", "list"]),
    json.dumps({"body": "Fifth.", "site": "www.lemonde.fr", "published": 1741651200}),
]


def _jsonl(tmp_path, name="articles.jsonl", lines=JSONL_LINES) -> bytes:
    data = ("\n".join(lines) + "\n").encode()
    (tmp_path / name).write_bytes(data)
    return data


def test_jsonl_bad_lines_are_quarantined_alone_and_neighbours_kept(tmp_path):
    _jsonl(tmp_path)
    file = str(tmp_path / "articles.jsonl")
    rows = rows_by(read_all([file]), "record_no")
    assert sorted(rows) == [1, 2, 3, 4, 6, 7]  # the blank line 5 is no record
    assert {n for n, r in rows.items() if r["status"] == "ok"} == {1, 3, 7}
    assert rows[1]["source_uri"] == f"{file}#1" and rows[1]["input_file"] == file
    assert rows[1]["text"] == "First story.\nSecond paragraph."
    assert rows[1]["doc_id"] == content_id(b"First story.\nSecond paragraph.")
    assert (rows[1]["url"], rows[1]["title"], rows[1]["published"]) == (
        "https://www.bbc.co.uk/news/1",
        "One",
        "2025-03-11",
    )
    assert rows[1]["source"] == "bbc.co.uk"
    assert rows[3]["source"] == "Reuters" and rows[3]["url"] is None
    assert rows[7]["source"] == "lemonde.fr"
    assert rows[7]["published"] == "2025-03-11T00:00:00+00:00"
    assert rows[2]["error"].startswith(f"record 2 of {file}: invalid JSON")
    assert rows[4]["error"] == (
        f"record 4 of {file}: no text field (looked for text, content, body, article, "
        "maintext; ingest.record_fields)"
    )
    assert "not an object" in rows[6]["error"]
    assert all(r["format"] == "jsonl" for r in rows.values())


@pytest.mark.parametrize("codec", sorted(COMPRESS))
def test_compressed_jsonl_reads_as_the_plain_file(tmp_path, codec):
    data = _jsonl(tmp_path)
    (tmp_path / f"articles.jsonl.{codec}").write_bytes(COMPRESS[codec](data))
    # Compression is told by magic bytes, so a compressed file without the suffix is read too.
    (tmp_path / "articles-no-suffix.jsonl").write_bytes(COMPRESS[codec](data))
    plain = read_all([tmp_path / "articles.jsonl"])
    for name in (f"articles.jsonl.{codec}", "articles-no-suffix.jsonl"):
        packed = read_all([tmp_path / name])
        for column in ("doc_id", "status", "text", "record_no", "url", "title"):
            assert packed[column] == plain[column]


@pytest.mark.parametrize("codec", sorted(COMPRESS))
def test_truncated_compressed_jsonl_keeps_what_came_before(tmp_path, codec):
    rng = random.Random(1)
    words = [f"w{n}" for n in range(5000)]
    lines = [
        json.dumps({"text": f"Story {i}: " + " ".join(rng.choices(words, k=100))})
        for i in range(1, 501)
    ]
    packed = COMPRESS[codec](("\n".join(lines) + "\n").encode())
    file = tmp_path / f"cut.jsonl.{codec}"
    file.write_bytes(packed[: len(packed) * 2 // 3])
    table = read_all([file])
    statuses = table["status"].to_pylist()
    assert statuses[-1] == "quarantined" and set(statuses[:-1]) == {"ok"}
    assert 0 < len(statuses) - 1 < 500
    last = table.to_pylist()[-1]
    assert last["record_no"] == len(statuses)
    assert f"record {len(statuses)} of {file}: truncated or corrupt" in last["error"]
    assert table["record_no"].to_pylist() == list(range(1, len(statuses) + 1))


def test_record_fields_setting_maps_other_names(tmp_path):
    (tmp_path / "x.jsonl").write_text(json.dumps({"Story": "Text here.", "Link": "http://a.com/x"}))
    fields = RecordFields(text=("story",), url=("link",))
    row = read_all([tmp_path / "x.jsonl"], record_fields=fields).to_pylist()[0]
    assert row["status"] == "ok" and row["url"] == "http://a.com/x" and row["source"] == "a.com"


def test_json_array_file_is_read_as_records(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"text": "One."}, {"text": "Two."}]))
    table = read_all([tmp_path / "a.json"])
    assert table["text"].to_pylist() == ["One.", "Two."]
    assert table["record_no"].to_pylist() == [1, 2]


def test_oversized_record_is_quarantined_alone(tmp_path):
    lines = [json.dumps({"text": "short"}), json.dumps({"text": "x" * 500})]
    _jsonl(tmp_path, "big.jsonl", lines)
    table = read_all([tmp_path / "big.jsonl"], max_bytes=100)
    assert table["status"].to_pylist() == ["ok", "quarantined"]
    assert "over the limit of 100 bytes" in table["error"][1].as_py()


def test_csv_records_with_quoted_multiline_text(tmp_path):
    file = tmp_path / "news.csv"
    file.write_text(
        "Title,Body,URL,published_at\n"
        '"Strike ends","Dock workers voted.\nShips wait.",https://nos.nl/a,2025-03-11T08:00:00Z\n'
        '"Broken row",only two\n'
        '"Fire","A fire broke out.",,\n',
        encoding="utf-8",
    )
    rows = rows_by(read_all([file]), "record_no")
    assert rows[1]["text"] == "Dock workers voted.\nShips wait."
    assert (rows[1]["title"], rows[1]["source"]) == ("Strike ends", "nos.nl")
    assert rows[1]["published"] == "2025-03-11T08:00:00Z"
    assert rows[2]["status"] == "quarantined"
    assert rows[2]["error"] == f"record 2 of {file}: 2 fields where the header has 4"
    assert rows[3]["status"] == "ok" and rows[3]["url"] is None
    assert all(r["format"] == "csv" for r in rows.values())


def test_csv_without_a_text_column_is_one_quarantined_row(tmp_path):
    file = tmp_path / "no-text.csv"
    file.write_text("title,url\nA,https://a.com\nB,https://b.com\n")
    row = read_all([file]).to_pylist()
    assert len(row) == 1 and row[0]["status"] == "quarantined"
    assert row[0]["source_uri"] == str(file) and row[0]["record_no"] is None
    assert row[0]["error"].startswith("csv: no text field (looked for text, content")
    assert "the header is title, url" in row[0]["error"]


def test_parquet_rows_stream_in_batches(tmp_path):
    file = tmp_path / "news.parquet"
    published = [dt.datetime(2025, 3, i, 8, tzinfo=dt.UTC) for i in (1, 2, 3, 4, 5)]
    texts = ["One.", "Two.", None, "Four.", "Five."]
    table = pa.table(
        {"maintext": texts, "url": [f"https://www.nu.nl/{i}" for i in range(5)], "date": published}
    )
    pq.write_table(table, file, row_group_size=2)
    batches = list(read_documents([str(file)], IngestConfig(batch_size=2)))
    assert [b.num_rows for b in batches] == [2, 2, 1]
    rows = pa.concat_tables(batches).to_pylist()
    assert [r["status"] for r in rows] == ["ok", "ok", "quarantined", "ok", "ok"]
    assert rows[0]["published"] == "2025-03-01T08:00:00+00:00"
    assert rows[0]["source"] == "nu.nl" and rows[0]["source_uri"] == f"{file}#1"
    assert "empty text in field 'maintext'" in rows[2]["error"]


def test_parquet_without_text_column(tmp_path):
    pq.write_table(pa.table({"title": ["a"]}), tmp_path / "t.parquet")
    row = read_all([tmp_path / "t.parquet"]).to_pylist()[0]
    assert row["status"] == "quarantined" and row["error"].startswith("parquet: no text field")


def test_empty_record_file_is_still_accounted_for(tmp_path):
    (tmp_path / "empty.jsonl").write_text("\n\n")
    row = read_all([tmp_path / "empty.jsonl"]).to_pylist()
    assert len(row) == 1 and row[0]["error"] == "empty: no documents found in this jsonl file"


# --- WARC --------------------------------------------------------------------------------


def _pages() -> list[tuple[str, bytes]]:
    return [
        (
            f"https://www.harbourledger.co.uk/news/{i}",
            article_page(f"Story {i}", [f"{p} (story {i})" for p in PARAGRAPHS], url=None).encode(),
        )
        for i in range(3)
    ]


def test_warc_html_responses_become_documents(tmp_path):
    pages = _pages()
    file = tmp_path / "crawl.warc.gz"
    file.write_bytes(build_warc(pages))
    table = read_all([file])
    rows = table.to_pylist()
    assert [r["source_uri"] for r in rows] == [uri for uri, _ in pages]
    assert all(r["status"] == "ok" and r["format"] == "warc" for r in rows)
    assert [r["record_no"] for r in rows] == [2, 4, 6]  # request records are counted, not read
    assert rows[0]["doc_id"] == content_id(pages[0][1])
    assert rows[0]["url"] == pages[0][0] and rows[0]["source"] == "harbourledger.co.uk"
    assert rows[0]["site_name"] == "Harbour Ledger" and rows[0]["title"] == "Story 0"
    assert isinstance(rows[0]["captured_at"], dt.datetime)
    assert rows[0]["input_file"] == str(file)
    assert PARAGRAPHS[0] + " (story 0)" in rows[0]["text"].split("\n")


def test_same_page_in_a_warc_and_as_a_file_shares_its_id(tmp_path):
    uri, payload = _pages()[0]
    (tmp_path / "a.warc").write_bytes(build_warc([(uri, payload)], gzip=False, extras=False))
    (tmp_path / "a.html").write_bytes(payload)
    ids = read_all([tmp_path / "a.warc", tmp_path / "a.html"])["doc_id"].to_pylist()
    assert ids[0] == ids[1]


@pytest.mark.parametrize("compressed", [False, True])
def test_truncated_warc_keeps_pages_before_the_break(tmp_path, compressed):
    data = build_warc(_pages(), gzip=compressed, extras=False)
    file = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    file.write_bytes(data[: len(data) - 700])
    rows = read_all([file]).to_pylist()
    assert [r["status"] for r in rows] == ["ok", "ok", "quarantined"]
    assert rows[-1]["source_uri"] == f"{file}#3" and rows[-1]["record_no"] == 3
    assert rows[-1]["error"].startswith(f"record 3 of {file}: truncated or corrupt")
    assert "the 2 records before it were kept" in rows[-1]["error"]


def test_warc_cut_anywhere_gives_exactly_one_quarantined_row(tmp_path):
    data = build_warc(_pages()[:2], gzip=False, extras=False)
    file = tmp_path / "cut.warc"
    for cut in range(50, len(data) - 1, 97):
        file.write_bytes(data[:cut])
        statuses = read_all([file])["status"].to_pylist()
        assert statuses.count("quarantined") == 1, cut
        assert statuses[-1] == "quarantined", cut


# --- feeds -------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Ledger</title><link>https://www.harbourledger.co.uk/</link>
<item><title>Strike ends</title><link>https://www.harbourledger.co.uk/news/1</link>
<pubDate>Tue, 11 Mar 2025 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Dock workers voted to end the strike.</p><p>Ships wait.</p>]]>
</content:encoded>
</item>
<item><title>Headline only</title><link>https://www.harbourledger.co.uk/news/2</link></item>
<item><title>Fire</title><link>https://www.harbourledger.co.uk/news/3</link>
<description>A fire broke out &lt;b&gt;at the port&lt;/b&gt;.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lowlands Report</title>
<entry><title>Flood warning</title><link href="https://lowlands.example.nl/a"/>
<updated>2025-03-12T10:00:00Z</updated>
<content type="html">&lt;p&gt;Rivers rise.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_items_with_text_become_documents(tmp_path):
    file = tmp_path / "feed.rss"
    file.write_text(RSS)
    rows = read_all([file]).to_pylist()
    assert [r["status"] for r in rows] == ["ok", "quarantined", "ok"]
    first = rows[0]
    assert first["text"] == "Dock workers voted to end the strike.\nShips wait."
    assert (first["url"], first["title"], first["site_name"], first["source"]) == (
        "https://www.harbourledger.co.uk/news/1",
        "Strike ends",
        "Harbour Ledger",
        "harbourledger.co.uk",
    )
    assert first["published"] == "2025-03-11T08:00:00+00:00"
    assert first["extraction"] == "feed:content" and rows[2]["extraction"] == "feed:summary"
    assert rows[2]["text"] == "A fire broke out at the port."
    assert rows[1]["error"] == f"record 2 of {file}: feed item without content or summary"
    assert all(r["format"] == "feed" for r in rows)


def test_atom_feed_told_by_content_whatever_its_name(tmp_path):
    file = tmp_path / "download.xml.gz"
    file.write_bytes(gzip.compress(ATOM.encode()))
    row = read_all([file]).to_pylist()[0]
    assert row["format"] == "feed" and row["text"] == "Rivers rise."
    assert row["published"] == "2025-03-12T10:00:00+00:00"


# --- detection, batching, discovery ------------------------------------------------------


def test_format_told_by_content_for_unknown_endings(tmp_path, page_html):
    (tmp_path / "page.dat").write_text(page_html)
    (tmp_path / "records.dump").write_text(json.dumps({"text": "A record."}) + "\n")
    (tmp_path / "crawl.bin").write_bytes(build_warc(_pages()[:1], extras=False))
    table = read_all(sorted(tmp_path.iterdir()))
    assert rows_by(table, "input_file")[str(tmp_path / "page.dat")]["format"] == "html"
    assert rows_by(table, "input_file")[str(tmp_path / "records.dump")]["format"] == "jsonl"
    assert rows_by(table, "input_file")[str(tmp_path / "crawl.bin")]["format"] == "warc"


def test_batch_size_changes_only_the_batching(tmp_path, page_html):
    _jsonl(tmp_path)
    (tmp_path / "p.html").write_text(page_html)
    (tmp_path / "t.txt").write_text("A text article.\n")
    paths = [str(tmp_path / n) for n in ("articles.jsonl", "p.html", "t.txt")]
    whole = pa.concat_tables(read_documents(paths, IngestConfig(batch_size=1000)))
    batches = list(read_documents(paths, IngestConfig(batch_size=3)))
    assert all(b.num_rows <= 3 for b in batches) and len(batches) == 3
    assert pa.concat_tables(batches).equals(whole)
    assert whole.schema.equals(RAW_DOCUMENT_SCHEMA)


def test_per_format_reader_forces_its_format(tmp_path):
    (tmp_path / "records.txt").write_text(json.dumps({"text": "Forced."}))
    row = pa.concat_tables(read_jsonl(str(tmp_path / "records.txt"), IngestConfig())).to_pylist()
    assert row[0]["format"] == "jsonl" and row[0]["text"] == "Forced."


def test_unreadable_file_is_one_quarantined_row(tmp_path):
    row = read_all([tmp_path / "vanished.jsonl"]).to_pylist()[0]
    assert row["status"] == "quarantined" and row["error"].startswith("unreadable")
    assert row["format"] == "jsonl"


def test_discover_takes_known_formats_with_compression_and_skips_others(tmp_path):
    for name in ("a.txt", "b.html", "c.jsonl.gz", "d.csv.bz2", "e.parquet", "f.warc.gz",
                 "g.rss", "h.ndjson.zst", "notes.doc", "image.png.gz"):  # fmt: skip
        (tmp_path / name).write_bytes(b"x")
    found = discover_inputs([str(tmp_path)], IngestConfig())
    assert [f.rsplit("/", 1)[1] for f in found.files] == [
        "a.txt", "b.html", "c.jsonl.gz", "d.csv.bz2", "e.parquet", "f.warc.gz", "g.rss",
        "h.ndjson.zst",
    ]  # fmt: skip
    assert [s.rsplit("/", 1)[1] for s in found.skipped] == ["image.png.gz", "notes.doc"]
