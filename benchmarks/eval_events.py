"""Event clustering against hand labels: B-cubed P/R/F1 and adjusted Rand index.

Usage: .venv/bin/python benchmarks/eval_events.py [--ecb] [--split] [--n-speed N]

Runs the stages that feed event clustering (clean, enrich, dedup) and the clusterer in
memory, without Prefect or a warehouse, on:
- the seeds (../shared/seeds/gold.json, key `events`) and the sample corpus
  (examples/corpus/labels.json), in one run and, with --split, in two runs over halves
  (the second run sees the first's events, as the warehouse would give them), reporting
  the B-cubed F1 between the split and the whole;
- ECB+ (../shared/corpora/ecbplus, --ecb): 982 articles in 86 events paired by topic;
  its SOURCE.md gives a TF-IDF agglomerative baseline tuned on the gold, F1 0.870;
- --n-speed N: N generated articles, to report articles/second of event assignment.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path
from xml.etree import ElementTree

import pyarrow as pa
import pyarrow.compute as pc

from newspipe import dedup, enrich
from newspipe.clean import clean_documents
from newspipe.config import CleanConfig, DedupConfig, EnrichConfig, EventConfig
from newspipe.enrich.events import STATE_SCHEMA
from newspipe.metrics import adjusted_rand_index, bcubed

ENRICH = EnrichConfig()
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ECB_PAPER_BASELINE = "TF-IDF + agglomerative, threshold tuned on gold (SOURCE.md): F1 0.870"


class Memory:
    """What the warehouse would hand the next run, kept in memory (all of it: the corpora
    here are small enough that every stored row is a candidate)."""

    def __init__(self, dedup_config: DedupConfig):
        self.dedup_config = dedup_config
        self.index = pa.table(
            {
                "article_id": pa.array([], pa.string()),
                "content_hash": pa.array([], pa.string()),
                "published_date": pa.array([], pa.date32()),
                "n_words": pa.array([], pa.int32()),
                "event_id": pa.array([], pa.string()),
                "event_date": pa.array([], pa.date32()),
                "event_date_source": pa.array([], pa.string()),
                "source": pa.array([], pa.string()),
                "dup_group_id": pa.array([], pa.string()),
            }
        )
        self.sketches: list[dedup.ArticleSketches] = []
        self.dedup_result: dedup.DedupResult | None = None
        self.states: list[pa.Table] = []
        self.terms: list[pa.Table] = []
        self.aliases: pa.Table | None = None
        self.labels = pa.table(
            {"event_id": pa.array([], pa.string()), "label": pa.array([], pa.string())}
        )

    def dedup_history(self) -> dedup.DedupHistory:
        if not self.sketches:
            return dedup.DedupHistory.empty(self.dedup_config)
        stored = dedup.ArticleSketches.concat(self.sketches)
        return dedup.DedupHistory(
            published_index=self.index,
            candidate_bands=stored.band_hashes,
            candidate_signatures=stored.signatures,
            candidate_paragraphs=stored.paragraph_hashes,
            duplicates=self.dedup_result.duplicates.select(["article_id", "method", "similarity"]),
            paragraph_copies=self.dedup_result.paragraph_copies,
        )

    def live_state(self) -> pa.Table:
        latest = {}
        for table in self.states:
            for row in table.to_pylist():
                latest[row["event_id"]] = row
        # As event_state.sql: events standing on their own, and date-less groups attached
        # to a dated event, which a later run may attach elsewhere.
        live = [
            row
            for row in latest.values()
            if row["merged_into"] is None or (row["first_date"] is None and row["n_articles"])
        ]
        return pa.Table.from_pylist(live, schema=STATE_SCHEMA)

    def term_history(self) -> pa.Table:
        counts: dict[str, int] = {}
        for table in self.terms:
            for term, df in zip(table["term"].to_pylist(), table["df"].to_pylist(), strict=True):
                counts[term] = counts.get(term, 0) + df
        return pa.table(
            {
                "term": pa.array(list(counts), pa.string()),
                "df": pa.array(list(counts.values()), pa.int64()),
            }
        )


def run_once(
    documents: pa.Table, memory: Memory, config: EventConfig, with_entities: bool = True
) -> dict[str, str]:
    """One run of the stages that feed event clustering, as the flow composes them."""
    cleaned = clean_documents(documents, CleanConfig())
    articles = enrich.enrich_articles(cleaned.articles, ENRICH)
    sketches, result = dedup.deduplicate(articles, memory.dedup_history(), memory.dedup_config)
    articles = articles.append_column("content_hash", sketches.index["content_hash"])
    canonical_ids = result.groups.filter(result.groups["is_canonical"])["article_id"]
    names: dict[str, list[str]] = {}
    if with_entities:
        canonical = articles.filter(pc.is_in(articles["article_id"], canonical_ids))
        mentions = enrich.extract_entities(
            canonical.select(["article_id", "body", "language"]), ENRICH
        )
        _, entities, memory.aliases = enrich.canonicalize_entities(mentions, memory.aliases, ENRICH)
        for article_id, name in zip(
            entities["article_id"].to_pylist(), entities["name"].to_pylist(), strict=True
        ):
            names.setdefault(article_id, []).append(name)
    articles = articles.append_column(
        "entity_names",
        pa.array(
            [names.get(a, []) for a in articles["article_id"].to_pylist()], pa.list_(pa.string())
        ),
    )
    events = enrich.assign_events(
        memory.index,
        articles,
        result.groups,
        memory.live_state(),
        memory.term_history(),
        memory.labels,
        config,
    )
    event_of = dict(
        zip(
            events.assignments["article_id"].to_pylist(),
            events.assignments["event_id"].to_pylist(),
            strict=True,
        )
    )
    group_of = dict(
        zip(
            result.groups["article_id"].to_pylist(),
            result.groups["dup_group_id"].to_pylist(),
            strict=True,
        )
    )
    new = articles.select(
        [
            "article_id",
            "content_hash",
            "published_date",
            "n_words",
            "source",
            "event_date",
            "event_date_source",
        ]
    )
    new = new.append_column(
        "event_id", pa.array([event_of[a] for a in new["article_id"].to_pylist()])
    )
    new = new.append_column(
        "dup_group_id", pa.array([group_of[a] for a in new["article_id"].to_pylist()])
    )
    memory.index = pa.concat_tables(
        [memory.index, new.select(memory.index.column_names).cast(memory.index.schema)]
    )
    memory.index = memory.index.set_column(
        memory.index.schema.get_field_index("event_id"),
        "event_id",
        pa.array([event_of[a] for a in memory.index["article_id"].to_pylist()], pa.string()),
    )
    memory.index = memory.index.set_column(
        memory.index.schema.get_field_index("dup_group_id"),
        "dup_group_id",
        pa.array([group_of[a] for a in memory.index["article_id"].to_pylist()], pa.string()),
    )
    memory.sketches.append(sketches)
    memory.dedup_result = result
    memory.states.append(events.state)
    memory.terms.append(events.term_frequencies)
    memory.labels = events.events.select(["event_id", "label"])
    return event_of


def labelled_folder(folder: Path) -> tuple[pa.Table, dict[str, str]]:
    labels_file = next(p for p in (folder / "gold.json", folder / "labels.json") if p.exists())
    events = json.loads(labels_file.read_text(encoding="utf-8"))["events"]
    gold = {stem: f"gold-{i}" for i, group in enumerate(events) for stem in group}
    files = sorted(folder.glob("*.txt"))
    documents = pa.table(
        {
            "doc_id": [f.stem for f in files],
            "source_uri": [str(f) for f in files],
            "text": [f.read_bytes().decode("utf-8").removeprefix("\ufeff") for f in files],
        }
    )
    return documents, gold


def ecb_documents() -> tuple[pa.Table, dict[str, str]]:
    ids, texts, gold = [], [], {}
    with zipfile.ZipFile(SHARED / "corpora" / "ecbplus" / "ECB+.zip") as archive:
        for name in sorted(archive.namelist()):
            match = re.search(r"/(\d+)_(\d+)(ecbplus|ecb)\.xml$", name)
            if not match:
                continue
            root = ElementTree.fromstring(archive.read(name))
            sentences: dict[int, list[str]] = {}
            for token in root.iter("token"):
                sentences.setdefault(int(token.get("sentence")), []).append(token.text or "")
            kind = match.group(3)
            lines = [
                " ".join(words)
                for number, words in sorted(sentences.items())
                if not (kind == "ecbplus" and number == 0)
            ]
            doc_id = Path(name).stem
            ids.append(doc_id)
            texts.append("\n".join(lines))
            gold[doc_id] = f"{match.group(1)}-{kind}"
    return pa.table({"doc_id": ids, "source_uri": ids, "text": texts}), gold


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


def evaluate(documents: pa.Table, gold: dict, name: str, config: EventConfig, split: bool) -> None:
    whole = run_once(documents, Memory(DedupConfig()), config)
    score(f"{name}, one run", whole, gold)
    if split:
        memory = Memory(DedupConfig())
        halves = run_once(documents.take(list(range(0, documents.num_rows, 2))), memory, config)
        halves |= run_once(documents.take(list(range(1, documents.num_rows, 2))), memory, config)
        score(f"{name}, two runs over halves", halves, gold)
        _, _, agreement = bcubed(halves, {k: whole[k] for k in halves})
        print(f"  {name:34s} split vs whole: B3 F1 {agreement:.3f}")


def speed(n: int, config: EventConfig) -> None:
    documents, _ = labelled_folder(REPO / "examples" / "corpus")
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
    articles = (
        articles.append_column("source", pa.array([f"site-{i % 50}" for i in range(n)]))
        .append_column("event_date", pa.nulls(n, pa.date32()))
        .append_column("event_date_source", pa.nulls(n, pa.string()))
    )
    groups = pa.table(
        {
            "article_id": articles["article_id"],
            "dup_group_id": articles["article_id"],
            "is_canonical": pa.array([True] * n),
        }
    )
    memory = Memory(DedupConfig())
    began = time.perf_counter()
    result = enrich.assign_events(
        memory.index,
        articles,
        groups,
        memory.live_state(),
        memory.term_history(),
        memory.labels,
        config,
    )
    elapsed = time.perf_counter() - began
    n_events = pc.count_distinct(result.assignments["event_id"]).as_py()
    print(
        f"  event assignment: {n} articles in {elapsed:.1f} s = {n / elapsed:,.0f} "
        f"articles/s ({n_events} events)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ecb", action="store_true")
    parser.add_argument("--split", action="store_true")
    parser.add_argument("--n-speed", type=int, default=0)
    args = parser.parse_args()
    config = EventConfig()
    print("event clustering, B-cubed against hand labels")
    for folder in (SHARED / "seeds", REPO / "examples" / "corpus"):
        if folder.is_dir():
            documents, gold = labelled_folder(folder)
            evaluate(documents, gold, folder.name, config, args.split)
    if args.ecb:
        documents, gold = ecb_documents()
        evaluate(documents, gold, "ECB+", config, args.split)
        print(f"  published reference for ECB+: {ECB_PAPER_BASELINE}")
    if args.n_speed:
        speed(args.n_speed, config)


if __name__ == "__main__":
    main()
