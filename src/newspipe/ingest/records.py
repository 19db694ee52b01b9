"""Read record files (JSON Lines, CSV, Parquet): one raw document per record.

Each record's text and its optional page address, title, author, date and source are found
by name (`IngestConfig.record_fields`: the first candidate present wins, case-insensitive).
Files stream: JSONL line by line, CSV row by row, Parquet in row batches, so a 2 GB file
never has to fit in memory. A bad record (invalid JSON, no text, a CSV row with the wrong
number of fields) becomes a quarantined row naming the file, the record number and the
reason, and its neighbours are kept; a file cut short keeps the records read before the
break and ends with one quarantined row saying where it broke.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterator, Mapping
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newspipe.config import IngestConfig, RecordFields
from newspipe.ingest.documents import domain_of, ok_row, quarantined_row, record_uri
from newspipe.ingest.streams import Opened, file_name, strip_compression_suffix
from newspipe.ingest.text import damaged_error, normalise_line_ends

HINTS = ("url", "title", "author", "published", "source")
# A JSON line may spell a text longer than the text itself (`\u00e9` for `é`): a line is
# refused unread only beyond this many bytes per byte of the largest text accepted.
JSON_LINE_BYTES_PER_TEXT_BYTE = 8
# A JSON object per line; `.json` files holding one array (or one object) of records are
# read whole when within max_bytes.
_JSON_ARRAY_START = b"["

# Python's csv refuses fields over 128 KiB by default; an article body may be longer. The
# limit is process-wide, so it is raised to the largest document ingest accepts anyway.
csv.field_size_limit(sys.maxsize)


class RecordError(ValueError):
    """A record that cannot be a document, with the reason."""


def _resolve(names: list[str], candidates: tuple[str, ...]) -> list[str]:
    """The record's own spellings of the candidate names, in the candidates' order."""
    by_folded = {}
    for name in names:
        by_folded.setdefault(str(name).casefold(), name)
    return [by_folded[c.casefold()] for c in candidates if c.casefold() in by_folded]


def _published(value: Any) -> str | None:
    """ISO 8601 for dates and timestamps (Unix seconds, or milliseconds when the number is
    too large to be seconds), the string as given otherwise."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if abs(value) > 1e11 else value
        try:
            return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    return _string(value)


def _string(value: Any) -> str | None:
    if isinstance(value, list):
        # Authors and paragraphs come as lists in some dumps.
        value = ", ".join(str(v) for v in value if v) or None
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _text(value: Any) -> str | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = "\n".join(value)
    if not isinstance(value, str):
        return None
    return value if value.strip() else None


class FieldMap:
    """Where a record's text and hints are, resolved once per set of field names."""

    def __init__(self, fields: RecordFields):
        self.fields = fields
        self._cache: dict[tuple, dict[str, list[str]]] = {}

    def columns(self, names: list[str]) -> dict[str, list[str]]:
        key = tuple(names)
        if key not in self._cache:
            self._cache[key] = {
                role: _resolve(names, getattr(self.fields, role)) for role in ("text", *HINTS)
            }
        return self._cache[key]

    def no_text_reason(self) -> str:
        return f"no text field (looked for {', '.join(self.fields.text)}; ingest.record_fields)"

    def document(self, record: Mapping[str, Any], max_bytes: int) -> tuple[bytes, str, dict]:
        """(text bytes, text, hints) of a record; RecordError when it has no usable text."""
        columns = self.columns(list(record))
        if not columns["text"]:
            raise RecordError(self.no_text_reason())
        text = next((t for t in (_text(record[c]) for c in columns["text"]) if t is not None), None)
        if text is None:
            raise RecordError(_no_text(columns["text"][0], record[columns["text"][0]]))
        data = text.encode("utf-8", errors="surrogatepass")
        if len(data) > max_bytes:
            raise RecordError(
                f"text too large: {len(data)} bytes, over the limit of {max_bytes} bytes "
                "(ingest.max_bytes)"
            )
        hints = {}
        for role in HINTS:
            convert = _published if role == "published" else _string
            hints[role] = next(
                (v for v in (convert(record[c]) for c in columns[role]) if v is not None), None
            )
        url = hints["url"] if hints["url"] and "://" in hints["url"] else None
        hints["url"] = url
        hints["source"] = domain_of(url) or domain_of(hints["source"]) or hints["source"]
        return data, normalise_line_ends(text), hints


