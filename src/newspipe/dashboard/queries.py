"""Every query the dashboard runs: one function per `sql/<name>.sql` file.

Each function takes an open DuckDB connection to the warehouse catalog (read-only) and the
values of the query's parameters, and returns a pandas DataFrame. Parameters are always
bound by DuckDB (`$name` placeholders), never pasted into the SQL text, so a source name
or an event id typed or picked in the dashboard cannot change what a query does. The
sidebar filters reach every query as one `Filters` value; a `None` field means "no limit".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from newspipe.sqlfiles import read_sql

_PACKAGE = "newspipe.dashboard"


@dataclass(frozen=True)
class Filters:
    """The sidebar filters: a publication-date range and a set of sources.

    `date_from`/`date_to` are inclusive; `None` leaves that end open and also keeps
    articles without a publication date. `sources=None` means every source.
    """

    date_from: date | None = None
    date_to: date | None = None
    sources: tuple[str, ...] | None = None

    def params(self) -> dict[str, object]:
        return {
            "date_from": self.date_from,
            "date_to": self.date_to,
            "sources": list(self.sources) if self.sources is not None else None,
        }


NO_FILTERS = Filters()
BUCKETS = ("day", "week", "month")


def run_query(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> pd.DataFrame:
    """Run `sql/<name>.sql` with its parameters bound and return the whole result."""
    return con.execute(read_sql(_PACKAGE, name), params).df()


def latest_run(con: duckdb.DuckDBPyConnection) -> str | None:
    """Id of the run that last published, or None for a warehouse without runs."""
    frame = run_query(con, "latest_run")
    return None if frame.empty else str(frame.at[0, "run_id"])


def source_names(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """source, n_articles: every source, the biggest first."""
    return run_query(con, "source_names")


def date_bounds(con: duckdb.DuckDBPyConnection) -> tuple[date | None, date | None]:
    """First and last publication date in the warehouse (None when there is none)."""
    row = run_query(con, "date_bounds").iloc[0]
    return _date(row["first_published"]), _date(row["last_published"])


def overview(con: duckdb.DuckDBPyConnection, filters: Filters = NO_FILTERS) -> pd.Series:
    """The headline numbers: articles, unique, duplicates, sources, events, syndicated
    (filtered); documents, quarantined, runs and the last run (whole warehouse)."""
    return run_query(con, "overview", **filters.params()).iloc[0]


def volume(
    con: duckdb.DuckDBPyConnection, filters: Filters = NO_FILTERS, bucket: str = "week"
) -> pd.DataFrame:
    """period, n_articles, n_original, n_copies: articles per `bucket` (day, week, month)."""
    if bucket not in BUCKETS:
        raise ValueError(f"bucket must be one of {BUCKETS}, not {bucket!r}")
    return run_query(con, "volume", bucket=bucket, **filters.params())


def sources(con: duckdb.DuckDBPyConnection, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """source_summary's columns over the filtered articles (the catalog's source_figures)."""
    return run_query(con, "sources", **filters.params())


def source_lines(
    con: duckdb.DuckDBPyConnection, source: str, filters: Filters = NO_FILTERS
) -> pd.DataFrame:
    """label, rule, n_lines, share: what cleaning did to one source's raw lines."""
    return run_query(con, "source_lines", source=source, **filters.params())


def source_articles(
    con: duckdb.DuckDBPyConnection, source: str, filters: Filters = NO_FILTERS
) -> pd.DataFrame:
    """One source's articles, newest first."""
    return run_query(con, "source_articles", source=source, **filters.params())


def syndication(con: duckdb.DuckDBPyConnection, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """source, origin, kind (`copy` or `credit`), n_articles: who takes stories from whom."""
    return run_query(con, "syndication", **filters.params())


def events(con: duckdb.DuckDBPyConnection, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """One row per event covered by the filtered articles, most independently covered first."""
    return run_query(con, "events", **filters.params())


def event_timeline(
    con: duckdb.DuckDBPyConnection, event_id: str, filters: Filters = NO_FILTERS
) -> pd.DataFrame:
    """published_date, source, n_articles, n_original, n_copies for one event."""
    return run_query(con, "event_timeline", event_id=event_id, **filters.params())


def event_entities(
    con: duckdb.DuckDBPyConnection, event_id: str, filters: Filters = NO_FILTERS, limit: int = 15
) -> pd.DataFrame:
    """name, type, mentions, n_articles: the event's most mentioned entities."""
    return run_query(con, "event_entities", event_id=event_id, limit=limit, **filters.params())


def event_speakers(
    con: duckdb.DuckDBPyConnection, event_id: str, filters: Filters = NO_FILTERS, limit: int = 15
) -> pd.DataFrame:
    """speaker, n_quotes, n_articles: who is quoted about the event."""
    return run_query(con, "event_speakers", event_id=event_id, limit=limit, **filters.params())


def event_quotes(
    con: duckdb.DuckDBPyConnection, event_id: str, filters: Filters = NO_FILTERS
) -> pd.DataFrame:
    """speaker, quote, source, published_date, title: the event's quotes."""
    return run_query(con, "event_quotes", event_id=event_id, **filters.params())


def event_duplicates(
    con: duckdb.DuckDBPyConnection, event_id: str, filters: Filters = NO_FILTERS
) -> pd.DataFrame:
    """The duplicate groups inside one event, one row per member article."""
    return run_query(con, "event_duplicates", event_id=event_id, **filters.params())


def _date(value: object) -> date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()
