"""What Prefect costs and what Dask buys: figures for the orchestration layer.

Usage:
  .venv/bin/python benchmarks/bench_orchestration.py overhead
  .venv/bin/python benchmarks/bench_orchestration.py dask [--n 50000] [--batch-size 2000]

`overhead` times `newspipe run` on an empty folder (so all of the time is Prefect, the CLI
and imports) three ways: with the local ephemeral API, against a running `prefect server`,
and the bare Python start-up of the CLI (`newspipe --help`) for reference.
`dask` generates N distinct articles from the sample corpus (each a sample article with a
numbered paragraph, so nothing is an exact copy) and runs the flow over them with the
default thread runner and with a local Dask cluster of two worker processes, each into a
fresh warehouse, and prints the wall times and the speed-up.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SAMPLE = REPO / "examples" / "corpus"


def _timed(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return elapsed


def _base_env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return env | {
        "PREFECT_HOME": str(home),
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }


def overhead(repeats: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "empty").mkdir()
        env = _base_env(tmp / "prefect-home")
        cli_start = min(_timed([str(BIN / "newspipe"), "--help"], env) for _ in range(3))
        run = [
            str(BIN / "newspipe"),
            "run",
            str(tmp / "empty"),
            "-w",
            str(tmp / "wh"),
            "--no-summaries",
            "--no-progress",
        ]
        first_ephemeral = _timed(run, env)
        ephemeral = [_timed(run, env) for _ in range(repeats)]

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = subprocess.Popen(
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/api/health").status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.5)
            server_env = env | {"PREFECT_API_URL": f"http://127.0.0.1:{port}/api"}
            against_server = [_timed(run, server_env) for _ in range(repeats)]
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait()

    print("newspipe run on an empty folder (wall seconds, whole process)")
    print(f"  CLI start-up alone (newspipe --help)        {cli_start:6.2f}")
    print(f"  ephemeral API, fresh PREFECT_HOME           {first_ephemeral:6.2f}")
    print(
        f"  ephemeral API, existing PREFECT_HOME        {min(ephemeral):6.2f} "
        f"(median {sorted(ephemeral)[len(ephemeral) // 2]:.2f})"
    )
    print(
        f"  against a running prefect server            {min(against_server):6.2f} "
        f"(median {sorted(against_server)[len(against_server) // 2]:.2f})"
    )
    print(f"  Prefect's share against a server            {min(against_server) - cli_start:6.2f}")


def _make_corpus(folder: Path, n: int) -> None:
    samples = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    folder.mkdir(parents=True)
    for i in range(n):
        shard = folder / f"{i // 1000:04d}"
        shard.mkdir(exist_ok=True)
        (shard / f"article-{i:07d}.txt").write_text(
            f"{samples[i % len(samples)]}\n\nUpdate {i}: this version adds figure {i * 7}.\n",
            encoding="utf-8",
        )


def dask_speedup(n: int, batch_size: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        started = time.perf_counter()
        _make_corpus(corpus, n)
        print(f"generated {n} articles in {time.perf_counter() - started:.1f} s")
        env = _base_env(tmp / "prefect-home") | {"DASK_TEMPORARY_DIRECTORY": str(tmp / "dask")}
        common = ["--no-summaries", "--no-progress", "--batch-size", str(batch_size)]
        _timed([str(BIN / "newspipe"), "run", str(SAMPLE), "-w", str(tmp / "warm"), *common], env)
        times = {}
        for runner in ("threads", "dask"):
            warehouse = tmp / f"wh-{runner}"
            times[runner] = _timed(
                [
                    str(BIN / "newspipe"),
                    "run",
                    str(corpus),
                    "-w",
                    str(warehouse),
                    "--runner",
                    runner,
                    *common,
                ],
                env,
            )
            shutil.rmtree(warehouse)
            print(f"  {runner:8s} {times[runner]:7.1f} s  ({n / times[runner]:,.0f} articles/s)")
        print(f"speed-up of Dask (2 workers) over threads: {times['threads'] / times['dask']:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    over = sub.add_parser("overhead")
    over.add_argument("--repeats", type=int, default=3)
    dask = sub.add_parser("dask")
    dask.add_argument("--n", type=int, default=50_000)
    dask.add_argument("--batch-size", type=int, default=2_000)
    args = parser.parse_args()
    if args.what == "overhead":
        overhead(args.repeats)
    else:
        dask_speedup(args.n, args.batch_size)


if __name__ == "__main__":
    main()
