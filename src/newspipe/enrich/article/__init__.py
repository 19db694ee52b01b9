"""Per-article enrichment, before deduplication: language, publisher key and event date.

Runs on every article of a batch, since each needs only the article itself: language by
py3langid's packaged model (language.py), the `source` that summaries group by
(source.py) and the event date resolved from the text against the publication date
(dates.py: the date words of each language in date_words.py, from dateparser's locale data,
and the rules that place relative dates in time in relative.py).
"""

import pyarrow as pa

from newspipe.config import EnrichConfig
from newspipe.enrich.article.dates import resolve_event_dates
from newspipe.enrich.article.language import detect_languages
from newspipe.enrich.article.source import derive_sources

__all__ = ["derive_sources", "detect_languages", "enrich_articles", "resolve_event_dates"]


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
