"""Enrich: the fourth stage of the flow, adding what the text says beyond its words.

`enrich_articles` adds each article's language, named by a packaged language-identification
model (py3langid: its model ships inside the wheel, so nothing is downloaded at run time),
and its `source`, the publisher key summaries group by. `assign_events` gives every article,
old and new, the real-world event it reports. Entities and quotes have their tables in the
contract but no extractor yet: they stay empty rather than filled with guesses.
"""

import pyarrow as pa

from newspipe.enrich.events import assign_events
from newspipe.enrich.language import detect_languages
from newspipe.enrich.source import derive_sources

__all__ = ["assign_events", "detect_languages", "derive_sources", "enrich_articles"]


def enrich_articles(articles: pa.Table) -> pa.Table:
    """A batch of cleaned articles with `language` and `source` added."""
    return articles.append_column("language", detect_languages(articles["body"])).append_column(
        "source", derive_sources(articles["site_name"])
    )
