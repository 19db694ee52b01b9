"""The line classifier: a label and a reason for every line, and the metadata fields.

Second step of cleaning, on the line table of `newspipe.clean.lines`. It applies the rules
table (`newspipe.clean.rules`) column-wise, then document context, all with grouped and
shifted column operations over the whole batch:

- repeats: a line whose white-space-normalised text occurred earlier in the same document
  is `repeat` with reason `repeat_of:N`, N the first copy's line number; this comes first,
  so a caption or a paragraph printed twice keeps only its first copy;
- anchors: lines of prose no rule claimed. The article runs from its first anchor to its
  last; the header zone lies before the first, the tail zone after the last;
- header zone: read as a sequence of unclaimed lines, menus, metadata lines and the first
  paragraph (see `_label_header`). The first line is the masthead when it is a known outlet
  or a short capitalised name above a longer line; it gives the site name (title-cased when
  printed in capitals) unless the headline has a `| Site` suffix. The headline is found by
  structure: a `| Site` / `- Site` suffix, the first line after the site's menu, the line
  right above the byline or dateline, the line right above the first paragraph. Lines
  between masthead and headline are the site's (tagline, chrome); after the headline a
  bare name beside the dateline is the byline, longer lines the standfirst (body), short
  ones chrome;
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

from newspipe.clean import metadata as md
from newspipe.clean.publishers import PublisherDirectory, name_key
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


def _first_per_doc(lines: pd.DataFrame, values: pd.Series) -> pd.Series:
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
    first_anchor = _per_doc(np.where(prose & ~matched, pos, np.nan), doc, "min", np.inf)
    last_anchor = _per_doc(np.where(prose & ~matched & closing, pos, np.nan), doc, "max", -np.inf)
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
    hinted = _is_title_hint(lines, unclaimed & ext, title_hint)
    settled = _per_doc(hinted.astype(float), doc, "max", 0.0).astype(bool)
    label[hinted], reason[hinted] = METADATA, "title"
    unclaimed &= ~hinted
    site_from_masthead = _label_header(
        lines, unclaimed & header & ~settled, pos == first_anchor, label, reason, directory
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


def _per_doc(values: np.ndarray, doc: np.ndarray, how: str, missing: float) -> np.ndarray:
    """`how` ("min"/"max") of `values` over each line's document, `missing` when all NaN."""
    return pd.Series(values).groupby(doc).transform(how).fillna(missing).to_numpy()


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


