"""The line classifier: a label and a reason for every line, and the metadata fields.

Second step of cleaning, on the line table of `newspipe.clean.lines`. It applies the rules
table (`newspipe.clean.rules`) column-wise, then document context, all with grouped and
shifted column operations over the whole batch:

- repeats: a line whose white-space-normalised text occurred earlier in the same document
  is `repeat` with reason `repeat_of:N`, N the first copy's line number; this comes first,
  so a caption or a paragraph printed twice keeps only its first copy;
- the article's span: the run of lines with the best score of prose over chrome
  (`newspipe.clean.span`), so that comment threads, lists of other stories and footers
  after the article, and menus before it, fall outside even where they hold prose;
- anchors: lines of prose in the span that no rule claimed. The article runs from its
  first anchor to its last; the header zone lies before the first, the tail after the last;
- header zone: a line that is the document's title hint (a record's `title`) is the title;
  masthead, tagline, headline, byline, standfirst and header chrome are read by
  structure (`newspipe.clean.header`); the masthead gives the site name (title-cased when
  printed in capitals) unless the headline has a `| Site` suffix;
- sponsored links: the non-prose line under a "Sponsored"-type marker is the ad itself;
- newsletter blurbs: the line under a newsletter or paywall prompt, when it falls after the
  article (it is left out of the anchors that end the article, as bios are);
- tail zone: what no rule claimed is footer chrome, except a bare outlet name from the
  publisher directory, which is an origin credit (`JPost` -> jpost.com), and a list that
  follows the last paragraph directly; timestamps there are a thread's or a feed's;
- teaser lists: two or more lines in a row cut off with an ellipsis are excerpts of other
  stories (chrome for the span too);
- related blocks: after a "Related stories"-style heading, the short lines up to the next
  paragraph are the headlines it lists; in the middle of an article, a run of
  `link_list_min_lines` short lines without sentence punctuation is a link list (unless
  introduced by a colon or marked as bullets, which makes it a list of the article), and
  list items ending in a count (`Storm closes the pier (12)`) are other stories;
- author bios: a paragraph about the writer (starting with the author's name, or "X is a
  journalist ...") after the last paragraph of the article;
- everything else is body: prose as `paragraph`, short lines between paragraphs as
  `heading`; but a line printing the page's headline inside longer text (a breadcrumb
  ending in it, a share line, a hover card) is `headline_echo` chrome;
- reports of figures: a document without chrome, most of whose lines hold figures (an
  earnings or dividend report), is all body, its rows `table_row`.
Cross-document evidence is applied afterwards by `newspipe.clean.crossdoc`.

Extracted text: a document whose text an extractor gave (`extraction` starting with
`trafilatura`, see `newspipe.clean.stage`) has a per-document flag, broadcast to its lines,
that scopes off the rules built for whole scraped pages. The extractor has already dropped
the page's chrome and gives the title as a hint, so in such text:
- the span is the whole document;
- a line that is the title hint (folded with `name_key`) is the title, and the document's
  header is then settled: no masthead, tagline or header chrome is read by position;
  without such a line the header is read as above, but header chrome is kept as body;
- the tail is not footer chrome and short-line runs are not link lists (they are the
  article's tables, lists and credits);
- only a repeated paragraph of `extracted_repeat_min_words` words or more is a repeat.
Phrase rules for explicit chrome (newsletter, share and follow prompts, "Related" blocks,
copyright lines, bylines and datelines) apply as everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from newspipe.clean import dates
from newspipe.clean import metadata as md
from newspipe.clean.edges import bio_candidates, blurb_candidates, pitch_candidates
from newspipe.clean.fields import AUTHOR_REASONS, FIELDS, author_of, document_fields
from newspipe.clean.header import label_header, title_hint_lines
from newspipe.clean.line_runs import (
    PATTERN_MIN_LINES,
    boxed_headings,
    introduced_runs,
    labelled_runs,
    link_lists,
    teaser_runs,
)
from newspipe.clean.lines import per_doc, runs
from newspipe.clean.patterns import SPONSORED_MARKER
from newspipe.clean.publishers import PublisherDirectory
from newspipe.clean.rules import BODY, BOILERPLATE, METADATA, REPEAT, RULES
from newspipe.clean.span import article_span
from newspipe.clean.titles import headline_echoes
from newspipe.config import CleanConfig

__all__ = ["FIELDS", "classify_lines"]

# A headline with its comment count, as lists of other stories print it.
_COUNTED = re.compile(r"\s[(\[]\d{1,5}[)\]]$")
# Prompts whose next line may be their blurb ("Every weekday, the news in your inbox.").
_PROMPT_REASONS = ("newsletter_prompt", "paywall")
# A photo credit standing alone is short (`Natalie Naccache | Bloomberg | Getty Images`). Two
# forms say nothing of the line above them: a credit printed before its caption (`Image
# copyright Getty Images`, then `Image caption ...`) and a labelled credit (`Photo: Jane
# Doe`, `Fotos: ...`), which also stands alone under a photo without caption between two
# paragraphs (on the tuned pages, one of the three above a paragraph).
_CREDIT_MAX_WORDS = 8
_NOT_UNDER_CAPTION = re.compile(
    r"image\s+(?:copyright|caption)\b|(?:photo|foto|picture|pic)s?\s*:", re.IGNORECASE
)
_DATELINE_REASONS = ("dateline", "dateline_byline")
# Chrome that sits inside articles: markers saying the article goes on under them
# ("Advertisement", "Story continues below"), mid-article sign-up prompts, captions and
# image slots, inline links to another story ("Read more: ..."). For the article's span it
# costs no more than a short line.
_INLINE_REASONS = (
    "advertisement",
    "newsletter_prompt",
    "photo_caption",
    "image_placeholder",
    "related_link",
)

# A box of related stories set between two paragraphs holds a few links (two or three on
# the tuned benchmark pages as text); a list under a related heading at the article's end
# runs longer.
_BOXED_MAX_LINKS = 3
# A headline ending like a sentence is shorter than most paragraphs (half the words from
# which a paragraph scores in full, `ArticleSpanConfig.prose_full_words`).
_HEADLINE_MAX_WORDS = 15
# An embedded post's signature: a dash, the account's name, its handle and the date.
_POST_SIGNATURE = re.compile(r"^[—–-]\s*\S.{0,80}\(@\w{1,30}\)\s+\w+\.?\s+\d{1,2},\s+\d{4}$")
_EMBED_MAX_LINES = 4
# A line printed in each of several sections of an article is a pattern from three copies.
_PATTERN_MIN_COPIES = 3


@dataclass
class _Batch:
    """The state of one batch's classification: the line table, each line's label and
    reason so far, and the masks the steps hand on."""

    lines: pd.DataFrame
    label: np.ndarray
    reason: np.ndarray
    unclaimed: np.ndarray
    ext: np.ndarray

    @property
    def doc(self) -> np.ndarray:
        return self.lines["doc"].to_numpy()

    def mark(self, mask: np.ndarray, label: str, reason: str) -> None:
        self.label[mask], self.reason[mask] = label, reason
        self.unclaimed &= ~mask


def classify_lines(
    lines: pd.DataFrame,
    n_docs: int,
    directory: PublisherDirectory,
    config: CleanConfig,
    extracted: np.ndarray | None = None,
    title_hint: pd.Series | None = None,
    captured: pd.Series | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Label every line; return (`lines` with `label` and `reason`, per-document fields
    indexed by document row). `extracted` flags the documents whose text an extractor
    gave (per document row); `title_hint` is their title from the page's metadata;
    `captured` is each document's capture time, when known."""
    n = len(lines)
    doc = lines["doc"].to_numpy()
    # Broadcast the per-document flag to the lines (see "Extracted text" above).
    ext = np.zeros(n, dtype=bool) if extracted is None else np.asarray(extracted, bool)[doc]
    batch = _Batch(
        lines, np.full(n, None, dtype=object), np.full(n, None, dtype=object), np.ones(n, bool), ext
    )
    repeat = _mark_repeats(batch, config.extracted_repeat_min_words)
    rule_index = _apply_rules(lines, ~repeat)
    rule_index = _captions_above_credits(lines, rule_index, config.caption_max_words)
    matched = rule_index >= 0
    line_reason = np.where(matched, np.array([r.reason for r in RULES])[rule_index], None)

    # Bio paragraphs and blurbs may open the tail but never close the article: they are
    # left out of the anchors that end it, not of those that start it.
    bio = bio_candidates(lines, ~repeat & ~matched, _authors(lines, matched, rule_index))
    prompt = matched & np.isin(line_reason, _PROMPT_REASONS)
    blurb = blurb_candidates(lines, prompt, ~repeat & ~matched, config.blurb_max_words)
    pitch = pitch_candidates(lines, ~repeat & ~matched, config.reader_pitch_max_words)
    short = ~repeat & ~matched & ~lines["prose"].to_numpy()
    listed = short & (
        lines["bullet"].to_numpy() | introduced_runs(lines, short) | labelled_runs(lines, short)
    )
    # Rules that hold only at the edges of the article are no evidence of an edge.
    inline = (
        np.isin(line_reason, _INLINE_REASONS)
        | (matched & (np.array([r.zone for r in RULES])[rule_index] != "any"))
        | boxed_headings(
            lines,
            line_reason == "related_heading",
            lines["prose"].to_numpy(),
            _BOXED_MAX_LINKS,
        )
    )
    # Bios and blurbs are prose that follows articles: for the span they are chrome.
    teasers = teaser_runs(lines, ~repeat & ~matched)
    chrome = matched | bio | blurb | teasers
    inside = article_span(lines, chrome, inline, repeat, listed, ext, config.span)
    prose = lines["prose"].to_numpy() & ~matched & inside
    pos = lines["pos"].to_numpy()
    # A pitch to the reader neither opens nor closes the article.
    first_anchor = per_doc(np.where(prose & ~pitch, pos, np.nan), doc, "min", np.inf)
    closing = prose & ~bio & ~blurb & ~pitch
    last_anchor = per_doc(np.where(closing, pos, np.nan), doc, "max", -np.inf)
    header, tail = pos < first_anchor, pos > last_anchor

    _mark_rules(batch, rule_index, matched, header, tail)
    batch.mark(teasers, BOILERPLATE, "teaser_list")
    batch.mark(bio & tail, BOILERPLATE, "author_bio")
    batch.mark(blurb & tail & ~bio, BOILERPLATE, "newsletter_prompt")
    batch.mark(pitch & (header | tail) & batch.unclaimed, BOILERPLATE, "reader_pitch")
    _mark_context_chrome(batch, line_reason, prose & ~bio & ~blurb, header)
    site_from_masthead = _mark_header(
        batch, header, pos == first_anchor, title_hint, directory, config
    )
    _mark_tail(batch, tail, last_anchor, directory)
    _mark_body(batch, header | tail, config.link_list_min_lines)
    _recurring_lines_of_the_article(batch, repeat & ~header & ~tail, config)
    echo = headline_echoes(
        lines["text"], doc, batch.reason == "title", (batch.label == BODY) & ~ext, directory
    )
    batch.label[echo], batch.reason[echo] = BOILERPLATE, "headline_echo"
    _timestamps_in_tail(batch, tail)
    labels = np.array([r.label for r in RULES])[rule_index]
    chrome = matched & (labels == BOILERPLATE) & ~_table_shaped(lines["text"])
    table = _mark_tables(batch, chrome, matched & (labels == METADATA), config)
    site_from_masthead = site_from_masthead[~table[site_from_masthead.index.to_numpy()]]
    lines = lines.assign(label=batch.label, reason=batch.reason)
    return lines, document_fields(lines, n_docs, directory, site_from_masthead, captured)


