"""Metadata lines: how to recognise them and what they say.

The cleaning stage keeps metadata out of the body and into fields: the title (with a
trailing `| Site` split off into the site name; a masthead printed in capitals is given in
the directory's spelling or title case), the dateline (published date, read by
`newspipe.clean.dates`), the byline or author bio (author name; a byline naming an agency
or a desk names no author), a blog's
`Posted on <date> by <name>` line (both), and the origin credit (registrable domain of the
outlet the story came from: only a host name in the text or an outlet in the publisher
directory gives one, never a guess from the outlet's name). `newspipe.clean.rules` lists
these recognisers beside the chrome rules; the functions here read the values out of the
lines that matched, once per distinct line.
"""

from __future__ import annotations

import re

from newspipe.clean.dates import (
    DATE_WORDS,
    MONTHS,
    is_time_of_day,
    labelled_dateline,
    looks_like_dateline,
)
from newspipe.clean.publishers import PublisherDirectory, name_key


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A personal name as bylines print it: capitalised words, with the particles of Spanish,
# French, Dutch, German and Arabic names in lower case; never a sentence.
PARTICLES = frozenset(
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
    r"^(?:(?:(?:written|words|story|text|report|reported|reporting|posted|submitted|edited|"
    r"compiled)(?:\s+(?:and|&)\s+(?:photos?|pictures))?\s+by|by|"
    r"por|par|von|door|di|escrito\s+por|publicado\s+por|rédigé\s+par|scritto\s+da|"
    r"publiée?\s+par|pubblicat[oa]\s+da|"
    # an interview's or a contribution's credit: `Propos recueillis par X`, `Ein Beitrag von X`
    r"propos\s+recueillis\s+par|entrevista\s+(?:de|por)|ein\s+(?:beitrag|artikel|bericht)\s+von|"
    r"interview(?:ed)?\s+by|intervista\s+(?:di|a\s+cura\s+di)|a\s+cura\s+di|"
    r"author|autor|autora|auteur|autrice)\s*:?\s+"
    # A role label names the writer only before a colon ("Reporter: Jane Doe", "Texto:").
    r"|(?:reporter|reportera?|reportero|periodista|journaliste|correspondent|"
    r"corresponsal|correspondante?|redakteurin|redakteur|reporterin|"
    # with the photographs credited too: `Texte et photos : Léa Roux`, `Texto y fotos:`
    r"(?:text|texto|texte|words|palabras)(?:\s+(?:and|et|y|&)\s+(?:photos?|fotos?|pictures|"
    r"images))?)\s*:\s*)(?P<rest>.+)$",
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
    "redacción redaccion rédaction redaktion redazione redação redacção bureau syndicate "
    "associated reporters "
    "correspondents contributors writers"
)
ABOUT_AUTHOR = re.compile(
    r"^(?:about|sobre|à\s+propos\s+de|a\s+propos\s+de|über)\s+(?P<rest>.+?)\s*:?$", re.IGNORECASE
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
    r"|(?:(?:this|the)\s+)?(?:article|story|post|piece|report|column)\s+"
    r"(?:was\s+|has\s+been\s+)?(?:first|originally)\s+(?:appeared|published|posted|ran)"
    r"(?:\s+(?:on|at|in|by))?"
    # `A version of this story appeared in X`, `Read the original article at X`
    r"|an?\s+(?:version|earlier\s+version)\s+of\s+this\s+(?:article|story|post|piece)\s+"
    r"(?:first\s+|originally\s+)?(?:appeared|was\s+published|ran)\s+(?:on|at|in|by)"
    r"|read\s+the\s+original\s+(?:article|story|post|piece)\s+(?:on|at|in)"
    r"|(?:first|originally)\s+(?:appeared|published|posted)\s+(?:on|at|in|by)"
    r"|(?:(?:this|the)\s+(?:article|story|post|piece|report|column)\s+(?:is|was|has\s+been)\s+)?"
    r"(?:republished|reprinted|reproduced)\s+(?:with\s+permission\s+)?(?:from|by|of)"
    # a story rewritten from another outlet's: "This briefing adapts reporting by X",
    # "Adapted from a report by X", "Basado en información de X", "Adapté d'un article de X"
    r"|(?:(?:this|the)\s+(?:article|story|post|piece|report|briefing|newsletter|summary)\s+"
    r"(?:adapts|draws\s+on|is\s+(?:adapted|based|drawn)\s+(?:from|on))|adapted\s+from|"
    r"based\s+on)\s+(?:original\s+)?(?:reporting|an?\s+(?:report|article|story)|reports?)"
    r"\s+(?:by|from|in|of)"
    r"|(?:basad[oa]|adaptad[oa])\s+en\s+(?:información|una\s+información|un\s+artículo)\s+de"
    r"|adapté\s+d['’]un\s+(?:article|reportage)\s+(?:de|du|paru\s+dans)"
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
    r"|\s+(?:updated|published|posted)\b|\s*[→»›>]|$"
    # a date straight after the name (`By Jane Doe Jan 21, 2025`)
    rf"|\s+(?=(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b\.?\s*\d)"
    # ... or in figures (`By Jane Doe 2025-01-21T09:30:00Z`, `By Jane Doe 21/01/2025`)
    r"|\s+(?=\d{4}-\d{2}-\d{2}(?:\b|T)|\d{1,2}[./]\d{1,2}[./]\d{2,4}\b))",
    re.IGNORECASE,
)


