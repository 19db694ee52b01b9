"""Hard-wrapped text: paragraphs broken into lines of about one width, rejoined.

Part of the first step of cleaning (`newspipe.clean.lines`), before any line is described
or classified. Wire copy, e-mail and plain-text archives print a paragraph as several lines
of 60-80 characters, each on its own a short line without a sentence end, which the
classifier would judge chrome. Whether a document is hard-wrapped is read from evidence
across the whole document (`WrapConfig`): many of its lines of middling length stop short
of a sentence end with the next line following directly, some of them go on in lower case
(a sentence broken across lines), and hardly any line is longer than a wrap width. In such
a document a line goes on into the next when it reaches most of the document's wrap width
and the next line is directly below it, no more indented (an indented line opens the next
paragraph) and no list item, or when it opens a paragraph, ends no sentence and a line of
full width follows; a blank line always ends a paragraph, and a paragraph's last line
ends a sentence or goes on in lower case (a headline above a byline does neither). A
rejoined paragraph is one row whose `raw` holds its raw lines joined by newlines, so the
audit can still label every raw line (`newspipe.clean.stage`). Other documents pass
through unchanged.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newspipe.config import WrapConfig

# A word broken at the line end by a hyphen (`under-` / `achieving`): joined without space.
_HYPHEN_END = r"\pL-$"


def unwrap(
    doc: np.ndarray,
    line_no: np.ndarray,
    raw: pa.Array,
    text: pa.Array,
    terminal: np.ndarray,
    bullet: np.ndarray,
    config: WrapConfig,
) -> tuple[np.ndarray, np.ndarray, pa.Array, pa.Array]:
    """(doc, line_no, raw, text) with each hard-wrapped paragraph as one line: `line_no`
    its first raw line's, `raw` its raw lines joined by newlines, `text` its lines joined
    by spaces. `terminal` and `bullet` flag lines ending like a sentence and list items."""
    joins = _continues(doc, line_no, raw, text, terminal, bullet, config)
    if not joins.any():
        return doc, line_no, raw, text
    next_lower = np.r_[_starts_lower(text)[1:], False]
    hyphen = pc.match_substring_regex(text, _HYPHEN_END).to_numpy(zero_copy_only=False)
    glue = np.where(hyphen & next_lower, "", " ")
    starts = ~np.r_[False, joins[:-1]]
    bounds = np.flatnonzero(starts)
    return (
        doc[bounds],
        line_no[bounds],
        pa.array(_join(raw, bounds, np.full(len(doc), "\n")), pa.string()),
        pa.array(_join(text, bounds, glue), pa.string()),
    )


def _join(values: pa.Array, bounds: np.ndarray, glue: np.ndarray) -> np.ndarray:
    """The values of each group (groups start at `bounds`) joined, each value followed by
    its `glue` but the group's last."""
    joined = values.to_numpy(zero_copy_only=False).astype(object)
    ends = np.r_[bounds[1:], len(joined)]
    out = joined[bounds]
    for i in np.flatnonzero(ends - bounds > 1):
        start, end = bounds[i], ends[i]
        out[i] = (
            "".join(
                v + g for v, g in zip(joined[start : end - 1], glue[start : end - 1], strict=True)
            )
            + joined[end - 1]
        )
    return out


def _starts_lower(text: pa.Array) -> np.ndarray:
    first = pc.utf8_slice_codeunits(text, 0, 1)
    lower = pc.or_(pc.utf8_is_lower(first), pc.utf8_is_digit(first))
    return lower.to_numpy(zero_copy_only=False)


def _continues(
    doc: np.ndarray,
    line_no: np.ndarray,
    raw: pa.Array,
    text: pa.Array,
    terminal: np.ndarray,
    bullet: np.ndarray,
    config: WrapConfig,
) -> np.ndarray:
    """Per line, whether it goes on into the next line (see the module docstring)."""
    n = len(doc)
    if n < 2:
        return np.zeros(n, dtype=bool)
    width = pc.utf8_length(pc.utf8_rtrim_whitespace(raw)).to_numpy()
    indent = width - pc.utf8_length(pc.utf8_trim_whitespace(raw)).to_numpy()
    n_docs = int(doc[-1]) + 1

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(doc[mask], minlength=n_docs)

    below = np.r_[(doc[1:] == doc[:-1]) & (line_no[1:] - line_no[:-1] == 1), False]
    # A paragraph's lines go on at the document's margin, or at the line's own indentation.
    margin = np.full(n_docs, np.iinfo(indent.dtype).max, dtype=indent.dtype)
    np.minimum.at(margin, doc, indent)
    next_indent = np.r_[indent[1:], 0]
    aligned = below & ((next_indent == margin[doc]) | (next_indent == indent))
    aligned &= ~np.r_[bullet[1:], False]
    next_lower = np.r_[_starts_lower(text)[1:], False]
    middling = (width >= config.min_chars) & (width <= config.max_chars)
    # Lines that end no sentence (`U.S.` at the end of a line is no end when the next line
    # goes on in lower case).
    open_end = middling & (~terminal | next_lower)
    broken = open_end & aligned
    n_broken = count(broken)
    wrapped = (
        (n_broken >= config.min_lines)
        & (n_broken >= config.min_share * count(open_end))
        & (count(aligned & next_lower) >= config.min_lowercase_share * n_broken)
        & (count(width > config.max_chars) <= config.max_long_share * count(middling))
    )
    if not wrapped.any():
        return np.zeros(n, dtype=bool)
    wrap_width = np.zeros(n_docs)
    np.maximum.at(wrap_width, doc[middling], width[middling])
    full = width >= config.continue_fraction * wrap_width[doc]
    # A paragraph's first line may be short (its start cut off, a dateline removed): it
    # goes on when it ends no sentence and a full line follows.
    above = np.r_[False, below[:-1]]
    opens = ~above | np.r_[False, indent[1:] > indent[:-1]]
    short_start = opens & (~terminal | next_lower) & np.r_[full[1:], False]
    # A list item goes on only in lower case: a capital at the margin starts the next item
    # or a paragraph.
    joins = wrapped[doc] & aligned & (full | short_start) & ~(bullet & ~next_lower)
    # A paragraph ends a sentence. Two lines whose second ends none and opens in capitals
    # are header lines that happen to touch (a headline over `By Jane Doe` or `July 8,
    # 2025`), not a paragraph.
    into_last = joins & ~np.r_[joins[1:], False]
    header_pair = into_last & ~np.r_[terminal[1:], False] & ~next_lower
    return joins & ~header_pair