def _table_shaped(text: pd.Series) -> np.ndarray:
    """Lines that a table's own headings look like: columns spaced out by runs of spaces
    (`Class      week      week`, read alone as a menu a scraper spaced out) and names in
    capitals (`NORTHFIELD INCOME FUND SERIES B`, read alone as a headline of another story).
    Found as chrome, they do not tell that a document of figures is a page."""
    spaced = text.str.contains(r"\S\s{3,}\S", regex=True).to_numpy(dtype=bool)
    return spaced | text.str.isupper().to_numpy(dtype=bool)


def _mark_tables(
    batch: _Batch, chrome: np.ndarray, metadata: np.ndarray, config: CleanConfig
) -> np.ndarray:
    """A document in which no rule found chrome, most of whose lines are rows of figures
    (short lines with a number: `Net 12.6 mln vs 15.8 mln`, `Pay March 31`), is a report
    of figures with no page around it: all its lines but those a metadata rule claimed
    (`metadata`), metadata the header reading found in lines without figures (a headline
    above the figures) and repeats are its body, as `table_row` (the lines with a figure),
    `paragraph` or `heading`. Menus and lists of headlines are not made of figures.
    Returns which documents (by row) are such reports."""
    lines, doc = batch.lines, batch.doc
    n_docs = int(doc[-1]) + 1 if len(doc) else 0
    prose = lines["prose"].to_numpy()
    n_lines = np.bincount(doc, minlength=n_docs)
    table = (np.bincount(doc[chrome], minlength=n_docs) == 0) & (n_lines >= config.table_min_lines)
    # Most pages show some chrome: only the others' lines are read for figures.
    figure = table[doc]
    figure[figure] = lines["text"][figure].str.contains(r"\d", regex=True).to_numpy(dtype=bool)
    share = config.table_min_figure_share
    table &= np.bincount(doc[figure & ~prose], minlength=n_docs) >= share * n_lines
    # The header's reading stands for a headline or masthead without figures; a first row
    # of figures is no headline.
    header_read = (batch.label == METADATA) & ~figure
    rows = table[doc] & ~metadata & ~header_read & (batch.label != REPEAT)
    batch.label[rows] = BODY
    batch.reason[rows] = np.select(
        [prose[rows], figure[rows]], ["paragraph", "table_row"], "heading"
    )
    return table


