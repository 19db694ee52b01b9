"""One `newspipe run` over a folder of hostile inputs (tests/hostile_inputs.py): it exits 0,
every input is accounted for in `documents`, and nothing but one-line messages reaches the
terminal. Run in this process (click's runner, against the session's Prefect API) so that
one file can vanish between discovery and reading."""

from __future__ import annotations

import duckdb
import pytest
from click.testing import CliRunner

import newspipe.ingest
from newspipe.cli import main
from newspipe.config import EnrichConfig
from tests.hostile_inputs import write_hostile

MAX_BYTES = 5_000_000


@pytest.fixture(scope="module")
def hostile_run(prefect_api, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "in"
    cases = write_hostile(folder, max_bytes=MAX_BYTES)
    vanishing = folder / "vanishing.txt"
    real = newspipe.ingest.read_documents

    def read_documents(paths, config):
        # The file is deleted after discovery listed it, before it is read.
        vanishing.unlink(missing_ok=True)
        return real(paths, config)

    warehouse = folder.parent / "wh"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(newspipe.ingest, "read_documents", read_documents)
        result = CliRunner().invoke(
            main,
            ["run", str(folder), "-w", str(warehouse), "--max-bytes", str(MAX_BYTES)],
            catch_exceptions=False,
        )
    with duckdb.connect(str(warehouse / "newspipe.duckdb"), read_only=True) as con:
        documents = con.sql("select source_uri, status, error from documents").fetchall()
        articles = con.sql("select source_uri, body_chars_read from articles").fetchall()
    return cases, result, documents, dict(articles)


def test_the_run_exits_0_without_a_traceback(hostile_run):
    _, result, _, _ = hostile_run
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "new articles" in result.output


def test_every_hostile_input_is_accounted_for(hostile_run):
    cases, _, documents, articles = hostile_run
    assert len(cases) >= 30
    reported = {uri.split("#")[0] for uri, _, _ in documents}
    for case in cases:
        assert str(case.path) in reported, case.name
        from_it = {a for a in articles if a.split("#")[0] == str(case.path)}
        if case.article is not None:
            assert bool(from_it) == case.article, case.name


def test_each_quarantined_input_says_why_in_one_line(hostile_run):
    _, _, documents, _ = hostile_run
    errors = {uri.rsplit("/", 1)[-1]: error for uri, status, error in documents}
    assert all(e and "\n" not in e for _, s, e in documents if s == "quarantined")
    assert errors["pipe.txt"] == "unreadable: not a regular file: a FIFO (named pipe)"
    assert errors["dangling.txt"].startswith("unreadable: dangling symbolic link to ")
    assert errors["loop.txt"].startswith("unreadable: symbolic link that cannot be followed")
    assert errors["vanishing.txt"] == "unreadable: No such file or directory"
    assert errors["int_text.parquet"] == "parquet: field 'text' is int64, not text"
    assert errors["bomb.txt.gz"].startswith(f"too large: over {MAX_BYTES} bytes once decompressed")
    assert errors["huge_record.jsonl#1"].endswith("line over 40000000 bytes (ingest.max_bytes)")
    assert errors["truncated.txt.gz"].startswith("truncated or corrupt")


def test_a_body_over_the_reading_budget_is_read_in_part_and_says_so(hostile_run):
    cases, _, _, articles = hostile_run
    (long_one,) = [c for c in cases if c.name == "single_line_1mb.txt"]
    assert articles[str(long_one.path)] == EnrichConfig().max_chars_read
    (short_one,) = [c for c in cases if c.name == "ok.txt"]
    assert articles[str(short_one.path)] is None
