"""Titles and site names: the headline line, its site suffix, mastheads and taglines.

Part of reading the metadata lines (`newspipe.clean.metadata`): a headline line may carry
the site's name after a separator (`Headline | Site`, `Headline - Site`), sections between
them (`Headline | Energy | Site`); a masthead prints the site's name above the headline,
perhaps in capitals or with its motto; a tagline is a motto, not a name. The header reading
(`newspipe.clean.header`) decides by position which lines these are; the functions here
decide from a line's text.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from newspipe.clean.metadata import PARTICLES, has_outlet_word
from newspipe.clean.publishers import PublisherDirectory


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A site's name runs to six words at most (`The Harbour Gazette and Evening News`); after a
# dash, where headlines carry dashes of their own, to four. A masthead above a headline is
# at most four words (five with a newspaper word, in capitals or with small words), a
# motto two to eight.
SITE_MAX_WORDS = 6
_DASHSITE_MAX_WORDS = 4
_MASTHEAD_MAX_WORDS = 4
_LONG_MASTHEAD_MAX_WORDS = 5
_MOTTO_WORDS = range(2, 9)

# Title and site: `Headline | Site`, `Headline - Site`.
# A guillemet separates only when none closes it (`Headline « Site`, not `« quoted »`).
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||::|·|•|~|-|–|—|«(?!.*»))\s+")
_PIPE = re.compile(r"\s+(?:\||::|·|•|~|«(?!.*»))\s+")
# A section named between the headline and the site (`Headline | Energy | Site`, `Headline
# | Editorial | Opinion | Site`) is a short capitalised segment.
_SECTION_SEGMENT_MAX_WORDS = 3

# Sections sites file stories under, as kickers, breadcrumbs and title affixes print them
# (`Local News`, `Arts & Culture`, `Opinion | Headline`), in en/es/fr/de/pt/it.
_SECTION_WORDS = _words(
    "home news local world national international regional politics business economy markets "
    "money finance sport sports football opinion opinions editorial editorials comment "
    "analysis columns columnists letters health science tech technology education "
    "environment climate weather transport transportation travel culture arts "
    "entertainment lifestyle life style food music film movies tv media crime courts "
    "justice obituaries community features breaking latest top stories us u.s. uk europe "
    "asia africa americas live video videos photos gallery podcast podcasts property "
    "motoring cars energy agriculture farming jobs religion society nation metro region "
    "elections government security defence defense law tourism "
    "noticias nacional mundo política economía sociedad deportes cultura opinión sucesos "
    "tecnología ciencia salud educación espectáculos actualidad región portada local "
    "actualités actualité monde politique économie société faits divers faits-divers santé "
    "éducation transports sciences environnement "
    "nachrichten politik wirtschaft kultur meinung lokales panorama wissen gesundheit reise "
    "ausland inland welt "
    "notícias economia esportes desporto opinião cronaca esteri politica"
)
_SECTION_GLUE = _words("& and y et und e")


def is_section_name(text: str) -> bool:
    """A section's name (`Local News`, `Arts & Culture`, `Politique`), or a menu of them
    (`Home News Sport Business`): newsroom section words only, which no headline is made
    of."""
    words = [w.casefold().strip(".,:") for w in text.split()]
    return (
        len(words) >= 1
        and any(w in _SECTION_WORDS for w in words)
        and all(w in _SECTION_WORDS or w in _SECTION_GLUE for w in words)
    )


def _without_sections(title: str) -> str:
    """The headline without the sections printed before it (`Opinion | Headline`) or
    between it and the site's name (`Headline | Editorial | Opinion`)."""
    while (match := _last(_PIPE, title)) and len(title[: match.start()].split()) >= 2:
        segment = title[match.end() :]
        if len(segment.split()) > _SECTION_SEGMENT_MAX_WORDS or not segment[:1].isupper():
            break
        title = title[: match.start()].rstrip()
    first = _PIPE.search(title)
    if first and is_section_name(title[: first.start()]) and len(title[first.end() :].split()) >= 2:
        title = title[first.end() :].lstrip()
    return title


