"""The event clusterer's inverted index: events filed under their keys (top terms and
entities) and under the spans of days their dates cover, and the ranking of the events a
look-up finds.

Filed under keys alone, a look-up gathers every event ever seen that shares a word like
`pct` or a country: on real wires thousands, nearly all months away and out of reach, and
more with every day of the corpus. Filed also by date, a look-up gathers only the events
whose dates lie in the stretches of days around its own, so its work stays the same as the
corpus grows; the ranking of the events in reach is unchanged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from itertools import chain, compress

# The stretch of days that stands for a date-less event, filed and looked up apart.
DATELESS = None


class EventIndex:
    def __init__(self, stretch_days: int):
        self.stretch_days = max(stretch_days, 1)
        # key -> stretch -> events filed under both.
        self.by_key: dict[str, dict[int | None, set[str]]] = defaultdict(dict)
        # What each event was filed under, to unfile it without a vocabulary scan. Keys
        # stay filed once filed, as an event's top terms shift with its reports.
        self.keys_of: dict[str, set[str]] = defaultdict(set)
        self.stretches_of: dict[str, set[int | None]] = defaultdict(set)

    def stretches(self, first: date | None, last: date | None) -> range | tuple:
        """The stretches of days from `first` to `last`; DATELESS alone if no dates."""
        if first is None:
            return (DATELESS,)
        size = self.stretch_days
        return range(first.toordinal() // size, last.toordinal() // size + 1)

    def around(self, spans: Iterable[tuple[date, date]], window_days: int) -> list[int]:
        """The stretches holding the days within `window_days` of any span (first, last)."""
        size = self.stretch_days
        found: dict[int, None] = {}
        for first, last in spans:
            low = (first.toordinal() - window_days) // size
            high = (last.toordinal() + window_days) // size
            found.update(dict.fromkeys(range(low, high + 1)))
        return list(found)

    def file(self, event_id: str, keys: Iterable[str], first: date | None, last: date | None):
        """File `event_id` under `keys` and the stretches of its dates, and every key it
        was filed under before under stretches its dates reach now."""
        known_keys, known_stretches = self.keys_of[event_id], self.stretches_of[event_id]
        new_keys = [k for k in dict.fromkeys(keys) if k not in known_keys]
        new_stretches = [s for s in self.stretches(first, last) if s not in known_stretches]
        for key in known_keys:
            for stretch in new_stretches:
                self.by_key[key].setdefault(stretch, set()).add(event_id)
        known_stretches.update(new_stretches)
        known_keys.update(new_keys)
        for key in new_keys:
            filed = self.by_key[key]
            for stretch in known_stretches:
                filed.setdefault(stretch, set()).add(event_id)

    def unfile(self, event_id: str) -> None:
        stretches = self.stretches_of.pop(event_id, ())
        for key in self.keys_of.pop(event_id, ()):
            filed = self.by_key[key]
            for stretch in stretches:
                filed[stretch].discard(event_id)

    def hits(self, keys: Iterable[str], stretches: Iterable[int | None] | None) -> Counter:
        """Events per number of `keys` they are filed under, among those filed under
        `stretches` (all if None). Counted in one pass over every key's events: a Counter
        update per key costs more than the counting on a short set."""
        wanted = None if stretches is None else tuple(dict.fromkeys(stretches))
        found: list[set[str]] = []
        for key in keys:
            filed = self.by_key.get(key)
            if not filed:
                continue
            sets = [filed[s] for s in (filed if wanted is None else wanted) if s in filed]
            if len(sets) == 1:
                found.append(sets[0])
            elif sets:
                found.append(set().union(*sets))
        return Counter(chain.from_iterable(found))


def ranked(hits: Counter, accept: Callable[[str], bool], limit: int) -> list[str]:
    """The first `limit` accepted events of `hits` by most keys shared, then by id.

    Sorting every hit costs more than the rest of a look-up: most share a single key. So
    only the events sharing the most keys are sorted, enough of them to fill `limit` if
    all are accepted; the next counts are sorted only if too few were."""
    chosen: list[str] = []
    per_count = Counter(hits.values())
    counts = sorted(per_count, reverse=True)
    start = 0
    while start < len(counts) and len(chosen) < limit:
        end, taken = start, 0
        while end < len(counts) and taken < limit - len(chosen):
            taken += per_count[counts[end]]
            end += 1
        low, high = counts[end - 1], counts[start]
        # Picked in C: a Python test per hit cost more than the sorts.
        level = list(compress(hits, map(range(low, high + 1).__contains__, hits.values())))
        # Ids sorted, then stably by count: the order of (-count, id) without a tuple and a
        # Python key call per event.
        for event_id in sorted(sorted(level), key=hits.__getitem__, reverse=True):
            if accept(event_id):
                chosen.append(event_id)
                if len(chosen) == limit:
                    break
        start = end
    return chosen
