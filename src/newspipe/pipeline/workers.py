"""Worker processes for the entity step, the one step that needs more than one core.

spaCy's models run in Python and hold the GIL, so threads do not share a batch's NER
between cores, and `nlp.pipe(n_process=...)` starts its processes and loads the models again
at every call. Here a pool of `EnrichConfig.ner_processes` worker processes is started once
per process (forked from a fork server, never from the flow's process, which runs threads)
and kept: each worker loads a model
the first time it needs it, and every batch of the run is split across the workers. Small
batches run in the calling process, where starting workers would cost more than it saves,
and so does everything inside a daemonic process (a Dask worker, which cannot have
children and is parallel already).
"""

from __future__ import annotations

import atexit
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from threading import Lock

import pyarrow as pa

from newspipe.config import EnrichConfig
from newspipe.enrich.canonical import extract_entities

# Below this many articles a batch is read in the calling process: a worker's start (about
# 5 s to import spaCy and load a model) outweighs sharing less than a minute's work.
MIN_ARTICLES_FOR_WORKERS = 200

_pools: dict[int, ProcessPoolExecutor] = {}
_lock = Lock()


def _pool(processes: int) -> ProcessPoolExecutor:
    with _lock:
        if processes not in _pools:
            # A fork server forks the workers from a clean process that has imported spaCy
            # once. As with spawn, a worker imports the caller's main module: a script
            # calling the pipeline needs the `if __name__ == "__main__":` guard.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload([extract_entities.__module__])
            _pools[processes] = ProcessPoolExecutor(processes, mp_context=context)
        return _pools[processes]


def _shutdown() -> None:
    for pool in _pools.values():
        pool.shutdown(cancel_futures=True)


atexit.register(_shutdown)


def entity_mentions(articles: pa.Table, config: EnrichConfig) -> pa.Table:
    """`extract_entities` over `articles`, split across the worker processes when the
    batch is large enough; the same rows, in the same order, either way."""
    processes = config.ner_processes
    if (
        processes <= 1
        or articles.num_rows < MIN_ARTICLES_FOR_WORKERS
        or multiprocessing.current_process().daemon
    ):
        return extract_entities(articles, config)
    size = -(-articles.num_rows // processes)
    parts = [articles.slice(start, size) for start in range(0, articles.num_rows, size)]
    results = _pool(processes).map(extract_entities, parts, [config] * len(parts))
    return pa.concat_tables(list(results))
