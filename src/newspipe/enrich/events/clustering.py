"""Events: which real-world happening each article reports, clustered as articles stream in.

The last enrichment step, after deduplication: every copy in a duplicate group reports its
canonical's event, so only canonical articles are clustered, one at a time in date order,
in the spirit of Miranda et al. (2018), "Multilingual Clustering of Streaming News". An
article is compared with the live events near its date, found through an inverted index of
their top terms and entities (never with every event ever seen), on several signals:

- TF-IDF cosine of body words and of title words (accents, possessives and elided
  articles folded away) against the event's centroids;
- cosine of IDF-weighted canonical entity names and overlap of salient numbers ("1,350
  residents" = "1 350" = "1.350", "6.6"), which carry across languages where words do not;
- the distance between the nearer of the article's dates (its resolved event date and its
  publication date) and the event's dates: same people and place months apart are two events.

It joins the best event scoring at least `EventConfig.join_threshold`, or starts a new one.
cluster_run.py then regroups the run's articles as a batch (refine.py) and builds the
events afresh from that before the merge below.
Articles with no date at all come last and gather only with each other: time cannot keep
them from a same-actor event months away, so each such group is weighed as a whole against
the dated events in the merge that follows, and goes where most of its peers point. It is
attached there, not absorbed: it keeps its own row and centroid in the state, and a later
run that brings a dated event it resembles better moves it, with its old articles, there.
Events and their centroids are kept in the warehouse (`event_state`), so a later run adds
its articles to old events. Document frequencies for IDF come from the whole corpus seen so
far; because they and the arrival order differ when a corpus is split across runs, two
runs over halves can assign a few articles differently than one run over the whole (the
tests hold them to a B-cubed F1 of at least 0.98).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa

from newspipe.config import EventConfig
from newspipe.enrich.events.features import ENTITY_TERM, salient_numbers, tfidf
from newspipe.enrich.events.index import DATELESS, EventIndex, ranked
from newspipe.enrich.events.vectors import add, cosine, dot, norm, overlap
from newspipe.schema import EVENT_STATE

# The state as the clusterer reads and writes it; the warehouse stamps the run.
STATE_SCHEMA = EVENT_STATE.schema.remove(EVENT_STATE.schema.get_field_index("run_id"))


@dataclass
class _Event:
    event_id: str
    first_date: date | None
    last_date: date | None
    n_articles: int
    body: dict[str, float]
    title: dict[str, float]
    entities: Counter
    numbers: Counter
    sources: set[str] = field(default_factory=set)
    # Date-less groups only: their canonical articles and the dated event they report.
    members: list[str] = field(default_factory=list)
    attached_to: str | None = None


@dataclass
class _Report:
    article_id: str
    source: str
    day: date | None  # resolved event date, else publication date
    days: list[date]  # every distinct date the article gives: event and publication
    body: dict[str, float]
    title: dict[str, float]
    entities: Counter
    numbers: Counter
    # Norms of body and title, for the cosines with centroids shorter than they are.
    body_norm: float = 1.0
    title_norm: float = 1.0


def _days_apart(days: list[date], event: _Event) -> int | None:
    """Days between the nearest of an article's dates and the event's date range.

    An article's dates are its resolved event date and its publication date: a report
    published days after the happening, or a text date misread by a few days, still
    lies near the event through the other one.
    """
    first, last = event.first_date, event.last_date
    if not days or first is None:
        return None
    # A loop, not min() over a generator: it runs for every candidate of every article.
    nearest = None
    for day in days:
        apart = (first - day).days if day < first else max((day - last).days, 0)
        if nearest is None or apart < nearest:
            nearest = apart
    return nearest


class _Clusterer:
    def __init__(self, state: pa.Table, df: dict[str, int], n_docs: int, config: EventConfig):
        self.config = config
        self.df, self.n_docs = df, n_docs
        self.idf_of_entity: dict[str, float] = {}
        self.idf_of_word: dict[str, float] = {}
        self.events: dict[str, _Event] = {}
        self.index = EventIndex(config.window_days + 1)
        self.norms: dict[tuple[str, int], tuple[float, float, float]] = {}
        # Date-less groups of earlier runs: the event their articles were published under,
        # and those articles, to move them if the group is attached elsewhere now.
        self.published: dict[str, tuple[str, list[str]]] = {}
        # Per article of the run, the events it scored near (refine.py links by them).
        self.near: dict[str, list[str]] = {}
        for row in state.to_pylist():
            event = _Event(
                row["event_id"],
                row["first_date"],
                row["last_date"],
                row["n_articles"],
                {t["term"]: t["weight"] for t in row["body_terms"]},
                {t["term"]: t["weight"] for t in row["title_terms"]},
                Counter({e["term"]: int(e["weight"]) for e in row["entities"]}),
                Counter({n["term"]: int(n["weight"]) for n in row["numbers"]}),
                set(row["sources"]),
                list(row.get("article_ids") or []),
                row["merged_into"],
            )
            if event.first_date is None:
                self.published[event.event_id] = (
                    event.attached_to or event.event_id,
                    list(event.members),
                )
            self._index(event)

    def _index(self, event: _Event) -> None:
        self.events[event.event_id] = event
        # Terms by weight, ties in the centroid's order (a stable sort, keyed by the dict's
        # own lookup rather than a Python call per term).
        body = event.body
        top = sorted(body, key=body.__getitem__, reverse=True)[: self.config.index_terms * 3]
        keys = top + ["\x00" + name for name in event.entities]
        self.index.file(event.event_id, keys, event.first_date, event.last_date)

    def entity_idf(self, name: str) -> float:
        idf = self.idf_of_entity.get(name)
        if idf is None:
            idf = math.log((self.n_docs + 1) / (self.df.get(ENTITY_TERM + name, 0) + 1)) + 1
            self.idf_of_entity[name] = idf
        return idf

    def _entity_norm(self, entities: Counter) -> float:
        return math.sqrt(sum((c * self.entity_idf(e)) ** 2 for e, c in entities.items()))

    def _entity_similarity(
        self, a: Counter, b: Counter, norm_b: float, norm_a: float | None = None
    ) -> float:
        """Cosine of IDF-weighted entity vectors: a name most reports of the corpus carry
        (a country, a capital) says less than the person or site only this event has."""
        if not a or not b:
            return 0.0
        shared = sum(a[e] * b[e] * self.entity_idf(e) ** 2 for e in a.keys() & b.keys())
        return shared / ((self._entity_norm(a) if norm_a is None else norm_a) * norm_b)

    def _norms(self, event: _Event) -> tuple[float, float, float]:
        """Norms of an event's body, title and entity centroids, kept until it grows: an
        article is scored against each candidate, and a centroid holds hundreds of terms."""
        key = (event.event_id, event.n_articles)
        norms = self.norms.get(key)
        if norms is None:
            norms = (norm(event.body), norm(event.title), self._entity_norm(event.entities))
            self.norms[key] = norms
        return norms

    def report(self, article: dict, body_words: list[str], title_words: list[str]) -> _Report:
        """An article as the clusterer compares it (`body_words`, `title_words`: the
        `tokens` of its body and title)."""
        day = article["cluster_date"]
        body = tfidf(body_words, self.df, self.n_docs, self.idf_of_word)
        title = tfidf(title_words, self.df, self.n_docs, self.idf_of_word)
        return _Report(
            article["article_id"],
            article["source"],
            day,
            # Without an event date the cluster date is the publication date: once.
            list(dict.fromkeys(d for d in (day, article["published_date"]) if d is not None)),
            body,
            title,
            Counter(article["entity_names"] or []),
            Counter(salient_numbers(article["body"])),
            norm(body),
            norm(title),
        )

    def scores(self, report: _Report, dateless_only: bool = False) -> list[tuple[float, str]]:
        """(score, event_id) of the live events within the window that share a top term
        or an entity with the report, best first: dated events, or only events without
        dates if `dateless_only`. A dated report never joins a date-less group, as in one
        run over the whole corpus, where the date-less reports come last."""
        config = self.config
        scored = []
        # Days apart of each event looked at, reused when it is scored.
        apart_of: dict[str, int | None] = {}

        def in_reach(event: _Event) -> bool:
            if (event.first_date is None) != dateless_only:
                return False
            apart = apart_of[event.event_id] = _days_apart(report.days, event)
            return apart is None or apart <= config.window_days

        if dateless_only:
            stretches = (DATELESS,)
        else:
            days = [(day, day) for day in report.days]
            stretches = self.index.around(days, config.window_days) if days else None
        for event_id in self._candidates(report.body, report.entities, in_reach, stretches):
            event = self.events[event_id]
            body, title, entities = self._norms(event)
            score = self._combined(
                cosine(report.body, event.body, body, report.body_norm),
                cosine(report.title, event.title, title, report.title_norm),
                self._entity_similarity(report.entities, event.entities, entities),
                overlap(report.numbers, event.numbers),
                apart_of[event_id],
            )
            scored.append((score, event_id))
        return sorted(scored, key=lambda se: (-se[0], se[1]))

    def _combined(
        self, body: float, title: float, entities: float, numbers: float, apart: int | None
    ) -> float:
        """The weighted signals, discounted by the days between the two."""
        config = self.config
        score = (
            config.weight_body * body
            + config.weight_title * title
            + config.weight_entities * entities
            + config.weight_numbers * numbers
        )
        if apart:
            score *= math.exp(-max(apart - 1, 0) / config.time_scale_days)
        return score

    def assign(self, report: _Report, dateless_only: bool = False) -> str:
        """Add the report to its best event at or above the join threshold, or to a new
        one; note the events it came near, for the batch refinement (refine.py)."""
        config = self.config
        scored = self.scores(report, dateless_only)
        if scored and scored[0][0] >= config.join_threshold:
            event = self.events[scored[0][1]]
        else:
            event = self._founded(report.article_id, report.day)
        reach = config.refine_reach * config.join_threshold
        self.near[report.article_id] = [e for s, e in scored if s >= reach] + [event.event_id]
        return self._grow(event, report, dateless_only)

    def place(self, report: _Report, target: str) -> str:
        """Add the report to the event `target`, or to a new event founded by the article
        `target` (refine.py decides which)."""
        event = self.events.get(target) or self._founded(target, report.day)
        return self._grow(event, report, report.day is None)

    def adopt(self, other: _Clusterer, event_id: str) -> None:
        """Take `other`'s event `event_id` as it stands, filed under what it was filed under
        there: what growing it again by the same reports in the same order would give."""
        event = other.events[event_id]
        self.events[event_id] = event
        keys = other.index.keys_of[event_id]
        self.index.file(event_id, keys, event.first_date, event.last_date)

    def _founded(self, article_id: str, day: date | None) -> _Event:
        event_id = "ev-" + hashlib.sha256(article_id.encode()).hexdigest()[:16]
        return self.events.get(event_id) or _Event(
            event_id, day, day, 0, {}, {}, Counter(), Counter()
        )

    def _grow(self, event: _Event, report: _Report, dateless_only: bool) -> str:
        config = self.config
        event.n_articles += 1
        event.body = add(event.body, report.body, config.centroid_terms)
        event.title = add(event.title, report.title, config.centroid_terms)
        event.entities.update(report.entities)
        event.numbers.update(report.numbers)
        event.sources.add(report.source)
        if dateless_only:
            event.members.append(report.article_id)
        if report.day is not None:
            event.first_date = min(event.first_date or report.day, report.day)
            event.last_date = max(event.last_date or report.day, report.day)
        self._index(event)
        return event.event_id

    def _candidates(
        self,
        body: dict[str, float],
        entities: Counter,
        in_reach: Callable[[_Event], bool],
        stretches: list | tuple | None = None,
        among: set[str] | None = None,
    ) -> list[str]:
        """The events in reach that share the most index keys (top terms, entities) with
        `body` and `entities`, at most `EventConfig.candidate_events` of them, only of
        `among` if given. Looked up among the events filed under `stretches` of days
        (EventIndex.around; every event if None), which must hold every event in reach.

        Scoring every event that shares any key grows with the corpus: on real wires a
        country or a word like `pct` files thousands of events. The events sharing the most
        keys hold the best match; ties go by event id, so the choice is the same in every
        process."""
        # By weight, then term: terms sorted, then stably by weight (no Python key call).
        top = sorted(sorted(body), key=body.__getitem__, reverse=True)[: self.config.index_terms]
        keys = top + ["\x00" + e for e in entities]
        events = self.events

        def accept(event_id: str) -> bool:
            return (among is None or event_id in among) and in_reach(events[event_id])

        hits = self.index.hits(keys, stretches)
        return ranked(hits, accept, self.config.candidate_events)

    def _lookup(
        self,
        event: _Event,
        in_reach: Callable[[_Event], bool],
        stretches: list | tuple | None,
        among: set[str] | None = None,
    ) -> list[str]:
        """The events in reach sharing the most index keys with `event` (`_candidates`)."""
        return self._candidates(event.body, event.entities, in_reach, stretches, among)

    def _best(
        self, event: _Event, skip: set[str], dated: bool = True, floor: float | None = None
    ) -> tuple[str | None, float]:
        """The dated event (the date-less group if not `dated`), within the window of
        `event`'s dates, that scores highest against it, centroid against centroid, if any
        scores at least `floor` (the merge threshold if None)."""
        config = self.config
        best, best_score = None, config.merge_threshold if floor is None else floor

        def in_reach(other: _Event) -> bool:
            if other.event_id == event.event_id or other.event_id in skip:
                return False
            if (other.first_date is not None) != dated:
                return False
            apart = _ranges_apart(event, other)
            return apart is None or apart <= config.window_days

        # Norms kept per event size: each touched event is scored against up to
        # `candidate_events` others, and a centroid holds hundreds of terms.
        if not dated:
            stretches = (DATELESS,)
        elif event.first_date is None:
            stretches = None
        else:
            spans = [(event.first_date, event.last_date)]
            stretches = self.index.around(spans, config.window_days)
        body, title, entities = self._norms(event)
        for other_id in sorted(self._lookup(event, in_reach, stretches)):
            other = self.events[other_id]
            apart = _ranges_apart(event, other)
            other_body, other_title, other_entities = self._norms(other)
            score = self._combined(
                dot(event.body, other.body) / (body * other_body),
                dot(event.title, other.title) / (title * other_title),
                self._entity_similarity(event.entities, other.entities, other_entities, entities),
                overlap(event.numbers, other.numbers),
                apart,
            )
            if score > best_score:
                best, best_score = other_id, score
        return best, best_score

    def merge(self, touched: set[str]) -> dict[str, str]:
        """Merge each touched dated event into a similar live dated event, if one scores at
        least the merge threshold, then attach date-less groups to the dated event they
        resemble most; returns absorbed event -> surviving event.

        Streaming leaves the order of arrival in the clusters: two reports of one happening
        that arrived before anything linked them start two events. Comparing the events
        themselves afterwards joins them, which also makes a corpus split across runs end
        up like the whole.

        A date-less group is weighed as a whole against the dated events, and is attached
        (`attached_to`), not absorbed: it keeps its own centroid and articles, so a later
        run reconsiders it when a dated event it may resemble better appears or grows, and
        moves its articles there. Reconsidered are the groups this run touched and those
        the touched dated events find through the index.
        """
        renames: dict[str, str] = {}
        dated = sorted(
            (e for e in touched if self.events[e].first_date is not None),
            key=lambda e: event_order(self.events[e]),
        )
        dateless = sorted(e for e in touched if self.events[e].first_date is None)
        # Dated events merge with dated events, date-less groups with date-less groups.
        for event_id, is_dated in [(e, True) for e in dated] + [(e, False) for e in dateless]:
            if event_id in renames:
                continue
            event = self.events[event_id]
            best, score = self._best(event, set(renames), is_dated)
            # A date-less group joins its date-less peer only if no dated event beats it.
            attach = self.config.attach_threshold
            if best is None or (
                not is_dated and self._best(event, set(renames), floor=attach)[1] > score
            ):
                continue
            survivor, absorbed = sorted([event, self.events[best]], key=event_order)
            self._absorb(survivor, absorbed)
            renames[absorbed.event_id] = survivor.event_id
        for absorbed in list(renames):
            while renames[absorbed] in renames:
                renames[absorbed] = renames[renames[absorbed]]
        groups = {renames.get(e, e) for e in dateless}
        # Looked up among the date-less groups only: most runs have few or none, and the
        # dated events sharing a key number in the thousands.
        live_groups = {e for e, event in self.events.items() if event.first_date is None}
        for event_id in {renames.get(e, e) for e in dated}:
            found = self._lookup(self.events[event_id], lambda e: True, (DATELESS,), live_groups)
            groups |= set(found)
        # A group whose event is gone (merged by an earlier run's state) chooses again too.
        groups |= {
            g
            for g, event in self.events.items()
            if event.attached_to is not None and event.attached_to not in self.events
        }
        self._attach(groups, renames)
        for event in self.events.values():
            if event.attached_to in renames:
                event.attached_to = renames[event.attached_to]
        return renames

    def _attach(self, groups: set[str], renames: dict[str, str]) -> None:
        """Attach each date-less group of `groups` to the dated event it resembles most
        at `attach_threshold`, and keep, among the groups of one dated event, only those
        scoring at least `attach_ratio` times the best of them.

        The date-less reports of an event resemble each other and gather into one group;
        a second group that resembles the event far less is, most often, a look-alike
        happening (another quake, another signing) that has no dated report of its own.
        Groups attached earlier to the events chosen now compete again too."""
        floor = self.config.attach_threshold
        choice = {}
        pending = set(groups)
        while pending:
            for group_id in sorted(pending):
                choice[group_id] = self._best(self.events[group_id], set(), floor=floor)
            chosen = {event_id for event_id, _ in choice.values() if event_id is not None}
            pending = {
                g
                for g, event in self.events.items()
                if event.first_date is None
                and event.n_articles
                and renames.get(event.attached_to, event.attached_to) in chosen
                and g not in choice
            }
        best_of: dict[str, float] = {}
        for event_id, score in choice.values():
            if event_id is not None:
                best_of[event_id] = max(best_of.get(event_id, 0.0), score)
        ratio = self.config.attach_ratio
        for group_id in sorted(choice):
            event_id, score = choice[group_id]
            keep = event_id is not None and score >= ratio * best_of[event_id]
            self.events[group_id].attached_to = event_id if keep else None

    def _absorb(self, survivor: _Event, absorbed: _Event) -> None:
        keep = self.config.centroid_terms
        survivor.n_articles += absorbed.n_articles
        survivor.body = add(survivor.body, absorbed.body, keep)
        survivor.title = add(survivor.title, absorbed.title, keep)
        survivor.entities.update(absorbed.entities)
        survivor.numbers.update(absorbed.numbers)
        survivor.sources |= absorbed.sources
        survivor.members += absorbed.members
        absorbed.members = []
        dates = [
            d
            for d in (
                survivor.first_date,
                survivor.last_date,
                absorbed.first_date,
                absorbed.last_date,
            )
            if d is not None
        ]
        survivor.first_date = min(dates, default=None)
        survivor.last_date = max(dates, default=None)
        absorbed.n_articles = 0
        absorbed.attached_to = None
        self.index.unfile(absorbed.event_id)
        self._index(survivor)


def event_order(event: _Event) -> tuple:
    """Dated events first, earliest first, then by id: which of two events survives."""
    return (event.first_date is None, event.first_date or date.min, event.event_id)


def _ranges_apart(a: _Event, b: _Event) -> int | None:
    if a.first_date is None or b.first_date is None:
        return None
    if a.last_date < b.first_date:
        return (b.first_date - a.last_date).days
    if b.last_date < a.first_date:
        return (a.first_date - b.last_date).days
    return 0
