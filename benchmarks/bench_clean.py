"""Throughput of the cleaning stage alone: lines/s and articles/s on a synthetic corpus.

Generates N articles in memory (default 50,000) by recombining the sentences of the seed
articles (../shared/seeds, when present) and invented ones into unique paragraphs, wrapped
in invented chrome of the kinds the cleaner removes (mastheads, `| Site` titles, datelines
in several formats, bylines, captions printed twice, newsletter and cookie prompts,
related-story blocks, comment forms, origin credits) for a few dozen invented sites. It
runs `clean_documents` batch by batch, carrying the line history from batch to batch as
the warehouse would, and prints the time spent in cleaning (history aggregation excluded),
lines/s, articles/s and peak RSS, and the CPU time, steadier on a machine shared with
other work.

    .venv/bin/python benchmarks/bench_clean.py [--n 50000] [--batch 2000] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import resource
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from newspipe.clean import clean_documents
from newspipe.config import CleanConfig

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
INVENTED = [
    "The harbour bridge reopened to traffic on Tuesday after six weeks of repairs.",
    "Engineers replaced two expansion joints and resurfaced the deck.",
    "Commuters had faced detours of up to forty minutes while it was closed.",
    "The council said a full inspection would follow in the spring.",
    "Opposition members questioned why the work had taken so long.",
    "“We are delighted to see traffic moving again,” the mayor told reporters.",
    "Local businesses said the closure had cost them a large share of their trade.",
    "A spokesperson for the transport authority declined to comment on the cost.",
    "Officials expect the number of daily crossings to return to normal within a week.",
    "The project was funded partly by a regional infrastructure grant.",
    "Residents had complained about noise from night work during the repairs.",
    "The ferry service that ran during the closure will end on Friday.",
]
HEADINGS = [
    "What happens next",
    "Background",
    "Reaction from residents",
    "The cost",
    "A long history of repairs",
]
DATELINES = [
    "{d:%A, %B} {d.day}, {d:%Y}",
    "{d:%Y-%m-%d}",
    "Published {d.day} {d:%B %Y}, 10:30 GMT",
    "Updated: {d:%b}. {d.day}, {d:%Y} 4:12 p.m. ET",
    "{d.day} de enero de {d:%Y}",
]
CREDITS = [
    "Original Source: www.{site}.com",
    "This article first appeared on {name}.",
    "Source: Reuters",
    "AFP",
]
TOP_CHROME = ["Skip to main content", "Advertisement", "5 min read", "Share this story"]
MID_CHROME = [
    "Sign up for our morning briefing",
    "Advertisement",
    "Story continues below advertisement",
    "Read more: {headline}",
]
TAIL_CHROME = [
    ["Related Stories:", "{headline}", "{headline}", "{headline}"],
    ["Leave a Reply", "Your email address will not be published. Required fields are marked *"],
    ["Comments (12)"],
    ["Tags: harbour, transport, council"],
    ["This website uses cookies to improve your experience. Accept Read More"],
]
FIRST = ["Ravi", "Ana", "Tomás", "Jane", "Sam", "Priya", "Lucas", "Amira"]
LAST = ["Patel", "Herrera", "Doe", "Okafor", "Raman", "Dupont", "Haddad", "Novak"]


def sentence_pool() -> list[str]:
    pool = list(INVENTED)
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        for line in path.read_text(encoding="utf-8").split("\n"):
            if len(line.split()) >= 25:
                pool += [s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if len(s) > 40]
    return pool


def article(rng: random.Random, i: int, pool: list[str], site: tuple[str, str]) -> str:
    name, slug = site
    headline = " ".join(rng.sample(pool, 1)[0].split()[:9]).rstrip(".,")
    lines: list[str] = []
    if rng.random() < 0.3:
        lines.append(name)
    lines += rng.sample(TOP_CHROME, rng.randint(0, 2))
    lines.append(f"{headline} {i}" + (f" | {name}" if rng.random() < 0.5 else ""))
    if rng.random() < 0.6:
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1500))
        lines.append(rng.choice(DATELINES).format(d=day))
    if rng.random() < 0.5:
        lines.append(f"By {rng.choice(FIRST)} {rng.choice(LAST)}")
    n_paragraphs = rng.randint(6, 14)
    for p in range(n_paragraphs):
        # The article number makes every paragraph unique, as real paragraphs are.
        lines.append(" ".join(rng.sample(pool, rng.randint(2, 4))) + f" (Item {i}.{p}.)")
        if p == 2 and rng.random() < 0.4:
            caption = f"Crews at work on day {i}. (Photo credit: {name})"
            lines += [caption, " " + caption]
        if p == n_paragraphs // 2:
            if rng.random() < 0.5:
                lines.append(rng.choice(HEADINGS))
            if rng.random() < 0.5:
                lines.append(rng.choice(MID_CHROME).format(headline=headline))
    if rng.random() < 0.3:
        lines.append(rng.choice(CREDITS).format(site=slug, name=name))
    for block in rng.sample(TAIL_CHROME, rng.randint(1, 3)):
        lines += [
            line.format(headline=" ".join(rng.sample(pool, 1)[0].split()[:8])) for line in block
        ]
    separator = "\n\n" if rng.random() < 0.5 else "\n"
    return separator.join(lines)


def corpus(n: int, seed: int) -> pa.Table:
    rng = random.Random(seed)
    pool = sentence_pool()
    sites = [(f"The Harbour Courier {k}", f"harbourcourier{k}") for k in range(40)]
    texts, uris = [], []
    for i in range(n):
        site = rng.choice(sites)
        texts.append(article(rng, i, pool, site))
        uris.append(f"https://www.{site[1]}.com/news/{i}")
    return pa.table({"doc_id": [f"{i:016x}" for i in range(n)], "source_uri": uris, "text": texts})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=50_000, help="articles to generate")
    parser.add_argument("--batch", type=int, default=2_000, help="documents per batch")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    documents = corpus(args.n, args.seed)
    config = CleanConfig()
    history = None
    seconds = cpu_seconds = 0.0
    n_lines = n_articles = n_rejected = 0
    for start in range(0, documents.num_rows, args.batch):
        batch = documents.slice(start, args.batch)
        began, began_cpu = time.perf_counter(), time.process_time()
        result = clean_documents(batch, config, history)
        seconds += time.perf_counter() - began
        cpu_seconds += time.process_time() - began_cpu
        n_lines += result.line_labels.num_rows
        n_articles += result.articles.num_rows
        n_rejected += result.rejected.num_rows
        # What the warehouse does between runs: sum the statistics (not timed).
        stats = (
            result.line_stats if history is None else pa.concat_tables([history, result.line_stats])
        )
        history = (
            duckdb.from_arrow(stats)
            .aggregate("site_key, line_hash, sum(n_docs)::bigint as n_docs", "site_key, line_hash")
            .to_arrow_table()
            .cast(result.line_stats.schema)
        )
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"documents {documents.num_rows:,}  articles {n_articles:,}  rejected {n_rejected:,}"
        f"  audited lines {n_lines:,}  batch {args.batch:,}"
    )
    print(
        f"cleaning time {seconds:.1f} s  ->  {n_lines / seconds:,.0f} lines/s, "
        f"{n_articles / seconds:,.0f} articles/s  |  peak RSS {peak_mib:,.0f} MiB"
    )
    # On a shared machine wall time varies with the other work; CPU time much less.
    print(
        f"cleaning CPU time {cpu_seconds:.1f} s  ->  {n_lines / cpu_seconds:,.0f} lines per "
        "CPU second"
    )


if __name__ == "__main__":
    main()
