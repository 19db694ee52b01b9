"""Event clustering against hand labels: B-cubed P/R/F1 and adjusted Rand index.

Usage: .venv/bin/python benchmarks/eval_events.py [--ecb] [--split] [--n-speed N]

Runs the whole pipeline (newspipe.evaluation.run_corpus: clean, enrich, dedup, entities,
events, into a temporary warehouse, without Prefect), on:
- the seeds (../shared/seeds/gold.json, key `events`) and the sample corpus
  (examples/corpus/labels.json), in one run and, with --split, in two runs over halves
  into one warehouse (the second run sees the first's events), reporting the B-cubed F1
  between the split and the whole;
- ECB+ (../shared/corpora/ecbplus, --ecb): 982 articles in 86 events paired by topic;
  its SOURCE.md gives a TF-IDF agglomerative baseline tuned on the gold, F1 0.870;
  scored also on each half of its topics: the even-numbered topics are the ones
  `EventConfig.join_threshold` and `merge_threshold` were tuned on, the odd ones were not;
- --distractors (with --ecb): ECB+ in one run with the 2,225 BBC News articles
  (../shared/corpora/bbc-news) mixed in as other stories, scored over the ECB+ articles;
- --n-speed N: N generated articles, to report articles/second of event assignment;
- --reuters N: the first N Reuters-21578 bodies (real text, dated; no entities, as event
  assignment alone is timed), articles/second of event assignment.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from newspipe import warehouse
from newspipe.clean import clean_documents
from newspipe.config import CleanConfig, EventConfig, Settings
from newspipe.corpora import bbc_files, reuters_records, write_ecb
from newspipe.evaluation import run_corpus
from newspipe.metrics import adjusted_rand_index, bcubed
from newspipe.pipeline import phases

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ECB_PAPER_BASELINE = "TF-IDF + agglomerative, threshold tuned on gold (SOURCE.md): F1 0.870"


def events_of(runs: list[list[Path]], config: EventConfig) -> dict[str, str]:
    """File stem -> event_id after running the pipeline over each list of files in turn."""
    articles = run_corpus(runs, Settings(events=config))["articles"]
    return dict(zip(articles["stem"].to_pylist(), articles["event_id"].to_pylist(), strict=True))


def labelled_folder(folder: Path) -> tuple[list[Path], dict[str, str]]:
    labels_file = next(p for p in (folder / "gold.json", folder / "labels.json") if p.exists())
    events = json.loads(labels_file.read_text(encoding="utf-8"))["events"]
    gold = {stem: f"gold-{i}" for i, group in enumerate(events) for stem in group}
    return sorted(folder.glob("*.txt")), gold


def score(name: str, event_of: dict[str, str], gold: dict[str, str]) -> float:
    predicted = {k: event_of[k] for k in gold if k in event_of}
    gold = {k: gold[k] for k in predicted}
    p, r, f1 = bcubed(predicted, gold)
    ari = adjusted_rand_index(predicted, gold)
    print(
        f"  {name:34s} B3 P {p:.3f} R {r:.3f} F1 {f1:.3f}  ARI {ari:.3f}  "
        f"({len(set(predicted.values()))} events for {len(set(gold.values()))} gold, "
        f"{len(predicted)} articles)"
    )
    return f1


def topic_half(gold: dict[str, str], parity: int) -> dict[str, str]:
    """The ECB+ gold of the topics whose number has this parity (0: tuned on)."""
    return {k: v for k, v in gold.items() if int(v.split("-")[0]) % 2 == parity}


def evaluate(
    files: list[Path], gold: dict, name: str, config: EventConfig, split: bool, halves: bool
) -> None:
    whole = events_of([files], config)
    score(f"{name}, one run", whole, gold)
    if halves:
        score(f"{name}, even topics (tuned on)", whole, topic_half(gold, 0))
        score(f"{name}, odd topics (not tuned on)", whole, topic_half(gold, 1))
    if split:
        halves = events_of([files[0::2], files[1::2]], config)
        score(f"{name}, two runs over halves", halves, gold)
        _, _, agreement = bcubed(halves, {k: whole[k] for k in halves})
        print(f"  {name:34s} split vs whole: B3 F1 {agreement:.3f}")


def speed(n: int, config: EventConfig) -> None:
    files, _ = labelled_folder(REPO / "examples" / "corpus")
    documents = pa.table(
        {
            "doc_id": [f.stem for f in files],
            "source_uri": [str(f) for f in files],
            "text": [f.read_text(encoding="utf-8") for f in files],
        }
    )
    cleaned = clean_documents(documents, CleanConfig()).articles
    rows = cleaned.to_pylist()
    start = date(2025, 1, 1)
    generated = [
        row
        | {
            "article_id": f"a{i:07d}",
            "doc_id": f"a{i:07d}",
            "body": f"{row['body']}\n\nStory {i % (n // 4 or 1)} detail.",
            "published_date": start + timedelta(days=(i * 3) % 700),
        }
        for i, row in enumerate(rows * (n // len(rows) + 1))
    ][:n]
    # Event assignment alone is timed: the columns enrichment would add are filled here.
    articles = pa.Table.from_pylist(generated, schema=cleaned.schema)
    time_assignment(articles, config, "synthetic")


def reuters(n: int, config: EventConfig) -> None:
    records = [r for r, _ in zip(reuters_records(SHARED), range(n), strict=False)]
    articles = pa.table(
        {
            "article_id": [f"r{r['id']:06d}" for r in records],
            "title": [r["title"] for r in records],
            "site_name": pa.nulls(len(records), pa.string()),
            "body": [r["text"] for r in records],
            "published_date": pa.array(
                [date.fromisoformat(r["date"][:10]) if r["date"] else None for r in records],
                pa.date32(),
            ),
        }
    )
    time_assignment(articles, config, "Reuters")


def time_assignment(articles: pa.Table, config: EventConfig, name: str) -> None:
    """Times phases.cluster_events over `articles`, each its own duplicate group."""
    n = articles.num_rows
    start = date(2025, 1, 1)
    articles = (
        articles.append_column("source", pa.array([f"site-{i % 50}" for i in range(n)]))
        .append_column("event_date", pa.nulls(n, pa.date32()))
        .append_column("event_date_source", pa.nulls(n, pa.string()))
        .append_column("entity_names", pa.array([[]] * n, pa.list_(pa.string())))
    )
    groups = pa.table(
        {
            "article_id": articles["article_id"],
            "dup_group_id": articles["article_id"],
            "is_canonical": pa.array([True] * n),
        }
    )
    with tempfile.TemporaryDirectory() as folder:
        store = warehouse.Warehouse(folder)
        history = warehouse.load_history(store)
        live = warehouse.load_live_events(store, start, config.window_days)
    began = time.perf_counter()
    clustered = phases.cluster_events(
        articles,
        groups,
        history.article_index,
        live,
        history.term_history,
        history.event_labels,
        Settings(events=config),
    )
    elapsed = time.perf_counter() - began
    n_events = pc.count_distinct(clustered.result.assignments["event_id"]).as_py()
    print(
        f"  event assignment, {name}: {n} articles in {elapsed:.1f} s = {n / elapsed:,.0f} "
        f"articles/s ({n_events} events)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ecb", action="store_true")
    parser.add_argument("--split", action="store_true")
    parser.add_argument("--distractors", action="store_true")
    parser.add_argument("--n-speed", type=int, default=0)
    parser.add_argument("--reuters", type=int, default=0)
    args = parser.parse_args()
    config = EventConfig()
    print("event clustering, B-cubed against hand labels")
    # examples/heldout was written after the rules and never tuned on: the estimate.
    labelled = ("corpus", "dev", "heldout")
    for folder in (SHARED / "seeds", *(REPO / "examples" / name for name in labelled)):
        if folder.is_dir():
            files, gold = labelled_folder(folder)
            evaluate(files, gold, folder.name, config, args.split, halves=False)
    if args.ecb:
        with tempfile.TemporaryDirectory() as folder:
            files, gold = write_ecb(SHARED, Path(folder))
            evaluate(files, gold, "ECB+", config, args.split, halves=True)
            if args.distractors:
                mixed = events_of([files + bbc_files(SHARED)], config)
                score("ECB+ among 2,225 BBC articles", mixed, gold)
        print(f"  published reference for ECB+: {ECB_PAPER_BASELINE}")
    if args.n_speed:
        speed(args.n_speed, config)
    if args.reuters:
        reuters(args.reuters, config)


if __name__ == "__main__":
    main()
