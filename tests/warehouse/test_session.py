"""The read-only query connection (`newspipe sql`, the dashboard, `newspipe check`): every
write, every read outside the warehouse and every install is refused with a clear message,
while every table, view and macro answers."""

import hashlib
import json
from pathlib import Path

import duckdb
import pytest

from newspipe.schema import TABLES, VIEWS
from newspipe.warehouse import ReadOnlyQuery, Warehouse, WarehouseDamaged
from tests.dashboard.helpers import tiny_rows, write_warehouse

MACRO_CALLS = [
    "select * from articles_about('Hamburg')",
    "select * from quotes_by('Ana Ruiz')",
    "select * from coverage_of('ev-1')",
    "select * from copies_of('a2')",
    "select * from syndication()",
    "select boilerplate_share('Alpha')",
]
READING = [
    "show tables",
    "describe articles",
    "summarize events",
    "from articles select count(*)",
    "values (1, 'x')",
    "explain select * from articles",
    "explain analyze select count(*) from line_labels",
    "select * from pragma_table_info('articles')",
    "with a as (select 1 as x) select * from a",
    "pivot articles on language in ('en') using count(*) group by source",
]


def _hostile(root: Path) -> list[str]:
    part = sorted((root / "articles").glob("*.parquet"))[0]
    return [
        f"copy (select 1 as x) to '{part}' (format parquet, use_tmp_file false)",
        f"copy (select 1 as x) to '{part}' (format parquet)",
        f"copy (select 1 as x) to '{root / 'newspipe.duckdb'}'",
        f"copy (select 1 as x) to '{root.parent / 'anywhere.csv'}'",
        f"attach '{root.parent / 'other.duckdb'}' as other (read_write)",
        "create table other.t as select 1",
        "create table t as select 1",
        "drop view articles",
        "insert into runs select * from runs",
        "select * from read_text('/etc/shadow')",
        "select * from read_csv('/etc/passwd')",
        "select * from glob('/root/**')",
        f"select * from glob('{root}/**')",
        f"select * from read_blob('{root / 'newspipe.duckdb'}')",
        f"select * from read_text('{root / '_manifest.json'}')",
        "install httpfs",
        "load httpfs",
        "set enable_external_access = true",
        "reset lock_configuration",
        f"export database '{root.parent / 'export'}'",
        f"explain analyze copy (select 1) to '{root.parent / 'explained.csv'}'",
        "create persistent secret s (type s3, key_id 'a', secret 'b')",
        f"select 1; copy (select 1) to '{root.parent / 'second.csv'}'",
        "checkpoint",
        "pragma enable_profiling",
        "pivot articles on source using count(*)",  # run by DuckDB as several statements
    ]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    return write_warehouse(tmp_path_factory.mktemp("session") / "wh", tiny_rows())


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def test_every_write_read_outside_and_install_is_refused(tiny):
    before = _fingerprint(tiny.parent)
    refusals = {}
    with Warehouse(tiny).connect() as con:
        for statement in _hostile(tiny):
            with pytest.raises((ReadOnlyQuery, duckdb.PermissionException)) as refused:
                con.sql(statement).fetchall()
            refusals[statement] = str(refused.value)
        assert con.sql("select count(*) from articles").fetchall() == [(5,)]
    for statement, message in refusals.items():
        assert (
            "the query connection is read-only" in message or "disabled by configuration" in message
        ), (statement, message)
    assert _fingerprint(tiny.parent) == before


def test_the_refusal_names_what_was_refused(tiny):
    with Warehouse(tiny).connect() as con, pytest.raises(ReadOnlyQuery) as refused:
        con.sql("/* tidy up */ INSTALL httpfs")
    assert str(refused.value).startswith("the query connection is read-only: INSTALL cannot run")


def test_every_table_view_and_macro_answers(tiny):
    with Warehouse(tiny).connect() as con:
        for name in [*TABLES, *VIEWS]:
            con.sql(f"select * from {name} limit 1").fetchall()
        answers = {sql: con.sql(sql).fetchall() for sql in MACRO_CALLS + READING}
        part = sorted((tiny / "articles").glob("*.parquet"))[0]
        own_part = con.sql(f"select count(*) from read_parquet('{part}')").fetchall()
    assert answers["select boilerplate_share('Alpha')"] == [(2 / 3,)]
    assert len(answers["select * from copies_of('a2')"]) == 2
    assert all(rows for rows in answers.values())
    assert own_part == [(5,)]


def test_parameters_are_bound_in_the_session(tiny):
    with Warehouse(tiny).connect() as con:
        rows = con.execute(
            "select count(*) from articles where source = $source", {"source": "Alpha"}
        ).fetchall()
    assert rows == [(2,)]


def test_a_manifest_naming_files_outside_its_tables_is_refused(tiny, tmp_path):
    forged = tmp_path / "forged"
    forged.mkdir()
    manifest = json.loads((tiny / "_manifest.json").read_text())
    manifest["tables"]["articles"] = ["articles/../../../etc/passwd.parquet"]
    (forged / "_manifest.json").write_text(json.dumps(manifest))
    with (
        pytest.raises(WarehouseDamaged, match="not a part of articles"),
        Warehouse(forged).connect(),
    ):
        pass
