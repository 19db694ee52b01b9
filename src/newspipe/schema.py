"""The warehouse tables, declared once.

Every table newspipe writes is a pyarrow schema here; each field carries its meaning in the
field metadata (`description`), from which `newspipe dictionary` generates the data
dictionary (docs/data_dictionary.md). Stage functions build their outputs with `empty()` and
`conform()` so a table leaves a stage with exactly these columns and types, whatever it
computed. The columns of ../shared/CONTRACT.md are all here with the contract's meaning;
columns after them are newspipe's additions and are marked as such in the dictionary.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

UTC_TIMESTAMP = pa.timestamp("us", tz="UTC")


def _field(
    name: str, type_: pa.DataType, description: str, *, contract: bool = True, nullable: bool = True
) -> pa.Field:
    metadata = {"description": description, "contract": "yes" if contract else "no"}
    return pa.field(name, type_, nullable=nullable, metadata=metadata)


@dataclass(frozen=True)
class Table:
    """A warehouse table: its schema, what one row is, and how it is stored.

    `mode` says how a run changes the table: `append` adds one part file per run and never
    touches older parts; `replace` rewrites the table as a whole (small tables whose rows
    change as the corpus grows, such as duplicate groups and events).
    """

    name: str
    row: str
    schema: pa.Schema
    mode: str


DOCUMENTS = Table(
    "documents",
    "one row per input seen (per path or URI, or per record of a multi-record file), kept or not",
    pa.schema(
        [
            _field(
                "doc_id",
                pa.string(),
                "Content id: first 16 hex digits of the SHA-256 of the "
                "raw bytes. The same bytes give the same id in every run; identical inputs at "
                "two paths share it.",
                nullable=False,
            ),
            _field(
                "source_uri",
                pa.string(),
                "Path or URI the input was read from (absolute path for local files).",
                nullable=False,
            ),
            _field(
                "format",
                pa.string(),
                "Input format: txt, html, jsonl, csv, parquet, warc, feed, "
                "... (`unknown` when it could not be told).",
                nullable=False,
            ),
            _field("n_bytes", pa.int64(), "Size of the raw input in bytes.", nullable=False),
            _field(
                "ingested_at",
                UTC_TIMESTAMP,
                "When this input was first seen (UTC).",
                nullable=False,
            ),
            _field(
                "run_id",
                pa.string(),
                "The newspipe run in which it was first seen.",
                nullable=False,
            ),
            _field("status", pa.string(), "`ok` or `quarantined`.", nullable=False),
            _field("error", pa.string(), "Why it was quarantined; null when ok."),
            _field(
                "encoding",
                pa.string(),
                "How the bytes were decoded: `utf-8`, `utf-8-sig` (UTF-8 with a byte-order "
                "mark), `utf-16`, `cp1252` (the Latin-1 superset, when the bytes are not "
                "UTF-8) or an HTML page's declared charset; null when not decoded.",
                contract=False,
            ),
            _field(
                "input_file",
                pa.string(),
                "The file or object the document was read from (for a record or a web "
                "archive page, the record file or WARC; otherwise source_uri itself).",
                contract=False,
            ),
            _field(
                "record_no",
                pa.int64(),
                "1-based record number within a multi-record file (JSONL line, CSV data "
                "row, Parquet row, WARC record, feed item); null for a single-document file.",
                contract=False,
            ),
            _field(
                "captured_at",
                UTC_TIMESTAMP,
                "When a web archive captured the page (the WARC-Date); null otherwise.",
                contract=False,
            ),
            _field(
                "extraction",
                pa.string(),
                "What the HTML or feed extractor did: `trafilatura` (the precise pass), "
                "`trafilatura:recall` (found by the recall pass when the precise one found "
                "nothing), `trafilatura:default` (a default pass replaced a precise text that "
                "kept a small share of the page's), a `:continued` suffix (paragraphs added "
                "from later containers of a body the page splits), `trafilatura:no-text`, "
                "`feed:content`, `feed:summary`; null for plain text and records.",
                contract=False,
            ),
        ]
    ),
    mode="append",
)

ARTICLES = Table(
    "articles",
    "one row per distinct doc_id with an article in it",
    pa.schema(
        [
            _field(
                "article_id",
                pa.string(),
                "Article id. A document holds at most one article, "
                "so it equals doc_id; kept apart so joins read as what they mean.",
                nullable=False,
            ),
            _field(
                "doc_id", pa.string(), "The document the article was read from.", nullable=False
            ),
            _field(
                "source_uri",
                pa.string(),
                "Where it was read from, as in documents (the "
                "first path in sort order when one run saw the same bytes at several).",
                nullable=False,
            ),
            _field(
                "title",
                pa.string(),
                "Title line, without a trailing `| Site` or `- Site`; null when absent.",
            ),
            _field(
                "site_name",
                pa.string(),
                "Name of the publishing site, from the title suffix or the page; null when absent.",
            ),
            _field(
                "author", pa.string(), "Author name from a byline or author bio; null when absent."
            ),
            _field(
                "published_date",
                pa.date32(),
                "Publication date from the document's dateline; null when absent.",
            ),
            _field(
                "event_date",
                pa.date32(),
                "Date the reported event happened, resolved from "
                "the text and the publication date; null when unknowable.",
            ),
            _field(
                "original_source",
                pa.string(),
                "Registrable domain credited as the origin "
                "of the story (`cnn.com`); null when none.",
            ),
            _field(
                "source",
                pa.string(),
                "Publisher key that per-source summaries group by: "
                "the site name, else the registrable domain of the page, else `unknown`.",
                nullable=False,
            ),
            _field(
                "language",
                pa.string(),
                "ISO 639-1 language code of the body; null when not determined.",
            ),
            _field(
                "body",
                pa.string(),
                "Cleaned text, paragraphs joined by a blank line: no "
                "boilerplate, no metadata lines, no repeated paragraphs.",
                nullable=False,
            ),
            _field(
                "n_words",
                pa.int32(),
                "Words in body (white-space separated tokens).",
                nullable=False,
            ),
            _field(
                "dup_group_id",
                pa.string(),
                "Same value for exact and near-duplicate copies "
                "of one story (the smallest article_id in the group); unique otherwise.",
                nullable=False,
            ),
            _field(
                "is_canonical",
                pa.bool_(),
                "True for the one copy per dup group that counts "
                "in summaries: earliest published, then longest body, then smallest "
                "article_id.",
                nullable=False,
            ),
            _field(
                "event_id", pa.string(), "The real-world event the article reports (see events)."
            ),
            _field(
                "url",
                pa.string(),
                "The page address, when the input gave one (a record's url field, an HTML "
                "page's canonical link, a WARC target URI, a feed item's link), to join "
                "back to the web; null for plain-text files.",
                contract=False,
            ),
            _field(
                "event_date_source",
                pa.string(),
                "Where event_date comes from: `text` (a date the article's own text fixes), "
                "`published` (its publication date, when the text gives nothing better), "
                "`event` (the dates of the event it was clustered into); null when "
                "event_date is null.",
                contract=False,
            ),
            _field(
                "content_hash",
                pa.string(),
                "Hash of the normalised body (case, white space, "
                "punctuation and quote styles folded); equal for exact copies.",
                contract=False,
                nullable=False,
            ),
            _field(
                "body_chars_read",
                pa.int32(),
                "When the body is longer than `EnrichConfig.max_chars_read`, the characters "
                "from its start that entity, quote, event-date and event reading took (a "
                "budget, so that no single document costs a run minutes); null when they "
                "read the whole body. Cleaning and deduplication always read all of it.",
                contract=False,
            ),
            _field(
                "run_id",
                pa.string(),
                "The run in which the article was first seen.",
                contract=False,
                nullable=False,
            ),
        ]
    ),
    mode="append",
)

LINE_LABELS = Table(
    "line_labels",
    "the cleaning audit: one row per non-empty raw line of each article's document",
    pa.schema(
        [
            _field(
                "article_id",
                pa.string(),
                "The article whose raw document holds the line.",
                nullable=False,
            ),
            _field(
                "line_no",
                pa.int32(),
                "1-based line number in the raw text split on newlines.",
                nullable=False,
            ),
            _field("text", pa.string(), "The raw line.", nullable=False),
            _field(
                "label",
                pa.string(),
                "`body`, `metadata`, `boilerplate` or `repeat`.",
                nullable=False,
            ),
            _field(
                "reason",
                pa.string(),
                "Which rule or model decided, e.g. `cookie_notice`, `title`, `repeat_of:17`.",
                nullable=False,
            ),
        ]
    ),
    mode="append",
)

DUPLICATES = Table(
    "duplicates",
    "the dedup audit: one row per article in a group of two or more",
    pa.schema(
        [
            _field("article_id", pa.string(), "An article in a duplicate group.", nullable=False),
            _field(
                "dup_group_id", pa.string(), "Its group (as articles.dup_group_id).", nullable=False
            ),
            _field("dup_of", pa.string(), "The group's canonical article_id.", nullable=False),
            _field("method", pa.string(), "`exact` or `near`.", nullable=False),
            _field(
                "similarity",
                pa.float64(),
                "Estimated Jaccard similarity of shingles to the canonical; 1.0 for exact.",
                nullable=False,
            ),
            _field("group_size", pa.int32(), "Articles in the group.", nullable=False),
        ]
    ),
    mode="replace",
)

ENTITIES = Table(
    "entities",
    "one row per canonical entity mentioned in an article",
    pa.schema(
        [
            _field("article_id", pa.string(), "The article.", nullable=False),
            _field(
                "name",
                pa.string(),
                "Canonical name: one spelling for all variants of one entity across the corpus.",
                nullable=False,
            ),
            _field("type", pa.string(), "`PERSON`, `ORG`, `GPE`, `LOC`, ...", nullable=False),
            _field(
                "mentions", pa.int32(), "Mentions of the entity in the article.", nullable=False
            ),
        ]
    ),
    mode="append",
)

QUOTES = Table(
    "quotes",
    "one row per direct quote in an article",
    pa.schema(
        [
            _field("article_id", pa.string(), "The article.", nullable=False),
            _field(
                "speaker",
                pa.string(),
                "Canonical entity name of the speaker; null when unattributed. Where the "
                "NER model did not tag the speaker, the name the attribution gives, in full "
                "as the article first writes it (it then has no `entities` row).",
            ),
            _field("text", pa.string(), "The quote without its quotation marks.", nullable=False),
            _field(
                "quote_no",
                pa.int32(),
                "1-based position of the quote in the article.",
                contract=False,
                nullable=False,
            ),
            _field(
                "speaker_surface",
                pa.string(),
                "The speaker as the attribution names them (`he` for a pronoun); null "
                "when unattributed.",
                contract=False,
            ),
            _field(
                "quote_id",
                pa.string(),
                "First 16 hex digits of the SHA-256 of the quote folded for case, accents, "
                "punctuation and white space: equal for the same quote in two articles.",
                contract=False,
                nullable=False,
            ),
            _field(
                "start_char",
                pa.int32(),
                "Offset of the quote's opening mark in articles.body.",
                contract=False,
                nullable=False,
            ),
        ]
    ),
    mode="append",
)

EVENTS = Table(
    "events",
    "one row per real-world event",
    pa.schema(
        [
            _field("event_id", pa.string(), "Event id.", nullable=False),
            _field("label", pa.string(), "Short human-readable label."),
            _field("first_date", pa.date32(), "Earliest event date of its articles."),
            _field("last_date", pa.date32(), "Latest event date of its articles."),
            _field("n_articles", pa.int32(), "Articles reporting it.", nullable=False),
            _field(
                "n_sources", pa.int32(), "Distinct sources among those articles.", nullable=False
            ),
        ]
    ),
    mode="replace",
)

RUNS = Table(
    "runs",
    "one row per run that published something: a failed run publishes nothing, and a run "
    "that found nothing new leaves the warehouse as it was (Prefect keeps both runs' states "
    "and artifacts)",
    pa.schema(
        [
            _field("run_id", pa.string(), "newspipe run id.", nullable=False),
            _field(
                "flow_run_id",
                pa.string(),
                "The Prefect flow run id; null when run without Prefect.",
            ),
            _field("started_at", UTC_TIMESTAMP, "Start of the run (UTC).", nullable=False),
            _field(
                "finished_at",
                UTC_TIMESTAMP,
                "End of the run, when its tables were published (UTC).",
                nullable=False,
            ),
            _field("status", pa.string(), "`completed`.", nullable=False),
            _field(
                "n_documents",
                pa.int64(),
                "Documents new in this run (ok and quarantined).",
                nullable=False,
            ),
            _field("n_articles", pa.int64(), "Articles new in this run.", nullable=False),
            _field(
                "n_quarantined", pa.int64(), "Documents quarantined in this run.", nullable=False
            ),
            _field(
                "n_inputs",
                pa.int64(),
                "Inputs read in this run, including ones already in the warehouse.",
                contract=False,
                nullable=False,
            ),
        ]
    ),
    mode="append",
)

LINE_STATS = Table(
    "line_stats",
    "cleaning's cross-document evidence: per run, site and short non-prose line, the "
    "documents it occurred in (summed over runs to tell a site's recurring chrome)",
    pa.schema(
        [
            _field(
                "site_key",
                pa.string(),
                "The site: registrable domain of the page, else the folded site name.",
                contract=False,
                nullable=False,
            ),
            _field(
                "line_hash",
                pa.string(),
                "First 16 hex digits of the MD5 of the line, "
                "lower-cased with white space collapsed.",
                contract=False,
                nullable=False,
            ),
            _field(
                "n_docs",
                pa.int64(),
                "Documents of the site holding the line in that run.",
                contract=False,
                nullable=False,
            ),
        ]
    ),
    mode="append",
)

ENTITY_MENTIONS = Table(
    "entity_mentions",
    "one row per entity mention in a canonical article, with its canonical name",
    pa.schema(
        [
            _field("article_id", pa.string(), "The article.", contract=False, nullable=False),
            _field(
                "surface",
                pa.string(),
                "The mention as written (without a leading `the`, an honorific or a "
                "possessive `'s`).",
                contract=False,
                nullable=False,
            ),
            _field(
                "name",
                pa.string(),
                "Canonical name of the entity it refers to (as entities.name).",
                contract=False,
                nullable=False,
            ),
            _field(
                "type",
                pa.string(),
                "Entity type, as entities.type.",
                contract=False,
                nullable=False,
            ),
            _field(
                "start_char",
                pa.int32(),
                "Offset of the surface's first character in articles.body.",
                contract=False,
                nullable=False,
            ),
            _field(
                "end_char",
                pa.int32(),
                "Offset just after its last character.",
                contract=False,
                nullable=False,
            ),
        ]
    ),
    mode="append",
)

ENTITY_ALIASES = Table(
    "entity_aliases",
    "one row per spelling seen for an entity: the memory that maps later runs' variants to "
    "the same canonical names",
    pa.schema(
        [
            _field(
                "alias",
                pa.string(),
                "A spelling seen in the text (`Mohamed Shia Al-Sudani`, `Daesh`, `EHN`).",
                contract=False,
                nullable=False,
            ),
            _field("type", pa.string(), "Entity type.", contract=False, nullable=False),
            _field(
                "name",
                pa.string(),
                "The canonical name it maps to; a name is also its own alias.",
                contract=False,
                nullable=False,
            ),
        ]
    ),
    mode="replace",
)

# MinHash bins per stored signature: DedupConfig.num_perm's default. Signatures made with
# another number of bins cannot be compared with these (a new warehouse is needed).
SIGNATURE_BINS = 128

ARTICLE_SIGNATURES = Table(
    "article_signatures",
    "dedup's stored fingerprint of each article: its MinHash signature (append-only)",
    pa.schema(
        [
            _field("article_id", pa.string(), "The article.", contract=False, nullable=False),
            _field(
                "n_tokens",
                pa.int32(),
                "Words in the normalised body (case, punctuation and quote styles folded); "
                "the denominator of original_share.",
                contract=False,
                nullable=False,
            ),
            _field(
                "signature",
                pa.list_(pa.uint32(), SIGNATURE_BINS),
                "One-permutation MinHash of the body's word shingles, one uint32 per bin; "
                "null when the body has fewer words than a shingle.",
                contract=False,
            ),
        ]
    ),
    mode="append",
)

BAND_HASHES = Table(
    "band_hashes",
    "dedup's LSH index: one row per article and band (append-only); articles sharing a "
    "(band, bucket) are compared",
    pa.schema(
        [
            _field("article_id", pa.string(), "The article.", contract=False, nullable=False),
            _field(
                "band",
                pa.int16(),
                "LSH band number, 0-based (DedupConfig.bands of them).",
                contract=False,
                nullable=False,
            ),
            _field(
                "bucket",
                pa.int64(),
                "Hash of the band's signature values: articles sharing (band, bucket) are "
                "compared.",
                contract=False,
                nullable=False,
            ),
        ]
    ),
    mode="append",
)

PARAGRAPH_HASHES = Table(
    "paragraph_hashes",
    "dedup's paragraph fingerprints: one row per paragraph of at least "
    "DedupConfig.min_paragraph_words words (append-only)",
    pa.schema(
        [
            _field("article_id", pa.string(), "The article.", contract=False, nullable=False),
            _field(
                "paragraph_no",
                pa.int32(),
                "1-based position of the paragraph in the body (paragraphs are separated by a "
                "blank line).",
                contract=False,
                nullable=False,
            ),
            _field(
                "para_hash",
                pa.int64(),
                "Hash of the normalised paragraph (case, white space, punctuation, quote styles "
                "folded); equal for the same paragraph in any article.",
                contract=False,
                nullable=False,
            ),
            _field(
                "n_words", pa.int32(), "Words in the paragraph.", contract=False, nullable=False
            ),
        ]
    ),
    mode="append",
)

PARAGRAPH_COPIES = Table(
    "paragraph_copies",
    "one row per paragraph of an article that first appeared in another article (a reused "
    "quote or wire paragraph); recomputed each run",
    pa.schema(
        [
            _field(
                "article_id",
                pa.string(),
                "An article holding a paragraph that first appeared in another article.",
                contract=False,
                nullable=False,
            ),
            _field(
                "paragraph_no",
                pa.int32(),
                "The paragraph's position in it.",
                contract=False,
                nullable=False,
            ),
            _field(
                "para_hash", pa.int64(), "As in paragraph_hashes.", contract=False, nullable=False
            ),
            _field(
                "origin_article_id",
                pa.string(),
                "Where the paragraph first appeared: the earliest published article holding it "
                "(undated last), then the smallest article_id.",
                contract=False,
                nullable=False,
            ),
            _field(
                "n_articles",
                pa.int32(),
                "Articles holding the paragraph, the origin included.",
                contract=False,
                nullable=False,
            ),
            _field(
                "n_words", pa.int32(), "Words in the paragraph.", contract=False, nullable=False
            ),
        ]
    ),
    mode="replace",
)

_TERM = pa.struct([("term", pa.string()), ("weight", pa.float64())])

EVENT_STATE = Table(
    "event_state",
    "the event clusterer's memory: one row per event each time a run changes it (the row "
    "of the latest run is the event's current state)",
    pa.schema(
        [
            _field("event_id", pa.string(), "The event.", contract=False, nullable=False),
            _field(
                "first_date",
                pa.date32(),
                "Earliest date of its articles (event date, else publication date).",
                contract=False,
            ),
            _field("last_date", pa.date32(), "Latest such date.", contract=False),
            _field(
                "n_articles",
                pa.int32(),
                "Canonical articles clustered into it.",
                contract=False,
                nullable=False,
            ),
            _field(
                "body_terms",
                pa.list_(_TERM),
                "Centroid of its articles' body TF-IDF vectors, top terms only.",
                contract=False,
            ),
            _field(
                "title_terms",
                pa.list_(_TERM),
                "Centroid of its title TF-IDF vectors.",
                contract=False,
            ),
            _field(
                "entities",
                pa.list_(_TERM),
                "Canonical entity names with mention counts.",
                contract=False,
            ),
            _field("numbers", pa.list_(_TERM), "Salient numbers with counts.", contract=False),
            _field(
                "sources",
                pa.list_(pa.string()),
                "Sources of its canonical articles.",
                contract=False,
            ),
            _field(
                "article_ids",
                pa.list_(pa.string()),
                "Canonical articles of an event without dates (a group of date-less reports); "
                "empty for dated events. They move with the group when a later run attaches "
                "it to another dated event.",
                contract=False,
            ),
            _field(
                "merged_into",
                pa.string(),
                "The event it was merged into (its articles now report that one); null while "
                "it stands on its own. For a date-less group with articles (n_articles > 0) "
                "this is the dated event it is attached to, which every run may revise.",
                contract=False,
            ),
            _field(
                "run_id",
                pa.string(),
                "The run that wrote this state.",
                contract=False,
                nullable=False,
            ),
        ]
    ),
    mode="append",
)

TERM_FREQUENCIES = Table(
    "term_frequencies",
    "per run and term, the canonical articles whose title, body or entities hold it (summed over "
    "runs for the event clusterer's IDF; the empty term counts the articles)",
    pa.schema(
        [
            _field(
                "term",
                pa.string(),
                "A lower-cased, accent-folded content word, or `entity:` and a canonical "
                "entity name.",
                contract=False,
                nullable=False,
            ),
            _field(
                "df", pa.int64(), "Articles of that run holding it.", contract=False, nullable=False
            ),
        ]
    ),
    mode="append",
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        DOCUMENTS,
        ARTICLES,
        LINE_LABELS,
        DUPLICATES,
        ENTITIES,
        QUOTES,
        EVENTS,
        RUNS,
        LINE_STATS,
        ENTITY_MENTIONS,
        ENTITY_ALIASES,
        ARTICLE_SIGNATURES,
        BAND_HASHES,
        PARAGRAPH_HASHES,
        PARAGRAPH_COPIES,
        EVENT_STATE,
        TERM_FREQUENCIES,
    )
}


def empty(table: Table) -> pa.Table:
    """A table with no rows and the declared schema."""
    return table.schema.empty_table()


def conform(table: Table, data: pa.Table) -> pa.Table:
    """Return `data` with exactly the declared columns, in order, cast to the declared types.

    A declared column missing from `data` comes back null, so a stage that does not compute
    a column yet leaves it null rather than inventing a value. Extra columns are an error: a
    column that is not in the schema would not be documented.
    """
    extra = set(data.column_names) - set(table.schema.names)
    if extra:
        raise ValueError(f"{table.name}: columns not in the schema: {sorted(extra)}")
    columns = []
    for field in table.schema:
        if field.name in data.column_names:
            columns.append(data.column(field.name).cast(field.type))
        else:
            columns.append(pa.nulls(data.num_rows, field.type))
    return pa.Table.from_arrays(columns, schema=table.schema)


@dataclass(frozen=True)
class View:
    """A summary view in the DuckDB catalog: its SQL file is warehouse/sql/<name>.sql."""

    name: str
    row: str
    schema: pa.Schema
    package: str = "newspipe.warehouse"
    sql: str = ""

    @property
    def sql_name(self) -> str:
        return self.sql or self.name


SOURCE_SUMMARY = View(
    "source_summary",
    "one row per source (articles.source)",
    pa.schema(
        [
            _field("source", pa.string(), "The publisher key."),
            _field("n_articles", pa.int64(), "Articles from this source."),
            _field("n_unique", pa.int64(), "Its canonical articles (one per duplicate group)."),
            _field("n_duplicates", pa.int64(), "Its articles that are copies of a canonical one."),
            _field("n_events", pa.int64(), "Distinct events its articles report."),
            _field("first_published", pa.date32(), "Earliest publication date."),
            _field("last_published", pa.date32(), "Latest publication date."),
            _field("avg_words", pa.float64(), "Mean words per article body."),
            _field(
                "boilerplate_share",
                pa.float64(),
                "Share of its raw non-empty lines labelled boilerplate or repeat (0 to 1).",
            ),
            _field("n_quotes", pa.int64(), "Quotes in its articles."),
            _field(
                "n_syndicated",
                pa.int64(),
                "Articles crediting another origin "
                "(original_source set and not the source itself).",
            ),
            _field(
                "original_share",
                pa.float64(),
                "Share of its articles' words in paragraphs that did not first appear in "
                "another article (1.0 when it copied nothing).",
            ),
        ]
    ),
)

EVENT_SUMMARY = View(
    "event_summary",
    "one row per event",
    pa.schema(
        [
            _field("event_id", pa.string(), "The event."),
            _field("label", pa.string(), "Short human-readable label."),
            _field("first_date", pa.date32(), "Earliest event date of its articles."),
            _field("last_date", pa.date32(), "Latest event date of its articles."),
            _field("n_articles", pa.int32(), "Articles reporting it."),
            _field("n_unique", pa.int64(), "Canonical articles reporting it."),
            _field("n_sources", pa.int32(), "Distinct sources reporting it."),
            _field(
                "n_independent_sources",
                pa.int64(),
                "Sources with at least one canonical article of their own about it.",
            ),
            _field("sources", pa.list_(pa.string()), "The sources, sorted."),
            _field("top_entities", pa.list_(pa.string()), "Up to five entities by mentions."),
            _field("n_quotes", pa.int64(), "Quotes in its articles."),
            _field("top_speakers", pa.list_(pa.string()), "Up to five speakers by quotes."),
        ]
    ),
)

ARTICLE_ORIGINALITY = View(
    "article_originality",
    "one row per article with a signature: how much of it is its own",
    pa.schema(
        [
            _field("article_id", pa.string(), "The article."),
            _field(
                "original_share",
                pa.float64(),
                "Share of its words in paragraphs it did not copy from an earlier article "
                "(1.0 when nothing was copied); it can fall when an earlier-dated article "
                "holding one of its paragraphs arrives later.",
            ),
        ]
    ),
    package="newspipe.dedup",
    sql="original_share",
)

VIEWS: dict[str, View] = {v.name: v for v in (SOURCE_SUMMARY, EVENT_SUMMARY, ARTICLE_ORIGINALITY)}
