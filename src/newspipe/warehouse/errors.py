"""What can go wrong with a warehouse, each as a one-line message saying what to do.

The command line prints these as one line with exit code 1 (a traceback only with
`--debug`); the flow lets them end the run with the same message.
"""

from __future__ import annotations


class WarehouseError(Exception):
    """A warehouse problem a user can act on; `str()` is the whole message."""


class WarehouseBusy(WarehouseError, RuntimeError):
    """Another run holds the warehouse lock."""


class WarehouseMissing(WarehouseError):
    """No warehouse at that location yet."""


class WarehouseUnavailable(WarehouseError):
    """The location cannot hold a warehouse: a file, a system folder, storage that does not
    answer."""


class WarehouseDamaged(WarehouseError):
    """Files of the published warehouse are missing or unreadable."""


class ReadOnlyQuery(WarehouseError):
    """A query that would change something, run through the read-only connection."""
