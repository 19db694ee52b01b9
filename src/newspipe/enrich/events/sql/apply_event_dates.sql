-- The corpus with new articles' filled event dates.
with

corpus as (
    select * from corpus
),

event_dates as (
    select article_id, event_date, event_date_source from event_dates
),

final as (
    select c.* replace (
        coalesce(d.event_date, c.event_date) as event_date,
        coalesce(d.event_date_source, c.event_date_source) as event_date_source
    )
    from corpus as c
    left join event_dates as d using (article_id)
)

select * from final
