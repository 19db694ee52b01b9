"""The batch refinement of a run's events, on invented reports the streaming pass linked."""

from collections import Counter
from datetime import date
from types import SimpleNamespace

from newspipe.config import EventConfig
from newspipe.enrich.events.refine import refined_targets

DAY = date(2026, 3, 2)


def _report(article_id, words, names):
    body = {w: 1 / len(words) ** 0.5 for w in words}
    return SimpleNamespace(
        article_id=article_id,
        days=[DAY],
        body=body,
        title={},
        entities=Counter(names),
        numbers=Counter(),
    )


# Two look-alike happenings: a player of one club placed on injured reserve, then another.
ORLEY = ["injured", "reserve", "knee", "orley", "season", "ligament", "surgery", "linebacker"]
VANTER = ["injured", "reserve", "ankle", "vanter", "playoffs", "sprain", "scan", "receiver"]


def _idf(name):
    """The club is in every report of the corpus; the players are not."""
    return 0.2 if name == "Harbour Gulls" else 1.0


def test_look_alike_events_the_stream_joined_are_told_apart():
    reports = [
        _report("a1", ORLEY, ["Orley", "Harbour Gulls"]),
        _report("a2", ORLEY[:-1], ["Orley", "Harbour Gulls"]),
        _report("b1", VANTER, ["Vanter", "Harbour Gulls"]),
        _report("b2", VANTER[1:], ["Vanter", "Harbour Gulls"]),
    ]
    # The stream put all four in the event a1 founded.
    near = {r.article_id: ["ev-a1"] for r in reports}
    targets = refined_targets(reports, near, {}, _idf, EventConfig()).targets
    assert targets == {"a1": "a1", "a2": "a1", "b1": "b1", "b2": "b1"}


def test_reports_join_the_earlier_event_they_resemble():
    earlier = SimpleNamespace(
        event_id="ev-old",
        first_date=DAY,
        last_date=DAY,
        n_articles=2,
        # The sum of its two articles' unit vectors.
        body={w: 2 / len(ORLEY) ** 0.5 for w in ORLEY},
        title={},
        entities=Counter({"Orley": 2, "Harbour Gulls": 2}),
        numbers=Counter(),
    )
    reports = [
        _report("a3", ORLEY, ["Orley", "Harbour Gulls"]),
        _report("b1", VANTER, ["Vanter", "Harbour Gulls"]),
    ]
    near = {"a3": ["ev-old"], "b1": ["ev-old", "ev-b1"]}
    targets = refined_targets(reports, near, {"ev-old": earlier}, _idf, EventConfig()).targets
    assert targets == {"a3": "ev-old", "b1": "b1"}


def test_a_block_too_large_to_re_cluster_keeps_its_streamed_events():
    earlier = SimpleNamespace(event_id="ev-old")
    reports = [
        _report("a1", ORLEY, ["Orley"]),
        _report("b1", VANTER, ["Vanter"]),
        _report("a2", ORLEY, ["Orley"]),
        _report("b2", VANTER, ["Vanter"]),
    ]
    # One block through ev-old; the stream put b1 and b2 in it, a2 in the event a1 founded.
    near = {"a1": ["ev-old", "ev-a1"], "b1": ["ev-old"], "a2": ["ev-a1"], "b2": ["ev-old"]}
    config = EventConfig(refine_block_items=3)
    refined = refined_targets(reports, near, {"ev-old": earlier}, _idf, config)
    assert refined.targets == {"a1": "a1", "b1": "ev-old", "a2": "a1", "b2": "ev-old"}
    # The clusterer takes these events over as streamed instead of building them again.
    assert refined.kept == {"ev-old", "ev-a1"}
