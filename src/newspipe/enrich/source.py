"""The publisher key that per-source summaries group by."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

UNKNOWN_SOURCE = "unknown"


def derive_sources(site_names: pa.ChunkedArray | pa.Array) -> pa.Array:
    """The site name when the article names its site, else `unknown`.

    Plain-text files carry no address, so the site name from the title suffix or the page
    top is the only publisher evidence; blank names count as absent.
    """
    trimmed = pc.utf8_trim_whitespace(pc.fill_null(site_names, ""))
    return pc.if_else(pc.greater(pc.utf8_length(trimmed), 0), trimmed, UNKNOWN_SOURCE)
