"""Per-document metadata fields read from the lines labelled metadata.

Last step of line classification (`newspipe.clean.classify`): the title (a `| Site` suffix
split off into the site name), the site name (else the masthead's), the author (a wire in
a byline credits the origin instead), the publication date (the first dateline that states
a date with its year, or a relative one read against the page's capture time) and the
origin credit. The first line of each kind in a document wins.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newspipe.clean import credits, dates, titles
from newspipe.clean import metadata as md
from newspipe.clean.publishers import PublisherDirectory
from newspipe.clean.rules import BODY, METADATA

AUTHOR_REASONS = ("byline", "author_bio", "author_link", "dateline_byline")
_DATE_REASONS = ("dateline", "dateline_byline")
FIELDS = ("title", "site_name", "author", "published_date", "original_source")


def author_of(text: str) -> str | None:
    dated = md.dated_byline(text)
    credit_row = credits.credits_byline(text)
    name = (
        md.author_from_byline(text)
        or md.author_from_about(text)
        or md.author_from_link(text)
        or (dated[0] if dated else None)
        or (credit_row[0] if credit_row else None)
        or md.bare_byline(text)
    )
    return md.joined_writers(name) if name else None


def _first_per_doc(lines: pd.DataFrame, values: pd.Series) -> pd.Series:
    """The first non-null value per document, in line order (`values` is indexed by row)."""
    picked = values.dropna().sort_index()
    return picked.groupby(lines.loc[picked.index, "doc"].to_numpy()).first()


def _credited_domain(text: str, directory: PublisherDirectory) -> str | None:
    """The domain an origin-credit line names: after a credit cue ("Source: ..."), in an
    agency byline ("By Northwind Press") or as a bare outlet name; None when the outlet is
    not in the directory and the line gives no host name."""
    if md.credit_rest(text) is not None:
        return md.credit_domain(text, directory)
    agency = md.credit_from_byline(text)
    if agency is not None:
        return directory.resolve_credit(agency)
    return md.outlet_domain(text, directory)


def document_fields(
    lines: pd.DataFrame,
    n_docs: int,
    directory: PublisherDirectory,
    site_from_masthead: pd.Series,
    captured: pd.Series | None,
) -> pd.DataFrame:
    """Per-document metadata from the lines labelled metadata (first occurrence wins).
    `captured` is each document's capture time (per document row), when known."""
    reason = lines["reason"].to_numpy()
    texts = lines["text"]
    fields = pd.DataFrame(index=pd.RangeIndex(n_docs), columns=list(FIELDS), dtype=object)

    title_rows = reason == "title"
    split = texts[title_rows].map(lambda t: titles.split_title(t, directory))
    headlines = pd.Series([s[0] for s in split], index=split.index, dtype=object)
    suffixes = pd.Series([s[1] for s in split], index=split.index, dtype=object)
    fields["title"] = _first_per_doc(lines, headlines)
    site = _first_per_doc(lines, suffixes)
    # The copyright footer names the site when nothing at the top does.
    footer = texts[reason == "copyright"].map(credits.site_from_copyright)
    fields["site_name"] = (
        site.combine_first(site_from_masthead)
        .combine_first(_first_per_doc(lines, footer))
        .reindex(fields.index)
    )

    author_rows = np.isin(reason, AUTHOR_REASONS) & (lines["label"].to_numpy() == METADATA)
    authors = texts[author_rows].map(author_of)
    # "By Reuters": a wire, not a person; it credits the origin.
    wire = authors.map(lambda a: directory.lookup(a) if isinstance(a, str) else None)
    fields["author"] = _first_per_doc(lines, authors.where(wire.isna()))

    # The first date stated, a publication's before a last update's (`Updated: ...` above
    # `Published: ...`).
    date_rows = np.isin(reason, _DATE_REASONS)
    stated = _dates(lines, date_rows, captured)
    update = texts[date_rows].map(dates.is_update).to_numpy(dtype=bool)
    published = _first_per_doc(lines, stated[~update])
    fields["published_date"] = published.combine_first(_first_per_doc(lines, stated[update]))

    # "By Jane Doe, Northwind Press": the writer's agency.
    affiliation = texts[author_rows].map(lambda t: credits.byline_outlet(t, directory))
    credit_rows = reason == "origin_credit"
    credited = texts[credit_rows].map(lambda t: _credited_domain(t, directory))
    sources = pd.concat([credited, wire, affiliation])
    # A credit naming the site itself names no other origin.
    own = (
        lines.loc[sources.index, "doc"]
        .map(fields["site_name"])
        .map(lambda site: directory.lookup(site) if isinstance(site, str) else None)
    )
    fields["original_source"] = _first_per_doc(lines, sources.where(sources != own))
    return fields


def _dates(lines: pd.DataFrame, rows: np.ndarray, captured: pd.Series | None) -> pd.Series:
    """The date each dateline states; a relative one (`Posted 3 hours ago`) only in a
    document whose capture time is known, counted back from it."""
    texts = lines["text"][rows]
    doc = lines["doc"]
    # Only a numeric date needs the page's order of day and month, read from its prose.
    numeric = texts.map(lambda t: dates.NUMERIC_YEAR_LAST.search(t) is not None)
    numeric = numeric.to_numpy(dtype=bool)
    dated_docs = np.unique(doc[rows][numeric])
    body = (lines["label"].to_numpy() == BODY) & np.isin(doc, dated_docs)
    prose = lines["text"][body].groupby(doc[body].to_numpy()).agg(" ".join)
    day_first = prose.map(dates.writes_day_first).to_dict()
    firsts = [day_first.get(d, True) for d in doc[rows]]
    stated = pd.Series(
        [dates.parse_date(t, f) for t, f in zip(texts, firsts, strict=True)],
        index=texts.index,
        dtype=object,
    )
    if captured is None:
        return stated
    when = lines["doc"][rows].map(captured)
    known = stated.isna() & when.notna()
    relative = [dates.relative_date(t, c) for t, c in zip(texts[known], when[known], strict=True)]
    return stated.where(~known, pd.Series(relative, index=stated.index[known], dtype=object))
