"""Enrichment of canonical copies, after deduplication: entities, canonical names, quotes.

A copy of a story names the same people and quotes the same words, so the NER model (the
slowest step of the flow) and the quote finder read each duplicate group once, through its
canonical article. `extract_entities` (per batch) runs spaCy and resolves mentions inside
their article; `canonicalize_entities` (global) gives every entity one name across the
corpus and the aliases of earlier runs; `extract_quotes` (per batch) finds direct quotes
and their speakers among those mentions.
"""

from newspipe.enrich.canonical.entities import extract_entities
from newspipe.enrich.canonical.merging import EntityResult, canonicalize_entities
from newspipe.enrich.canonical.quotes import extract_quotes

__all__ = ["EntityResult", "canonicalize_entities", "extract_entities", "extract_quotes"]