def _org_word(token: str) -> bool:
    return token.casefold().strip(".,") in ORG_WORDS


# Longest name a byline gives (`María de los Ángeles García Ruiz`); longer runs of
# capitalised words are a headline. A name alone on a line (no "By") is held to fewer, an
# "About X" heading to five, since short capitalised lines are often section labels.
_NAME_MAX_WORDS = 6
_BARE_NAME_MAX_WORDS = 4
_ABOUT_NAME_MAX_WORDS = 5


# Words no personal name is made of: determiners and pronouns, and the verbs and nouns of
# a page's controls and media (`About the Author`, `Get It`, `Enlarge Image`, `Print
# Edition`, `By Any Means Necessary`, `Open Menu`, `Advertise With Us`, `Contact X`).
_NOT_NAME_WORDS = _words(
    "the a an our your my his its their this that these those it we you any all more most "
    "no not by get read see view click watch listen follow share enlarge print edition image "
    "images photo photos video videos gallery about notices open menu advertise contact "
    "subscribe login browser "
    "nuestro nuestra notre nos votre vos unser unsere"
)


def is_person_name(text: str, max_tokens: int = _NAME_MAX_WORDS) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= max_tokens or not tokens[0][0].isupper():
        return False
    if any(t.casefold() in _NOT_NAME_WORDS for t in tokens):
        return False
    if any(ch.isdigit() for ch in text) or tokens[-1].casefold() in PARTICLES:
        return False
    if all(t.casefold().strip(".") in DATE_WORDS for t in tokens):  # "By Monday"
        return False
    if any(_org_word(t) for t in tokens):  # "By Northwind Press", "Sports Desk"
        return False
    return all(t[0].isupper() or t.casefold() in PARTICLES for t in tokens)


def is_organisation_name(text: str, max_tokens: int = _NAME_MAX_WORDS) -> bool:
    """Capitalised words naming an outlet or agency by a newsroom word ("Northwind Press",
    "Northern Wire Service"); a desk ("Sports Desk") counts too."""
    tokens = text.split()
    return (
        1 <= len(tokens) <= max_tokens
        and tokens[0][0].isupper()
        and any(_org_word(t) for t in tokens)
        and all(t[0].isupper() or t.casefold() in PARTICLES for t in tokens)
    )


# A name standing alone on a line (a byline without "By"): two to four capitalised words,
# letters, dots, apostrophes and hyphens only.
# A two-word name the GeoNames gazetteer knows as a country, a US state or a city of this
# size (`New York`, `Buenos Aires`) is a place; smaller towns share names with people.
_PLACE_MIN_POPULATION = 15000
_BARE_NAME = re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){1,3}$")


