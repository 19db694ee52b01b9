"""Event dates: when the reported event happened, from the text and the publication date.

Runs in enrich on each batch of articles (it needs only the body, the publication date from
cleaning and the language). dateparser finds date expressions in the article's language and
resolves relative ones (`on Sunday`, `last week`, `this morning`, `mardi`, `ayer`) against
the publication date. The lede is read first, and a date counts only when it names a day:
a bare year, a month, a date tied to `since`/`after`/a possessive, or (with a publication
date) a day far before or after publication is background, not the event.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import pyarrow as pa
from dateparser.date import DateDataParser
from dateparser.search import search_dates

from newspipe.config import EnrichConfig

EVENT_DATES_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("event_date", pa.date32()),
        pa.field("event_date_source", pa.string()),
    ]
)

# Words before a date that make it background: `since Monday`, `after the 2003 invasion`,
# `Hamas’ Oct. 7, 2023 attacks`.
_BACKGROUND_BEFORE = re.compile(
    r"(?:\b(?:since|after|before|until|till|depuis|desde|hasta|après|avant)\s+(?:the\s+)?"
    r"|['’]s?\s*)$",
    re.IGNORECASE,
)
# A day-precise expression either has letters (a month, a weekday, `yesterday`) or is a
# numeric date; dateparser also reads bare numbers (`7, 2023`) as dates.
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
# `at 4:50 a.m.` (period `time`) would resolve to the publication day itself.
_PRECISE = ("day", "week")


@lru_cache(maxsize=256)
def _parser(language: str, base: dt.datetime | None, order: str | None = None) -> DateDataParser:
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = base
    if order:
        settings["DATE_ORDER"] = order
    return DateDataParser(languages=[language], settings=settings)


def _numeric_readings(phrase: str, language: str, base: dt.datetime | None):
    """Both readings of an all-numeric date (`10/03/2025` is 10 March or 3 October): the
    publication date then decides, as the event cannot be after it or long before it."""
    for order in ("DMY", "MDY"):
        when = _parser(language, base, order).get_date_data(phrase).date_obj
        if when is not None:
            yield when.date()


def _parse(phrase: str, language: str, base: dt.datetime | None):
    """(datetime, period) of a phrase search_dates found, trimmed of the short lower-case
    words it sometimes swallows (`on Tuesday, a`, `last week about the`, `mardi à`)."""
    parser = _parser(language, base)
    data = parser.get_date_data(phrase)
    words = phrase.rstrip(" ,").split()
    while len(words) > 1 and words[-1].islower() and len(words[-1].strip(",")) <= 5:
        shorter = parser.get_date_data(" ".join(words[:-1]).rstrip(","))
        if shorter.date_obj is None:
            break
        data, words = shorter, words[:-1]
    return data.date_obj, data.period


def _languages(language: str | None) -> list[str]:
    # English stays as a fallback: wire copy in other languages keeps English datelines.
    return [language, "en"] if language and language != "en" else ["en"]


def _candidates(text: str, language: str, base: dt.datetime | None):
    """The date of each day-precise, non-background date expression in text."""
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = base
    found = search_dates(text, languages=[language], settings=settings) or []
    position = 0
    for phrase, _ in found:
        at = text.find(phrase, position)
        position = at + len(phrase) if at >= 0 else position
        if not re.search(r"[^\W\d_]{3,}", phrase) and not _NUMERIC_DATE.search(phrase):
            continue
        if at >= 0 and _BACKGROUND_BEFORE.search(text[max(0, at - 12) : at]):
            continue
        if base is None and not re.search(r"\b\d{4}\b", phrase):
            # `on Friday` or `June 17` without a publication date cannot be placed in time.
            continue
        numeric = _NUMERIC_DATE.search(phrase)
        if numeric:
            yield from _numeric_readings(numeric.group(), language, base)
            continue
        when, period = _parse(phrase, language, base)
        if when is None or period not in _PRECISE:
            continue
        if base is not None and when.minute != base.minute:
            # A duration read as a time (`a minute after liftoff`), not a date.
            continue
        yield when.date()


def _event_date(body: str, published: dt.date | None, language: str | None, config):
    base = dt.datetime.combine(published, dt.time(12)) if published else None
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    lede = "\n\n".join(paragraphs[: config.lede_paragraphs])
    rest = "\n\n".join(paragraphs[config.lede_paragraphs :])
    for part in (lede, rest):
        for language_code in _languages(language):
            for when in _candidates(part, language_code, base):
                if published is None:
                    return when
                lag = (published - when).days
                if 0 <= lag <= config.max_event_lag_days:
                    return when
    return None


def resolve_event_dates(articles: pa.Table, config: EnrichConfig) -> pa.Table:
    """event_date per article (article_id, body, published_date, language): the first
    day-precise date of the event in the text, else the publication date, else null;
    `event_date_source` says which (`text`, `published` or null)."""
    ids, dates, sources = [], [], []
    for row in articles.select(["article_id", "body", "published_date", "language"]).to_pylist():
        when = _event_date(row["body"] or "", row["published_date"], row["language"], config)
        source = "text" if when else None
        if when is None and row["published_date"] is not None:
            when, source = row["published_date"], "published"
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
