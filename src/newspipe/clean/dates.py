"""Dates in article text: which lines are datelines, and the date they state.

A dateline is a short line made of date words, numbers and times (`Tuesday, 4 March 2025`,
`Updated: 3 hours ago`, `BAGHDAD, Dec. 13, 2024`); dates inside sentences never qualify,
so a body sentence mentioning a date stays body. `parse_date` reads the date a dateline
states, only when it gives a four-digit year: a relative time (`3 hours ago`) or a date
without a year depends on when the page was read, which the text does not say.
`newspipe.clean.rules` uses the recognisers; `newspipe.clean.metadata` builds the blog's
date-and-byline lines on them.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import dateparser


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTH_NUMBERS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}


_MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre "
    "noviembre diciembre ene abr ago dic "
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre "
    "novembre décembre decembre janv févr avr juil déc "
    "januar februar märz juni juli oktober dezember "
    "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro fev dez "
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre gen mag giu lug "
    "ott"
)
_WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
    "thurs fri sat sun lunes martes miércoles miercoles jueves viernes sábado sabado "
    "domingo lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag "
    "lunedì martedì mercoledì giovedì venerdì sabato domenica "
    "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira"
)
_DATE_GLUE = _words(
    "published updated posted last modified on at the of date dated am pm a.m p.m gmt utc "
    "et est edt ct cst cdt pt pst pdt bst cet cest ist jst aest hkt sgt z time "
    "publicado actualizado el de del a las los en "
    "publié publiée mis à jour le modifié à h "
    "veröffentlicht aktualisiert am um uhr stand "
    "pubblicato pubblicata aggiornato aggiornata ultimo aggiornamento il alle ore "
    "atualizado atualizada publicada em às"
)
MONTHS = _MONTHS
DATE_WORDS = _MONTHS | _WEEKDAYS | _DATE_GLUE
_DATE_TOKEN = re.compile(r"[^\s,|•·;()\[\]–—]+")
_NUMBER = re.compile(r"\d{1,4}(?:st|nd|rd|th|er|e|º|°)?")
_NUMERIC_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:t[\d:.z+-]*)?")
# A day, a month's name and a year joined by dashes (`22-May-2025`, `03-mar-2025`).
_DASHED_DATE = re.compile(r"\d{1,2}-([^\W\d_]{3,10})\.?-\d{4}")
_CLOCK = re.compile(r"\d{1,2}[:h.]\d{2}(?:[:.]\d{2})?(?:am|pm|h|z)?")
_LABEL = re.compile(
    r"^(?:(?:first\s+|originally\s+)?published|updated|posted|last\s+(?:updated|modified)|"
    r"modified|publicad[oa]|actualizad[oa]|publié|publiée|mis\s+à\s+jour|modifié|veröffentlicht|"
    r"aktualisiert|stand|pubblicat[oa]|aggiornat[oa]|ultimo\s+aggiornamento|atualizad[oa]|"
    r"date)\b(?:\s+(?:on|at|el|le|am|il|em|a)\b)?\s*:?\s*",
    re.IGNORECASE,
)
# Words saying the date is the last change's, not the publication's.
_UPDATE_WORDS = (
    r"updated|modified|actualizad[oa]|modificad[oa]|mis\s+à\s+jour|modifié|aktualisiert|"
    r"geändert|stand|aggiornat[oa]|aggiornamento|atualizad[oa]"
)
_UPDATE_LABEL = re.compile(rf"\b(?:{_UPDATE_WORDS})\b", re.IGNORECASE)
_PUBLISHED_LABEL = re.compile(
    r"\b(?:published|posted|publicad[oa]|publié|publiée|veröffentlicht|pubblicat[oa])\b",
    re.IGNORECASE,
)
# A reading time beside a date (`21 January 2025 • 3 min read`).
_READING_TIME = re.compile(r"\b\d+\s*min(?:ute)?s?\.?\s+(?:read|de\s+lecture|de\s+lectura)\b", re.I)
# A relative time: a count of a unit of time back (`3 hours ago`, `hace 5 horas`, `il y a
# 2 jours`, not `Il y a 9 commentaires`), a moment (`moments ago`, `à l'instant`), a day.
_RELATIVE = re.compile(
    r"\b(?:\d+|an?|one|a\s+few)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)"
    r"\s+ago\b|\b\d+\s?[smhdw]\s+ago\b|\b(?:moments?\s+ago|just\s+now)\b|"
    r"\bhace\s+(?:\d+|una?|unos|unas|pocos|pocas)\s+(?:segundos?|minutos?|min|horas?|h|d[ií]as?|"
    r"semanas?|mes|meses|años?|momentos?)\b|"
    r"\bil\s+y\s+a\s+(?:\d+|une?|quelques)\s+(?:secondes?|minutes?|min|heures?|h|jours?|"
    r"semaines?|mois|ans?|années?|instants?)(?!\w)|\bà\s+l['’]instant\b|"
    r"\bvor\s+(?:\d+|einer?|wenigen)\s+(?:sekunden|minuten|min|stunden?|std|tagen?|wochen?|"
    r"monaten?|jahren?)\b|"
    r"\b(?:yesterday|today|ayer|hoy|hier|aujourd['’]hui|gestern|heute)\b",
    re.IGNORECASE,
)
# A time of day as pages print it (`6:34 am`, `10.30`, `14h05`, `9 a.m.`, `16 Uhr`).
_TIME_OF_DAY = re.compile(
    r"\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2}\s?[ap]\.?m\b\.?|\b\d{1,2}\s?uhr\b", re.IGNORECASE
)


# A dateline is short: at most this many tokens (`Last updated: Tuesday, 4 March 2025,
# 10:30 a.m. GMT` has 9); a relative timestamp at most five words (`Updated 3 hours ago`).
_DATELINE_MAX_TOKENS = 16
_RELATIVE_MAX_WORDS = 5
# Publication dates outside these years are misreadings (a price, a count, a model number).
_PLAUSIBLE_YEARS = range(1900, 2101)


def looks_like_dateline(text: str) -> bool:
    """A short line of date words and numbers holding a day of a month (or a numeric date),
    allowing one other word (a place: `BAGHDAD, Dec. 13, 2024`). A relative time beside the
    date (`December 11, 2024 / 10:41 PM / Updated 2 hours ago`) says when the page last
    changed: the line is read without it too."""
    low = text.casefold()
    if "min" in low:
        low = _READING_TIME.sub(" ", low)
    if _date_tokens_only(low):
        return True
    return _RELATIVE.search(low) is not None and _date_tokens_only(_RELATIVE.sub(" ", low))


def _date_tokens_only(text: str) -> bool:
    # A slash between spaces separates parts as a bar does.
    tokens = [t.strip(".,:'’-/") for t in _DATE_TOKEN.findall(text)]
    tokens = [t for t in tokens if t]
    if not tokens or len(tokens) > _DATELINE_MAX_TOKENS:
        return False
    unknown = month = number = numeric = 0
    for token in tokens:
        dashed = _DASHED_DATE.fullmatch(token)
        if _NUMERIC_DATE.fullmatch(token) or (dashed and dashed[1] in MONTHS):
            numeric += 1
        elif _CLOCK.fullmatch(token):
            continue
        elif _NUMBER.fullmatch(token):
            number += 1
        elif token in MONTHS:
            month += 1
        elif token not in DATE_WORDS:
            unknown += 1
    return unknown <= 1 and unknown * 3 < len(tokens) and bool(numeric or (month and number))


_READING_TIME_ALONE = re.compile(
    r"(?i:(?:lecture|lectura|lesezeit|reading\s+time)\s*:?\s*)?\d+\s*(?i:min(?:ute)?s?|mn)\.?"
    r"(?:\s+(?i:read|de\s+lecture|de\s+lectura|lesezeit))?\.?"
)


# A time of day alone, perhaps with its zone (`13:15`, `10.30 am`, `21:40h`, `6:05 PM EST`).
_TIME_ALONE = re.compile(
    r"\d{1,2}[:h.]\d{2}\s*(?:[ap]\.?m\.?|h|hrs?\.?)?(?:\s+[A-Z]{2,4})?", re.IGNORECASE
)


def is_time_of_day(text: str) -> bool:
    return _TIME_ALONE.fullmatch(text.strip()) is not None


def is_reading_time(text: str) -> bool:
    """`4 min read`, `Lecture 3 min.`: the reading time standing alone."""
    return len(text.split()) <= 4 and _READING_TIME_ALONE.fullmatch(text.strip()) is not None


def is_update(text: str) -> bool:
    """`Updated: 5 March 2025`, `By Jane Doe Updated Nov 13, 2019`: a dateline giving the
    last change only, not the publication."""
    return _UPDATE_LABEL.search(text) is not None and _PUBLISHED_LABEL.search(text) is None


def labelled_dateline(text: str) -> bool:
    """`Published 5 March 2024`, `Updated: 3 hours ago`: a date after a date label."""
    match = _LABEL.match(text)
    if not match or match.end() == 0:
        return False
    rest = text[match.end() :]
    return looks_like_dateline(rest) or _RELATIVE.search(rest) is not None


def _relative_timestamp(text: str) -> bool:
    """`3 hours ago`, `Today, 10:30`: a relative time and nothing but date words, so that a
    name such as `Coastal Today` is no timestamp."""
    if len(text.split()) > _RELATIVE_MAX_WORDS or _RELATIVE.search(text) is None:
        return False
    rest = _RELATIVE.sub(" ", text.casefold())
    tokens = [t.strip(".,:'’-") for t in _DATE_TOKEN.findall(rest)]
    return all(
        not t or t in DATE_WORDS or _CLOCK.fullmatch(t) or _NUMBER.fullmatch(t) for t in tokens
    )


def bare_dateline(text: str) -> bool:
    return looks_like_dateline(text) or _relative_timestamp(text)


def is_timestamp(text: str) -> bool:
    """A dateline down to the time of day or relative to now (`November 19, 2019 at 6:34
    am`, `2 days ago at 07:52 am`, `32M ago`): the stamp of a comment or of a story in a
    feed, or the article's own dateline in its header."""
    if _RELATIVE.search(text) is None and _TIME_OF_DAY.search(text) is None:
        return False
    return bare_dateline(text) or labelled_dateline(text) or _weekday_time(text)


