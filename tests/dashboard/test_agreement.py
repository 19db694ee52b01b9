"""The dashboard and the catalog show the same number for every source measure: both read
the catalog's source_figures macro, on the sample corpus's warehouse."""

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
