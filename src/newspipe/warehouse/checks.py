"""Data tests on the published warehouse, in the manner of dbt's: `newspipe check`.

Three kinds, each one SQL file: `unique` (no two rows share a key), `not_null` (every column
the schema declares non-nullable, taken from `newspipe.schema`, so a new required column is
checked without a line here) and `accepted_values` (a column holds only its documented
values). They run through the read-only session, on exactly what `newspipe sql` reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from newspipe.schema import TABLES
from newspipe.sqlfiles import read_sql
from newspipe.warehouse.session import ReadOnlyConnection

_PACKAGE = "newspipe.warehouse"


@dataclass(frozen=True)
class Check:
    kind: str  # unique, not_null or accepted_values
    table: str
    columns: tuple[str, ...]
    accepted: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        names = TABLES[self.table].schema.names
        unknown = [c for c in self.columns if c not in names]
        if unknown:
            raise ValueError(f"{self.table} has no column {unknown}")

    @property
    def name(self) -> str:
        return f"{self.kind}({self.table}.{', '.join(self.columns)})"

    def sql(self) -> str:
        # Identifiers come from this module and the schema, checked above; values are bound.
        quoted = [f'"{c}"' for c in self.columns]
        key = quoted[0] if len(quoted) == 1 else f"({', '.join(quoted)})"
        return read_sql(_PACKAGE, f"check_{self.kind}").format(
            relation=f'"{self.table}"', column=quoted[0], key=key
        )


@dataclass(frozen=True)
class CheckResult:
    check: Check
    n_failing: int
    examples: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return self.n_failing == 0

    def describe(self) -> str:
        if self.passed:
            return f"PASS {self.check.name}"
        what = {
            "unique": "values held by more than one row",
            "not_null": "null rows",
            "accepted_values": f"rows outside {', '.join(self.check.accepted)}",
        }[self.check.kind]
        shown = f", e.g. {', '.join(repr(e) for e in self.examples)}" if self.examples else ""
        return f"FAIL {self.check.name}: {self.n_failing:,} {what}{shown}"


_UNIQUE_KEYS = (
    ("articles", ("article_id",)),
    ("articles", ("doc_id",)),
    ("line_labels", ("article_id", "line_no")),
    ("duplicates", ("article_id",)),
    ("entities", ("article_id", "name")),
    ("entity_aliases", ("alias", "type")),
    ("events", ("event_id",)),
    ("runs", ("run_id",)),
)

_ACCEPTED_VALUES = (
    ("documents", "status", ("ok", "quarantined")),
    ("line_labels", "label", ("body", "metadata", "boilerplate", "repeat")),
    ("duplicates", "method", ("exact", "near")),
    ("articles", "event_date_source", ("text", "published", "event")),
)


def warehouse_checks() -> list[Check]:
    """Every check, in a stable order: unique keys, non-nullable columns, accepted values."""
    unique = [Check("unique", table, columns) for table, columns in _UNIQUE_KEYS]
    not_null = [
        Check("not_null", table.name, (f.name,))
        for table in TABLES.values()
        for f in table.schema
        if not f.nullable
    ]
    accepted = [Check("accepted_values", t, (c,), values) for t, c, values in _ACCEPTED_VALUES]
    return unique + not_null + accepted


def run_checks(con: ReadOnlyConnection, checks: list[Check] | None = None) -> list[CheckResult]:
    """Run the checks on a read-only session; one result each."""
    results = []
    for check in checks or warehouse_checks():
        params = {"accepted": list(check.accepted)} if check.kind == "accepted_values" else None
        ((n_failing, examples),) = con.execute(check.sql(), params).fetchall()
        results.append(CheckResult(check, int(n_failing), tuple(examples)))
    return results
