"""How the event clusterer finds and scores candidate events, on invented events."""

import math
from collections import Counter
from datetime import date

from newspipe.config import EventConfig
from newspipe.enrich.events.clustering import STATE_SCHEMA, _Clusterer, _days_apart, _Event
from newspipe.enrich.events.features import tfidf
from newspipe.enrich.events.vectors import add, cosine, dot, overlap

DAY = date(2026, 5, 4)


def _clusterer() -> _Clusterer:
    return _Clusterer(STATE_SCHEMA.empty_table(), {}, 10, EventConfig())


def _event(event_id, words, names=(), day=DAY):
    body = {w: 1 / len(words) ** 0.5 for w in words}
    return _Event(event_id, day, day, 1, body, dict(body), Counter(names), Counter())


def test_dot_walks_either_side_to_the_same_sum():
    short = {"harbour": 0.6, "ferry": 0.8}
    long = {"ferry": 0.5, "crossing": 0.5, "pier": 0.5, "harbour": 0.5}
    assert dot(short, long) == dot(long, short) == 0.6 * 0.5 + 0.8 * 0.5
    assert dot(short, {"pier": 1.0}) == 0


def test_dot_adds_the_shared_products_in_the_shorter_sides_order():
    # Float addition is not associative: the scores must be the sums as tuned, term by
    # term in the shorter vector's order, whatever terms the other side lacks.
    short = {f"w{i}": 1 / (i + 3) for i in range(40)}
    long = {f"w{i}": 1 / (i + 7) for i in range(0, 120, 3)} | {f"x{i}": 0.5 for i in range(9)}
    expected = 0
    for term, weight in short.items():
        if term in long:
            expected += weight * long[term]
    assert dot(short, long) == dot(long, short) == expected


def test_cosine_divides_by_the_longer_sides_norm():
    report = {"ferry": 0.6, "pier": 0.8}
    centroid = {"ferry": 2.0, "pier": 1.0, "tug": 2.0}
    assert math.isclose(cosine(report, centroid, 3.0), (1.2 + 0.8) / 3)
    # A report longer than the centroid is divided by its own norm, as tuned.
    assert cosine(report, {"ferry": 2.0}, 2.0) == 1.2


def test_a_capped_centroid_keeps_its_heaviest_terms_in_weight_then_term_order():
    centroid = {"tug": 0.5, "pier": 0.5, "ferry": 0.9}
    merged = add(centroid, {"harbour": 0.5, "storm": 0.2, "ferry": 0.1}, keep=3)
    assert list(merged.items()) == [("ferry", 1.0), ("harbour", 0.5), ("pier", 0.5)]


def test_number_overlap_counts_shared_numbers_over_the_smaller_side():
    assert overlap(Counter({"1350": 1, "6.6": 2}), Counter({"1350": 3, "40": 1, "12": 1})) == 0.5
    assert overlap(Counter(), Counter({"40": 1})) == 0.0


def test_candidates_rank_by_shared_keys_then_by_id():
    clusterer = _clusterer()
    for event in (
        _event("ev-b", ["ferry", "pier", "harbour"]),
        _event("ev-a", ["ferry", "pier", "harbour"]),
        _event("ev-c", ["ferry", "orchard"]),
        _event("ev-d", ["orchard"]),
    ):
        clusterer._index(event)
    body = {"ferry": 0.6, "pier": 0.5, "harbour": 0.4}
    assert clusterer._candidates(body, Counter(), lambda e: True) == ["ev-a", "ev-b", "ev-c"]
    # Out of reach or outside `among`: passed over, the next in rank takes the place.
    in_reach = lambda e: e.event_id != "ev-a"  # noqa: E731
    assert clusterer._candidates(body, Counter(), in_reach) == ["ev-b", "ev-c"]
    among = {"ev-c", "ev-d"}
    assert clusterer._candidates(body, Counter(), lambda e: True, among=among) == ["ev-c"]


def test_the_merge_scores_grown_centroids_by_their_new_norms():
    clusterer = _clusterer()
    ferry = _event("ev-a", ["ferry", "pier", "harbour"], ["Port Vell"])
    other = _event("ev-b", ["ferry", "pier", "storm"], ["Port Vell", "Ansel Brook"])
    for event in (ferry, other):
        clusterer._index(event)

    def expected() -> float:
        def cos(a, b):
            return dot(a, b) / math.sqrt(dot(a, a) * dot(b, b))

        config = clusterer.config
        entities = cos(
            {e: c * clusterer.entity_idf(e) for e, c in ferry.entities.items()},
            {e: c * clusterer.entity_idf(e) for e, c in other.entities.items()},
        )
        return (
            config.weight_body * cos(ferry.body, other.body)
            + config.weight_title * cos(ferry.title, other.title)
            + config.weight_entities * entities
        )

    best, score = clusterer._best(ferry, set(), floor=0.0)
    assert best == "ev-b" and math.isclose(score, expected())
    # The event grows (as when it absorbs another): its norms are not the cached ones.
    clusterer._absorb(ferry, _event("ev-c", ["harbour", "tug"], ["Port Vell"]))
    best, score = clusterer._best(ferry, set(), floor=0.0)
    assert best == "ev-b" and math.isclose(score, expected())


def test_an_adopted_event_is_the_one_its_reports_would_build_again():
    articles = [
        ("a1", "ferry pier harbour storm crossing", DAY),
        ("a2", "ferry pier harbour storm tug", DAY),
        ("a3", "ferry harbour storm tug crossing", DAY.replace(day=14)),
    ]
    streamed, placed, adopting = _clusterer(), _clusterer(), _clusterer()
    reports = [
        streamed.report(
            {
                "article_id": article_id,
                "source": "site",
                "cluster_date": day,
                "published_date": day,
                "entity_names": ["Port Vell"],
                "body": body,
            },
            body.split(),
            body.split()[:2],
        )
        for article_id, body, day in articles
    ]
    for report in reports:
        streamed.assign(report)
    (event_id,) = {streamed.near[r.article_id][-1] for r in reports}
    for report in reports:
        placed.place(report, "a1")
    adopting.adopt(streamed, event_id)
    assert adopting.events[event_id] == placed.events[event_id]
    assert adopting.index.keys_of == placed.index.keys_of
    assert adopting.index.stretches_of == placed.index.stretches_of
    assert adopting.index.by_key == placed.index.by_key


def test_days_apart_count_from_the_nearer_of_the_articles_dates():
    event = _event("ev-a", ["ferry"])
    event.last_date = date(2026, 5, 9)
    later, earlier = date(2026, 5, 20), date(2026, 4, 30)
    assert _days_apart([later], event) == 11
    assert _days_apart([later, earlier], event) == 4
    assert _days_apart([date(2026, 5, 6), earlier], event) == 0
    assert _days_apart([], event) is None


def test_idfs_kept_across_articles_give_the_vectors_computed_afresh():
    df, idf_of = {"ferry": 3, "pier": 1}, {}
    first = ["ferry", "ferry", "pier", "storm"]
    second = ["ferry", "storm", "storm", "storm"]
    kept = [tfidf(words, df, 10, idf_of) for words in (first, second)]
    assert kept == [tfidf(words, df, 10) for words in (first, second)]
    assert set(idf_of) == {"ferry", "pier", "storm"}
