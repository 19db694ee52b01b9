"""The publisher directory: news outlets and wires by name, alias and domain.

Cleaning reads origin credits such as `Original Source: www.cnn.com`, `This article first
appeared on The Conversation` or a bare `JPost` at the foot of an article; the directory
turns the outlet names among them into registrable domains. It is data, not code: the
shipped `publishers.csv` (columns `domain,name,aliases,kind,country`, aliases separated by
`|`) lists hundreds of outlets, and `CleanConfig.publisher_directories` adds users' own
CSVs of the same shape, read after the shipped one so that their rows win. It also keeps
each outlet's name as the directory spells it, for mastheads printed in capitals.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import tldextract

# Offline: the bundled public-suffix snapshot, never a download.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=())
_DOMAIN = re.compile(r"(?i)(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})\b")


@lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """Fold an outlet name for lookup: case, accents of form, apostrophes, punctuation and
    a leading "the" do not distinguish outlets (`The Jerusalem Post` = `jerusalem post`)."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    folded = re.sub(r"[’'`´]", "", folded)
    folded = re.sub(r"[^\w&+]+", " ", folded).strip()
    return re.sub(r"^the ", "", folded)


def registrable_domain(text: str) -> str | None:
    """The registrable domain of the first host name in `text` (`www.cnn.com` -> `cnn.com`),
    or None when there is none with a known public suffix."""
    match = _DOMAIN.search(text)
    if not match:
        return None
    domain = _EXTRACT(match.group(1).lower()).top_domain_under_public_suffix
    return domain or None


@dataclass(frozen=True)
class PublisherDirectory:
    """Outlet names (folded with `name_key`) to registrable domains."""

    by_name: dict[str, str]
    # The first label of each domain (`france24` for france24.com), used only to resolve an
    # explicit credit such as `Source: france24`; a bare line is matched by names alone, so a
    # footer reading "News" is never taken for news.com.au.
    by_label: dict[str, str]
    # Each folded name or alias to the outlet's name as the directory prints it, so that a
    # masthead printed in capitals (`THE HARBOUR GAZETTE`) is reported as the outlet writes
    # its name.
    printed: dict[str, str] = field(default_factory=dict)
    # Domains of the wires and news agencies (kind `wire` or `agency`): a line naming one
    # under a headline credits the story's origin, it does not name the site.
    agencies: frozenset[str] = frozenset()

    def lookup(self, name: str) -> str | None:
        """Domain of an outlet named exactly `name` (names and aliases), else None."""
        return self.by_name.get(name_key(name))

    def agency(self, name: str) -> str | None:
        """Domain of the wire or news agency named exactly `name`, else None."""
        domain = self.lookup(name)
        return domain if domain in self.agencies else None

    def printed_name(self, name: str) -> str | None:
        """The directory's spelling of the outlet named `name`, else None."""
        return self.printed.get(name_key(name))

    def resolve_credit(self, text: str) -> str | None:
        """Domain credited by the free text after a credit cue: a host name if there is one,
        else the longest run of leading words that names a known outlet."""
        domain = registrable_domain(text)
        if domain:
            return domain
        words = name_key(text).split()
        for end in range(min(len(words), 8), 0, -1):
            key = " ".join(words[:end])
            found = self.by_name.get(key) or self.by_label.get(key)
            if found:
                return found
        return None


def _read_rows(source) -> list[dict[str, str]]:
    with source.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=8)
def load_directory(extra: tuple[Path, ...] = ()) -> PublisherDirectory:
    """The shipped directory extended by `extra` CSVs; loaded once per set of files."""
    shipped = resources.files("newspipe.clean").joinpath("publishers.csv")
    rows = _read_rows(shipped)
    for path in extra:
        rows.extend(_read_rows(Path(path)))
    by_name: dict[str, str] = {}
    by_label: dict[str, str] = {}
    printed: dict[str, str] = {}
    agencies: set[str] = set()
    for row in rows:
        domain = registrable_domain(row.get("domain") or "")
        if not domain:
            continue
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        names = [(row.get("name") or "").strip(), *aliases]
        by_name[name_key(domain)] = domain
        spelled: dict[str, str] = {}
        for name in names:
            if name:
                by_name[name_key(name)] = domain
                spelled.setdefault(name_key(name), name)  # the name before its aliases
        printed.update(spelled)
        by_label[domain.split(".")[0]] = domain
        if (row.get("kind") or "").strip() in {"wire", "agency"}:
            agencies.add(domain)
    return PublisherDirectory(
        by_name=by_name, by_label=by_label, printed=printed, agencies=frozenset(agencies)
    )
