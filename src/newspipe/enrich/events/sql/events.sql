-- The events table: per event, its articles' dates, counts and sources, and its label.
-- Dates an article took from its event do not count: an article that moved to another
-- event in a later run still holds its first event's date.
with

corpus as (
    select article_id, event_date, event_date_source, published_date, source from corpus
),

assignments as (
    select article_id, event_id from assignments
),

labels as (
    select event_id, label from labels
),

members as (
    select s.event_id, c.*
    from assignments as s
    join corpus as c using (article_id)
),

per_event as (
    select
        event_id,
        min(event_date) filter (where event_date_source is distinct from 'event') as first_date,
        max(event_date) filter (where event_date_source is distinct from 'event') as last_date,
        count(*)::integer as n_articles,
        count(distinct source)::integer as n_sources
    from members
    group by event_id
),

final as (
    select p.event_id, l.label, p.first_date, p.last_date, p.n_articles, p.n_sources
    from per_event as p
    left join labels as l using (event_id)
)

select * from final
order by event_id
