"""Worker processes for the entity step, the one step that needs more than one core.

spaCy's models run in Python and hold the GIL, so threads do not share a batch's NER
between cores, and `nlp.pipe(n_process=...)` starts its processes and loads the models again
at every call. Here a pool of `EnrichConfig.ner_processes` worker processes is started once
per process (forked from a fork server, never from the flow's process, which runs threads)
and kept: `start_workers`, called once per run before it cleans, starts them and has each
load the default model, and every batch of the run is cut into parts that the workers take
in turn. Small batches run in the calling process while no worker runs yet, where starting
workers would cost more than it saves, and so does everything inside a daemonic process (a
Dask worker, which cannot have children and is parallel already).
"""

from __future__ import annotations

import atexit
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from threading import Lock, Thread

import pyarrow as pa

from newspipe.config import EnrichConfig
from newspipe.enrich.canonical import extract_entities

# Below this many articles a batch is read in the calling process unless the workers run
# already: a worker's start (about 5 s to import spaCy and load a model) outweighs sharing
# less than a minute's work.
MIN_ARTICLES_FOR_WORKERS = 200
# Parts per worker of each batch: articles differ in length and the machine's other load
# varies, so halves finish seconds apart; with smaller parts a worker that is done early
# takes the next one, and both cores stay busy to the end of the batch.
PARTS_PER_WORKER = 4
# An article the workers read at start-up, so that each loads the default model and the
# gazetteer before the first batch comes (written for the purpose, in no corpus).
_WARM_UP = pa.table(
    {
        "article_id": ["warm-up"],
        "body": ["Mayor Jane Roe of Springfield met the Acme Corporation in Paris on Monday."],
        "language": pa.array([None], pa.string()),
    }
)

_pools: dict[int, ProcessPoolExecutor] = {}
_lock = Lock()


def _warm(config: EnrichConfig) -> None:
    """Load what the entity step loads on its first article (the default model, the
    gazetteer, the word lists) in a worker as it starts."""
    try:
        extract_entities(_WARM_UP, config)
    except Exception:  # noqa: BLE001 - a missing model fails the first batch, with its error
        return


def _uses_workers(config: EnrichConfig) -> bool:
    return config.ner_processes > 1 and not multiprocessing.current_process().daemon


def _pool(config: EnrichConfig) -> ProcessPoolExecutor:
    processes = config.ner_processes
    with _lock:
        if processes not in _pools:
            # A fork server forks the workers from a clean process that has imported spaCy
            # once. As with spawn, a worker imports the caller's main module: a script
            # calling the pipeline needs the `if __name__ == "__main__":` guard.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload([extract_entities.__module__])
            pool = ProcessPoolExecutor(
                processes, mp_context=context, initializer=_warm, initargs=(config,)
            )
            # Workers start as tasks come: one task each starts them all now.
            for _ in range(processes):
                pool.submit(int)
            _pools[processes] = pool
        return _pools[processes]


def start_workers(config: EnrichConfig) -> None:
    """Start the worker processes in the background (each loads the default model), so
    that their start overlaps the steps before the entity step; nothing where the calling
    process reads. Starting the fork server blocks for about a second: a thread waits."""
    if _uses_workers(config) and config.ner_processes not in _pools:
        Thread(target=_pool, args=(config,), daemon=True).start()


def _shutdown() -> None:
    for pool in _pools.values():
        pool.shutdown(cancel_futures=True)


atexit.register(_shutdown)


def entity_reader(articles: pa.Table, config: EnrichConfig) -> Callable[[pa.Table], pa.Table]:
    """Start `extract_entities` over `articles` on the worker processes when the batch is
    large enough or the workers run already, and return the function that gives mentions:
    its first call waits for that read of `articles` (read in this process during the call
    otherwise); a later call, such as fault isolation's retry on a part of the batch after
    a failure, reads the table it is given anew. The same rows, in the same order, either
    way."""
    started = [_read(articles, config)]

    def mentions_of(part: pa.Table) -> pa.Table:
        return started.pop()() if started else _read(part, config)()

    return mentions_of


def _read(articles: pa.Table, config: EnrichConfig) -> Callable[[], pa.Table]:
    processes = config.ner_processes
    running = processes in _pools
    if not _uses_workers(config) or articles.num_rows < (
        processes if running else MIN_ARTICLES_FOR_WORKERS
    ):
        return lambda: extract_entities(articles, config)
    size = -(-articles.num_rows // (processes * PARTS_PER_WORKER))
    pool = _pool(config)
    futures = [
        pool.submit(extract_entities, articles.slice(start, size), config)
        for start in range(0, articles.num_rows, size)
    ]

    def result() -> pa.Table:
        try:
            return pa.concat_tables([future.result() for future in futures])
        finally:
            for future in futures:
                future.cancel()

    return result


def entity_mentions(articles: pa.Table, config: EnrichConfig) -> pa.Table:
    """`extract_entities` over `articles`, split across the worker processes when the
    batch is large enough; the same rows, in the same order, either way."""
    return _read(articles, config)()