def _mark_repeats(batch: _Batch, extracted_min_words: int) -> np.ndarray:
    """Repeats first: the first copy of a white-space-normalised line is the one that
    counts. In extracted text short lines recur legitimately (table cells, recipe steps,
    list items): only a whole paragraph printed twice is a repeat there."""
    lines = batch.lines
    first_copy = lines.groupby(["doc", "key"], sort=False)["line_no"].transform("first")
    repeat = (first_copy != lines["line_no"]).to_numpy() & ~(
        batch.ext & (lines["n_words"].to_numpy() < extracted_min_words)
    )
    batch.label[repeat] = REPEAT
    batch.reason[repeat] = "repeat_of:" + first_copy[repeat].astype(str)
    batch.unclaimed &= ~repeat
    return repeat


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


def _captions_above_credits(
    lines: pd.DataFrame, rule_index: np.ndarray, max_words: int
) -> np.ndarray:
    """A line of prose no rule claimed, directly above a photo credit that stands alone (a
    short line the caption rule claimed: `Photo: Jane Doe/AFP`, `(Image: © Observatory)`),
    is that photo's caption: it takes the caption rule. Not above a BBC-style `Image
    copyright X`, which comes before its caption, nor a line in brackets (`(Reporting by
    ...)` above `© Agency`), nor a line longer than `max_words` (a paragraph)."""
    doc = lines["doc"].to_numpy()
    caption_rule = next(i for i, r in enumerate(RULES) if r.reason == "photo_caption")
    n_words = lines["n_words"].to_numpy()
    credit = (
        (rule_index == caption_rule)
        & (n_words <= _CREDIT_MAX_WORDS)
        & ~lines["terminal"].to_numpy()
    )
    credit[credit] = ~lines["text"][credit].str.match(_NOT_UNDER_CAPTION).to_numpy(dtype=bool)
    above = np.r_[credit[1:] & (doc[1:] == doc[:-1]), False]
    caption = above & (rule_index < 0) & lines["prose"].to_numpy() & (n_words <= max_words)
    caption[caption] = ~lines["text"][caption].str.startswith(("(", "[")).to_numpy(dtype=bool)
    return np.where(caption, caption_rule, rule_index).astype(rule_index.dtype)


