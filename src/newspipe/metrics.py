"""Metrics for evaluating duplicate groups, events and enrichment against hand labels.

B-cubed precision/recall/F1 (Bagga and Baldwin 1998, as Miranda et al. 2018 report for
news event clustering), pairwise precision/recall/F1 (for duplicate groups), and the
adjusted Rand index, each over two mappings from item to cluster over the same items; and
the recall of enrichment (entities, quotes, event dates) per language.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from math import comb


def _check(predicted: dict, gold: dict) -> None:
    if set(predicted) != set(gold):
        missing = sorted(set(gold) ^ set(predicted))[:5]
        raise ValueError(f"predicted and gold cover different items, e.g. {missing}")


def bcubed(predicted: dict, gold: dict) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1)."""
    _check(predicted, gold)
    pred_members: dict = {}
    gold_members: dict = {}
    for item in gold:
        pred_members.setdefault(predicted[item], set()).add(item)
        gold_members.setdefault(gold[item], set()).add(item)
    precision = recall = 0.0
    for item in gold:
        same_pred = pred_members[predicted[item]]
        same_gold = gold_members[gold[item]]
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    n = len(gold)
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def pairwise(predicted: dict, gold: dict) -> tuple[float, float, float]:
    """Pairwise (precision, recall, F1) over the item pairs put in one cluster."""
    _check(predicted, gold)
    joint = Counter((predicted[i], gold[i]) for i in gold)
    together_both = sum(comb(n, 2) for n in joint.values())
    together_pred = sum(comb(n, 2) for n in Counter(predicted.values()).values())
    together_gold = sum(comb(n, 2) for n in Counter(gold.values()).values())
    precision = together_both / together_pred if together_pred else 1.0
    recall = together_both / together_gold if together_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand_index(predicted: dict, gold: dict) -> float:
    """Hubert and Arabie's adjusted Rand index (1.0 identical, about 0 for chance)."""
    _check(predicted, gold)
    joint = Counter((predicted[i], gold[i]) for i in gold)
    index = sum(comb(n, 2) for n in joint.values())
    sum_pred = sum(comb(n, 2) for n in Counter(predicted.values()).values())
    sum_gold = sum(comb(n, 2) for n in Counter(gold.values()).values())
    total = comb(len(gold), 2)
    expected = sum_pred * sum_gold / total if total else 0.0
    maximum = (sum_pred + sum_gold) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def enrichment_recall(labels: dict, result: dict, show_misses: bool = False) -> dict[str, Counter]:
    """Recall of enrichment against hand labels (the seeds' gold.json format), per article
    language: Counters of `<TYPE> hit`/`<TYPE> total` for entities found under their
    canonical name, `quote hit`/`quote total` for quotes found with the right speaker,
    `event_date hit`/`event_date total`, and `articles`. `result` holds `articles`
    (article_id -> row with language and event_date), `entities` (a set of (article_id,
    type, name)) and `quotes` (rows of the quotes table)."""
    canonical = {a: name for name, aliases in labels["entity_aliases"].items() for a in aliases}
    # The pipeline may choose another of an entity's names as canonical (`España` for the
    # labels' `Spain` when most mentions are Spanish): any of its labelled names is the entity.
    found = {(a, type_, canonical.get(name, name)) for a, type_, name in result["entities"]}
    figures: dict[str, Counter] = defaultdict(Counter)
    for article_id, gold in labels["articles"].items():
        article = result["articles"][article_id]
        language = article["language"]
        tally = figures[language]
        for type_, names in gold.get("entities", {}).items():
            for name in names:
                tally[f"{type_} total"] += 1
                if (article_id, type_, canonical.get(name, name)) in found:
                    tally[f"{type_} hit"] += 1
                elif show_misses:
                    print(f"  missed {type_:6} {name!r} in {article_id}")
        for expected in gold.get("quotes", []):
            tally["quote total"] += 1
            speakers = [
                q["speaker"]
                for q in result["quotes"]
                if q["article_id"] == article_id and q["text"].startswith(expected["starts"])
            ]
            speaker = expected["speaker"] and canonical.get(expected["speaker"])
            speaker = speaker or expected["speaker"]
            if speakers == [speaker]:
                tally["quote hit"] += 1
            elif show_misses:
                print(
                    f"  quote {expected['starts'][:40]!r} in {article_id}: {speakers} != {speaker}"
                )
        event_date = gold["fields"].get("event_date")
        if event_date:
            tally["event_date total"] += 1
            if str(article["event_date"]) == event_date:
                tally["event_date hit"] += 1
            elif show_misses:
                print(f"  event_date {article['event_date']} != {event_date} in {article_id}")
        tally["articles"] += 1
    return figures
