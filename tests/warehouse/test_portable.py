"""A warehouse folder moves as a whole: copied, moved or unpacked from an archive, it reads
its own files; a deleted or stale catalog file is rebuilt from the Parquet parts."""

import shutil
import subprocess
import tarfile

import duckdb
import pytest

from newspipe.warehouse import Warehouse, WarehouseDamaged
from tests.dashboard.helpers import tiny_rows, write_warehouse
from tests.test_cli import NEWSPIPE
from tests.warehouse.rows import publish


@pytest.fixture
def original(tmp_path):
    return write_warehouse(tmp_path / "original", tiny_rows())


def _articles(root):
    with Warehouse(root).connect() as con:
        return con.sql("select count(*) from articles").fetchall()[0][0]


def _plain_duckdb_articles(root):
    with duckdb.connect(str(root / "newspipe.duckdb"), read_only=True) as con:
        return con.execute("select count(*) from articles").fetchall()[0][0]


def test_a_copy_reads_its_own_parts(original, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(original, copy)
    with Warehouse(copy).lock():
        publish(Warehouse(copy), "r2", ["n1", "n2"], {"n1": "n1", "n2": "n2"})
    assert (_articles(original), _articles(copy)) == (5, 7)
    assert (_plain_duckdb_articles(original), _plain_duckdb_articles(copy)) == (5, 7)


def test_a_copy_whose_parts_were_deleted_says_so_rather_than_reading_the_original(
    original, tmp_path
):
    copy = tmp_path / "copy"
    shutil.copytree(original, copy)
    for part in (copy / "articles").glob("*.parquet"):
        part.unlink()
    with pytest.raises(WarehouseDamaged, match="cannot read the articles table"):
        _articles(copy)
    assert _articles(original) == 5


def test_a_moved_warehouse_answers_and_its_catalog_follows(original, tmp_path):
    moved = tmp_path / "moved"
    original.rename(moved)
    assert _articles(moved) == 5
    assert _plain_duckdb_articles(moved) == 5  # newspipe rebuilt the catalog for the new place


def test_an_unpacked_archive_answers(original, tmp_path):
    archive = tmp_path / "wh.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(original, arcname="wh")
    shutil.rmtree(original)
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="data")
    assert _articles(tmp_path / "unpacked" / "wh") == 5


def test_newspipe_sql_rebuilds_a_deleted_catalog(original):
    (original / "newspipe.duckdb").unlink()
    result = subprocess.run(
        [NEWSPIPE, "sql", "-w", str(original), "-f", "csv", "select count(*) as n from articles"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.splitlines() == ["n", "5"], result.stderr
    assert _plain_duckdb_articles(original) == 5


def test_parquet_tables_without_catalog_or_manifest_are_read_and_catalogued(original):
    # as an older newspipe left them, or as copied table by table
    (original / "newspipe.duckdb").unlink()
    (original / "_manifest.json").unlink()
    assert _articles(original) == 5
    assert _plain_duckdb_articles(original) == 5
