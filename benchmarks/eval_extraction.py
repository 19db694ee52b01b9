"""Score newspipe's HTML extraction on the public article extraction benchmark.

Usage: .venv/bin/python benchmarks/eval_extraction.py [BENCHMARK_DIR] [--text] [--show-worst N]
(default ../shared/corpora/article-extraction-benchmark: 181 real news pages, their gold
article bodies and the reference outputs of published extractors; see its SOURCE.md).

Scores, with the benchmark's own metric (evaluate.py of scrapinghub/article-extraction-
benchmark, re-implemented in `newspipe.clean.scoring`): the published trafilatura output
(to check the scorer reproduces the published figures), trafilatura 2 run here as the
benchmark runs it, and newspipe: every page read by `newspipe.ingest` (the `.html.gz` files
as they are) and cleaned by `newspipe.clean.clean_documents`, scoring `articles.body`.
Prints the published table beside the figures. A page newspipe quarantines scores as an empty body.

`--text` scores the plain-text path instead: each page as a naive HTML-to-text gives it
(the benchmark's `output/html-text.json`, every menu, share line and comment kept) is
written to a `.txt` file, read by `newspipe.ingest` and cleaned. The cleaning rules were
tuned on the pages whose ids start with 0-7 only, so the figures are printed for that half
(`tuned`), for the pages starting with 8-f (`held out`, the estimate for unseen sites) and
for all pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import statistics
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import trafilatura

from newspipe.clean import clean_documents
from newspipe.clean.scoring import (
    TUNED_ID_PREFIXES,
    extraction_metrics,
    shingle_matching,
    tokenize,
)
from newspipe.config import CleanConfig
from newspipe.ingest import IngestConfig, read_documents

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO.parent / "shared" / "corpora" / "article-extraction-benchmark"
# The README's "Results of the latest evaluation" (F1, precision, recall, accuracy).
PUBLISHED = [
    ("rs_trafilatura 9261e08", 0.970, 0.951, 0.990, 0.287),
    ("go_trafilatura", 0.960, 0.940, 0.980, 0.287),
    ("trafilatura 2.0.0", 0.958, 0.938, 0.978, 0.293),
    ("newspaper4k 0.9.3.1 (previous run)", 0.949, 0.964, 0.934, 0.326),
    ("readability_js 0.6.0", 0.947, 0.914, 0.982, 0.166),
    ("readability-lxml 0.8.4.1", 0.922, 0.913, 0.931, 0.315),
    ("goose3 3.1.20", 0.896, 0.940, 0.856, 0.232),
    ("boilerpipe (python, 2019)", 0.860, 0.850, 0.870, 0.006),
    ("justext 3.0.2", 0.804, 0.858, 0.756, 0.088),
    ("html-text 0.7.0 (full page text baseline)", 0.665, 0.500, 0.994, 0.000),
    ("AutoExtract (commercial, Nov 2019)", 0.970, 0.984, 0.956, 0.470),
]
N_BOOTSTRAP = 1000


def evaluate(gold: dict[str, dict], predicted: dict[str, str]) -> dict[str, float]:
    """F1, precision, recall, accuracy and bootstrap standard deviations (seeded)."""
    keys = sorted(gold)
    counts = [shingle_matching(gold[k]["articleBody"], predicted.get(k, "")) for k in keys]
    exact = [
        float(tokenize(gold[k]["articleBody"]) == tokenize(predicted.get(k, ""))) for k in keys
    ]
    result = extraction_metrics(counts) | {"accuracy": statistics.mean(exact), "per_doc": counts}
    rng = random.Random(0)
    samples: dict[str, list[float]] = {}
    for _ in range(N_BOOTSTRAP):
        picks = [rng.randrange(len(keys)) for _ in keys]
        for name, value in extraction_metrics([counts[i] for i in picks]).items():
            samples.setdefault(name, []).append(value)
    return result | {f"{k}_std": statistics.stdev(v) for k, v in samples.items()}


# --- the systems ------------------------------------------------------------------------


def page_id(uri: str) -> str:
    return Path(uri).name.split(".")[0]


def published_trafilatura(folder: Path) -> dict[str, str]:
    data = json.loads((folder / "output" / "trafilatura.json").read_text(encoding="utf-8"))
    data = data.get("output", data)
    return {k: v.get("articleBody") or "" for k, v in data.items()}


def trafilatura_alone(pages: list[Path]) -> dict[str, str]:
    """trafilatura as the benchmark runs it: `extract(html, include_comments=False)`."""
    out = {}
    for path in pages:
        html = gzip.decompress(path.read_bytes()).decode("utf-8")
        out[page_id(str(path))] = trafilatura.extract(html, include_comments=False) or ""
    return out


def newspipe_bodies(pages: list[Path], config: IngestConfig) -> tuple[dict[str, str], pa.Table]:
    """Ingest the pages, clean them, and return each page's article body (and the raw)."""
    raw = pa.concat_tables(read_documents([str(p) for p in pages], config))
    ok = raw.filter(pc.equal(raw["status"], "ok"))
    result = clean_documents(ok, CleanConfig())
    by_doc = dict(
        zip(result.articles["doc_id"].to_pylist(), result.articles["body"].to_pylist(), strict=True)
    )
    bodies = {
        page_id(uri): by_doc.get(doc_id, "")
        for uri, doc_id in zip(
            raw["source_uri"].to_pylist(), raw["doc_id"].to_pylist(), strict=True
        )
    }
    return bodies, raw


