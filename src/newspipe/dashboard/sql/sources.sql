-- sources: per-source figures over the filtered articles (source_summary, filtered).
with

articles as (
    select * from articles
    where ($date_from::date is null or published_date >= $date_from::date)
      and ($date_to::date is null or published_date <= $date_to::date)
      and ($sources::varchar[] is null or list_contains($sources::varchar[], source))
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
        count(*) filter (where l.label in ('boilerplate', 'repeat')) / count(*)
            as boilerplate_share
    from line_labels as l
    join articles as a using (article_id)
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
        -- original: the canonical copy of its story and not credited to another origin
        count(*) filter (
            where is_canonical and (original_source is null or original_source = source)
        ) as n_original,
        count(*) filter (where not is_canonical) as n_copies,
        count(*) filter (
            where original_source is not null and original_source <> source
        ) as n_syndicated,
        count(distinct event_id) as n_events,
        min(published_date) as first_published,
        max(published_date) as last_published,
        round(avg(n_words), 1) as avg_words
    from articles
    group by source
),

final as (
    select
        p.source,
        p.n_articles,
        p.n_original,
        p.n_copies,
        p.n_syndicated,
        round(p.n_original / p.n_articles, 3) as originality_share,
        p.n_events,
        p.first_published,
        p.last_published,
        p.avg_words,
        round(coalesce(l.boilerplate_share, 0.0), 3) as boilerplate_share,
        coalesce(q.n_quotes, 0) as n_quotes
    from per_source as p
    left join line_shares as l using (source)
    left join quote_counts as q using (source)
)

select * from final
order by n_articles desc, source
