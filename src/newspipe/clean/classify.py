"""The line classifier: a label and a reason for every line, and the metadata fields.

Second step of cleaning, on the line table of `newspipe.clean.lines`. It applies the rules
table (`newspipe.clean.rules`) column-wise, then document context, all with grouped and
shifted column operations over the whole batch:

- repeats: a line whose white-space-normalised text occurred earlier in the same document
  is `repeat` with reason `repeat_of:N`, N the first copy's line number; this comes first,
  so a caption or a paragraph printed twice keeps only its first copy;
- anchors: lines of prose no rule claimed. The article runs from its first anchor to its
  last; the header zone lies before the first, the tail zone after the last;
- header zone: masthead, tagline, headline, byline, standfirst and header chrome, read by
  structure (`newspipe.clean.header`); the masthead gives the site name (title-cased when
  printed in capitals) unless the headline has a `| Site` suffix;
- sponsored links: the non-prose line under a "Sponsored"-type marker is the ad itself;
- newsletter blurbs: the line under a newsletter or paywall prompt, when it falls after the
  article (it is left out of the anchors that end the article, as bios are);
- tail zone: what no rule claimed is footer chrome, except a bare outlet name from the
  publisher directory, which is an origin credit (`JPost` -> jpost.com);
- related blocks: after a "Related stories"-style heading, the short lines up to the next
  paragraph are the headlines it lists; in the middle of an article, a run of three or more
  short lines without sentence punctuation is a link list (unless introduced by a colon or
  marked as bullets, which makes it a list of the article);
- author bios: a paragraph about the writer (starting with the author's name, or "X is a
  journalist ...") after the last paragraph of the article;
- everything else is body: prose as `paragraph`, short lines between paragraphs as
  `heading`.
Cross-document evidence is applied afterwards by `newspipe.clean.crossdoc`.

Extracted text: a document whose text an extractor gave (`extraction` starting with
`trafilatura`, see `newspipe.clean.stage`) has a per-document flag, broadcast to its lines,
that scopes off the rules built for whole scraped pages. The extractor has already dropped
the page's chrome and gives the title as a hint, so in such text:
- a line that is the title hint (folded with `name_key`) is the title, and the document's
  header is then settled: no masthead, tagline or header chrome is read by position;
  without such a line the header is read as above, but header chrome is kept as body;
- the tail is not footer chrome and short-line runs are not link lists (they are the
  article's tables, lists and credits);
- only a repeated paragraph of `_EXTRACTED_REPEAT_MIN_WORDS` words or more is a repeat.
Phrase rules for explicit chrome (newsletter, share and follow prompts, "Related" blocks,
copyright lines, bylines and datelines) apply as everywhere.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from newspipe.clean import dates
from newspipe.clean import metadata as md
from newspipe.clean.header import label_header, title_hint_lines
from newspipe.clean.lines import per_doc, runs
from newspipe.clean.publishers import PublisherDirectory
from newspipe.clean.rules import (
    BIO_SENTENCE,
    BODY,
    BOILERPLATE,
    METADATA,
    REPEAT,
    RULES,
    SPONSORED_MARKER,
)

# A list item or a table row (`| 1 | Kyle Busch | 5040 |`).
_BULLET = re.compile(r"^(?:(?:[-•*·▪–—]|\d{1,2}[.)])\s|\|.*\|$)")
_AUTHOR_REASONS = ("byline", "author_bio", "author_link", "dateline_byline")
_DATE_REASONS = ("dateline", "dateline_byline")
# Prompts whose next line may be their blurb ("Every weekday, the news in your inbox.").
_PROMPT_REASONS = ("newsletter_prompt", "paywall")
# A newsletter or membership blurb is one or two short sentences about what the reader gets
# and how (a last paragraph after a mid-article prompt does not talk like that).
_BLURB_MAX_WORDS = 30
_BLURB = re.compile(
    r"\b(?:inbox|e-?mail|newsletters?|briefing|digest|subscri\w*|members?(?:hip)?|"
    r"every\s+(?:morning|weekday|day|week|evening)|(?:daily|weekly)\s+(?:email|edition|update)|"
    r"correo|bandeja|boletín|cada\s+(?:mañana|día|semana)|suscri\w*|"
    r"boîte\s+(?:mail|e-mail|aux\s+lettres|de\s+réception)|courriel|chaque\s+(?:matin|jour|"
    r"semaine)|abonn\w*|postfach|jeden\s+(?:morgen|tag))\b",
    re.IGNORECASE,
)
# In the header, a line after the headline of this many words, or ending in a full stop,
# is a standfirst, not the headline; headlines are shorter and carry no full stop.
_STANDFIRST_MIN_WORDS = 16
# In extracted text, a repeated line of this many words is a paragraph printed twice;
# shorter repeated lines are the article's (table cells, recipe steps, list items).
_EXTRACTED_REPEAT_MIN_WORDS = 25
FIELDS = ("title", "site_name", "author", "published_date", "original_source")


def _apply_rules(lines: pd.DataFrame, candidates: np.ndarray) -> np.ndarray:
    """Index into RULES of the first rule matching each line (-1 for none). Each rule sees
    the distinct texts of the lines still unclaimed that it may fire on, once."""
    matched = np.full(len(lines), -1, dtype=np.int16)
    n_words = lines["n_words"].to_numpy()
    prose = lines["prose"].to_numpy()
    text = lines["text"]
    for index, rule in enumerate(RULES):
        eligible = candidates & (matched < 0) & (n_words <= rule.max_words)
        if not rule.on_prose:
            eligible &= ~prose
        if not eligible.any():
            continue
        subset = text[eligible]
        hits = {t for t in subset.unique() if rule.test(t)}
        if hits:
            rows = np.flatnonzero(eligible)[subset.isin(hits).to_numpy()]
            matched[rows] = index
    return matched


def _firstper_doc(lines: pd.DataFrame, values: pd.Series) -> pd.Series:
    """The first non-null value per document, in line order (`values` is indexed by row)."""
    picked = values.dropna().sort_index()
    return picked.groupby(lines.loc[picked.index, "doc"].to_numpy()).first()


def classify_lines(
    lines: pd.DataFrame,
    n_docs: int,
    directory: PublisherDirectory,
    extracted: np.ndarray | None = None,
    title_hint: pd.Series | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Label every line; return (`lines` with `label` and `reason`, per-document fields
    indexed by document row). `extracted` flags the documents whose text an extractor
    gave (per document row); `title_hint` is their title from the page's metadata."""
    doc = lines["doc"].to_numpy()
    n = len(lines)
    # Broadcast the per-document flag to the lines (see "Extracted text" above).
    ext = np.zeros(n, dtype=bool) if extracted is None else np.asarray(extracted, bool)[doc]
    label = np.full(n, None, dtype=object)
    reason = np.full(n, None, dtype=object)

    # Repeats first: the first copy of a white-space-normalised line is the one that counts.
    first_copy = lines.groupby(["doc", "key"], sort=False)["line_no"].transform("first")
    # In extracted text short lines recur legitimately (table cells, recipe steps, list
    # items): only a whole paragraph printed twice is a repeat there.
    repeat = (first_copy != lines["line_no"]).to_numpy() & ~(
        ext & (lines["n_words"].to_numpy() < _EXTRACTED_REPEAT_MIN_WORDS)
    )
    label[repeat] = REPEAT
    reason[repeat] = "repeat_of:" + first_copy[repeat].astype(str)

    rule_index = _apply_rules(lines, ~repeat)
    matched = rule_index >= 0
    rule_reason = np.array([r.reason for r in RULES], dtype=object)
    rule_label = np.array([r.label for r in RULES], dtype=object)
    rule_zone = np.array([r.zone for r in RULES], dtype=object)
    line_reason = np.where(matched, rule_reason[rule_index], None)
    same_doc_as_previous = np.r_[False, doc[1:] == doc[:-1]]

    # Authors named so far (bylines, "About X", "View all posts by X") find bio paragraphs.
    texts = lines["text"]
    author_rows = (
        matched & np.isin(line_reason, _AUTHOR_REASONS) & (rule_label[rule_index] == METADATA)
    )
    authors = texts[author_rows].map(_author_of)
    doc_author = authors.dropna().groupby(doc[author_rows][authors.notna().to_numpy()]).first()
    unclaimed = ~repeat & ~matched
    bio = _bio_candidates(lines, unclaimed, doc_author)
    # The line under a newsletter or paywall prompt may be its blurb ("Every weekday, the
    # day's news in your mailbox."): a sentence, so it would otherwise end the article.
    prompt = matched & np.isin(line_reason, _PROMPT_REASONS)
    blurb = (
        np.r_[False, prompt[:-1]]
        & same_doc_as_previous
        & unclaimed
        & (lines["n_words"].to_numpy() <= _BLURB_MAX_WORDS)
    )
    blurb[blurb] = texts[blurb].str.contains(_BLURB).to_numpy(dtype=bool)

    # A bio paragraph or a blurb may open the tail but never close the article: they are
    # left out of the anchors that end the article, not of those that start it.
    prose = lines["prose"].to_numpy()
    pos = lines["pos"].to_numpy()
    closing = ~bio & ~blurb
    first_anchor = per_doc(np.where(prose & ~matched, pos, np.nan), doc, "min", np.inf)
    last_anchor = per_doc(np.where(prose & ~matched & closing, pos, np.nan), doc, "max", -np.inf)
    anchor = prose & ~matched & closing
    header = pos < first_anchor
    tail = pos > last_anchor
    middle = ~header & ~tail

    # Rules that only hold at the edges of the article fall back to body elsewhere.
    zone = np.where(matched, rule_zone[rule_index], "any")
    out_of_zone = ((zone == "edge") & middle) | ((zone == "header") & ~header)
    matched &= ~out_of_zone
    unclaimed = ~repeat & ~matched
    label[matched] = rule_label[rule_index[matched]]
    reason[matched] = rule_reason[rule_index[matched]]

    # Bios and blurbs are chrome only after the article.
    bio &= tail
    label[bio], reason[bio] = BOILERPLATE, "author_bio"
    blurb &= tail & ~bio
    label[blurb], reason[blurb] = BOILERPLATE, "newsletter_prompt"
    unclaimed &= ~bio & ~blurb

    # Native ads: the headline under a "Sponsored" marker (prose stays: the marker may
    # label an advertisement the scraper did not keep).
    ad_rows = np.flatnonzero(matched & (line_reason == "advertisement"))
    marker = np.zeros(n, dtype=bool)
    marker[ad_rows] = texts.iloc[ad_rows].map(SPONSORED_MARKER.match).notna().to_numpy()
    sponsored = np.r_[False, marker[:-1]] & same_doc_as_previous & unclaimed & ~prose
    label[sponsored], reason[sponsored] = BOILERPLATE, "sponsored_link"
    unclaimed &= ~sponsored

    # Related-story blocks: the heading's short lines up to the next paragraph.
    heading_row = matched & (line_reason == "related_heading")
    segment = pd.Series(anchor | heading_row).groupby(doc).cumsum()
    opened_by_heading = (
        pd.Series(heading_row).groupby([doc, segment.to_numpy()]).transform("first").to_numpy()
    )
    related = unclaimed & opened_by_heading & ~prose & ~header
    label[related], reason[related] = BOILERPLATE, "related_block"
    unclaimed &= ~related

    # Extracted text whose headline is the title hint: that line is the title and the
    # header is settled (nothing else at the top is the site's). Other documents have their
    # header read by position.
    hinted = title_hint_lines(lines, unclaimed & ext, title_hint)
    settled = per_doc(hinted.astype(float), doc, "max", 0.0).astype(bool)
    label[hinted], reason[hinted] = METADATA, "title"
    unclaimed &= ~hinted
    site_from_masthead = label_header(
        lines,
        unclaimed & header & ~settled,
        pos == first_anchor,
        label,
        reason,
        directory,
        _STANDFIRST_MIN_WORDS,
    )
    unclaimed &= ~(header & ~settled)  # every unclaimed header line has just been labelled
    # In extracted text, what the header reading leaves as chrome between the headline and
    # the first paragraph is the article's (the extractor dropped the site's chrome).
    freed = ext & (reason == "header_chrome")
    label[freed], reason[freed] = None, None
    unclaimed |= freed

    # Lists of the article's own (bullets, table rows, short lines after a colon) are body
    # wherever they stand, even after the last paragraph.
    bullet = texts.map(lambda t: _BULLET.match(t) is not None).to_numpy(dtype=bool)
    listed = unclaimed & (bullet | _introduced_runs(lines, unclaimed & ~prose))

    # Tail: footer chrome, or a bare outlet name crediting the origin.
    tail_rows = np.flatnonzero(unclaimed & tail & ~listed & ~ext)
    outlet = texts.iloc[tail_rows].map(lambda t: md.outlet_domain(t, directory))
    credited = tail_rows[outlet.notna().to_numpy()]
    label[credited], reason[credited] = METADATA, "origin_credit"
    rest = tail_rows[outlet.isna().to_numpy()]
    label[rest], reason[rest] = BOILERPLATE, "trailing_chrome"
    unclaimed[tail_rows] = False

    link_list = _link_lists(lines, unclaimed & middle & ~prose & ~listed & ~ext)
    label[link_list], reason[link_list] = BOILERPLATE, "link_list"
    unclaimed &= ~link_list

    label[unclaimed] = BODY
    reason[unclaimed] = np.select(
        [prose[unclaimed], listed[unclaimed]], ["paragraph", "list_item"], "heading"
    )
    lines = lines.assign(label=label, reason=reason)
    return lines, _fields(lines, n_docs, directory, site_from_masthead)


