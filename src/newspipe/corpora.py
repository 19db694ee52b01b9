"""The public corpora of ../shared/corpora, read in place and written out in the forms users
have them, for the corpus tests, the evaluations and the benchmarks.

Nothing of them is copied into the repository: each writer takes the shared folder and a
destination (a temporary folder) and returns what it wrote. See each corpus's SOURCE.md.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

_REUTERS = re.compile(r"<REUTERS[^>]*\bNEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_TAG = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "BODY")}


def bbc_files(shared: Path) -> list[Path]:
    """The 2,225 BBC News articles (bbc-news/bbc/<topic>/NNN.txt), in path order."""
    return sorted((shared / "corpora" / "bbc-news" / "bbc").glob("*/*.txt"))


def reuters_records(shared: Path) -> Iterator[dict]:
    """The Reuters-21578 articles that have a body (19,043), as a user's export would hold
    them: `text` (the body, entities unescaped), `title`, `date` (ISO 8601) and `id`."""
    for path in sorted((shared / "corpora" / "reuters21578").glob("reut2-*.sgm.gz")):
        # ASCII but for one byte (SOURCE.md): latin-1 decodes every byte.
        sgml = gzip.decompress(path.read_bytes()).decode("latin-1")
        for match in _REUTERS.finditer(sgml):
            element = match.group(2)
            body = _TAG["BODY"].search(element)
            if body is None:
                continue
            title = _TAG["TITLE"].search(element)
            date = _TAG["DATE"].search(element)
            yield {
                "id": int(match.group(1)),
                "title": html.unescape(title.group(1)).strip() if title else None,
                "date": _reuters_date(date.group(1)) if date else None,
                "text": html.unescape(body.group(1)),
            }


def _reuters_date(value: str) -> str | None:
    """`26-FEB-1987 15:01:01.79` as ISO 8601."""
    try:
        return datetime.strptime(value.strip().split(".")[0], "%d-%b-%Y %H:%M:%S").isoformat()
    except ValueError:
        return None


def write_reuters_jsonl(shared: Path, path: Path, limit: int | None = None) -> int:
    """Write the Reuters bodies (the first `limit` of them) as one JSONL file; how many."""
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for record in reuters_records(shared):
            if limit is not None and n >= limit:
                break
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_benchmark_texts(shared: Path, folder: Path) -> list[Path]:
    """The article-extraction benchmark's 181 pages as a naive HTML-to-text gives them
    (output/html-text.json): one .txt file per page, named by its id."""
    source = shared / "corpora" / "article-extraction-benchmark" / "output" / "html-text.json"
    pages = json.loads(source.read_text(encoding="utf-8"))["output"]
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for page_id, page in sorted(pages.items()):
        path = folder / f"{page_id}.txt"
        path.write_text(page["articleBody"], encoding="utf-8")
        files.append(path)
    return files


def benchmark_pages(shared: Path) -> list[Path]:
    """The article-extraction benchmark's 181 HTML pages (html/<id>.html.gz)."""
    return sorted((shared / "corpora" / "article-extraction-benchmark" / "html").glob("*.html.gz"))


def write_ecb(shared: Path, folder: Path) -> tuple[list[Path], dict[str, str]]:
    """ECB+'s 982 articles as text files in `folder` (one line per sentence; an ECB+ article's
    sentence 0, its URL, left out) and their gold events: topic and ecb/ecbplus half."""
    files, gold = [], {}
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(shared / "corpora" / "ecbplus" / "ECB+.zip") as archive:
        for name in sorted(archive.namelist()):
            match = re.search(r"/(\d+)_(\d+)(ecbplus|ecb)\.xml$", name)
            if not match:
                continue
            root = ElementTree.fromstring(archive.read(name))
            sentences: dict[int, list[str]] = {}
            for token in root.iter("token"):
                sentences.setdefault(int(token.get("sentence")), []).append(token.text or "")
            kind = match.group(3)
            lines = [
                " ".join(words)
                for number, words in sorted(sentences.items())
                if not (kind == "ecbplus" and number == 0)
            ]
            path = folder / f"{Path(name).stem}.txt"
            path.write_text("\n".join(lines), encoding="utf-8")
            files.append(path)
            gold[path.stem] = f"{match.group(1)}-{kind}"
    return files, gold
