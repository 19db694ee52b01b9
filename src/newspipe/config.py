"""Settings, in one place.

One frozen pydantic model per stage, gathered in `Settings`, which the Prefect flow takes as
a parameter: every setting enters through the flow's signature, none is a constant inside a
task body. Each field says what it controls and why its default is what it is.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_WAREHOUSE = "warehouse"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class IngestConfig(_Frozen):
    batch_size: int = Field(
        1000,
        ge=1,
        description="Documents per batch: each Prefect task handles one batch, so task "
        "overhead (a few ms) is paid per thousand documents, not per document.",
    )
    max_bytes: int = Field(
        20_000_000,
        ge=1,
        description="Inputs larger than this are quarantined: a single news article is well "
        "under 1 MB, so a 20 MB 'article' is a mistake (a dump, a binary).",
    )
    text_extensions: tuple[str, ...] = Field(
        (".txt", ".text"),
        description="File endings read as plain-text articles when a folder is walked; "
        "other files in a folder are skipped and reported, named files are always read.",
    )


class CleanConfig(_Frozen):
    publisher_directories: tuple[Path, ...] = Field(
        (),
        description="Extra publisher directories (CSV, same columns as the shipped "
        "publishers.csv) that extend or override the shipped one.",
    )
    site_chrome_min_docs: int = Field(
        10,
        ge=2,
        description="A short non-prose line found verbatim in at least this many documents "
        "of one site (this batch plus the warehouse's line history) is site chrome. High "
        "enough that a real section heading a site reuses now and then stays body, and that "
        "the verdict does not flip with where the corpus is split into batches and runs.",
    )
    site_chrome_max_words: int = Field(
        12,
        ge=1,
        description="Longest line (in words) that cross-document evidence may decide; longer "
        "lines, and any line ending like a sentence, are left to the rules: prose is never "
        "removed for recurring.",
    )


class DedupConfig(_Frozen):
    pass


class EnrichConfig(_Frozen):
    pass


class EventConfig(_Frozen):
    window_days: int = Field(
        10,
        ge=0,
        description="An article is compared only with events whose dates lie within this "
        "many days of its own: reports of one happening cluster within days, and the same "
        "people at the same place months later are another event.",
    )
    join_threshold: float = Field(
        0.16,
        ge=0,
        le=1,
        description="Score at or above which an article joins its best event; below it, it "
        "starts a new event. Tuned with merge_threshold on the sample corpus and ECB+ "
        "(benchmarks/eval_events.py): 0.16/0.2 keeps split runs equal to one run.",
    )
    merge_threshold: float = Field(
        0.2,
        ge=0,
        le=1,
        description="Score at or above which an event touched by a run is merged into a "
        "similar live event (centroid against centroid, same signals): joins reports that "
        "arrived before anything linked them.",
    )
    weight_body: float = Field(0.6, ge=0, description="Weight of body TF-IDF cosine.")
    weight_title: float = Field(0.2, ge=0, description="Weight of title TF-IDF cosine.")
    weight_entities: float = Field(0.1, ge=0, description="Weight of entity overlap.")
    weight_numbers: float = Field(0.1, ge=0, description="Weight of salient-number overlap.")
    time_scale_days: float = Field(
        4.0,
        gt=0,
        description="Scale of the date penalty: the score is multiplied by "
        "exp(-days apart / scale) beyond the first day, so a week apart costs about 80%.",
    )
    centroid_terms: int = Field(
        200, ge=10, description="Terms kept per event centroid: bounds memory and the index."
    )
    index_terms: int = Field(
        12, ge=1, description="An article looks up candidate events by its top terms."
    )


class Settings(_Frozen):
    ingest: IngestConfig = IngestConfig()
    clean: CleanConfig = CleanConfig()
    dedup: DedupConfig = DedupConfig()
    enrich: EnrichConfig = EnrichConfig()
    events: EventConfig = EventConfig()
