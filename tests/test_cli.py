"""The `newspipe` command as a user runs it: a subprocess against a real Prefect API."""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_CORPUS
from tests.contract import CONTRACT_COLUMNS

NEWSPIPE = str(Path(sys.executable).with_name("newspipe"))


def newspipe(*args, api_url=None, timeout=300):
    env = dict(os.environ)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return subprocess.run(
        [NEWSPIPE, *map(str, args)], capture_output=True, text=True, env=env, timeout=timeout
    )


def test_help_documents_every_command():
    out = newspipe("--help").stdout
    for command in ("run", "sql", "dictionary"):
        assert command in out
        sub = newspipe(command, "--help")
        assert sub.returncode == 0 and "Usage: newspipe " + command in sub.stdout
    assert "--warehouse" in newspipe("run", "--help").stdout
    assert "--format" in newspipe("sql", "--help").stdout


def test_missing_input_is_a_one_line_usage_error(tmp_path):
    result = newspipe("run", tmp_path / "nowhere", "--warehouse", tmp_path / "wh")
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr
    assert not (tmp_path / "wh").exists()


def test_sql_without_a_warehouse_says_how_to_make_one(tmp_path):
    result = newspipe("sql", "--warehouse", tmp_path / "none", "select 1")
    assert result.returncode == 1
    assert "newspipe run" in result.stderr


@pytest.fixture(scope="module")
def cli_warehouse(prefect_api, tmp_path_factory):
    warehouse_dir = tmp_path_factory.mktemp("cli") / "wh"
    result = newspipe("run", SAMPLE_CORPUS, "--warehouse", warehouse_dir, api_url=prefect_api)
    assert result.returncode == 0, result.stderr
    return warehouse_dir, result


def test_run_prints_the_run_and_both_summaries(cli_warehouse):
    _, result = cli_warehouse
    assert "new articles" in result.stdout
    assert "source_summary" in result.stdout and "event_summary" in result.stdout


def test_sql_formats(cli_warehouse):
    warehouse_dir, _ = cli_warehouse
    as_json = newspipe(
        "sql", "-w", warehouse_dir, "-f", "json", "select source, n_articles from source_summary"
    )
    rows = json.loads(as_json.stdout)
    assert sum(r["n_articles"] for r in rows) >= 36
    as_csv = newspipe(
        "sql", "-w", warehouse_dir, "-f", "csv", "select count(*) as n from documents"
    ).stdout.splitlines()
    assert as_csv[0] == "n" and int(as_csv[1]) >= 36
    table = newspipe("sql", "-w", warehouse_dir, "select * from event_summary limit 1")
    assert table.returncode == 0 and "n_independent_sources" in table.stdout


def test_sql_is_read_only(cli_warehouse):
    warehouse_dir, _ = cli_warehouse
    result = newspipe("sql", "-w", warehouse_dir, "drop view articles")
    assert result.returncode == 1 and "read-only" in result.stderr.lower()


