"""Reading an article's header: masthead, tagline, headline, byline, standfirst, chrome.

Part of line classification (`newspipe.clean.classify`), for the lines before the
article's first paragraph that no rule claimed (the candidates). The header is read as a
sequence of candidates, menus (navigation), metadata lines and the first paragraph, all
documents of the batch at once with grouped column operations:

- masthead: the first candidate when it is a known outlet, or a short capitalised name
  with a longer line after it;
- menus above the first metadata line sit between the site's header and the article: only
  lines after the last of them may be the headline, and after another such line no line of
  a standfirst's shape (a full stop or many words) nor a bare name;
- the headline is, in order of evidence: a line ending in a `| Site` suffix (or `- Site`,
  the site printed above); the first line after a menu; the last line directly above a
  byline or dateline; the line directly above the first paragraph; the first candidate;
- candidates before the headline are the site's (a tagline right under the masthead);
  after it, a bare name (perhaps with its role or affiliation: `Olivia Prentice, University
  of Carrow`) next to a dateline is the byline, and lines of a standfirst's shape
  with nothing but metadata and other standfirst lines between them and the first
  paragraph are the standfirst (body); the rest is header chrome.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from newspipe.clean import dates, patterns, titles
from newspipe.clean import metadata as md
from newspipe.clean.lines import each_distinct, per_doc
from newspipe.clean.publishers import PublisherDirectory, name_key
from newspipe.clean.rules import BODY, BOILERPLATE, METADATA

# Evidence that a candidate is the headline, strongest first (see the module docstring).
_SUFFIX, _AFTER_MENU, _ABOVE_META, _ABOVE_PARAGRAPH, _IN_ARTICLE, _ELIGIBLE = 6, 5, 4, 3, 2, 1


@dataclass
class _Sequence:
    """The header sequence of a batch: one row per candidate, menu, metadata line and first
    paragraph, up to each document's first paragraph. `rows` index the line table."""

    rows: np.ndarray
    doc: np.ndarray
    text: pd.Series
    words: np.ndarray
    terminal: np.ndarray
    kind: np.ndarray  # "cand", "anchor", "nav" or "meta"
    rank: np.ndarray  # candidates before this row in its document
    repeated: np.ndarray  # printed again later in its document

    @property
    def is_cand(self) -> np.ndarray:
        return self.kind == "cand"


def label_header(
    lines: pd.DataFrame,
    candidate: np.ndarray,
    first_anchor: np.ndarray,
    label: np.ndarray,
    reason: np.ndarray,
    directory: PublisherDirectory,
    standfirst_min_words: int,
) -> pd.Series:
    """Label the header candidates (`candidate`) in `label` and `reason`; returns the site
    name per document that has a masthead."""
    seq = _sequence(lines, candidate, first_anchor, label, reason)
    if seq is None:
        return pd.Series(dtype=object)
    multiword = _multiword(seq)
    masthead, site_name, motto, title, suffix, name_shaped = _headline_and_masthead(
        seq, multiword, directory, standfirst_min_words
    )
    title |= _echoes(seq, title, directory)
    title_rank = per_doc(np.where(title, seq.rank, np.nan), seq.doc, "min", np.inf)
    site_suffix = pd.Series(np.where(title, suffix, None)).groupby(seq.doc).transform("first")

    is_cand = seq.is_cand
    before_title = is_cand & ~masthead & ~motto & (seq.rank < title_rank)
    # The site's name printed with its tagline ("Valley Echo — the valley, explained") when
    # the headline's suffix names it.
    named = np.zeros(len(seq.doc), dtype=bool)
    for i in np.flatnonzero(before_title & site_suffix.notna().to_numpy()):
        named[i] = name_key(seq.text[i]).startswith(name_key(site_suffix[i]))
    masthead_rank = per_doc(np.where(masthead, seq.rank, np.nan), seq.doc, "min", np.inf)
    tagline = motto | (before_title & ~named & multiword & (seq.rank == masthead_rank + 1))

    after_title = is_cand & (seq.rank > title_rank)
    # A wire named under the headline in place of a writer credits the story's origin.
    agency = after_title & ~masthead & _agencies(seq, directory)
    # (or directly above the first paragraph: a counter of comments may stand between it
    # and the headline)
    above_paragraph = pd.Series(seq.kind == "anchor").groupby(seq.doc).shift(-1, fill_value=False)
    beside = _next_to_meta(seq) | above_paragraph.to_numpy(dtype=bool)
    byline = after_title & ~agency & name_shaped & beside
    # A reading time (`Lecture 3 min.`) is chrome that a standfirst may sit above.
    reading = np.zeros(len(seq.doc), dtype=bool)
    short = after_title & (seq.words <= 4)
    reading[short] = each_distinct(seq.text[short], dates.is_reading_time).to_numpy(bool)
    shaped = after_title & ~byline & ~reading & ((seq.words >= standfirst_min_words) | seq.terminal)
    # A standfirst leads into the article: between it and the first paragraph lie only
    # metadata and more of the standfirst (a list of other headlines above an article does
    # not).
    interloper = (is_cand & ~shaped & ~byline & ~masthead & ~reading).astype(int)
    later = pd.Series(interloper[::-1]).groupby(seq.doc[::-1]).cumsum().to_numpy()[::-1]
    standfirst = shaped & (later - interloper == 0)
    chrome = is_cand & ~masthead & ~title & ~named & ~tagline & ~byline & ~standfirst & ~agency
    for mask, lab, why in (
        (masthead | named, METADATA, "masthead"),
        (title, METADATA, "title"),
        (tagline, BOILERPLATE, "tagline"),
        (byline, METADATA, "byline"),
        (agency, METADATA, "origin_credit"),
        (standfirst, BODY, "standfirst"),
        (chrome, BOILERPLATE, "header_chrome"),
    ):
        label[seq.rows[mask]], reason[seq.rows[mask]] = lab, why
    printed = site_name[masthead].map(lambda t: titles.site_display(t, directory))
    return pd.Series(printed.to_numpy(), index=seq.doc[masthead])


