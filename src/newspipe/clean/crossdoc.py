"""Cross-document evidence: short lines that recur across many documents of one site.

Last step of line classification. A line printed verbatim (after white-space and case
folding) in many documents of the same site is the site's chrome (a tagline, a recurring
promo, a section label), even when no rule names it. The counts come from the whole batch
and the warehouse history together, in DuckDB over in-memory Arrow tables (one grouped
aggregate and one hash join, no pairwise comparison). The batch's own counts are returned
as `line_stats` for the warehouse, which sums them into the next run's `line_history`.

Determinism: the count a line reaches depends on how the corpus was split into batches and
runs, so this evidence is allowed to decide only lines that are not article prose: lines of
at most `CleanConfig.site_chrome_max_words` words without sentence punctuation that the
rules and document context left in the body (headings, standfirsts). Prose is never
removed by it, and with `site_chrome_min_docs` well above the number of times a real
section heading recurs on a site, a chrome line crosses the threshold early and stays
over it, so the bodies, which dedup reads, do not change with split points in practice.
Documents without a site (a local file with no site name in it) contribute no evidence:
the folder a file sits in is not a site.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from newspipe.clean.rules import BODY, BOILERPLATE
from newspipe.schema import LINE_STATS, conform, empty
from newspipe.sqlfiles import run_sql

# Body lines the evidence may turn into chrome: never paragraphs of prose.
_DECIDABLE = ("heading", "standfirst")


def apply_site_evidence(
    lines: pd.DataFrame,
    site_key: pd.Series,
    doc_id: np.ndarray,
    line_history: pa.Table | None,
    min_docs: int,
    max_words: int,
) -> tuple[pd.DataFrame, pa.Table]:
    """Relabel body headings that recur in at least `min_docs` documents of their site
    (batch plus history) as boilerplate `site_chrome`; return the lines and the batch's
    line statistics."""
    site = lines["doc"].map(site_key)
    eligible = (
        site.notna()
        & ~lines["prose"]
        & (lines["n_words"] <= max_words)
        & (lines["label"] != "repeat")
    ).to_numpy()
    rows = np.flatnonzero(eligible)
    table = pa.table(
        {
            "row": pa.array(rows, pa.int64()),
            "site_key": pa.array(site.to_numpy(dtype=object)[rows], pa.string()),
            "doc_id": pa.array(doc_id[lines["doc"].to_numpy()[rows]], pa.string()),
            "key": pa.array(lines["key"].to_numpy()[rows], pa.string()),
        }
    )
    history = line_history if line_history is not None else empty(LINE_STATS)
    stats = conform(LINE_STATS, run_sql("newspipe.clean", "line_stats", lines=table))
    seen = run_sql("newspipe.clean", "site_line_counts", lines=table, batch=stats, history=history)
    frequent = seen["row"].to_numpy()[seen["n_docs"].to_numpy() >= min_docs]
    decide = np.zeros(len(lines), dtype=bool)
    decide[frequent] = True
    decide &= (lines["label"].to_numpy() == BODY) & lines["reason"].isin(_DECIDABLE).to_numpy()
    if decide.any():
        lines = lines.copy()
        lines.loc[decide, "label"] = BOILERPLATE
        lines.loc[decide, "reason"] = "site_chrome"
    return lines, stats
