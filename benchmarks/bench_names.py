"""Speed of canonical names (`canonicalize_entities`) on the mentions of real articles.

The NER model is far slower than the step measured here, so the mentions of the real
corpora are extracted once (`--cache`: the pipeline's NER step, `workers.entity_mentions`,
over the BBC articles' bodies and the Reuters-21578 bodies, in ../shared/corpora) into
benchmarks/out/mentions_<corpus>.parquet, and every later run times canonicalisation alone
on the mentions of the first N articles of each corpus (one process, best of --repeat),
printing articles/s and the growth exponent of time against articles (the slope of
log time over log articles between the sizes). The gazetteer is loaded once per process,
before the timed runs, and its load is printed apart: a flow's one call pays it once.

    .venv/bin/python benchmarks/bench_names.py --cache        # once: NER, about 20 minutes
    .venv/bin/python benchmarks/bench_names.py [--sizes 2000 5000 19000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gzip
import html
import math
import re
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newspipe.config import Settings
from newspipe.enrich.canonical import canonicalize_entities
from newspipe.enrich.canonical.entities import MENTIONS
from newspipe.enrich.canonical.places import place_id
from newspipe.pipeline import phases, workers
from newspipe.schema import conform

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
OUT = REPO / "benchmarks" / "out"
_REUTERS_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.DOTALL)


def bbc_articles() -> list[tuple[str, str]]:
    """(article id, body) of the BBC articles: each file's text after its headline."""
    files = sorted((CORPORA / "bbc-news" / "bbc").glob("*/*.txt"))
    rows = []
    for f in files:
        text = f.read_bytes().decode("utf-8", errors="replace")
        body = text.split("\n", 1)[1] if "\n" in text else text
        rows.append((f"bbc-{f.parent.name}-{f.stem}", body.strip()))
    return rows


def reuters_articles() -> list[tuple[str, str]]:
    """(article id, body) of the Reuters-21578 bodies, hard-wrapped lines joined into
    paragraphs (a paragraph opens with an indented line)."""
    rows = []
    for f in sorted((CORPORA / "reuters21578").glob("reut2-*.sgm.gz")):
        text = gzip.decompress(f.read_bytes()).decode("latin-1")
        for match in _REUTERS_BODY.finditer(text):
            raw = html.unescape(match.group(1))
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s{2,}", raw)]
            body = "\n\n".join(p for p in paragraphs if p)
            body = body.removesuffix(" Reuter").removesuffix(" REUTER")
            rows.append((f"reuters-{len(rows):05d}", body))
    return rows


READERS = {"bbc": bbc_articles, "reuters": reuters_articles}


def cache_mentions(name: str, rows: list[tuple[str, str]], batch: int) -> None:
    settings = Settings()
    tables = []
    began = time.perf_counter()
    for offset in range(0, len(rows), batch):
        part = rows[offset : offset + batch]
        articles = pa.table(
            {
                "article_id": [r[0] for r in part],
                "body": [r[1] for r in part],
                "language": ["en"] * len(part),
            }
        )
        read = phases.bounded(articles, settings.enrich.max_chars_read)
        tables.append(workers.entity_mentions(read, settings.enrich))
        done = offset + len(part)
        print(f"{name}: {done}/{len(rows)} articles, {time.perf_counter() - began:.0f} s")
    OUT.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.concat_tables(tables), OUT / f"mentions_{name}.parquet")


def gazetteer_seconds() -> float:
    """Time of the GeoNames gazetteer's one load in this process."""
    began = time.perf_counter()
    place_id("", Settings().enrich.gazetteer_min_population)
    return time.perf_counter() - began


def time_names(mentions: pa.Table, repeat: int, canonicalize) -> tuple[float, float]:
    """Best wall and best CPU seconds (this process, all its threads) of `repeat` runs: the
    machine is shared, the best run is the one least disturbed, and CPU time moves less
    with the other processes' load than wall time does."""
    config = Settings().enrich
    best_wall = best_cpu = math.inf
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        canonicalize(mentions, None, config)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu


def bench(name: str, sizes: list[int], repeat: int, canonicalize=canonicalize_entities) -> None:
    """Canonical names over the mentions of the first N articles of corpus `name` (articles
    without any mention count too), for each N in `sizes`."""
    path = OUT / f"mentions_{name}.parquet"
    if not path.is_file():
        print(f"{name}: {path} not found; run with --cache first")
        return
    mentions = conform(MENTIONS, pq.read_table(path))
    ids = [article_id for article_id, _ in READERS[name]()]
    points = []
    for n in sorted({min(s, len(ids)) for s in sizes}):
        subset = mentions.filter(pc.is_in(mentions["article_id"], pa.array(ids[:n])))
        seconds, cpu = time_names(subset, repeat, canonicalize)
        points.append((n, seconds))
        print(
            f"{name:8} {n:>6} articles {subset.num_rows:>7} mentions "
            f"{seconds:8.2f} s {n / seconds:>9.0f} articles/s (CPU {cpu:.2f} s)"
        )
    pairs = list(zip(points, points[1:], strict=False))
    if len(points) > 2:
        pairs.append((points[0], points[-1]))
    for (n0, t0), (n1, t1) in pairs:
        exponent = math.log(t1 / t0) / math.log(n1 / n0)
        print(f"{name:8} growth exponent {n0} -> {n1}: {exponent:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", action="store_true", help="extract and store the mentions")
    parser.add_argument("--corpus", choices=["bbc", "reuters", "both"], default="both")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 5000, 19000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()
    names = list(READERS) if args.corpus == "both" else [args.corpus]
    if not args.cache:
        print(f"gazetteer load (once per process): {gazetteer_seconds():.2f} s")
    for name in names:
        if args.cache:
            cache_mentions(name, READERS[name](), args.batch)
        else:
            bench(name, args.sizes, args.repeat)


if __name__ == "__main__":
    main()
