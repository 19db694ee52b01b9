"""A folder of hostile inputs, written fresh for each test that needs it.

Each case is what a scraper, an export or a disk really produces now and then: damaged
files, absurd sizes and shapes, wrong types, files that are not files. `write_hostile`
writes them all and returns, per case, the path a run will report it under in `documents`
(for record files, the file itself: its records are `<file>#<n>`) and whether an article is
expected to come out of it (None: either outcome is acceptable, the case only must not
fail the run).
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import os
import random
import zlib
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ARTICLE = (
    "Harbour authority delays the opening of the new ferry terminal\n\n"
    "The Veldmark harbour authority said on Tuesday that the new ferry terminal would open "
    "three months later than planned, after inspectors found cracks in two mooring piers.\n\n"
    "“We will not open a pier that we cannot vouch for,” said Ilse Brandvold, who chairs "
    "the authority. Contractors have been asked to repair the piers before the summer.\n\n"
    "The terminal, which cost 48 million euros, was meant to take its first ferries in "
    "April. Local businesses said the delay would cost them the early tourist season.\n"
)


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    article: bool | None  # an article expected from it (None: either is fine)


def _article(topic: str) -> str:
    return ARTICLE.replace("ferry terminal", f"{topic} terminal")


def _html(body: str) -> str:
    return (
        "<!doctype html><html><head><title>Veldmark News</title></head><body>"
        f"<article><h1>Harbour delays</h1>{body}</article></body></html>"
    )


def _warc_record(uri: str, html: str) -> bytes:
    payload = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html).encode()
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2025-03-04T10:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    ).encode()
    return head + payload + b"\r\n\r\n"


def _gzip_bomb(path: Path, expanded_bytes: int) -> None:
    """A small gzip file that expands to `expanded_bytes` of one repeated byte."""
    chunk = b"a" * (1 << 20)
    with gzip.open(path, "wb", compresslevel=9) as out:
        for _ in range(expanded_bytes // len(chunk)):
            out.write(chunk)


def _feed(n_items: int) -> str:
    items = "".join(
        f"<item><title>Pier report {i}</title><link>https://veldmark.example/p/{i}</link>"
        f"<description>Inspectors checked pier {i} of the new terminal on Tuesday and "
        f"found it sound; repairs elsewhere continue.</description></item>"
        for i in range(n_items)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Veldmark</title>'
        f"<link>https://veldmark.example</link>{items}</channel></rss>"
    )


def write_hostile(folder: Path, *, max_bytes: int) -> list[Case]:
    """Write every hostile case into `folder`; `max_bytes` is the run's --max-bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(13)
    cases: list[Case] = []

    def add(name: str, content: bytes | str, article: bool | None) -> Path:
        path = folder / name
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        cases.append(Case(name, path, article))
        return path

    add("ok.txt", _article("ferry"), True)
    add("empty.txt", b"", False)
    add("whitespace.txt", " \n\t\n  \n", False)
    add("binary.txt", bytes(rng.randrange(256) for _ in range(4096)), False)
    add("nuls.txt", _article("nul").replace(" ", "\x00 ").encode(), False)
    add("utf16.txt", _article("utf16").encode("utf-16"), True)
    add("cp1252.txt", _article("quayside").replace("“", "\x93").encode("cp1252", "replace"), True)
    add("single_line_1mb.txt", b"word " * 250_000, None)
    add("single_line_over_limit.txt", b"x" * (max_bytes + 1), False)
    add("many_short_lines.txt", "a\n" * 500_000, None)
    add(
        "absurd_dates.txt",
        _article("absurd").replace(
            "on Tuesday",
            "from 0001 GMT on Friday, on 31 February 2023, on 0/0/0000, in the year 99999 "
            f"and on 1 January 0001, with {'9' * 400} tonnes",
        ),
        True,
    )
    add(
        "unknown_language.txt",
        (
            "Di harbour people dem talk say di new terminal no go open for April again.\n\n"
            "Dem say inspectors see crack for two pier, and contractors go fix am before summer. "
            "Di oga wey chair di authority talk say dem no go open pier wey dem no fit trust.\n"
        ),
        None,
    )
    add("quotes_everywhere.txt", _article("quote") + "“" * 20_000 + "\n", None)
    add("control_heavy.txt", ("\x01\x02 " * 3000).encode(), False)
    add("truncated.txt.gz", gzip.compress(_article("gzip").encode())[:60], False)
    add("not_gzip.txt.gz", _article("plain").encode(), True)
    add("corrupt.txt.bz2", bz2.compress(_article("bz2").encode())[:40] + b"garbage", False)
    bomb = folder / "bomb.txt.gz"
    _gzip_bomb(bomb, 4 * max_bytes)
    cases.append(Case("bomb.txt.gz", bomb, False))
    add(
        "nested_divs.html",
        "<html><body>" + "<div>" * 5000 + _article("div") + "</body></html>",
        None,
    )
    add(
        "no_text.html",
        "<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
        False,
    )
    add(
        "minified.html", _html("<p>" + _article("minified").replace("\n", "</p><p>") + "</p>"), True
    )
    add(
        "invalid_lines.jsonl",
        "\n".join(
            [
                json.dumps({"text": _article("jsonl")}),
                "{not json",
                "[1, 2",
                json.dumps({"text": 42}),
            ]
        ),
        True,
    )
    add("huge_record.jsonl", json.dumps({"text": "word " * 8_000_000}) + "\n", False)
    add(
        "wide.csv",
        ",".join(f"c{i}" for i in range(100_000)) + "\n" + ",".join(["x"] * 100_000),
        False,
    )
    add("ragged.csv", "text,title\n" + json.dumps(_article("csv")) + ',T\n"a","b","c"\n', True)
    parquet_int = folder / "int_text.parquet"
    pq.write_table(pa.table({"text": [1, 2, 3], "title": ["a", "b", "c"]}), parquet_int)
    cases.append(Case("int_text.parquet", parquet_int, False))
    good_parquet = io.BytesIO()
    pq.write_table(pa.table({"text": [_article("parquet")]}), good_parquet)
    add("cut.parquet", good_parquet.getvalue()[:-30], False)
    add(
        "cut.warc", _warc_record("https://veldmark.example/a", _html(_article("warc")))[:300], False
    )
    add("big_feed.rss", _feed(10_000), None)
    add("broken_feed.rss", '<?xml version="1.0"?><rss><channel><item><title>x', None)
    add("zlib_raw.txt", zlib.compress(_article("zlib").encode()), False)
    loop = folder / "loop.txt"
    os.symlink(loop, loop)
    cases.append(Case("loop.txt", loop, False))
    dangling = folder / "dangling.txt"
    os.symlink(folder / "no-such-file.txt", dangling)
    cases.append(Case("dangling.txt", dangling, False))
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    cases.append(Case("pipe.txt", fifo, False))
    (folder / "sub").mkdir()
    os.symlink(folder, folder / "sub" / "back")
    add("sub/inner.txt", _article("inner"), True)
    add("vanishing.txt", _article("vanishing"), False)
    return cases
