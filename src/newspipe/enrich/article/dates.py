"""Event dates: when the reported event happened, from the text and the publication date.

Runs in enrich on each batch of articles (it needs only the body, the publication date from
cleaning and the language). One regular expression per language (date_words.py) finds the
few spans that can hold a date, in text order, so the lede is read first and the search
stops at the first date that is the event's: absolute dates with a month name of any
language dateparser knows (`17 juin 2025`, `March 3`, `3 de marzo`), all-numeric dates,
day words (`yesterday`, `ce matin`, `hace dos días`) and weekdays, the last two placed in
time by the rules of relative.py. A date counts only when it names a day that lies within
`max_event_lag_days` before publication; one tied to `since`/`after`/a possessive is
background. Without a publication date only a date with its year can be placed; a date
that cannot exist (`0001 GMT`, year 1) is none.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections.abc import Iterator

import pyarrow as pa

from newspipe.config import EnrichConfig
from newspipe.enrich.article.date_words import (
    Vocabulary,
    date_languages,
    date_pattern,
    fold,
    vocabulary,
)
from newspipe.enrich.article.relative import Direction, tense_direction, weekday_date

EVENT_DATES_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("event_date", pa.date32()),
        pa.field("event_date_source", pa.string()),
    ]
)

# Words before a date that make it background: `since Monday`, `after the 2003 invasion`,
# `Hamas’ Oct. 7, 2023 attacks`; looked for in the characters just before it.
_BACKGROUND_BEFORE = re.compile(
    r"(?:\b(?:since|after|before|until|till|depuis|desde|hasta|après|avant)\s+(?:the\s+)?"
    r"|['’]s?\s*)$",
    re.IGNORECASE,
)
_BACKGROUND_CHARS = 12
# Years a news event can have: the pattern reads no others, and a publication date outside
# them (a misread `0001`) is no date, which also keeps date arithmetic far from its limits.
PLAUSIBLE_YEARS = range(1800, 2200)


def _valid(year: int, month: int, day: int) -> dt.date | None:
    if year not in PLAUSIBLE_YEARS or not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def _nearest_year(month: int, day: int, published: dt.date) -> dt.date | None:
    """A date without its year (`on 17 June`): the one of that day and month nearest
    publication, so `June 20` in an article of 18 June is two days ahead, not last year's."""
    dates = [_valid(published.year + shift, month, day) for shift in (-1, 0, 1)]
    dates = [d for d in dates if d is not None]
    return min(dates, key=lambda d: abs((d - published).days)) if dates else None


def _absolute(match: re.Match, words: Vocabulary, published: dt.date | None):
    month_name = match["month_second"] or match["month_first"]
    day_text = match["day_first"] or match["day_second"]
    year = match["year_third"] or match["year_last"]
    month, _ = words.months[fold(month_name.rstrip("."))]
    day = int(re.match(r"\d+", day_text).group())
    if year:
        yield _valid(int(year), month, day)
    elif published is not None:
        yield _nearest_year(month, day, published)


