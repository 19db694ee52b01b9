"""The warehouse on object storage: a real S3 API (moto's server on loopback)."""

import json
import os
import socket
import subprocess

import duckdb
import pytest

from tests.conftest import SAMPLE_CORPUS
from tests.test_cli import NEWSPIPE


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    saved = {
        k: os.environ.get(k)
        for k in (
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_DEFAULT_REGION",
            "AWS_ENDPOINT_URL",
        )
    }
    os.environ.update(
        AWS_ACCESS_KEY_ID="newspipe-test",
        AWS_SECRET_ACCESS_KEY="newspipe-test",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_ENDPOINT_URL=endpoint,
    )
    try:
        import s3fs

        s3fs.S3FileSystem.clear_instance_cache()
        s3fs.S3FileSystem().mkdir("newsroom")
        yield endpoint
    finally:
        server.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_the_flow_writes_an_s3_warehouse_that_duckdb_reads_back(prefect_api, s3_endpoint):
    import s3fs

    from flows.newspipe_flow import newspipe

    summary = newspipe([str(SAMPLE_CORPUS)], "s3://newsroom/warehouse")
    n_files = len(list(SAMPLE_CORPUS.glob("*.txt")))
    assert summary["n_articles"] == n_files

    fs = s3fs.S3FileSystem()
    assert fs.exists("newsroom/warehouse/newspipe.duckdb")
    assert not fs.exists("newsroom/warehouse/_staging")
    with duckdb.connect() as con:
        con.register_filesystem(fs)
        n_articles, n_canonical = con.execute(
            "select count(*), count(*) filter (where is_canonical) "
            "from read_parquet('s3://newsroom/warehouse/articles/*.parquet')"
        ).fetchone()
        n_documents = con.execute(
            "select count(*) from read_parquet('s3://newsroom/warehouse/documents/*.parquet')"
        ).fetchone()[0]
    assert n_articles == n_documents == n_files and 0 < n_canonical <= n_articles

    again = newspipe([str(SAMPLE_CORPUS)], "s3://newsroom/warehouse")
    assert again["n_documents"] == 0


def test_newspipe_sql_reads_the_s3_catalog(prefect_api, s3_endpoint):
    run = subprocess.run(
        [NEWSPIPE, "run", str(SAMPLE_CORPUS), "-w", "s3://newsroom/cli", "--no-summaries"],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, PREFECT_API_URL=prefect_api),
    )
    assert run.returncode == 0, run.stderr
    result = subprocess.run(
        [
            NEWSPIPE,
            "sql",
            "-w",
            "s3://newsroom/cli",
            "-f",
            "json",
            "select sum(n_articles) as n from source_summary",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"n": len(list(SAMPLE_CORPUS.glob("*.txt")))}]


def test_newspipe_sql_on_s3_reads_only_the_warehouse_parts(s3_endpoint):
    import s3fs

    s3fs.S3FileSystem().pipe_file("newsroom/private/notes.csv", b"secret,1\n")
    refused = {
        "select * from read_csv('s3://newsroom/private/notes.csv')": "disabled by configuration",
        "select * from read_text('s3://newsroom/cli/_manifest.json')": "disabled by configuration",
        "copy (select 1) to 's3://newsroom/cli/articles/x.parquet'": "read-only",
    }
    for query, reason in refused.items():
        result = subprocess.run(
            [NEWSPIPE, "sql", "-w", "s3://newsroom/cli", query],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1 and reason in result.stderr, (query, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
