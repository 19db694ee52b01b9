"""Relative dates placed in time by the rules of news writing, against the publication date.

A day word is a fixed number of days from publication (`yesterday` -1, `ce matin` 0,
`hace dos días` -2). A weekday is one of the days around publication:
- with `last` (`last Tuesday`, `mardi dernier`, `el pasado martes`): the latest one strictly
  before publication, a week back on publication's own weekday;
- with `next` (`next Tuesday`, `mardi prochain`, `el martes que viene`): the first one
  strictly after publication;
- after a future tense, a plan or the present of a scheduled event in its sentence (`will
  meet on Tuesday`, `se réunira mardi`, `votará el martes`, `opens on Friday`, `abre el
  viernes`): the first one on or after publication;
- otherwise: the day of publication when it is that weekday (an article published on a
  Monday saying `on Monday`, `Monday's announcement`, reports that day), else the latest
  one before it.
The nearest tense cue before the weekday in its sentence decides; a weekday that opens its
sentence (`On Tuesday, the council will vote`) takes the first cue after it.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum

from newspipe.enrich.article.date_words import TENSE_CUES

# A sentence ends at these (or a line break); a tense cue in another sentence says nothing.
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")
# Words between a verb and its weekday that do not hide the verb: `voted late on Monday`.
_FILLERS = frozenset({"on", "early", "late", "the", "this", "le", "ce", "cet", "el", "este"})
# Characters read on each side of a weekday per word of the tense window: words in news
# average under 7 characters with their space, so the window is never cut short.
_CHARS_PER_WORD = 12


class Direction(Enum):
    LAST = "the latest one strictly before publication"
    NEXT = "the first one strictly after publication"
    COMING = "the first one on or after publication"
    RECENT = "the latest one on or before publication"


def weekday_date(published: dt.date, weekday: int, direction: Direction) -> dt.date:
    """The date of `weekday` (0 = Monday) relative to `published` in that direction."""
    back = (published.weekday() - weekday) % 7
    if direction is Direction.RECENT:
        return published - dt.timedelta(days=back)
    if direction is Direction.LAST:
        return published - dt.timedelta(days=back or 7)
    ahead = (weekday - published.weekday()) % 7
    if direction is Direction.NEXT:
        return published + dt.timedelta(days=ahead or 7)
    return published + dt.timedelta(days=ahead)


_COMPILED = {
    language: (re.compile(cues.future), re.compile(cues.past), re.compile(cues.past_adjacent))
    for language, cues in TENSE_CUES.items()
}


def tense_direction(text: str, start: int, end: int, language: str, window: int) -> Direction:
    """COMING when a future tense or a plan governs the weekday at text[start:end] (in
    `language`, looked for within `window` words of its sentence), else RECENT."""
    future, past, adjacent = _COMPILED[language]
    before = _sentence_before(text, start, window)
    nearest = _nearest_cue_before(before, future, past, adjacent)
    if nearest is None and not [w for w in before.split() if w.lower() not in _FILLERS]:
        nearest = _first_cue_after(_sentence_after(text, end, window), future, past, adjacent)
    return Direction.COMING if nearest == "future" else Direction.RECENT


def _sentence_before(text: str, start: int, window: int) -> str:
    head = text[max(0, start - window * _CHARS_PER_WORD) : start]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    words = head[ends[-1] if ends else 0 :].split()
    return " ".join(words[-window:])


def _sentence_after(text: str, end: int, window: int) -> str:
    tail = text[end : end + window * _CHARS_PER_WORD]
    stop = _SENTENCE_END.search(tail)
    words = tail[: stop.start() if stop else len(tail)].split()
    return " ".join(words[:window])


def _nearest_cue_before(before: str, future, past, adjacent) -> str | None:
    """`future` or `past`: the kind of the cue that ends nearest the weekday (a future cue
    on a tie: `expected to`, `scheduled` are plans, not past tenses)."""
    ends = {
        kind: max((m.end() for m in pattern.finditer(before)), default=-1)
        for kind, pattern in (("future", future), ("past", past))
    }
    words = before.split()
    while words and words[-1].lower() in _FILLERS:
        words.pop()
    verb_end = " ".join(words).rstrip(",:—–-")
    if any(m.end() == len(verb_end) for m in adjacent.finditer(verb_end)):
        ends["past"] = max(ends["past"], len(verb_end))
    if max(ends.values()) < 0:
        return None
    return "future" if ends["future"] >= ends["past"] else "past"


def _first_cue_after(after: str, future, past, adjacent) -> str | None:
    starts = {
        kind: min((m.start() for m in pattern.finditer(after)), default=len(after) + 1)
        for kind, pattern in (("future", future), ("past", past), ("adjacent", adjacent))
    }
    first = min(starts, key=starts.get)
    if starts[first] > len(after):
        return None
    return "future" if first == "future" else "past"