def _label_header(
    lines: pd.DataFrame,
    candidate: np.ndarray,
    first_anchor: np.ndarray,
    label: np.ndarray,
    reason: np.ndarray,
    directory: PublisherDirectory,
) -> pd.Series:
    """Masthead, tagline, title, byline, standfirst and header chrome among the unclaimed
    header lines (`candidate`); returns the site name per document with a masthead.

    The header is read as a sequence of candidates, menus (navigation), metadata lines and
    the first paragraph (`first_anchor`). The masthead is the first candidate when it is a
    known outlet or a short capitalised name with a longer line after it.
    Menus above the byline sit between the site's header and the article: only lines after
    the last of them may be the headline, and after another such line no line of a
    standfirst's shape (a full stop or many words) nor a bare name. The headline is, in
    order of evidence: a line ending in a `| Site` suffix (or `- Site`, the site printed
    above); the first line after a menu; the last line directly above a byline or
    dateline; the line directly above the first paragraph; the first candidate. Candidates
    before the headline are the site's (a tagline right under the masthead); after it, a
    bare name next to a dateline is the byline and longer lines are the standfirst."""
    nav = (pd.Series(reason) == "navigation").to_numpy()
    rows = np.flatnonzero(candidate | first_anchor | nav | (label == METADATA))
    seq = lines.iloc[rows][["doc", "pos", "text", "n_words", "terminal"]].reset_index(drop=True)
    # The header part of the sequence: rows up to their document's first paragraph.
    anchor_pos = _per_doc(
        np.where(first_anchor[rows], seq["pos"].to_numpy(), np.nan), seq["doc"], "min", np.inf
    )
    keep = seq["pos"].to_numpy() <= anchor_pos
    seq, rows = seq[keep].reset_index(drop=True), rows[keep]
    is_cand = candidate[rows]
    if not is_cand.any():
        return pd.Series(dtype=object)
    kind = np.select(
        [is_cand, first_anchor[rows], nav[rows]], ["cand", "anchor", "nav"], "meta"
    ).astype(object)
    seq_doc = seq["doc"].to_numpy()
    text = seq["text"]
    words = seq["n_words"].to_numpy()
    by_doc = pd.Series(is_cand).groupby(seq_doc)

    # Masthead: first candidate, a known outlet or a short capitalised name above a longer
    # line.
    rank = by_doc.cumsum().to_numpy() - is_cand  # candidates before this row
    shaped_title = np.zeros(len(seq), dtype=bool)
    shaped_title[is_cand] = text[is_cand].map(md.looks_like_title).to_numpy(dtype=bool)
    multiword = is_cand & (words >= 2) & shaped_title
    first = is_cand & (rank == 0)
    later = is_cand & ~first & (words >= 2)
    longest_after = _per_doc(np.where(later, words, np.nan), seq_doc, "max", -np.inf)
    known = np.zeros(len(seq), dtype=bool)
    known[first] = text[first].map(lambda t: directory.lookup(t) is not None).to_numpy(bool)
    shaped = np.zeros(len(seq), dtype=bool)
    shaped[first] = text[first].map(lambda t: md.looks_like_masthead(t, directory)).to_numpy(bool)
    masthead = first & (known | (shaped & (longest_after > words)))

    # Site menus: menus above the first metadata line (one under the byline lists topics).
    # The article starts after the last of them.
    is_meta = kind == "meta"
    site_menu = (kind == "nav") & (pd.Series(is_meta).groupby(seq_doc).cumsum().to_numpy() == 0)
    menu_count = pd.Series(site_menu).groupby(seq_doc)
    after_menus = menu_count.cumsum().to_numpy() == menu_count.transform("sum").to_numpy()
    has_menu = menu_count.transform("max").to_numpy(dtype=bool)

    # Headline candidates, and what rules some of them out after another candidate.
    eligible = multiword & ~masthead
    in_article = eligible & after_menus
    before = pd.Series(in_article).groupby(seq_doc).cumsum().to_numpy() - in_article
    period = text.str.contains(r"[^.]\.[\"'”’»)]*$", regex=True).to_numpy(dtype=bool)
    standfirst_shaped = eligible & (before > 0) & (period | (words >= _STANDFIRST_MIN_WORDS))
    # A bare name after another candidate is a byline without "By" (`Jane Doe`).
    name_shaped = np.zeros(len(seq), dtype=bool)
    short = eligible & (before > 0) & (words <= 4)
    name_shaped[short] = text[short].map(md.bare_name).notna().to_numpy(dtype=bool)
    not_headline = standfirst_shaped | name_shaped
    title_ok = in_article & ~not_headline

    # What follows each line, ignoring chrome, menus, kickers and standfirsts.
    steps = is_meta | (kind == "anchor") | (eligible & ~not_headline)
    step_rows = np.flatnonzero(steps)
    next_kind = np.full(len(seq), None, dtype=object)
    step_doc = pd.Series(seq_doc[step_rows])
    step_kind = pd.Series(kind[step_rows])
    next_kind[step_rows] = step_kind.groupby(step_doc).shift(-1).to_numpy()

    # A `| Site` suffix, or a `- Site` one naming the site printed above the headline.
    first_text = pd.Series(np.where(first, text, None)).groupby(seq_doc).transform("first")
    split = pd.Series([(None, None)] * len(seq), dtype=object)
    split[title_ok] = text[title_ok].map(lambda t: md.split_title(t, directory))
    suffix = split.map(lambda s: s[1])
    strong = np.zeros(len(seq), dtype=bool)
    for i in np.flatnonzero(title_ok & suffix.notna().to_numpy()):
        site, head = suffix[i], first_text[i]
        strong[i] = (
            not text[i][: len(text[i]) - len(site)].rstrip().endswith(("-", "–", "—"))
            or directory.lookup(site) is not None
            or (isinstance(head, str) and name_key(head).startswith(name_key(site)))
        )

    evidence = np.select(
        [
            title_ok & strong,
            title_ok & has_menu,
            title_ok & (next_kind == "meta"),
            title_ok & (next_kind == "anchor"),
            title_ok,
            eligible,
        ],
        [6, 5, 4, 3, 2, 1],
        0,
    )
    # Above a byline or the first paragraph: the last such line (a tagline may sit above a
    # dateline over the headline); otherwise the first.
    order = np.where(np.isin(evidence, (4, 3)), -rank, rank)
    ranked = pd.DataFrame({"doc": seq_doc, "evidence": evidence, "order": order})
    best = (
        ranked[evidence > 0]
        .sort_values(["doc", "evidence", "order"], ascending=[True, False, True], kind="stable")
        .groupby("doc")
        .head(1)
        .index.to_numpy()
    )
    title = np.zeros(len(seq), dtype=bool)
    title[best] = True
    title_rank = _per_doc(np.where(title, rank, np.nan), seq_doc, "min", np.inf)
    site_suffix = pd.Series(np.where(title, suffix, None)).groupby(seq_doc).transform("first")

    before_title = is_cand & ~masthead & (rank < title_rank)
    # The site's name printed with its tagline ("Valley Echo — the valley, explained") when
    # the headline's suffix names it.
    named = np.zeros(len(seq), dtype=bool)
    for i in np.flatnonzero(before_title & site_suffix.notna().to_numpy()):
        named[i] = name_key(text[i]).startswith(name_key(site_suffix[i]))
    masthead_rank = _per_doc(np.where(masthead, rank, np.nan), seq_doc, "min", np.inf)
    tagline = before_title & ~named & multiword & (rank == masthead_rank + 1)

    after_title = is_cand & (rank > title_rank)
    # A bare name next to a dateline (the name is no step: look at its neighbours).
    meta_by_doc = pd.Series(is_meta).groupby(seq_doc)
    neighbour_meta = meta_by_doc.shift(-1, fill_value=False).to_numpy(dtype=bool) | (
        meta_by_doc.shift(1, fill_value=False).to_numpy(dtype=bool)
    )
    byline = after_title & name_shaped & neighbour_meta
    standfirst = after_title & ~byline & ((words >= 8) | seq["terminal"].to_numpy())
    chrome = is_cand & ~masthead & ~title & ~named & ~tagline & ~byline & ~standfirst
    for mask, lab, why in (
        (masthead | named, METADATA, "masthead"),
        (title, METADATA, "title"),
        (tagline, BOILERPLATE, "tagline"),
        (byline, METADATA, "byline"),
        (standfirst, BODY, "standfirst"),
        (chrome, BOILERPLATE, "header_chrome"),
    ):
        label[rows[mask]], reason[rows[mask]] = lab, why
    printed = text[masthead].map(lambda t: md.site_display(t, directory))
    return pd.Series(printed.to_numpy(), index=seq_doc[masthead])


