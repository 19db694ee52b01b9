"""The dashboard and the catalog show the same number for every source and event measure:
both read the catalog's source_figures and event_figures macros, on the sample warehouse."""

import pandas as pd

from newspipe.dashboard import queries as q
from newspipe.dashboard.queries import Filters
from newspipe.schema import SOURCE_SUMMARY
from newspipe.warehouse import Warehouse


def test_the_dashboard_source_figures_are_source_summary(sample_warehouse):
    with Warehouse(sample_warehouse).connect() as con:
        dashboard = q.sources(con)
        catalog = con.sql("select * from source_summary").df()
        one = catalog.at[0, "source"]
        filtered = q.sources(con, Filters(sources=(one,)))
        scalar = con.execute("select boilerplate_share($s)", {"s": one}).fetchall()[0][0]
    assert list(dashboard.columns) == SOURCE_SUMMARY.schema.names
    assert len(dashboard) == len(catalog) > 20
    pd.testing.assert_frame_equal(dashboard, catalog)
    # a source filter picks that source's row, unchanged: every measure is per source
    pd.testing.assert_frame_equal(filtered, catalog.head(1))
    assert scalar == catalog.at[0, "boilerplate_share"]
    assert catalog["original_share"].lt(1.0).any() and catalog["boilerplate_share"].gt(0).all()


def test_the_dashboard_event_figures_are_event_summary(sample_warehouse):
    measures = ["n_articles", "n_unique", "n_sources", "n_independent_sources", "n_quotes"]
    with Warehouse(sample_warehouse).connect() as con:
        dashboard = q.events(con).set_index("event_id")[measures].sort_index()
        catalog = con.sql("select * from event_summary").df().set_index("event_id")
        one = con.sql("select source from articles where event_id is not null limit 1").fetchall()
        filtered = q.events(con, Filters(sources=(one[0][0],))).set_index("event_id")
    assert len(dashboard) == len(catalog) > 5
    pd.testing.assert_frame_equal(dashboard, catalog[measures].sort_index(), check_dtype=False)
    assert catalog["n_quotes"].sum() > 0 and (catalog["n_unique"] < catalog["n_articles"]).any()
    # a source filter counts that source's articles only: every event it covers, one source
    assert len(filtered) >= 1 and (filtered["n_sources"] == 1).all()