def _mark_rules(
    batch: _Batch, rule_index: np.ndarray, matched: np.ndarray, header: np.ndarray, tail: np.ndarray
) -> None:
    """The rules' labels, except where a rule that only holds at the edges of the article
    (or in its header) fired elsewhere: such lines fall back to body."""
    zone = np.where(matched, np.array([r.zone for r in RULES])[rule_index], "any")
    middle = ~header & ~tail
    top = batch.lines["pos"].to_numpy() == 0
    in_header = np.isin(zone, ("header", "header_below_top"))
    keep = matched & ~(
        ((zone == "edge") & middle)
        | (in_header & ~header)
        | ((zone == "header_below_top") & top)
        | ((zone == "outside_header") & header)
    )
    batch.label[keep] = np.array([r.label for r in RULES])[rule_index[keep]]
    batch.reason[keep] = np.array([r.reason for r in RULES])[rule_index[keep]]
    batch.unclaimed &= ~keep


def _authors(lines: pd.DataFrame, matched: np.ndarray, rule_index: np.ndarray) -> pd.Series:
    """The first author each document names (bylines, "About X", "View all posts by X"),
    by document row: it finds bio paragraphs."""
    labels = np.array([r.label for r in RULES])[rule_index]
    reasons = np.array([r.reason for r in RULES])[rule_index]
    rows = matched & np.isin(reasons, AUTHOR_REASONS) & (labels == METADATA)
    authors = lines["text"][rows].map(author_of)
    named = authors.notna().to_numpy()
    return authors.dropna().groupby(lines["doc"].to_numpy()[rows][named]).first()


