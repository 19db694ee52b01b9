"""Read HTML pages: main text and metadata with trafilatura, one paragraph per line.

Used for `.html` files and for the HTML payloads of WARC responses. trafilatura drops the
page chrome it recognises (navigation, footers, comment threads) and gives the main text as
plain text, one paragraph (or heading, or list item) per line, with the title, author, date,
site name and canonical URL from the page's metadata. The cleaning stage then labels those
lines exactly as it labels a text file, so the audit (`line_labels`) is the same for every
format, and the metadata arrives as hints for what the lines do not say. The precise pass
is checked against trafilatura's own gross misses: a short precise text is rechecked with a
default pass (a precise pass that kept only a teaser), and a body the page splits into
identical containers is continued past the first one (`continued_paragraphs`). Thresholds
are `HtmlConfig` fields, tuned on the public article extraction benchmark
(benchmarks/eval_extraction.py). What the extractor did is recorded in `extraction`; a page
in which it finds no text is quarantined.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

import trafilatura
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from newspipe.config import HtmlConfig, IngestConfig
from newspipe.ingest.documents import domain_of, ok_row, quarantined_row
from newspipe.ingest.streams import Opened
from newspipe.ingest.text import normalise_line_ends, whole_document

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
# Dates only from the page's metadata and markup, never guessed from a copyright line or
# any date in the text ("(c) 2024" is not a publication date).
_DATE_PARAMS = set_date_params(extensive=False)
NO_TEXT = "no article text found by trafilatura"
# trafilatura logs every page it cannot parse at ERROR level on the console; what it found
# (or not) reaches the user as the document's row, so its own messages are left to debug.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class PageText:
    """What extraction made of a page; `text` is None when it found nothing."""

    text: str | None
    encoding: str
    extraction: str
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    site_name: str | None = None


def decode_html(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Decode page bytes: a byte-order mark, else UTF-8 when the bytes are UTF-8, else the
    charset the server or the page declares, else Windows-1252 (what "Latin-1" pages are).
    Returns (html, encoding)."""
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(data[:4096])
    for candidate in (charset, declared.group(1).decode("ascii") if declared else None):
        if not candidate:
            continue
        try:
            return data.decode(candidate), codecs.lookup(candidate).name
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace"), "cp1252"


def _extract(html: str, url: str | None, config: HtmlConfig, *, precision: bool, recall: bool):
    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=config.include_tables,
        favor_precision=precision,
        favor_recall=recall,
        date_extraction_params=_DATE_PARAMS,
    )


def _text_of(found) -> str:
    return normalise_line_ends(found.text).strip() if found is not None and found.text else ""


