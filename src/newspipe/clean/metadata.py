"""Metadata lines: how to recognise them and what they say.

The cleaning stage keeps metadata out of the body and into fields: the title (with a
trailing `| Site` split off into the site name), the dateline (published date), the byline
or author bio (author name), and the origin credit (registrable domain of the outlet the
story came from). `newspipe.clean.rules` lists these recognisers beside the chrome rules;
the functions here read the values out of the lines that matched, once per distinct line.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import dateparser

from newspipe.clean.publishers import PublisherDirectory, name_key

# A personal name as bylines print it: capitalised words, with the particles of Spanish,
# French, Dutch, German and Arabic names in lower case; never a sentence.
_PARTICLES = frozenset(
    {
        "de",
        "da",
        "das",
        "do",
        "dos",
        "del",
        "della",
        "di",
        "du",
        "des",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "al",
        "el",
        "bin",
        "ibn",
        "y",
        "e",
        "and",
        "und",
        "et",
        "&",
    }
)

BYLINE = re.compile(
    r"^(?:(?:written|words|story|text|report|reporting|posted|edited)\s+by|by|"
    r"por|par|von|door|escrito\s+por|publicado\s+por|rédigé\s+par|"
    r"author|autor|autora|auteur|autrice)\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
ABOUT_AUTHOR = re.compile(
    r"^(?:about|sobre|à\s+propos\s+de|a\s+propos\s+de)\s+(?P<rest>.+?)\s*:?$", re.IGNORECASE
)
AUTHOR_LINK = re.compile(
    r"^(?:(?:view|see|read|browse|more)\s+(?:all\s+)?(?:the\s+)?"
    r"(?:posts|articles|stories|news|content|work)\s+(?:by|from|of)|"
    r"(?:all\s+)?(?:posts|articles|stories)\s+by|"
    r"(?:ver|leer)\s+(?:todas\s+las\s+(?:entradas|noticias|publicaciones)|"
    r"todos\s+los\s+artículos|más\s+(?:artículos|noticias))\s+(?:de|por)|"
    r"(?:voir|lire)\s+(?:tous\s+les\s+articles|toutes\s+les\s+publications|plus)\s+(?:de|par)|"
    r"tous\s+les\s+articles\s+(?:de|par))\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
ORIGIN_CREDIT = re.compile(
    r"^(?:original(?:ly)?\s+(?:source|published|posted|appeared)(?:\s+(?:on|at|in|by))?"
    r"|(?:this|the)\s+(?:article|story|post|piece|report|column)\s+(?:was\s+|has\s+been\s+)?"
    r"(?:first|originally)\s+(?:appeared|published|posted|ran)(?:\s+(?:on|at|in|by))?"
    r"|(?:first|originally)\s+(?:appeared|published|posted)\s+(?:on|at|in|by)"
    r"|(?:republished|reprinted|reproduced)\s+(?:with\s+permission\s+)?(?:from|by|of)"
    r"|(?:sources?|fuente|fonte|quelle|via)\s*:"
    r"|publicad[oa]\s+originalmente\s+(?:en|por)"
    r"|este\s+artículo\s+(?:fue\s+)?publicado\s+originalmente\s+(?:en|por)"
    r"|cet\s+article\s+a\s+(?:d['’]abord|initialement|été\s+initialement)\s+"
    r"(?:été\s+)?publié\s+(?:sur|par|dans)"
    r"|publié\s+(?:initialement|à\s+l['’]origine)\s+(?:sur|par|dans))"
    r"\s*[:\-–—]?\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# Where a byline's name ends: a separator, a role or place after a comma, "in London".
_NAME_END = re.compile(
    r"\s*(?:[,|•·;(/]|\s[-–—]\s|[-–—]\s|\s+(?:in|for|at|en|à|para|pour|with|con|avec|on)\s+"
    r"|\s+(?:updated|published|posted)\b|\s*[→»›>]|$)",
    re.IGNORECASE,
)


def is_person_name(text: str, max_tokens: int = 6) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= max_tokens or not tokens[0][0].isupper():
        return False
    if any(ch.isdigit() for ch in text) or tokens[-1].casefold() in _PARTICLES:
        return False
    if all(t.casefold().strip(".") in DATE_WORDS for t in tokens):  # "By Monday"
        return False
    return all(t[0].isupper() or t.casefold() in _PARTICLES for t in tokens)


def _name_at_start(rest: str, max_tokens: int = 6) -> str | None:
    name = rest[: _NAME_END.search(rest).start()].strip(" .:")
    if not is_person_name(name, max_tokens):
        return None
    # "BY JANE DOE" is the same name as "By Jane Doe"; keep mixed case as written.
    return name.title() if name.isupper() and len(name) > 4 else name


def author_from_byline(text: str) -> str | None:
    match = BYLINE.match(text)
    return _name_at_start(match.group("rest")) if match else None


def author_from_about(text: str) -> str | None:
    """`About Jane Doe` heading an author bio; two to five name words, so `About Us` and
    `About the author` are not names."""
    match = ABOUT_AUTHOR.match(text)
    if not match:
        return None
    rest = match.group("rest")
    if not 2 <= len(rest.split()) <= 5:
        return None
    return _name_at_start(rest, max_tokens=5)


def author_from_link(text: str) -> str | None:
    match = AUTHOR_LINK.match(text)
    return _name_at_start(match.group("rest")) if match else None


def credit_rest(text: str) -> str | None:
    match = ORIGIN_CREDIT.match(text)
    return match.group("rest") if match else None


# Dates: a dateline is a short line made of date words, numbers and times. Dates inside
# sentences never qualify, so a body sentence mentioning a date stays body.
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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre "
    "noviembre diciembre ene abr ago dic "
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre "
    "novembre décembre decembre janv févr avr juil déc "
    "januar februar märz juni juli oktober dezember "
    "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro"
)
_WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
    "thurs fri sat sun lunes martes miércoles miercoles jueves viernes sábado sabado "
    "domingo lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag"
)
_DATE_GLUE = _words(
    "published updated posted last modified on at the of date dated am pm a.m p.m gmt utc "
    "et est edt ct cst cdt pt pst pdt bst cet cest ist jst aest hkt sgt z time "
    "publicado actualizado el de del a las los en "
    "publié publiée mis à jour le modifié à h "
    "veröffentlicht aktualisiert am um uhr"
)
MONTHS = _MONTHS
DATE_WORDS = _MONTHS | _WEEKDAYS | _DATE_GLUE
_DATE_TOKEN = re.compile(r"[^\s,|•·;()\[\]–—]+")
_NUMBER = re.compile(r"\d{1,4}(?:st|nd|rd|th|er|e|º|°)?")
_NUMERIC_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:t[\d:.z+-]*)?")
_CLOCK = re.compile(r"\d{1,2}[:h.]\d{2}(?:[:.]\d{2})?(?:am|pm|h|z)?")
_LABEL = re.compile(
    r"^(?:published|updated|posted|last\s+(?:updated|modified)|modified|publicado|"
    r"actualizado|publié|publiée|mis\s+à\s+jour|modifié|veröffentlicht|aktualisiert)\b"
    r"(?:\s+(?:on|at|el|le|am))?\s*:?\s*",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago"
    r"\b|\bhace\s+\d+\s+\w+|\bil\s+y\s+a\s+\d+\s+\w+|\b(?:yesterday|today|ayer|hoy|hier)\b",
    re.IGNORECASE,
)


def looks_like_dateline(text: str) -> bool:
    """A short line of date words and numbers holding a day of a month (or a numeric date),
    allowing one other word (a place: `BAGHDAD, Dec. 13, 2024`)."""
    tokens = [t.strip(".,:'’-") for t in _DATE_TOKEN.findall(text.casefold())]
    tokens = [t for t in tokens if t]
    if not tokens or len(tokens) > 16:
        return False
    unknown = month = number = numeric = 0
    for token in tokens:
        if _NUMERIC_DATE.fullmatch(token):
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


def labelled_dateline(text: str) -> bool:
    """`Published 5 March 2024`, `Updated: 3 hours ago`: a date after a date label."""
    match = _LABEL.match(text)
    if not match or match.end() == 0:
        return False
    rest = text[match.end() :]
    return looks_like_dateline(rest) or _RELATIVE.search(rest) is not None


def bare_dateline(text: str) -> bool:
    return looks_like_dateline(text) or (
        len(text.split()) <= 5 and _RELATIVE.search(text) is not None
    )


_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_EN_MDY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_EN_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_SEGMENTS = re.compile(
    r"\s*(?:[|•·;]|\s[-–—]\s|\b(?:updated|actualizado|mis à jour|aktualisiert)\b)\s*", re.IGNORECASE
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


def _fast_date(text: str) -> dt.date | None:
    """The common forms without dateparser, which costs milliseconds a call."""
    low = text.casefold()
    if match := _ISO.search(low):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if (match := _EN_MDY.search(low)) and match[1][:3] in _MONTH_NUMBERS and (match[1] in MONTHS):
        return _date(int(match[3]), _MONTH_NUMBERS[match[1][:3]], int(match[2]))
    if (match := _EN_DMY.search(low)) and match[2][:3] in _MONTH_NUMBERS and (match[2] in MONTHS):
        return _date(int(match[3]), _MONTH_NUMBERS[match[2][:3]], int(match[1]))
    return None


@lru_cache(maxsize=100_000)
def parse_date(text: str) -> dt.date | None:
    """The date a dateline states, or None. Only lines with a four-digit year are parsed:
    without one a parser fills in the current year, and the same input would give another
    date next year."""
    if not _YEAR.search(text):
        return None
    text = _LABEL.sub("", text, count=1)
    segments = [text, *(s for s in _SEGMENTS.split(text) if _YEAR.search(s))]
    for segment in segments:
        found = _fast_date(segment)
        if found is None:
            parsed = dateparser.parse(
                segment, languages=_DATE_LANGUAGES, settings=_DATEPARSER_SETTINGS
            )
            found = parsed.date() if parsed else None
        if found is not None and 1900 <= found.year <= 2100:
            return found
    return None


# Title and site: `Headline | Site`, `Headline - Site`.
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||::|·|•|-|–|—)\s+")


def split_title(text: str, directory: PublisherDirectory) -> tuple[str, str | None]:
    """Split a trailing site name off a title line. A pipe-like separator always splits
    (when what follows is short); a dash splits only before a known outlet or a short
    capitalised name, since headlines use dashes themselves ("Iraq - US talks resume")."""
    matches = list(_TITLE_SEPARATOR.finditer(text))
    if not matches:
        return text, None
    last = matches[-1]
    title, site = text[: last.start()].strip(), text[last.end() :].strip()
    if len(title.split()) < 2 or not site or len(site.split()) > 6:
        return text, None
    if last.group().strip() in {"-", "–", "—"}:
        capitalised = all(w[0].isupper() or not w[0].isalpha() for w in site.split())
        if not (directory.lookup(site) or (capitalised and len(site.split()) <= 4)):
            return text, None
    return title, site


# Two sentences on one line ("... its advertiser. All opinions are mine."): a headline is
# one sentence. Three lower-case letters before the stop spare abbreviations ("Gov.").
_SENTENCE_BREAK = re.compile(r"[a-z]{3,}[.!?]\s+[A-Z]")


def looks_like_title(text: str) -> bool:
    """A headline: not starting in lower case (the tail of a broken paragraph), not ending
    in a comma, semicolon or colon, not two sentences."""
    return (
        not text[0].islower()
        and not re.search(r"[,;:]$", text)
        and _SENTENCE_BREAK.search(text) is None
    )


def looks_like_masthead(text: str, directory: PublisherDirectory) -> bool:
    """A site name printed above the headline: a known outlet, or at most four capitalised
    words with no sentence punctuation."""
    if directory.lookup(text):
        return True
    words = text.split()
    return (
        len(words) <= 4
        and not re.search(r"[.!?:,;]$", text)
        and all(w[0].isupper() or not w[0].isalpha() for w in words)
    )


def credit_domain(text: str, directory: PublisherDirectory) -> str | None:
    """Registrable domain credited by an origin-credit line (or None when the line names no
    known outlet or host)."""
    rest = credit_rest(text)
    return directory.resolve_credit(rest if rest is not None else text)


def outlet_domain(text: str, directory: PublisherDirectory) -> str | None:
    """Domain of a line that is nothing but a known outlet's name (`JPost`, `AFP`)."""
    stripped = text.strip(" —–-()[]").strip()
    if not stripped or len(name_key(stripped).split()) > 6:
        return None
    return directory.lookup(stripped)