def _headline_and_masthead(
    seq: _Sequence,
    multiword: np.ndarray,
    directory: PublisherDirectory,
    standfirst_min_words: int,
) -> tuple[np.ndarray, pd.Series, np.ndarray, np.ndarray, pd.Series, np.ndarray]:
    """The masthead (and the site name it prints), the motto and the headline (with the
    site suffix split off each candidate, and the candidates shaped like a bare byline)."""
    masthead, site_name, motto = _masthead(seq, multiword, directory)
    motto |= _motto_over_headline(seq, masthead, multiword, directory)
    outlet = _outlet_names(seq, directory)
    title, suffix, name_shaped = _headline(
        seq, masthead | motto | outlet, multiword, directory, standfirst_min_words
    )
    # A page without a headline printed it where a motto or a masthead was read: above
    # the masthead (the masthead read under it on the strength of the motto stands only
    # when the name stands by itself: known, in capitals, a newspaper's name), or in
    # capitals at the top (`FERRY SERVICE SUSPENDED`, unless a newspaper's name).
    untitled = ~per_doc(title.astype(float), seq.doc, "max", 0.0).astype(bool)
    from_motto = per_doc((motto & multiword & untitled).astype(float), seq.doc, "max", 0.0)
    from_motto = from_motto.astype(bool)
    in_capitals = masthead & multiword & untitled & ~outlet & ~from_motto
    if from_motto.any() or in_capitals.any():
        capitals = site_name.map(lambda t: isinstance(t, str) and t.isupper()).to_numpy(bool)
        masthead &= ~(from_motto & (seq.rank == 1) & ~outlet & ~capitals) & ~in_capitals
        motto &= ~from_motto
        title, suffix, name_shaped = _headline(
            seq, masthead | motto | outlet, multiword, directory, standfirst_min_words
        )
    # The site's name printed under the headline (perhaps below its byline and dateline),
    # when none is printed above it.
    has_masthead = per_doc(masthead.astype(float), seq.doc, "max", 0.0).astype(bool)
    late = outlet & ~masthead & ~motto & ~has_masthead & ~_agencies(seq, directory)
    late &= _under(seq, title, (seq.kind == "meta") | name_shaped)
    late &= pd.Series(late).groupby(seq.doc).cumsum().to_numpy() == 1
    site_name[late] = seq.text[late]
    return masthead | late, site_name, motto, title, suffix, name_shaped


