"""Runs of short lines, and what a run is: a list of the article's own (a colon's list, label-led
particulars), the teasers of a list of other stories, or a list of links elsewhere.

Part of line classification (`newspipe.clean.classify`): each function takes the line table
and a mask of the lines that may belong to a run, and returns the mask of those that do.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newspipe.clean.lines import runs

# A pattern repeated is evidence, one line of it is not: two headlines with counts in a row
# are a list of other stories, two label-and-colon lines an interview's or a recipe's list,
# two timestamps after the article a thread or a feed (one may be the article's own date).
PATTERN_MIN_LINES = 2


def introduced_runs(lines: pd.DataFrame, short: np.ndarray) -> np.ndarray:
    """Runs of `short` lines that a colon introduces: the run's first line ends in a colon
    ("Tour dates:") or follows a line that does ("Here are the dates:")."""
    doc = lines["doc"].to_numpy()
    colon = lines["colon"].to_numpy()
    after_colon = np.r_[False, colon[:-1] & (doc[1:] == doc[:-1])]
    run, starts = runs(short, doc)
    introduced = np.zeros(run[-1] + 1 if len(run) else 1, dtype=bool)
    introduced[run[starts & (colon | after_colon)]] = True
    return short & introduced[run]


def teaser_runs(lines: pd.DataFrame, among: np.ndarray) -> np.ndarray:
    """Lines `among` the given ones cut off with an ellipsis, two or more in a row: the
    excerpts of a list of other stories (an article's paragraph is printed whole). On the
    tuned half of the benchmark pages as text, 27 such lines and none of an article."""
    cut = among & lines["cut"].to_numpy()
    run, _ = runs(cut, lines["doc"].to_numpy())
    run_size = np.bincount(run[cut], minlength=run[-1] + 1 if len(run) else 1)[run]
    return cut & (run_size >= PATTERN_MIN_LINES)


def labelled_runs(lines: pd.DataFrame, short: np.ndarray) -> np.ndarray:
    """`short` lines led by a label and a colon (`Q: Favourite book?`, `A: Dune`), two or
    more in a row: an interview's questions and answers, or a list of particulars."""
    labelled = short & lines["labelled"].to_numpy()
    run, _ = runs(labelled, lines["doc"].to_numpy())
    run_size = np.bincount(run[labelled], minlength=run[-1] + 1 if len(run) else 1)[run]
    return labelled & (run_size >= PATTERN_MIN_LINES)


def link_lists(lines: pd.DataFrame, short: np.ndarray, min_lines: int) -> np.ndarray:
    """Runs of `min_lines` or more `short` lines (unclaimed, inside the article, not a list
    of the article's own) none of which ends like a sentence: a list of links elsewhere."""
    member = short & ~lines["terminal"].to_numpy() & ~lines["colon"].to_numpy()
    run, _ = runs(member, lines["doc"].to_numpy())
    run_size = np.bincount(run[member], minlength=run[-1] + 1 if len(run) else 1)[run]
    return member & (run_size >= min_lines)


def boxed_headings(
    lines: pd.DataFrame, heading: np.ndarray, prose: np.ndarray, max_links: int
) -> np.ndarray:
    """`heading` lines (`Related articles`) set directly under a line of `prose`, with at
    most `max_links` lines before the next two lines of prose in a row: a box of links the
    page set between two paragraphs, which the article goes on under. A heading over a
    longer list, over headlines and their one-line teasers, under a credit line or at the
    page's end opens the page's tail."""
    doc = lines["doc"].to_numpy()
    pos = lines["pos"].to_numpy()
    same_as_previous = np.r_[False, doc[1:] == doc[:-1]]
    under_prose = np.r_[False, prose[:-1]] & same_as_previous
    paragraphs_on = prose & np.r_[prose[1:] & same_as_previous[1:], False]
    # Number the stretches between lines of prose; a heading's box is the rest of its own.
    stretch = pd.Series(prose).groupby(doc).cumsum().to_numpy()
    stretch_end = pd.Series(pos).groupby([doc, stretch]).transform("max").to_numpy()
    after_box = np.arange(len(doc)) + stretch_end - pos + 1
    resumed = np.zeros(len(doc), dtype=bool)
    inside = after_box < len(doc)
    resumed[inside] = paragraphs_on[after_box[inside]] & (doc[after_box[inside]] == doc[inside])
    return heading & under_prose & ~prose & (stretch_end - pos <= max_links) & resumed
