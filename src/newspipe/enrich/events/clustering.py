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
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from newspipe.config import EventConfig
from newspipe.enrich.canonical.entities import AREA_WORDS
from newspipe.schema import EVENT_STATE, EVENTS, TERM_FREQUENCIES, conform
from newspipe.sqlfiles import run_sql

# The state as the clusterer reads and writes it; the warehouse stamps the run.
STATE_SCHEMA = EVENT_STATE.schema.remove(EVENT_STATE.schema.get_field_index("run_id"))

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)
# Numbers that name a fact of the event (a toll, a magnitude, a sum), not years or days.
# Thousands are grouped by a comma, a point or a space: plain, no-break, or the narrow
# no-break and thin spaces of French typography.
_SPACES = "\u00a0\u202f\u2009 "
_NUMBER = re.compile(
    rf"(?<![\w.,])\d{{1,3}}(?:[.,{_SPACES}]\d{{3}})+(?!\d)|\b\d+[.,]\d+\b|\b\d{{2,}}\b"
)
# Entity names share the document-frequency table with words under this prefix, which no
# word can carry.
ENTITY_TERM = "entity:"
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
# A possessive ("Syria's") or an elided article ("l'armée", "d'Irak") is the same word.
_CLITIC = re.compile(r"['’]s\b|(?<![\w'’])(?:[ldjnmtsc]|qu)['’](?=\w)")
_COMBINING = re.compile(r"[\u0300-\u036f]")


def _fold(text: str) -> str:
    """Lower case without accents: reports in other languages, and English ones naming a
    foreign place, spell "Aragón" as "Aragon"."""
    text = text.lower()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


# Short function words of the languages newspipe sees most; they carry no event.
_STOPWORDS = frozenset(
    _fold(w)
    for w in [
        "a",
        "about",
        "after",
        "again",
        "against",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "more",
        "most",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "said",
        "says",
        "say",
        "told",
        "new",
        "also",
        "one",
        "two",
        "three",
        "year",
        "years",
        "week",
        "day",
        "days",
        "last",
        "first",
        "next",
        "after",
        "before",
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "unos",
        "unas",
        "de",
        "del",
        "al",
        "y",
        "o",
        "en",
        "por",
        "para",
        "con",
        "sin",
        "sobre",
        "entre",
        "que",
        "se",
        "su",
        "sus",
        "es",
        "son",
        "fue",
        "ha",
        "han",
        "como",
        "más",
        "pero",
        "este",
        "esta",
        "estos",
        "estas",
        "ese",
        "esa",
        "lo",
        "le",
        "les",
        "ya",
        "muy",
        "según",
        "dijo",
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "et",
        "ou",
        "en",
        "dans",
        "par",
        "pour",
        "avec",
        "sans",
        "sur",
        "entre",
        "que",
        "qui",
        "se",
        "sa",
        "son",
        "ses",
        "est",
        "sont",
        "été",
        "a",
        "ont",
        "comme",
        "plus",
        "mais",
        "ce",
        "cet",
        "cette",
        "ces",
        "il",
        "elle",
        "ils",
        "elles",
        "au",
        "aux",
        "selon",
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "und",
        "oder",
        "in",
        "im",
        "mit",
        "von",
        "zu",
        "für",
        "auf",
        "ist",
        "sind",
        "war",
        "hat",
        "haben",
        "nicht",
        "auch",
    ]
)


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
    days: list[date]  # every date the article gives: event and publication
    body: dict[str, float]
    title: dict[str, float]
    entities: Counter
    numbers: Counter


def tokens(text: str | None) -> list[str]:
    """Lower-cased, accent-folded content words of a text, stop words removed."""
    if not text:
        return []
    words = _WORD.findall(_CLITIC.sub("", _fold(text)))
    return [w for w in words if len(w) > 2 and w not in _STOPWORDS]


def salient_numbers(text: str | None) -> set[str]:
    """Numbers that name facts, normalised across locales ("1,350" = "1.350" = "1350")."""
    if not text:
        return set()
    found = set()
    for raw in _NUMBER.findall(text):
        digits = re.sub(f"[{_SPACES}]", "", raw)
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
            digits = re.sub(r"[.,]", "", digits)
        else:
            digits = digits.replace(",", ".")
        if not _YEAR.match(digits):
            found.add(digits)
    return found


