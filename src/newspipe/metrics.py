"""Clustering metrics for evaluating duplicate groups and events against hand labels.

B-cubed precision/recall/F1 (Bagga and Baldwin 1998, as Miranda et al. 2018 report for
news event clustering), pairwise precision/recall/F1 (for duplicate groups), and the
adjusted Rand index. Each takes two mappings from item to cluster over the same items.
"""

from __future__ import annotations

from collections import Counter
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
