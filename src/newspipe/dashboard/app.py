"""The Streamlit app: overview, per-source and per-event pages, and the syndication graph.

Started by `newspipe dashboard` (see `newspipe.dashboard.run_dashboard`) as
`streamlit run app.py -- --warehouse DIR`; without the flag the warehouse is
$NEWSPIPE_WAREHOUSE, else ./warehouse. It only reads: every query goes through
`newspipe.dashboard.queries`, whose parameters are bound, on the read-only session of
`newspipe sql`. One session is kept per published state of the warehouse (the manifest's
digest, which every publish changes) and query results are cached per digest and
parameters, so a new run of the flow shows up at the next interaction and nothing stale is
served.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

import pandas as pd
import streamlit as st

from newspipe.dashboard import charts, queries
from newspipe.dashboard.queries import Filters
from newspipe.schema import SOURCE_SUMMARY
from newspipe.warehouse import Warehouse, WarehouseError
from newspipe.warehouse.session import ReadOnlySession


def _warehouse_dir() -> str:
    parser = argparse.ArgumentParser(prog="newspipe dashboard")
    parser.add_argument("--warehouse", default=os.environ.get("NEWSPIPE_WAREHOUSE", "warehouse"))
    return parser.parse_known_args(sys.argv[1:])[0].warehouse


WAREHOUSE = _warehouse_dir()


def _published_digest() -> str:
    # Not cached: it is the cache key, and reading the manifest is one small file.
    return Warehouse(WAREHOUSE, fail_fast=True).published_manifest().digest


@st.cache_resource(show_spinner=False, max_entries=2)
def _session(warehouse: str, digest: str) -> ReadOnlySession:
    # Opening a session reads every part's footer: once per published state, not per query.
    return Warehouse(warehouse, fail_fast=True).open_session()


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(warehouse: str, digest: str, query: str, *args: object) -> object:
    connection = _session(warehouse, digest).cursor()
    try:
        return getattr(queries, query)(connection, *args)
    finally:
        connection.close()


def load(query: str, *args: object) -> object:
    """The result of `queries.<query>(con, *args)`, cached until the next publish."""
    return _cached(WAREHOUSE, st.session_state["digest"], query, *args)


def show(chart) -> None:
    """Draw an Altair chart at its own fixed height: Streamlit's "content" height ignores a
    chart's pixel height, squashing graphs laid out in pixels (e.g. the syndication graph)."""
    height = chart.to_dict().get("height")
    st.altair_chart(chart, height=height if isinstance(height, int) else "content")


def _bucket(first: date | None, last: date | None) -> str:
    """Bars per day for a few weeks of news, per week up to two years, else per month."""
    if first is None or last is None or (last - first).days <= 60:
        return "day"
    return "week" if (last - first).days <= 730 else "month"


def _count(value: object) -> str:
    return f"{int(value):,}"


def _share(value: object) -> str:
    return "–" if pd.isna(value) else f"{float(value):.0%}"


def _pick(label: str, options: list[str], param: str, format_func=str) -> str:
    """A selectbox whose choice is kept in the URL (`?param=value`), so pages can be linked.

    An unknown value in the URL (a source filtered out, an old link) picks the first option.
    """
    wanted = st.query_params.get(param)
    index = options.index(wanted) if wanted in options else 0
    choice = st.selectbox(label, options, index=index, format_func=format_func)
    st.query_params[param] = choice
    return choice


def sidebar_filters() -> Filters:
    """Date range and sources in the sidebar; full ranges become open (`None`) bounds."""
    first, last = load("date_bounds")
    names = load("source_names")
    st.sidebar.header("Filters")
    picked_dates = st.sidebar.date_input(
        "Published between",
        value=(first, last) if first else (),
        min_value=first,
        max_value=last,
        key="dates",
        help="Articles without a publication date are kept only while the full range is picked.",
    )
    picked_sources = st.sidebar.multiselect(
        "Sources",
        options=names["source"].tolist(),
        key="sources",
        placeholder="All sources",
    )
    date_from = date_to = None
    # A half-picked range (one click in the calendar) filters nothing until the second click.
    if isinstance(picked_dates, tuple) and len(picked_dates) == 2:
        date_from = picked_dates[0] if picked_dates[0] != first else None
        date_to = picked_dates[1] if picked_dates[1] != last else None
    st.sidebar.caption(f"Warehouse: `{WAREHOUSE}`  \nLast run: `{load('latest_run')}`")
    return Filters(date_from, date_to, tuple(sorted(picked_sources)) or None)


