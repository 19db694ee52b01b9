"""`clean_documents`: the cleaning stage of the flow (ingest -> clean -> dedup -> ...).

Takes a batch of decoded documents and returns the articles (body and metadata fields),
the per-line audit (`line_labels`: every non-empty raw line labelled body, metadata,
boilerplate or repeat, with the rule that decided), the documents left without an article
(for quarantine, with the reason) and this batch's line statistics for the cross-document
history. Pure: Arrow tables in, Arrow tables out; the flow owns the warehouse. The work is
done per batch, column-wise: `lines` explodes and describes all lines at once,
`classify` labels them with the rules table and document context, `crossdoc` adds the
evidence of lines recurring across a site. Documents whose `extraction` names an extractor
(`EXTRACTORS`) are flagged as extracted text: the extractor has already dropped the page's
chrome, so the position- and shape-based page rules are scoped off for them (see
`newspipe.clean.classify`), and their `title` hint finds the headline.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from newspipe import schema
from newspipe.clean.classify import FIELDS, classify_lines
from newspipe.clean.crossdoc import apply_site_evidence
from newspipe.clean.lines import explode_lines
from newspipe.clean.publishers import load_directory, name_key, registrable_domain
from newspipe.clean.rules import BODY
from newspipe.config import CleanConfig

ARTICLE_COLUMNS = (
    "article_id",
    "doc_id",
    "source_uri",
    "title",
    "site_name",
    "author",
    "published_date",
    "original_source",
    "body",
    "n_words",
)
ARTICLES_SCHEMA = pa.schema([schema.ARTICLES.schema.field(c) for c in ARTICLE_COLUMNS])
REJECTED_SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("error", pa.string(), nullable=False),
    ]
)
# Optional document columns (from record files or HTML) that state fields outright; they
# take precedence over the text's reading.
_HINTS = {
    "title": "title",
    "site_name": "site_name",
    "published": "published_date",
    "author": "author",
}


# `extraction` values naming an extractor whose output is main text, not a whole page.
EXTRACTORS = ("trafilatura",)


@dataclass(frozen=True)
class CleanResult:
    articles: pa.Table
    line_labels: pa.Table
    rejected: pa.Table
    line_stats: pa.Table


def clean_documents(
    documents: pa.Table, config: CleanConfig, line_history: pa.Table | None = None
) -> CleanResult:
    """Clean a batch of documents (`doc_id`, `source_uri`, `text`; optionally `url`,
    `title`, `published`, `site_name` as hints). `line_history` is the sum of earlier
    batches' `line_stats` per (site_key, line_hash)."""
    documents = _distinct(documents)
    doc_id = documents["doc_id"].to_numpy(zero_copy_only=False).astype(object)
    directory = load_directory(tuple(config.publisher_directories))
    lines = explode_lines(documents["text"], config)
    lines, fields = classify_lines(
        lines,
        documents.num_rows,
        directory,
        config,
        _extracted(documents),
        _column(documents, "title"),
        _captured(documents),
    )
    fields = _with_hints(fields, documents)
    lines, line_stats = apply_site_evidence(
        lines,
        _site_keys(fields, documents),
        doc_id,
        line_history,
        config.site_chrome_min_docs,
        config.site_chrome_max_words,
    )

    is_body = (lines["label"] == BODY).to_numpy()
    body = lines.loc[is_body].groupby("doc", sort=True)["text"].agg("\n\n".join)
    # An article has at least one sentence of prose in its body (or is a table of figures,
    # `newspipe.clean.classify`). Cross-document evidence
    # never decides prose, so whether a document is an article depends on its text alone,
    # not on the batch, the container or the line history it arrived with.
    has_body = np.zeros(documents.num_rows, dtype=bool)
    substance = lines["prose"].to_numpy() | (lines["reason"] == "table_row").to_numpy()
    has_body[lines.loc[is_body & substance, "doc"].to_numpy()] = True

    kept = np.flatnonzero(has_body)
    body = body.reindex(kept)
    body_text = pa.array(body.to_numpy(), pa.string())
    columns = {
        "article_id": pa.array(doc_id[kept], pa.string()),
        "doc_id": pa.array(doc_id[kept], pa.string()),
        "source_uri": documents["source_uri"].take(kept),
        **{
            f: pa.array(
                [None if pd.isna(v) else v for v in fields[f].to_numpy()[kept]],
                ARTICLES_SCHEMA.field(f).type,
            )
            for f in FIELDS
        },
        "body": body_text,
        "n_words": pc.list_value_length(pc.utf8_split_whitespace(body_text)),
    }
    articles = pa.table(
        [columns[c].cast(ARTICLES_SCHEMA.field(c).type) for c in ARTICLE_COLUMNS],
        schema=ARTICLES_SCHEMA,
    )

    return CleanResult(
        articles=articles,
        line_labels=_line_labels(lines.loc[has_body[lines["doc"].to_numpy()]], doc_id),
        rejected=_rejected(documents, lines, has_body, doc_id),
        line_stats=line_stats,
    )


