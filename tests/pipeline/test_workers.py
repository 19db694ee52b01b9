"""The entity step's worker processes (newspipe.pipeline.workers)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from newspipe.config import EnrichConfig
from newspipe.enrich.canonical import extract_entities
from newspipe.pipeline import workers

CONFIG = EnrichConfig(ner_processes=2)


@pytest.fixture
def running_workers():
    workers.start_workers(CONFIG)
    workers._pool(CONFIG)  # waits for the start begun in the background
    yield
    # Later tests replace `extract_entities` in this process: no pool may outlive this one.
    for pool in workers._pools.values():
        pool.shutdown()
    workers._pools.clear()


def _articles(n: int) -> pa.Table:
    towns = ["Harnford", "Kettering", "Paris", "Madrid", "Lisbon", "Dublin"]
    bodies = [
        f"Mayor Alice Brandt{i} of {towns[i % len(towns)]} said on Monday that the council "
        f"would sell the old depot to Norberg Logistics{i} by the spring."
        for i in range(n)
    ]
    return pa.table(
        {
            "article_id": [f"a{i:02d}" for i in range(n)],
            "body": bodies,
            "language": pa.array([None] * n, pa.string()),
        }
    )


def test_running_workers_read_a_small_batch_in_parts_in_its_order(running_workers, monkeypatch):
    pool = workers._pools[CONFIG.ner_processes]
    parts = []
    submit = pool.submit

    def counted(fn, part, *args):
        parts.append(part.num_rows)
        return submit(fn, part, *args)

    monkeypatch.setattr(pool, "submit", counted)
    articles = _articles(21)
    assert articles.num_rows < workers.MIN_ARTICLES_FOR_WORKERS
    from_workers = workers.entity_reader(articles, CONFIG)(articles)
    # More parts than workers, so that one done early takes the next.
    assert len(parts) > CONFIG.ner_processes and sum(parts) == 21
    assert from_workers.to_pylist() == extract_entities(articles, CONFIG).to_pylist()
    assert from_workers["article_id"].to_pylist()[0] == "a00"


def test_without_running_workers_a_small_batch_is_read_in_this_process(monkeypatch):
    calls = []
    monkeypatch.setattr(workers, "extract_entities", lambda a, c: calls.append(a.num_rows) or a)
    workers.entity_mentions(_articles(5), CONFIG)
    assert calls == [5]
    assert not workers._pools


def test_a_reader_gives_the_read_started_then_reads_each_part_anew(monkeypatch):
    calls = []
    monkeypatch.setattr(workers, "extract_entities", lambda a, c: calls.append(a.num_rows) or a)
    articles = _articles(6)
    mentions_of = workers.entity_reader(articles, CONFIG)
    assert calls == []  # read in this process, when first asked
    assert mentions_of(articles).num_rows == 6
    # Fault isolation's retries after a failure ask for halves: each is read anew.
    assert mentions_of(articles.slice(0, 3))["article_id"].to_pylist() == ["a00", "a01", "a02"]
    assert calls == [6, 3]


def test_a_run_of_enough_documents_starts_the_workers_and_a_small_one_does_not(monkeypatch):
    from newspipe.config import Settings
    from newspipe.pipeline import phases

    started = []
    monkeypatch.setattr(workers, "start_workers", started.append)
    settings = Settings(enrich=CONFIG)
    phases.start_entity_workers(workers.MIN_ARTICLES_FOR_WORKERS - 1, settings)
    assert started == []
    phases.start_entity_workers(workers.MIN_ARTICLES_FOR_WORKERS, settings)
    assert started == [CONFIG]
