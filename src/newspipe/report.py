"""What a run tells its user: the counts, logged and published as Prefect artifacts.

Pure functions from this run's tables to the rows and Markdown that the flow hands to
Prefect's run logger and artifact API, so they are tested without Prefect.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

MAX_LISTED = 500


def quarantine_markdown(documents: pa.Table, run_id: str) -> str:
    """A Markdown list of the documents this run quarantined, with their reasons."""
    quarantined = documents.filter(pc.equal(documents["status"], "quarantined"))
    if quarantined.num_rows == 0:
        return f"# Quarantine, run {run_id}\n\nNo input was quarantined.\n"
    lines = [
        f"# Quarantine, run {run_id}",
        "",
        f"{quarantined.num_rows} of {documents.num_rows} new documents were "
        "quarantined (they stay in `documents` with `status = 'quarantined'`).",
        "",
        "| source_uri | error |",
        "|---|---|",
    ]
    for row in quarantined.slice(0, MAX_LISTED).to_pylist():
        error = (row["error"] or "").replace("|", "\\|")
        lines.append(f"| `{row['source_uri']}` | {error} |")
    if quarantined.num_rows > MAX_LISTED:
        lines.append(
            f"\n... and {quarantined.num_rows - MAX_LISTED} more: query "
            "`select * from documents where status = 'quarantined'`."
        )
    return "\n".join(lines) + "\n"


def label_counts(line_labels: pa.Table) -> dict[str, int]:
    """Raw lines per cleaning label, for the clean task's log line."""
    counts = pc.value_counts(line_labels["label"]).to_pylist()
    return {c["values"]: c["counts"] for c in counts}