def _no_text(field: str, value: Any) -> str:
    """Why a record's text field gives no text: empty, or a value of another kind."""
    if (
        value is None
        or isinstance(value, str)
        or (isinstance(value, list) and all(isinstance(v, str) for v in value))
    ):
        return f"empty text in field {field!r}"
    return f"field {field!r} is {_kind(value)}, not text"


def _kind(value: Any) -> str:
    kinds = {bool: "a boolean", int: "a number", float: "a number", dict: "an object"}
    if isinstance(value, list):
        return "a list of non-text values"
    return next((k for t, k in kinds.items() if isinstance(value, t)), type(value).__name__)


def _record_row(
    fields: FieldMap, record: Any, input_file: str, fmt: str, number: int, config: IngestConfig
) -> dict:
    where = {
        "source_uri": record_uri(input_file, number),
        "fmt": fmt,
        "input_file": input_file,
        "record_no": number,
    }
    try:
        if not isinstance(record, Mapping):
            raise RecordError(f"not an object but a JSON {type(record).__name__}")
        data, text, hints = fields.document(record, config.max_bytes)
    except RecordError as exc:
        return quarantined_row(**where, error=record_error(number, input_file, str(exc)))
    return ok_row(data=data, text=text, encoding="utf-8", **where, **hints)


def record_error(number: int, input_file: str, reason: str) -> str:
    return f"record {number} of {input_file}: {reason}"


def broken_row(number: int, input_file: str, fmt: str, opened: Opened, reason: str) -> dict:
    """The row that ends a file cut short or corrupt at record `number`; the records
    before it were kept."""
    return quarantined_row(
        source_uri=record_uri(input_file, number),
        fmt=fmt,
        input_file=input_file,
        record_no=number,
        error=record_error(
            number,
            input_file,
            f"{damaged_error(opened, reason)}; the {number - 1} records before it were kept",
        ),
    )


def jsonl_rows(opened: Opened, uri: str, config: IngestConfig) -> Iterator[dict]:
    """One document per line of a JSON Lines file; `record_no` is the line number, blank
    lines are skipped but counted."""
    fields = FieldMap(config.record_fields)
    if opened.head.lstrip().startswith(_JSON_ARRAY_START):
        yield from _json_array_rows(opened, uri, config, fields)
        return
    number = 0
    longest = max(JSON_LINE_BYTES_PER_TEXT_BYTE * config.max_bytes, 1 << 20)
    for number, line in enumerate(_bounded_lines(opened.stream, longest), start=1):
        if line is None:
            yield quarantined_row(
                source_uri=record_uri(uri, number),
                fmt="jsonl",
                input_file=uri,
                record_no=number,
                error=record_error(number, uri, f"line over {longest} bytes (ingest.max_bytes)"),
            )
            continue
        if not line.endswith(b"\n") and opened.damage():
            # The last line of a cut stream is the cut record, whatever it parses as.
            number -= 1
            break
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield quarantined_row(
                source_uri=record_uri(uri, number),
                fmt="jsonl",
                input_file=uri,
                record_no=number,
                data=line,
                error=record_error(number, uri, f"invalid JSON: {exc}"),
            )
            continue
        yield _record_row(fields, record, uri, "jsonl", number, config)
    if opened.damage():
        yield broken_row(number + 1, uri, "jsonl", opened, "")


def _bounded_lines(stream, longest: int) -> Iterator[bytes | None]:
    """The lines of `stream`; None for a line longer than `longest`, which is skipped
    without being held in memory."""
    while line := stream.readline(longest + 1):
        if len(line) <= longest or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield None


def _json_array_rows(
    opened: Opened, uri: str, config: IngestConfig, fields: FieldMap
) -> Iterator[dict]:
    """A `.json` file holding one array of records: read whole, so bounded by max_bytes."""
    where = {"source_uri": uri, "fmt": "jsonl", "input_file": uri}
    data = opened.stream.read(config.max_bytes + 1)
    if opened.damage():
        yield quarantined_row(**where, error=damaged_error(opened))
        return
    if len(data) > config.max_bytes:
        yield quarantined_row(
            **where,
            error=f"too large: a JSON array over {config.max_bytes} bytes (ingest.max_bytes); "
            "write it as JSON Lines (one record per line) to stream it",
        )
        return
    try:
        records = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield quarantined_row(**where, data=data, error=f"invalid JSON: {exc}")
        return
    for number, record in enumerate(records, start=1):
        yield _record_row(fields, record, uri, "jsonl", number, config)


