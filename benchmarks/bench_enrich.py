"""Throughput of enrichment (entities, canonical names, quotes, event dates) in articles/s.

Builds N articles in memory (default 50,000) by recombining the cleaned paragraphs of the
sample corpus (examples/corpus) and the seeds (../shared/seeds, when present): cleaning runs
once on the sources, then each synthetic article is 4-10 paragraphs drawn at random, with a
publication date and a language taken from a source article. It runs the pipeline's
enrichment phases (newspipe.pipeline.phases, as the flow's tasks call them) in batches, and
prints the time of each step, the share
of the spaCy NER models (nlp.pipe alone on the first --ner-sample bodies, scaled) and
articles/s overall.

    .venv/bin/python benchmarks/bench_enrich.py [--n 50000] [--batch 1000] [--processes 1]
        [--ner-sample 5000]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import pyarrow as pa

from newspipe.clean import clean_documents
from newspipe.config import CleanConfig, EnrichConfig, Settings
from newspipe.enrich.article.language import detect_languages
from newspipe.enrich.canonical.entities import _load_ner
from newspipe.pipeline import phases

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "examples" / "corpus", REPO.parent / "shared" / "seeds"]


def source_articles() -> list[dict]:
    files = [f for folder in SOURCES if folder.is_dir() for f in sorted(folder.glob("*.txt"))]
    documents = pa.table(
        {
            "doc_id": [f.stem for f in files],
            "source_uri": [str(f) for f in files],
            "text": [f.read_text(encoding="utf-8").removeprefix("\ufeff") for f in files],
        }
    )
    articles = clean_documents(documents, CleanConfig()).articles
    articles = articles.append_column("language", detect_languages(articles["body"]))
    return articles.select(["body", "published_date", "language"]).to_pylist()


def corpus(n: int, seed: int) -> pa.Table:
    rng = random.Random(seed)
    sources = source_articles()
    rows = []
    for i in range(n):
        source = rng.choice(sources)
        pool = [p for p in source["body"].split("\n\n") if p.strip()]
        extra = [p for p in rng.choice(sources)["body"].split("\n\n") if p.strip()]
        paragraphs = rng.sample(pool + extra, min(len(pool + extra), rng.randint(4, 10)))
        rows.append(
            {
                "article_id": f"{i:016x}",
                "body": "\n\n".join(paragraphs),
                "published_date": source["published_date"],
                "language": source["language"],
                "site_name": None,
                "page_source": None,
            }
        )
    return pa.Table.from_pylist(rows).cast(
        pa.schema(
            [
                ("article_id", pa.string()),
                ("body", pa.string()),
                ("published_date", pa.date32()),
                ("language", pa.string()),
                ("site_name", pa.string()),
                ("page_source", pa.string()),
            ]
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument(
        "--processes",
        type=int,
        default=1,
        help="EnrichConfig.ner_processes: worker processes of the entity step",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--ner-sample", type=int, default=5000, help="articles timed for the models' share"
    )
    args = parser.parse_args()
    config = EnrichConfig(ner_processes=args.processes)
    settings = Settings(enrich=config)
    articles = corpus(args.n, args.seed)
    words = sum(len(b.split()) for b in articles["body"].to_pylist())
    print(f"{args.n} articles, {words / args.n:.0f} words each on average")
    for model in {config.spacy_model, *config.spacy_models.values()}:
        _load_ner(model)
    start = time.perf_counter()
    batches = [articles.slice(o, args.batch) for o in range(0, args.n, args.batch)]
    for batch in batches:
        phases.enrich_batch(batch.drop_columns(["language"]), settings)
    canonical = [b.select(phases.CANONICAL_INPUT) for b in batches]
    read = [phases.canonical_batch(batch, settings) for batch in canonical]
    mentions = pa.concat_tables([r.mentions for r in read])
    entity_mentions = phases.name_entities(mentions, None, settings).result.mentions
    for batch in canonical:
        phases.quotes_batch(batch, entity_mentions, settings)
    total = time.perf_counter() - start
    # The models' own time: nlp.pipe alone over the first --ner-sample bodies, each with the
    # pipeline of its language as extract_entities routes it, scaled to all articles.
    sample = articles.slice(0, args.ner_sample)
    by_model: dict[str, list[str]] = {}
    for body, language in zip(
        sample["body"].to_pylist(), sample["language"].to_pylist(), strict=True
    ):
        by_model.setdefault(config.spacy_models.get(language, config.spacy_model), []).append(body)
    t = time.perf_counter()
    for model, bodies in by_model.items():
        for _ in _load_ner(model).pipe(
            bodies, batch_size=config.ner_batch_size, n_process=args.processes
        ):
            pass
    ner = (time.perf_counter() - t) * args.n / sample.num_rows
    for step, seconds in phases.step_seconds().items():
        print(f"{step:>16}: {seconds:8.1f} s  ({args.n / seconds:8.1f} articles/s)")
    print(f"{'total':>16}: {total:8.1f} s  ({args.n / total:8.1f} articles/s)")
    print(
        f"NER models alone, n_process={args.processes}: {ner:.1f} s = {ner / total:.0%} of "
        "enrichment"
    )


if __name__ == "__main__":
    main()
