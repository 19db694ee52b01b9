"""Ingest throughput: 100,000 JSONL records and 10,000 HTML pages.

Usage: .venv/bin/python benchmarks/bench_ingest.py [--records N] [--pages N] [--batch-size N]

Builds the inputs in a temporary folder from the sample corpus's paragraphs (each record and
page a different mix, so no two are identical): one JSONL file of N records (gzipped too)
and N HTML pages with site chrome (navigation, newsletter box, footer). Each case runs in a
fresh subprocess that streams every batch through `newspipe.ingest.read_documents`
without keeping it; a thread samples its resident memory (psutil) every 20 ms. The
figures are documents per second and peak RSS while reading, beside the RSS after imports
(what any newspipe process holds before reading a byte).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus"
PARAGRAPHS_PER_DOC = 8


def _paragraphs() -> list[str]:
    lines = (
        line.strip()
        for path in sorted(CORPUS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").split("\n")
    )
    return [line for line in lines if len(line.split()) >= 12]


def _page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Bench Times'
        '</title><meta property="og:site_name" content="Bench Times"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        "<aside><h3>Sign up to our newsletter</h3><p>The morning briefing, free.</p></aside>"
        "<footer><p>&copy; Bench Times</p><a href='/privacy'>Privacy</a></footer></body></html>"
    )


def build_inputs(folder: Path, n_records: int, n_pages: int) -> dict[str, list[str]]:
    rng = random.Random(0)
    pool = _paragraphs()
    jsonl = folder / "records.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for i in range(n_records):
            text = "\n".join(rng.sample(pool, PARAGRAPHS_PER_DOC))
            record = {"text": f"Story {i}\n{text}", "url": f"https://www.bench{i % 50}.com/{i}"}
            out.write(json.dumps(record) + "\n")
    gzipped = folder / "records.jsonl.gz"
    with jsonl.open("rb") as plain, gzip.open(gzipped, "wb", compresslevel=6) as packed:
        shutil.copyfileobj(plain, packed)
    pages = folder / "pages"
    pages.mkdir()
    for i in range(n_pages):
        page = _page(f"Story {i}", rng.sample(pool, PARAGRAPHS_PER_DOC))
        (pages / f"{i:06d}.html").write_text(page, encoding="utf-8")
    return {
        "jsonl": [str(jsonl)],
        "jsonl.gz": [str(gzipped)],
        "html": sorted(str(p) for p in pages.iterdir()),
    }


def measure(paths: list[str], batch_size: int) -> dict:
    """Read everything, keep nothing; runs in its own process."""
    import psutil

    from newspipe.ingest import IngestConfig, read_documents

    process = psutil.Process()
    after_imports_mib = process.memory_info().rss / 2**20
    peak = [after_imports_mib]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            peak[0] = max(peak[0], process.memory_info().rss / 2**20)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    n_docs = n_ok = 0
    for batch in read_documents(paths, IngestConfig(batch_size=batch_size)):
        n_docs += batch.num_rows
        n_ok += batch["status"].to_pylist().count("ok")
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    peak_mib = peak[0]
    return {
        "documents": n_docs,
        "ok": n_ok,
        "seconds": seconds,
        "peak_rss_mib": peak_mib,
        "imports_rss_mib": after_imports_mib,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(json.loads(Path(args.measure).read_text()), args.batch_size)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = build_inputs(folder, args.records, args.pages)
        print("| input | documents | ok | seconds | documents/s | peak RSS MiB (after imports) |")
        print("|---|---|---|---|---|---|")
        for name, paths in cases.items():
            listing = folder / f"{name}.paths.json"
            listing.write_text(json.dumps(paths))
            size_mib = sum(Path(p).stat().st_size for p in paths) / 2**20
            command = [sys.executable, __file__, "--measure", str(listing),
                       "--batch-size", str(args.batch_size)]  # fmt: skip
            result = json.loads(subprocess.run(command, check=True, capture_output=True,
                                               text=True).stdout)  # fmt: skip
            rate = result["documents"] / result["seconds"]
            print(
                f"| {name} ({len(paths)} files, {size_mib:.0f} MiB) | {result['documents']} | "
                f"{result['ok']} | {result['seconds']:.1f} | {rate:,.0f} | "
                f"{result['peak_rss_mib']:.0f} ({result['imports_rss_mib']:.0f}) |"
            )


if __name__ == "__main__":
    main()