# Words of newspapers' names (`Greyhaven Mercury`, `The Eastern Courier`, `Kornauer
# Tageblatt`): a capitalised pair holding one, or starting with "The", is a masthead, not a
# writer's name standing alone.
_OUTLET_WORDS = _words(
    "gazette times herald post chronicle tribune journal observer express mail star daily "
    "weekly today echo record telegraph standard sentinel examiner ledger bulletin mirror "
    "independent guardian review voice dispatch register inquirer monitor leader argus "
    "clarion courant courier mercury advertiser gleaner banner beacon globe citizen "
    "messenger pioneer informer digest magazine online diario gaceta heraldo correo voz "
    "crónica periódico noticiero courrier dépêche républicain écho zeitung tageblatt "
    "anzeiger kurier rundschau nachrichten bote allgemeine jornal folha gazzetta corriere"
)


def bare_name(text: str) -> str | None:
    """The text itself when it is nothing but a person's name (`Jane Doe`), not an
    outlet's (`The Eastern Courier`, `Greyhaven Mercury`)."""
    if not _BARE_NAME.match(text) or not is_person_name(text, max_tokens=_BARE_NAME_MAX_WORDS):
        return None
    if names_an_outlet(text) or any(t.casefold() in _ROLE_WORDS for t in text.split()):
        return None  # `The Eastern Courier`, `Opinion Columnist`
    return _as_written(text)


# Two writers named without "By": `Jane Doe and John Roe`, `Ana Ruiz y Luis Gil`.
_TWO_NAMES = re.compile(r"^(?P<first>.+?)\s+(?P<glue>and|&|y|et|und|e)\s+(?P<second>.+)$", re.I)


def _bare_names(text: str) -> str | None:
    pair = _TWO_NAMES.match(text)
    if pair is None:
        return bare_name(text)
    first, second = bare_name(pair["first"]), bare_name(pair["second"])
    return f"{first} {pair['glue'].lower()} {second}" if first and second else None


NEWSLETTER_NAME_MAX_WORDS = 6


def name_shaped(text: str) -> bool:
    """Two to six words in capitals or each capitalised but for particles and small
    words, with no sentence punctuation: shaped like a name (`Applegarth Village
    Newsletter`, `THE MORNING BRIEFING`), not like a prompt (`Get our newsletter`)."""
    words = text.split()
    if not 2 <= len(words) <= NEWSLETTER_NAME_MAX_WORDS or re.search(r"[.!?:;,]", text):
        return False
    if text.isupper():
        return True
    small = PARTICLES | _NAME_SMALL_WORDS
    return all(w[0].isupper() or w.casefold() in small for w in words) and words[0][0].isupper()


_NAME_SMALL_WORDS = frozenset({"of", "the", "for", "from", "and", "on", "in", "at", "to", "a"})


def has_outlet_word(text: str) -> bool:
    return any(t.casefold().strip(".,:") in _OUTLET_WORDS for t in text.split())


def names_an_outlet(text: str) -> bool:
    """Capitalised words shaped like a newspaper's name rather than a person's: starting
    with "The" or holding a word of newspapers' names (`Greyhaven Mercury`)."""
    return text.split()[0].casefold() == "the" or has_outlet_word(text)


