"""The raw document: what every reader of `newspipe.ingest` yields, whatever the format.

One row per document (a text file, an HTML page, one record of a JSONL/CSV/Parquet file,
one HTML response of a WARC, one feed item), `ok` with its text or `quarantined` with the
reason, plus the metadata the input carried (page address, title, date, site), which the
cleaning stage takes as hints for what the text does not say. Readers build rows with
`ok_row` and `quarantined_row` and `batches` turns them into Arrow tables of a set size.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

import pyarrow as pa

from newspipe.clean.publishers import registrable_domain

RAW_DOCUMENT_SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_uri", pa.string(), nullable=False),
        pa.field("format", pa.string(), nullable=False),
        pa.field("n_bytes", pa.int64(), nullable=False),
        pa.field("encoding", pa.string()),
        pa.field("status", pa.string(), nullable=False),
        pa.field("error", pa.string()),
        pa.field("text", pa.string()),
        pa.field("input_file", pa.string(), nullable=False),
        pa.field("record_no", pa.int64()),
        pa.field("url", pa.string()),
        pa.field("title", pa.string()),
        pa.field("author", pa.string()),
        pa.field("published", pa.string()),
        pa.field("site_name", pa.string()),
        pa.field("source", pa.string()),
        pa.field("captured_at", pa.timestamp("us", tz="UTC")),
        pa.field("extraction", pa.string()),
    ]
)
COLUMN_MEANINGS = {
    "doc_id": "content id: 16 hex digits of the SHA-256 of the document's bytes (the file; "
    "a record's text; an HTML page or WARC payload)",
    "source_uri": "where it was read from: the path or URL; `<file>#<record_no>` for a record "
    "or feed item; the target URI for a WARC response",
    "format": "txt, html, jsonl, csv, parquet, warc, feed; `unknown` when not told",
    "n_bytes": "size of the document's bytes (of the file when it was refused as too large)",
    "encoding": "how the text was decoded (utf-8, utf-8-sig, utf-16, cp1252, or the HTML "
    "page's charset); null when not decoded",
    "status": "`ok` or `quarantined`",
    "error": "why it was quarantined, naming the file, the record number and the reason",
    "text": "the document's text, one paragraph per line; null when quarantined",
    "input_file": "the file or object the row was read from",
    "record_no": "1-based number of the record in a multi-record file (JSONL line, CSV data "
    "row, Parquet row, WARC record, feed item); null for single-document files",
    "url": "the page address the record or page gives (record field, canonical link, WARC "
    "target URI, feed item link)",
    "title": "title given by the record, page metadata or feed item",
    "author": "author given by the record, page metadata or feed item",
    "published": "publication date or time as given, ISO 8601 where it could be read",
    "site_name": "site name from the page metadata or feed; for HTML, the domain when the "
    "page names none",
    "source": "the publisher: registrable domain of `url`, else of the record's source field, "
    "else that field as given",
    "captured_at": "when the page was fetched (WARC-Date), UTC; null for other formats",
    "extraction": "for HTML (pages, WARC responses, feed items): how the text was extracted",
}
DOC_ID_HEX_DIGITS = 16
OK = "ok"
QUARANTINED = "quarantined"


def content_id(data: bytes) -> str:
    """The document id: the same bytes give the same id in every run and at every path."""
    return hashlib.sha256(data).hexdigest()[:DOC_ID_HEX_DIGITS]


def domain_of(value: str | None) -> str | None:
    """Registrable domain of a URL or bare host name (`https://www.bbc.co.uk/x` ->
    `bbc.co.uk`), None when there is none."""
    if not value:
        return None
    host = urlsplit(value).netloc if "://" in value else value.split("/", 1)[0]
    return registrable_domain(host) if host else None


def record_uri(input_file: str, record_no: int) -> str:
    return f"{input_file}#{record_no}"


def ok_row(*, data: bytes, text: str, source_uri: str, fmt: str, input_file: str, **fields) -> dict:
    """A readable document; `fields` are the optional columns (url, title, record_no, ...)."""
    return {
        "doc_id": content_id(data),
        "source_uri": source_uri,
        "format": fmt,
        "n_bytes": len(data),
        "status": OK,
        "text": text,
        "input_file": input_file,
    } | fields


def quarantined_row(
    *, source_uri: str, fmt: str, input_file: str, error: str, data: bytes = b"", **fields
) -> dict:
    """A document that cannot be an article. `data` is what was read of it (the bad record,
    the page), so its id is a content id like any other; empty when nothing was read."""
    return {
        "doc_id": content_id(data),
        "source_uri": source_uri,
        "format": fmt,
        "n_bytes": len(data),
        "status": QUARANTINED,
        "error": error,
        "text": None,
        "input_file": input_file,
    } | fields


def batches(rows: Iterable[dict], size: int) -> Iterator[pa.Table]:
    """Tables of at most `size` rows with RAW_DOCUMENT_SCHEMA; nothing when no rows."""
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield pa.Table.from_pylist(batch, schema=RAW_DOCUMENT_SCHEMA)
            batch = []
    if batch:
        yield pa.Table.from_pylist(batch, schema=RAW_DOCUMENT_SCHEMA)


def empty_documents() -> pa.Table:
    return RAW_DOCUMENT_SCHEMA.empty_table()
