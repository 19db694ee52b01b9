"""The word lists the entity-type rules read (legal forms, organisation words, role nouns,
ranks), kept in one multilingual data file, `entity_words.toml`, beside this module, and
read once per process."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources


@cache
def _table() -> dict:
    text = resources.files(__package__).joinpath("entity_words.toml").read_text("utf-8")
    return tomllib.loads(text)


def words(section: str, name: str) -> tuple[str, ...]:
    """The list `name` of `section` (dotted: `organisation.staff`); a list kept per language
    is their union, in file order."""
    table = _table()
    for key in section.split("."):
        table = table[key]
    value = table[name]
    if isinstance(value, dict):
        return tuple(dict.fromkeys(w for per_language in value.values() for w in per_language))
    return tuple(value)


def alternation(section: str, name: str, *, escape: bool = True) -> str:
    """A regular-expression alternation of a list, longest first (so that `groupe` is tried
    before `group`); `escape=False` for lists written as regular expressions."""
    if not escape:
        return "|".join(words(section, name))
    return "|".join(re.escape(w) for w in sorted(words(section, name), key=len, reverse=True))