def _motto_over_headline(
    seq: _Sequence, masthead: np.ndarray, multiword: np.ndarray, directory: PublisherDirectory
) -> np.ndarray:
    """The line right under a masthead, shaped like a motto, when the next candidate is a
    longer line shaped like a headline (no full stop) with a dateline, a byline or the
    first paragraph right under it: that line is the headline, so the one above it is the
    site's motto even with a dateline under it (`EL ECO DEL BIERZO` / `El diario de la
    comarca` / `Hace 5 horas` / headline / `Redacción`)."""
    doc, n = seq.doc, len(seq.doc)
    motto = np.zeros(n, dtype=bool)
    above = pd.Series(masthead).groupby(doc).shift(1, fill_value=False).to_numpy(dtype=bool)
    under = above & multiword
    if not under.any():
        return motto
    under[under] = each_distinct(
        seq.text[under], lambda t: titles.looks_like_tagline(t, directory)
    ).to_numpy(dtype=bool)
    cand_rows = np.flatnonzero(seq.is_cand)
    next_cand = np.full(n, -1)
    next_cand[cand_rows] = (
        pd.Series(cand_rows).groupby(doc[cand_rows]).shift(-1, fill_value=-1).to_numpy()
    )
    for i in np.flatnonzero(under):
        j = next_cand[i]
        motto[i] = (
            j >= 0
            and multiword[j]
            and not seq.terminal[j]
            and seq.words[j] > seq.words[i]
            and j + 1 < n
            and doc[j + 1] == doc[i]
            and seq.kind[j + 1] in ("meta", "anchor")
        )
    return motto


def _echoes(seq: _Sequence, title: np.ndarray, directory: PublisherDirectory) -> np.ndarray:
    """Candidates after the headline that print it again (the page's title element above
    the menus, the headline itself under them)."""
    keys = pd.Series(np.full(len(seq.doc), None, dtype=object))
    keys[title] = each_distinct(
        seq.text[title], lambda t: name_key(titles.split_title(t, directory)[0])
    )
    wanted = keys.groupby(seq.doc).transform("first").to_numpy()
    after = seq.is_cand & ~title & (pd.Series(title).groupby(seq.doc).cumsum().to_numpy() > 0)
    echo = np.zeros(len(seq.doc), dtype=bool)
    rows = np.flatnonzero(after & pd.notna(wanted))
    echo[rows] = [name_key(seq.text[i]) == wanted[i] for i in rows]
    return echo


def _under(seq: _Sequence, top: np.ndarray, passable: np.ndarray) -> np.ndarray:
    """Rows after a `top` row of their document with nothing but `passable` rows between."""
    below = pd.Series(top).groupby(seq.doc).cumsum().to_numpy() > 0
    below &= ~top
    blocker = (below & ~passable).astype(int)
    blocked = pd.Series(blocker).groupby(seq.doc).cumsum().to_numpy() - blocker > 0
    return below & ~blocked


def _sequence(
    lines: pd.DataFrame,
    candidate: np.ndarray,
    first_anchor: np.ndarray,
    label: np.ndarray,
    reason: np.ndarray,
) -> _Sequence | None:
    nav = (pd.Series(reason) == "navigation").to_numpy()
    rows = np.flatnonzero(candidate | first_anchor | nav | (label == METADATA))
    seq = lines.iloc[rows][["doc", "pos", "text", "n_words", "terminal"]].reset_index(drop=True)
    # The header part of the sequence: rows up to their document's first paragraph.
    anchor_pos = per_doc(
        np.where(first_anchor[rows], seq["pos"].to_numpy(), np.nan), seq["doc"], "min", np.inf
    )
    keep = seq["pos"].to_numpy() <= anchor_pos
    seq, rows = seq[keep].reset_index(drop=True), rows[keep]
    is_cand = candidate[rows]
    if not is_cand.any():
        return None
    kind = np.select(
        [is_cand, first_anchor[rows], nav[rows]], ["cand", "anchor", "nav"], "meta"
    ).astype(object)
    doc = seq["doc"].to_numpy()
    return _Sequence(
        rows=rows,
        doc=doc,
        text=seq["text"],
        words=seq["n_words"].to_numpy(),
        terminal=seq["terminal"].to_numpy(dtype=bool),
        kind=kind,
        rank=pd.Series(is_cand).groupby(doc).cumsum().to_numpy() - is_cand,
        repeated=_repeated(lines, reason)[rows],
    )


