"""Reading from S3 through fsspec, against moto's S3 server on 127.0.0.1 (no network)."""

from __future__ import annotations

import gzip
import json
import socket

import pyarrow as pa
import pytest

from newspipe.ingest import IngestConfig, InputError, discover_inputs, read_documents
from tests.ingest.helpers import PARAGRAPHS, article_page

BUCKET = "news-dumps"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def config(s3_endpoint, monkeypatch) -> IngestConfig:
    # Fake credentials: moto accepts any; set so botocore never looks further.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    return IngestConfig(
        storage_options={"client_kwargs": {"endpoint_url": s3_endpoint}}, batch_size=2
    )


@pytest.fixture
def bucket(config):
    import s3fs

    fs = s3fs.S3FileSystem(**config.storage_options)
    if not fs.exists(BUCKET):
        fs.mkdir(BUCKET)
    records = "\n".join(
        [json.dumps({"text": f"Story {i}.", "url": f"https://www.nos.nl/{i}"}) for i in range(3)]
        + ["{broken"]
    )
    fs.pipe(
        {
            f"{BUCKET}/2025/03/records.jsonl.gz": gzip.compress(records.encode()),
            f"{BUCKET}/2025/03/page.html": article_page("Strike ends", PARAGRAPHS).encode(),
            f"{BUCKET}/2025/notes.doc": b"not an article",
            f"{BUCKET}/other/a.txt": b"A text article.\n",
        }
    )
    return fs


def test_s3_prefix_is_walked_and_read(config, bucket):
    found = discover_inputs([f"s3://{BUCKET}/2025/"], config)
    assert found.files == [
        f"s3://{BUCKET}/2025/03/page.html",
        f"s3://{BUCKET}/2025/03/records.jsonl.gz",
    ]
    assert found.skipped == [f"s3://{BUCKET}/2025/notes.doc"]
    batches = list(read_documents(found.files, config))
    assert [b.num_rows for b in batches] == [2, 2, 1]
    rows = pa.concat_tables(batches).to_pylist()
    assert rows[0]["format"] == "html" and rows[0]["status"] == "ok"
    assert rows[0]["source_uri"] == f"s3://{BUCKET}/2025/03/page.html"
    records = rows[1:]
    assert [r["status"] for r in records] == ["ok", "ok", "ok", "quarantined"]
    assert records[0]["source_uri"] == f"s3://{BUCKET}/2025/03/records.jsonl.gz#1"
    assert records[0]["source"] == "nos.nl"
    assert "record 4 of s3://" in records[3]["error"]


def test_s3_glob_and_single_object(config, bucket):
    found = discover_inputs([f"s3://{BUCKET}/*/a.txt", f"s3://{BUCKET}/2025/03/page.html"], config)
    assert found.files == [f"s3://{BUCKET}/2025/03/page.html", f"s3://{BUCKET}/other/a.txt"]


def test_s3_input_that_names_nothing_is_refused(config, bucket):
    with pytest.raises(InputError, match="no such file"):
        discover_inputs([f"s3://{BUCKET}/missing/"], config)
    with pytest.raises(InputError, match="matches no file"):
        discover_inputs([f"s3://{BUCKET}/nothing-*.jsonl"], config)
