"""Metadata lines: how to recognise them and what they say.

The cleaning stage keeps metadata out of the body and into fields: the title (with a
trailing `| Site` split off into the site name; a masthead printed in capitals is given in
the directory's spelling or title case), the dateline (published date), the byline or
author bio (author name; a byline naming an agency or a desk names no author), a blog's
`Posted on <date> by <name>` line (both), and the origin credit (registrable domain of the
outlet the story came from: only a host name in the text or an outlet in the publisher
directory gives one, never a guess from the outlet's name). `newspipe.clean.rules` lists
these recognisers beside the chrome rules; the functions here read the values out of the
lines that matched, once per distinct line.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import dateparser

from newspipe.clean.publishers import PublisherDirectory, name_key


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
    r"^(?:(?:(?:written|words|story|text|report|reporting|posted|edited)\s+by|by|"
    r"por|par|von|door|escrito\s+por|publicado\s+por|rédigé\s+par|"
    r"author|autor|autora|auteur|autrice)\s*:?\s+"
    # A role label names the writer only before a colon ("Reporter: Jane Doe").
    r"|(?:reporter|reportera?|reportero|periodista|journaliste|correspondent|"
    r"corresponsal|correspondante?|redakteurin|redakteur|reporterin)\s*:\s*)(?P<rest>.+)$",
    re.IGNORECASE,
)
# Other people credited in the header ("Editor: Jane Doe", "Graphics by John Roe"):
# metadata, but not the author. Photo credits are captions (`newspipe.clean.rules`).
STAFF_CREDIT = re.compile(
    r"^(?:editor|editora?|edición|rédaction\s+en\s+chef|éditeur|éditrice|redaktion|"
    r"(?:graphics?|gráficos?|translation|traducción|traduction|übersetzung|producer|"
    r"productor|producteur)"
    r"(?:\s+(?:by|por|par|von))?)\s*:?\s+(?P<rest>[A-ZÀ-Þ].*)$",
    re.IGNORECASE,
)
# Words that make a byline's name an organisation or a desk, not a person: "By Northwind
# Press", "Sports Desk", "Redacción". Generic kinds of newsroom, in en/es/fr/de.
ORG_WORDS = _words(
    "press presse prensa wire wires agency agencies agencia agence agentur news noticias "
    "nouvelles nachrichten media medias médias medien group grupo groupe gruppe network "
    "service services servicio team equipo équipe staff desk newsroom editorial editors "
    "redacción redaccion rédaction redaktion bureau syndicate associated reporters "
    "correspondents contributors writers"
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


def _org_word(token: str) -> bool:
    return token.casefold().strip(".,") in ORG_WORDS


def is_person_name(text: str, max_tokens: int = 6) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= max_tokens or not tokens[0][0].isupper():
        return False
    if any(ch.isdigit() for ch in text) or tokens[-1].casefold() in _PARTICLES:
        return False
    if all(t.casefold().strip(".") in DATE_WORDS for t in tokens):  # "By Monday"
        return False
    if any(_org_word(t) for t in tokens):  # "By Northwind Press", "Sports Desk"
        return False
    return all(t[0].isupper() or t.casefold() in _PARTICLES for t in tokens)


def is_organisation_name(text: str, max_tokens: int = 6) -> bool:
    """Capitalised words naming an outlet or agency by a newsroom word ("Northwind Press",
    "Northern Wire Service"); a desk ("Sports Desk") counts too."""
    tokens = text.split()
    return (
        1 <= len(tokens) <= max_tokens
        and tokens[0][0].isupper()
        and any(_org_word(t) for t in tokens)
        and all(t[0].isupper() or t.casefold() in _PARTICLES for t in tokens)
    )


# A name standing alone on a line (a byline without "By"): two to four capitalised words,
# letters, dots, apostrophes and hyphens only.
_BARE_NAME = re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){1,3}$")


def bare_name(text: str) -> str | None:
    """The text itself when it is nothing but a person's name (`Jane Doe`)."""
    if not _BARE_NAME.match(text) or not is_person_name(text, max_tokens=4):
        return None
    return text.title() if text.isupper() and len(text) > 4 else text


def _name_at_start(rest: str, max_tokens: int = 6) -> str | None:
    name = rest[: _NAME_END.search(rest).start()].strip(" .:")
    if not is_person_name(name, max_tokens):
        return None
    # "BY JANE DOE" is the same name as "By Jane Doe"; keep mixed case as written.
    return name.title() if name.isupper() and len(name) > 4 else name


def author_from_byline(text: str) -> str | None:
    match = BYLINE.match(text)
    return _name_at_start(match.group("rest")) if match else None


def credit_from_byline(text: str) -> str | None:
    """`By Northwind Press`, `Reporting by Northern Wire.`: a byline naming an agency or
    outlet, which credits the story's origin rather than an author; returns the name."""
    match = BYLINE.match(text)
    if not match:
        return None
    rest = match.group("rest")
    name = rest[: _NAME_END.search(rest).start()].strip(" .:")
    desk = any(t.casefold() in {"team", "equipo", "équipe", "staff", "desk"} for t in name.split())
    return name if is_organisation_name(name) and not desk else None


