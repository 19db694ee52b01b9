"""Raw documents to one table of lines with the features the line classifier reads.

First step of cleaning: every document of a batch is split on newlines at once in Arrow
(no loop over documents), empty lines are dropped (the audit covers non-empty lines only),
and each line is repaired and described column-wise: Unicode NFC, mojibake fixed where
ftfy is sure (curly quotes kept), the paragraphs of hard-wrapped text rejoined
(`newspipe.clean.wrap`), then its word count, whether it ends like a sentence, whether it
reads as prose, and its position among the document's non-empty lines. The result feeds
`newspipe.clean.classify`.
"""

from __future__ import annotations

from functools import lru_cache

import ftfy
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from newspipe.clean.wrap import unwrap
from newspipe.config import CleanConfig

# UTF-8 read as Windows-1252 or Latin-1 leaves a lead byte (Â..ô) followed by a
# continuation byte shown as a Latin-1 or cp1252 character ("â€™", "Ã©"); HTML entities
# ("&#8217;", "&amp;") are the other common scraper damage. Only lines with one of these
# go through ftfy: it is slow, and every other line is already what its writer typed.
_SUSPECT = (
    r"[\x{00C2}-\x{00F4}][\x{0080}-\x{00BF}\x{0152}\x{0153}\x{0160}\x{0161}\x{0178}"
    r"\x{017D}\x{017E}\x{0192}\x{02C6}\x{02DC}\x{2013}\x{2014}\x{2018}-\x{201E}"
    r"\x{2020}-\x{2022}\x{2026}\x{2030}\x{2039}\x{203A}\x{20AC}\x{2122}]|&#?[A-Za-z0-9]+;"
)
# Keep what the writer published: curly quotes, ligatures and full-width forms stay.
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False, normalization="NFC"
)
# Sentence end, also inside closing quotes or brackets, and the CJK full stops.
_TERMINAL = r"[.!?…。！？][\"'”’»)\]\s\p{So}]*$"
_QUESTION = r"[?？][\"'”’»)\]\s\p{So}]*$"
# A line cut off with an ellipsis (`... the Indian state may soon...`), as teasers are.
_CUT_OFF = r"(?:\.\.\.|…)[\"'”’»)\]]*$"
# A list item or a table row (`- Two expansion joints`, `1. Preheat`, `| 1 | Kyle Busch |`).
_BULLET = r"^(?:(?:[-•*·▪–—]|\d{1,2}[.)])\s|\|.*\|$)"
# A line led by a short label and a colon (`Q: Favourite book?`, `A: Dune`, `Serves: 4`).
_LABELLED = r"^[\pL][\pL\pN_.'’ -]{0,24}:\s+\S"
# Chinese and Japanese are written without spaces: two characters count as a word.
_HAN_KANA = r"[\x{3040}-\x{30FF}\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}]"


@lru_cache(maxsize=65_536)
def _fix(text: str) -> str:
    return ftfy.fix_text(text, _FTFY)


