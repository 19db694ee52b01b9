"""The dashboard tests' warehouses: a tiny one (five articles, inline rows) and the sample
corpus's, built by the real flow."""

from pathlib import Path

import duckdb
import pytest

from tests.conftest import SAMPLE_CORPUS
from tests.dashboard.helpers import build_sample_warehouse, tiny_rows, write_warehouse


@pytest.fixture(scope="package")
def tiny_warehouse(tmp_path_factory):
    return write_warehouse(tmp_path_factory.mktemp("tiny") / "warehouse", tiny_rows())


@pytest.fixture
def con(tiny_warehouse):
    with duckdb.connect(str(tiny_warehouse / "newspipe.duckdb"), read_only=True) as connection:
        yield connection


@pytest.fixture(scope="package")
def sample_warehouse(prefect_api, tmp_path_factory) -> Path:
    return build_sample_warehouse(tmp_path_factory.mktemp("sample") / "wh", SAMPLE_CORPUS)
