"""Progress of a run: reported by the flow, shown by whoever listens.

The flow reports, stage by stage, how many documents or articles are done as each batch
completes; the command line listens with a progress bar, a scheduled deployment run has no
listener and the calls cost nothing. Reports come from the flow as batch futures complete,
never from inside tasks, so they work with any task runner, Dask's included.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class ProgressListener(Protocol):
    def start(self, stage: str, total: int, unit: str) -> None: ...

    def advance(self, stage: str, amount: int) -> None: ...

    def finish(self, stage: str) -> None: ...


_listener: ProgressListener | None = None


@contextmanager
def listening(listener: ProgressListener) -> Iterator[None]:
    """Send the progress of runs started in this process to `listener` while inside."""
    global _listener
    previous, _listener = _listener, listener
    try:
        yield
    finally:
        _listener = previous


class Stage:
    """One stage's progress: `advance` as work completes."""

    def __init__(self, name: str):
        self.name = name

    def advance(self, amount: int) -> None:
        if _listener is not None:
            _listener.advance(self.name, amount)


@contextmanager
def stage(name: str, total: int, unit: str) -> Iterator[Stage]:
    """Report a stage of `total` units (documents, articles) from start to finish."""
    if _listener is not None:
        _listener.start(name, total, unit)
    try:
        yield Stage(name)
    finally:
        if _listener is not None:
            _listener.finish(name)
