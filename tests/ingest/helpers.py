"""Small inputs for the ingest tests, written inline: HTML pages with site chrome, WARC
archives built with warcio, and a reader that gathers every batch into one table."""

from __future__ import annotations

import io

import pyarrow as pa
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newspipe.ingest import IngestConfig, read_documents

PARAGRAPHS = [
    "Dock workers in Rotterdam voted on Monday to end a nine-day strike that had left "
    "more than forty container ships waiting at anchor off the Dutch coast.",
    "The union said members had accepted a pay rise of 6.5 per cent over two years, "
    "along with new limits on night shifts at the automated terminals.",
    "Port officials expect the backlog of ships to clear by the end of next week, "
    "although some shipping lines have already diverted cargo to Antwerp and Hamburg.",
]


def article_page(
    title: str,
    paragraphs: list[str],
    *,
    site: str = "Harbour Ledger",
    url: str | None = "https://www.harbourledger.co.uk/news/strike-ends",
    date: str = "2025-03-11",
    author: str = "Anna de Vries",
) -> str:
    """A news page as sites serve them: metadata in the head, the article between a
    navigation bar, a newsletter box and a footer."""
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>{canonical}
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}T08:00:00Z">
<meta name="author" content="{author}"></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>{title}</h1>{body}</article>
<aside class="newsletter"><h3>Sign up to our newsletter</h3><p>Get the morning briefing.</p>
</aside></main>
<footer><p>&copy; 2025 {site}. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
</body></html>"""


def build_warc(pages: list[tuple[str, bytes]], *, gzip: bool = True, extras: bool = True) -> bytes:
    """A WARC of (target URI, HTML payload) responses; with `extras`, a request record, an
    image response and a 404 page that must not become documents."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)

    def response(uri: str, payload: bytes, status: str, content_type: str) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(payload), http_headers=headers
            )
        )

    for uri, payload in pages:
        if extras:
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(
                    uri, "request", payload=io.BytesIO(b""), http_headers=request
                )
            )
        response(uri, payload, "200 OK", "text/html; charset=utf-8")
    if extras:
        response("https://www.harbourledger.co.uk/logo.png", b"\x89PNG\r\n", "200 OK", "image/png")
        response(
            "https://www.harbourledger.co.uk/missing",
            b"<html>Not found</html>",
            "404 Not Found",
            "text/html",
        )
    return buffer.getvalue()


def read_all(paths: list, **settings) -> pa.Table:
    """Every raw document of `paths`, all batches in one table."""
    tables = list(read_documents([str(p) for p in paths], IngestConfig(**settings)))
    return pa.concat_tables(tables)


def rows_by(table: pa.Table, key: str = "source_uri") -> dict:
    return {row[key]: row for row in table.to_pylist()}
