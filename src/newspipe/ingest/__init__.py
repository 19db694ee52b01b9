"""Ingest: the first stage of the flow, from inputs to batches of raw documents.

`discover_inputs` turns the user's files, folders (walked recursively), globs and object
storage URLs into a sorted list of files; `read_documents` reads them, whatever their format
(plain text, HTML, JSONL/CSV/Parquet records, WARC archives, RSS/Atom feeds; gzip, bz2 or
zstd compressed), into Arrow tables of at most `batch_size` raw documents: one row per
document, with its content id, where it came from, how it was decoded or extracted, the
text and the metadata the input carried, or `quarantined` with the reason when it cannot be
an article. Nothing is dropped here and nothing raises for bad input: every document, bad
record and unreadable file becomes a row.
"""

from newspipe.config import HtmlConfig, IngestConfig, RecordFields
from newspipe.ingest.discover import Discovered, InputError, discover_inputs
from newspipe.ingest.documents import COLUMN_MEANINGS, RAW_DOCUMENT_SCHEMA, content_id
from newspipe.ingest.read import (
    read_csv,
    read_documents,
    read_feed,
    read_file,
    read_html,
    read_jsonl,
    read_parquet,
    read_txt,
    read_warc,
    refused_documents,
)

__all__ = [
    "COLUMN_MEANINGS",
    "RAW_DOCUMENT_SCHEMA",
    "Discovered",
    "HtmlConfig",
    "IngestConfig",
    "InputError",
    "RecordFields",
    "content_id",
    "discover_inputs",
    "read_csv",
    "read_documents",
    "read_feed",
    "read_file",
    "read_html",
    "read_jsonl",
    "read_parquet",
    "read_txt",
    "read_warc",
    "refused_documents",
]
