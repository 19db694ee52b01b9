"""Labels of events: a short name a person scanning `event_summary` reads."""

from __future__ import annotations

from collections import Counter

import pyarrow as pa

from newspipe.enrich.canonical.entities import AREA_WORDS
from newspipe.enrich.events.features import tokens

# Last words that say what kind of body or area a name is: such a name is shown whole
# (`Orvane Technologies`) or without the kind (`Coquimbo Region` -> `Coquimbo`), never by
# the kind alone as a surname would be.
_BODY_WORDS = frozenset(
    [
        "agency",
        "association",
        "authority",
        "bank",
        "board",
        "center",
        "centre",
        "church",
        "club",
        "college",
        "commission",
        "committee",
        "company",
        "corporation",
        "council",
        "court",
        "department",
        "foundation",
        "group",
        "inc",
        "institute",
        "league",
        "ltd",
        "ministry",
        "museum",
        "network",
        "organisation",
        "organization",
        "party",
        "police",
        "press",
        "school",
        "service",
        "services",
        "society",
        "systems",
        "technologies",
        "trust",
        "union",
        "university",
    ]
)


def _short_name(name: str) -> str:
    """A name as a label shows it: a person by the surname, a body whole, an area
    without its kind."""
    words = name.split()
    if len(words) < 2:
        return name
    last = words[-1].casefold()
    if last in AREA_WORDS:
        return " ".join(words[:-1])
    if last in _BODY_WORDS:
        return name
    # A surname keeps its particles: `van Aelst`, `de la Cruz`.
    first = len(words) - 1
    while first > 1 and words[first - 1].islower():
        first -= 1
    return " ".join(words[first:])


def event_label(entities: Counter, title_terms: dict[str, float]) -> str:
    """A short label: the two most mentioned entities and the strongest title words not
    already shown."""
    names = [
        _short_name(n) for n, _ in sorted(entities.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    ]
    shown = set(tokens(" ".join(names)))
    words = [
        w for w, _ in sorted(title_terms.items(), key=lambda kv: (-kv[1], kv[0])) if w not in shown
    ][:2]
    left = ", ".join(names)
    right = " ".join(words)
    return f"{left} - {right}" if left and right else left or right or "untitled event"


def state_labels(state: pa.Table) -> pa.Table:
    """Labels of the events in `state` rows."""
    labels = [
        event_label(
            Counter({e["term"]: e["weight"] for e in row["entities"]}),
            {t["term"]: t["weight"] for t in row["title_terms"]},
        )
        for row in state.to_pylist()
    ]
    return pa.table({"event_id": state["event_id"], "label": pa.array(labels, pa.string())})
