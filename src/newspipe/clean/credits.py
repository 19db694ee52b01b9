"""Credits: who wrote a story, whom a byline works for, and whose site a footer names.

Part of reading the metadata lines (`newspipe.clean.metadata`): a row of credits names the
writer (`Texto: Ana Ruiz · Fotos: Luis Gil`, `Jane Doe | Northwind Press`); a byline naming
an agency after its writer (`By Jane Doe, Northwind Press`) credits the story's origin; a
copyright footer (`© 2025 The Valley Gazette. All rights reserved.`) names the site when
nothing at the top of the page does.
"""

from __future__ import annotations

import re

from newspipe.clean import metadata as md
from newspipe.clean import titles
from newspipe.clean.publishers import PublisherDirectory

_SEPARATOR = re.compile(r"\s*[|•·]\s*")


# Who made the story, one credit per segment: `Texto: Ana Ruiz · Fotos: Luis Gil`,
# `Jane Doe | Northwind Press` (a name, then the agency or outlet it writes for).
_PHOTO_CREDIT = re.compile(
    r"^(?:photos?|photographs?|pictures?|images?|fotos?|fotografías?|imágenes|vídeos?|videos?|"
    r"illustrations?|ilustraciones?|infograf[ií]as?|graphics?)\s*(?::|by\b|por\b|de\b)\s*\S",
    re.IGNORECASE,
)
_CREDIT_HINT = re.compile(r"[|•·]")


def credits_byline(text: str) -> tuple[str] | None:
    """`(author,)` for a line of credits that names the writer: a byline segment (or a
    bare name before an agency's or outlet's name) with photo, staff or outlet credits
    beside it; None for any other line."""
    if not _CREDIT_HINT.search(text):
        return None
    segments = [s for s in _SEPARATOR.split(text) if s]
    if len(segments) < 2:
        return None
    author = None
    for i, segment in enumerate(segments):
        writer = md.author_from_byline(segment) or (md.bare_name(segment) if i == 0 else None)
        if writer and author is None:
            author = writer
        elif not (
            _PHOTO_CREDIT.match(segment)
            or md.STAFF_CREDIT.match(segment)
            or md.is_organisation_name(segment)
        ):
            return None
    return (author,) if author else None


def byline_outlet(text: str, directory: PublisherDirectory) -> str | None:
    """The domain of a known outlet a byline names after its writer (`By Jane Doe, Northwind
    Press`, `Jane Doe | Northwind Press`): the wire the story came from."""
    for part in reversed(re.split(r"\s*[,|•·/]\s*|\s+[-–—]\s+", text)[1:]):
        domain = directory.lookup(part.strip(" .()"))
        if domain is not None:
            return domain
    return None


# A copyright footer: `© 2025 The Valley Gazette. All rights reserved.`, `© Ouest Littoral
# 2025`, `Copyright (c) 2024 Harbour Media Ltd`.
_COPYRIGHT_MARK = re.compile(
    r"^(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)|copyright))?\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*)?",
    re.IGNORECASE,
)
# Where the name in a footer ends: a sentence, a separator, a comma, a year, the rights
# reserved (`© 2019 Example.info All Rights Reserved`) or the licence's exception (`© 2024
# The Courier unless otherwise noted`).
_COPYRIGHT_END = re.compile(
    r"\.(?:\s|$)|\s[|·•–—-]\s|,\s|\s(?:19|20)\d{2}\b|"
    r"\s(?i:all\s+rights|tod[oa]s\s+(?:los|os)\s+(?:derechos|direitos)|tous\s+droits|"
    r"alle\s+rechte|tutti\s+i\s+diritti)\b|"
    r"\s(?i:unless\s+otherwise|except\s+where|sauf\s+mention|salvo\s+(?:que|indicación))\b"
)
_RIGHTS = re.compile(r"^(?:all|todos|tous|alle|tutti)\b", re.IGNORECASE)
# The legal forms of companies (written without their dots: `S.L.`, `S.r.l.`), and the
# other words of a publisher's company name that are not the site's (`Harbour Media Ltd`).
_LEGAL_FORMS = frozenset({
    "ltd", "limited", "inc", "llc", "plc", "pte", "pty", "sa", "sl", "slu", "sas", "sarl",
    "srl", "spa", "sapa", "ltda", "gmbh", "ag", "kg", "bv", "nv", "oy",
})  # fmt: skip
_COMPANY_WORDS = _LEGAL_FORMS | frozenset({
    "private", "media", "group", "publishing", "publications", "company", "co", "corp",
    "corporation", "holdings",
})  # fmt: skip


