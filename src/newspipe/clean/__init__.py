"""Cleaning: boilerplate removal with a per-line audit, and metadata pulled out of the text.

The stage between ingest and dedup. `clean_documents` turns a batch of decoded documents
into articles (body, title, site name, author, published date, origin credit) and labels
every non-empty raw line body, metadata, boilerplate or repeat with the rule that decided.
"""

from newspipe.clean.stage import CleanResult, clean_documents

__all__ = ["CleanResult", "clean_documents"]
