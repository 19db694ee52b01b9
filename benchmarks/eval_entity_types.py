"""Entity types against the named mentions hand-labelled in ECB+ (real news, 982 articles).

Usage: .venv/bin/python benchmarks/eval_entity_types.py [--part train|test|all] [--show N]

ECB+ (../shared/corpora/ecbplus) labels the participants of the events its articles report:
people (HUMAN_PART_PER), organisations (HUMAN_PART_ORG) and places (HUMAN_PART_GPE,
LOC_GEO), named or not. Its tokens are joined back into text, the articles go through
`extract_entities` and `canonicalize_entities` as in the flow, and every named gold mention
(capitalised words, not a lone sentence-initial word) counts as found when a mention of the
right type overlaps it. Printed per type: recall, and how often the mention found there has
another type (an organisation called a person, a person called an organisation). The part
the organisation rules were tuned on is `train` (topics 1-35, the split of Cybulska and
Vossen 2015 with its dev topics); `test` (topics 36-45) was not looked at while tuning.
"""

from __future__ import annotations

import argparse
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

import pyarrow as pa

from newspipe.config import EnrichConfig
from newspipe.enrich.canonical import canonicalize_entities, extract_entities

ECB = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus" / "ECB+.zip"
GOLD_TYPES = {
    "HUMAN_PART_PER": "PERSON",
    "HUMAN_PART_ORG": "ORG",
    "HUMAN_PART_GPE": "GPE",
    "LOC_GEO": "GPE",
}
TEST_TOPICS = range(36, 46)
_CLOSERS = {",", ".", ";", ":", "!", "?", "%", ")", "]", "'s", "n't", "'", "''"}
_OPENERS = {"(", "[", "$", "``"}
_PARTICLES = {"of", "the", "and", "de", "for", "&", "'s"}


def _text(tokens: list[tuple[str, int]]) -> tuple[str, list[int]]:
    """Tokens (text, sentence) joined into text with sentences as paragraphs, and each
    token's offset in it."""
    out, offsets = [], []
    length, previous, sentence = 0, None, None
    for i, (token, number) in enumerate(tokens):
        token = {"``": '"', "''": '"'}.get(token, token)
        if sentence is not None and number != sentence:
            gap = "\n\n"
        elif previous is None or tokens[i][0] in _CLOSERS or previous in _OPENERS:
            gap = ""
        elif previous == "." and (re.fullmatch(r"[A-Z]", tokens[i - 2][0]) or token.islower()):
            gap = ""  # U.S., MyFoxHouston.com
        else:
            gap = " "
        out.append(gap + token)
        length += len(gap)
        offsets.append(length)
        length += len(token)
        previous, sentence = tokens[i][0], number
    return "".join(out), offsets


def _named(words: list[str], first_in_sentence: bool) -> bool:
    content = [w for w in words if w.lower() not in _PARTICLES and w not in (".", "-")]
    if not content or not all(w[0].isupper() or w[0].isdigit() for w in content):
        return False
    return not (len(words) == 1 and first_in_sentence)


def read_corpus(part: str) -> tuple[pa.Table, list[dict]]:
    """(articles: article_id, body, language; gold named mentions: article_id, type,
    start_char, end_char, text)."""
    articles, gold = [], []
    with zipfile.ZipFile(ECB) as archive:
        for name in sorted(n for n in archive.namelist() if n.endswith(".xml")):
            topic = int(Path(name).name.split("_")[0])
            if (part == "test") != (topic in TEST_TOPICS) and part != "all":
                continue
            root = ET.parse(io.BytesIO(archive.read(name))).getroot()
            tokens = [
                (t.get("t_id"), t.text or "", int(t.get("sentence")), int(t.get("number")))
                for t in root.iter("token")
                if not (name.endswith("ecbplus.xml") and t.get("sentence") == "0")
            ]
            body, offsets = _text([(t[1], t[2]) for t in tokens])
            index = {t[0]: i for i, t in enumerate(tokens)}
            article_id = Path(name).stem
            articles.append({"article_id": article_id, "body": body, "language": "en"})
            for markable in root.find("Markables"):
                anchors = [index.get(a.get("t_id")) for a in markable.findall("token_anchor")]
                anchors = [a for a in anchors if a is not None]
                if markable.tag not in GOLD_TYPES or not anchors:
                    continue
                words = [tokens[a][1] for a in anchors]
                if _named(words, tokens[anchors[0]][3] == 0):
                    start = offsets[anchors[0]]
                    end = offsets[anchors[-1]] + len(tokens[anchors[-1]][1])
                    gold.append(
                        {
                            "article_id": article_id,
                            "type": GOLD_TYPES[markable.tag],
                            "start_char": start,
                            "end_char": end,
                            "text": body[start:end],
                        }
                    )
    return pa.Table.from_pylist(articles), gold


def score(gold: list[dict], mentions: list[dict], show: int) -> None:
    by_article: dict[str, list[dict]] = {}
    for m in mentions:
        by_article.setdefault(m["article_id"], []).append(m)
    tally: Counter = Counter()
    shown: Counter = Counter()
    for g in gold:
        found = {
            m["type"]
            for m in by_article.get(g["article_id"], [])
            if m["start_char"] < g["end_char"] and m["end_char"] > g["start_char"]
        }
        tally[(g["type"], "total")] += 1
        if g["type"] in found:
            tally[(g["type"], "hit")] += 1
        else:
            for other in found or {"-"}:
                tally[(g["type"], other)] += 1
            if shown[g["type"]] < show:
                shown[g["type"]] += 1
                print(f"  {g['type']:6} {g['text']!r} found as {sorted(found) or 'nothing'}")
    types = ["PERSON", "ORG", "GPE"]
    print(f"{'gold':8}{'mentions':>9}{'recall':>8}  found instead as")
    for t in types:
        total = tally[(t, "total")]
        instead = ", ".join(
            f"{o} {tally[(t, o)]}" for o in [*types, "LOC", "-"] if o != t and tally[(t, o)]
        )
        print(f"{t:8}{total:>9}{tally[(t, 'hit')] / total:>8.3f}  {instead}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["train", "test", "all"], default="train")
    parser.add_argument("--show", type=int, default=0, help="misses to print per type")
    args = parser.parse_args()
    articles, gold = read_corpus(args.part)
    config = EnrichConfig()
    result = canonicalize_entities(extract_entities(articles, config), None, config)
    print(f"ECB+ {args.part}: {articles.num_rows} articles, {len(gold)} named gold mentions")
    score(gold, result.mentions.to_pylist(), args.show)


if __name__ == "__main__":
    main()
