"""The state rows a run leaves, built column by column, and the labels built beside them,
on invented events."""

from collections import Counter
from datetime import date

from newspipe.config import EventConfig
from newspipe.enrich.events.cluster_run import _state_table
from newspipe.enrich.events.clustering import STATE_SCHEMA, _Clusterer, _Event
from newspipe.enrich.events.labels import event_label, label_table

DAY = date(2026, 5, 4)


def _events() -> list[_Event]:
    ferry = _Event(
        "ev-a",
        DAY,
        date(2026, 5, 6),
        2,
        {"pier": 0.5, "ferry": 0.9},
        {"sinks": 0.3, "ferry": 0.7},
        Counter({"Port Vell": 2, "Ansel Brook": 1}),
        Counter({"1350": 1}),
        {"site-b", "site-a"},
    )
    undated = _Event("ev-b", None, None, 1, {}, {}, Counter(), Counter(), members=["a1"])
    return [ferry, undated]


def test_state_rows_hold_terms_in_term_order_and_counts_as_weights():
    rows = _state_table(_events(), [None, "ev-a"]).to_pylist()
    assert rows[0]["body_terms"] == [
        {"term": "ferry", "weight": 0.9},
        {"term": "pier", "weight": 0.5},
    ]
    assert rows[0]["entities"] == [
        {"term": "Ansel Brook", "weight": 1.0},
        {"term": "Port Vell", "weight": 2.0},
    ]
    assert rows[0]["sources"] == ["site-a", "site-b"]
    assert rows[1]["body_terms"] == [] and rows[1]["article_ids"] == ["a1"]
    assert [r["merged_into"] for r in rows] == [None, "ev-a"]


def test_a_later_run_reads_the_events_back_from_their_state_rows():
    state = _state_table(_events(), [None, "ev-a"])
    assert state.schema.equals(STATE_SCHEMA)
    read = _Clusterer(state, {}, 10, EventConfig()).events
    for event in _events():
        again = read[event.event_id]
        assert (again.body, again.title) == (event.body, event.title)
        assert (again.entities, again.numbers) == (event.entities, event.numbers)
        assert (again.first_date, again.last_date) == (event.first_date, event.last_date)


def test_labels_come_from_the_events_entities_and_title_centroid():
    ferry = _events()[0]
    labels = label_table(["ev-a"], [(ferry.entities, ferry.title)]).to_pylist()
    assert labels == [{"event_id": "ev-a", "label": event_label(ferry.entities, ferry.title)}]
    assert labels[0]["label"] == "Vell, Brook - ferry sinks"