def _repeated(lines: pd.DataFrame, reason: np.ndarray) -> np.ndarray:
    """Lines whose text a later line of their document repeats."""
    copies = pd.Series(reason).str.startswith("repeat_of:", na=False).to_numpy(dtype=bool)
    first_copy = pd.Series(reason[copies]).str.slice(len("repeat_of:")).astype(np.int64)
    doc = lines["doc"].to_numpy(dtype=np.int64)
    line_no = lines["line_no"].to_numpy(dtype=np.int64)
    # (doc, line_no) as one integer key
    span = int(line_no.max()) + 1 if len(line_no) else 1
    return np.isin(doc * span + line_no, doc[copies] * span + first_copy.to_numpy())


def _multiword(seq: _Sequence) -> np.ndarray:
    """Candidates of two words or more shaped like a headline; a section's name (`Local
    News` as a kicker) is none."""
    shaped = np.zeros(len(seq.doc), dtype=bool)
    cand = seq.is_cand
    shaped[cand] = each_distinct(
        seq.text[cand], lambda t: titles.looks_like_title(t) and not titles.is_section_name(t)
    ).to_numpy(dtype=bool)
    return cand & (seq.words >= 2) & shaped


def _masthead(
    seq: _Sequence, multiword: np.ndarray, directory: PublisherDirectory
) -> tuple[np.ndarray, pd.Series, np.ndarray]:
    """The masthead: the first candidate when it is a known outlet, a name printed in
    capitals, or a short capitalised name above a longer line; or the second one when the
    first is the site's motto printed above it. A masthead may carry its tagline on the
    same line. Returns (masthead rows, the site name each prints, motto rows)."""
    cand, rank, text = seq.is_cand, seq.rank, seq.text
    name = pd.Series([None] * len(seq.doc), dtype=object)
    top = cand & (rank <= 1)
    name[top] = each_distinct(text[top], lambda t: titles.masthead_name(t, directory))
    named = name.notna().to_numpy()
    known = np.zeros(len(seq.doc), dtype=bool)
    known[top] = each_distinct(text[top], lambda t: directory.lookup(t) is not None).to_numpy(bool)
    capitals = named & name.map(lambda t: isinstance(t, str) and t.isupper()).to_numpy(bool)
    outletish = named & name.map(lambda t: isinstance(t, str) and md.has_outlet_word(t)).to_numpy(
        bool
    )
    masthead = np.zeros(len(seq.doc), dtype=bool)
    motto = np.zeros(len(seq.doc), dtype=bool)
    name_words = name.map(lambda t: len(t.split()) if isinstance(t, str) else 0).to_numpy()
    for position in (0, 1):
        later = cand & (rank > position) & (seq.words >= 2)
        longest_after = per_doc(np.where(later, seq.words, np.nan), seq.doc, "max", -np.inf)
        at = cand & (rank == position)
        found = at & (known | capitals | (named & (longest_after > name_words)))
        if position == 1:
            found = _second_masthead(
                seq, directory, found, masthead, known | outletish, motto, multiword
            )
            # A newspaper's name second replaces a weaker name first (`Today's Paper`).
            replaced = per_doc(found.astype(float), seq.doc, "max", 0.0).astype(bool)
            masthead &= ~(replaced & (rank == 0) & ~motto)
        masthead |= found
    return masthead, name, motto


def _second_masthead(
    seq: _Sequence,
    directory: PublisherDirectory,
    found: np.ndarray,
    first: np.ndarray,
    newspaper: np.ndarray,
    motto: np.ndarray,
    multiword: np.ndarray,
) -> np.ndarray:
    """The second candidates `found` shaped like a masthead that are one: under the site's
    motto (`News that matters to you` above the name; `motto` gets that line) when no
    masthead is first, or a newspaper's name (known, or with a newspaper word) under no
    masthead (under chrome such as `Independent. Local. Yours.`) or under one that is
    neither."""
    above = pd.Series(motto_shaped(seq, directory)).groupby(seq.doc).shift(1)
    has_first = per_doc(first.astype(float), seq.doc, "max", 0.0).astype(bool)
    weak_first = per_doc((first & ~newspaper).astype(float), seq.doc, "max", 0.0).astype(bool)
    under_motto = found & above.fillna(False).to_numpy(dtype=bool) & ~has_first
    motto |= pd.Series(under_motto).groupby(seq.doc).shift(-1).fillna(False).to_numpy(bool)
    # (under no masthead, only when the line above it is no headline but chrome)
    first_chrome = seq.is_cand & (seq.rank == 0) & ~multiword
    above_chrome = per_doc(first_chrome.astype(float), seq.doc, "max", 0.0).astype(bool)
    return under_motto | (found & newspaper & (weak_first | (~has_first & above_chrome)))


