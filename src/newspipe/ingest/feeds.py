"""Read RSS and Atom feed files (feedparser): one raw document per item that carries text.

An item's text is its full content (`content:encoded`, Atom `content`) when it has one, else
its summary, with HTML markup turned into plain text, one paragraph per line, so the
cleaning stage labels it like any other document. The item's link is its page address
(`url`, and its domain the `source`), the feed's own title its `site_name`. Items with no
text (headline-only feeds) are quarantined one by one; a file that is not a feed at all is
one quarantined row.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

import feedparser
import lxml.html
from lxml import etree

from newspipe.config import IngestConfig
from newspipe.ingest.documents import domain_of, ok_row, quarantined_row, record_uri
from newspipe.ingest.records import record_error
from newspipe.ingest.streams import Opened
from newspipe.ingest.text import normalise_line_ends, whole_document

# Elements that start a new line of text: paragraphs, headings, list items, breaks.
_BLOCKS = {
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "tr", "section", "article", "figcaption",
}  # fmt: skip


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment, one block (paragraph, heading, item) per line."""
    if "<" not in markup:
        return normalise_line_ends(markup).strip()
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for element in root.iter(etree.Element):
        if element.tag in ("script", "style"):
            element.drop_tree()
        elif element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _published(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC).isoformat()
    return entry.get("published") or entry.get("updated") or None


def _item_markup(entry) -> tuple[str, str]:
    """(markup, which part) of the richest text the item carries."""
    for content in entry.get("content") or ():
        if (content.get("value") or "").strip():
            return content["value"], "feed:content"
    return entry.get("summary") or "", "feed:summary"


def feed_rows(opened: Opened, uri: str, config: IngestConfig) -> Iterator[dict]:
    """One document per feed item with text; `record_no` is the item's position."""
    data, refusal = whole_document(opened, uri, "feed", config)
    if refusal is not None:
        yield refusal
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no items"
        yield quarantined_row(
            source_uri=uri,
            fmt="feed",
            input_file=uri,
            data=data,
            error=f"feed: not a readable RSS/Atom feed with items ({reason})",
        )
        return
    site_name = (parsed.feed.get("title") or "").strip() or None
    feed_domain = domain_of(parsed.feed.get("link"))
    for number, entry in enumerate(parsed.entries, start=1):
        markup, part = _item_markup(entry)
        link = entry.get("link") or None
        where = {
            "source_uri": record_uri(uri, number),
            "fmt": "feed",
            "input_file": uri,
            "record_no": number,
            "url": link,
            "title": (entry.get("title") or "").strip() or None,
        }
        text = fragment_text(markup)
        if not text:
            yield quarantined_row(
                **where, error=record_error(number, uri, "feed item without content or summary")
            )
            continue
        yield ok_row(
            data=markup.encode("utf-8"),
            text=text,
            encoding="utf-8",
            **where,
            author=entry.get("author") or None,
            published=_published(entry),
            site_name=site_name,
            source=domain_of(link) or feed_domain,
            extraction=part,
        )