def site_from_copyright(text: str) -> str | None:
    """The site a copyright footer names, its company words left out, or None when the
    footer names no one (`© 2025 All rights reserved`) or more than a site's name. A company
    with its legal form followed by the site (`© 2025 Ediciones Moncayo S.L. — El Diario del
    Moncayo`) names the site second."""
    mark = _COPYRIGHT_MARK.match(text)
    if not mark or not mark.group().strip():
        return site_from_publisher_line(text)
    rest = text[mark.end() :].lstrip(" ,")  # `Copyright 2025, Valley Gazette Inc.`
    end = _COPYRIGHT_END.search(rest)
    name = (rest[: end.start()] if end else rest).strip(" .,")
    if _RIGHTS.match(name):
        return None
    words = name.split()
    if end and words and _company_word(words[-1], _LEGAL_FORMS):
        # (the site's part set off by a separator, not the company's next sentence:
        # `Northfield Media Ltd. Registered in Scotland.`)
        after = rest[end.start() :]
        parted = _PART_SEPARATOR.match(after)
        named = _footer_name(after[parted.end() :]) if parted else None
        if named is not None:
            return named
    while words and _company_word(words[-1], _COMPANY_WORDS):
        words.pop()
    name = " ".join(words).strip(" ,")
    if not words or len(words) > titles.SITE_MAX_WORDS or not words[0][:1].isupper():
        return None
    return name


_PART_SEPARATOR = re.compile(r"\.?\s*[|·•–—-]\s+")


# A line saying who publishes the site (`The Dalesman Weekly is published by Moorland Media
# Group`, `X es una publicación de Grupo Y`, `X – Testata registrata presso il Tribunale`).
_PUBLISHER_LINE = re.compile(
    r"^(?P<name>[^.|:;!?]{2,60}?)\s+(?:is\s+(?:published|owned|produced|operated)\s+by|"
    r"is\s+(?:a\s+)?(?:part|publication|title|member)\s+of|"
    r"es\s+una\s+(?:publicación|cabecera|marca)\s+(?:de|del)|"
    r"est\s+(?:édité|publié|une\s+publication|un\s+titre)\s+(?:par|de|du)|"
    r"ist\s+ein\s+(?:angebot|produkt|titel|medium)\s+(?:von|der|des)|"
    r"è\s+una\s+testata\s+(?:di|del|della)|[–—-]\s+testata\s+registrata|"
    r"é\s+(?:uma\s+publicação|publicad[oa]|editad[oa]|um\s+título)\s+(?:d[aoe]|pel[ao]))\b",
    re.IGNORECASE,
)


def site_from_publisher_line(text: str) -> str | None:
    """The site a line naming its publisher names first, or None."""
    match = _PUBLISHER_LINE.match(text)
    if match is None:
        return None
    name = match["name"].strip(" ,")
    words = name.split()
    if len(words) > titles.SITE_MAX_WORDS or not words[0][:1].isupper() or re.search(r"\d", name):
        return None
    return name


def _company_word(word: str, kinds: frozenset[str]) -> bool:
    return word.casefold().strip(",").replace(".", "") in kinds


def _footer_name(rest: str) -> str | None:
    """The name a footer's next part begins with, when it is a name (no figures: not a tax
    number such as `P.IVA 01234567890`) and no company's."""
    end = _COPYRIGHT_END.search(rest)
    name = (rest[: end.start()] if end else rest).strip(" .,")
    words = name.split()
    if (
        not words
        or _RIGHTS.match(name)
        or re.search(r"\d", name)
        or _company_word(words[-1], _COMPANY_WORDS)
        or len(words) > titles.SITE_MAX_WORDS
        or not words[0][:1].isupper()
    ):
        return None
    return name