def _full_year(digits: str, published: dt.date | None) -> int:
    """A two-digit year in the century that puts it nearest publication (or this one)."""
    if len(digits) == 4:
        return int(digits)
    reference = published.year if published else 2000
    candidates = (c + int(digits) for c in (reference // 100 * 100 - 100, reference // 100 * 100))
    return min(candidates, key=lambda y: abs(y - reference))


def _numeric(match: re.Match, published: dt.date | None):
    """Both readings of an all-numeric date (`10/03/2025` is 10 March or 3 October),
    day-first first; the publication date then decides. Without one, only a date with a
    four-digit year is read (`1.2.10` is more often a version than a date)."""
    a, b, c = match["a"], match["b"], match["c"]
    if len(a) == 4:
        yield _valid(int(a), int(b), int(c))
        return
    if len(a) == 3 or (published is None and len(c) != 4):
        return
    year = _full_year(c, published)
    yield _valid(year, int(b), int(a))
    yield _valid(year, int(a), int(b))


def _relative(match: re.Match, words: Vocabulary, published: dt.date):
    text = match.group()
    for phrase, offset in words.phrases:
        if phrase.fullmatch(text):
            yield published + dt.timedelta(days=offset)
            return


def _ago(match: re.Match, words: Vocabulary, published: dt.date):
    for cues in words.cues.values():
        parts = re.fullmatch(cues.ago, match.group(), re.IGNORECASE)
        if parts is None:
            continue
        count = parts["n"].lower()
        n = int(count) if count.isdigit() else cues.numbers.get(count)
        if n is not None:
            weeks = parts["unit"].lower().startswith(cues.weeks)
            yield published - dt.timedelta(days=n * 7 if weeks else n)
        return


def _weekday(match: re.Match, text: str, words: Vocabulary, published: dt.date, window: int):
    weekday, language = words.weekdays[fold(match["weekday_name"])]
    if match["last_before"] or match["last_after"]:
        direction = Direction.LAST
    elif match["next_before"] or match["next_after"]:
        direction = Direction.NEXT
    else:
        direction = tense_direction(text, match.start(), match.end(), language, window)
    yield weekday_date(published, weekday, direction)


def text_dates(
    text: str,
    published: dt.date | None,
    language: str | None,
    config: EnrichConfig,
    span: tuple[int, int] | None = None,
) -> Iterator[dt.date]:
    """Every day-precise, non-background date the text states, in text order (a numeric
    date may give two readings); relative ones only with a publication date. `span`: only
    the dates starting in text[start:end], read in the context of the whole text."""
    languages = date_languages(language)
    words = vocabulary(languages)
    start, end = span or (0, len(text))
    for match in date_pattern(languages).finditer(text, start, end):
        before = text[max(0, match.start() - _BACKGROUND_CHARS) : match.start()]
        if _BACKGROUND_BEFORE.search(before):
            continue
        kind = match.lastgroup
        if kind == "absolute":
            found = _absolute(match, words, published)
        elif kind == "numeric":
            found = _numeric(match, published)
        elif published is None:
            continue  # `on Friday`, `yesterday`: unknowable without a publication date
        elif kind == "relative":
            found = _relative(match, words, published)
        elif kind == "ago":
            found = _ago(match, words, published)
        else:
            found = _weekday(match, text, words, published, config.tense_window_words)
        yield from (when for when in found if when is not None)


def event_date(
    body: str, published: dt.date | None, language: str | None, config: EnrichConfig
) -> dt.date | None:
    """The first date in the body that can be the event's: with a publication date, one
    within `max_event_lag_days` before it; but when the lead paragraph states no such date
    and one within `max_event_lead_days` after it, that one (an article announcing a vote
    or an opening reports it; a plan beside a past date is not the reported event)."""
    lead_end = body.find("\n") if "\n" in body else len(body)
    lead = list(text_dates(body, published, language, config, (0, lead_end)))
    if published is not None:
        ahead = [(when - published).days for when in lead]
        if not any(-config.max_event_lag_days <= d <= 0 for d in ahead):
            coming = [d for d in ahead if 0 < d <= config.max_event_lead_days]
            if coming:
                return published + dt.timedelta(days=coming[0])
    rest = text_dates(body, published, language, config, (lead_end, len(body)))
    for when in itertools.chain(lead, rest):
        if published is None or 0 <= (published - when).days <= config.max_event_lag_days:
            return when
    return None


def resolve_event_dates(articles: pa.Table, config: EnrichConfig) -> pa.Table:
    """event_date per article (article_id, body, published_date, language), one row per
    article in order: the event's date in the text, else the publication date, else null;
    `event_date_source` says which (`text`, `published` or null)."""
    ids, dates, sources = [], [], []
    for row in articles.select(["article_id", "body", "published_date", "language"]).to_pylist():
        published = row["published_date"]
        if published is not None and published.year not in PLAUSIBLE_YEARS:
            published = None
        when = event_date(row["body"] or "", published, row["language"], config)
        source = "text" if when else None
        if when is None and published is not None:
            when, source = published, "published"
        ids.append(row["article_id"])
        dates.append(when)
        sources.append(source)
    return pa.table(
        {
            "article_id": ids,
            "event_date": pa.array(dates, pa.date32()),
            "event_date_source": sources,
        },
        schema=EVENT_DATES_SCHEMA,
    )
