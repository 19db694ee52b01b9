"""Score the cleaning stage against hand labels in gold.json format.

Usage: .venv/bin/python benchmarks/eval_clean.py [LABELLED_DIR ...]
(default: ../shared/seeds and examples/corpus). For each folder of `*.txt` files with a
`gold.json` or `labels.json` beside them, prints body-line recall and precision as the
issue defines them (a body line must be in the body exactly once; a not-body line must not
be a paragraph of its own, unless it repeats a body line, which stays once), field
accuracy for title, site_name, published, author and original_source, and the misses.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pyarrow as pa

from newspipe.clean import clean_documents
from newspipe.clean.scoring import labelled_scores, read_labelled
from newspipe.config import CleanConfig

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = [REPO.parent / "shared" / "seeds", REPO / "examples" / "corpus"]


def _publishers(folder: Path) -> tuple[Path, ...]:
    """The publisher directory a user would pass with the folder (`--publishers`): a
    `publishers.csv` in it or beside it, as examples/publishers.csv is for the sample."""
    beside = (folder / "publishers.csv", folder.parent / "publishers.csv")
    found = [path for path in beside if path.is_file()]
    return tuple(found[:1])


def evaluate(folder: Path) -> dict:
    texts, gold = read_labelled(folder)
    documents = pa.table(
        {
            "doc_id": list(texts),
            "source_uri": [str(folder / f"{stem}.txt") for stem in texts],
            "text": list(texts.values()),
        }
    )
    result = clean_documents(documents, CleanConfig(publisher_directories=_publishers(folder)))
    return {"folder": str(folder)} | labelled_scores(texts, gold, result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "folders",
        nargs="*",
        type=Path,
        metavar="LABELLED_DIR",
        help="folders of *.txt files with a gold.json or labels.json beside them "
        "(default: ../shared/seeds and examples/corpus)",
    )
    args = parser.parse_args()
    for folder in args.folders or [d for d in DEFAULT_DIRS if d.is_dir()]:
        if not any((folder / name).is_file() for name in ("gold.json", "labels.json")):
            parser.error(f"{folder}: no gold.json or labels.json")
        scores = evaluate(folder)
        print(f"\n{scores['folder']} ({scores['articles']} articles)")
        for key, value in scores.items():
            if isinstance(value, float):
                print(f"  {key:28s} {value:.3f}")
        for miss in scores["misses"]:
            print(f"  - {miss}")


if __name__ == "__main__":
    main()
