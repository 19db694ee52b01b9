"""How names are compared: folding, transliteration variants, acronyms and their
expansions. Shared by the in-article resolution and the corpus-wide merge."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Lower-case words that may sit inside a multi-word name without starting a word of its
# initials (`Trans Ibérica de Mercancías` -> TIM) or that join a place to its qualifier.
PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "der",
        "des",
        "di",
        "da",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "las",
        "los",
        "of",
        "and",
        "for",
        "the",
        "van",
        "von",
        "y",
        "e",
        "et",
        "al",
        "el",
        "upon",
        "on",
        "sur",
    ]
)
# Trailing words that name the kind of an administrative area: `Coquimbo Region` and
# `Coquimbo` are one place, whereas `Gaza Strip` and `Gaza` are not merged.
AREA_WORDS = frozenset(
    [
        "region",
        "province",
        "county",
        "district",
        "department",
        "prefecture",
        "governorate",
        "oblast",
        "state",
        "municipality",
        "canton",
        "shire",
    ]
)


# Mentions repeat a few thousand names: each is folded once per process.
@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Fold a name for comparison: accents, case, periods (U.S. = US), hyphens and
    apostrophes (al-Sudani = Al Sudani) do not tell names apart."""
    if not name.isascii():
        # ASCII has no decompositions and no combining marks: most names skip this.
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = name.casefold().replace(".", "")
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


_H_AFTER_CONSONANT = re.compile(r"([^aeiouh])h")
_DOUBLED = re.compile(r"(.)\1+")


def fold_word(word: str) -> str:
    """Transliteration folding for fuzzy matching: doubled letters and an h after a
    consonant are the usual differences between romanisations (Mohammed/Mohamed, Gent/Ghent)."""
    return _DOUBLED.sub(r"\1", _H_AFTER_CONSONANT.sub(r"\1", word))


def is_acronym(surface: str) -> bool:
    letters = surface.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.casefold() not in PARTICLES).upper()


def expands(acronym: str, full: str) -> bool:
    """True when `acronym` is the initials of `full` or of a tail of it of two words or more
    (`EHN` for `PT Energi Hijau Nusantara`, where PT is a legal form)."""
    words = re.split(r"[\s-]+", full)
    target = acronym.replace(".", "")
    return any(len(words) - i >= 2 and initials(words[i:]) == target for i in range(len(words) - 1))


def compacts(full: list[str], word: str) -> bool:
    """`Transibérica` for `Trans Ibérica de Mercancías`: the first words run together."""
    return any("".join(full[:i]) == word for i in range(2, len(full) + 1))