def explode_lines(text: pa.ChunkedArray | pa.Array, config: CleanConfig) -> pd.DataFrame:
    """One row per non-empty raw line: `doc` (row of the input), `line_no` (1-based in the
    raw text split on newlines), `raw` (the line as read, without its line terminator) and
    `text` (stripped, mojibake fixed, NFC), with the features the classifier reads. A
    hard-wrapped paragraph is one row (`newspipe.clean.wrap`): `line_no` its first raw
    line's, `raw` its raw lines joined by newlines. A line
    is `prose` when it ends like a sentence and has a few words, or is long whatever its
    ending (`CleanConfig.prose_*`); prose anchors the article."""
    text = pc.fill_null(text, "")
    text = pc.replace_substring(text, "\r\n", "\n")
    if isinstance(text, pa.ChunkedArray):
        text = text.combine_chunks()
    split = pc.split_pattern(text, "\n")
    raw = pc.list_flatten(split)
    doc = pc.list_parent_indices(split).to_numpy()
    starts = np.repeat(split.offsets.to_numpy()[:-1], pc.list_value_length(split).to_numpy())
    line_no = np.arange(len(raw), dtype=np.int64) - starts + 1
    stripped = pc.utf8_trim_whitespace(raw)
    keep = pc.greater(pc.utf8_length(stripped), 0)
    raw, stripped = raw.filter(keep), stripped.filter(keep)
    keep_np = keep.to_numpy(zero_copy_only=False)
    cleaned = stripped.to_numpy(zero_copy_only=False).astype(object)
    suspect = pc.match_substring_regex(stripped, _SUSPECT).to_numpy(zero_copy_only=False)
    cleaned[suspect] = [_fix(s) for s in cleaned[suspect]]
    cleaned = pc.utf8_normalize(pa.array(cleaned, pa.string()), "NFC")
    doc, line_no = doc[keep_np], line_no[keep_np]
    if isinstance(raw, pa.ChunkedArray):
        raw = raw.combine_chunks()
    terminal = pc.match_substring_regex(cleaned, _TERMINAL).to_numpy(zero_copy_only=False)
    bullet = pc.match_substring_regex(cleaned, _BULLET).to_numpy(zero_copy_only=False)
    n_rows = len(doc)
    doc, line_no, raw, cleaned = unwrap(doc, line_no, raw, cleaned, terminal, bullet, config.wrap)
    if len(doc) != n_rows:  # paragraphs were rejoined: their ends and starts changed
        terminal = pc.match_substring_regex(cleaned, _TERMINAL).to_numpy(zero_copy_only=False)
        bullet = pc.match_substring_regex(cleaned, _BULLET).to_numpy(zero_copy_only=False)
    lines = pd.DataFrame(
        {
            "doc": doc,
            "line_no": line_no,
            "raw": pd.Series(raw.to_numpy(zero_copy_only=False), dtype=object),
            "text": pd.Series(cleaned.to_numpy(zero_copy_only=False), dtype=object),
        }
    )
    return _add_features(lines, cleaned, terminal, bullet, config)


def _add_features(
    lines: pd.DataFrame,
    text: pa.Array,
    terminal: np.ndarray,
    bullet: np.ndarray,
    config: CleanConfig,
) -> pd.DataFrame:
    tokens = pc.utf8_split_whitespace(text)
    n_words = (
        pc.list_value_length(tokens).to_numpy()
        + pc.count_substring_regex(text, _HAN_KANA).to_numpy() // 2
    )
    n_chars = pc.utf8_length(text).to_numpy()
    question = pc.match_substring_regex(text, _QUESTION).to_numpy(zero_copy_only=False)
    # The repeat key: copies that differ only in white space are the same paragraph.
    key = pc.binary_join(tokens, " ")
    lines["key"] = pd.Series(key.to_numpy(zero_copy_only=False), dtype=object)
    lines["colon"] = pc.ends_with(text, ":").to_numpy(zero_copy_only=False)
    lines["bullet"] = bullet
    lines["labelled"] = pc.match_substring_regex(text, _LABELLED).to_numpy(zero_copy_only=False)
    lines["cut"] = pc.match_substring_regex(text, _CUT_OFF).to_numpy(zero_copy_only=False)
    lines["n_words"] = n_words
    lines["terminal"] = terminal
    min_words = np.where(question, config.prose_min_words_question, config.prose_min_words)
    lines["prose"] = (
        (terminal & (n_words >= min_words))
        | (n_words >= config.prose_long_words)
        | (n_chars >= config.prose_long_chars)
    )
    lines["pos"] = lines.groupby("doc", sort=False).cumcount().to_numpy()
    lines["n_lines"] = lines.groupby("doc", sort=False)["pos"].transform("size").to_numpy()
    return lines


def per_doc(values: np.ndarray, doc: np.ndarray, how: str, missing: float) -> np.ndarray:
    """`how` ("min"/"max") of `values` over each line's document, `missing` when all NaN."""
    return pd.Series(values).groupby(doc).transform(how).fillna(missing).to_numpy()


def runs(member: np.ndarray, doc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Number consecutive `member` lines of one document into runs: (run id per line,
    meaningful where `member`; whether the line starts its run)."""
    same_doc_as_previous = np.r_[False, doc[1:] == doc[:-1]]
    starts = member & ~(np.r_[False, member[:-1]] & same_doc_as_previous)
    return np.cumsum(starts), starts


def each_distinct(values: pd.Series, function) -> pd.Series:
    """`function` of each value, computed once per distinct value (the same masthead, menu
    or dateline recurs across a site's pages)."""
    distinct = values.unique()
    return values.map(dict(zip(distinct, map(function, distinct), strict=True)))
