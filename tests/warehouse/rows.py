"""Small published runs for the warehouse tests: a few articles of one newsroom, written
through `newspipe.warehouse.publish_run` as the flow writes them."""

from __future__ import annotations

from datetime import UTC, datetime

import pyarrow as pa

from newspipe import warehouse

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def documents(ids):
    return pa.table(
        {
            "doc_id": ids,
            "source_uri": [f"/in/{i}.txt" for i in ids],
            "format": ["txt"] * len(ids),
            "n_bytes": [100] * len(ids),
            "ingested_at": pa.array([NOW] * len(ids), pa.timestamp("us", tz="UTC")),
            "status": ["ok"] * len(ids),
            "error": [None] * len(ids),
        }
    )


def articles(ids, published=None):
    n = len(ids)
    return pa.table(
        {
            "article_id": ids,
            "doc_id": ids,
            "source_uri": [f"/in/{i}.txt" for i in ids],
            "title": [f"Story {i}" for i in ids],
            "source": ["Harbour Ledger"] * n,
            "published_date": pa.array(published or [None] * n, pa.date32()),
            "body": [f"Body of {i}." for i in ids],
            "n_words": pa.array([3] * n, pa.int32()),
            "content_hash": [f"h{i}" for i in ids],
        }
    )


def assignments(groups):
    return pa.table(
        {
            "article_id": list(groups),
            "dup_group_id": list(groups.values()),
            "is_canonical": [a == g for a, g in groups.items()],
            "event_id": [f"ev-{g}" for g in groups.values()],
        }
    )


def events(groups):
    ids = sorted({f"ev-{g}" for g in groups.values()})
    return pa.table(
        {
            "event_id": ids,
            "label": [f"event {i}" for i in ids],
            "n_articles": pa.array([1] * len(ids), pa.int32()),
            "n_sources": pa.array([1] * len(ids), pa.int32()),
        }
    )


def entity_aliases(groups):
    names = sorted(groups)
    return pa.table(
        {
            "alias": [f"Minister {a}" for a in names] + [f"Min. {a}" for a in names],
            "type": ["PERSON"] * (2 * len(names)),
            "name": [f"Minister {a}" for a in names] * 2,
        }
    )


def publish(store, run_id, ids, groups):
    """One run adding the articles `ids`; `groups` maps every article, old and new, to its
    duplicate group (a changed group rewrites the part holding that article)."""
    warehouse.publish_run(
        store,
        run_id,
        appends={"documents": documents(ids), "articles": articles(ids)},
        replacements={"events": events(groups), "entity_aliases": entity_aliases(groups)},
        assignments=assignments(groups),
    )
