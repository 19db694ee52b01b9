"""Kill a real `newspipe run` while it publishes: the previous warehouse stays whole."""

import os
import signal
import subprocess
import time

import duckdb

from tests.conftest import SAMPLE_CORPUS
from tests.contract import CONTRACT_COLUMNS
from tests.test_cli import NEWSPIPE, newspipe


def _counts(warehouse_dir):
    with duckdb.connect(str(warehouse_dir / "newspipe.duckdb"), read_only=True) as con:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in CONTRACT_COLUMNS}


def _many_articles(folder, n):
    """n distinct articles: the sample corpus with a numbered closing line each."""
    folder.mkdir()
    samples = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE_CORPUS.glob("*.txt"))]
    for i in range(n):
        text = samples[i % len(samples)]
        (folder / f"copy-{i:05d}.txt").write_text(
            f"{text}\n\nCorrection {i}: an earlier version misstated a figure.\n", encoding="utf-8"
        )


def test_a_run_killed_while_publishing_leaves_the_old_warehouse(prefect_api, tmp_path):
    warehouse_dir = tmp_path / "wh"
    first = newspipe(
        "run", SAMPLE_CORPUS, "-w", warehouse_dir, "--no-summaries", api_url=prefect_api
    )
    assert first.returncode == 0, first.stderr
    before = _counts(warehouse_dir)
    _many_articles(tmp_path / "more", 3000)

    env = dict(os.environ, PREFECT_API_URL=prefect_api)
    run = subprocess.Popen(
        [NEWSPIPE, "run", str(tmp_path / "more"), "-w", str(warehouse_dir), "--no-summaries"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    staging = warehouse_dir / "_staging"
    deadline = time.monotonic() + 240
    while not staging.exists() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert staging.exists(), "the run ended before it started publishing"
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()

    assert _counts(warehouse_dir) == before
    again = newspipe(
        "run", tmp_path / "more", "-w", warehouse_dir, "--no-summaries", api_url=prefect_api
    )
    assert again.returncode == 0, again.stderr
    after = _counts(warehouse_dir)
    assert after["documents"] == before["documents"] + 3000
    assert not staging.exists()