def _weekday_time(text: str) -> bool:
    """A day of the week and a time of day (`Tuesday 14:05`, `mardi à 9h30`): a stamp of
    this week that states no date."""
    tokens = [t.strip(".,:").casefold() for t in text.split()]
    if not 2 <= len(tokens) <= 5 or tokens[0] not in _WEEKDAYS:
        return False
    rest = " ".join(t for t in tokens[1:] if t not in _DATE_GLUE)
    return _TIME_ALONE.fullmatch(rest) is not None


_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_EN_MDY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_EN_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_DIGIT = re.compile(r"\d")
_SEGMENTS = re.compile(
    rf"\s*(?:[|•·;]|\s[-–—/]\s|\b(?:{_UPDATE_WORDS}|by|por|par|von)\b)\s*",
    re.IGNORECASE,
)
_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_DATE_LANGUAGES = ["en", "es", "fr", "de", "pt", "it"]


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# A numeric date with the year last: `11/03/2025`, `09-07-2025`, `13.03.2025`.
NUMERIC_YEAR_LAST = re.compile(r"\b(\d{1,2})([-/.])(\d{1,2})\2(\d{4})\b")
# Function words that tell an English page from the others, whose sites write the day
# first (`11/03/2025` is 11 March in Spain and France, 3 November in the United States).
_ENGLISH_WORDS = _words("the and of to is that was for with said has have from")
_OTHER_WORDS = _words(
    "el la los las del que y por una con para es "
    "le les des et du une est dans pour qui sur "
    "der die das und den ist mit für von "
    "il di che della per una sono "
    "o os da do não uma com"
)
_WORD = re.compile(r"\w+")


