"""Events: which real-world happening each article reports.

This first version is the floor the contract allows: one event per story, where a story is
a duplicate group, so every copy of a wire story shares its canonical's event and no two
unrelated articles are ever merged. Its label is the canonical copy's title (or, without a
title, the start of its body).
"""

from __future__ import annotations

import pyarrow as pa

from newspipe.sqlfiles import run_sql


def assign_events(
    published_index: pa.Table, new_articles: pa.Table, groups: pa.Table
) -> tuple[pa.Table, pa.Table]:
    """Assign events over the whole corpus.

    `published_index` describes the articles of earlier runs, `new_articles` this run's,
    `groups` the duplicate groups of both. Returns (assignments: article_id, dup_group_id,
    is_canonical, event_id for every article; the `events` table).
    """
    corpus = run_sql(
        "newspipe.enrich",
        "corpus_index",
        published_index=published_index,
        new_articles=new_articles,
        groups=groups,
    )
    assignments = run_sql("newspipe.enrich", "story_events", corpus=corpus)
    events = run_sql("newspipe.enrich", "events", corpus=corpus, assignments=assignments)
    return assignments, events
