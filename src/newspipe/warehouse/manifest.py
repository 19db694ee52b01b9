"""The committed manifest: which Parquet parts make up each table.

`DIR/_manifest.json` lists every table's part files by their path inside DIR. Readers
(`newspipe sql`, the dashboard, the catalog) take a table's parts from it, never from a
directory listing, so the files a publish is moving in, or is about to remove, stay
invisible until the new manifest replaces the old one in a single rename (a single PUT on
object storage): a reader sees the old set of parts or the new one, never a mix. Paths
inside DIR keep a warehouse folder copyable and movable as a whole.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from newspipe.warehouse.errors import WarehouseDamaged

MANIFEST_FILE = "_manifest.json"
_FORMAT = 1
# A part is a Parquet file directly inside its table's folder: a manifest naming anything
# else (`../`, another folder) is refused, since readers may open what it lists.
_PART = re.compile(r"[a-z_]+/[A-Za-z0-9_.=-]+\.parquet")


@dataclass(frozen=True)
class Manifest:
    """Table name -> its part files, as paths inside the warehouse folder
    (`articles/part-x.parquet`)."""

    tables: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    run_id: str | None = None

    def parts(self, table: str) -> tuple[str, ...]:
        return self.tables.get(table, ())

    @property
    def has_parts(self) -> bool:
        """Whether anything was ever published."""
        return any(self.tables.values())

    def changed(self, run_id: str, added: Iterable[str], removed: Iterable[str]) -> Manifest:
        """The manifest after a publish that adds and removes these parts."""
        gone = set(removed)
        tables = {name: {p for p in parts if p not in gone} for name, parts in self.tables.items()}
        for part in added:
            tables.setdefault(part.split("/", 1)[0], set()).add(part)
        return Manifest({name: tuple(sorted(parts)) for name, parts in tables.items()}, run_id)

    def document(self) -> dict:
        tables = {name: list(parts) for name, parts in sorted(self.tables.items())}
        return {"format": _FORMAT, "run_id": self.run_id, "tables": tables}

    def to_json(self) -> bytes:
        return json.dumps(self.document(), indent=1, sort_keys=True).encode()

    @property
    def digest(self) -> str:
        """Identifies this set of parts: the catalog records the digest it was built from."""
        return hashlib.sha256(self.to_json()).hexdigest()[:16]

    @classmethod
    def from_json(cls, data: bytes, where: str) -> Manifest:
        try:
            document = json.loads(data)
        except ValueError as exc:
            raise WarehouseDamaged(f"{where} is not a newspipe manifest ({exc})") from None
        return cls.from_document(document, where)

    @classmethod
    def from_document(cls, document: object, where: str) -> Manifest:
        try:
            tables = {name: tuple(parts) for name, parts in document["tables"].items()}
        except (KeyError, AttributeError, TypeError) as exc:
            raise WarehouseDamaged(f"{where} is not a newspipe manifest ({exc!r})") from None
        for name, parts in tables.items():
            for part in parts:
                if not _PART.fullmatch(part) or not part.startswith(f"{name}/"):
                    raise WarehouseDamaged(f"{where} lists {part!r}, not a part of {name}")
        return cls(tables, document.get("run_id"))