def text_path_bodies(folder: Path, config: IngestConfig) -> tuple[dict[str, str], pa.Table]:
    """The html-text outputs as `.txt` files through ingest and cleaning (see `--text`)."""
    data = json.loads((folder / "output" / "html-text.json").read_text(encoding="utf-8"))
    texts = {k: v.get("articleBody") or "" for k, v in data.get("output", data).items()}
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for key, text in sorted(texts.items()):
            files.append(Path(tmp) / f"{key}.txt")
            files[-1].write_text(text, encoding="utf-8")
        return newspipe_bodies(files, config)


def _halves(gold: dict[str, dict]) -> dict[str, dict[str, dict]]:
    tuned = {k: v for k, v in gold.items() if k.startswith(TUNED_ID_PREFIXES)}
    held_out = {k: v for k, v in gold.items() if k not in tuned}
    return {"tuned (ids 0-7)": tuned, "held out (ids 8-f)": held_out, "all": gold}


def _row(name: str, m: dict) -> str:
    return (
        f"| {name} | {m['f1']:.3f} ± {m['f1_std']:.3f} | {m['precision']:.3f} ± "
        f"{m['precision_std']:.3f} | {m['recall']:.3f} ± {m['recall_std']:.3f} | "
        f"{m['accuracy']:.3f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--show-worst", type=int, default=0, help="list the N worst pages")
    parser.add_argument(
        "--text", action="store_true", help="score the plain-text path on both halves"
    )
    args = parser.parse_args()
    gold = json.loads((args.folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((args.folder / "html").glob("*.html.gz"))

    config = IngestConfig()
    if args.text:
        main_text(args.folder, gold, config, args.show_worst)
        return
    bodies, raw = newspipe_bodies(pages, config)
    scores = {
        "trafilatura 2.0.0, published output (scorer check)": evaluate(
            gold, published_trafilatura(args.folder)
        ),
        f"trafilatura {trafilatura.__version__}, run here as the benchmark runs it": evaluate(
            gold, trafilatura_alone(pages)
        ),
        "newspipe (ingest + clean), articles.body": evaluate(gold, bodies),
    }
    print(
        f"{len(pages)} pages; newspipe quarantined "
        f"{pc.sum(pc.equal(raw['status'], 'quarantined')).as_py() or 0}; HTML settings: "
        f"{config.html.model_dump()}\n"
    )
    print("| measured here | F1 | P | R | accuracy |\n|---|---|---|---|---|")
    for name, m in scores.items():
        print(_row(name, m))
    print("\n| published (benchmark README) | F1 | P | R | accuracy |\n|---|---|---|---|---|")
    for name, f1, p, r, acc in PUBLISHED:
        print(f"| {name} | {f1:.3f} | {p:.3f} | {r:.3f} | {acc:.3f} |")
    if args.show_worst:
        ours = scores["newspipe (ingest + clean), articles.body"]["per_doc"]
        keys = sorted(gold)
        worst = sorted(range(len(keys)), key=lambda i: ours[i][0])[: args.show_worst]
        print("\nworst pages for newspipe (tp, fp, fn):")
        for i in worst:
            print(f"  {keys[i]}  {tuple(round(x, 3) for x in ours[i])}  {gold[keys[i]]['url']}")


def main_text(folder: Path, gold: dict[str, dict], config: IngestConfig, show_worst: int) -> None:
    bodies, raw = text_path_bodies(folder, config)
    data = json.loads((folder / "output" / "html-text.json").read_text(encoding="utf-8"))
    page_text = {k: v.get("articleBody") or "" for k, v in data.get("output", data).items()}
    print(
        f"{len(bodies)} pages as plain text; newspipe quarantined "
        f"{pc.sum(pc.equal(raw['status'], 'quarantined')).as_py() or 0} at ingest, "
        f"{sum(1 for b in bodies.values() if not b)} without article\n"
    )
    print("| plain-text path | pages | F1 | P | R | accuracy |\n|---|---|---|---|---|---|")
    for half, part in _halves(gold).items():
        for name, predicted in (("newspipe", bodies), ("text as it stands", page_text)):
            m = evaluate(part, predicted)
            print(f"| {name}, {half} | {len(part)} " + _row("", m)[3:])
    if show_worst:
        held = _halves(gold)["tuned (ids 0-7)"]
        keys = sorted(held)
        ours = evaluate(held, bodies)["per_doc"]
        worst = sorted(range(len(keys)), key=lambda i: ours[i][0])[:show_worst]
        print("\nworst tuned pages for newspipe (tp, fp, fn):")
        for i in worst:
            print(f"  {keys[i]}  {tuple(round(x, 3) for x in ours[i])}  {held[keys[i]]['url']}")


if __name__ == "__main__":
    main()