def _outlet_names(seq: _Sequence, directory: PublisherDirectory) -> np.ndarray:
    """Candidates of two words or more naming an outlet: a known one, or a masthead-shaped
    name holding a word of newspapers' names (`Greyhaven Mercury`, `THE ASHBY ADVERTISER`)."""
    named = np.zeros(len(seq.doc), dtype=bool)
    rows = seq.is_cand & (seq.words >= 2)
    named[rows] = each_distinct(
        seq.text[rows],
        lambda t: (
            directory.lookup(t) is not None
            or (md.has_outlet_word(t) and titles.looks_like_masthead(t, directory))
        ),
    ).to_numpy(bool)
    return named


def _agencies(seq: _Sequence, directory: PublisherDirectory) -> np.ndarray:
    """Candidates naming a wire or news agency and nothing else (`Reuters`, `AFP`)."""
    named = np.zeros(len(seq.doc), dtype=bool)
    rows = seq.is_cand & (seq.words <= md.BARE_BYLINE_MAX_WORDS)
    named[rows] = each_distinct(
        seq.text[rows], lambda t: directory.agency(t.strip(" ()[]")) is not None
    ).to_numpy(bool)
    return named


def motto_shaped(seq: _Sequence, directory: PublisherDirectory) -> np.ndarray:
    """First candidates shaped like a site's motto."""
    first = seq.is_cand & (seq.rank == 0)
    shaped = np.zeros(len(seq.doc), dtype=bool)
    shaped[first] = each_distinct(
        seq.text[first], lambda t: titles.looks_like_tagline(t, directory)
    ).to_numpy(bool)
    return shaped


def _headline(
    seq: _Sequence,
    masthead: np.ndarray,
    multiword: np.ndarray,
    directory: PublisherDirectory,
    standfirst_min_words: int,
) -> tuple[np.ndarray, pd.Series, np.ndarray]:
    """The headline per document; returns (headline rows, the site suffix split off each
    headline candidate, candidates shaped like a bare name)."""
    doc, text, words = seq.doc, seq.text, seq.words
    is_meta = seq.kind == "meta"
    # Site menus: menus above the first metadata line (one under the byline lists topics).
    # The article starts after the last of them.
    # Account links and an article's tools are no menu of the site's sections.
    site_menu = (seq.kind == "nav") & (pd.Series(is_meta).groupby(doc).cumsum().to_numpy() == 0)
    site_menu[site_menu] = ~each_distinct(seq.text[site_menu], _bar_links).to_numpy(bool)
    menu_count = pd.Series(site_menu).groupby(doc)
    after_menus = menu_count.cumsum().to_numpy() == menu_count.transform("sum").to_numpy()
    has_menu = menu_count.transform("max").to_numpy(dtype=bool)

    # Headline candidates, and what rules some of them out after another candidate.
    eligible = multiword & ~masthead
    in_article = eligible & after_menus
    before = pd.Series(in_article).groupby(doc).cumsum().to_numpy() - in_article
    period = text.str.contains(r"[^.]\.[\"'”’»)]*$", regex=True).to_numpy(dtype=bool)
    standfirst_shaped = eligible & (before > 0) & (period | (words >= standfirst_min_words))
    # A bare name after another headline-shaped line (a breadcrumb may sit between them) is
    # a byline; first, a two-word headline in title case may look like one.
    name_shaped = np.zeros(len(doc), dtype=bool)
    after_eligible = pd.Series(eligible).groupby(doc).cumsum().to_numpy() - eligible > 0
    short = eligible & after_eligible & (words <= md.BARE_BYLINE_MAX_WORDS)
    name_shaped[short] = text[short].map(md.bare_byline).notna().to_numpy(dtype=bool)
    not_headline = standfirst_shaped | name_shaped
    title_ok = in_article & ~not_headline

    # What follows each line, ignoring chrome, menus, kickers and standfirsts.
    steps = is_meta | (seq.kind == "anchor") | (eligible & ~not_headline)
    step_rows = np.flatnonzero(steps)
    next_kind = np.full(len(doc), None, dtype=object)
    step_kind = pd.Series(seq.kind[step_rows])
    next_kind[step_rows] = step_kind.groupby(pd.Series(doc[step_rows])).shift(-1).to_numpy()

    # The page's first candidate with a site suffix (after a dash too: at the top of a
    # page that is the title element's convention), or printed again further down, is its
    # title element printed as text (`Headline - Site` above the site's menus, the headline
    # under them), wherever the menus end.
    top = eligible & (seq.rank == 0)
    suffix, strong = _site_suffixes(seq, title_ok | top, directory)
    evidence = np.select(
        [
            (title_ok & strong) | (top & (suffix.notna().to_numpy() | seq.repeated)),
            title_ok & has_menu,
            title_ok & (next_kind == "meta"),
            title_ok & (next_kind == "anchor"),
            title_ok,
            eligible,
        ],
        [_SUFFIX, _AFTER_MENU, _ABOVE_META, _ABOVE_PARAGRAPH, _IN_ARTICLE, _ELIGIBLE],
        0,
    )
    # Above a byline or the first paragraph: the last such line (a tagline may sit above a
    # dateline over the headline); failing all other evidence, the longest (a headline is
    # longer than the kickers and taglines around it); otherwise the first.
    order = np.select(
        [np.isin(evidence, (_ABOVE_META, _ABOVE_PARAGRAPH)), evidence == _ELIGIBLE],
        [-seq.rank, -words],
        seq.rank,
    )
    # After a menu, a kicker may come first (`Match report`, `Analysis`): a longer line
    # above the byline or dateline is the headline.
    after_menu = evidence == _AFTER_MENU
    first_words = pd.Series(np.where(after_menu, words, np.nan)).groupby(doc).transform("first")
    kicked = after_menu & (next_kind == "meta") & (words > first_words.to_numpy())
    ranked = pd.DataFrame({"doc": doc, "evidence": evidence, "kicked": kicked, "order": order})
    best = (
        ranked[evidence > 0]
        .sort_values(
            ["doc", "evidence", "kicked", "order"],
            ascending=[True, False, False, True],
            kind="stable",
        )
        .groupby("doc")
        .head(1)
        .index.to_numpy()
    )
    title = np.zeros(len(doc), dtype=bool)
    title[best] = True
    return title, suffix, name_shaped