def overview_page() -> None:
    filters = st.session_state["filters"]
    st.title("newspipe: overview")
    o = load("overview", filters)
    # the last run's timestamp needs about two columns' width
    cols = st.columns([1, 1, 1, 1, 1, 2])
    cols[0].metric("Articles", _count(o["n_articles"]))
    cols[1].metric("Sources", _count(o["n_sources"]))
    cols[2].metric("Events", _count(o["n_events"]))
    cols[3].metric("Duplicates", _count(o["n_duplicates"]), help="Copies of a canonical article")
    cols[4].metric(
        "Quarantined",
        _count(o["n_quarantined"]),
        help=f"Inputs that could not be read as an article, of {int(o['n_documents']):,} "
        "in the warehouse (not filtered)",
    )
    at = o["last_run_at"]
    cols[5].metric(
        "Last run",
        "–" if pd.isna(at) else f"{at:%d %b %Y}",
        help=None
        if pd.isna(at)
        else f"run {o['last_run_id']}, finished {at:%Y-%m-%d %H:%M} UTC; {o['n_runs']} runs in all",
    )

    first, last = load("date_bounds")
    bucket = _bucket(filters.date_from or first, filters.date_to or last)
    left, right = st.columns([3, 2])
    with left:
        st.subheader("Articles over time")
        show(charts.volume_chart(load("volume", filters, bucket), bucket))
    with right:
        st.subheader("Biggest sources")
        sources = load("sources", filters)
        st.altair_chart(charts.sources_chart(sources, top=12))
    st.subheader("Most covered events")
    st.dataframe(
        load("events", filters).head(15),
        hide_index=True,
        column_order=[
            "label",
            "n_independent_sources",
            "n_sources",
            "n_articles",
            "n_unique",
            "first_published",
            "last_published",
            "n_quotes",
        ],
        column_config=_COLUMN_LABELS,
    )


def sources_page() -> None:
    filters = st.session_state["filters"]
    table = load("sources", filters)
    st.title("Sources")
    if table.empty:
        st.info("No articles match the filters.")
        return
    source = _pick("Source", table["source"].tolist(), "source")
    row = table.set_index("source").loc[source]
    only = Filters(filters.date_from, filters.date_to, (source,))
    cols = st.columns(6)
    cols[0].metric("Articles", _count(row["n_articles"]))
    cols[1].metric("Original share", _share(row["original_share"]), help=_HELP["original_share"])
    cols[2].metric("Copies", _count(row["n_duplicates"]), help=_HELP["n_duplicates"])
    cols[3].metric("Credited elsewhere", _count(row["n_syndicated"]), help=_HELP["n_syndicated"])
    cols[4].metric("Boilerplate", _share(row["boilerplate_share"]), help=_HELP["boilerplate_share"])
    cols[5].metric("Events", _count(row["n_events"]))

    first, last = row["first_published"], row["last_published"]
    bucket = _bucket(None if pd.isna(first) else first, None if pd.isna(last) else last)
    left, right = st.columns(2)
    with left:
        st.subheader("Volume over time")
        volume = load("volume", only, bucket)
        if volume.empty:
            st.info("None of its articles has a publication date.")
        else:
            show(charts.volume_chart(volume, bucket))
    with right:
        st.subheader("Who it copies from")
        edges = load("syndication", only)
        if edges.empty:
            st.info(f"{source} neither copies nor credits another source here.")
        else:
            st.altair_chart(charts.ranking_chart(edges, "origin", "n_articles", "articles"))
    st.subheader("What cleaning removed")
    st.altair_chart(charts.lines_chart(load("source_lines", source, only)))
    st.subheader("Articles")
    st.dataframe(
        load("source_articles", source, only),
        hide_index=True,
        column_order=[
            "published_date",
            "title",
            "event_label",
            "is_canonical",
            "original_source",
            "n_words",
        ],
        column_config=_COLUMN_LABELS,
    )


