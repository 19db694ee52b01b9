"""Read plain-text article files into raw documents, deciding how to decode each.

Decoding is a decision recorded per document (`encoding`): UTF-8 (with or without a
byte-order mark), UTF-16 when it carries a BOM, else Windows-1252, the superset of Latin-1
that "Latin-1" pages really use (curly quotes at 0x93/0x94). A file that decodes only into
control characters is binary, not a mis-labelled article, and is quarantined rather than
turned into noise. Line ends are normalised to `\\n` so line numbers count as a reader
counts them (CRLF and lone CR both end a line).
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

import pyarrow as pa

RAW_DOCUMENT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("source_uri", pa.string()),
        ("format", pa.string()),
        ("n_bytes", pa.int64()),
        ("encoding", pa.string()),
        ("status", pa.string()),
        ("error", pa.string()),
        ("text", pa.string()),
    ]
)

DOC_ID_HEX_DIGITS = 16
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")
# Share of control characters above which decoded bytes are taken for binary data.
_MAX_CONTROL_SHARE = 0.01
_LINE_ENDS = re.compile(r"\r\n?")


def content_id(data: bytes) -> str:
    """The document id: the same bytes give the same id in every run and at every path."""
    return hashlib.sha256(data).hexdigest()[:DOC_ID_HEX_DIGITS]


def _file_id(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:DOC_ID_HEX_DIGITS]


def decode_text(data: bytes) -> tuple[str | None, str | None, str | None]:
    """Decode article bytes. Returns (text, encoding, error); text is None on error."""
    if not data.strip():
        return None, None, "empty: the input holds no text"
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", "utf-8-sig")]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", "utf-16")]
    elif b"\x00" in data[:8192]:
        return None, None, "binary: NUL bytes in the first 8 KB, not a text article"
    else:
        candidates = [("utf-8", "utf-8"), ("cp1252", "cp1252")]
    for codec, label in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
            return None, None, f"binary: decodes as {label} only into control characters"
        text = _LINE_ENDS.sub("\n", text)
        if not text.strip():
            return None, None, "empty: the input holds only white space"
        return text, label, None
    return None, None, "undecodable: the bytes are neither UTF-8 nor Windows-1252/Latin-1"


def _read_one(path: str, max_bytes: int) -> dict:
    file = Path(path)
    row = {"source_uri": path, "format": "txt", "encoding": None, "text": None}
    try:
        size = file.stat().st_size
        if size > max_bytes:
            return row | {
                "doc_id": _file_id(file),
                "n_bytes": size,
                "status": "quarantined",
                "error": f"too large: {size} bytes, over the limit of "
                f"{max_bytes} bytes (ingest.max_bytes)",
            }
        data = file.read_bytes()
    except OSError as exc:
        return row | {
            "doc_id": content_id(b""),
            "n_bytes": 0,
            "status": "quarantined",
            "error": f"unreadable: {exc.strerror or exc}",
        }
    text, encoding, error = decode_text(data)
    return row | {
        "doc_id": content_id(data),
        "n_bytes": len(data),
        "encoding": encoding,
        "text": text,
        "status": "quarantined" if error else "ok",
        "error": error,
    }


def read_documents(paths: list[str], max_bytes: int) -> pa.Table:
    """Read a batch of plain-text files: one row per path, quarantined rows included."""
    rows = [_read_one(p, max_bytes) for p in paths]
    return pa.Table.from_pylist(rows, schema=RAW_DOCUMENT_SCHEMA)
