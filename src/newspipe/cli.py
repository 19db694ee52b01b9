"""The `newspipe` command: run the flow, query and check the warehouse, print the data
dictionary.

Prefect is configured here, before it is imported, so that a run is quiet and offline by
default: no telemetry, no analytics, Prefect's home inside the warehouse folder rather than
the user's home, a generous start-up time for the local ephemeral API, and only warnings on
the console (run logs still go to the Prefect API). Variables the user has set win.

A failure a user can act on (a warehouse problem, a query DuckDB refuses, a failed run)
ends a command with one line on stderr and exit code 1; `newspipe --debug COMMAND` shows
the traceback instead. Usage errors exit 2.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from newspipe.config import DEFAULT_WAREHOUSE, CleanConfig, IngestConfig, Settings
from newspipe.failures import (
    OneLineFailures,
    debugging,
    hide_prefect_failure_reports,
    is_expected,
    one_line,
    release_frames,
)
from newspipe.output import print_result

# A local folder or an fsspec URL (s3://bucket/prefix): kept as text, since a Path would
# fold the `//` of a URL.
WAREHOUSE = click.STRING


class _JsonObject(click.ParamType):
    name = "json"

    def convert(self, value, param, ctx):
        if isinstance(value, dict):
            return value
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError as exc:
            self.fail(f"not valid JSON: {exc}", param, ctx)
        if not isinstance(parsed, dict):
            self.fail("must be a JSON object", param, ctx)
        return parsed


JSON_OBJECT = _JsonObject()


def warehouse_option(help_text: str):
    """The --warehouse option every command takes: a folder or an fsspec URL."""
    return click.option(
        "--warehouse",
        "-w",
        type=WAREHOUSE,
        default=DEFAULT_WAREHOUSE,
        show_default=True,
        help=f"{help_text} A local folder or a URL such as s3://bucket/prefix.",
    )


_QUIET_PREFECT = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING",
    # The pipeline logs its counts through the standard `newspipe` logger, also when it
    # runs without a flow (the evaluations), where those logs stay local.
    "PREFECT_LOGGING_EXTRA_LOGGERS": "newspipe",
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
}


def configure_prefect(warehouse: str | Path) -> None:
    """Set Prefect's environment for a local, quiet, offline run (user settings win).

    Prefect's home goes inside a local warehouse folder; for a warehouse on object storage
    it is `.prefect` in the working directory.
    """
    for name, value in _QUIET_PREFECT.items():
        os.environ.setdefault(name, value)
    if "PREFECT_HOME" not in os.environ:
        local = "://" not in str(warehouse)
        home = (Path(warehouse).expanduser().resolve() if local else Path.cwd()) / ".prefect"
        home.mkdir(parents=True, exist_ok=True)
        os.environ["PREFECT_HOME"] = str(home)


@click.group(cls=OneLineFailures, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--debug",
    is_flag=True,
    help="When a command fails, show the traceback (and Prefect's error logs) instead of one line.",
)
@click.version_option(package_name="newspipe")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """newspipe turns scraped news articles into clean analytics tables.

    It reads article files, strips site chrome, pulls out metadata, groups copies of one
    story and the articles about one event, and writes Parquet tables with a DuckDB catalog
    (WAREHOUSE/newspipe.duckdb) that `newspipe sql` or `duckdb` can query.
    """
    ctx.obj = {"debug": debug}


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@warehouse_option("Warehouse folder to write (created when missing).")
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=IngestConfig().batch_size,
    show_default=True,
    help="Documents per batch; each Prefect task handles one batch.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=IngestConfig().max_bytes,
    show_default=True,
    help="Inputs larger than this are quarantined.",
)
@click.option(
    "--lock-timeout",
    type=click.FloatRange(min=0),
    default=0.0,
    show_default=True,
    help="Seconds to wait for another run on the same warehouse to finish.",
)
@click.option(
    "--summaries/--no-summaries",
    default=True,
    show_default=True,
    help="Print source_summary and event_summary after the run.",
)
@click.option(
    "--runner",
    type=click.Choice(["threads", "dask"]),
    default="threads",
    show_default=True,
    help="Where per-batch tasks run: a thread pool in this process, or Dask workers.",
)
@click.option(
    "--dask-address",
    metavar="tcp://HOST:PORT",
    help="Scheduler of an existing Dask cluster (with --runner dask); without it a local "
    "cluster is started for the run.",
)
@click.option(
    "--dask-workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Worker processes of the local Dask cluster (with --runner dask).",
)
@click.option(
    "--storage-options",
    type=JSON_OBJECT,
    default="{}",
    metavar="JSON",
    help="fsspec options for s3:// and other URL inputs, e.g. "
    '\'{"client_kwargs": {"endpoint_url": "http://127.0.0.1:9000"}}\'. Credentials are '
    "read from the storage library's environment (AWS_ACCESS_KEY_ID, AWS_ENDPOINT_URL, ...).",
)
@click.option(
    "--publishers",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    multiple=True,
    help="A CSV of extra outlets (domain,name,aliases,kind,country) that extends the "
    "shipped publisher directory used to resolve origin credits; repeatable.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar per stage (default: when stderr is a terminal).",
)
def run(
    inputs: tuple[str, ...],
    warehouse: str,
    batch_size: int,
    max_bytes: int,
    lock_timeout: float,
    summaries: bool,
    runner: str,
    dask_address: str | None,
    dask_workers: int,
    progress: bool | None,
    storage_options: dict,
    publishers: tuple[Path, ...],
) -> None:
    """Run the pipeline over INPUTS: files, folders (read recursively), globs and URLs.

    Formats are told by content and ending: plain text, HTML pages, JSONL/CSV/Parquet
    records, WARC archives and RSS/Atom feeds, also gzip-, bz2- or zstd-compressed; from
    local disk or object storage (s3://bucket/prefix/).

    Every input becomes a row of `documents`, quarantined with its reason when it cannot
    be read as an article; the run goes on. Re-running on the same inputs adds nothing.
    Exits 0 when the run finished (also when inputs were quarantined), 1 with a one-line
    reason when the run itself failed (also when another run holds the warehouse), 2 for a
    usage error such as a missing input.
    """
    from newspipe.ingest import InputError, discover_inputs
    from newspipe.warehouse import Warehouse

    settings = Settings(
        ingest=IngestConfig(
            batch_size=batch_size, max_bytes=max_bytes, storage_options=storage_options
        ),
        clean=CleanConfig(publisher_directories=tuple(publishers)),
    )
    try:
        discover_inputs(list(inputs), settings.ingest)
    except InputError as exc:
        raise click.UsageError(str(exc)) from None

    # Storage that cannot hold a warehouse fails here, in seconds; the lock is taken before
    # Prefect starts, so a second run on the warehouse stops before it touches Prefect's
    # database (shared in WAREHOUSE/.prefect). The flow takes the same lock again, a no-op.
    store = Warehouse(warehouse, fail_fast=True)
    store.check_location(create=True)
    failure = None
    with store.lock(lock_timeout):
        configure_prefect(warehouse)
        from flows.newspipe_flow import newspipe
        from newspipe.progress import listening

        if not debugging():
            hide_prefect_failure_reports()
        flow = newspipe.with_options(task_runner=_task_runner(runner, dask_address, dask_workers))
        show_progress = sys.stderr.isatty() if progress is None else progress
        try:
            with _ProgressBars(enabled=show_progress) as bars, listening(bars):
                summary = flow(list(inputs), str(warehouse), settings, lock_timeout)
        except Exception as exc:  # the run failed: one line, not a traceback
            if debugging():
                raise
            reason = one_line(exc)
            failure = reason if is_expected(exc) else f"{type(exc).__name__}: {reason}"
            release_frames(exc)
    if failure:
        click.echo(f"newspipe run failed: {failure}", err=True)
        sys.exit(1)
    click.echo(
        f"run {summary['run_id']}: {summary['n_inputs']} inputs, "
        f"{summary['n_documents']} new documents ({summary['n_quarantined']} quarantined), "
        f"{summary['n_articles']} new articles -> {summary['warehouse']}"
    )
    if summaries and store.manifest().has_parts:  # a first run may publish nothing
        with store.connect() as con:
            for view in ("source_summary", "event_summary"):
                print_result(con.sql(f"select * from {view}"), "table", title=view)


def _absolute(location: str) -> str:
    return location if "://" in location else str(Path(location).expanduser().resolve())


def _task_runner(runner: str, dask_address: str | None, dask_workers: int):
    if runner == "threads":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner()
    from prefect_dask import DaskTaskRunner

    if dask_address:
        return DaskTaskRunner(address=dask_address)
    return DaskTaskRunner(
        cluster_kwargs={
            "n_workers": dask_workers,
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": None,
        }
    )


class _ProgressBars:
    """A rich progress bar per stage, on stderr, fed by `newspipe.progress`."""

    def __init__(self, enabled: bool):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self._bars = Progress(
            TextColumn("{task.description:<16}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[unit]}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            disable=not enabled,
        )
        self._tasks: dict[str, int] = {}

    def __enter__(self):
        self._bars.start()
        return self

    def __exit__(self, *exc) -> None:
        self._bars.stop()

    def start(self, stage: str, total: int, unit: str) -> None:
        self._tasks[stage] = self._bars.add_task(stage, total=total, unit=unit)

    def advance(self, stage: str, amount: int) -> None:
        self._bars.advance(self._tasks[stage], amount)

    def finish(self, stage: str) -> None:
        task_id = self._tasks[stage]
        self._bars.update(task_id, completed=self._bars.tasks[task_id].total)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@warehouse_option("Warehouse folder to write.")
@click.option(
    "--cron",
    default="0 * * * *",
    show_default=True,
    help="When to run, as a cron expression (UTC).",
)
@click.option(
    "--name",
    default="newspipe-serve",
    show_default=True,
    help="Name of the deployment the schedule belongs to.",
)
def serve(inputs: tuple[str, ...], warehouse: str, cron: str, name: str) -> None:
    """Serve the flow on a schedule from this process, without a work pool.

    Creates (or updates) the deployment `newspipe/NAME` with the cron schedule and runs its
    scheduled and manually triggered runs here until interrupted (Ctrl-C). Point
    PREFECT_API_URL at a Prefect server (`prefect server start --host 127.0.0.1`) to see
    the runs in its UI; without one, a local ephemeral API lives as long as this process.
    INPUTS are resolved to absolute paths now, so the runs read the same files wherever
    the process was started.
    """
    from newspipe.ingest import InputError, discover_inputs

    try:
        discover_inputs(list(inputs), IngestConfig())
    except InputError as exc:
        raise click.UsageError(str(exc)) from None
    configure_prefect(warehouse)
    from flows.newspipe_flow import newspipe

    parameters = {"inputs": [_absolute(i) for i in inputs], "warehouse_dir": _absolute(warehouse)}
    newspipe.serve(name=name, cron=cron, parameters=parameters, pause_on_shutdown=False)


@main.command()
@click.argument("query", required=False)
@warehouse_option("Warehouse folder to query.")
@click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def sql(query: str | None, warehouse: str, output_format: str) -> None:
    """Run read-only SQL against the warehouse and print the result.

    Tables: documents, articles, line_labels, duplicates, paragraph_copies, entities,
    entity_mentions, entity_aliases, quotes, events, runs; views: source_summary,
    event_summary, article_originality; macros such as articles_about('name') (see
    docs/data_dictionary.md and docs/queries.md). QUERY may also come on standard input.

    Only reading statements run: SELECT (also SHOW, DESCRIBE, SUMMARIZE, FROM-first,
    VALUES) and EXPLAIN of a SELECT. Files other than the warehouse's own Parquet parts
    cannot be read, nothing can be written, attached or installed, and settings cannot be
    changed. Results go to standard output (--format table, csv or json).
    """
    from newspipe.warehouse import Warehouse

    store = Warehouse(warehouse, fail_fast=True)
    if query is None:
        if sys.stdin.isatty():
            raise click.UsageError(
                'give a query, e.g. newspipe sql "select * from source_summary", or open '
                f"the catalog with: duckdb -readonly {store.catalog}"
            )
        query = sys.stdin.read()
    with store.connect() as con:
        print_result(con.sql(query), output_format)


@main.command()
@warehouse_option("Warehouse folder to check.")
def check(warehouse: str) -> None:
    """Run data tests on the published warehouse, in the manner of dbt's.

    Unique keys (article_id, doc_id and event_id, run_id, a line per article and line
    number, ...), every column the schema declares non-null, and the accepted values of
    documents.status, line_labels.label, duplicates.method and articles.event_date_source.
    Prints each failing test with examples and a summary; exits 1 when any test fails.
    """
    from newspipe.warehouse import Warehouse
    from newspipe.warehouse.checks import run_checks

    store = Warehouse(warehouse, fail_fast=True)
    with store.connect() as con:
        results = run_checks(con)
    failed = [r for r in results if not r.passed]
    for result in failed:
        click.echo(result.describe())
    click.echo(
        f"{len(results)} checks on {store.root}: {len(results) - len(failed)} passed, "
        f"{len(failed)} failed"
    )
    if failed:
        sys.exit(1)


@main.command()
@warehouse_option("Warehouse folder to show.")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8501,
    show_default=True,
    help="Port on 127.0.0.1 to serve the dashboard on.",
)
def dashboard(warehouse: str, port: int) -> None:
    """Serve the read-only Streamlit dashboard on http://127.0.0.1:PORT.

    Pages: an overview (articles, sources, events, duplicates, quarantined, last run), one
    page per source and per event, and the syndication graph, filtered by date range and
    source. It reads the warehouse through the same read-only connection as `newspipe sql`.
    Ctrl-C stops it.
    """
    from newspipe.dashboard import run_dashboard
    from newspipe.warehouse import Warehouse

    Warehouse(warehouse, fail_fast=True).published_manifest()
    click.echo(f"newspipe dashboard on http://127.0.0.1:{port} (Ctrl-C stops it)", err=True)
    sys.exit(run_dashboard(Path(warehouse), port=port, host="127.0.0.1"))


@main.command()
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
def dictionary(output: Path | None) -> None:
    """Print the data dictionary (Markdown) generated from the table schemas."""
    from newspipe.dictionary import render_dictionary

    text = render_dictionary()
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
