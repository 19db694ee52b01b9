"""A tiny warehouse (five articles, inline rows) shared by the dashboard tests."""

import duckdb
import pytest

from tests.dashboard.helpers import tiny_rows, write_warehouse


@pytest.fixture(scope="package")
def tiny_warehouse(tmp_path_factory):
    return write_warehouse(tmp_path_factory.mktemp("tiny") / "warehouse", tiny_rows())


@pytest.fixture
def con(tiny_warehouse):
    with duckdb.connect(str(tiny_warehouse / "newspipe.duckdb"), read_only=True) as connection:
        yield connection
