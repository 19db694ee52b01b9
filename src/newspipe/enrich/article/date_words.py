"""The words of dates, per language, and the one pattern that finds them in a text.

Month names, weekday names and the day words most languages have (today, yesterday, the
day before yesterday, last week, tomorrow) come from dateparser's locale data, so an
absolute date (`3. März 2025`) or a `gestern` is found in any of its 200 languages. What
places a weekday in time (`next Tuesday`, `mardi dernier`, a future tense before it) is
grammar, written here for the languages it was written and tested for: English, French and
Spanish (`TENSE_CUES`). Other languages get absolute dates and day words only.

`date_pattern(languages)` compiles, once per set of languages, one regular expression whose
alternatives are the kinds of date expression (`absolute`, `numeric`, `ago`, `relative`,
`weekday`); `vocabulary(languages)` maps each matched word back to its meaning.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from dateparser.data import languages_info
from dateparser.languages.loader import default_loader

MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# dateparser's relative expressions that name a day, as days from publication; its hours,
# months and years are not day-precise, and `this week` is no day.
DATEPARSER_DAY_WORDS = {
    "0 day ago": 0,
    "1 day ago": -1,
    "2 day ago": -2,
    "1 week ago": -7,
    "in 1 day": 1,
    "in 2 day": 2,
    "in 1 week": 7,
}
# Shorter weekday forms in dateparser's data are abbreviations that are also words or
# letters (`mar`, `sun`, `we`, `do`): only full names are looked for.
MIN_WEEKDAY_CHARS = 4
# Language whose words are always looked for too: wire copy in other languages keeps
# English datelines, and it is the fallback for a language dateparser does not know.
FALLBACK_LANGUAGE = "en"
KNOWN_LANGUAGES = frozenset(languages_info.language_order)


@dataclass(frozen=True)
class TenseCues:
    """How one language says which way a weekday points, as regular expressions (matched
    case-sensitively on the text: proper names are capitalised, tense forms are not)."""

    last: str  # a modifier before or after the weekday naming the last one: `last`, `dernier`
    next: str  # one naming the coming one: `next`, `prochain`, `que viene`
    # A future tense, a plan, or a future in reported speech (`would`, `se rendrait`) in
    # the words before: `will`, `se réunira`.
    future: str
    past: str  # a past tense in the words before: `said`, `a annoncé`, `anunció`
    past_adjacent: str  # a past form that counts only right before the weekday: `-ed`
    phrases: dict[str, int]  # day expressions beyond dateparser's, with their day offset
    ago: str  # `N days ago`, with groups `n` (digits or a number word) and `unit`
    numbers: dict[str, int]  # number words of `ago`
    weeks: str  # the unit word of `ago` that means weeks


def _counting(words: str) -> dict[str, int]:
    """Number words from one up, spelling variants of one number joined by `/`."""
    return {w: n for n, variants in enumerate(words.split(), 1) for w in variants.split("/")}


TENSE_CUES: dict[str, TenseCues] = {
    "en": TenseCues(
        last=r"last|this past|past",
        next=r"next|this coming|coming",
        future=(
            r"\b(?:will|would|shall|won't|'ll|’ll|going to|due to|set to|expected to|scheduled|"
            r"slated|plans? to|planned|planning to|to be held|ahead of|upcoming|"
            r"(?:is|are|be) (?:expected|due)|due (?:on|by|for)|"
            # The present of a scheduled event: `opens on Friday`, `go to the polls on Sunday`.
            r"(?:re)?opens|closes|begins|starts|ends|kicks off|takes place|resumes|premieres|"
            r"goes on sale|go(?:es)? to the polls)\b"
        ),
        # Past simple forms that are not also participles (`will be held` is no past),
        # and a reporting verb unless a passive or an infinitive holds it.
        past=(
            r"(?<!\bbe )(?<!\bbeen )(?<!\bto )\b(?:said|told|announced|confirmed|reported|"
            r"added|was|were|did|went|came|began|fell|rose|saw|became|spoke|wrote|broke|ran|"
            r"took|gave|flew)\b"
        ),
        past_adjacent=r"(?<!\bbe )(?<!\bbeen )\b[a-z]{2,}ed\b",
        phrases={
            r"this (?:early )?morning": 0,
            r"this afternoon": 0,
            r"this evening": 0,
            r"tonight": 0,
            r"last night": -1,
        },
        ago=r"(?P<n>\d{1,2}|[a-z]+) (?P<unit>days?|weeks?) ago",
        numbers=_counting("a/one two three four five six seven eight nine ten"),
        weeks="week",
    ),
    "fr": TenseCues(
        last=r"dernier|passé",
        next=r"prochain",
        future=(
            r"\b(?:[a-zàâçéèêëîïôûùüÿœ]{2,}(?:ra|ront|raient)|va|vont|doit|doivent|"
            r"prévue?s?|programmée?s?|dès|à partir de|en vue de|"
            # The present of a scheduled event: `ouvre ses portes vendredi`, `votent dimanche`.
            r"(?:r)?ouvre|ferme|commence|débute|reprend|se tient|a lieu|ont lieu|votent|"
            # The conditional singular, but not the nouns that end like it.
            r"(?!(?:portrait|retrait|extrait|attrait|trait|abstrait|distrait)\b)"
            r"[a-zàâçéèêëîïôûùüÿœ]{2,}rait)\b"
        ),
        past=(
            r"\b(?:a|ont|avait|avaient|est|sont|était|étaient|fut|furent)\s+"
            r"(?:(?:été|déjà|bien|pas|ensuite|aussi|encore)\s+)?[a-zàâçéèêëîïôûùüÿœ]+"
            r"(?:é|ée|és|ées|is|ise|it|ite|u|ue|us|ert|erte)\b|"
            r"\b[a-zàâçéèêëîïôûùüÿœ]{2,}(?:ait|aient)\b"
        ),
        past_adjacent=(
            r"(?<!\bsera )(?<!\bseront )(?<!\bêtre )\b[a-zàâçéèêëîïôûùüÿœ]{2,}(?:é|ée|és|ées)\b"
        ),
        phrases={
            r"ce matin": 0,
            r"cet après-midi": 0,
            r"ce soir": 0,
            r"la nuit dernière": -1,
            r"la semaine passée": -7,
        },
        ago=r"il y a (?P<n>\d{1,2}|[a-z]+) (?P<unit>jours?|semaines?)",
        numbers=_counting("un/une deux trois quatre cinq six sept huit neuf dix"),
        weeks="semaine",
    ),
    "es": TenseCues(
        last=r"pasado",
        next=r"próximo|que viene",
        future=(
            r"\b(?:[a-záéíóúñü]+(?:rá|rán|ré|aremos|eremos|iremos|rían)|va a|van a|"
            r"previst[oa]s?|prevé|prevén|programad[oa]s?|a partir del?|"
            # The present of a scheduled event: `abre el viernes`, `acuden a las urnas`.
            r"(?:re)?abre|cierra|comienza|empieza|arranca|termina|reanuda|se celebra|"
            r"tiene lugar|acuden|votan|"
            # The conditional singular by its common verbs: many nouns end in -ría.
            r"sería|habría|podría|debería|tendría|haría|estaría)\b"
        ),
        past=(
            r"\b(?:[a-záéíóúñü]+(?:ó|aron|ieron|aba|aban)|dijo|fue|fueron|hizo|hicieron|tuvo|"
            r"estuvo|hubo|era|eran|estaba|estaban)\b|"
            r"\b(?:ha|han|había|habían)\s+[a-záéíóúñü]+(?:ado|ido|to|cho)\b"
        ),
        past_adjacent=r"(?!)",
        phrases={
            # `mañana` alone is tomorrow; after an article or a demonstrative it is a morning.
            r"(?<!la )(?<!una )(?<!esta )(?<!cada )(?<!media )mañana": 1,
            r"esta mañana": 0,
            r"esta madrugada": 0,
            r"esta tarde": 0,
            r"esta noche": 0,
            r"anoche": -1,
            r"antes de ayer": -2,
            r"antier": -2,
            r"la pasada semana": -7,
            r"la semana próxima": 7,
            r"la semana que viene": 7,
        },
        ago=r"hace (?P<n>\d{1,2}|[a-z]+) (?P<unit>días?|semanas?)",
        numbers=_counting("un/una dos tres cuatro cinco seis siete ocho nueve diez"),
        weeks="semana",
    ),
}
# dateparser phrases replaced by a TENSE_CUES phrase that tells them from another reading.
_REPLACED_PHRASES = {"es": {"mañana"}}
# A dateparser day word that opens with one of these is a span, not a day (`till date`).
_SPAN_OPENERS = re.compile(r"(?:since|till|until|after|before)\b")


@dataclass(frozen=True)
class Vocabulary:
    """What the matched words of a set of languages mean (keys folded: lower case, no
    accents), and the tense cues of each language that has them."""

    months: dict[str, tuple[int, str]]  # name -> (month 1-12, language)
    weekdays: dict[str, tuple[int, str]]  # name -> (0 = Monday, language)
    phrases: list[tuple[re.Pattern, int]]  # day expression -> days from publication
    cues: dict[str, TenseCues]


def fold(word: str) -> str:
    """Lower case without accents, so `Miercoles` finds `miércoles`."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def date_languages(language: str | None) -> tuple[str, ...]:
    """The languages whose date words are looked for in an article of `language`: its own
    when dateparser knows it, and English. A code nobody knows (`pcm`) gets English only:
    no language-specific parsing, never an error."""
    if language and language != FALLBACK_LANGUAGE and language in KNOWN_LANGUAGES:
        return (language, FALLBACK_LANGUAGE)
    return (FALLBACK_LANGUAGE,)