def test_sql_reads_the_query_from_stdin(cli_warehouse):
    warehouse_dir, _ = cli_warehouse
    result = subprocess.run(
        [NEWSPIPE, "sql", "-w", str(warehouse_dir), "-f", "csv"],
        input="select count(*) as n from runs",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.splitlines() == ["n", "1"]


def test_the_catalog_opens_in_plain_duckdb(cli_warehouse):
    import duckdb

    warehouse_dir, _ = cli_warehouse
    with duckdb.connect(str(warehouse_dir / "newspipe.duckdb"), read_only=True) as con:
        for name in CONTRACT_COLUMNS:
            con.execute(f"select * from {name} limit 1").fetchall()


@pytest.mark.shared
def test_run_on_the_seeds_makes_five_articles(prefect_api, seeds_dir, tmp_path):
    result = newspipe("run", seeds_dir, "--warehouse", tmp_path / "w", api_url=prefect_api)
    assert result.returncode == 0, result.stderr
    out = newspipe(
        "sql",
        "-w",
        tmp_path / "w",
        "-f",
        "json",
        "select count(*) as n, count(distinct source_uri) as files from articles",
    )
    assert json.loads(out.stdout) == [{"n": 5, "files": 5}]
    summary = newspipe("sql", "-w", tmp_path / "w", "select * from source_summary")
    assert summary.returncode == 0 and "boilerplate_share" in summary.stdout


def _one_line_failure(result, exit_code=1):
    lines = result.stderr.strip().splitlines()
    assert result.returncode == exit_code, result.stderr
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def _an_article():
    return sorted(SAMPLE_CORPUS.glob("*.txt"))[0]


def test_a_warehouse_that_is_a_file_or_a_system_folder_is_one_line(tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a warehouse")
    assert "is a file" in _one_line_failure(newspipe("run", _an_article(), "-w", a_file))
    assert "is a file" in _one_line_failure(newspipe("sql", "-w", a_file, "select 1"))
    for system in ("/proc/newspipe", "/sys/kernel/newspipe"):
        line = _one_line_failure(newspipe("run", _an_article(), "-w", system))
        assert "not storage" in line
    assert "not storage" in _one_line_failure(newspipe("sql", "-w", "/proc", "select 1"))


def test_debug_shows_the_traceback(tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a warehouse")
    result = newspipe("--debug", "sql", "-w", a_file, "select 1")
    assert result.returncode == 1 and "Traceback" in result.stderr


@pytest.fixture
def silent_endpoint(monkeypatch):
    """An S3 endpoint that accepts connections and never answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{server.getsockname()[1]}")
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", "newspipe-test")
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "newspipe-test")
        monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
        yield


def test_storage_that_does_not_answer_is_one_line(silent_endpoint):
    # the timeout only guards against a hang: the figures are measured in the README
    for args in (
        ("sql", "-w", "s3://newsroom/wh", "select 1"),
        ("run", _an_article(), "-w", "s3://newsroom/wh"),
    ):
        line = _one_line_failure(newspipe(*args, timeout=90))
        assert "cannot reach s3://newsroom/wh" in line and "AWS_ENDPOINT_URL" in line


def test_the_run_that_loses_the_lock_stops_before_prefect(tmp_path):
    from newspipe.warehouse import Warehouse

    warehouse_dir = tmp_path / "wh"
    with Warehouse(warehouse_dir).lock():
        result = newspipe("run", _an_article(), "-w", warehouse_dir, "--no-summaries")
    assert "another newspipe run is writing" in _one_line_failure(result)
    assert not (warehouse_dir / ".prefect").exists()


def _copy_of(cli_warehouse, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(cli_warehouse[0], copy, ignore=shutil.ignore_patterns(".prefect"))
    return copy


def test_a_corrupt_part_is_one_line(cli_warehouse, prefect_api, tmp_path):
    copy = _copy_of(cli_warehouse, tmp_path)
    assert newspipe("sql", "-w", copy, "select 1").returncode == 0  # catalog for the copy
    part = sorted((copy / "articles").glob("*.parquet"))[0]
    part.write_bytes(part.read_bytes()[:300])
    assert "cannot read the articles table" in _one_line_failure(
        newspipe("sql", "-w", copy, "select count(*) from articles")
    )
    more = tmp_path / "more"
    more.mkdir()
    (more / "new.txt").write_text(_an_article().read_text().replace("Hamburg", "Bremen"))
    run = newspipe("run", more, "-w", copy, "--no-summaries", api_url=prefect_api)
    assert "leaked" not in run.stderr
    assert "cannot read the articles table" in _one_line_failure(run)


def test_check_passes_on_the_sample_warehouse(cli_warehouse):
    result = newspipe("check", "-w", cli_warehouse[0])
    assert result.returncode == 0, result.stdout
    assert re.fullmatch(r"(\d+) checks on .*: \1 passed, 0 failed", result.stdout.strip())


def test_check_fails_on_a_duplicated_article_id(cli_warehouse, tmp_path):
    import pyarrow.parquet as pq

    from newspipe.schema import ARTICLES
    from newspipe.warehouse import Warehouse

    copy = _copy_of(cli_warehouse, tmp_path)
    store = Warehouse(copy)
    one = pq.read_table(store.parts("articles")[0]).slice(0, 1)
    with store.lock():
        changes = store.begin("twice")
        store.stage_part(changes, ARTICLES, one, "0")
        store.commit(changes)
    result = newspipe("check", "-w", copy)
    assert result.returncode == 1
    article_id = one["article_id"][0].as_py()
    assert (
        f"FAIL unique(articles.article_id): 1 values held by more than one row, e.g. '{article_id}'"
        in result.stdout
    )
    assert result.stdout.strip().endswith("failed") and " 0 failed" not in result.stdout


def test_a_run_that_finds_nothing_new_restores_a_deleted_catalog(
    cli_warehouse, prefect_api, tmp_path
):
    copy = _copy_of(cli_warehouse, tmp_path)
    (copy / "newspipe.duckdb").unlink()
    result = newspipe("run", SAMPLE_CORPUS, "-w", copy, "--no-summaries", api_url=prefect_api)
    assert result.returncode == 0 and "0 new documents" in result.stdout, result.stderr
    import duckdb

    with duckdb.connect(str(copy / "newspipe.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchall() == [(39,)]