def _last(pattern: re.Pattern, text: str) -> re.Match | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


def split_title(text: str, directory: PublisherDirectory) -> tuple[str, str | None]:
    """Split a trailing site name off a title line: (title, site). A pipe-like separator
    always splits (when what follows is short); a dash splits only before a known outlet, a
    host name or a short capitalised name, since headlines use dashes themselves ("Iraq - US talks
    resume"). What follows must read as a name (`looks_like_site_name`): a tagline
    (`| News that matters to you`) or a control (`| Subscribe`, `- 23 comments`) is split
    off the title but names no site, as is a section (`| Opinion`); sections between the
    headline and the site or before the headline are dropped (`_without_sections`)."""
    last = _last(_TITLE_SEPARATOR, text)
    if last is None:
        return text, None
    title, site = text[: last.start()].strip(), text[last.end() :].strip()
    if len(title.split()) < 2 or not site or len(site.split()) > SITE_MAX_WORDS:
        return _without_sections(text), None
    if _control(site) or is_section_name(site):  # `| Subscribe`, `- 23 comments`, `| Opinion`
        return _without_sections(title), None
    named = looks_like_site_name(site, directory)
    if last.group().strip() in {"-", "–", "—"}:
        capitalised = all(_name_word(w) for w in site.split()[1:]) and (
            site[0].isupper() or not site[0].isalpha()
        )
        if not (
            directory.lookup(site)
            or is_host_name(site)
            or (capitalised and named and len(site.split()) <= _DASHSITE_MAX_WORDS)
        ):
            return _without_sections(text), None
    return _without_sections(title), site if named else None


# Words of a page's controls and counters, which no site is named by.
_CONTROL_WORDS = _words(
    "subscribe subscribers subscription login log sign register menu search share home "
    "comments comment replies reply newsletter account suscríbete comentarios "
    "abonnez-vous commentaires abonnieren kommentare "
    # links to a site's other services and settings (`Watch Live`, `E-Paper`, `Manage
    # Account`, `Skip Navigation`), and its language switch (`Español`)
    "watch listen live e-paper epaper e-edition classifieds advertise advertising digital "
    "print access manage skip navigation open close alerts weather tips español english "
    "français deutsch português"
)


def _control(text: str) -> bool:
    """A control or a counter (`Subscribe`, `Sign in`, `23 comments`)."""
    words = [w.casefold().strip(".,:!()[]") for w in text.split()]
    return any(w in _CONTROL_WORDS for w in words) and all(
        w in _CONTROL_WORDS or w.isdigit() or w in {"in", "up", "out", "to", "now"} for w in words
    )


def looks_like_site_name(text: str, directory: PublisherDirectory) -> bool:
    """A site's name: a known outlet, a host name, or up to six capitalised words (small
    words and particles aside) that are no control or counter; a tagline (`News that
    matters to you`) has lower-case words of its own, the rest of a headline a conjunction
    first."""
    if directory.lookup(text) or _HOST.fullmatch(text.strip()):
        return True
    words = text.split()
    if not 1 <= len(words) <= SITE_MAX_WORDS or _control(text) or re.search(r"[.!?:,;]$", text):
        return False
    if any(w.isdigit() for w in words) or words[0].casefold() in _CLAUSE_OPENERS:
        return False
    return words[0][0].isupper() and all(_name_word(w.casefold(), w) for w in words[1:])


# Words that open the second half of a headline, never a site's name (`Headline — And
# They're Not Great`).
_CLAUSE_OPENERS = _words("and but or so yet if when because while y pero et mais und aber")
_HOST = re.compile(r"(?i)(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")


def is_host_name(text: str) -> bool:
    return _HOST.fullmatch(text.strip()) is not None