def csv_rows(opened: Opened, uri: str, config: IngestConfig) -> Iterator[dict]:
    """One document per data row of a CSV (or tab-separated) file with a header row.

    Read with Python's csv module rather than Arrow's block reader so that one malformed
    row is quarantined alone with its exact number; fields may span lines when quoted.
    """
    fields = FieldMap(config.record_fields)
    text_stream = io.TextIOWrapper(opened.stream, encoding="utf-8-sig", newline="")
    delimiter = "\t" if strip_compression_suffix(file_name(uri)).endswith(".tsv") else ","
    reader = csv.reader(text_stream, delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None or not fields.columns(header)["text"]:
            yield quarantined_row(
                source_uri=uri,
                fmt="csv",
                input_file=uri,
                error=f"csv: {fields.no_text_reason()}; the header is "
                f"{', '.join(header or []) or 'missing'}",
            )
            return
        # Each row is held back until the next one is read: the last row of a cut stream
        # is the cut record and must not pass for a whole one.
        held = None
        for number, values in enumerate(_csv_records(reader), start=1):
            if held is not None:
                yield held
            held = _csv_row(fields, header, values, uri, number, config)
        last = held["record_no"] if held is not None else 0
        if opened.damage():
            yield broken_row(max(last, 1), uri, "csv", opened, "")
        elif held is not None:
            yield held
    except UnicodeDecodeError as exc:
        yield broken_row(1, uri, "csv", opened, f"not UTF-8: {exc}")
    finally:
        # The byte stream belongs to open_input, which closes it.
        text_stream.detach()


def _csv_records(reader) -> Iterator[list[str] | csv.Error]:
    """The reader's rows, with a malformed row given as its error, so reading goes on."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield exc


def _csv_row(
    fields: FieldMap, header: list[str], values, uri: str, number: int, config: IngestConfig
) -> dict:
    where = {
        "source_uri": record_uri(uri, number),
        "fmt": "csv",
        "input_file": uri,
        "record_no": number,
    }
    if isinstance(values, csv.Error):
        return quarantined_row(**where, error=record_error(number, uri, f"malformed CSV: {values}"))
    if len(values) != len(header):
        return quarantined_row(
            **where,
            data=",".join(values).encode(),
            error=record_error(
                number, uri, f"{len(values)} fields where the header has {len(header)}"
            ),
        )
    return _record_row(fields, dict(zip(header, values, strict=True)), uri, "csv", number, config)


def parquet_rows(opened: Opened, uri: str, config: IngestConfig) -> Iterator[dict]:
    """One document per row of a Parquet file, read in row batches of the wanted columns."""
    fields = FieldMap(config.record_fields)
    number = 0
    try:
        parquet = pq.ParquetFile(opened.stream)
        names = parquet.schema_arrow.names
        columns = fields.columns(names)
        if not columns["text"]:
            yield quarantined_row(
                source_uri=uri,
                fmt="parquet",
                input_file=uri,
                error=f"parquet: {fields.no_text_reason()}; the columns are {', '.join(names)}",
            )
            return
        text_types = {c: parquet.schema_arrow.field(c).type for c in columns["text"]}
        if not any(_is_text_type(t) for t in text_types.values()):
            field, type_ = next(iter(text_types.items()))
            yield quarantined_row(
                source_uri=uri,
                fmt="parquet",
                input_file=uri,
                error=f"parquet: field {field!r} is {type_}, not text",
            )
            return
        wanted = sorted({c for cs in columns.values() for c in cs}, key=names.index)
        for batch in parquet.iter_batches(batch_size=config.batch_size, columns=wanted):
            for record in batch.to_pylist():
                number += 1
                yield _record_row(fields, record, uri, "parquet", number, config)
    except (OSError, ValueError) as exc:
        # pyarrow reports a damaged or cut file as ArrowInvalid (a ValueError) or OSError.
        yield broken_row(number + 1, uri, "parquet", opened, str(exc))


def _is_text_type(type_) -> bool:
    """Arrow types a text field may have: strings, or lists of strings (paragraphs)."""
    if pa.types.is_list(type_) or pa.types.is_large_list(type_):
        type_ = type_.value_type
    return pa.types.is_string(type_) or pa.types.is_large_string(type_)
