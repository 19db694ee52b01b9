"""Date-less groups attached to a dated event: a look-alike group stays apart."""

from collections import Counter
from datetime import date

from newspipe.config import EventConfig
from newspipe.enrich.events import STATE_SCHEMA
from newspipe.enrich.events.clustering import _Clusterer, _Event


def _event(event_id, day, body, entities):
    return _Event(event_id, day, day, 3, body, {}, Counter(entities), Counter())


def test_of_two_groups_near_one_dated_event_the_far_weaker_stays_apart():
    clusterer = _Clusterer(STATE_SCHEMA.empty_table(), {}, 10, EventConfig())
    dated = _event("quake", date(2025, 3, 4), {"earthquake": 2.0, "coquimbo": 2.0}, {"Chile": 3})
    # Its own undated reports, and those of another quake in the same country, elsewhere:
    # near enough to attach on their own (0.34), far weaker than its own (0.7).
    own = _event("own", None, {"earthquake": 2.0, "coquimbo": 2.0}, {"Chile": 3})
    other = _event("other", None, {"earthquake": 1.0, "arica": 2.0}, {"Chile": 3, "Arica": 3})
    for event in (dated, own, other):
        clusterer._index(event)
    clusterer._attach({"own", "other"}, {})
    assert own.attached_to == "quake"
    assert other.attached_to is None