def events_page() -> None:
    filters = st.session_state["filters"]
    table = load("events", filters)
    st.title("Events")
    if table.empty:
        st.info("No events match the filters.")
        return
    labels = dict(zip(table["event_id"], table["label"], strict=True))
    event_id = _pick("Event", table["event_id"].tolist(), "event", lambda e: f"{labels[e]} ({e})")
    row = table.set_index("event_id").loc[event_id]
    cols = st.columns(5)
    cols[0].metric("Articles", _count(row["n_articles"]))
    cols[1].metric("Unique stories", _count(row["n_unique"]))
    cols[2].metric("Sources", _count(row["n_sources"]))
    cols[3].metric("Independent sources", _count(row["n_independent_sources"]))
    cols[4].metric("Quotes", _count(row["n_quotes"]))

    st.subheader("Coverage by source")
    st.altair_chart(charts.timeline_chart(load("event_timeline", event_id, filters)))
    left, right = st.columns(2)
    with left:
        st.subheader("Top entities")
        entities = load("event_entities", event_id, filters)
        if entities.empty:
            st.info("No entities extracted for this event.")
        else:
            st.altair_chart(charts.ranking_chart(entities, "name", "mentions", "mentions"))
    with right:
        st.subheader("Top speakers")
        speakers = load("event_speakers", event_id, filters)
        if speakers.empty:
            st.info("No quotes extracted for this event.")
        else:
            st.altair_chart(charts.ranking_chart(speakers, "speaker", "n_quotes", "quotes"))
    st.subheader("Quotes")
    quotes = load("event_quotes", event_id, filters)
    if quotes.empty:
        st.info("No quotes extracted for this event.")
    else:
        st.dataframe(quotes, hide_index=True, column_config=_COLUMN_LABELS)
    st.subheader("Duplicate groups")
    duplicates = load("event_duplicates", event_id, filters)
    if duplicates.empty:
        st.info("Every article about this event is its own story: no copies.")
    else:
        st.dataframe(
            duplicates,
            hide_index=True,
            column_order=[
                "dup_group_id",
                "is_canonical",
                "source",
                "published_date",
                "title",
                "method",
                "similarity",
            ],
            column_config=_COLUMN_LABELS,
        )


def syndication_page() -> None:
    filters = st.session_state["filters"]
    st.title("Syndication")
    st.caption(
        "Who takes stories from whom. **copy**: the source ran a duplicate of a story whose "
        "canonical copy is another source's. **credit**: the article credits another site "
        "as its origin. Line width: articles."
    )
    edges = load("syndication", filters)
    if edges.empty:
        st.info("No copies or credits among the articles that match the filters.")
        return
    cols = st.columns(3)
    cols[0].metric("Links", _count(len(edges)))
    cols[1].metric("Sources that copy or credit", _count(edges["source"].nunique()))
    cols[2].metric("Origins", _count(edges["origin"].nunique()))
    # a readable graph: the heaviest links; the table below lists them all
    show(charts.syndication_chart(edges.head(40)))
    st.dataframe(edges, hide_index=True, column_config=_COLUMN_LABELS)


# What a source figure means, as the data dictionary says it: one text per measure.
_HELP = {f.name: f.metadata[b"description"].decode() for f in SOURCE_SUMMARY.schema}

_COLUMN_LABELS = {
    "label": "event",
    "event_label": "event",
    "n_independent_sources": "independent sources",
    "n_sources": "sources",
    "n_articles": "articles",
    "n_unique": "unique",
    "n_quotes": "quotes",
    "first_published": st.column_config.DateColumn("first published"),
    "last_published": st.column_config.DateColumn("last published"),
    "published_date": st.column_config.DateColumn("published"),
    "is_canonical": "canonical",
    "original_source": "credits",
    "n_words": "words",
    "dup_group_id": "group",
    "similarity": st.column_config.NumberColumn("similarity", format="%.2f"),
}


def main() -> None:
    st.set_page_config(page_title="newspipe", page_icon=":material/newspaper:", layout="wide")
    try:
        st.session_state["digest"] = _published_digest()
        _session(WAREHOUSE, st.session_state["digest"])
    except WarehouseError as exc:
        st.error(str(exc))
        st.stop()
    page = st.navigation(
        [
            st.Page(
                overview_page,
                title="Overview",
                icon=":material/dashboard:",
                url_path="overview",
                default=True,
            ),
            st.Page(sources_page, title="Sources", icon=":material/newspaper:", url_path="sources"),
            st.Page(events_page, title="Events", icon=":material/event:", url_path="events"),
            st.Page(
                syndication_page,
                title="Syndication",
                icon=":material/share:",
                url_path="syndication",
            ),
        ]
    )
    st.session_state["filters"] = sidebar_filters()
    page.run()


main()
