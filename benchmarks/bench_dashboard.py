"""How fast the dashboard is on a big warehouse: every query, and a page load in Chromium.

Builds a synthetic warehouse of N articles (default 100,000) in a few seconds, without
Prefect: rows are generated with pyarrow, published through `Warehouse` as one run, and
the catalog (views and macros) is built as a real run builds it. Then it times opening the
read-only session (once per published state in the app) and each dashboard query on a
cursor of it (median of a few runs), and, when /usr/bin/chromium exists, each page's load
in headless Chromium.

    .venv/bin/python benchmarks/bench_dashboard.py [--articles 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from newspipe.dashboard import dashboard_command, queries
from newspipe.schema import TABLES
from newspipe.sqlfiles import read_sql
from newspipe.warehouse import Warehouse

CHROMIUM = Path("/usr/bin/chromium")
LINES_PER_ARTICLE = 20
LABELS = np.array(["body", "metadata", "boilerplate", "repeat"])
REASONS = np.array(["paragraph", "title", "cookie_notice", "repeat_of:3"])


def synthetic_tables(n: int, seed: int = 7) -> dict[str, pa.Table]:
    """N articles from 500 sources over two years in n/20 events; a fifth are copies."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"{i:016x}" for i in range(n)])
    articles = _articles(ids, rng)
    people = np.array([f"Person {i}" for i in range(2000)])
    now = datetime(2026, 1, 1, tzinfo=UTC)
    return {
        "documents": _documents(articles, now),
        "articles": articles,
        "line_labels": _line_labels(ids, rng),
        "duplicates": _duplicates(articles),
        "entities": _entities(ids, people, rng),
        "quotes": _quotes(ids, people, rng),
        "events": _events(articles),
        "runs": _runs(n, now),
    }


