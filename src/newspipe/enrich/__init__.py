"""Enrich: what the text says beyond its words, in three phases in the order data flows.

1. `enrich.article` (per batch, every article, before deduplication): language, `source`
   (the publisher key summaries group by) and the event date resolved from the text.
2. `enrich.canonical` (after deduplication, on canonical copies only, since a copy names the
   same people): named entities per batch, one canonical name per entity across the corpus
   and earlier runs (a global step), and quotes with their speakers per batch.
3. `enrich.events` (global, last): clusters of articles that report one real-world event.

`newspipe.pipeline` calls them in that order, around `newspipe.dedup`.
"""
