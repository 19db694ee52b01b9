"""The real flow on a real (test-harness) Prefect API, into a throwaway warehouse."""

import shutil
from pathlib import Path

import duckdb
import pytest

from newspipe.config import IngestConfig, Settings
from tests.conftest import SAMPLE_CORPUS
from tests.contract import CONTRACT_COLUMNS

CONTRACT_TABLES = [n for n in CONTRACT_COLUMNS if not n.endswith("_summary")]


def _run(inputs, warehouse_dir, batch_size=1000):
    from flows.newspipe_flow import newspipe

    settings = Settings(ingest=IngestConfig(batch_size=batch_size))
    return newspipe([str(i) for i in inputs], str(warehouse_dir), settings)


def _sql(warehouse_dir, query):
    with duckdb.connect(str(warehouse_dir / "newspipe.duckdb"), read_only=True) as con:
        return con.execute(query).fetchall()


def _counts(warehouse_dir):
    return {t: _sql(warehouse_dir, f"select count(*) from {t}")[0][0] for t in CONTRACT_COLUMNS}


@pytest.fixture(scope="module")
def sample_run(prefect_api, tmp_path_factory):
    warehouse_dir = tmp_path_factory.mktemp("sample") / "warehouse"
    summary = _run([SAMPLE_CORPUS], warehouse_dir)
    return warehouse_dir, summary


def test_every_contract_table_and_view_has_its_columns(sample_run):
    warehouse_dir, _ = sample_run
    for name, columns in CONTRACT_COLUMNS.items():
        described = [r[0] for r in _sql(warehouse_dir, f"describe {name}")]
        assert set(columns) <= set(described), name
        assert (warehouse_dir / name).is_dir() or name.endswith("_summary")


def test_every_input_is_a_document_and_every_ok_document_an_article(sample_run):
    warehouse_dir, summary = sample_run
    files = sorted(p for p in SAMPLE_CORPUS.rglob("*.txt"))
    documents = _sql(warehouse_dir, "select source_uri, status from documents")
    assert sorted(uri for uri, _ in documents) == [str(p) for p in files]
    assert summary["n_documents"] == len(files) == summary["n_inputs"]
    n_ok = _sql(warehouse_dir, "select count(distinct doc_id) from documents where status = 'ok'")[
        0
    ][0]
    assert _sql(warehouse_dir, "select count(*) from articles")[0][0] == n_ok >= 36


def test_line_labels_cover_every_non_empty_raw_line(sample_run):
    warehouse_dir, _ = sample_run
    labelled = dict(
        _sql(
            warehouse_dir,
            "select a.source_uri, count(*) from line_labels "
            "join articles a using (article_id) group by 1",
        )
    )
    for uri, n in labelled.items():
        text = Path(uri).read_text(encoding="utf-8")
        assert n == sum(1 for line in text.split("\n") if line.strip()), uri
    labels = {r[0] for r in _sql(warehouse_dir, "select distinct label from line_labels")}
    assert labels <= {"body", "metadata", "boilerplate", "repeat"}


def test_exact_copies_share_a_group_and_one_is_canonical(sample_run):
    warehouse_dir, _ = sample_run
    groups = _sql(
        warehouse_dir,
        """
        select dup_group_id, count(*), count(*) filter (where is_canonical)
        from articles group by 1""",
    )
    assert all(n_canonical == 1 for _, _, n_canonical in groups)
    audit = _sql(warehouse_dir, "select count(*), count(distinct dup_group_id) from duplicates")
    assert audit[0][0] == sum(n for _, n, _ in groups if n > 1)


def test_summaries_agree_with_the_tables(sample_run):
    warehouse_dir, _ = sample_run
    n_articles = _sql(warehouse_dir, "select count(*) from articles")[0][0]
    assert _sql(warehouse_dir, "select sum(n_articles) from source_summary")[0][0] == n_articles
    assert _sql(warehouse_dir, "select sum(n_articles) from event_summary")[0][0] == n_articles
    share = _sql(
        warehouse_dir,
        """
        select s.boilerplate_share, avg((l.label in ('boilerplate', 'repeat'))::int)
        from source_summary s join articles a using (source)
        join line_labels l using (article_id) group by s.source, s.boilerplate_share""",
    )
    assert all(abs(a - b) < 1e-9 for a, b in share)


def test_the_run_is_recorded_with_its_prefect_flow_run(sample_run, prefect_api):
    from prefect import get_client

    warehouse_dir, summary = sample_run
    runs = _sql(warehouse_dir, "select run_id, flow_run_id, status from runs")
    assert runs == [(summary["run_id"], summary["flow_run_id"], "completed")]
    with get_client(sync_client=True) as client:
        flow_run = client.read_flow_run(summary["flow_run_id"])
    assert flow_run.state.is_completed()