# A desk or the newsroom in place of a writer: `By Gazette staff and agencies`, `Redacción`,
# `Gazette newsroom`, `News Team`.
_NEWSROOM = re.compile(
    r"^(?:(?i:by|por|par|von)\s+)?(?:[A-ZÀ-Þ][\w&'’.-]*\s+){0,4}?(?i:staff(?:\s+(?:and|&)\s+"
    r"agencies)?|agencies|newsroom|news\s*desk|desk|(?:editorial\s+)?team|editors|redacción|"
    r"rédaction|redaktion|redazione)\.?$"
)


def newsroom_byline(text: str) -> bool:
    return _NEWSROOM.match(text) is not None


def staff_credit(text: str) -> bool:
    return STAFF_CREDIT.match(text) is not None


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


def _relative_timestamp(text: str) -> bool:
    """`3 hours ago`, `Today, 10:30`: a relative time and nothing but date words, so that a
    name such as `Coastal Today` is no timestamp."""
    if len(text.split()) > 5 or _RELATIVE.search(text) is None:
        return False
    rest = _RELATIVE.sub(" ", text.casefold())
    tokens = [t.strip(".,:'’-") for t in _DATE_TOKEN.findall(rest)]
    return all(
        not t or t in DATE_WORDS or _CLOCK.fullmatch(t) or _NUMBER.fullmatch(t) for t in tokens
    )


def bare_dateline(text: str) -> bool:
    return looks_like_dateline(text) or _relative_timestamp(text)


# A blog's post line joins the date, the writer and a comment count: `September 9, 2025 by
# Jane Doe`, `Posted on 2 May 2025 by Jane Doe`, `Posted by Jane Doe | May 2, 2025 | 4
# comments`. Split on separators, each segment must be a date, a byline, a date followed
# by a byline, or a counter.
_STRIP_SEPARATOR = re.compile(r"\s*[|•·]\s*")
_DATE_THEN_BY = re.compile(r"^(?P<date>.+?)\s+(?:by|por|par|von|door)\s+(?P<rest>\S.*)$", re.I)
_COUNTER = re.compile(
    r"^(?:\d+|no)\s+(?:comments?|replies|responses|comentarios?|commentaires?|kommentare?|"
    r"views?|min(?:ute)?s?(?:\s+read)?)$",
    re.IGNORECASE,
)


# Such a line holds a digit and a byline cue or a separator.
_DATED_BYLINE_HINT = re.compile(r"\d.*?(?:\b(?:by|por|par|von|door)\b|[|•·])|[|•·].*?\d", re.I)


def _is_date(text: str) -> bool:
    return labelled_dateline(text) or looks_like_dateline(text)


def dated_byline(text: str) -> tuple[str | None] | None:
    """`(author,)` for a line joining a date and a byline (author None for a newsroom or
    agency byline), None for any other line."""
    if not _DATED_BYLINE_HINT.search(text):  # most lines: skip the segment checks
        return None
    dated = bylined = False
    author = None
    for segment in filter(None, _STRIP_SEPARATOR.split(text)):
        if _is_date(segment):
            dated = True
        elif BYLINE.match(segment):
            bylined = True
            author = author or author_from_byline(segment)
        elif (match := _DATE_THEN_BY.match(segment)) and _is_date(match["date"]):
            dated = bylined = True
            author = author or _name_at_start(match["rest"])
        elif not _COUNTER.match(segment):
            return None
    return (author,) if dated and bylined else None


_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_EN_MDY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_EN_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_SEGMENTS = re.compile(
    r"\s*(?:[|•·;]|\s[-–—]\s|\b(?:updated|actualizado|mis à jour|aktualisiert|by|por|par|von)\b)"
    r"\s*",
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


# Words a name in title case keeps in lower case (after its first word).
_SMALL_WORDS = _PARTICLES | _words(
    "of the for on in at to a an les los las lo il der die das im am auf zu"
)
_VOWELS = frozenset("aeiouyàáâäèéêëìíîïòóôöùúûüæøå")


def _title_case_word(word: str, first: bool) -> str:
    low = word.casefold()
    if not first and low in _SMALL_WORDS:
        return low
    letters = [c for c in low if c.isalpha()]
    # An acronym stays in capitals: two letters (`UK`), or no vowel (`BBC`, `NRK`).
    if low not in _SMALL_WORDS and (len(letters) <= 2 or not _VOWELS.intersection(letters)):
        return word
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def site_display(text: str, directory: PublisherDirectory) -> str:
    """The site name a reader would write for a masthead: as printed, except that a masthead
    printed in capitals is given as the directory spells it, or else in title case
    (`THE HARBOUR GAZETTE` -> `The Harbour Gazette`)."""
    if not text.isupper():
        return text
    printed = directory.printed_name(text)
    if printed:
        return printed
    return " ".join(_title_case_word(w, i == 0) for i, w in enumerate(text.split()))


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
