"""Speed of language identification and event dates on real articles, in articles/s.

Reads, in place, the BBC News articles (../shared/corpora/bbc-news/bbc/*/*.txt: a headline,
a blank line, the body; no publication dates) and the Reuters-21578 bodies with their
`<DATE>` as the publication date (../shared/corpora/reuters21578/*.sgm.gz). Times
`detect_languages` and `resolve_event_dates` over each corpus in batches as
`enrich_batch` calls them (bodies cut to `max_chars_read`), and bare spaCy NER (the English
pipeline, entity recogniser only, one process) on the first --ner-sample bodies, scaled to
the corpus, so that the dates' share of a run whose cost is NER can be read off.

    .venv/bin/python benchmarks/bench_dates.py [--reuters N] [--ner-sample 300] [--batch 1000]
        [--corpus bbc|reuters|both|none]

It first prints the accuracy on the held-out event-date cases of
tests/enrich/article/event_dates_holdout.json (invented articles written after the rules).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import html
import json
import re
import time
from collections import Counter
from pathlib import Path

import pyarrow as pa

from newspipe.config import EnrichConfig
from newspipe.enrich.article import detect_languages, resolve_event_dates
from newspipe.enrich.canonical.entities import _load_ner
from newspipe.pipeline import isolate
from newspipe.pipeline.phases import bounded

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
HOLDOUT = REPO / "tests" / "enrich" / "article" / "event_dates_holdout.json"
_REUTERS_DOCUMENT = re.compile(r"<REUTERS .*?</REUTERS>", re.S)
_REUTERS_DATE = re.compile(r"<DATE>\s*(\d{1,2}-[A-Z]{3}-\d{4})")
_REUTERS_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
# Reuters bodies wrap lines at about 70 characters and indent each new paragraph.
_REUTERS_PARAGRAPH = re.compile(r"\n\s{3,}")


def bbc_articles() -> list[dict]:
    rows = []
    for path in sorted((CORPORA / "bbc-news" / "bbc").glob("*/*.txt")):
        text = path.read_bytes().decode("utf-8", "replace")
        body = text.split("\n", 1)[-1].strip()
        rows.append({"article_id": f"bbc/{path.parent.name}/{path.stem}", "body": body})
    return rows


def reuters_articles(limit: int) -> list[dict]:
    rows = []
    for path in sorted((CORPORA / "reuters21578").glob("reut2-*.sgm.gz")):
        raw = gzip.decompress(path.read_bytes()).decode("latin-1")
        for document in _REUTERS_DOCUMENT.findall(raw):
            body = _REUTERS_BODY.search(document)
            date = _REUTERS_DATE.search(document)
            if body is None:
                continue
            text = html.unescape(body.group(1)).replace("\x03", "").strip()
            text = text.removesuffix("Reuter").strip()
            paragraphs = (" ".join(p.split()) for p in _REUTERS_PARAGRAPH.split(text))
            rows.append(
                {
                    "article_id": f"reuters/{len(rows)}",
                    "body": "\n\n".join(p for p in paragraphs if p),
                    "published_date": (
                        dt.datetime.strptime(date.group(1).title(), "%d-%b-%Y").date()
                        if date
                        else None
                    ),
                }
            )
            if len(rows) == limit:
                return rows
    return rows


def measure(name: str, rows: list[dict], config: EnrichConfig, batch: int, ner_sample: int):
    table = pa.Table.from_pylist(
        [
            {
                "article_id": r["article_id"],
                "body": r["body"],
                "published_date": r.get("published_date"),
            }
            for r in rows
        ],
        schema=pa.schema(
            [("article_id", pa.string()), ("body", pa.string()), ("published_date", pa.date32())]
        ),
    )
    n = table.num_rows
    words = sum(len(b.split()) for b in table["body"].to_pylist())
    print(f"\n{name}: {n:,} articles, {words / n:.0f} words each on average")
    language_s = dates_s = 0.0
    languages, sources, failures = Counter(), Counter(), Counter()
    for offset in range(0, n, batch):
        part = bounded(table.slice(offset, batch), config.max_chars_read)
        began = time.perf_counter()
        codes = detect_languages(part["body"])
        language_s += time.perf_counter() - began
        part = part.append_column("language", codes)
        began = time.perf_counter()
        # Through the pipeline's fault isolation, as enrich_batch calls it: an article on
        # which the step raises is bisected out and counted, not a crash of the benchmark.
        dates, failed = isolate("enrich.dates", resolve_event_dates, part, config)
        dates_s += time.perf_counter() - began
        failures.update(error.split(":", 2)[1].strip() for error in failed.values())
        languages.update(codes.to_pylist())
        sources.update(dates["event_date_source"].to_pylist())
    nlp = _load_ner(config.spacy_model)
    sample = table["body"].to_pylist()[:ner_sample]
    began = time.perf_counter()
    for _ in nlp.pipe(sample, batch_size=config.ner_batch_size):
        pass
    ner_s = (time.perf_counter() - began) * n / len(sample)
    for step, seconds in [("language", language_s), ("dates", dates_s)]:
        print(f"{step:>10}: {seconds:8.1f} s  {n / seconds:9.1f} articles/s")
    print(f"{'NER':>10}: {ner_s:8.1f} s  {n / ner_s:9.1f} articles/s (bare spaCy, scaled)")
    run = ner_s + language_s + dates_s
    print(
        f"dates are {dates_s / run:.1%} and language {language_s / run:.1%} of "
        "NER + language + dates"
    )
    print("languages:", dict(languages.most_common(5)), " event_date_source:", dict(sources))
    print(f"articles on which the date step raised: {sum(failures.values())} {dict(failures)}")


def holdout(config: EnrichConfig) -> None:
    """Share of the held-out cases (written after the rules, never tuned on) whose event
    date is right, per language."""
    cases = json.loads(HOLDOUT.read_text(encoding="utf-8"))["articles"]
    table = pa.Table.from_pylist(
        [
            {
                "article_id": c["id"],
                "body": c["body"],
                "published_date": c["published"] and dt.date.fromisoformat(c["published"]),
                "language": c["language"],
            }
            for c in cases
        ],
        schema=pa.schema(
            [
                ("article_id", pa.string()),
                ("body", pa.string()),
                ("published_date", pa.date32()),
                ("language", pa.string()),
            ]
        ),
    )
    got = resolve_event_dates(table, config)["event_date"].to_pylist()
    right: Counter = Counter()
    total: Counter = Counter()
    for case, when in zip(cases, got, strict=True):
        total[case["language"]] += 1
        if (when and when.isoformat()) == case["event_date"]:
            right[case["language"]] += 1
        else:
            print(f"  {case['id']}: {when} != {case['event_date']}")
    print(
        "held-out event dates: "
        + ", ".join(f"{k} {right[k]}/{total[k]}" for k in sorted(total))
        + f", all {sum(right.values())}/{sum(total.values())}"
        f" = {sum(right.values()) / sum(total.values()):.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuters", type=int, default=19_043, help="Reuters bodies read")
    parser.add_argument("--ner-sample", type=int, default=300, help="bodies timed for NER")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--corpus", choices=["bbc", "reuters", "both", "none"], default="both")
    args = parser.parse_args()
    config = EnrichConfig()
    holdout(config)
    if args.corpus in ("bbc", "both"):
        measure("BBC News", bbc_articles(), config, args.batch, args.ner_sample)
    if args.corpus in ("reuters", "both"):
        rows = reuters_articles(args.reuters)
        measure("Reuters-21578", rows, config, args.batch, args.ner_sample)


if __name__ == "__main__":
    main()