def test_a_second_run_on_the_same_inputs_changes_nothing(sample_run):
    warehouse_dir, _ = sample_run
    before = _counts(warehouse_dir)
    summary = _run([SAMPLE_CORPUS], warehouse_dir)
    assert summary["n_documents"] == 0
    assert _counts(warehouse_dir) == before


def test_split_runs_and_batch_sizes_give_the_same_ids_and_groups(prefect_api, tmp_path):
    from newspipe.metrics import bcubed

    files = sorted(SAMPLE_CORPUS.glob("*.txt"))
    whole, split = tmp_path / "whole", tmp_path / "split"
    _run(files, whole, batch_size=1000)
    _run(files[1::2], split, batch_size=3)
    _run(files[0::2], split, batch_size=7)
    query = "select article_id, dup_group_id, is_canonical from articles order by 1"
    assert _sql(whole, query) == _sql(split, query)
    # Events are assigned as articles arrive: halves may differ a little from the whole.
    events = "select article_id, event_id from articles"
    _, _, agreement = bcubed(dict(_sql(split, events)), dict(_sql(whole, events)))
    assert agreement >= 0.98


def test_bad_inputs_are_quarantined_and_the_run_goes_on(prefect_api, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(sorted(SAMPLE_CORPUS.glob("*.txt"))[0], inputs / "good.txt")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (inputs / "legacy.txt").write_bytes(
        "Lisbon tram fares rise\n\nFares rise by 5% from Monday, the caf\u00e9 owners' "
        "association said, calling it \u201cunfair\u201d for workers.\n".encode("cp1252")
    )
    summary = _run([inputs], tmp_path / "wh")
    rows = dict(
        (
            (uri.rsplit("/", 1)[1], (status, error))
            for uri, status, error in _sql(
                tmp_path / "wh", "select source_uri, status, error from documents"
            )
        )
    )
    assert rows["good.txt"] == ("ok", None) and rows["legacy.txt"] == ("ok", None)
    assert rows["empty.txt"][0] == rows["image.txt"][0] == "quarantined"
    assert rows["empty.txt"][1].startswith("empty") and rows["image.txt"][1].startswith("binary")
    assert summary["n_quarantined"] == 2
    encodings = dict(_sql(tmp_path / "wh", "select source_uri, encoding from documents"))
    assert encodings[str(inputs / "legacy.txt")] == "cp1252"


def test_a_rerun_after_a_failed_publish_reuses_the_finished_batches(
    prefect_api, tmp_path, monkeypatch
):
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    from newspipe import warehouse

    files = sorted(SAMPLE_CORPUS.glob("*.txt"))[:6]
    commit = warehouse.Warehouse.commit

    def failing_commit(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(warehouse.Warehouse, "commit", failing_commit)
    with pytest.raises(OSError, match="disk full"):
        _run(files, tmp_path / "wh", batch_size=2)
    assert not (tmp_path / "wh" / "newspipe.duckdb").exists()

    monkeypatch.setattr(warehouse.Warehouse, "commit", commit)
    summary = _run(files, tmp_path / "wh", batch_size=2)
    assert summary["n_articles"] == 6
    with get_client(sync_client=True) as client:
        task_runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[summary["flow_run_id"]]))
        )
    states = {}
    for run in task_runs:
        states.setdefault(run.name.rsplit("-", 1)[0], set()).add(run.state.name)
    assert states["clean_batch"] == {"Cached"} and states["enrich_batch"] == {"Cached"}
    assert states["publish"] == {"Completed"}


def test_the_dask_runner_gives_the_same_tables(prefect_api, sample_run, tmp_path, monkeypatch):
    from prefect_dask import DaskTaskRunner

    from flows.newspipe_flow import newspipe

    monkeypatch.setenv("DASK_TEMPORARY_DIRECTORY", str(tmp_path / "dask"))
    runner = DaskTaskRunner(
        cluster_kwargs={
            "n_workers": 2,
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": None,
        }
    )
    on_dask = tmp_path / "dask-wh"
    newspipe.with_options(task_runner=runner)(
        [str(SAMPLE_CORPUS)], str(on_dask), Settings(ingest=IngestConfig(batch_size=8))
    )
    warehouse_dir, _ = sample_run
    for table, key in [
        ("articles", "article_id"),
        ("line_labels", "article_id, line_no"),
        ("duplicates", "article_id"),
        ("events", "event_id"),
    ]:
        query = (
            f"select * exclude (run_id) from {table} order by {key}"
            if table == "articles"
            else f"select * from {table} order by {key}"
        )
        assert _sql(on_dask, query) == _sql(warehouse_dir, query), table