def _locale_info(language: str) -> dict:
    return default_loader.get_locale(language).info


def _names(language: str, keys: tuple[str, ...], min_chars: int) -> dict[str, int]:
    info = _locale_info(language)
    names: dict[str, int] = {}
    for index, key in enumerate(keys):
        for name in info.get(key, []):
            if len(name) >= min_chars and name.isalpha():
                names.setdefault(fold(name), index)
    return names


def _day_phrases(language: str) -> dict[str, int]:
    """Day expressions (regex source -> days from publication): dateparser's, then the
    language's own in TENSE_CUES."""
    relative = _locale_info(language).get("relative-type", {})
    phrases = {
        re.escape(phrase): offset
        for key, offset in DATEPARSER_DAY_WORDS.items()
        for phrase in relative.get(key, [])
        if not _SPAN_OPENERS.match(phrase) and phrase not in _REPLACED_PHRASES.get(language, set())
    }
    if language in TENSE_CUES:
        phrases |= TENSE_CUES[language].phrases
    return phrases


def _apostrophes(source: str) -> str:
    """A phrase's apostrophe as either the straight or the typographic one."""
    return source.replace("'", "['’]")


@cache  # one entry per language dateparser knows, at most about 200
def vocabulary(languages: tuple[str, ...]) -> Vocabulary:
    months: dict[str, tuple[int, str]] = {}
    weekdays: dict[str, tuple[int, str]] = {}
    phrases: dict[str, int] = {}
    for language in languages:  # the article's own language first: its meaning wins
        for name, index in _names(language, MONTH_KEYS, 3).items():
            months.setdefault(name, (index + 1, language))
        if language in TENSE_CUES:
            for name, index in _names(language, WEEKDAY_KEYS, MIN_WEEKDAY_CHARS).items():
                weekdays.setdefault(name, (index, language))
        for source, offset in _day_phrases(language).items():
            phrases.setdefault(_apostrophes(source), offset)
    compiled = [(re.compile(source, re.IGNORECASE), offset) for source, offset in phrases.items()]
    cues = {language: TENSE_CUES[language] for language in languages if language in TENSE_CUES}
    return Vocabulary(months, weekdays, compiled, cues)


