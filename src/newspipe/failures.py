"""How the command line reports a failure: one line a user can act on, exit code 1.

A warehouse problem (`WarehouseError`), a query DuckDB refuses and a failed run end a
command with `newspipe COMMAND: reason` on stderr; `newspipe --debug COMMAND` shows the
traceback instead (and Prefect's own failure reports). Anything else is a bug in newspipe
and keeps its traceback.
"""

from __future__ import annotations

import logging
import sys
import traceback

import click

from newspipe.warehouse.errors import WarehouseError


def one_line(exc: BaseException) -> str:
    """The first line of an error's message (DuckDB appends the query and a caret)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def is_expected(exc: BaseException) -> bool:
    """A failure the user can act on, told in one line: not a bug in newspipe."""
    if isinstance(exc, WarehouseError):
        return True
    import duckdb

    return isinstance(exc, duckdb.Error)


def debugging() -> bool:
    context = click.get_current_context(silent=True)
    return bool(context and (context.find_root().obj or {}).get("debug"))


class OneLineFailures(click.Group):
    """Ends a command that failed for a reason the user can act on with one line."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except Exception as exc:
            if debugging() or not is_expected(exc):
                raise
            failure = f"newspipe {ctx.invoked_subcommand}: {one_line(exc)}"
        # Outside the except block: the error and what it holds are gone before the exit.
        click.echo(failure, err=True)
        sys.exit(1)


def release_frames(exc: BaseException | None) -> None:
    """Drop the local variables of the frames an error passed through, and of its causes:
    Prefect keeps the error of a failed run to the end of the process, and DuckDB
    connections held by those frames would otherwise be reported as leaks at exit."""
    while exc is not None:
        traceback.clear_frames(exc.__traceback__)
        exc = exc.__cause__ or exc.__context__


class _WithoutFailureReports(logging.Filter):
    """Keeps Prefect's reports of a failed task or flow run (tracebacks) off the console:
    the command says why the run failed in one line; the run's logs in the Prefect API keep
    them, and `--debug` shows them."""

    def filter(self, record: logging.LogRecord) -> bool:
        engine = record.name.startswith(("prefect.flow_runs", "prefect.task_runs"))
        return not (engine and record.levelno >= logging.ERROR)


def hide_prefect_failure_reports() -> None:
    from prefect.logging.handlers import PrefectConsoleHandler

    for handler in logging.getLogger().handlers:
        if isinstance(handler, PrefectConsoleHandler):
            handler.addFilter(_WithoutFailureReports())
