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
from collections.abc import Iterator

from newspipe.config import IngestConfig
from newspipe.ingest.documents import DOC_ID_HEX_DIGITS, ok_row, quarantined_row
from newspipe.ingest.streams import Opened

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")
# Share of control characters above which decoded bytes are taken for binary data.
_MAX_CONTROL_SHARE = 0.01
_LINE_ENDS = re.compile(r"\r\n?")


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


def normalise_line_ends(text: str) -> str:
    return _LINE_ENDS.sub("\n", text)


def whole_document(
    opened: Opened, uri: str, fmt: str, config: IngestConfig
) -> tuple[bytes | None, dict | None]:
    """The bytes of a single-document file, or a quarantined row when it is over
    `max_bytes` or its compressed stream is damaged. An over-large file is hashed as it
    streams by, so its id is still its content id, without holding it in memory."""
    where = {"source_uri": uri, "fmt": fmt, "input_file": uri}
    data = _read_at_most(opened.stream, config.max_bytes + 1)
    if len(data) <= config.max_bytes:
        if opened.damage():
            return None, quarantined_row(**where, data=data, error=damaged_error(opened))
        return data, None
    if opened.raw is not None:
        # Decompressing on to count would let a small bomb cost minutes: the id and size
        # are the stored file's.
        opened.raw.seek(0)
        doc_id, size = _content_id(opened.raw)
        error = (
            f"too large: over {config.max_bytes} bytes once decompressed ({size} bytes "
            "stored; ingest.max_bytes)"
        )
    else:
        doc_id, size = _content_id(opened.stream, data)
        error = (
            f"too large: {size} bytes, over the limit of {config.max_bytes} bytes "
            "(ingest.max_bytes)"
        )
    return None, quarantined_row(**where, error=error) | {"doc_id": doc_id, "n_bytes": size}


def _content_id(stream, start: bytes = b"") -> tuple[str, int]:
    """Content id and size of `start` followed by the rest of `stream`, hashed as it
    streams by, never held in memory."""
    digest, size = hashlib.sha256(start), len(start)
    for chunk in iter(lambda: stream.read(1 << 20), b""):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest()[:DOC_ID_HEX_DIGITS], size


def damaged_error(opened: Opened, reason: str | None = None) -> str:
    """Why a stream ended early: what the decompressor found, else `reason`."""
    return f"truncated or corrupt: {opened.damage() or reason}"


def _read_at_most(stream, limit: int) -> bytes:
    parts, left = [], limit
    while left > 0:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def text_rows(opened: Opened, uri: str, config: IngestConfig) -> Iterator[dict]:
    """The one document of a plain-text file."""
    data, refusal = whole_document(opened, uri, "txt", config)
    if refusal is not None:
        yield refusal
        return
    text, encoding, error = decode_text(data)
    if error is not None:
        yield quarantined_row(source_uri=uri, fmt="txt", input_file=uri, error=error, data=data)
        return
    yield ok_row(data=data, text=text, source_uri=uri, fmt="txt", input_file=uri, encoding=encoding)
