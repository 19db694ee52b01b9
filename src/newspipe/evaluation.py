"""Labelled corpora run through the pipeline users run, for the accuracy tests and evals.

`run_corpus` runs `newspipe.pipeline.run_pipeline` (all stages, dedup included, in this
process, without Prefect) over folders of text files into a temporary warehouse, one run
per list of files, and returns what was published. Labels name articles by file stem, so
results are keyed by stem. Entities and quotes are read from canonical copies only, so each
article is credited with those of its duplicate group's canonical copy.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa

from newspipe.config import EnrichConfig, Settings
from newspipe.pipeline import LocalRunner, run_pipeline
from newspipe.schema import TABLES
from newspipe.warehouse import Warehouse


def run_corpus(runs: Sequence[Sequence[Path]], settings: Settings) -> dict[str, pa.Table]:
    """Run the pipeline over each list of files in turn, into one temporary warehouse;
    every table it holds afterwards, with a `stem` column (the file's) on `articles`."""
    with tempfile.TemporaryDirectory(prefix="newspipe-eval-") as folder:
        store = Warehouse(folder)
        for files in runs:
            with store.lock():
                run_pipeline([str(f) for f in files], store, settings, LocalRunner())
        tables = {name: store.query(f"select * from {{{name}}}") for name in TABLES}
    articles = tables["articles"]
    stems = [Path(uri).stem for uri in articles["source_uri"].to_pylist()]
    tables["articles"] = articles.append_column("stem", pa.array(stems, pa.string()))
    return tables


def stems_by_canonical(articles: pa.Table) -> dict[str, list[str]]:
    """article_id of each duplicate group's canonical copy -> the stems of its members."""
    canonical = {
        r["dup_group_id"]: r["article_id"]
        for r in articles.select(["dup_group_id", "article_id", "is_canonical"]).to_pylist()
        if r["is_canonical"]
    }
    members: dict[str, list[str]] = {}
    for r in articles.select(["dup_group_id", "stem"]).to_pylist():
        members.setdefault(canonical[r["dup_group_id"]], []).append(r["stem"])
    return members


def enrich_labelled(folder: Path, label_file: str, config: EnrichConfig) -> dict:
    """The labels of `folder` and what the pipeline made of its *.txt articles, keyed by
    file stem: `articles` (stem -> row), `entities` ((stem, type, name) set), `quotes`
    (rows with `article_id` the stem), `entity_mentions` (the published table)."""
    tables = run_corpus([sorted(folder.glob("*.txt"))], Settings(enrich=config))
    members = stems_by_canonical(tables["articles"])
    entities = {
        (stem, r["type"], r["name"])
        for r in tables["entities"].to_pylist()
        for stem in members.get(r["article_id"], [])
    }
    quotes = [
        r | {"article_id": stem}
        for r in tables["quotes"].to_pylist()
        for stem in members.get(r["article_id"], [])
    ]
    return {
        "labels": json.loads((folder / label_file).read_text(encoding="utf-8")),
        "articles": {r["stem"]: r for r in tables["articles"].to_pylist()},
        "entities": entities,
        "quotes": quotes,
        "entity_mentions": tables["entity_mentions"],
    }