def _mark_context_chrome(
    batch: _Batch, line_reason: np.ndarray, anchor: np.ndarray, header: np.ndarray
) -> None:
    """Native ads and related-story blocks, told by the line above them."""
    lines, doc = batch.lines, batch.doc
    texts, prose = lines["text"], lines["prose"].to_numpy()
    # Native ads: the headline under a "Sponsored" marker (prose stays: the marker may
    # label an advertisement the scraper did not keep).
    marker = np.zeros(len(lines), dtype=bool)
    ad_rows = np.flatnonzero((batch.reason == "advertisement") & (line_reason == "advertisement"))
    marker[ad_rows] = texts.iloc[ad_rows].map(SPONSORED_MARKER.match).notna().to_numpy()
    under_marker = np.r_[False, marker[:-1]] & np.r_[False, doc[1:] == doc[:-1]]
    batch.mark(under_marker & batch.unclaimed & ~prose, BOILERPLATE, "sponsored_link")
    # Related-story blocks: the heading's short lines up to the next paragraph. A headline
    # may end like a sentence (`... rescue: "We got her!"`): a short line of prose with no
    # prose under it is no paragraph yet.
    heading_row = batch.reason == "related_heading"
    next_anchor = np.r_[anchor[1:] & (doc[1:] == doc[:-1]), False]
    headline_like = anchor & ~next_anchor & (lines["n_words"].to_numpy() < _HEADLINE_MAX_WORDS)
    segment = pd.Series((anchor & ~headline_like) | heading_row).groupby(doc).cumsum()
    opened_by_heading = (
        pd.Series(heading_row).groupby([doc, segment.to_numpy()]).transform("first").to_numpy()
    )
    related = batch.unclaimed & opened_by_heading & (~prose | headline_like) & ~header
    batch.mark(related, BOILERPLATE, "related_block")