def writes_day_first(text: str) -> bool:
    """Whether a page's numeric dates put the day first: unless its prose is English."""
    words = _WORD.findall(text.casefold())
    english = sum(w in _ENGLISH_WORDS for w in words)
    return english <= sum(w in _OTHER_WORDS for w in words)


def _numeric_date(match: re.Match, day_first: bool) -> dt.date | None:
    first, sep, second, year = int(match[1]), match[2], int(match[3]), int(match[4])
    # A day over 12 settles the order; dots are the day-first countries' separator.
    if first > 12 or (second <= 12 and (day_first or sep == ".")):
        return _date(year, second, first)
    return _date(year, first, second)


def _fast_date(text: str, day_first: bool) -> dt.date | None:
    """The common forms without dateparser, which costs milliseconds a call."""
    low = text.casefold()
    if match := _ISO.search(low):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if match := NUMERIC_YEAR_LAST.search(low):
        return _numeric_date(match, day_first)
    if (match := _EN_MDY.search(low)) and match[1][:3] in _MONTH_NUMBERS and (match[1] in MONTHS):
        return _date(int(match[3]), _MONTH_NUMBERS[match[1][:3]], int(match[2]))
    if (match := _EN_DMY.search(low)) and match[2][:3] in _MONTH_NUMBERS and (match[2] in MONTHS):
        return _date(int(match[3]), _MONTH_NUMBERS[match[2][:3]], int(match[1]))
    return None