def _author_of(text: str) -> str | None:
    dated = md.dated_byline(text)
    return (
        md.author_from_byline(text)
        or md.author_from_about(text)
        or md.author_from_link(text)
        or (dated[0] if dated else None)
        or md.bare_name(text)
    )


def _bio_candidates(lines: pd.DataFrame, among: np.ndarray, doc_author: pd.Series) -> np.ndarray:
    """Lines `among` the given ones that read as a paragraph about the writer."""
    texts = lines["text"]
    generic = np.zeros(len(lines), dtype=bool)
    generic[among] = (
        texts[among].map(lambda t: BIO_SENTENCE.match(t) is not None).to_numpy(dtype=bool)
    )
    if doc_author.empty:
        return generic
    author = lines["doc"].map(doc_author)
    has_author = author.notna().to_numpy() & among
    named = np.zeros(len(lines), dtype=bool)
    named[has_author] = [
        t.startswith(a) and t[len(a) : len(a) + 1] in {" ", "’", "'", ","}
        for t, a in zip(texts[has_author], author[has_author], strict=True)
    ]
    return generic | named


def _introduced_runs(lines: pd.DataFrame, short: np.ndarray) -> np.ndarray:
    """Runs of `short` lines that a colon introduces: the run's first line ends in a colon
    ("Tour dates:") or follows a line that does ("Here are the dates:")."""
    doc = lines["doc"].to_numpy()
    colon = lines["text"].str.endswith(":").to_numpy(dtype=bool)
    after_colon = np.r_[False, colon[:-1] & (doc[1:] == doc[:-1])]
    run, starts = runs(short, doc)
    introduced = np.zeros(run[-1] + 1 if len(run) else 1, dtype=bool)
    introduced[run[starts & (colon | after_colon)]] = True
    return short & introduced[run]


