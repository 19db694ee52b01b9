"""Read web archives (WARC, and the older ARC, with warcio): one raw document per HTML
response.

Every `response` (or `resource`) record with an HTML payload and a 2xx status becomes a
document: its address is its WARC target URI (`source_uri` and `url`), its fetch time the
WARC date (`captured_at`), and its text and metadata come from the same extraction as an
HTML file (`newspipe.ingest.html`), so a page in an archive and the same page saved as a file
share their content id. Other records (requests, metadata, images, scripts, redirects and
error pages) carry no article and are passed over. The archive streams record by record; a
file cut short keeps the pages read before the break and ends with one quarantined row
naming the record where it broke.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newspipe.config import IngestConfig
from newspipe.ingest.documents import quarantined_row
from newspipe.ingest.html import extract_page, page_row
from newspipe.ingest.records import broken_row, record_error
from newspipe.ingest.streams import Opened

_CHARSET = re.compile(r"charset=[\"']?([A-Za-z0-9_:.-]+)", re.IGNORECASE)
_PAGE_RECORDS = ("response", "resource")


class _CountingReader:
    """Counts the bytes warcio reads, to tell a record cut inside its headers (which warcio
    also takes for the end of the archive) from a clean end."""

    def __init__(self, stream: BinaryIO):
        self._stream = stream
        self.bytes_read = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.bytes_read += len(data)
        return data

    def tell(self) -> int:
        return self.bytes_read


def _content_type(record) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    return (headers.get_header("Content-Type") if headers else None) or ""


def _is_html_page(record) -> bool:
    if record.rec_type not in _PAGE_RECORDS or "html" not in _content_type(record).lower():
        return False
    if record.rec_type == "response":
        return (record.http_headers.get_statuscode() or "").startswith("2")
    return True


def _captured_at(record) -> dt.datetime | None:
    value = record.rec_headers.get_header("WARC-Date")
    try:
        return dt.datetime.fromisoformat(value).astimezone(dt.UTC) if value else None
    except ValueError:
        return None


def _is_complete(record) -> bool:
    """Read what is left of the record; False when the archive ends before its declared
    Content-Length (or inside its headers, so that it declares none)."""
    remaining = getattr(record.raw_stream, "limit", None)
    if remaining is None:
        return False
    while record.raw_stream.read(1 << 16):
        pass
    return record.raw_stream.limit == 0


def _page_row(record, number: int, uri: str, config: IngestConfig) -> dict:
    target = record.rec_headers.get_header("WARC-Target-URI") or f"{uri}#{number}"
    where = {"source_uri": target, "fmt": "warc", "input_file": uri, "record_no": number}
    data = record.content_stream().read(config.max_bytes + 1)
    if len(data) > config.max_bytes:
        reason = f"page over the limit of {config.max_bytes} bytes (ingest.max_bytes)"
        return quarantined_row(**where, error=record_error(number, uri, reason))
    charset = _CHARSET.search(_content_type(record))
    page = extract_page(data, target, config.html, charset.group(1) if charset else None)
    return page_row(page, data, **where, url=target, captured_at=_captured_at(record))


def warc_rows(opened: Opened, uri: str, config: IngestConfig) -> Iterator[dict]:
    """One document per HTML response of a WARC file; `record_no` counts every record."""
    counted = _CountingReader(opened.stream)
    archive = ArchiveIterator(counted)
    records = iter(archive)
    number = 0
    while True:
        try:
            record = next(records, None)
            if record is None:
                break
            number += 1
            row = _page_row(record, number, uri, config) if _is_html_page(record) else None
            complete = _is_complete(record)
        except Exception as exc:  # noqa: BLE001
            # warcio meets damaged headers with errors of every kind (ArchiveLoadFailed,
            # ValueError, AttributeError on a missing field): all mean the archive breaks here.
            yield broken_row(max(number, 1), uri, "warc", opened, f"{type(exc).__name__}: {exc}")
            return
        if not complete:
            yield broken_row(number, uri, "warc", opened, "the archive ends inside this record")
            return
        if row is not None:
            yield row
    if counted.bytes_read > archive.offset or opened.damage():
        # warcio takes a header cut short for the end of the archive.
        reason = "the archive ends inside a record header"
        yield broken_row(number + 1, uri, "warc", opened, reason)