# A writer named without "By", their role or affiliation after a comma, bar, slash or dash:
# `Jane Doe, Staff Writer`, `Ana Ruiz / Corresponsal`, `Élodie Marchand, correspondante`,
# `Olivia Prentice, University of Carrow`. A role holds one of these newsroom words.
_ROLE_WORDS = _words(
    "correspondent correspondents reporter reporters writer writers editor columnist "
    "contributor contributing journalist critic reviewer blogger staff corresponsal "
    "redactor redactora periodista columnista enviado enviada colaborador colaboradora "
    "correspondant correspondante journaliste rédacteur rédactrice envoyé envoyée "
    "chroniqueur chroniqueuse korrespondent korrespondentin redakteur redakteurin "
    "reporterin autorin correspondente repórter redator jornalista colunista "
    "corrispondente inviato inviata giornalista"
)
_NAME_THEN_ROLE = re.compile(r"^(?P<name>[^,|/–—]+?)\s*(?:[,|/–—]|\s-\s)\s*(?P<role>[^,|/]+?)\.?$")
# An affiliation or role runs to six words (`Senior Health and Science Correspondent`).
_ROLE_MAX_WORDS = 6
# So a name with its affiliation is at most this long.
BARE_BYLINE_MAX_WORDS = _BARE_NAME_MAX_WORDS + _ROLE_MAX_WORDS


def _name_and_role(text: str) -> tuple[str, str] | None:
    match = _NAME_THEN_ROLE.match(text)
    if match is None or len(match["role"].split()) > _ROLE_MAX_WORDS:
        return None
    return match["name"].strip(), match["role"]


def _role_byline(text: str) -> str | None:
    """The writer of a line naming them with a newsroom role (`Jane Doe, Staff Writer`)."""
    split = _name_and_role(text)
    if split is None or not any(w.casefold().strip(".()") in _ROLE_WORDS for w in split[1].split()):
        return None
    return _name_at_start(split[0])


def bare_byline(text: str) -> str | None:
    """The writer of a line that names one without "By": a name alone (`Jane Doe`), or
    before a role or a capitalised affiliation (`Olivia Prentice, University of Carrow`),
    or before a newsroom role with no separator (`Jane Doe Transport correspondent`)."""
    name = _bare_names(text)
    if name is not None:
        return name
    split = _name_and_role(text)
    if split is None:
        return _name_before_role(text)
    if not (split[1][:1].isupper() or _role_byline(text)):
        return None
    return _bare_names(split[0])


# Words a newsroom role is made of besides its role word (`Senior Transport correspondent`):
# ranks and beats.
_ROLE_QUALIFIERS = _words(
    "senior chief deputy special staff political politics economics economy business home "
    "foreign diplomatic transport health education science technology environment climate "
    "energy crime courts legal security local rural city county regional sport sports arts "
    "culture music film food travel motoring property"
)


def _name_before_role(text: str) -> str | None:
    """`Jane Doe Transport correspondent`: the name before a trailing role that ends in a
    newsroom role word and is otherwise made of a beat's or a rank's words."""
    words = text.split()
    if len(words) < 3 or words[-1].casefold() not in _ROLE_WORDS:
        return None
    start = len(words) - 1
    while start > 2 and (words[start - 1].casefold() in _ROLE_QUALIFIERS):
        start -= 1
    return bare_name(" ".join(words[:start]))


def _name_at_start(rest: str, max_tokens: int = _NAME_MAX_WORDS) -> str | None:
    name = rest[: _NAME_END.search(rest).start()].strip(" .:")
    if not is_person_name(name, max_tokens):
        return None
    return _as_written(name)


def _as_written(name: str) -> str:
    """`BY JANE DOE AND JOHN ROE` names Jane Doe and John Roe; mixed case stays as written."""
    if not (name.isupper() and len(name) > 4):
        return name
    return " ".join(t.lower() if t.casefold() in PARTICLES else t.title() for t in name.split())


# Two writers joined in the byline's language (`Ana Ruiz y Luis Gil`, `Léa Roux et Marc Blin`).
_WRITERS_GLUE = re.compile(r"\s+(?:y|e|et|und|&)\s+")


def joined_writers(name: str) -> str:
    """Two writers' names joined with `and`, as the author field writes them whatever the
    byline's language; a name holding the word itself (`José Ortega y Gasset`: one name on
    one side) stays as it is."""
    parts = _WRITERS_GLUE.split(name)
    if len(parts) != 2 or min(len(p.split()) for p in parts) < 2:
        return name
    return " and ".join(parts)


def author_from_byline(text: str) -> str | None:
    """The writer a byline names: after "By" or a role label, or before a newsroom role."""
    match = BYLINE.match(text)
    return _name_at_start(match.group("rest")) if match else _role_byline(text)


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


