-- The events table: label from the earliest canonical member, dates from members.
with

corpus as (
    select article_id, is_canonical, headline, event_date, published_date, source
    from corpus
),

assignments as (
    select article_id, event_id from assignments
),

members as (
    select s.event_id, c.*
    from assignments as s
    join corpus as c using (article_id)
),

final as (
    select
        event_id,
        arg_min(headline, (not is_canonical, published_date, article_id)) as label,
        min(event_date) as first_date,
        max(event_date) as last_date,
        count(*)::integer as n_articles,
        count(distinct source)::integer as n_sources
    from members
    group by event_id
)

select * from final
order by event_id
