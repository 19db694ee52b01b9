-- The current state of every event that may still take articles: the latest row per event
-- whose dates reach the window of this run's earliest article (or that has no dates),
-- and that was not merged into another.
with

event_state as (
    select * from {event_state}
),

latest as (
    select *
    from event_state
    qualify row_number() over (partition by event_id order by run_id desc) = 1
),

final as (
    select * exclude (run_id)
    from latest
    where merged_into is null
      and (last_date is null or last_date >= cast('{earliest}' as date) - {window_days})
)

select * from final
order by event_id
