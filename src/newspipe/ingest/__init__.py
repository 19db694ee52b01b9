"""Ingest: the first stage of the flow, from paths to a table of raw documents.

`discover_inputs` turns the user's files, folders (walked recursively) and globs into a
sorted list of paths; `read_documents` reads one batch of them into an Arrow table with one
row per input: its content id, where it came from, how its bytes were decoded, and the text,
or `quarantined` with the reason when it cannot be an article (empty, binary, undecodable,
too large, unreadable). Nothing is dropped here: every input becomes a row.
"""

from newspipe.ingest.discover import InputError, discover_inputs
from newspipe.ingest.text import RAW_DOCUMENT_SCHEMA, read_documents

__all__ = ["RAW_DOCUMENT_SCHEMA", "InputError", "discover_inputs", "read_documents"]
