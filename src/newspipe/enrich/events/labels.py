"""Labels of events: what happened, as a person scanning `event_summary` reads it.

An event's label is the title of its most central article of the run that grew it (the
one whose body is nearest the centroid of the run's articles of the event), without the
site's name a title often ends with. An event with no titled article is named by its
main entities and strongest title words.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

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


def label_table(event_ids: list[str], signals: list[tuple[Counter, dict[str, float]]]) -> pa.Table:
    """Labels (`event_label`) of the events `event_ids`, from their (entities, title
    centroid) `signals`."""
    labels = [event_label(entities, title) for entities, title in signals]
    return pa.table(
        {"event_id": pa.array(event_ids, pa.string()), "label": pa.array(labels, pa.string())}
    )


# A title's last part after one of these, when it names the site: "Quake kills three - The
# Elbe Report", "Storm closes port | Clarion".
_TITLE_TAIL = re.compile(r"\s+[-|\u2013\u2014:]\s+([^-|\u2013\u2014:]+)$")


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold()).removeprefix("the")


def clean_title(title: str, site_name: str | None, source: str | None) -> str:
    """The title without a trailing site name (the site's own name, or its domain's)."""
    match = _TITLE_TAIL.search(title)
    if not match:
        return title.strip()
    tail = _compact(match.group(1))
    names = {_compact(site_name or ""), _compact((source or "").split(".")[0])} - {""}
    if tail and any(tail.startswith(n) or n.startswith(tail) for n in names):
        return title[: match.start()].strip()
    return title.strip()


def title_labels(
    articles: pa.Table, event_of: dict[str, str], body_vectors: dict[str, dict[str, float]]
) -> pa.Table:
    """Per event of `event_of` (article_id -> event_id), the cleaned title of its article
    whose body TF-IDF (`body_vectors`, per article_id) is nearest the centroid of its
    articles in `articles`."""
    members: dict[str, list[tuple[str, dict[str, float]]]] = defaultdict(list)
    for row in articles.select(["article_id", "title", "site_name", "source"]).to_pylist():
        event_id = event_of.get(row["article_id"])
        title = clean_title(row["title"] or "", row["site_name"], row["source"])
        if event_id and title:
            members[event_id].append((title, body_vectors[row["article_id"]]))
    labels = {}
    for event_id, reports in sorted(members.items()):
        centroid: Counter = Counter()
        for _, vector in reports:
            centroid.update(vector)
        labels[event_id] = max(
            reports, key=lambda r: (sum(v * centroid[w] for w, v in r[1].items()), r[0])
        )[0]
    return pa.table(
        {
            "event_id": pa.array(list(labels), pa.string()),
            "label": pa.array(list(labels.values()), pa.string()),
        }
    )
