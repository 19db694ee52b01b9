"""The dashboard's Altair charts: each takes a query's DataFrame and returns a chart.

Layout that Altair cannot do by itself, the syndication graph's node positions, is
computed here in Python; everything else is plain encodings. Charts stay small in the
browser because the queries aggregate before they get here.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

ORIGINAL = "#1f77b4"
COPY = "#ff7f0e"
KIND_COLORS = alt.Scale(domain=["copy", "credit"], range=[COPY, "#2ca02c"])
LABEL_COLORS = alt.Scale(
    domain=["body", "metadata", "boilerplate", "repeat"],
    range=["#1f77b4", "#9467bd", "#ff7f0e", "#d62728"],
)


def volume_chart(volume: pd.DataFrame, bucket: str) -> alt.Chart:
    """Stacked bars of original articles and copies per period."""
    long = volume.melt(
        id_vars="period",
        value_vars=["n_original", "n_copies"],
        var_name="kind",
        value_name="articles",
    )
    long["kind"] = long["kind"].map({"n_original": "original", "n_copies": "copy"})
    return (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=alt.X("period:T", title=f"published ({bucket})"),
            y=alt.Y("sum(articles):Q", title="articles"),
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(domain=["original", "copy"], range=[ORIGINAL, COPY]),
                legend=alt.Legend(orient="top", title=None),
            ),
            tooltip=[
                alt.Tooltip("period:T", title=bucket),
                "kind:N",
                alt.Tooltip("sum(articles):Q", title="articles"),
            ],
        )
        .properties(height=260)
    )


def sources_chart(sources: pd.DataFrame, top: int = 20) -> alt.Chart:
    """Horizontal bars of the biggest sources, split into canonical articles and copies."""
    data = sources.head(top)
    long = data.melt(
        id_vars=["source", "n_articles"],
        value_vars=["n_unique", "n_duplicates"],
        var_name="kind",
        value_name="articles",
    )
    long["kind"] = long["kind"].map({"n_unique": "original", "n_duplicates": "copy"})
    order = data["source"].tolist()
    return (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y("source:N", sort=order, title=None),
            x=alt.X("articles:Q", title="articles"),
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(domain=["original", "copy"], range=[ORIGINAL, COPY]),
                legend=alt.Legend(orient="top", title=None),
            ),
            tooltip=["source:N", "kind:N", "articles:Q"],
        )
        .properties(height=alt.Step(22))
    )


def lines_chart(lines: pd.DataFrame, top: int = 12) -> alt.Chart:
    """Raw lines per cleaning rule, coloured by the label the rule gave."""
    data = lines.head(top)
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("rule:N", sort="-x", title=None),
            x=alt.X("n_lines:Q", title="raw lines"),
            color=alt.Color("label:N", scale=LABEL_COLORS, legend=alt.Legend(orient="top")),
            tooltip=["label:N", "rule:N", "n_lines:Q", alt.Tooltip("share:Q", format=".1%")],
        )
        .properties(height=alt.Step(22))
    )


def ranking_chart(frame: pd.DataFrame, label: str, value: str, title: str) -> alt.Chart:
    """Horizontal bars of `value` per `label`, largest first (entities, speakers, origins)."""
    return (
        alt.Chart(frame)
        .mark_bar(color=ORIGINAL)
        .encode(
            y=alt.Y(f"{label}:N", sort="-x", title=None),
            x=alt.X(f"{value}:Q", title=title),
            tooltip=list(frame.columns),
        )
        .properties(height=alt.Step(24))
    )


def timeline_chart(timeline: pd.DataFrame) -> alt.Chart:
    """One row per source, a dot per day it covered the event, sized by its articles."""
    order = (
        timeline.groupby("source")["published_date"].min().sort_values().index.tolist()
        if not timeline.empty
        else []
    )
    long = timeline.assign(kind=timeline["n_copies"].gt(0).map({True: "copy", False: "original"}))
    days = (long["published_date"].max() - long["published_date"].min()).days if len(long) else 0
    # whole days only, about eight ticks whatever the event's span
    ticks = {"interval": "day", "step": max(1, days // 8)}
    return (
        alt.Chart(long)
        .mark_circle(opacity=0.85)
        .encode(
            x=alt.X(
                "published_date:T",
                title="published",
                axis=alt.Axis(format="%d %b %Y", tickCount=ticks),
                scale=alt.Scale(padding=40),
            ),
            y=alt.Y("source:N", sort=order, title=None),
            size=alt.Size("n_articles:Q", scale=alt.Scale(range=[80, 400]), legend=None),
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(domain=["original", "copy"], range=[ORIGINAL, COPY]),
                legend=alt.Legend(orient="top", title=None),
            ),
            tooltip=["published_date:T", "source:N", "n_articles:Q", "n_copies:Q"],
        )
        .properties(height=alt.Step(30))
    )


def syndication_layout(edges: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Positions for a two-column graph: copying sources left, origins right.

    Returns (nodes: name, side, x, y, n_articles) and (links: edge, kind, n_articles, x, y
    with two rows per edge). Each column is sorted by weight so the heaviest links sit at
    the top and lines cross as little as a simple ordering allows.
    """
    left = edges.groupby("source")["n_articles"].sum().sort_values(ascending=False)
    right = edges.groupby("origin")["n_articles"].sum().sort_values(ascending=False)
    rows = max(len(left), len(right), 1)

    def column(weights: pd.Series, side: str, x: float) -> pd.DataFrame:
        # spread each column over the full height so both columns line up top and bottom
        step = (rows - 1) / max(len(weights) - 1, 1)
        return pd.DataFrame(
            {
                "name": weights.index,
                "side": side,
                "x": x,
                "y": [i * step for i in range(len(weights))],
                "n_articles": weights.to_numpy(),
            }
        )

    nodes = pd.concat([column(left, "source", 0.0), column(right, "origin", 1.0)])
    where = {(side, name): y for side, name, y in nodes[["side", "name", "y"]].itertuples(False)}
    links = []
    for i, edge in enumerate(edges.itertuples(index=False)):
        label = f"{edge.source} → {edge.origin}"
        for x, y in ((0.0, where["source", edge.source]), (1.0, where["origin", edge.origin])):
            links.append((i, label, edge.kind, edge.n_articles, x, y))
    links_frame = pd.DataFrame(links, columns=["edge", "label", "kind", "n_articles", "x", "y"])
    return nodes, links_frame


