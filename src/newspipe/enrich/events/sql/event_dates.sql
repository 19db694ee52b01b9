-- New articles' event dates: their own when the text or publication date gave one, else
-- the earliest date the text of another article of their event fixes.
with

corpus as (
    select article_id, event_date from corpus
),

assignments as (
    select article_id, event_id from assignments
),

new_articles as (
    select article_id, event_date, event_date_source from new_articles
),

event_text_dates as (
    select a.event_id, min(n.event_date) as event_date
    from new_articles as n
    join assignments as a using (article_id)
    where n.event_date_source = 'text'
    group by a.event_id
),

final as (
    select
        n.article_id,
        coalesce(n.event_date, e.event_date) as event_date,
        case
            when n.event_date is not null then n.event_date_source
            when e.event_date is not null then 'event'
        end as event_date_source
    from new_articles as n
    join assignments as a using (article_id)
    left join event_text_dates as e using (event_id)
)

select * from final
order by article_id
