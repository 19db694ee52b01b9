"""Read inputs of any format into batches of raw documents: the entry point of ingest.

`read_documents` takes the files `discover_inputs` found (local paths or fsspec URLs) and
yields Arrow tables of at most `batch_size` raw documents, filling each batch across small
files and splitting large record files and archives, so memory stays bounded by one batch
whatever the input. Each file is opened once (`streams.open_input`: decompressed, format
told from its first bytes and name) and handed to the reader of its format. Nothing here
raises for bad input: a file that cannot be opened or read becomes one quarantined row, a
bad record one quarantined row of its own, and the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pyarrow as pa

from newspipe.config import IngestConfig
from newspipe.ingest.documents import RAW_DOCUMENT_SCHEMA, batches, quarantined_row
from newspipe.ingest.feeds import feed_rows
from newspipe.ingest.html import html_rows
from newspipe.ingest.records import csv_rows, jsonl_rows, parquet_rows
from newspipe.ingest.streams import Opened, detect_format, format_by_extension, open_input
from newspipe.ingest.text import text_rows
from newspipe.ingest.warc import warc_rows

Reader = Callable[[Opened, str, IngestConfig], Iterator[dict]]
READERS: dict[str, Reader] = {
    "txt": text_rows,
    "html": html_rows,
    "jsonl": jsonl_rows,
    "csv": csv_rows,
    "parquet": parquet_rows,
    "warc": warc_rows,
    "feed": feed_rows,
}


def document_rows(uri: str, config: IngestConfig, fmt: str | None = None) -> Iterator[dict]:
    """The raw documents of one file as row dicts; `fmt` forces a reader, else the format
    is told from the content and the name."""
    try:
        with open_input(uri, config) as opened:
            found = fmt or detect_format(uri, opened.head, config)
            if found == "parquet" and opened.compression is not None:
                yield quarantined_row(
                    source_uri=uri,
                    fmt=found,
                    input_file=uri,
                    error=f"parquet: cannot read a {opened.compression}-compressed Parquet "
                    "file; Parquet compresses its own pages, store it uncompressed",
                )
                return
            n_rows = 0
            for row in READERS[found](opened, uri, config):
                n_rows += 1
                yield row
            if n_rows == 0:
                # Every input is accounted for: a file with nothing in it (an empty record
                # file, an archive without HTML pages) is still a row.
                yield quarantined_row(
                    source_uri=uri,
                    fmt=found,
                    input_file=uri,
                    error=f"empty: no documents found in this {found} file",
                )
    except Exception as exc:  # noqa: BLE001
        # The readers turn every damage they know into rows; what is left (the file vanished,
        # storage refused access, a parser library failed in a way of its own) still must not
        # stop the run: the file becomes one quarantined row with the reason.
        yield quarantined_row(
            source_uri=uri,
            fmt=fmt or format_by_extension(uri, config) or "unknown",
            input_file=uri,
            error=f"unreadable: {getattr(exc, 'strerror', None) or f'{type(exc).__name__}: {exc}'}",
        )


def read_file(uri: str, config: IngestConfig, fmt: str | None = None) -> Iterator[pa.Table]:
    """The raw documents of one file, in tables of at most `config.batch_size` rows."""
    return batches(document_rows(uri, config, fmt), config.batch_size)


def read_documents(uris: Iterable[str], config: IngestConfig) -> Iterator[pa.Table]:
    """The raw documents of many files, in tables of at most `config.batch_size` rows;
    rows keep the order of `uris`, and within a file the order of its records."""
    rows = (row for uri in uris for row in document_rows(uri, config))
    return batches(rows, config.batch_size)


def refused_documents(refused: list[tuple[str, str]], config: IngestConfig) -> pa.Table:
    """One quarantined row per entry discovery refused (a FIFO, a dangling link, ...)."""
    rows = [
        quarantined_row(
            source_uri=path,
            fmt=format_by_extension(path, config) or "unknown",
            input_file=path,
            error=f"unreadable: {reason}",
        )
        for path, reason in refused
    ]
    return pa.Table.from_pylist(rows, schema=RAW_DOCUMENT_SCHEMA)


def _reader_for(fmt: str) -> Callable[[str, IngestConfig], Iterator[pa.Table]]:
    def read(uri: str, config: IngestConfig) -> Iterator[pa.Table]:
        return read_file(uri, config, fmt)

    read.__name__ = f"read_{fmt}"
    read.__doc__ = f"The raw documents of a {fmt} file (possibly compressed), in batches."
    return read


read_txt = _reader_for("txt")
read_html = _reader_for("html")
read_jsonl = _reader_for("jsonl")
read_csv = _reader_for("csv")
read_parquet = _reader_for("parquet")
read_warc = _reader_for("warc")
read_feed = _reader_for("feed")
