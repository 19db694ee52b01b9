"""One corpus in three formats (text files, one JSONL file, HTML pages with site chrome)
gives the same articles and the same duplicate groups after ingest, cleaning and dedup."""

from __future__ import annotations

import html
import json

import pyarrow as pa
import pytest

from newspipe import dedup
from newspipe.clean import clean_documents
from newspipe.config import CleanConfig, DedupConfig
from newspipe.ingest import IngestConfig, read_documents
from tests.conftest import SAMPLE_CORPUS

# Two copies of one story (013 and 020) among four other stories.
STEMS = [
    "000_ehn-hamburg-ammonia-mou-asia-energy-monitor",
    "001_catalogne-train-fret-deraille-sud-horizon",
    "003_orvane-kettering-plant-closing-civic-herald",
    "009_dutch-hospital-group-ransomware-newsbeat",
    "013_harnford-roman-mosaic-uk-news-hub",
    "020_roman-mosaic-station-road-harnford-gazette",
]


def _as_html(text: str) -> str:
    """The article as a site would serve it: each line a paragraph, the page's own chrome
    around it (navigation, newsletter box, footer)."""
    lines = [line for line in text.split("\n") if line.strip()]
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>News</title></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<main><article>{paragraphs}</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Ten things to do this weekend</a></li>
<li><a href="/b">Weather: a mild week ahead</a></li></ul></aside></main>
<footer><p>Contact us</p><p>Privacy policy</p></footer></body></html>"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, list[str]]:
    """The same articles as text files, as one JSONL file and as HTML pages; per format,
    the inputs in STEMS order."""
    root = tmp_path_factory.mktemp("three-formats")
    texts = {s: (SAMPLE_CORPUS / f"{s}.txt").read_text(encoding="utf-8") for s in STEMS}
    inputs: dict[str, list[str]] = {"txt": [], "jsonl": [], "html": []}
    for stem, text in texts.items():
        (root / f"{stem}.txt").write_text(text, encoding="utf-8")
        inputs["txt"].append(str(root / f"{stem}.txt"))
        (root / f"{stem}.html").write_text(_as_html(text), encoding="utf-8")
        inputs["html"].append(str(root / f"{stem}.html"))
    records = "\n".join(json.dumps({"id": s, "text": t}) for s, t in texts.items())
    (root / "corpus.jsonl").write_text(records + "\n", encoding="utf-8")
    inputs["jsonl"] = [str(root / "corpus.jsonl")]
    return inputs


def _pipeline(paths: list[str]) -> tuple[list[str], list[set[int]]]:
    """Bodies in input order, and duplicate groups as sets of positions in that order."""
    raw = pa.concat_tables(read_documents(paths, IngestConfig()))
    assert raw["status"].to_pylist() == ["ok"] * len(STEMS)
    cleaned = clean_documents(raw, CleanConfig())
    articles = cleaned.articles
    config = DedupConfig()
    _, result = dedup.deduplicate(articles, dedup.DedupHistory.empty(config), config)
    body = dict(zip(articles["doc_id"].to_pylist(), articles["body"].to_pylist(), strict=True))
    order = raw["doc_id"].to_pylist()
    members: dict[str, set[int]] = {}
    for row in result.duplicates.to_pylist():
        members.setdefault(row["dup_group_id"], set()).add(order.index(row["article_id"]))
    return [body[d] for d in order], sorted(members.values(), key=min)


def test_three_formats_give_the_same_articles_and_duplicate_groups(corpus):
    bodies = {fmt: _pipeline(paths)[0] for fmt, paths in corpus.items()}
    groups = {fmt: _pipeline(paths)[1] for fmt, paths in corpus.items()}
    assert bodies["jsonl"] == bodies["txt"]
    for html_body, txt_body in zip(bodies["html"], bodies["txt"], strict=True):
        assert html_body.split("\n\n") == txt_body.split("\n\n")
    assert groups["txt"] == groups["jsonl"] == groups["html"] == [{4, 5}]
