-- source_summary: one row per publisher key (articles.source).
with

articles as (
    select * from articles
),

line_labels as (
    select article_id, label from line_labels
),

quotes as (
    select article_id from quotes
),

line_shares as (
    select
        a.source,
        count(*) filter (where l.label in ('boilerplate', 'repeat')) / count(*) as boilerplate_share
    from line_labels as l
    join articles as a using (article_id)
    group by a.source
),

article_signatures as (
    select article_id, n_tokens from article_signatures
),

paragraph_copies as (
    select article_id, n_words from paragraph_copies
),

copied as (
    select article_id, sum(n_words) as copied_words from paragraph_copies group by article_id
),

originality as (
    select
        a.source,
        1.0 - coalesce(sum(c.copied_words), 0) / nullif(sum(s.n_tokens), 0) as original_share
    from articles as a
    join article_signatures as s using (article_id)
    left join copied as c using (article_id)
    group by a.source
),

quote_counts as (
    select a.source, count(*) as n_quotes
    from quotes as q
    join articles as a using (article_id)
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
    from articles
    group by source
),

final as (
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
)

select * from final
order by n_articles desc, source
