"""Speed of the whole pipeline on real articles: BBC News and the Reuters-21578 bodies.

Usage: .venv/bin/python benchmarks/bench_real.py [--corpus bbc reuters] [--sizes 2000 5000 19043]
           [--no-cli] [--no-bare]

For each corpus and size, in a fresh process each:
- the pipeline (newspipe.pipeline.run_pipeline, every stage the flow runs, into a new
  warehouse, without Prefect): seconds per step, wall time, articles/s and the peak memory
  of the process with its NER workers;
- bare spaCy on the same texts: the NER-only model of newspipe's entity step,
  `nlp.pipe(n_process=EnrichConfig.ner_processes)`, nothing else;
- with the command line (not --no-cli): `newspipe run` on the same input, Prefect's
  ephemeral API included, as a user runs it.
Then the ratio of each to bare spaCy and the growth exponent of wall time between the
smallest and the largest size (1.0 is linear). BBC has 2,225 articles: larger sizes take all
of them. Inputs are written once per size to a temporary folder: BBC as its text files,
Reuters as one JSONL file (text, title, date), a user's export.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
NEWSPIPE = str(Path(sys.executable).with_name("newspipe"))


class PeakMemory:
    """Peak resident memory of this process and its children (NER workers), sampled."""

    def __init__(self, every_s: float = 0.2):
        self.peak = 0
        self._every = every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self._stop.wait(self._every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def write_input(corpus: str, size: int, folder: Path) -> tuple[list[str], int]:
    """The input of one measurement: paths to pass to the pipeline, and its article count."""
    from newspipe.corpora import bbc_files, write_reuters_jsonl

    if corpus == "bbc":
        files = bbc_files(SHARED)[:size]
        for f in files:
            target = folder / f.parent.name / f.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, target)
        return [str(folder)], len(files)
    path = folder / "reuters.jsonl"
    return [str(path)], write_reuters_jsonl(SHARED, path, limit=size)


def measure_pipeline(inputs: list[str]) -> dict:
    from newspipe.config import Settings
    from newspipe.pipeline import LocalRunner, run_pipeline, step_seconds
    from newspipe.warehouse import Warehouse

    with tempfile.TemporaryDirectory() as folder, PeakMemory() as memory:
        store = Warehouse(folder)
        began = time.perf_counter()
        with store.lock():
            outcome = run_pipeline(inputs, store, Settings(), LocalRunner())
        wall = time.perf_counter() - began
    return {
        "wall": wall,
        "steps": step_seconds(),
        "peak": memory.peak,
        "articles": outcome.summary["n_articles"],
    }


def measure_bare(inputs: list[str]) -> dict:
    """spaCy alone on the texts the pipeline's entity step reads (the cleaned bodies)."""
    import pyarrow as pa

    from newspipe import ingest
    from newspipe.clean import clean_documents
    from newspipe.config import EnrichConfig, Settings
    from newspipe.enrich.canonical.entities import _load_ner

    settings = Settings()
    files = ingest.discover_inputs(inputs, settings.ingest).files
    documents = pa.concat_tables(list(ingest.read_documents(files, settings.ingest)))
    ok = documents.filter(pa.compute.equal(documents["status"], "ok"))
    bodies = clean_documents(ok, settings.clean).articles["body"].to_pylist()
    config = EnrichConfig()
    nlp = _load_ner(config.spacy_model)
    with PeakMemory() as memory:
        began = time.perf_counter()
        for _ in nlp.pipe(bodies, batch_size=config.ner_batch_size, n_process=config.ner_processes):
            pass
        wall = time.perf_counter() - began
    return {
        "wall": wall,
        "peak": memory.peak,
        "bodies": len(bodies),
        "processes": config.ner_processes,
    }


def measure_cli(inputs: list[str]) -> dict:
    """`newspipe run` as a user runs it; Prefect's home is kept between measurements, as a
    warehouse keeps its own (a fresh one adds about 10 s to the start)."""
    home = REPO / "benchmarks" / "out" / "prefect-home"
    home.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"PREFECT_HOME": str(home)}
    with tempfile.TemporaryDirectory() as folder, PeakMemory() as memory:
        began = time.perf_counter()
        result = subprocess.run(
            [NEWSPIPE, "run", *inputs, "-w", folder, "--no-summaries", "--no-progress"],
            capture_output=True,
            text=True,
            env=env,
        )
        wall = time.perf_counter() - began
    if result.returncode != 0:
        raise SystemExit(f"newspipe run failed: {result.stderr[-500:]}")
    return {"wall": wall, "peak": memory.peak}


def _child(kind: str, inputs: list[str]) -> dict:
    """One measurement in a fresh process, so memory and caches start empty."""
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind, *inputs], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _report(corpus: str, size: int, measured: dict) -> None:
    pipe, bare = measured["pipeline"], measured.get("bare")
    n = pipe["articles"]
    print(f"\n{corpus}, {n} articles")
    print(f"  {'step':18}{'seconds':>9}{'articles/s':>12}")
    for step, seconds in pipe["steps"].items():
        print(f"  {step:18}{seconds:9.1f}{n / seconds if seconds else float('inf'):12,.0f}")
    print(
        f"  {'pipeline, wall':18}{pipe['wall']:9.1f}{n / pipe['wall']:12,.0f}"
        f"   peak {pipe['peak'] / 2**30:.2f} GB"
    )
    if bare:
        print(
            f"  {'bare spaCy NER':18}{bare['wall']:9.1f}{bare['bodies'] / bare['wall']:12,.0f}"
            f"   n_process={bare['processes']}; pipeline / bare {pipe['wall'] / bare['wall']:.2f}"
        )
    if "cli" in measured:
        cli = measured["cli"]
        ratio = f"; newspipe run / bare {cli['wall'] / bare['wall']:.2f}" if bare else ""
        print(
            f"  {'newspipe run':18}{cli['wall']:9.1f}{n / cli['wall']:12,.0f}"
            f"   peak {cli['peak'] / 2**30:.2f} GB{ratio}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", nargs="+", choices=["bbc", "reuters"], default=["bbc", "reuters"]
    )
    parser.add_argument("--sizes", nargs="+", type=int, default=[2000, 5000, 19043])
    parser.add_argument("--no-cli", action="store_true")
    parser.add_argument("--no-bare", action="store_true")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *inputs = args.child
        measure = {"pipeline": measure_pipeline, "bare": measure_bare, "cli": measure_cli}[kind]
        print(json.dumps(measure(inputs)))
        return
    os.environ.setdefault("DO_NOT_TRACK", "1")
    for corpus in args.corpus:
        walls: dict[int, float] = {}
        for size in sorted(set(args.sizes)):
            with tempfile.TemporaryDirectory() as folder:
                inputs, n = write_input(corpus, size, Path(folder))
                if n in walls:
                    continue
                measured = {"pipeline": _child("pipeline", inputs)}
                if not args.no_bare:
                    measured["bare"] = _child("bare", inputs)
                if not args.no_cli:
                    measured["cli"] = _child("cli", inputs)
            _report(corpus, n, measured)
            walls[n] = measured["pipeline"]["wall"]
        if len(walls) > 1:
            (n1, t1), (n2, t2) = min(walls.items()), max(walls.items())
            print(
                f"\n{corpus}: growth exponent of wall time, {n1} -> {n2} articles: "
                f"{math.log(t2 / t1) / math.log(n2 / n1):.2f}"
            )


if __name__ == "__main__":
    main()