# A masthead printed with its tagline: `THE VALLEY GAZETTE — News that matters to you`.
_WELCOME = re.compile(
    r"^(?i:welcome\s+to|bienvenid[oa]s?\s+a|bienvenue\s+(?:sur|à|chez|dans)|"
    r"willkommen\s+(?:bei|auf|im))\s+(?P<name>\S.*?)[.!]?$"
)
# A logo's text printed for the masthead (`Logo Diario del Norte`, `Valley Gazette logo`).
_LOGO = re.compile(
    r"^(?:(?i:logo)\s+(?:(?i:de|du|of|del)\s+)?(?P<name>\S.*)|(?P<named>\S.*?)\s+(?i:logo))$"
)
_MASTHEAD_TAGLINE = re.compile(r"^(?P<name>.+?)\s+(?:[|·•]|[-–—]|::)\s+(?P<tagline>\S.*)$")


# Two sentences on one line ("... its advertiser. All opinions are mine."): a headline is
# one sentence. Three lower-case letters before the stop spare abbreviations ("Gov.").
_SENTENCE_BREAK = re.compile(r"[a-z]{3,}[.!?]\s+[A-Z]")


def looks_like_title(text: str) -> bool:
    """A headline: not starting in lower case (the tail of a broken paragraph), not ending
    in a comma, semicolon or colon, not two sentences, no social handle (`Jane Doe
    @janedoe`)."""
    return (
        not text[0].islower()
        and not re.search(r"[,;:]$", text)
        and _SENTENCE_BREAK.search(text) is None
        and _HANDLE.search(text) is None
    )


_HANDLE = re.compile(r"(?:^|\s)@\w")


def looks_like_masthead(text: str, directory: PublisherDirectory) -> bool:
    """A site name printed above the headline: a known outlet, or at most four capitalised
    words (small words aside: `Le Courrier des Alpes`; five in capitals with a word of
    newspapers' names) with no sentence punctuation, and no section's name (`Opinion`)."""
    if directory.lookup(text):
        return True
    words = text.split()
    # A name in capitals holding a word of newspapers' names may run longer
    # (`LE RÉPUBLICAIN DE LA SARRE`).
    # (or in title case with its small words: `Le Journal de la Sarre`)
    longer = has_outlet_word(text) and (text.isupper() or any(w in _SMALL_WORDS for w in words[1:]))
    longest = _LONG_MASTHEAD_MAX_WORDS if longer else _MASTHEAD_MAX_WORDS
    # Small words inside a name in title case are not counted (`Le Réveil de la Sambre`).
    counted = [w for w in words[1:] if w not in _SMALL_WORDS]
    return (
        len(counted) < longest
        and len(words) <= SITE_MAX_WORDS
        and not re.search(r"[.!?:,;]$", text)
        and (words[0][0].isupper() or not words[0][0].isalpha())
        and all(_name_word(w) for w in words[1:])
        and not _control(text)
        and not is_section_name(text)
        # a social handle (`Follow @site`) or a weather widget (`55°F Clear`)
        and not re.search(r"[@°]", text)
    )


def masthead_name(text: str, directory: PublisherDirectory) -> str | None:
    """The site name a masthead line prints: the line itself when it is shaped like a
    masthead, or the name before a separator when the rest is a tagline (`THE VALLEY
    GAZETTE — News that matters to you`) or a section's name (`Business`), without a
    greeting (`Welcome to Valley Gazette`) or a trade mark sign; None for any other line."""
    text = _site_beside_section(text.strip().rstrip("™®").rstrip())
    if welcome := _WELCOME.match(text):
        text = welcome["name"]
    if logo := _LOGO.match(text):
        text = logo["name"] or logo["named"]
    if looks_like_masthead(text, directory):
        return text
    match = _MASTHEAD_TAGLINE.match(text)
    if match is None or looks_like_site_name(match["tagline"], directory):
        return None
    name = match["name"]
    return name if looks_like_masthead(name, directory) else None