def _mark_header(
    batch: _Batch,
    header: np.ndarray,
    first_anchor: np.ndarray,
    title_hint: pd.Series | None,
    directory: PublisherDirectory,
    config: CleanConfig,
) -> pd.Series:
    """A header line that is the document's title hint is the title; in extracted text the
    header is then settled (nothing else at the top is the site's). Other documents have their
    header read by structure (`newspipe.clean.header`). Returns the masthead's site name
    per document."""
    hinted = title_hint_lines(batch.lines, batch.unclaimed & (batch.ext | header), title_hint)
    settled = per_doc((hinted & batch.ext).astype(float), batch.doc, "max", 0.0).astype(bool)
    batch.mark(hinted, METADATA, "title")
    candidate = batch.unclaimed & header & ~settled
    site = label_header(
        batch.lines,
        candidate,
        first_anchor,
        batch.label,
        batch.reason,
        directory,
        config.standfirst_min_words,
    )
    batch.unclaimed &= ~candidate  # every candidate has just been labelled
    # In extracted text, what the header reading leaves as chrome between the headline and
    # the first paragraph is the article's (the extractor dropped the site's chrome).
    freed = batch.ext & (batch.reason == "header_chrome")
    batch.label[freed], batch.reason[freed] = None, None
    batch.unclaimed |= freed
    return site


def _mark_tail(
    batch: _Batch, tail: np.ndarray, last_anchor: np.ndarray, directory: PublisherDirectory
) -> None:
    """After the article: a list that follows the last paragraph directly is the article's;
    a bare outlet name credits the origin; the rest is footer chrome."""
    lines, doc = batch.lines, batch.doc
    texts = lines["text"]
    listed = _own_lists(batch)
    run, starts = runs(listed, doc)
    colon = lines["colon"].to_numpy()
    after = lines["pos"].to_numpy() - last_anchor
    attached = np.zeros(run[-1] + 1 if len(run) else 1, dtype=bool)
    attached[run[starts]] = (after[starts] == 1) | (
        (after[starts] == 2) & np.r_[False, colon[:-1]][starts]
    )
    embedded = _embedded_post_under(batch, tail, after)
    tail_rows = np.flatnonzero(
        batch.unclaimed & tail & ~(listed & attached[run]) & ~embedded & ~batch.ext
    )
    outlet = texts.iloc[tail_rows].map(lambda t: md.outlet_domain(t, directory))
    credited = np.zeros(len(lines), dtype=bool)
    credited[tail_rows[outlet.notna().to_numpy()]] = True
    batch.mark(credited, METADATA, "origin_credit")
    rest = np.zeros(len(lines), dtype=bool)
    rest[tail_rows[outlet.isna().to_numpy()]] = True
    batch.mark(rest, BOILERPLATE, "trailing_chrome")


def _embedded_post_under(batch: _Batch, tail: np.ndarray, after: np.ndarray) -> np.ndarray:
    """The lines down to a post's signature (`— Jane Doe (@janedoe) May 6, 2025`) within
    `_EMBED_MAX_LINES` lines under the last paragraph: a post the article quotes, embedded
    where it ends (on the tuned benchmark pages as text, all 17 such signatures are the
    article's)."""
    rows = np.flatnonzero(tail & (after <= _EMBED_MAX_LINES))
    signed = np.zeros(len(tail), dtype=bool)
    signed[rows] = batch.lines["text"].iloc[rows].str.match(_POST_SIGNATURE).to_numpy(dtype=bool)
    last_signed = per_doc(np.where(signed, after, np.nan), batch.doc, "max", 0)
    return tail & (after <= last_signed)


