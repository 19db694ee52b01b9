-- events: one row per event covered by the filtered articles, most covered first.
with

articles as (
    select article_id, source, published_date, is_canonical, event_id from articles
    where ($date_from::date is null or published_date >= $date_from::date)
      and ($date_to::date is null or published_date <= $date_to::date)
      and ($sources::varchar[] is null or list_contains($sources::varchar[], source))
      and event_id is not null
),

events as (
    select event_id, label, first_date, last_date from events
),

quotes as (
    select article_id from quotes
),

coverage as (
    select
        event_id,
        count(*) as n_articles,
        count(*) filter (where is_canonical) as n_unique,
        count(distinct source) as n_sources,
        count(distinct source) filter (where is_canonical) as n_independent_sources,
        min(published_date) as first_published,
        max(published_date) as last_published
    from articles
    group by event_id
),

quote_counts as (
    select a.event_id, count(*) as n_quotes
    from quotes as q
    join articles as a using (article_id)
    group by a.event_id
),

final as (
    select
        c.event_id,
        coalesce(e.label, c.event_id) as label,
        e.first_date,
        e.last_date,
        c.first_published,
        c.last_published,
        c.n_articles,
        c.n_unique,
        c.n_sources,
        c.n_independent_sources,
        coalesce(q.n_quotes, 0) as n_quotes
    from coverage as c
    left join events as e using (event_id)
    left join quote_counts as q using (event_id)
)

select * from final
order by n_independent_sources desc, n_articles desc, first_published, event_id