def _is_title_hint(
    lines: pd.DataFrame, among: np.ndarray, title_hint: pd.Series | None
) -> np.ndarray:
    """Lines `among` the given ones whose text is their document's title hint (compared
    with `name_key` folding: case, punctuation and spacing aside)."""
    found = np.zeros(len(lines), dtype=bool)
    if title_hint is None or not among.any():
        return found
    hints = title_hint.map(lambda t: name_key(t) if isinstance(t, str) and t else None)
    wanted = lines["doc"][among].map(hints)
    rows = np.flatnonzero(among)[wanted.notna().to_numpy()]
    found[rows] = [
        name_key(t) == h for t, h in zip(lines["text"].iloc[rows], wanted.dropna(), strict=True)
    ]
    return found


def _runs(member: np.ndarray, doc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Number consecutive `member` lines of one document into runs: (run id per line,
    meaningful where `member`; whether the line starts its run)."""
    same_doc_as_previous = np.r_[False, doc[1:] == doc[:-1]]
    starts = member & ~(np.r_[False, member[:-1]] & same_doc_as_previous)
    return np.cumsum(starts), starts


def _introduced_runs(lines: pd.DataFrame, short: np.ndarray) -> np.ndarray:
    """Runs of `short` lines that a colon introduces: the run's first line ends in a colon
    ("Tour dates:") or follows a line that does ("Here are the dates:")."""
    doc = lines["doc"].to_numpy()
    colon = lines["text"].str.endswith(":").to_numpy(dtype=bool)
    after_colon = np.r_[False, colon[:-1] & (doc[1:] == doc[:-1])]
    run, starts = _runs(short, doc)
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
    run, _ = _runs(member, lines["doc"].to_numpy())
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
    fields["title"] = _first_per_doc(lines, titles)
    site = _first_per_doc(lines, suffixes)
    fields["site_name"] = site.combine_first(site_from_masthead).reindex(fields.index)

    author_rows = np.isin(reason, _AUTHOR_REASONS) & (lines["label"].to_numpy() == METADATA)
    authors = texts[author_rows].map(_author_of)
    # "By Reuters": a wire, not a person; it credits the origin.
    wire = authors.map(lambda a: directory.lookup(a) if isinstance(a, str) else None)
    fields["author"] = _first_per_doc(lines, authors.where(wire.isna()))

    date_rows = np.isin(reason, _DATE_REASONS)
    fields["published_date"] = _first_per_doc(lines, texts[date_rows].map(md.parse_date))

    credit_rows = reason == "origin_credit"
    credits = texts[credit_rows].map(lambda t: _credited_domain(t, directory))
    fields["original_source"] = _first_per_doc(lines, pd.concat([credits, wire]))
    return fields
