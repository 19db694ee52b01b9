"""Every dashboard query on a five-article warehouse, with the filters bound."""

from datetime import date

from newspipe.dashboard import queries as q
from newspipe.dashboard.queries import Filters

ALPHA = Filters(sources=("Alpha",))
MARCH = Filters(date_from=date(2025, 3, 1), date_to=date(2025, 3, 31))


def test_overview_counts_articles_and_the_whole_warehouse(con):
    o = q.overview(con)
    assert (o.n_articles, o.n_unique, o.n_duplicates, o.n_sources, o.n_events) == (5, 4, 1, 3, 2)
    assert (o.n_documents, o.n_quarantined, o.n_syndicated, o.last_run_id) == (6, 1, 1, "run-1")


def test_filters_narrow_the_articles_but_not_the_inputs(con):
    assert q.overview(con, ALPHA).n_articles == 2
    assert q.overview(con, MARCH).n_articles == 3
    assert q.overview(con, Filters(date_from=date(2025, 4, 1))).n_events == 1
    assert q.overview(con, ALPHA).n_documents == 6


def test_a_source_name_is_bound_not_pasted(con):
    hostile = Filters(sources=("Alpha') or true or ('",))
    assert q.overview(con, hostile).n_articles == 0
    assert q.source_articles(con, "x' or '1'='1").empty


def test_sources_copies_credits_and_boilerplate(con):
    rows = q.sources(con).set_index("source")
    # Beta: one copy and one credited article
    assert (rows.loc["Beta", "n_duplicates"], rows.loc["Beta", "n_syndicated"]) == (1, 1)
    assert (rows.loc["Alpha", "n_unique"], rows.loc["Alpha", "n_duplicates"]) == (2, 0)
    assert rows.loc["Gamma", "boilerplate_share"] == 2 / 3
    # no words were copied in the tiny warehouse
    assert rows["original_share"].eq(1.0).all()


def test_source_filters_narrow_the_articles_the_figures_cover(con):
    march = q.sources(con, MARCH).set_index("source")
    assert march.loc["Alpha", "n_articles"] == 1 and "Beta" in march.index
    assert q.sources(con, ALPHA)["source"].tolist() == ["Alpha"]


def test_volume_buckets(con):
    assert q.volume(con, bucket="month")["n_articles"].tolist() == [3, 2]
    assert q.volume(con, bucket="day")["n_copies"].sum() == 1


def test_source_lines_group_rules(con):
    lines = q.source_lines(con, "Alpha")
    assert set(lines["rule"]) == {"paragraph", "cookie_notice", "repeat_of"}
    assert lines["n_lines"].sum() == 6


def test_syndication_has_copies_and_credits(con):
    edges = q.syndication(con)
    assert sorted(edges[["source", "origin", "kind"]].itertuples(index=False, name=None)) == [
        ("Beta", "Alpha", "copy"),
        ("Beta", "alpha.com", "credit"),
    ]
    assert q.syndication(con, ALPHA).empty


def test_events_and_event_pages(con):
    events = q.events(con).set_index("event_id")
    assert events.loc["ev-1", "n_independent_sources"] == 2
    assert events.loc["ev-1", "n_quotes"] == 3
    assert q.event_timeline(con, "ev-1")["n_articles"].sum() == 3
    assert q.event_entities(con, "ev-1").iloc[0].tolist() == ["Hamburg", "GPE", 4, 2]
    speakers = q.event_speakers(con, "ev-1")
    assert speakers.iloc[0].tolist() == ["Ana Ruiz", 2, 2]
    assert len(q.event_quotes(con, "ev-1")) == 3
    groups = q.event_duplicates(con, "ev-1")
    assert groups["article_id"].tolist() == ["a1", "a2"]


def test_empty_entities_and_quotes_give_empty_frames(con):
    assert q.event_entities(con, "ev-2").empty
    assert q.event_quotes(con, "ev-2").empty
    assert q.event_duplicates(con, "ev-2").empty


def test_latest_run_and_bounds(con):
    assert q.latest_run(con) == "run-1"
    assert q.date_bounds(con) == (date(2025, 3, 1), date(2025, 4, 10))
    assert q.source_names(con)["source"].tolist() == ["Alpha", "Beta", "Gamma"]
