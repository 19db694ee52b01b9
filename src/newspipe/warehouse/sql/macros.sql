-- Macros for analysts, created in the catalog after the views (docs/queries.md shows them
-- at work). Table macros are called in a from clause: select * from articles_about('X').
-- Matching on names is case-insensitive so a question can be typed as it is spoken.

-- articles_about(entity_name): the articles mentioning a canonical entity, newest first.
create or replace macro articles_about(entity_name) as table
    select
        a.published_date,
        a.source,
        a.title,
        e.mentions,
        a.is_canonical,
        a.event_id,
        a.article_id
    from entities as e
    join articles as a using (article_id)
    where lower(e.name) = lower(entity_name)
    order by a.published_date desc nulls last, a.source, a.article_id;

-- quotes_by(speaker_name): what a speaker was quoted as saying, where and when.
create or replace macro quotes_by(speaker_name) as table
    select
        a.published_date,
        a.source,
        q.text as quote,
        a.title,
        a.event_id,
        a.article_id
    from quotes as q
    join articles as a using (article_id)
    where lower(q.speaker) = lower(speaker_name)
    order by a.published_date nulls last, a.source, q.text;

-- coverage_of(event): day-by-day articles per source about one event, given its event_id
-- or its label.
create or replace macro coverage_of(event) as table
    select
        a.published_date as day,
        a.source,
        count(*) as n_articles,
        count(*) filter (where a.is_canonical) as n_original,
        count(*) filter (where not a.is_canonical) as n_copies
    from articles as a
    left join events as ev using (event_id)
    where a.event_id = event or lower(ev.label) = lower(event)
    group by a.published_date, a.source
    order by day nulls last, a.source;

-- copies_of(article): every article in the same duplicate group as the given one (itself
-- included), the canonical copy first; empty when the article has no copies.
create or replace macro copies_of(article) as table
    select
        d.article_id,
        a.source,
        a.published_date,
        a.is_canonical,
        d.method,
        d.similarity,
        a.title
    from duplicates as d
    join articles as a using (article_id)
    where d.dup_group_id = (select dup_group_id from articles where article_id = article)
    order by a.is_canonical desc, a.published_date nulls last, a.source;

-- syndication(): who takes stories from whom. kind `copy`: the source ran a duplicate of
-- a story whose canonical copy belongs to origin; kind `credit`: it credits origin.
create or replace macro syndication() as table
    with canonicals as (
        select dup_group_id, source as origin from articles where is_canonical
    ),
    links as (
        select c.source, k.origin, 'copy' as kind
        from articles as c
        join canonicals as k using (dup_group_id)
        where not c.is_canonical and k.origin <> c.source
        union all
        select source, original_source, 'credit'
        from articles
        where original_source is not null and original_source <> source
    )
    select source, origin, kind, count(*) as n_articles
    from links
    group by source, origin, kind
    order by n_articles desc, source, origin, kind;

-- source_figures(date_from, date_to, sources): one row per source over the articles
-- published from date_from to date_to (inclusive; a null end is open and keeps undated
-- articles) by the listed sources (null: every source). Every per-source measure is
-- defined here and nowhere else: source_summary is this macro unfiltered, the dashboard's
-- source figures are this macro with its filters, boilerplate_share() reads it.
create or replace macro source_figures(date_from, date_to, sources) as table
    with picked as (
        select * from articles
        where (date_from::date is null or published_date >= date_from::date)
          and (date_to::date is null or published_date <= date_to::date)
          and (sources::varchar[] is null or list_contains(sources::varchar[], source))
    ),
    line_shares as (
        select
            a.source,
            count(*) filter (where l.label in ('boilerplate', 'repeat')) / count(*)
                as boilerplate_share
        from line_labels as l
        join picked as a using (article_id)
        group by a.source
    ),
    copied as (
        select article_id, sum(n_words) as copied_words
        from paragraph_copies
        group by article_id
    ),
    -- the words of its articles not in paragraphs copied from an earlier article: the
    -- per-article share of article_originality, over all of the source's words
    originality as (
        select
            a.source,
            1.0 - coalesce(sum(c.copied_words), 0) / nullif(sum(s.n_tokens), 0)
                as original_share
        from picked as a
        join article_signatures as s using (article_id)
        left join copied as c using (article_id)
        group by a.source
    ),
    quote_counts as (
        select a.source, count(*) as n_quotes
        from quotes as q
        join picked as a using (article_id)
        group by a.source
    ),
    per_source as (
        select
            source,
            count(*) as n_articles,
            count(*) filter (where is_canonical) as n_unique,
            count(*) filter (where not is_canonical) as n_duplicates,
            count(distinct event_id) as n_events,
            min(published_date) as first_published,
            max(published_date) as last_published,
            avg(n_words) as avg_words,
            count(*) filter (
                where original_source is not null and original_source <> source
            ) as n_syndicated
        from picked
        group by source
    )
    select
        p.source,
        p.n_articles,
        p.n_unique,
        p.n_duplicates,
        p.n_events,
        p.first_published,
        p.last_published,
        round(p.avg_words, 1) as avg_words,
        coalesce(l.boilerplate_share, 0.0) as boilerplate_share,
        coalesce(q.n_quotes, 0) as n_quotes,
        p.n_syndicated,
        coalesce(o.original_share, 1.0) as original_share
    from per_source as p
    left join line_shares as l using (source)
    left join quote_counts as q using (source)
    left join originality as o using (source)
    order by p.n_articles desc, p.source;

-- boilerplate_share(source_name): share of a source's raw lines that cleaning removed as
-- boilerplate or repeats (0 to 1), as source_summary has it; null for an unknown source.
create or replace macro boilerplate_share(source_name) as (
    select boilerplate_share from source_figures(null, null, [source_name])
);

-- event_figures(date_from, date_to, sources): one row per event over the articles
-- published from date_from to date_to (inclusive; a null end is open and keeps undated
-- articles) by the listed sources (null: every source). Every per-event measure is defined
-- here and nowhere else: event_summary is this macro unfiltered, the dashboard's event list
-- is this macro with its filters.
create or replace macro event_figures(date_from, date_to, sources) as table
    with picked as (
        select article_id, source, published_date, is_canonical, event_id from articles
        where event_id is not null
          and (date_from::date is null or published_date >= date_from::date)
          and (date_to::date is null or published_date <= date_to::date)
          and (sources::varchar[] is null or list_contains(sources::varchar[], source))
    ),
    coverage as (
        select
            event_id,
            count(*) as n_articles,
            count(*) filter (where is_canonical) as n_unique,
            count(distinct source) as n_sources,
            count(distinct source) filter (where is_canonical) as n_independent_sources,
            list(distinct source order by source) as sources,
            min(published_date) as first_published,
            max(published_date) as last_published
        from picked
        group by event_id
    ),
    quote_counts as (
        select a.event_id, count(*) as n_quotes
        from quotes as q
        join picked as a using (article_id)
        group by a.event_id
    )
    select c.*, coalesce(q.n_quotes, 0) as n_quotes
    from coverage as c
    left join quote_counts as q using (event_id);
