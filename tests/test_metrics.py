import pytest

from newspipe.metrics import adjusted_rand_index, bcubed, enrichment_recall, pairwise

GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}


def test_a_perfect_clustering_scores_one():
    assert bcubed(GOLD, GOLD) == (1.0, 1.0, 1.0)
    assert pairwise(GOLD, GOLD) == (1.0, 1.0, 1.0)
    assert adjusted_rand_index(GOLD, GOLD) == 1.0


def test_bcubed_on_a_worked_example():
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    precision, recall, f1 = bcubed(predicted, GOLD)
    # a,b: P 1, R 2/3; c: P 1/3, R 1/3; d,e: P 2/3, R 1
    assert precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert f1 == pytest.approx(2 * precision * recall / (precision + recall))


def test_pairwise_and_ari_penalise_merging_everything():
    everything = dict.fromkeys(GOLD, 0)
    precision, recall, _ = pairwise(everything, GOLD)
    assert recall == 1.0 and precision == pytest.approx(4 / 10)
    assert adjusted_rand_index(everything, GOLD) == pytest.approx(0.0)


def test_items_must_match():
    with pytest.raises(ValueError, match="different items"):
        bcubed({"a": 1}, GOLD)


def test_an_entity_found_under_another_of_its_labelled_names_counts():
    labels = {
        "entity_aliases": {"Spain": ["Spain", "España"], "Grupo Ferrandis": ["Grupo Ferrandis"]},
        "articles": {
            "recall": {
                "entities": {"GPE": ["Spain"], "ORG": ["Grupo Ferrandis"]},
                "fields": {"event_date": None},
            }
        },
    }
    result = {
        "articles": {"recall": {"language": "en", "event_date": None}},
        "entities": {("recall", "GPE", "España"), ("recall", "ORG", "Ferrandis")},
        "quotes": [],
    }
    (tally,) = enrichment_recall(labels, result).values()
    assert (tally["GPE hit"], tally["GPE total"]) == (1, 1)
    # A name the labels do not list for the entity is not it.
    assert (tally["ORG hit"], tally["ORG total"]) == (0, 1)