def _mark_body(batch: _Batch, outside: np.ndarray, min_link_lines: int) -> None:
    """Link lists and counted headlines inside the article; then everything left is body:
    prose as `paragraph`, lists of the article's own as `list_item`, short lines as
    `heading`."""
    lines = batch.lines
    prose = lines["prose"].to_numpy()
    listed = _own_lists(batch)
    candidates = batch.unclaimed & ~outside & ~prose & ~batch.ext
    batch.mark(link_lists(lines, candidates & ~listed, min_link_lines), BOILERPLATE, "link_list")
    counted = np.zeros(len(lines), dtype=bool)
    rows = np.flatnonzero(batch.unclaimed & ~prose & ~batch.ext)
    counted[rows] = lines["text"].iloc[rows].str.contains(_COUNTED).to_numpy(dtype=bool)
    run, _ = runs(counted, batch.doc)
    run_size = np.bincount(run[counted], minlength=run[-1] + 1 if len(run) else 1)[run]
    batch.mark(counted & (run_size >= PATTERN_MIN_LINES), BOILERPLATE, "related_block")
    body = batch.unclaimed.copy()
    batch.label[body] = BODY
    batch.reason[body] = np.select(
        [prose[body], listed[body]], ["paragraph", "list_item"], "heading"
    )
    batch.unclaimed &= ~body


def _recurring_lines_of_the_article(
    batch: _Batch, candidates: np.ndarray, config: CleanConfig
) -> None:
    """Repeated lines inside the article whose first copy is body are the article's own
    when they are short lines (a shop link under each product, a source tag under each
    quote) or recur in a pattern (a question put to each person interviewed, three copies
    or more) and are shorter than a paragraph (`extracted_repeat_min_words`). A paragraph
    printed twice is a pull quote; a menu or share line printed twice is not body the
    first time."""
    lines = batch.lines
    prose = lines["prose"].to_numpy()
    rows = np.flatnonzero(
        candidates & (lines["n_words"].to_numpy() < config.extracted_repeat_min_words)
    )
    if not len(rows):
        return
    first_line = np.array([int(r.split(":", 1)[1]) for r in batch.reason[rows]])
    # Copies of a line: its first and the repeats naming it.
    repeats = pd.Series(first_line).groupby([batch.doc[rows], first_line]).transform("size")
    pattern = ~prose[rows] | (repeats.to_numpy() + 1 >= _PATTERN_MIN_COPIES)
    rows, first_line = rows[pattern], first_line[pattern]
    label_at = pd.Series(
        batch.label, index=pd.MultiIndex.from_arrays([batch.doc, lines["line_no"].to_numpy()])
    )
    first = pd.MultiIndex.from_arrays([batch.doc[rows], first_line])
    body = rows[label_at.reindex(first).to_numpy() == BODY]
    batch.label[body] = BODY
    batch.reason[body] = np.where(prose[body], "paragraph", "heading")


def _timestamps_in_tail(batch: _Batch, tail: np.ndarray) -> None:
    """Datelines after the article down to the minute, when a document has two or more:
    the stamps of comments or of stories in a feed, not the article's date."""
    rows = np.flatnonzero(tail & np.isin(batch.reason, _DATELINE_REASONS))
    stamp = np.zeros(len(batch.lines), dtype=bool)
    stamp[rows] = batch.lines["text"].iloc[rows].map(dates.is_timestamp).to_numpy(dtype=bool)
    per_document = pd.Series(stamp).groupby(batch.doc).transform("sum").to_numpy()
    several = stamp & (per_document >= PATTERN_MIN_LINES)
    batch.label[several], batch.reason[several] = BOILERPLATE, "timestamp"


def _own_lists(batch: _Batch) -> np.ndarray:
    """Unclaimed lines of a list of the article's own: bullets, table rows, short lines
    after a colon."""
    short = batch.unclaimed & ~batch.lines["prose"].to_numpy()
    return batch.unclaimed & (
        batch.lines["bullet"].to_numpy()
        | introduced_runs(batch.lines, short)
        | labelled_runs(batch.lines, short)
    )
