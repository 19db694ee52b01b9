"""Where the article lies in a whole scraped page: the best run of prose.

Part of line classification (`newspipe.clean.classify`), between the line rules and the
document context. A scraped page as text is a stack of blocks: menus, the article, then
comments, lists of other stories and the footer; several of them hold prose. The article
is the longest coherent run of prose: every line gets a score (`ArticleSpanConfig`):

- a line of prose no rule claimed scores in proportion to its length, up to
  `prose_full_words`, and half as much when neither neighbour is prose (a teaser between
  two headlines in a list of other stories);
- a line a rule claimed as chrome, a repeated line and a short line each cost, and a run
  of lines that are not prose costs more the longer it goes on (`gap_growth`): subheadings
  and captions inside an article are single lines, a menu or a list of headlines is long;
- a list of the article's own (bullets, short lines after a colon) costs nothing;
- a comment thread's opening after `thread_min_prose_words` words of prose ends the page
  for the article: nothing after it can be in the span.

The article's span is each document's first run of consecutive lines whose total comes
near the highest (`near_best_share` of the maximum-sum segment's; computed for all
documents of the batch at once with grouped cumulative sums and minima). The first, since
pages print comments and lists of other stories after the article, and a list-like article
(a gift guide, a meal plan) can score about as much as the headlines and teasers under it.
Of that run's ends with the same score the last is taken (a last paragraph under an
"Advertisement" line belongs to the article). Lines before the span are the header zone,
lines after it the tail. Text an extractor gave has no page chrome around the article: its
span is the whole document.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newspipe.clean.patterns import COMMENT_THREAD
from newspipe.config import ArticleSpanConfig

# The score of lines the span may not reach (after a comment thread opens): low enough
# that no run of real lines makes up for one of them.
_EXCLUDED = -1e9


def article_span(
    lines: pd.DataFrame,
    chrome: np.ndarray,
    inline: np.ndarray,
    repeat: np.ndarray,
    listed: np.ndarray,
    extracted: np.ndarray,
    config: ArticleSpanConfig,
) -> np.ndarray:
    """Per line, whether it lies in its document's article span. `chrome` flags the lines a
    rule claimed, `inline` those of them that say the article goes on (they cost as a
    short line), `listed` the short lines of a list of the article's own, `extracted` the
    lines of text an extractor gave."""
    doc = lines["doc"].to_numpy()
    pos = lines["pos"].to_numpy()
    score = line_scores(lines, chrome, inline, repeat, listed, config)
    score[_after_thread(lines, chrome & ~repeat, config.thread_min_prose_words)] = _EXCLUDED
    start, end = _best_run(score, doc, pos, config.near_best_share)
    return extracted | ((pos >= start) & (pos <= end))


def line_scores(
    lines: pd.DataFrame,
    chrome: np.ndarray,
    inline: np.ndarray,
    repeat: np.ndarray,
    listed: np.ndarray,
    config: ArticleSpanConfig,
) -> np.ndarray:
    """The score of each line (see the module docstring)."""
    doc = lines["doc"].to_numpy()
    n_words = lines["n_words"].to_numpy()
    prose = lines["prose"].to_numpy() & ~chrome & ~repeat
    same_as_previous = np.r_[False, doc[1:] == doc[:-1]]
    same_as_next = np.r_[same_as_previous[1:], False]
    next_to_prose = (np.r_[False, prose[:-1]] & same_as_previous) | (
        np.r_[prose[1:], False] & same_as_next
    )
    gain = config.prose_weight * np.minimum(n_words, config.prose_full_words)
    gain = gain / config.prose_full_words
    gain = np.where(next_to_prose, gain, gain * config.isolated_prose_factor)
    own_list = listed & ~prose & ~chrome & ~repeat
    cost = np.select(
        [repeat, chrome & ~inline], [config.repeat_cost, config.chrome_cost], config.short_line_cost
    )
    # The k-th line of a run of lines that are not prose costs 1 + gap_growth * (k - 1)
    # times its own cost.
    gap = ~prose & ~own_list
    starts = gap & ~(np.r_[False, gap[:-1]] & same_as_previous)
    in_gap = pd.Series(np.ones(len(doc))).groupby(np.cumsum(starts)).cumsum().to_numpy()
    cost = cost * (1 + config.gap_growth * (in_gap - 1))
    return np.select([prose, own_list], [gain, 0.0], -cost)


def _after_thread(lines: pd.DataFrame, chrome: np.ndarray, min_prose_words: int) -> np.ndarray:
    """Lines at or after the first opening of a comment thread that follows at least
    `min_prose_words` words of prose."""
    doc = lines["doc"].to_numpy()
    prose_words = np.where(lines["prose"].to_numpy() & ~chrome, lines["n_words"].to_numpy(), 0)
    before = pd.Series(prose_words).groupby(doc).cumsum().to_numpy() - prose_words
    opening = np.zeros(len(lines), dtype=bool)
    rows = np.flatnonzero(chrome & (before >= min_prose_words))
    opening[rows] = lines["text"].iloc[rows].map(COMMENT_THREAD.match).notna().to_numpy()
    return pd.Series(opening).groupby(doc).cummax().to_numpy(dtype=bool)


def _best_run(
    score: np.ndarray, doc: np.ndarray, pos: np.ndarray, near_share: float
) -> tuple[np.ndarray, np.ndarray]:
    """Per line, the first and last position of its document's article run: the first run
    of lines scoring at least `near_share` of the document's maximum-sum run, extended to
    its own best end (the run ending last among equal sums, and the shortest such)."""
    total = pd.Series(score).groupby(doc).cumsum().to_numpy()
    before = total - score  # sum of the document's lines before this one
    lowest_before = pd.Series(before).groupby(doc).cummin().to_numpy()
    gain = total - lowest_before  # best run ending at this line
    best_gain = pd.Series(gain).groupby(doc).transform("max").to_numpy()
    near = np.isclose(gain, best_gain) | ((best_gain > 0) & (gain >= near_share * best_gain))
    first_near = pd.Series(np.where(near, pos, np.inf)).groupby(doc).transform("min").to_numpy()
    # The runs ending at lines with the same lowest prefix before them share their start.
    low = pd.Series(np.where(pos == first_near, lowest_before, np.nan)).groupby(doc)
    low = low.transform("max").to_numpy()
    same_run = np.isclose(lowest_before, low)
    run_best = pd.Series(np.where(same_run, gain, -np.inf)).groupby(doc).transform("max")
    at_best = same_run & np.isclose(gain, run_best.to_numpy())
    end = pd.Series(np.where(at_best, pos, -1)).groupby(doc).transform("max").to_numpy()
    # The run starts after the lowest prefix before its end; the latest such start.
    start_candidate = (pos <= end) & np.isclose(before, low)
    start = pd.Series(np.where(start_candidate, pos, -1)).groupby(doc).transform("max").to_numpy()
    return start, end
