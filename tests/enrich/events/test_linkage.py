"""Average linkage over weighted items and the similarity matrix it cuts."""

import numpy as np

from newspipe.config import EventConfig
from newspipe.enrich.events.linkage import Items, average_linkage, similarity_matrix


def test_two_tight_groups_stay_apart_and_a_loose_item_stays_alone():
    similarity = np.array(
        [
            [1.0, 0.9, 0.1, 0.1, 0.0],
            [0.9, 1.0, 0.1, 0.1, 0.0],
            [0.1, 0.1, 1.0, 0.8, 0.0],
            [0.1, 0.1, 0.8, 1.0, 0.1],
            [0.0, 0.0, 0.0, 0.1, 1.0],
        ]
    )
    labels = average_linkage(similarity, np.ones(5), threshold=0.5)
    assert labels.tolist() == [0, 0, 2, 2, 4]


def test_a_chain_is_cut_where_the_mean_falls_below_the_threshold():
    # 0-1 and 1-2 are close, 0-2 far: single linkage would chain all three; the mean of
    # 2 with {0, 1} is (0.1 + 0.6) / 2 = 0.35.
    similarity = np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.6], [0.1, 0.6, 1.0]])
    assert average_linkage(similarity, np.ones(3), 0.4).tolist() == [0, 0, 2]
    assert average_linkage(similarity, np.ones(3), 0.3).tolist() == [0, 0, 0]


def test_an_item_weighs_as_many_articles_as_it_holds():
    # 2 is far from 0 and near 1; the mean of 2 with {0, 1} counts 1 as often as it
    # holds articles: (0.1 + 0.6) / 2 = 0.35 as two articles, (0.1 + 4 * 0.6) / 5 = 0.5
    # when 1 is an earlier event of four.
    similarity = np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.6], [0.1, 0.6, 1.0]])
    assert average_linkage(similarity, np.ones(3), 0.4).tolist() == [0, 0, 2]
    assert average_linkage(similarity, np.array([1.0, 4.0, 1.0]), 0.4).tolist() == [0, 0, 0]


def _items(bodies, days, weights=None, entities=None):
    n = len(bodies)
    first = np.array([np.nan if d is None else float(d) for d in days])
    return Items(
        body=bodies,
        title=[{}] * n,
        entities=entities or [{}] * n,
        numbers=[set()] * n,
        weights=np.ones(n) if weights is None else np.array(weights, float),
        first_day=first,
        last_day=first,
    )


def test_similarity_is_the_mean_cosine_with_an_earlier_events_articles():
    # An earlier event of two articles holds the sum of their unit vectors.
    article = {"quake": 1.0}
    event = {"quake": 1.0, "flood": 1.0}
    config = EventConfig()
    similarity = similarity_matrix(
        _items([article, event], [None, None], [1, 2]), (1, 0, 0, 0), config
    )
    assert similarity[0, 1] == 0.5  # cosine 1 with one article, 0 with the other


def test_items_farther_apart_than_the_window_do_not_link():
    bodies = [{"quake": 1.0}] * 3
    config = EventConfig(window_days=10, time_scale_days=8.0)
    similarity = similarity_matrix(_items(bodies, [0, 1, 30]), (1, 0, 0, 0), config)
    assert similarity[0, 1] == 1.0  # a day apart costs nothing
    assert similarity[0, 2] == 0.0
    undated = similarity_matrix(_items(bodies, [0, None, 30]), (1, 0, 0, 0), config)
    assert undated[1, 2] == 1.0


def test_shared_numbers_count_per_article_of_an_earlier_event():
    # The earlier event's four articles: one gives the toll 1350, all four the magnitude
    # 6.6. An article giving 1350 and 48 shares 1/4 number per article of the event,
    # which gives 1.25 numbers per article: 0.2, near the mean of its overlaps with them
    # (1/8), where against all their numbers together it scored 1/2.
    items = Items(
        body=[{}, {}],
        title=[{}, {}],
        entities=[{}, {}],
        numbers=[{"1350", "48"}, {"1350": 1, "6.6": 4}],
        weights=np.array([1.0, 4.0]),
        first_day=np.array([np.nan, np.nan]),
        last_day=np.array([np.nan, np.nan]),
    )
    similarity = similarity_matrix(items, (0, 0, 0, 1), EventConfig())
    assert similarity[0, 1] == 0.2