# A desk or the newsroom in place of a writer: `By Gazette staff and agencies`, `By Staff
# Reporter`, `Redacción`,
# `Gazette newsroom`, `News Team`.
_NEWSROOM = re.compile(
    r"^(?:(?i:by|por|par|von)\s+)?(?:(?i:the|la|le|el|die|der)\s+)?(?:[A-ZÀ-Þ][\w&'’.-]*\s+){0,4}?(?i:staff(?:\s+(?:and|&)\s+"
    r"agencies|\s+(?:reporters?|writers?|correspondents?))?|agencies|newsroom|news\s*desk|desk|(?:editorial\s+)?team|editors|redacción|"
    r"rédaction|redaktion|redazione|redação|redacção)\.?$"
)


def newsroom_byline(text: str) -> bool:
    return _NEWSROOM.match(text) is not None


_BY_PREFIX = re.compile(r"^(?i:by|por|par|von)\s")
_NEWSROOM_UNITS = _words("desk newsroom team")


def newsroom_name(text: str) -> bool:
    """A newsroom unit named alone in title case (`Linwood Sports Desk`, `Valley
    Newsroom`): under a headline it is a byline naming no author, but on a page's first
    line, above the headline, it is the site's masthead."""
    words = text.split()
    return (
        len(words) >= 2
        and words[-1].casefold().strip(".") in _NEWSROOM_UNITS
        and all(w[0].isupper() for w in words)
        and not _BY_PREFIX.match(text)
        and newsroom_byline(text)
    )


def newsroom_credit(text: str) -> bool:
    """A newsroom byline other than a unit's bare name (`By Staff Reporter`, `Redacción`)."""
    return newsroom_byline(text) and not newsroom_name(text)


def staff_credit(text: str) -> bool:
    return STAFF_CREDIT.match(text) is not None


def author_from_about(text: str) -> str | None:
    """`About Jane Doe` heading an author bio; two to five name words, so `About Us` and
    `About the author` are not names."""
    match = ABOUT_AUTHOR.match(text)
    if not match:
        return None
    rest = match.group("rest")
    if not 2 <= len(rest.split()) <= _ABOUT_NAME_MAX_WORDS:
        return None
    return _name_at_start(rest, max_tokens=_ABOUT_NAME_MAX_WORDS)


def author_from_link(text: str) -> str | None:
    match = AUTHOR_LINK.match(text)
    return _name_at_start(match.group("rest")) if match else None


def credit_rest(text: str) -> str | None:
    """What an origin credit names; a date after a cue that names no one (`First published
    on Tue 21 Jan 2025`, `Originally Published: Jan 21, 2025`) makes the line a dateline
    instead."""
    match = ORIGIN_CREDIT.match(text)
    if match is None:
        return None
    cue = text[: match.start("rest")]
    naming = re.search(r"\b(?:by|in|from|of|por|par|en|de)\W*$", cue, re.IGNORECASE)
    if not naming and looks_like_dateline(match["rest"]):
        return None
    return match["rest"]


# A blog's post line joins the date, the writer and a comment count: `September 9, 2025 by
# Jane Doe`, `Posted on 2 May 2025 by Jane Doe`, `Posted by Jane Doe | May 2, 2025 | 4
# comments`, `Jane Doe — 2 May 2025`. Split on separators (a bar, a dot, a spaced dash),
# each segment must be a date, a byline, a date followed by a byline, or a counter.
_STRIP_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+")
_DATE_THEN_BY = re.compile(r"^(?P<date>.+?)\s+(?:by|por|par|von|door)\s+(?P<rest>\S.*)$", re.I)
# `Posted by Jane Doe on May 2, 2025`, `Por Ana Ruiz el 2 de mayo de 2025`
_BY_THEN_DATE = re.compile(r"^(?P<by>.+?)\s+(?:on|el|le|am|il)\s+(?P<date>\S.*)$", re.I)
# ... a blog's post line ends with the post's category (`… le 13 mars 2025 dans Vie locale`,
# `… on May 2, 2025 in Local News`)
_FILED_IN = re.compile(r"\s+(?:in|dans|en|em|nella|nel|im)\s+[A-ZÀ-Þ][^,|]*$")
_COUNTER = re.compile(
    r"^(?:\d+|no)\s+(?:comments?|replies|responses|comentarios?|commentaires?|kommentare?|"
    r"views?|min(?:ute)?s?(?:\s+read)?)$",
    re.IGNORECASE,
)