@lru_cache(maxsize=100_000)
def parse_date(text: str, day_first: bool = False) -> dt.date | None:
    """The date a dateline states, or None. Only a date with a four-digit year is read:
    without one a parser fills in the current year, and a relative time (`3 hours ago`,
    `yesterday`) is taken out first, since a parser counts it back from today; both would
    give another date on another day. `relative_date` reads those against the capture.
    `day_first`: an ambiguous numeric date (`11/03/2025`) is read day first."""
    text = _RELATIVE.sub(" ", text)
    if not _YEAR.search(text):
        return None
    # A line giving the last update first and then the publication (`Last updated on March
    # 5, 2025 · Originally published March 3, 2025`): the publication's date is read first.
    update, published = _UPDATE_LABEL.search(text), _PUBLISHED_LABEL.search(text)
    publication = []
    if update and published and published.start() > update.start():
        publication.append(_LABEL.sub("", text[published.start() :], count=1))
    text = _LABEL.sub("", text, count=1)
    segments = [*publication, text, *(s for s in _SEGMENTS.split(text) if _YEAR.search(s))]
    # A place before the date (`Villaseca, 15 de julio de 2024`), which the parser reads
    # as part of it.
    segments += [
        s.split(",", 1)[1] for s in segments if "," in s and not _DIGIT.search(s.split(",", 1)[0])
    ]
    # The date before its time of day, when what follows the time is no date word the parser
    # knows (`9 de septiembre de 2025, 12:40 hrs.`).
    segments += [
        head
        for s in segments[:1]
        if (time := _TIME_OF_DAY.search(s)) and _YEAR.search(head := s[: time.start()])
    ]
    for segment in segments:
        found = _fast_date(segment, day_first)
        if found is None:
            parsed = dateparser.parse(
                segment, languages=_DATE_LANGUAGES, settings=_DATEPARSER_SETTINGS
            )
            found = parsed.date() if parsed else None
        if found is not None and found.year in _PLAUSIBLE_YEARS:
            return found
    return None


def relative_date(text: str, captured: dt.datetime) -> dt.date | None:
    """The date a relative dateline (`Posted 3 hours ago`, `hace 2 días`) means for a page
    captured at `captured`, None when the line states no relative time."""
    match = _RELATIVE.search(text)
    if match is None:
        return None
    base = captured.replace(tzinfo=None)
    parsed = dateparser.parse(
        match.group(), languages=_DATE_LANGUAGES, settings={"RELATIVE_BASE": base}
    )
    return parsed.date() if parsed else None
