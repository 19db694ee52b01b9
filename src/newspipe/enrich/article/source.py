"""The publisher key that per-source summaries group by."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

UNKNOWN_SOURCE = "unknown"


def _present(values: pa.ChunkedArray | pa.Array) -> pa.Array:
    trimmed = pc.utf8_trim_whitespace(pc.fill_null(values.cast(pa.string()), ""))
    return pc.if_else(pc.greater(pc.utf8_length(trimmed), 0), trimmed, None)


def derive_sources(
    site_names: pa.ChunkedArray | pa.Array, page_sources: pa.ChunkedArray | pa.Array | None = None
) -> pa.Array:
    """The publisher of each article: the registrable domain of its page address (or the
    source a record names) when the input gave one, else the site name the text or page
    shows, else `unknown`.

    An address is the firmest evidence of who published a page; plain-text files carry
    none, and then the site name from the title suffix or masthead is all there is.
    """
    candidates = [_present(site_names)]
    if page_sources is not None:
        candidates.insert(0, _present(page_sources))
    return pc.coalesce(*candidates, pa.scalar(UNKNOWN_SOURCE))
