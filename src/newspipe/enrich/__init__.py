"""Enrich: the fourth stage of the flow, adding what the text says beyond its words.

`enrich_articles` adds, per batch, each article's language, named by a packaged
language-identification model (py3langid: its model ships inside the wheel, so nothing is
downloaded at run time), and its `source`, the publisher key summaries group by.
`assign_events` then gives every article, old and new, the real-world event it reports,
clustering new canonical articles into the live events of the warehouse (events.py).
Entity and quote extraction and event-date resolution are not in yet: their columns stay
null and their tables empty rather than filled with guesses.
"""

import pyarrow as pa

from newspipe.enrich.events import EventResult, assign_events
from newspipe.enrich.language import detect_languages
from newspipe.enrich.source import derive_sources

__all__ = ["EventResult", "assign_events", "detect_languages", "derive_sources", "enrich_articles"]


def enrich_articles(articles: pa.Table) -> pa.Table:
    """A batch of cleaned articles with `language`, `source` and (not resolved yet, so
    null) `event_date` and its provenance."""
    n = articles.num_rows
    return (
        articles.append_column("language", detect_languages(articles["body"]))
        .append_column("source", derive_sources(articles["site_name"]))
        .append_column("event_date", pa.nulls(n, pa.date32()))
        .append_column("event_date_source", pa.nulls(n, pa.string()))
    )