def _line_labels(audited: pd.DataFrame, doc_id: np.ndarray) -> pa.Table:
    """One row per non-empty raw line: a rejoined paragraph of hard-wrapped text
    (`newspipe.clean.wrap`) gives each of its raw lines the paragraph's label."""
    split = pc.split_pattern(pa.array(audited["raw"].to_numpy(), pa.string()), "\n")
    row = pc.list_parent_indices(split).to_numpy()
    starts = np.repeat(split.offsets.to_numpy()[:-1], pc.list_value_length(split).to_numpy())
    offset = np.arange(len(row)) - starts
    return schema.conform(
        schema.LINE_LABELS,
        pa.table(
            {
                "article_id": pa.array(doc_id[audited["doc"].to_numpy()[row]], pa.string()),
                "line_no": pa.array(audited["line_no"].to_numpy()[row] + offset, pa.int32()),
                "text": pc.list_flatten(split),
                "label": pa.array(audited["label"].to_numpy()[row], pa.string()),
                "reason": pa.array(audited["reason"].to_numpy()[row], pa.string()),
            }
        ),
    )


def _distinct(documents: pa.Table) -> pa.Table:
    """One row per doc_id: identical bytes at two paths are one document, read from the
    first path in sort order."""
    if pc.count_distinct(documents["doc_id"]).as_py() == documents.num_rows:
        return documents
    order = documents.sort_by([("doc_id", "ascending"), ("source_uri", "ascending")])
    ids = order["doc_id"].to_numpy(zero_copy_only=False)
    first = np.r_[True, ids[1:] != ids[:-1]]
    return order.filter(pa.array(first))


def _extracted(documents: pa.Table) -> np.ndarray:
    """Per document: whether its text comes from an extractor (`extraction` names
    trafilatura), which has already left the page's chrome out."""
    column = _column(documents, "extraction")
    if column is None:
        return np.zeros(documents.num_rows, dtype=bool)
    return column.fillna("").str.startswith(EXTRACTORS).to_numpy(dtype=bool)


def _captured(documents: pa.Table) -> pd.Series | None:
    """When each document was captured (WARC records), by document row; None when no
    document of the batch says."""
    column = _column(documents, "captured_at")
    return None if column is None or column.isna().all() else column.dropna()


def _column(documents: pa.Table, name: str) -> pd.Series | None:
    """A document column as a Series indexed by document row, None when absent."""
    if name not in documents.column_names:
        return None
    return pd.Series(documents[name].to_pylist(), dtype=object)


def _with_hints(fields: pd.DataFrame, documents: pa.Table) -> pd.DataFrame:
    """The fields a document's input states (a record's title and date, a page's metadata)
    over what the text suggests: a record says what its title is, while a line of text is
    only a guess at one. The text's reading stands where the input is silent."""
    for column, field in _HINTS.items():
        if column not in documents.column_names:
            continue
        hint = documents[column].to_pandas().replace("", None)
        if field == "published_date":
            hint = pd.to_datetime(hint, errors="coerce", utc=True, format="mixed").dt.date
        hint = hint.astype(object)
        fields[field] = hint.where(hint.notna(), fields[field])
    return fields


def _site_keys(fields: pd.DataFrame, documents: pa.Table) -> pd.Series:
    """Key of the site each document belongs to, for cross-document evidence: the
    registrable domain of its URL when it has one, else its folded site name, else none."""
    uri = documents["url"] if "url" in documents.column_names else documents["source_uri"]
    domains = [
        registrable_domain(urlsplit(u).netloc)
        if isinstance(u, str) and u.startswith(("http://", "https://"))
        else None
        for u in uri.to_pylist()
    ]
    names = fields["site_name"].map(lambda s: name_key(s) if isinstance(s, str) else None)
    return pd.Series(domains, dtype=object).combine_first(names)


def _rejected(
    documents: pa.Table, lines: pd.DataFrame, has_body: np.ndarray, doc_id: np.ndarray
) -> pa.Table:
    rows = np.flatnonzero(~has_body)
    n_lines = lines.groupby("doc").size().reindex(rows, fill_value=0).to_numpy()
    headings = (
        lines.loc[(lines["label"] == BODY).to_numpy()]
        .groupby("doc")
        .size()
        .reindex(rows, fill_value=0)
        .to_numpy()
    )
    errors = [
        "empty document: no text"
        if n == 0
        else f"no article text: all {n} non-empty lines are metadata, boilerplate or repeats"
        if h == 0
        else f"no article text: none of the {n} non-empty lines is a sentence of body text "
        f"({h} are short lines such as headings, the rest metadata, boilerplate or repeats)"
        for n, h in zip(n_lines, headings, strict=True)
    ]
    return pa.table(
        {"doc_id": pa.array(doc_id[rows], pa.string()), "error": pa.array(errors, pa.string())},
        schema=REJECTED_SCHEMA,
    )
