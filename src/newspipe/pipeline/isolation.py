"""One document never fails a run: the fault isolation every step of the pipeline goes through.

A step is a vectorised function over a batch (or, for a global step, over the whole run).
`isolate` runs it on the whole input. When it raises an error that can come from the data,
the input is split in halves and each half retried, recursively, until the documents that
make it fail are found; the step then runs once more over the rest, and the failing
documents come back with an error naming the step and the exception
(`enrich.dates: OverflowError: date value out of range`). The happy path costs nothing and
stage code holds no try/except of its own; a failure costs about log2(batch) extra calls
per failing document.

Errors that are about the machine rather than a document (`RUN_FAILURES`: the disk, lost
storage, a missing model or library) are never isolated: they fail the run, which then
publishes nothing. So does a failure that no single document causes (the whole input fails
while each half alone succeeds) and one that every document of a batch causes: quarantining
documents would hide a fault of the step itself.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

# Raised by the machine, not by what a document holds: OSError covers a full disk, a lost
# mount or bucket and a missing spaCy model (spaCy raises OSError E050); ImportError a broken
# install; DuckDB's I/O and out-of-memory errors its temporary storage.
RUN_FAILURES: tuple[type[BaseException], ...] = (
    OSError,
    ImportError,
    duckdb.IOException,
    duckdb.OutOfMemoryException,
)
# A step that fails on each of this many documents of a batch, and on all of them, is
# broken (a bug, a damaged model): quarantining them all would hide it, and they could not
# be read again once the step is mended.
EVERY_DOCUMENT_FAILS = 8
# Longest error text kept per failing document: exception messages may quote its whole text.
MAX_ERROR_CHARS = 500

T = TypeVar("T")


class RunFailure(RuntimeError):
    """A failure of the run itself, with the step that raised it."""


def describe(step: str, exc: BaseException) -> str:
    """`step: ExceptionType: message`, on one line and bounded."""
    message = " ".join(str(exc).split())
    text = (
        f"{step}: {type(exc).__name__}: {message}" if message else f"{step}: {type(exc).__name__}"
    )
    return text if len(text) <= MAX_ERROR_CHARS else text[: MAX_ERROR_CHARS - 1] + "…"


def isolate(
    step: str,
    fn: Callable[..., T],
    items: Any,
    *args: Any,
    key: str = "article_id",
    **kwargs: Any,
) -> tuple[T, dict[str, str]]:
    """`fn(items, *args, **kwargs)`, and the documents it could not take.

    `items` is what the step reads per document: an Arrow table (split on its `key`
    column), a dataclass of such tables (split together) or a list of ids (ingest's
    paths). Returns the result over the items that do not fail and `{id: error}` for the
    ones that do.
    """
    try:
        return fn(items, *args, **kwargs), {}
    except RUN_FAILURES:
        raise
    except Exception as exc:  # noqa: BLE001 - any error from the data is isolated
        ids = _ids(items, key)
        if len(ids) <= 1:
            if not ids:
                raise RunFailure(describe(step, exc)) from exc
            return _rest(step, fn, items, ids, key, args, kwargs, {ids[0]: describe(step, exc)})
        failed = _culprits(step, fn, items, ids, key, args, kwargs)
        if not failed:
            raise RunFailure(
                f"{describe(step, exc)} (no single document causes it: the whole input fails, "
                "each half alone does not)"
            ) from exc
        if len(failed) == len(ids) >= EVERY_DOCUMENT_FAILS:
            raise RunFailure(
                f"{describe(step, exc)} (every one of {len(ids)} documents fails: a fault of "
                "the step or its installation, not of the documents)"
            ) from exc
        return _rest(step, fn, items, ids, key, args, kwargs, failed)


def _rest(step, fn, items, ids, key, args, kwargs, failed: dict[str, str]):
    """The step over the items that did not fail (isolated again: a document may fail only
    beside others), with every failure found."""
    kept = [i for i in ids if i not in failed]
    result, more = isolate(step, fn, _restrict(items, kept, key), *args, key=key, **kwargs)
    return result, failed | more


def _culprits(step, fn, items, ids: Sequence[str], key, args, kwargs) -> dict[str, str]:
    """Bisect `ids` down to the single documents on which `fn` raises."""
    failed: dict[str, str] = {}
    middle = len(ids) // 2
    for half in (ids[:middle], ids[middle:]):
        try:
            fn(_restrict(items, half, key), *args, **kwargs)
        except RUN_FAILURES:
            raise
        except Exception as exc:  # noqa: BLE001
            if len(half) == 1:
                failed[half[0]] = describe(step, exc)
            else:
                failed |= _culprits(step, fn, items, half, key, args, kwargs)
    return failed


def _ids(items: Any, key: str) -> list[str]:
    """The distinct document ids of `items`, in order."""
    if isinstance(items, list | tuple):
        return list(dict.fromkeys(items))
    if isinstance(items, pa.Table):
        return list(dict.fromkeys(items[key].to_pylist()))
    tables = [getattr(items, f.name) for f in dataclasses.fields(items)]
    keyed = [t for t in tables if isinstance(t, pa.Table) and key in t.column_names]
    return list(dict.fromkeys(i for t in keyed for i in t[key].to_pylist()))


def _restrict(items: Any, ids: Sequence[str], key: str) -> Any:
    """`items` with only the documents `ids`."""
    if isinstance(items, list | tuple):
        wanted = set(ids)
        return [i for i in items if i in wanted]
    id_array = pa.array(list(ids), pa.string())
    if isinstance(items, pa.Table):
        return items.filter(pc.is_in(items[key], id_array))
    return dataclasses.replace(
        items,
        **{
            f.name: _restrict(value, ids, key)
            for f in dataclasses.fields(items)
            if isinstance(value := getattr(items, f.name), pa.Table) and key in value.column_names
        },
    )