def _articles(ids: np.ndarray, rng: np.random.Generator) -> pa.Table:
    n = len(ids)
    sources = np.array([f"Source {i:03d}" for i in range(500)])
    source = sources[rng.zipf(1.3, n) % len(sources)]
    start = date(2024, 1, 1)
    day = np.array([start + timedelta(int(d)) for d in rng.integers(0, 730, n)])
    n_events = max(1, n // 20)
    event = np.array([f"ev-{e:012x}" for e in rng.integers(0, n_events, n)])
    # a fifth of the articles copy an earlier one (same group, not canonical)
    is_copy = rng.random(n) < 0.2
    is_copy[0] = False
    group = ids.copy()
    originals = np.flatnonzero(~is_copy)
    group[is_copy] = ids[rng.choice(originals, is_copy.sum())]
    credited = rng.random(n) < 0.05
    origin = np.where(credited, np.char.add(rng.choice(sources, n), ".com"), None)
    return pa.table(
        {
            "article_id": ids,
            "doc_id": ids,
            "source_uri": np.char.add("/corpus/", ids),
            "title": np.char.add("Story ", ids),
            "published_date": day,
            "original_source": origin,
            "source": source,
            "language": np.full(n, "en"),
            "body": np.full(n, "Words."),
            "n_words": rng.integers(150, 900, n).astype(np.int32),
            "dup_group_id": group,
            "is_canonical": ~is_copy,
            "event_id": event,
            "content_hash": group,
            "run_id": np.full(n, "bench"),
        }
    )


def _duplicates(articles: pa.Table) -> pa.Table:
    group = articles["dup_group_id"].to_numpy(zero_copy_only=False)
    is_copy = ~articles["is_canonical"].to_numpy(zero_copy_only=False)
    in_group = np.isin(group, group[is_copy])
    members = articles["article_id"].to_numpy(zero_copy_only=False)[in_group]
    sizes = {g: c for g, c in zip(*np.unique(group[in_group], return_counts=True), strict=True)}
    return pa.table(
        {
            "article_id": members,
            "dup_group_id": group[in_group],
            "dup_of": group[in_group],
            "method": np.full(len(members), "exact"),
            "similarity": np.ones(len(members)),
            "group_size": np.array([sizes[g] for g in group[in_group]], dtype=np.int32),
        }
    )


def _line_labels(ids: np.ndarray, rng: np.random.Generator) -> pa.Table:
    line_article = np.repeat(ids, LINES_PER_ARTICLE)
    kind = rng.choice(4, len(line_article), p=[0.55, 0.15, 0.25, 0.05])
    return pa.table(
        {
            "article_id": line_article,
            "line_no": np.tile(np.arange(1, LINES_PER_ARTICLE + 1, dtype=np.int32), len(ids)),
            "text": np.full(len(line_article), "a line"),
            "label": LABELS[kind],
            "reason": REASONS[kind],
        }
    )


def _entities(ids: np.ndarray, people: np.ndarray, rng: np.random.Generator) -> pa.Table:
    rows = rng.integers(0, len(ids), 3 * len(ids))
    return pa.table(
        {
            "article_id": ids[rows],
            "name": rng.choice(people, len(rows)),
            "type": np.full(len(rows), "PERSON"),
            "mentions": rng.integers(1, 6, len(rows)).astype(np.int32),
        }
    )


def _quotes(ids: np.ndarray, people: np.ndarray, rng: np.random.Generator) -> pa.Table:
    rows = rng.integers(0, len(ids), 2 * len(ids))
    return pa.table(
        {
            "article_id": ids[rows],
            "speaker": rng.choice(people, len(rows)),
            "text": np.char.add("quote ", rng.integers(0, len(ids), len(rows)).astype(str)),
        }
    )


def _events(articles: pa.Table) -> pa.Table:
    event_ids, event_counts = np.unique(
        articles["event_id"].to_numpy(zero_copy_only=False), return_counts=True
    )
    return pa.table(
        {
            "event_id": event_ids,
            "label": np.char.add("event ", event_ids),
            "n_articles": event_counts.astype(np.int32),
            "n_sources": event_counts.astype(np.int32),
        }
    )


def _documents(articles: pa.Table, now: datetime) -> pa.Table:
    n = articles.num_rows
    return pa.table(
        {
            "doc_id": articles["doc_id"],
            "source_uri": articles["source_uri"],
            "format": np.full(n, "txt"),
            "n_bytes": np.full(n, 4000),
            "ingested_at": pa.array([now] * n, pa.timestamp("us", tz="UTC")),
            "run_id": np.full(n, "bench"),
            "status": np.full(n, "ok"),
        }
    )


def _runs(n: int, now: datetime) -> pa.Table:
    return pa.table(
        {
            "run_id": ["bench"],
            "started_at": pa.array([now], pa.timestamp("us", tz="UTC")),
            "finished_at": pa.array([now], pa.timestamp("us", tz="UTC")),
            "status": ["completed"],
            "n_documents": [n],
            "n_articles": [n],
            "n_quarantined": [0],
        }
    )


def with_required_columns(name: str, data: pa.Table) -> pa.Table:
    """`data` plus any non-nullable column of the table's schema it lacks, zero-filled:
    the dashboard reads only contract columns, while the schemas keep growing."""
    for field in TABLES[name].schema:
        if field.name not in data.column_names and not field.nullable:
            zero = "" if pa.types.is_string(field.type) else 0
            data = data.append_column(field.name, pa.array([zero] * len(data)).cast(field.type))
    return data


def build_warehouse(root: Path, n: int) -> None:
    store = Warehouse(root)
    changes = store.begin("bench")
    for name, table in synthetic_tables(n).items():
        store.stage_part(changes, TABLES[name], with_required_columns(name, table), "0")
    store.commit(changes)
    # the catalog build runs macros.sql once it is wired in; until then, do it here
    with duckdb.connect(str(store.catalog)) as con:
        con.execute(read_sql("newspipe.warehouse", "macros"))


def time_queries(root: Path, repeats: int = 3) -> dict[str, float]:
    """Median seconds to open the read-only session, and per dashboard query on a cursor of
    one open session, as the app runs them."""
    opening = []
    for _ in range(repeats):
        started = time.perf_counter()
        Warehouse(root).open_session().close()
        opening.append(time.perf_counter() - started)
    session = Warehouse(root).open_session()
    con = session.cursor()
    top_source = queries.source_names(con).at[0, "source"]
    top_event = queries.events(con).at[0, "event_id"]
    f = queries.NO_FILTERS
    calls = {
        "latest_run": (),
        "date_bounds": (),
        "source_names": (),
        "overview": (f,),
        "volume": (f, "week"),
        "sources": (f,),
        "syndication": (f,),
        "events": (f,),
        "source_lines": (top_source, f),
        "source_articles": (top_source, f),
        "event_timeline": (top_event, f),
        "event_entities": (top_event, f),
        "event_speakers": (top_event, f),
        "event_quotes": (top_event, f),
        "event_duplicates": (top_event, f),
    }
    timings = {"open session": statistics.median(opening)}
    for name, args in calls.items():
        runs = []
        for _ in range(repeats):
            started = time.perf_counter()
            getattr(queries, name)(session.cursor(), *args)
            runs.append(time.perf_counter() - started)
        timings[name] = statistics.median(runs)
    session.close()
    return timings


def time_page_loads(root: Path) -> dict[str, float]:
    """Seconds until each page's first metric shows, in headless Chromium (fresh context)."""
    from playwright.sync_api import sync_playwright

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        dashboard_command(root, port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    timings = {}
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM),
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            pages = ["/", "/", "/sources", "/events", "/syndication"]
            for i, path in enumerate(pages):
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                started = time.perf_counter()
                page.goto(url + path)
                page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=120_000)
                page.locator('[data-testid="stStatusWidget"]').wait_for(
                    state="hidden", timeout=120_000
                )
                label = f"{path} (first visit)" if i == 0 else path
                timings[label] = time.perf_counter() - started
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build the warehouse here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp) / "warehouse"
        started = time.perf_counter()
        build_warehouse(root, args.articles)
        print(f"built {args.articles:,} articles in {time.perf_counter() - started:.1f} s")
        timings = time_queries(root)
        for name, seconds in timings.items():
            print(f"  query {name:<18} {seconds * 1000:8.0f} ms")
        print(f"  all queries        {sum(timings.values()) * 1000:8.0f} ms")
        if CHROMIUM.exists():
            for path, seconds in time_page_loads(root).items():
                print(f"  page {path:<22} {seconds:6.2f} s")
        else:
            print(f"  page loads skipped: {CHROMIUM} is missing")


if __name__ == "__main__":
    main()
