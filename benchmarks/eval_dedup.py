"""Accuracy of dedup: pairwise precision, recall, F1 and adjusted Rand index of dup_group_id.

Scored on (1) the sample corpus's hand-labelled duplicate groups (examples/corpus/
labels.json, bodies from newspipe's own cleaning), and (2) a synthetic corpus of syndicated
copies built from real newswire text (Reuters-21578 and BBC News under ../shared/corpora,
when present): each story is a recombination of real sentences, and its copies get another
headline, a dropped or added paragraph, edited words, other spelling and agency chrome,
while some unrelated stories reuse one paragraph of another (a shared quote: a paragraph
copy, not a duplicate). No corpus under ../shared/corpora carries duplicate labels (their
SOURCE.md files say so), so there is no published dedup figure to print beside ours.
It also prints a small grid of settings (shingle size x threshold) on the synthetic corpus,
from which DedupConfig's defaults were chosen.

    .venv/bin/python benchmarks/eval_dedup.py [--n 20000]
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import random
import re
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from newspipe import dedup

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")
_SPELLINGS = [("ise", "ize"), ("our ", "or "), ("centre", "center"), ("per cent", "percent")]
_CHROME = [
    "Reporting by {a}; editing by {b}",
    "(Reuters) -",
    "Copyright {y} Wire Service. All rights reserved.",
    "Additional reporting by {a}",
]


def sentence_pool() -> list[str]:
    """Real sentences of 6 to 60 words from Reuters-21578 and BBC News, when present; built
    once and cached in the temp folder, so a measured process does not carry the parsing's
    memory in its peak."""
    cache = Path(tempfile.gettempdir()) / "newspipe_dedup_sentences.parquet"
    if not cache.exists():
        pq.write_table(pa.table({"sentence": _parse_sentences()}), cache)
    return pq.read_table(cache)["sentence"].to_pylist()


def _parse_sentences() -> list[str]:
    texts: list[str] = []
    for path in sorted((CORPORA / "reuters21578").glob("reut2-*.sgm.gz")):
        raw = gzip.decompress(path.read_bytes()).decode("latin-1")
        texts += [html.unescape(b) for b in re.findall(r"<BODY>(.*?)</BODY>", raw, re.S)]
    for path in sorted((CORPORA / "bbc-news" / "bbc").glob("*/*.txt")):
        texts.append(path.read_bytes().decode("utf-8", "replace").split("\n", 1)[-1])
    if not texts:
        raise SystemExit(f"no Reuters or BBC text under {CORPORA}")
    sentences = {
        s.strip()
        for text in texts
        for s in _SENTENCE_END.split(" ".join(text.replace("Reuter\n&#3;", "").split()))
    }
    return sorted(s for s in sentences if 6 <= len(s.split()) <= 60)


class SyntheticCorpus:
    """N articles in stories of 1 to 6 copies, generated batch by batch on demand: the
    bodies are never all in memory. `story[i]` is article i's true group."""

    def __init__(self, n: int, seed: int = 7, pool: list[str] | None = None):
        self.pool = pool or sentence_pool()
        rng = np.random.default_rng(seed)
        sizes = np.where(rng.random(n) < 0.7, 1, rng.integers(2, 7, n))
        sizes = sizes[: np.searchsorted(np.cumsum(sizes), n) + 1]
        story = np.repeat(np.arange(len(sizes)), sizes)[:n]
        copy_no = np.arange(n) - np.repeat(np.cumsum(sizes) - sizes, sizes)[:n]
        order = rng.permutation(n)
        self.story, self.copy_no, self.seed = story[order], copy_no[order], seed

    def __len__(self) -> int:
        return len(self.story)

    def _paragraphs(self, story: int) -> list[str]:
        rng = random.Random(f"{self.seed}-{story}")
        pool = self.pool
        paragraphs = [
            " ".join(pool[rng.randrange(len(pool))] for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(4, 10))
        ]
        if story and rng.random() < 0.05:
            # A shared quote: one paragraph of another story, reused verbatim.
            paragraphs.insert(rng.randrange(len(paragraphs)), self._paragraphs(story - 1)[0])
        return paragraphs

    def article(self, i: int) -> dict:
        story, copy_no = int(self.story[i]), int(self.copy_no[i])
        rng = random.Random(f"{self.seed}-{story}-{copy_no}")
        paragraphs = self._paragraphs(story)
        headline = " ".join(self.pool[rng.randrange(len(self.pool))].split()[:9])
        if copy_no:
            if len(paragraphs) > 3 and rng.random() < 0.5:
                del paragraphs[rng.randrange(len(paragraphs))]
            if rng.random() < 0.3:
                paragraphs.append(self.pool[rng.randrange(len(self.pool))])
            words = " \n\n ".join(paragraphs).split(" ")
            for _ in range(rng.randint(0, 6)):
                words[rng.randrange(len(words))] = rng.choice(words)
            text = " ".join(words)
            for british, american in _SPELLINGS:
                if rng.random() < 0.5:
                    text = text.replace(british, american)
            paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
            if rng.random() < 0.4:
                chrome = rng.choice(_CHROME).format(a="Ann Lee", b="Bo Kim", y=2025)
                paragraphs.append(chrome)
        published = date(2025, 1, 1) + timedelta(days=story % 300 + copy_no + rng.randint(0, 2))
        return {
            "article_id": f"{(i * 0x9E3779B97F4A7C15) & (2**64 - 1):016x}",
            "body": "\n\n".join([headline, *paragraphs]),
            "published_date": published if rng.random() > 0.1 else None,
        }

    def batches(self, size: int) -> Iterator[pa.Table]:
        for start in range(0, len(self), size):
            rows = [self.article(i) for i in range(start, min(start + size, len(self)))]
            yield pa.table(
                {
                    "article_id": pa.array([r["article_id"] for r in rows], pa.string()),
                    "body": pa.array([r["body"] for r in rows], pa.string()),
                    "published_date": pa.array([r["published_date"] for r in rows], pa.date32()),
                    "n_words": pa.array([len(r["body"].split()) for r in rows], pa.int32()),
                }
            )

    def article_ids(self) -> list[str]:
        return [f"{(i * 0x9E3779B97F4A7C15) & (2**64 - 1):016x}" for i in range(len(self))]