def _link_lists(lines: pd.DataFrame, short: np.ndarray) -> np.ndarray:
    """Runs of three or more `short` lines (unclaimed, inside the article, not a list of
    the article's own) none of which ends like a sentence: a list of links to elsewhere."""
    member = (
        short
        & ~lines["terminal"].to_numpy()
        & ~lines["text"].str.endswith(":").to_numpy(dtype=bool)
    )
    run, _ = runs(member, lines["doc"].to_numpy())
    run_size = np.bincount(run[member], minlength=run[-1] + 1 if len(run) else 1)[run]
    return member & (run_size >= 3)


def _credited_domain(text: str, directory: PublisherDirectory) -> str | None:
    """The domain an origin-credit line names: after a credit cue ("Source: ..."), in an
    agency byline ("By Northwind Press") or as a bare outlet name; None when the outlet is
    not in the directory and the line gives no host name."""
    if md.credit_rest(text) is not None:
        return md.credit_domain(text, directory)
    agency = md.credit_from_byline(text)
    if agency is not None:
        return directory.resolve_credit(agency)
    return md.outlet_domain(text, directory)


def _fields(
    lines: pd.DataFrame, n_docs: int, directory: PublisherDirectory, site_from_masthead: pd.Series
) -> pd.DataFrame:
    """Per-document metadata from the lines labelled metadata (first occurrence wins)."""
    reason = lines["reason"].to_numpy()
    texts = lines["text"]
    fields = pd.DataFrame(index=pd.RangeIndex(n_docs), columns=list(FIELDS), dtype=object)

    title_rows = reason == "title"
    split = texts[title_rows].map(lambda t: md.split_title(t, directory))
    titles = pd.Series([s[0] for s in split], index=split.index, dtype=object)
    suffixes = pd.Series([s[1] for s in split], index=split.index, dtype=object)
    fields["title"] = _firstper_doc(lines, titles)
    site = _firstper_doc(lines, suffixes)
    fields["site_name"] = site.combine_first(site_from_masthead).reindex(fields.index)

    author_rows = np.isin(reason, _AUTHOR_REASONS) & (lines["label"].to_numpy() == METADATA)
    authors = texts[author_rows].map(_author_of)
    # "By Reuters": a wire, not a person; it credits the origin.
    wire = authors.map(lambda a: directory.lookup(a) if isinstance(a, str) else None)
    fields["author"] = _firstper_doc(lines, authors.where(wire.isna()))

    date_rows = np.isin(reason, _DATE_REASONS)
    fields["published_date"] = _firstper_doc(lines, texts[date_rows].map(dates.parse_date))

    credit_rows = reason == "origin_credit"
    credits = texts[credit_rows].map(lambda t: _credited_domain(t, directory))
    fields["original_source"] = _firstper_doc(lines, pd.concat([credits, wire]))
    return fields