def _bar_links(text: str) -> bool:
    """Account links (`Log in | Sign up`, `Mi cuenta`) or an article's tool (`Listen to this
    article`): unlike `Menu`, `Search` or a row of sections, they do not end the site's
    navigation above the article."""
    return patterns.nav_item_row(text) or patterns.account_link(text) or patterns.article_tool(text)


def _site_suffixes(
    seq: _Sequence, title_ok: np.ndarray, directory: PublisherDirectory
) -> tuple[pd.Series, np.ndarray]:
    """The site suffix of each possible headline, and whether it is strong evidence: a
    `| Site` suffix, or a `- Site` one naming a known outlet, a host (`- cleveland.com`) or
    the site printed above."""
    text = seq.text
    first = seq.is_cand & (seq.rank == 0)
    first_text = pd.Series(np.where(first, text, None)).groupby(seq.doc).transform("first")
    split = pd.Series([(None, None)] * len(seq.doc), dtype=object)
    split[title_ok] = each_distinct(text[title_ok], lambda t: titles.split_title(t, directory))
    suffix = split.map(lambda s: s[1])
    strong = np.zeros(len(seq.doc), dtype=bool)
    for i in np.flatnonzero(title_ok & suffix.notna().to_numpy()):
        site, head = suffix[i], first_text[i]
        strong[i] = (
            not text[i][: len(text[i]) - len(site)].rstrip().endswith(("-", "–", "—"))
            or directory.lookup(site) is not None
            or titles.is_host_name(site)
            or (isinstance(head, str) and name_key(head).startswith(name_key(site)))
        )
    return suffix, strong


def _next_to_meta(seq: _Sequence) -> np.ndarray:
    """Rows next to a metadata line in the sequence (a bare name beside a dateline)."""
    meta_by_doc = pd.Series(seq.kind == "meta").groupby(seq.doc)
    return meta_by_doc.shift(-1, fill_value=False).to_numpy(dtype=bool) | (
        meta_by_doc.shift(1, fill_value=False).to_numpy(dtype=bool)
    )


def title_hint_lines(
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