def _words(names) -> str:
    """An alternation of words, longest first (so `sept` does not stop `septembre`), each
    accepting its accented and unaccented spelling."""
    ordered = sorted(set(names), key=len, reverse=True)
    return "|".join(_accent_free(name) for name in ordered)


def _accent_free(folded: str) -> str:
    """A folded word as a pattern that also matches its accented letters (`miercoles`
    matches `miércoles`)."""
    accented = {"a": "aàáâä", "e": "eéèêë", "i": "iíìîï", "o": "oóòôö", "u": "uúùûü"}
    accented |= {"c": "cç", "n": "nñ"}
    return "".join(f"[{accented[ch]}]" if ch in accented else re.escape(ch) for ch in folded)


def _unnamed(source: str) -> str:
    """A pattern with its named groups made plain: several languages' `n` in one pattern."""
    return "(?:" + re.sub(r"\(\?P<\w+>", "(?:", source) + ")"


@cache  # one entry per language dateparser knows, at most about 200
def date_pattern(languages: tuple[str, ...]) -> re.Pattern:
    """One pattern for every date expression of these languages; a match's `lastgroup`
    names its kind."""
    words = vocabulary(languages)
    month = rf"(?:{_words(words.months)})\.?"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|º)?"
    year = r"(?:1[89]|2[01])\d\d"
    weekday = _words(words.weekdays) if words.weekdays else "(?!)"
    absolute = (
        rf"(?:(?:{weekday}),?\s+(?:the\s+|le\s+|el\s+)?)?"
        rf"(?:(?P<day_first>{day})\.?\s+(?:of\s+|de\s+)?(?P<month_second>{month})"
        rf"(?:,?\s+(?:de\s+|del\s+)?(?P<year_third>{year}))?"
        rf"|(?P<month_first>{month})\s+(?P<day_second>{day})(?:,?\s+(?P<year_last>{year}))?)"
    )
    numeric = r"(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{4}|\d{2})(?![\d])"
    ago = "|".join(_unnamed(cues.ago) for cues in words.cues.values()) or "(?!)"
    relative = "|".join(
        f"(?:{p.pattern})" for p, _ in sorted(words.phrases, key=lambda x: -len(x[0].pattern))
    )
    last = "|".join(cues.last for cues in words.cues.values()) or "(?!)"
    upcoming = "|".join(cues.next for cues in words.cues.values()) or "(?!)"
    weekday_phrase = (
        rf"(?:(?P<last_before>{last})\s+|(?P<next_before>{upcoming})\s+)?"
        rf"(?P<weekday_name>{weekday})"
        rf"(?:\s+(?P<last_after>{last})\b|\s+(?P<next_after>{upcoming})\b)?"
    )
    alternatives = [
        ("absolute", absolute),
        ("numeric", numeric),
        ("ago", ago),
        ("relative", relative or "(?!)"),
        ("weekday", weekday_phrase),
    ]
    body = "|".join(f"(?P<{kind}>{source})" for kind, source in alternatives)
    return re.compile(rf"(?<![\w.,/-])(?:{body})(?!\w)", re.IGNORECASE)
