"""Speed and scale of dedup, beside datasketch and rensa on the same corpus.

For each N, in a fresh process: generates N articles with known near-duplicate groups from
real Reuters-21578 and BBC News sentences (eval_dedup.SyntheticCorpus; batch by batch, so
the bodies are never all in memory), runs newspipe's dedup as the flow would
(`sketch_articles` per batch of 10,000, then `assign_groups` once), and prints the time of
the dedup stage alone (generation excluded), articles/s, peak RSS, and pairwise F1 / ARI
against the known groups. Then the same corpus through datasketch MinHashLSH and rensa
RMinHashLSH, the usual Python way: shingles built per article in Python from the same
normalised text, MinHash per article, LSH insert and query, candidates checked at the same
threshold, union-find. Last, the growth exponent of newspipe's time from 100k to 1M.

    .venv/bin/python benchmarks/bench_dedup.py --n 10000 100000 1000000 [--references-up-to 100000]
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time

import numpy as np
import pyarrow as pa
from eval_dedup import SyntheticCorpus, group_labels, pair_scores, sentence_pool

from newspipe import dedup
from newspipe.dedup.exact import normalise_for_matching

BATCH = 10_000


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_newspipe(corpus: SyntheticCorpus, config: dedup.DedupConfig) -> dict:
    elapsed, parts = 0.0, []
    for batch in corpus.batches(BATCH):
        started = time.perf_counter()
        parts.append(dedup.sketch_articles(batch, config))
        elapsed += time.perf_counter() - started
    started = time.perf_counter()
    sketches = dedup.ArticleSketches.concat(parts)
    del parts
    result = dedup.assign_groups(sketches, dedup.DedupHistory.empty(config), config)
    global_s = time.perf_counter() - started
    scores = pair_scores(corpus.story, group_labels(result.groups, corpus.article_ids()))
    return {
        "seconds": elapsed + global_s,
        "sketch_s": elapsed,
        "global_s": global_s,
        "peak_rss_mb": _peak_rss_mb(),
        **scores,
    }


def _shingle_sets(batch: pa.Table, size: int) -> list[list[str]]:
    """Per article, its distinct `size`-word shingles from the same normalised text."""
    shingles = []
    for text in normalise_for_matching(batch["body"]).to_pylist():
        words = text.split()
        shingles.append(list({" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}))
    return shingles


def _components(n: int, pairs: list[tuple[int, int]]) -> np.ndarray:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return np.array([find(x) for x in range(n)])


def run_reference(corpus: SyntheticCorpus, config: dedup.DedupConfig, library: str) -> dict:
    """The usual per-article Python pipeline around datasketch or rensa."""
    if library == "datasketch":
        from datasketch import MinHash, MinHashLSH

        lsh = MinHashLSH(threshold=config.threshold, num_perm=config.num_perm)

        def sketch(shingles: list[str]):
            m = MinHash(num_perm=config.num_perm, seed=config.seed)
            m.update_batch([s.encode() for s in shingles])
            return m
    else:
        from rensa import RMinHash, RMinHashLSH

        lsh = RMinHashLSH(
            threshold=config.threshold, num_perm=config.num_perm, num_bands=config.bands
        )

        def sketch(shingles: list[str]):
            m = RMinHash(num_perm=config.num_perm, seed=config.seed)
            m.update(shingles)
            return m

    elapsed, sketches = 0.0, []
    for batch in corpus.batches(BATCH):
        started = time.perf_counter()
        for shingles in _shingle_sets(batch, config.shingle_size):
            m = sketch(shingles)
            lsh.insert(len(sketches), m)
            sketches.append(m)
        elapsed += time.perf_counter() - started
    started = time.perf_counter()
    pairs = [
        (i, j)
        for i, m in enumerate(sketches)
        for j in lsh.query(m)
        if j > i and m.jaccard(sketches[j]) >= config.threshold
    ]
    labels = _components(len(sketches), pairs)
    elapsed += time.perf_counter() - started
    return {"seconds": elapsed, **pair_scores(corpus.story, labels)}


def single(n: int, references: bool) -> dict:
    config = dedup.DedupConfig()
    corpus = SyntheticCorpus(n, pool=sentence_pool())
    figures = {"n": n, "newspipe": run_newspipe(corpus, config)}
    if references:
        for library in ("rensa", "datasketch"):
            figures[library] = run_reference(corpus, config, library)
    return figures


def _row(name: str, n: int, f: dict) -> str:
    rss = f"{f['peak_rss_mb']:>8,.0f} MB" if "peak_rss_mb" in f else " " * 11
    return (
        f"{name:<11}{n:>10,}{f['seconds']:>9.1f} s{n / f['seconds']:>11,.0f}/s{rss}"
        f"   F1 {f['f1']:.3f}  ARI {f['ari']:.3f}  P {f['precision']:.3f}  R {f['recall']:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--references-up-to", type=int, default=100_000)
    parser.add_argument("--single", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.single:
        print(json.dumps(single(args.single, args.single <= args.references_up_to)))
        return

    sentence_pool()  # builds the cache here, outside the measured processes
    results = {}
    print(f"{'':<11}{'articles':>10}{'time':>11}{'speed':>13}{'peak RSS':>11}")
    for n in args.n:
        command = [sys.executable, __file__, "--single", str(n)]
        command += ["--references-up-to", str(args.references_up_to)]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        results[n] = figures = json.loads(out.strip().splitlines()[-1])
        print(_row("newspipe", n, figures["newspipe"]), flush=True)
        print(
            f"{'':<11}sketch {figures['newspipe']['sketch_s']:.1f} s, "
            f"global {figures['newspipe']['global_s']:.1f} s"
        )
        for library in ("rensa", "datasketch"):
            if library in figures:
                print(_row(library, n, figures[library]))
                ratio = figures[library]["seconds"] / figures["newspipe"]["seconds"]
                print(f"{'':<11}newspipe is {ratio:.1f}x as fast as {library}", flush=True)
    if 100_000 in results and 1_000_000 in results:
        t1, t2 = (results[n]["newspipe"]["seconds"] for n in (100_000, 1_000_000))
        print(f"growth exponent 100k -> 1M: {math.log(t2 / t1) / math.log(10):.2f} (1.00 = linear)")


if __name__ == "__main__":
    main()