def _squashed(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _signature(element) -> tuple[str, str | None]:
    return element.tag, element.get("class")


def _path_up_to(element, ancestor) -> list[tuple[str, str | None]]:
    """Tag and class of `element` and of its ancestors below `ancestor`."""
    path = []
    while element is not None and element is not ancestor:
        path.append(_signature(element))
        element = element.getparent()
    return path


def continued_paragraphs(html: str, text: str, config: HtmlConfig) -> list[str]:
    """Paragraphs of an article body split into several identical containers (one chunk
    per stretch between ads or embeds) that the extractor left out, having read the first.

    The extracted container is the nearest common ancestor of the page's <p> elements
    whose opening is in `text`. Later elements with its tag and (non-empty) class that hang
    from their common ancestor with it by the same short path are its continuation, up to
    the next <h1> outside it, where another article would begin. Returns their paragraphs
    not already in `text`, in page order."""
    tree = load_html(html)
    if tree is None:
        return []
    extracted = _squashed(text)
    size = config.paragraph_match_chars
    openings = ((p, _squashed(p.text_content())) for p in tree.iter("p"))
    placed = [p for p, words in openings if len(words) >= size and words[:size] in extracted]
    if len(placed) < 2:
        return []
    shared = set(placed[0].iterancestors())
    for paragraph in placed[1:]:
        shared &= set(paragraph.iterancestors())
    container = next((a for a in placed[0].iterancestors() if a in shared), None)
    if container is None or not container.get("class"):
        return []
    inside = set(container.iter())
    found, past_container = [], False
    for element in tree.iter(container.tag, "h1"):
        if element is container:
            past_container = True
            continue
        if not past_container or element in inside:
            continue
        if element.tag == "h1":
            break
        if _signature(element) != _signature(container):
            continue
        ancestors = set(element.iterancestors())
        common = next(a for a in container.iterancestors() if a in ancestors)
        path = _path_up_to(element, common)
        if path != _path_up_to(container, common) or len(path) > config.continuation_max_depth:
            continue
        for paragraph in element.iter("p"):
            words = _squashed(paragraph.text_content())
            if words and words[:size] not in extracted:
                found.append(words)
    return found


def _blank_to_none(value: str | None) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def extract_page(
    data: bytes, url: str | None, config: HtmlConfig, charset: str | None = None
) -> PageText:
    """Main text (one paragraph per line) and metadata of one HTML page."""
    html, encoding = decode_html(data, charset)
    extraction = "trafilatura"
    try:
        found = _extract(
            html, url, config, precision=config.favor_precision, recall=config.favor_recall
        )
        text = _text_of(found)
        if not text and config.recall_fallback:
            extraction = "trafilatura:recall"
            found = _extract(html, url, config, precision=False, recall=True)
            text = _text_of(found)
        elif config.favor_precision and len(text) < config.recheck_below_chars:
            broader = _extract(html, url, config, precision=False, recall=config.favor_recall)
            broader_text = _text_of(broader)
            if len(text) < config.recheck_min_share * len(broader_text):
                extraction, found, text = "trafilatura:default", broader, broader_text
        continued = (
            continued_paragraphs(html, text, config) if text and config.continue_split_body else []
        )
    except (ValueError, TypeError, AttributeError) as exc:
        # lxml refuses some damaged markup outright; that page has no text to give.
        return PageText(None, encoding, f"trafilatura:error: {exc}")
    if not text:
        return PageText(None, encoding, "trafilatura:no-text")
    if continued:
        text = "\n".join([text, *continued])
        extraction += ":continued"
    page_url = _blank_to_none(found.url) or url
    return PageText(
        text=text,
        encoding=encoding,
        extraction=extraction,
        url=page_url,
        title=_blank_to_none(found.title),
        author=_blank_to_none(found.author),
        published=_blank_to_none(found.date),
        site_name=_blank_to_none(found.sitename) or domain_of(page_url),
    )


def page_row(
    page: PageText, data: bytes, *, source_uri: str, fmt: str, input_file: str, **fields
) -> dict:
    """The raw document of an extracted page; quarantined when it has no text."""
    meta = {"encoding": page.encoding, "extraction": page.extraction, "url": page.url} | fields
    if page.text is None:
        return quarantined_row(
            source_uri=source_uri,
            fmt=fmt,
            input_file=input_file,
            data=data,
            error=f"html: {NO_TEXT}"
            if page.extraction == "trafilatura:no-text"
            else f"html: {page.extraction}",
            **meta,
        )
    return ok_row(
        data=data,
        text=page.text,
        source_uri=source_uri,
        fmt=fmt,
        input_file=input_file,
        title=page.title,
        author=page.author,
        published=page.published,
        site_name=page.site_name,
        source=domain_of(page.url),
        **meta,
    )


def html_rows(opened: Opened, uri: str, config: IngestConfig) -> Iterator[dict]:
    """The one document of an HTML file."""
    data, refusal = whole_document(opened, uri, "html", config)
    if refusal is not None:
        yield refusal
        return
    page = extract_page(data, None, config.html)
    yield page_row(page, data, source_uri=uri, fmt="html", input_file=uri)
