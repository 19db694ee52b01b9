"""Building document batches for the cleaning tests: a few invented articles, inline."""

from __future__ import annotations

import pyarrow as pa

from newspipe.clean import CleanResult, clean_documents
from newspipe.config import CleanConfig

# An invented article the chrome cases are dropped into.
PARAGRAPHS = [
    "The harbour bridge reopened to traffic on Tuesday morning after six weeks of repairs "
    "to storm damage, the city council said.",
    "Engineers replaced two expansion joints and resurfaced the deck, work that had been "
    "planned for next year.",
    "Commuters had faced detours of up to forty minutes while the bridge was closed.",
    "The council said a full inspection would follow in the spring.",
]


def documents(*texts: str, uris: list[str] | None = None, **hints: list) -> pa.Table:
    ids = [f"doc{i:03d}" for i in range(len(texts))]
    columns = {
        "doc_id": ids,
        "source_uri": uris or [f"/data/{doc_id}.txt" for doc_id in ids],
        "text": list(texts),
    }
    return pa.table({**columns, **hints})


def clean(
    *texts: str,
    config: CleanConfig | None = None,
    line_history=None,
    uris: list[str] | None = None,
    **hints: list,
) -> CleanResult:
    return clean_documents(
        documents(*texts, uris=uris, **hints), config or CleanConfig(), line_history
    )


def labels(result: CleanResult, doc_id: str = "doc000") -> dict[int, tuple[str, str]]:
    """line_no -> (label, reason) for one article."""
    rows = result.line_labels.filter(
        pa.compute.equal(result.line_labels["article_id"], doc_id)
    ).to_pylist()
    return {r["line_no"]: (r["label"], r["reason"]) for r in rows}


def article(result: CleanResult, doc_id: str = "doc000") -> dict:
    (row,) = [r for r in result.articles.to_pylist() if r["doc_id"] == doc_id]
    return row