def _pairs(counts: np.ndarray) -> float:
    return float((counts * (counts - 1) // 2).sum())


def pair_scores(truth: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    """Pairwise precision, recall, F1 and adjusted Rand index of two labelings (int arrays)."""
    _, truth = np.unique(truth, return_inverse=True)
    _, predicted = np.unique(predicted, return_inverse=True)
    _, both = np.unique(
        truth.astype(np.int64) * (predicted.max() + 1) + predicted, return_counts=True
    )
    same_both = _pairs(both)
    same_truth = _pairs(np.bincount(truth))
    same_predicted = _pairs(np.bincount(predicted))
    precision = same_both / same_predicted if same_predicted else 1.0
    recall = same_both / same_truth if same_truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    n_pairs = _pairs(np.array([len(truth)]))
    expected = same_truth * same_predicted / n_pairs if n_pairs else 0.0
    mean = (same_truth + same_predicted) / 2
    ari = (same_both - expected) / (mean - expected) if mean != expected else 1.0
    return {"precision": precision, "recall": recall, "f1": f1, "ari": ari}


def group_labels(groups: pa.Table, article_ids: list[str]) -> np.ndarray:
    """dup_group_id of each article in `article_ids`, as ints."""
    by_id = dict(
        zip(groups["article_id"].to_pylist(), groups["dup_group_id"].to_pylist(), strict=True)
    )
    _, labels = np.unique([by_id[a] for a in article_ids], return_inverse=True)
    return labels


def run_dedup(batches: Iterator[pa.Table], config: dedup.DedupConfig) -> pa.Table:
    sketches = dedup.ArticleSketches.concat([dedup.sketch_articles(b, config) for b in batches])
    return dedup.assign_groups(sketches, dedup.DedupHistory.empty(config), config).groups


def sample_corpus() -> tuple[pa.Table, np.ndarray]:
    """The sample corpus's articles as cleaning leaves them, and their labelled groups."""
    from newspipe import clean
    from newspipe.config import CleanConfig

    paths = sorted((ROOT / "examples" / "corpus").glob("*.txt"))
    documents = pa.table(
        {
            "doc_id": [p.stem for p in paths],
            "source_uri": [str(p) for p in paths],
            "text": [p.read_text(encoding="utf-8") for p in paths],
        }
    )
    articles = clean.clean_documents(documents, CleanConfig(), None).articles
    labels = json.loads((ROOT / "examples" / "corpus" / "labels.json").read_text())
    group_of = {a: g for g, members in enumerate(labels["duplicate_groups"]) for a in members}
    ids = articles["article_id"].to_pylist()
    truth = np.array([group_of.get(a, 1000 + i) for i, a in enumerate(ids)])
    return articles, truth


def _line(name: str, scores: dict[str, float], extra: str = "") -> str:
    return (
        f"{name:<44} P {scores['precision']:.3f}  R {scores['recall']:.3f}  "
        f"F1 {scores['f1']:.3f}  ARI {scores['ari']:.3f}  {extra}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20_000, help="synthetic articles")
    args = parser.parse_args()
    config = dedup.DedupConfig()

    articles, truth = sample_corpus()
    groups = run_dedup(iter([articles]), config)
    scores = pair_scores(truth, group_labels(groups, articles["article_id"].to_pylist()))
    print(
        _line(f"sample corpus ({articles.num_rows} articles)", scores, "paper: none (own labels)")
    )

    corpus = SyntheticCorpus(args.n)
    ids = corpus.article_ids()
    groups = run_dedup(corpus.batches(5000), config)
    scores = pair_scores(corpus.story, group_labels(groups, ids))
    print(_line(f"synthetic Reuters+BBC copies ({args.n:,})", scores, "paper: none published"))
    print("no labelled news-reprint corpus under ../shared/corpora (see their SOURCE.md)")

    print("\ngrid on the synthetic corpus (num_perm 128, bands x rows 32 x 4):")
    for shingle_size in (3, 4, 5):
        for threshold in (0.4, 0.5, 0.6):
            grid = config.model_copy(update={"shingle_size": shingle_size, "threshold": threshold})
            groups = run_dedup(corpus.batches(5000), grid)
            scores = pair_scores(corpus.story, group_labels(groups, ids))
            print(_line(f"  shingle {shingle_size} threshold {threshold}", scores))
    for bands, rows in ((16, 8), (20, 5), (32, 4)):
        grid = config.model_copy(update={"bands": bands, "rows": rows})
        groups = run_dedup(corpus.batches(5000), grid)
        scores = pair_scores(corpus.story, group_labels(groups, ids))
        print(_line(f"  bands {bands} x rows {rows}", scores))


if __name__ == "__main__":
    main()
