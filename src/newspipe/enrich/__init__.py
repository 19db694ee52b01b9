"""Enrich: the fourth stage of the flow, adding what the text says beyond its words.

Per batch, before deduplication, `enrich_articles` adds each article's language (py3langid:
its model ships inside the wheel, nothing is downloaded at run time), its `source` (the
publisher key summaries group by) and its event date resolved from the text against the
publication date (dates.py, dateparser). After deduplication, on canonical articles only,
`extract_entities` runs the NER model (entities.py, spaCy) per batch,
`canonicalize_entities` gives each entity one name across the whole corpus and the
warehouse history, and `extract_quotes` finds direct quotes and their speakers (quotes.py).
Last, `assign_events` clusters the articles into real-world events (events.py).
"""

import pyarrow as pa

from newspipe.config import EnrichConfig
from newspipe.enrich.dates import resolve_event_dates
from newspipe.enrich.entities import canonicalize_entities, extract_entities
from newspipe.enrich.events import EventResult, assign_events
from newspipe.enrich.language import detect_languages
from newspipe.enrich.quotes import extract_quotes
from newspipe.enrich.source import derive_sources

__all__ = [
    "EventResult",
    "assign_events",
    "canonicalize_entities",
    "detect_languages",
    "derive_sources",
    "enrich_articles",
    "extract_entities",
    "extract_quotes",
    "resolve_event_dates",
]


def enrich_articles(articles: pa.Table, config: EnrichConfig) -> pa.Table:
    """A batch of cleaned articles with `language`, `source`, `event_date` and
    `event_date_source`. An optional `page_source` column (the registrable domain of the
    page address, from ingest) is used for `source` and dropped."""
    page_sources = articles["page_source"] if "page_source" in articles.column_names else None
    articles = articles.drop_columns([c for c in ["page_source"] if c in articles.column_names])
    articles = articles.append_column("language", detect_languages(articles["body"]))
    articles = articles.append_column("source", derive_sources(articles["site_name"], page_sources))
    dates = resolve_event_dates(articles, config)  # one row per article, in order
    return articles.append_column("event_date", dates["event_date"]).append_column(
        "event_date_source", dates["event_date_source"]
    )