def syndication_chart(edges: pd.DataFrame) -> alt.LayerChart:
    """Node-link graph source -> origin; line width is the number of articles."""
    nodes, links = syndication_layout(edges)
    height = 60 + 34 * int(nodes["y"].max() + 1)
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.9, 1.9]))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(reverse=True, padding=12))
    lines = (
        alt.Chart(links)
        .mark_line(opacity=0.6)
        .encode(
            x=x,
            y=y,
            detail="edge:N",
            color=alt.Color("kind:N", scale=KIND_COLORS, legend=alt.Legend(orient="top")),
            strokeWidth=alt.StrokeWidth(
                "n_articles:Q", scale=alt.Scale(range=[2, 12]), legend=None
            ),
            tooltip=["label:N", "kind:N", "n_articles:Q"],
        )
    )
    dots = (
        alt.Chart(nodes)
        .mark_circle(color="#444", opacity=1)
        .encode(x=x, y=y, size=alt.value(120), tooltip=["name:N", "side:N", "n_articles:Q"])
    )
    left_labels = (
        alt.Chart(nodes[nodes["side"] == "source"])
        .mark_text(align="right", dx=-10, fontSize=13)
        .encode(x=x, y=y, text="name:N")
    )
    right_labels = (
        alt.Chart(nodes[nodes["side"] == "origin"])
        .mark_text(align="left", dx=10, fontSize=13)
        .encode(x=x, y=y, text="name:N")
    )
    return alt.layer(lines, dots, left_labels, right_labels).properties(height=height)
