"""The line classifier: a label and a reason for every line, and the metadata fields.

Second step of cleaning, on the line table of `newspipe.clean.lines`. It applies the rules
table (`newspipe.clean.rules`) column-wise, then document context, all with grouped and
shifted column operations over the whole batch:

- repeats: a line whose white-space-normalised text occurred earlier in the same document
  is `repeat` with reason `repeat_of:N`, N the first copy's line number; this comes first,
  so a caption or a paragraph printed twice keeps only its first copy;
- anchors: lines of prose no rule claimed. The article runs from its first anchor to its
  last; the header zone lies before the first, the tail zone after the last;
- header zone: the title is the first remaining line there, unless that line is a masthead
  (a known outlet or a short capitalised name) with a longer line after it, which is then
  the title and the masthead the site name; other short lines there are chrome (kickers,
  breadcrumbs), longer ones a standfirst (body);
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
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from newspipe.clean import metadata as md
from newspipe.clean.publishers import PublisherDirectory
from newspipe.clean.rules import (
    BIO_SENTENCE,
    BODY,
    BOILERPLATE,
    METADATA,
    REPEAT,
    RULES,
)

# A list item or a table row (`| 1 | Kyle Busch | 5040 |`).
_BULLET = re.compile(r"^(?:(?:[-•*·▪–—]|\d{1,2}[.)])\s|\|.*\|$)")
_AUTHOR_REASONS = ("byline", "author_bio", "author_link")
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
    lines: pd.DataFrame, n_docs: int, directory: PublisherDirectory
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Label every line; return (`lines` with `label` and `reason`, per-document fields
    indexed by document row)."""
    doc = lines["doc"].to_numpy()
    n = len(lines)
    label = np.full(n, None, dtype=object)
    reason = np.full(n, None, dtype=object)

    # Repeats first: the first copy of a white-space-normalised line is the one that counts.
    first_copy = lines.groupby(["doc", "key"], sort=False)["line_no"].transform("first")
    repeat = (first_copy != lines["line_no"]).to_numpy()
    label[repeat] = REPEAT
    reason[repeat] = "repeat_of:" + first_copy[repeat].astype(str)

    rule_index = _apply_rules(lines, ~repeat)
    matched = rule_index >= 0
    rule_reason = np.array([r.reason for r in RULES], dtype=object)
    rule_label = np.array([r.label for r in RULES], dtype=object)
    rule_zone = np.array([r.zone for r in RULES], dtype=object)
    line_reason = np.where(matched, rule_reason[rule_index], None)

    # Authors named so far (bylines, "About X", "View all posts by X") find bio paragraphs.
    texts = lines["text"]
    author_rows = (
        matched & np.isin(line_reason, _AUTHOR_REASONS) & (rule_label[rule_index] == METADATA)
    )
    authors = texts[author_rows].map(_author_of)
    doc_author = authors.dropna().groupby(doc[author_rows][authors.notna().to_numpy()]).first()
    unclaimed = ~repeat & ~matched
    bio = _bio_candidates(lines, unclaimed, doc_author)

    # A bio paragraph may open the tail but never close the article: it is left out of the
    # anchors that end the article, not of those that start it.
    prose = lines["prose"].to_numpy()
    pos = lines["pos"].to_numpy()
    first_anchor = _per_doc(np.where(prose & ~matched, pos, np.nan), doc, "min", np.inf)
    last_anchor = _per_doc(np.where(prose & ~matched & ~bio, pos, np.nan), doc, "max", -np.inf)
    anchor = prose & ~matched & ~bio
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

    # Bios are chrome only after the article.
    bio &= tail
    label[bio], reason[bio] = BOILERPLATE, "author_bio"
    unclaimed &= ~bio

    # Related-story blocks: the heading's short lines up to the next paragraph.
    heading_row = matched & (line_reason == "related_heading")
    segment = pd.Series(anchor | heading_row).groupby(doc).cumsum()
    opened_by_heading = (
        pd.Series(heading_row).groupby([doc, segment.to_numpy()]).transform("first").to_numpy()
    )
    related = unclaimed & opened_by_heading & ~prose & ~header
    label[related], reason[related] = BOILERPLATE, "related_block"
    unclaimed &= ~related

    site_from_masthead = _label_header(lines, unclaimed & header, label, reason, directory)
    unclaimed &= ~header  # every unclaimed header line has just been labelled

    # Lists of the article's own (bullets, table rows, short lines after a colon) are body
    # wherever they stand, even after the last paragraph.
    bullet = texts.map(lambda t: _BULLET.match(t) is not None).to_numpy(dtype=bool)
    listed = unclaimed & (bullet | _introduced_runs(lines, unclaimed & ~prose))

    # Tail: footer chrome, or a bare outlet name crediting the origin.
    tail_rows = np.flatnonzero(unclaimed & tail & ~listed)
    outlet = texts.iloc[tail_rows].map(lambda t: md.outlet_domain(t, directory))
    credited = tail_rows[outlet.notna().to_numpy()]
    label[credited], reason[credited] = METADATA, "origin_credit"
    rest = tail_rows[outlet.isna().to_numpy()]
    label[rest], reason[rest] = BOILERPLATE, "trailing_chrome"
    unclaimed[tail_rows] = False

    link_list = _link_lists(lines, unclaimed & middle & ~prose & ~listed)
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
    return md.author_from_byline(text) or md.author_from_about(text) or md.author_from_link(text)


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
    label: np.ndarray,
    reason: np.ndarray,
    directory: PublisherDirectory,
) -> pd.Series:
    """Title, masthead, standfirst and header chrome among the unclaimed header lines;
    returns the masthead text per document that has one."""
    rows = np.flatnonzero(candidate)
    if not len(rows):
        return pd.Series(dtype=object)
    head = lines.iloc[rows][["doc", "text", "n_words", "terminal"]]
    rank = head.groupby("doc").cumcount().to_numpy()
    count = head.groupby("doc")["doc"].transform("size").to_numpy()
    next_words = head.groupby("doc")["n_words"].shift(-1).fillna(0).to_numpy()
    words = head["n_words"].to_numpy()
    head_doc = head["doc"].to_numpy()
    known = head["text"].map(lambda t: directory.lookup(t) is not None).to_numpy(dtype=bool)
    shaped = head["text"].map(lambda t: md.looks_like_masthead(t, directory)).to_numpy(dtype=bool)
    masthead = (rank == 0) & (known | (shaped & (count >= 2) & (next_words > words)))
    # The title: the first line of two words or more that is not the masthead (a one-word
    # line above a headline is a kicker).
    shaped_title = head["text"].map(md.looks_like_title).to_numpy(dtype=bool)
    eligible = ~masthead & (words >= 2) & shaped_title
    eligible_rank = pd.Series(eligible).groupby(head_doc).cumsum().to_numpy()
    title = eligible & (eligible_rank == 1)
    title_rank = _per_doc(np.where(title, rank, np.nan), head_doc, "min", np.inf)
    standfirst = (rank > title_rank) & ((words >= 8) | head["terminal"].to_numpy())
    chrome = ~masthead & ~title & ~standfirst
    for mask, lab, why in (
        (masthead, METADATA, "masthead"),
        (title, METADATA, "title"),
        (standfirst, BODY, "standfirst"),
        (chrome, BOILERPLATE, "header_chrome"),
    ):
        label[rows[mask]], reason[rows[mask]] = lab, why
    return pd.Series(head["text"].to_numpy()[masthead], index=head["doc"].to_numpy()[masthead])


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

    date_rows = reason == "dateline"
    fields["published_date"] = _first_per_doc(lines, texts[date_rows].map(md.parse_date))

    credit_rows = reason == "origin_credit"
    credits = texts[credit_rows].map(
        lambda t: (
            md.credit_domain(t, directory)
            if md.credit_rest(t) is not None
            else md.outlet_domain(t, directory)
        )
    )
    fields["original_source"] = _first_per_doc(lines, pd.concat([credits, wire]))
    return fields