def test_the_evaluations_run_the_pipeline_the_flow_runs(sample_run):
    """newspipe.evaluation (and so the accuracy tests and benchmarks/eval_*.py) publishes
    what the flow publishes on the same corpus."""
    from newspipe.evaluation import run_corpus

    in_memory = run_corpus([sorted(SAMPLE_CORPUS.glob("*.txt"))], Settings())
    warehouse_dir, _ = sample_run
    for table in [
        "articles",
        "line_labels",
        "duplicates",
        "paragraph_copies",
        "entities",
        "entity_mentions",
        "quotes",
        "events",
    ]:
        evaluated = in_memory[table].drop_columns(
            [c for c in ("run_id", "stem") if c in in_memory[table].column_names]
        )
        columns = ", ".join(evaluated.column_names)
        flow_rows = _sql(warehouse_dir, f"select {columns} from {table}")
        assert sorted(map(repr, flow_rows)) == sorted(
            repr(tuple(row.values())) for row in evaluated.to_pylist()
        ), table


# Two visits of one minister to one town a year apart; the last three reports carry no date
# at all (no dateline, no date in the text) and are about the second visit.
VISIT_REPORTS = {
    "visit-2023.txt": (
        "Okafor in surprise Tamsel visit over Rakan raids\n\nPublished 6 November 2023\n\n"
        "Foreign minister Okafor made a surprise visit to Tamsel on Sunday to discuss the raids "
        "by the Rakan militia on border posts and the safety of the garrison.\n\n"
        "Okafor met governor Ilunga at the garrison and promised more patrols along the river, "
        "officials travelling with the minister said."
    ),
    "visit-2024.txt": (
        "Okafor makes unannounced Tamsel visit after Veldran collapse\n\n"
        "Published 14 December 2024\n\n"
        "Foreign minister Okafor made an unannounced visit to Tamsel on Friday after the "
        "collapse of the Veldran government, to discuss refugees crossing from Veldran and the "
        "interim council.\n\nOkafor met governor Ilunga and aid agencies at the border camps, "
        "officials travelling with the minister said."
    ),
    "undated-talks.txt": (
        "Okafor talks Veldran in Tamsel\n\n"
        "Okafor arrived unannounced in Tamsel for talks on Veldran after the collapse of its "
        "government, and said the interim council must protect refugees crossing the river.\n\n"
        "Governor Ilunga said the camps near the border held more families every day."
    ),
    "undated-visit.txt": (
        "Okafor in Tamsel as Veldran council takes over\n\n"
        "The foreign minister Okafor was in Tamsel to meet governor Ilunga about the interim "
        "council in Veldran and the refugees arriving at the border camps.\n\n"
        "Aid agencies told the minister the camps needed water and tents before winter."
    ),
    "undated-refugees.txt": (
        "Refugees from Veldran reach Tamsel camps\n\n"
        "Refugees fleeing the collapse of the Veldran government reached the Tamsel camps as "
        "minister Okafor visited governor Ilunga to discuss the interim council.\n\n"
        "Families crossing the river said they had walked for three days."
    ),
}


def test_a_later_run_moves_undated_reports_to_the_event_they_belong_to(prefect_api, tmp_path):
    from newspipe.metrics import bcubed

    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, text in VISIT_REPORTS.items():
        (inputs / name).write_text(text, encoding="utf-8")
    files = {p.name: p for p in inputs.iterdir()}
    whole, split = tmp_path / "whole", tmp_path / "split"
    _run(sorted(files.values()), whole)
    # The first run knows only the 2023 visit: the undated reports go there for now.
    _run([files[n] for n in ("visit-2023.txt", "undated-talks.txt", "undated-visit.txt")], split)
    events = "select source_uri, event_id from articles"
    assert len({event for _, event in _sql(split, events)}) == 1
    _run([files[n] for n in ("visit-2024.txt", "undated-refugees.txt")], split)
    in_whole, in_split = dict(_sql(whole, events)), dict(_sql(split, events))
    assert bcubed(in_split, in_whole)[2] == 1.0
    by_file = {Path(uri).name: event for uri, event in in_split.items()}
    assert by_file["undated-talks.txt"] == by_file["visit-2024.txt"] != by_file["visit-2023.txt"]
    spans = _sql(split, "select first_date, last_date, n_articles from events order by 1")
    assert [(str(a), str(b), n) for a, b, n in spans] == [
        ("2023-11-05", "2023-11-05", 1),
        ("2024-12-13", "2024-12-13", 4),
    ]
