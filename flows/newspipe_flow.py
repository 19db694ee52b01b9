"""The `newspipe` Prefect flow: Prefect's part of a run, and nothing else.

`newspipe.pipeline.run_pipeline` holds the order of the stages and the joins between them;
this module makes each of its phases a Prefect task and hands the pipeline a runner that
submits them: per-batch phases are mapped over batches and run in parallel on the task
runner (threads by default, Dask workers with `--runner dask`) and are cached on their
content for a day, so a run that failed later (at publish, say) redoes none of that work
when started again; storage phases retry with backoff; global phases run once. The flow
holds the warehouse lock from start to publish, so two runs never interleave, reports
progress as batches complete, and publishes its counts and summaries as artifacts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Any

import fsspec
import pyarrow as pa
from prefect import flow, task, unmapped
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.runtime import flow_run
from pydantic import BaseModel

from newspipe import __version__ as newspipe_version
from newspipe import pipeline, progress, report, warehouse
from newspipe.config import Settings
from newspipe.pipeline import phases

CACHE_FOR = timedelta(days=1)
# Rows of a summary in a run's artifact: the UI shows a page of them, and Prefect refuses
# an event over 1.5 MB (the Reuters corpus's event_summary is about 3 MB).
ARTIFACT_ROWS = 200


@cache
def _code_digest() -> str:
    """A digest of newspipe's own code and data: a cached result never outlives a change
    to the code that produced it."""
    digest = hashlib.sha256(newspipe_version.encode())
    root = Path(pipeline.__file__).parents[1]
    for path in sorted(p for p in root.rglob("*") if p.suffix in {".py", ".sql", ".csv"}):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _fingerprint(value: Any, digest) -> None:
    if isinstance(value, pa.Table):
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, value.schema) as writer:
            writer.write_table(value)
        digest.update(sink.getvalue())
    elif isinstance(value, BaseModel):
        digest.update(value.model_dump_json().encode())
    elif isinstance(value, list | tuple):
        for item in value:
            _fingerprint(item, digest)
    else:
        digest.update(repr(value).encode())


def content_key(context, parameters: dict[str, Any]) -> str:
    """Cache key from what a batch task reads: its inputs' content and newspipe's code."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(context.task.name.encode())
    for name in sorted(parameters):
        digest.update(name.encode())
        _fingerprint(parameters[name], digest)
    return digest.hexdigest()


def file_key(context, parameters: dict[str, Any]) -> str:
    """Cache key for reading files: their paths, sizes and modification times (or object
    ETags), so a file changed in place is read again."""
    stats = []
    for path in parameters["paths"]:
        try:
            fs, location = fsspec.core.url_to_fs(path)
            info = fs.info(location)
            stats.append((path, info.get("size"), str(info.get("ETag") or info.get("mtime"))))
        except OSError:
            stats.append((path, None, None))
    return content_key(context, {"files": stats, "settings": parameters["settings"]})


def _batch(fn: Callable, name: str):
    """A per-batch task, cached on its inputs' content."""
    return task(
        fn, name=name, cache_key_fn=content_key, cache_expiration=CACHE_FOR, persist_result=True
    )


def _global(fn: Callable, name: str):
    return task(fn, name=name, cache_policy=NO_CACHE)


def _worth_retrying(task, task_run, state) -> bool:
    """Storage that failed may answer again; a warehouse problem (damaged, busy, in the
    wrong place) will not, and the user should hear of it at once."""
    return not isinstance(state.data, warehouse.WarehouseError)


def _storage(fn: Callable, name: str):
    """A task that reads or writes the warehouse: retried with backoff on I/O errors."""
    return task(
        fn,
        name=name,
        cache_policy=NO_CACHE,
        retries=3,
        retry_delay_seconds=[1, 4, 16],
        retry_condition_fn=_worth_retrying,
    )


TASKS = {
    pipeline.run.discover_inputs: _global(pipeline.run.discover_inputs, "discover_inputs"),
    warehouse.load_history: _storage(warehouse.load_history, "load_history"),
    phases.ingest_files: task(
        phases.ingest_files,
        name="ingest_batch",
        cache_key_fn=file_key,
        cache_expiration=CACHE_FOR,
        persist_result=True,
    ),
    phases.start_entity_workers: _global(phases.start_entity_workers, "start_entity_workers"),
    phases.clean_batch: _batch(phases.clean_batch, "clean_batch"),
    phases.enrich_batch: _batch(phases.enrich_batch, "enrich_batch"),
    phases.sketch_batch: _batch(phases.sketch_batch, "sketch_batch"),
    warehouse.load_dedup_history: _storage(warehouse.load_dedup_history, "load_dedup_history"),
    phases.group_duplicates: _global(phases.group_duplicates, "deduplicate"),
    phases.canonical_batch: _batch(phases.canonical_batch, "entities_batch"),
    phases.name_entities: _global(phases.name_entities, "canonicalize_entities"),
    phases.quotes_batch: _batch(phases.quotes_batch, "quotes_batch"),
    warehouse.load_live_events: _storage(warehouse.load_live_events, "load_live_events"),
    phases.cluster_events: _global(phases.cluster_events, "assign_events"),
    warehouse.publish_run: _storage(warehouse.publish_run, "publish"),
}


def _task_of(phase: Callable):
    """The task of a phase; a phase the table does not list (one a test substitutes) runs
    as a plain uncached task."""
    return TASKS.get(phase) or _global(phase, phase.__name__)


class PrefectRunner:
    """Runs the pipeline's phases as the Prefect tasks above."""

    def call(self, phase: Callable, *args: Any) -> Any:
        return _task_of(phase)(*args)

    def map(self, phase: Callable, batches: list, stage: str, unit: str, *shared: Any) -> list:
        futures = _task_of(phase).map(batches, *(unmapped(s) for s in shared))
        sizes = [b.num_rows if isinstance(b, pa.Table) else len(b) for b in batches]
        size_of = {id(f): n for f, n in zip(futures, sizes, strict=True)}
        with progress.stage(stage, sum(sizes), unit) as bar:
            for future in as_completed(futures):
                future.result()
                bar.advance(size_of[id(future)])
        return [f.result() for f in futures]


@flow(name="newspipe", log_prints=False)
def newspipe(
    inputs: list[str],
    warehouse_dir: str = "warehouse",
    settings: Settings | None = None,
    lock_timeout_s: float = 0.0,
) -> dict:
    """Run the pipeline over `inputs` (files, folders, globs) into `warehouse_dir`."""
    settings = settings or Settings()
    store = warehouse.Warehouse(warehouse_dir)
    with store.lock(lock_timeout_s):
        outcome = pipeline.run_pipeline(
            inputs, store, settings, PrefectRunner(), flow_run_id=flow_run.get_id()
        )
    summary, run_id = outcome.summary, outcome.summary["run_id"]
    if not outcome.published:
        return summary
    create_table_artifact(
        key="newspipe-run",
        table=[{k: str(v) for k, v in summary.items()}],
        description=f"newspipe run {run_id} into {store.root}",
    )
    create_markdown_artifact(
        key="newspipe-quarantine",
        markdown=report.quarantine_markdown(outcome.documents, run_id),
        description=f"inputs quarantined by run {run_id}",
    )
    for view in ("source_summary", "event_summary"):
        create_table_artifact(
            key=view.replace("_", "-"),
            table=warehouse.summary_rows(store, view, limit=ARTIFACT_ROWS),
            description=f"{view} after run {run_id}: the {ARTIFACT_ROWS} with most articles",
        )
    return summary