def _site_beside_section(text: str) -> str:
    """A masthead line naming the section beside the site (`Société | L'Écho de la Brenne`,
    `Harbourside News | Business`, `Cultura - La Voz del Campo`): the site's part; any
    other line as it is."""
    parts = _TITLE_SEPARATOR.split(text)
    if len(parts) != 2:
        return text
    sections = [is_section_name(part) for part in parts]
    if sections == [True, False]:
        return parts[1]
    if sections == [False, True]:
        return parts[0]
    return text


def looks_like_tagline(text: str, directory: PublisherDirectory) -> bool:
    """A site's motto: a short phrase without sentence punctuation that is no name
    (`News that matters to you`, `Europe, explained`)."""
    words = text.split()
    return (
        len(words) in _MOTTO_WORDS
        and not re.search(r"[.!?:;]$", text)
        and not looks_like_site_name(text, directory)
        and not _control(text)
    )


def _name_word(word: str, printed: str | None = None) -> bool:
    """A word a name in title case may hold after its first: capitalised (after an elided
    article too: `l'Estuaire`, `d'Armor`), not a letter, or a small word. `printed` is the
    word as printed when `word` is folded for the small-word lookup."""
    printed = printed or word
    if printed[0].isupper() or not printed[0].isalpha() or word in _SMALL_WORDS:
        return True
    elided = _ELIDED.match(printed)
    return elided is not None and elided[1][:1].isupper()


# An elided article or preposition before a capitalised word (`l'Estuaire`, `d’Armor`).
_ELIDED = re.compile(r"^(?:[ldLD]|qu)['’](.+)$")


# Words a name in title case keeps in lower case (after its first word).
_SMALL_WORDS = PARTICLES | _words(
    "of the for from on in at to a an les los las lo il der die das im am auf zu"
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
    return "-".join(_capitalised(part, first) for part in word.split("-"))


def _capitalised(part: str, first: bool = True) -> str:
    # An elided article or a name's prefix keeps the capital after it (`L'Écho`, `O'Neill`);
    # inside a name an elided article or preposition is in lower case (`Journal de l'Aube`).
    elided = re.match(r"^([^\W\d_]{1,2}['’])(\w.*)$", part)
    if elided:
        prefix = elided[1].lower()
        if first or prefix[:-1] not in _ELIDED_SMALL:
            prefix = prefix[:1].upper() + prefix[1:]
        return prefix + _capitalised(elided[2])
    return part[:1].upper() + part[1:].lower()


# Articles and prepositions printed elided before a vowel (`l'`, `d'`, `qu'`).
_ELIDED_SMALL = frozenset({"l", "d", "qu"})


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


# A headline this short (`Weather`, `Live updates`) may be printed inside an article's text.
_ECHO_MIN_WORDS = 4


def headline_echoes(
    text: pd.Series,
    doc: np.ndarray,
    title: np.ndarray,
    among: np.ndarray,
    directory: PublisherDirectory,
) -> np.ndarray:
    """Lines `among` the given ones that print their page's headline (the `title` line
    without its site suffix) inside longer text: a breadcrumb ending in it (`Home News
    Business Ascom announces ...`), a share line, a teaser of the page itself, a hover
    card. On the tuned half of the benchmark pages as text, 15 such lines on 14 pages,
    none of them an article's."""
    headlines: dict[int, str] = {}
    for d, line in zip(doc[title], text[title], strict=True):
        headline = split_title(line, directory)[0].casefold()
        if len(headline.split()) >= _ECHO_MIN_WORDS:
            headlines.setdefault(int(d), headline)
    echo = np.zeros(len(text), dtype=bool)
    rows = np.flatnonzero(among & np.isin(doc, list(headlines)))
    for row, line in zip(rows, text.iloc[rows].str.casefold(), strict=True):
        headline = headlines[int(doc[row])]
        echo[row] = len(line) > len(headline) and headline in line
    return echo
