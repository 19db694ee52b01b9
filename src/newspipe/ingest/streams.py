"""Open an input (local path or fsspec URL) as a stream of its decompressed bytes and tell
its format, for the readers of `newspipe.ingest`.

Compression is told by magic bytes, not by the name, so a gzipped file without `.gz` is
still read and a `.gz` that is not gzip is not mangled. Decompression streams: a 2 GB
`.jsonl.zst` is never held in memory. A cut or corrupt compressed stream ends after the
last byte that could be decompressed and says so (`Opened.damage`), so readers keep what
came before the break and quarantine the rest. The format is told from the first
bytes and the name: a WARC, Parquet or feed signature wins, then the file ending, then
weaker signs (an HTML tag, a JSON object).
"""

from __future__ import annotations

import bz2
import io
import os
import re
import stat
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import BinaryIO

import fsspec
import zstandard
from fsspec.implementations.local import LocalFileSystem

from newspipe.config import IngestConfig

_MAGIC = {b"\x1f\x8b": "gzip", b"BZh": "bz2", b"\x28\xb5\x2f\xfd": "zstd"}
COMPRESSION_SUFFIXES = {
    ".gz": "gzip",
    ".gzip": "gzip",
    ".bz2": "bz2",
    ".zst": "zstd",
    ".zstd": "zstd",
}
# Enough of the start of a file to see a doctype, an XML prolog and the root element.
HEAD_BYTES = 4096
# Compressed bytes read at a time: small, so that one read never expands to much.
_RAW_CHUNK = 1 << 16
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]")
_HTML_TAG = re.compile(rb"<(!doctype\s+html|html|head|body|meta|title|div|p)[\s>]", re.IGNORECASE)


class NotARegularFile(OSError):
    """A path that is not a regular file (a FIFO, a socket, a device)."""


def describe_special(path: str) -> str:
    """What kind of file system entry `path` is, when it is not a regular file."""
    mode = os.stat(path).st_mode
    kinds = [
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a directory"),
    ]
    return next((kind for test, kind in kinds if test(mode)), "a special file")


def is_url(uri: str) -> bool:
    """True for `scheme://...` addresses that fsspec resolves (s3, gs, http, ...)."""
    return "://" in uri and not uri.startswith("file://")


def storage_options_for(uri: str, config: IngestConfig) -> dict:
    """The configured storage options apply to remote URLs only: the local file system
    takes none and would refuse e.g. `anon`."""
    return dict(config.storage_options) if is_url(uri) else {}


def file_name(uri: str) -> str:
    """The last part of a path or URL, lower case, without query or fragment."""
    return PurePosixPath(uri.split("?", 1)[0]).name.lower()


def strip_compression_suffix(name: str) -> str:
    suffix = PurePosixPath(name).suffix
    return name[: -len(suffix)] if suffix in COMPRESSION_SUFFIXES else name


def format_by_extension(uri: str, config: IngestConfig) -> str | None:
    suffix = PurePosixPath(strip_compression_suffix(file_name(uri))).suffix
    return next((fmt for fmt, ends in config.extensions.items() if suffix in ends), None)


def detect_format(uri: str, head: bytes, config: IngestConfig) -> str:
    """The reader to use, from the decompressed first bytes and the file name."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if head.startswith(b"PAR1"):
        return "parquet"
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and _FEED_ROOT.search(head):
        return "feed"
    by_name = format_by_extension(uri, config)
    if by_name is not None:
        return by_name
    if _HTML_TAG.search(start[:1024]):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "txt"


def _new_decompressor(compression: str):
    if compression == "gzip":
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if compression == "bz2":
        return bz2.BZ2Decompressor()
    return zstandard.ZstdDecompressor().decompressobj()


class _Decompressing(io.RawIOBase):
    """Streaming decompression of concatenated gzip members, bz2 streams or zstd frames.

    gzip.GzipFile and friends raise as soon as the input ends, losing what a buffered read
    had already decompressed (zstandard's reader ends without a word instead). Here a cut
    or corrupt stream ends like a clean one, after every byte that could be decompressed,
    and `damage` says what went wrong.
    """

    def __init__(self, raw: BinaryIO, compression: str):
        self._raw = raw
        self._compression = compression
        self._member = _new_decompressor(compression)
        self._started = False
        self._pending = b""
        self.damage: str | None = None

    def readable(self) -> bool:
        return True

    def _fill(self) -> None:
        while not self._pending and self.damage is None:
            chunk = self._raw.read(_RAW_CHUNK)
            if not chunk:
                if self._started and not self._member.eof:
                    self.damage = f"the {self._compression} stream ends before its end marker"
                return
            try:
                self._pending = self._decompress(chunk)
            except (OSError, EOFError, zlib.error, zstandard.ZstdError) as exc:
                self.damage = f"corrupt {self._compression} data: {exc}"

    def _decompress(self, chunk: bytes) -> bytes:
        if self._member.eof:
            # Concatenated members (cat a.gz b.gz, zstd -c a b) are one stream.
            self._member = _new_decompressor(self._compression)
        self._started = True
        out = self._member.decompress(chunk)
        while self._member.eof and self._member.unused_data:
            rest = self._member.unused_data
            self._member = _new_decompressor(self._compression)
            out += self._member.decompress(rest)
        return out

    def readinto(self, buffer) -> int:
        self._fill()
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


@dataclass(frozen=True)
class Opened:
    """An input ready to read: its decompressed `stream`, the first bytes of that stream
    (`head`), the `compression` found (None when plain) and the stored `size` in bytes.
    Once the stream has ended, `damage()` says whether it ended cut short or corrupt."""

    stream: BinaryIO
    head: bytes
    compression: str | None
    size: int
    decompressor: _Decompressing | None = None
    raw: BinaryIO | None = None  # the stored (compressed) bytes, for a compressed input

    def damage(self) -> str | None:
        return self.decompressor.damage if self.decompressor is not None else None


@contextmanager
def open_input(uri: str, config: IngestConfig) -> Iterator[Opened]:
    """Open a local path or URL for reading; the caller reads `stream` from the start."""
    fs, path = fsspec.core.url_to_fs(uri, **storage_options_for(uri, config))
    if isinstance(fs, LocalFileSystem) and not stat.S_ISREG(os.stat(path).st_mode):
        # Opening a FIFO waits for a writer forever; a device may never end.
        raise NotARegularFile(f"not a regular file: {describe_special(path)}")
    size = fs.size(path)
    with fs.open(path, "rb") as raw:
        magic = raw.read(4)
        raw.seek(0)
        compression = next((c for m, c in _MAGIC.items() if magic.startswith(m)), None)
        if compression is None:
            head = raw.read(HEAD_BYTES)
            raw.seek(0)
            yield Opened(raw, head, None, size)
            return
        decompressor = _Decompressing(raw, compression)
        with io.BufferedReader(decompressor, buffer_size=_RAW_CHUNK) as stream:
            yield Opened(
                stream, stream.peek(HEAD_BYTES)[:HEAD_BYTES], compression, size, decompressor, raw
            )
