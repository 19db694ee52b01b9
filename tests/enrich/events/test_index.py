"""The event index: filing by keys and stretches of days, and the ranking of its hits, on
invented events."""

from collections import Counter
from datetime import date, timedelta

from newspipe.enrich.events.index import DATELESS, EventIndex, ranked

DAY = date(2026, 5, 4)


def _around(index: EventIndex, day: date) -> list[int]:
    return index.around([(day, day)], 10)


def test_a_look_up_gathers_only_the_events_filed_near_its_days():
    index = EventIndex(11)
    index.file("ev-ferry", ["ferry", "pier"], DAY, DAY)
    index.file("ev-later", ["ferry"], DAY + timedelta(days=60), DAY + timedelta(days=60))
    index.file("ev-undated", ["ferry"], None, None)
    assert index.hits(["ferry", "pier"], _around(index, DAY)) == Counter({"ev-ferry": 2})
    assert index.hits(["ferry"], (DATELESS,)) == Counter({"ev-undated": 1})
    assert set(index.hits(["ferry"], None)) == {"ev-ferry", "ev-later", "ev-undated"}


def test_keys_filed_before_an_event_grows_are_found_where_its_dates_reach_now():
    index = EventIndex(11)
    index.file("ev-ferry", ["ferry"], DAY, DAY)
    later = DAY + timedelta(days=40)
    index.file("ev-ferry", ["strike"], DAY, later)
    # One count per key, though the event now lies in several of the stretches looked up.
    assert index.hits(["ferry", "strike"], _around(index, later)) == Counter({"ev-ferry": 2})
    assert index.hits(["ferry", "strike"], index.around([(DAY, later)], 10))["ev-ferry"] == 2


def test_an_unfiled_event_is_found_no_more():
    index = EventIndex(11)
    index.file("ev-ferry", ["ferry"], DAY, DAY + timedelta(days=30))
    index.unfile("ev-ferry")
    assert not index.hits(["ferry"], None)


def test_ranked_is_the_order_of_most_keys_then_id_among_the_accepted():
    hits = Counter({f"ev-{i:02d}": 1 + i % 4 for i in range(40)})
    rejected = {e for e, n in hits.items() if n >= 3}  # the whole top: ranking goes lower
    accept = lambda e: e not in rejected  # noqa: E731
    every = sorted(hits, key=lambda e: (-hits[e], e))
    assert ranked(hits, accept, 7) == [e for e in every if accept(e)][:7]
    assert ranked(hits, lambda e: True, 12) == every[:12]
    assert ranked(hits, lambda e: True, 100) == every