def _tfidf(words: list[str], df: dict[str, int], n_docs: int) -> dict[str, float]:
    """Sublinear TF times smoothed IDF, unit length. The +1 on the IDF keeps words shared
    by every document of a small corpus in play rather than weighting them zero."""
    counts = Counter(words)
    vector = {
        w: (1 + math.log(c)) * (math.log((n_docs + 1) / (df.get(w, 0) + 1)) + 1)
        for w, c in counts.items()
    }
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {w: v / norm for w, v in vector.items()}


def _cosine(vector: dict[str, float], centroid: dict[str, float]) -> float:
    if len(vector) > len(centroid):
        vector, centroid = centroid, vector
    dot = sum(v * centroid.get(w, 0.0) for w, v in vector.items())
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    return dot / norm


def _overlap(a: Counter | set, b: Counter | set) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    # Walks the smaller side only: an event's numbers grow with every report it takes.
    return sum(1 for x in a if x in b) / len(a)


def _add(centroid: dict[str, float], vector: dict[str, float], keep: int) -> dict[str, float]:
    merged = dict(centroid)
    for w, v in vector.items():
        merged[w] = merged.get(w, 0.0) + v
    if len(merged) > keep:
        merged = dict(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
    return merged


def _days_apart(days: list[date], event: _Event) -> int | None:
    """Days between the nearest of an article's dates and the event's date range.

    An article's dates are its resolved event date and its publication date: a report
    published days after the happening, or a text date misread by a few days, still
    lies near the event through the other one.
    """
    if not days or event.first_date is None:
        return None
    return min(
        (event.first_date - day).days
        if day < event.first_date
        else max((day - event.last_date).days, 0)
        for day in days
    )


class _Clusterer:
    def __init__(self, state: pa.Table, df: dict[str, int], n_docs: int, config: EventConfig):
        self.config = config
        self.df, self.n_docs = df, n_docs
        self.entity_idf: dict[str, float] = {}
        self.events: dict[str, _Event] = {}
        self.by_term: dict[str, set[str]] = defaultdict(set)
        # Date-less groups of earlier runs: the event their articles were published under,
        # and those articles, to move them if the group is attached elsewhere now.
        self.published: dict[str, tuple[str, list[str]]] = {}
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
        top = sorted(event.body.items(), key=lambda kv: -kv[1])[: self.config.index_terms * 3]
        for term, _ in top:
            self.by_term[term].add(event.event_id)
        for name in event.entities:
            self.by_term["\x00" + name].add(event.event_id)

    def _entity_idf(self, name: str) -> float:
        idf = self.entity_idf.get(name)
        if idf is None:
            idf = math.log((self.n_docs + 1) / (self.df.get(ENTITY_TERM + name, 0) + 1)) + 1
            self.entity_idf[name] = idf
        return idf

    def _entity_similarity(self, a: Counter, b: Counter) -> float:
        """Cosine of IDF-weighted entity vectors: a name most reports of the corpus carry
        (a country, a capital) says less than the person or site only this event has."""
        if not a or not b:
            return 0.0
        weights = {e: self._entity_idf(e) for e in a.keys() | b.keys()}
        dot = sum(a[e] * b[e] * weights[e] ** 2 for e in a.keys() & b.keys())
        norm_a = math.sqrt(sum((c * weights[e]) ** 2 for e, c in a.items()))
        norm_b = math.sqrt(sum((c * weights[e]) ** 2 for e, c in b.items()))
        return dot / (norm_a * norm_b)

    def report(self, article: dict) -> _Report:
        """An article as the clusterer compares it."""
        day = article["cluster_date"]
        return _Report(
            article["article_id"],
            article["source"],
            day,
            [d for d in (day, article["published_date"]) if d is not None],
            _tfidf(tokens(article["body"]), self.df, self.n_docs),
            _tfidf(tokens(article["title"]), self.df, self.n_docs),
            Counter(article["entity_names"] or []),
            Counter(salient_numbers(article["body"])),
        )

    def scores(self, report: _Report, dateless_only: bool = False) -> list[tuple[float, str]]:
        """(score, event_id) of the live events within the window that share a top term
        or an entity with the report, best first: dated events, or only events without
        dates if `dateless_only`. A dated report never joins a date-less group, as in one
        run over the whole corpus, where the date-less reports come last."""
        config = self.config
        lookup = [
            w
            for w, _ in sorted(report.body.items(), key=lambda kv: (-kv[1], kv[0]))[
                : config.index_terms
            ]
        ] + ["\x00" + e for e in report.entities]
        candidates = set().union(*(self.by_term.get(k, set()) for k in lookup)) if lookup else set()
        scored = []
        for event_id in candidates:
            event = self.events[event_id]
            if (event.first_date is None) != dateless_only:
                continue
            apart = _days_apart(report.days, event)
            if apart is not None and apart > config.window_days:
                continue
            score = self._combined(
                _cosine(report.body, event.body),
                _cosine(report.title, event.title),
                self._entity_similarity(report.entities, event.entities),
                _overlap(report.numbers, event.numbers),
                apart,
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
        """Add the report to its best event at or above the join threshold, or to a new one."""
        config = self.config
        scored = self.scores(report, dateless_only)
        if scored and scored[0][0] >= config.join_threshold:
            event = self.events[scored[0][1]]
        else:
            event_id = "ev-" + hashlib.sha256(report.article_id.encode()).hexdigest()[:16]
            event = _Event(event_id, report.day, report.day, 0, {}, {}, Counter(), Counter())
        event.n_articles += 1
        event.body = _add(event.body, report.body, config.centroid_terms)
        event.title = _add(event.title, report.title, config.centroid_terms)
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

    def _lookup(self, event: _Event) -> set[str]:
        """Events sharing one of the event's top terms or an entity with it."""
        keys = [
            w
            for w, _ in sorted(event.body.items(), key=lambda kv: (-kv[1], kv[0]))[
                : self.config.index_terms
            ]
        ] + ["\x00" + e for e in event.entities]
        return set().union(*(self.by_term.get(k, set()) for k in keys)) if keys else set()

    def _best(self, event: _Event, skip: set[str], dated: bool = True) -> tuple[str | None, float]:
        """The dated event (the date-less group if not `dated`), within the window of
        `event`'s dates, that scores highest against it, centroid against centroid, if any
        scores at least the merge threshold."""
        config = self.config
        best, best_score = None, config.merge_threshold
        for other_id in sorted(self._lookup(event) - {event.event_id} - skip):
            other = self.events[other_id]
            if (other.first_date is not None) != dated:
                continue
            apart = _ranges_apart(event, other)
            if apart is not None and apart > config.window_days:
                continue
            score = self._combined(
                _cosine_both(event.body, other.body),
                _cosine_both(event.title, other.title),
                self._entity_similarity(event.entities, other.entities),
                _overlap(event.numbers, other.numbers),
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
            key=lambda e: _event_order(self.events[e]),
        )
        dateless = sorted(e for e in touched if self.events[e].first_date is None)
        # Dated events merge with dated events, date-less groups with date-less groups.
        for event_id, is_dated in [(e, True) for e in dated] + [(e, False) for e in dateless]:
            if event_id in renames:
                continue
            event = self.events[event_id]
            best, score = self._best(event, set(renames), is_dated)
            # A date-less group joins its date-less peer only if no dated event beats it.
            if best is None or (not is_dated and self._best(event, set(renames))[1] > score):
                continue
            survivor, absorbed = sorted([event, self.events[best]], key=_event_order)
            self._absorb(survivor, absorbed)
            renames[absorbed.event_id] = survivor.event_id
        for absorbed in list(renames):
            while renames[absorbed] in renames:
                renames[absorbed] = renames[renames[absorbed]]
        groups = {renames.get(e, e) for e in dateless}
        for event_id in {renames.get(e, e) for e in dated}:
            groups |= {
                g for g in self._lookup(self.events[event_id]) if self.events[g].first_date is None
            }
        # A group whose event is gone (merged by an earlier run's state) chooses again too.
        groups |= {
            g
            for g, event in self.events.items()
            if event.attached_to is not None and event.attached_to not in self.events
        }
        for group_id in sorted(groups):
            self.events[group_id].attached_to = self._best(self.events[group_id], set())[0]
        for event in self.events.values():
            if event.attached_to in renames:
                event.attached_to = renames[event.attached_to]
        return renames

    def _absorb(self, survivor: _Event, absorbed: _Event) -> None:
        keep = self.config.centroid_terms
        survivor.n_articles += absorbed.n_articles
        survivor.body = _add(survivor.body, absorbed.body, keep)
        survivor.title = _add(survivor.title, absorbed.title, keep)
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
        for ids in self.by_term.values():
            ids.discard(absorbed.event_id)
        self._index(survivor)


def _event_order(event: _Event) -> tuple:
    return (event.first_date is None, event.first_date or date.min, event.event_id)


def _ranges_apart(a: _Event, b: _Event) -> int | None:
    if a.first_date is None or b.first_date is None:
        return None
    if a.last_date < b.first_date:
        return (b.first_date - a.last_date).days
    if b.last_date < a.first_date:
        return (a.first_date - b.last_date).days
    return 0


def _cosine_both(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    norms = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norms if norms else 0.0


def _terms(weights: dict[str, float] | Counter) -> list[dict]:
    return [{"term": t, "weight": float(w)} for t, w in sorted(weights.items())]


def cluster_events(
    articles: pa.Table, state: pa.Table, term_frequencies: pa.Table, config: EventConfig
) -> tuple[pa.Table, pa.Table, pa.Table, pa.Table]:
    """Assign each new canonical article to an event, streaming in date order, then merge
    events that turn out to be one.

    `articles`: article_id, title, body, source, entity_names (list of canonical names),
    cluster_date. `state`: the persisted events (`event_state` rows) that may still take
    articles; `term_frequencies`: document frequency per term over the corpus so far,
    including these articles. Returns (article_id -> event_id, the updated state rows of
    every touched event, event_id -> merged_into of every event whose articles now report
    another, article_id -> event_id of the earlier runs' articles that move with their
    date-less group to another event).
    """
    df = dict(
        zip(term_frequencies["term"].to_pylist(), term_frequencies["df"].to_pylist(), strict=True)
    )
    n_docs = df.pop("", 0)
    clusterer = _Clusterer(state, df, n_docs, config)
    ordered = sorted(
        articles.to_pylist(),
        key=lambda a: (a["cluster_date"] is None, a["cluster_date"] or date.min, a["article_id"]),
    )
    # Articles without a date cannot be told from a same-actor event months away by time:
    # they come last and gather only with their date-less peers; the merge below then
    # weighs each such group as a whole against the dated events.
    assigned = {
        a["article_id"]: clusterer.assign(
            clusterer.report(a), dateless_only=a["cluster_date"] is None
        )
        for a in ordered
    }
    renames = clusterer.merge(set(assigned.values()))
    events = clusterer.events

    def reported(event_id: str) -> str:
        """The event the articles clustered into `event_id` report."""
        event_id = renames.get(event_id, event_id)
        return events[event_id].attached_to or event_id

    # Date-less groups of earlier runs that now report another event: their state changes,
    # and their articles move.
    regrouped = {g for g, (was, _) in clusterer.published.items() if reported(g) != was}
    moved = {
        article_id: reported(group_id)
        for group_id in sorted(regrouped)
        for article_id in clusterer.published[group_id][1]
    }
    touched = set(assigned.values()) | set(renames) | set(renames.values()) | regrouped
    assigned = {a: reported(e) for a, e in assigned.items()}
    updated = pa.Table.from_pylist(
        [
            {
                "event_id": e.event_id,
                "first_date": e.first_date,
                "last_date": e.last_date,
                "n_articles": e.n_articles,
                "body_terms": _terms(e.body),
                "title_terms": _terms(e.title),
                "entities": _terms(e.entities),
                "numbers": _terms(e.numbers),
                "sources": sorted(e.sources),
                "article_ids": e.members,
                "merged_into": renames.get(e.event_id) or e.attached_to,
            }
            for e in (events[e] for e in sorted(touched))
        ],
        schema=STATE_SCHEMA,
    )
    # Events that stopped standing on their own: articles published under them move on.
    stood_down = {e: reported(e) for e in sorted(touched) if reported(e) != e}
    return (
        _mapping(assigned, "article_id", "event_id"),
        updated,
        _mapping(stood_down, "event_id", "merged_into"),
        _mapping(moved, "article_id", "event_id"),
    )


def _mapping(pairs: dict[str, str], key: str, value: str) -> pa.Table:
    return pa.table(
        {
            key: pa.array(list(pairs), pa.string()),
            value: pa.array(list(pairs.values()), pa.string()),
        }
    )


def document_frequencies(articles: pa.Table) -> pa.Table:
    """Documents per term in `articles`; the empty term counts the documents."""
    df = Counter()
    for body, title, names in zip(
        articles["body"].to_pylist(),
        articles["title"].to_pylist(),
        articles["entity_names"].to_pylist(),
        strict=True,
    ):
        df.update(set(tokens(body)) | set(tokens(title)))
        df.update({ENTITY_TERM + n for n in names or []})
    df[""] = articles.num_rows
    return conform(TERM_FREQUENCIES, pa.table({"term": list(df), "df": list(df.values())}))


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


@dataclass(frozen=True)
class EventResult:
    assignments: pa.Table  # every article: article_id, dup_group_id, is_canonical, event_id
    events: pa.Table  # the contract's events table, all events
    state: pa.Table  # event_state rows of the events this run changed
    term_frequencies: pa.Table  # this run's document frequencies
    event_dates: pa.Table  # new articles: article_id, event_date, event_date_source


def assign_events(
    published_index: pa.Table,
    new_articles: pa.Table,
    groups: pa.Table,
    live_state: pa.Table,
    term_history: pa.Table,
    published_labels: pa.Table,
    config: EventConfig,
) -> EventResult:
    """Give every article an event: its group's known event, or a clustered one.

    `published_index`: earlier articles (article_id, event_id, event_date, published_date,
    source); `new_articles`: this run's (article_id, title, body, source, event_date,
    event_date_source, published_date, entity_names); `groups`: duplicate groups of both;
    `live_state`: current state of events that may take articles; `term_history`: summed
    document frequencies; `published_labels`: event_id, label of published events.
    """
    if "entity_names" not in new_articles.column_names:
        no_names = pa.array([[]] * new_articles.num_rows, pa.list_(pa.string()))
        new_articles = new_articles.append_column("entity_names", no_names)
    members = run_sql(
        "newspipe.enrich.events", "group_events", published_index=published_index, groups=groups
    )
    unassigned = members.filter(pc.and_(pc.is_null(members["event_id"]), members["is_canonical"]))
    to_cluster = new_articles.filter(pc.is_in(new_articles["article_id"], unassigned["article_id"]))
    to_cluster = to_cluster.append_column(
        "cluster_date", pc.coalesce(to_cluster["event_date"], to_cluster["published_date"])
    )
    batch_df = document_frequencies(to_cluster)
    term_frequencies = run_sql(
        "newspipe.enrich.events", "sum_terms", history=term_history, batch=batch_df
    )
    clustered, state, renames, moved = cluster_events(
        to_cluster, live_state, term_frequencies, config
    )
    assignments = run_sql(
        "newspipe.enrich.events",
        "group_assignments",
        members=members,
        clustered=clustered,
        renames=renames,
        moved=moved,
    )
    corpus = run_sql(
        "newspipe.enrich.events",
        "corpus_index",
        published_index=published_index,
        new_articles=new_articles,
        groups=groups,
    )
    event_dates = run_sql(
        "newspipe.enrich.events",
        "event_dates",
        corpus=corpus,
        assignments=assignments,
        new_articles=new_articles,
    )
    dated = run_sql(
        "newspipe.enrich.events", "apply_event_dates", corpus=corpus, event_dates=event_dates
    )
    label_schema = pa.schema([("event_id", pa.string()), ("label", pa.string())])
    earlier = published_labels.select(["event_id", "label"]).cast(label_schema)
    now = state_labels(state.filter(pc.is_null(state["merged_into"])))
    # A label written by this run wins over the published one for the same event.
    labels = pa.concat_tables(
        [
            earlier.append_column("written", pa.array([0] * earlier.num_rows, pa.int8())),
            now.append_column("written", pa.array([1] * now.num_rows, pa.int8())),
        ]
    )
    events = run_sql(
        "newspipe.enrich.events",
        "events",
        corpus=dated,
        assignments=assignments,
        labels=run_sql("newspipe.enrich.events", "latest_labels", labels=labels),
    )
    return EventResult(
        assignments=assignments,
        events=conform(EVENTS, events),
        state=state,
        term_frequencies=batch_df,
        event_dates=event_dates,
    )


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