# Such a line holds a digit and a byline cue or a separator.
_DATED_BYLINE_HINT = re.compile(
    r"\d.*?(?:\b(?:by|por|par|von|door)\b|[|•·]|\s[-–—]\s)|(?:[|•·]|\s[-–—]\s).*?\d|"
    r"\b(?:by|por|par|von)\b.*?\d",
    re.I,
)


def _is_date(text: str) -> bool:
    return labelled_dateline(text) or looks_like_dateline(text)


def _date_after_name(rest: str) -> bool:
    """`Jane Doe Jan 21, 2025`: the byline's name runs straight into a date."""
    tail = rest[_NAME_END.search(rest).start() :].strip(" ,|-–—")
    return bool(tail) and _is_date(tail)


def dated_byline(text: str) -> tuple[str | None] | None:
    """`(author,)` for a line joining a date and a byline (author None for a newsroom or
    agency byline), None for any other line. The byline may be a bare name beside the date
    (`May 2, 2025 | Jane Doe`)."""
    if not _DATED_BYLINE_HINT.search(text):  # most lines: skip the segment checks
        return None
    dated = bylined = False
    author = bare = None
    for segment in filter(None, _STRIP_SEPARATOR.split(text)):
        by_then_date = _BY_THEN_DATE.match(segment)
        if (
            by_then_date
            and BYLINE.match(by_then_date["by"])
            and _is_date(_FILED_IN.sub("", by_then_date["date"]))
        ):
            dated = bylined = True
            author = author or author_from_byline(by_then_date["by"])
            continue
        date_then_by = _DATE_THEN_BY.match(segment)
        writer = _name_at_start(date_then_by["rest"]) if date_then_by else None
        # A relative time reads as a date whatever follows it (`Posted 3 hours ago by Jane
        # Doe`): a name after "by" is looked for first.
        if writer and _is_date(date_then_by["date"]):
            dated = bylined = True
            author = author or writer
        elif _is_date(segment):
            dated = True
        elif dated and is_time_of_day(segment):  # `Jane Doe | 30.05.2025 | 13:15`
            continue
        elif byline := BYLINE.match(segment):
            bylined = True
            author = author or author_from_byline(segment)
            dated = dated or _date_after_name(byline["rest"])
        elif date_then_by and _is_date(date_then_by["date"]):
            dated = bylined = True
        elif bare is None and (name := bare_name(segment)):
            if _is_place(name):
                return None  # `New York — March 5, 2024`: a place's dateline
            bare = name
        elif not _COUNTER.match(segment):
            return None
    if dated and bare and not bylined:
        return (bare,)
    return (author,) if dated and bylined and not bare else None


def _is_place(name: str) -> bool:
    # The gazetteer is the entity step's, imported when a line first needs it: cleaning
    # alone has no use for the spaCy modules that come with it.
    from newspipe.enrich.canonical.places import place_id

    return place_id(name, _PLACE_MIN_POPULATION) is not None


def place_dateline(text: str) -> bool:
    """A dateline with its place in a segment of its own (`New York — March 5, 2024`,
    `Buenos Aires | 5 March 2024`): a place the gazetteer knows, and dates."""
    segments = list(filter(None, _STRIP_SEPARATOR.split(text)))
    if len(segments) < 2 or not _is_date(segments[-1]):
        return False
    places = [s for s in segments if not _is_date(s)]
    return len(places) == 1 and _is_place(_as_written(places[0]))


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
