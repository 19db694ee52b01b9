-- The current state of every event that may still take articles: the latest row per event
-- whose dates reach the window of this run's earliest article (or that has no dates),
-- and that was not merged into another. Date-less groups attached to a dated event
-- (merged_into set, articles kept) come too, with the event they are attached to, since
-- every run may attach them elsewhere.
with

event_state as (
    select * from {event_state}
),

latest as (
    select *
    from event_state
    qualify row_number() over (partition by event_id order by run_id desc) = 1
),

attached as (
    select event_id, merged_into
    from latest
    where merged_into is not null and first_date is null and n_articles > 0
),

final as (
    select * exclude (run_id)
    from latest
    where (
        merged_into is null
        and (
            last_date is null
            or last_date >= $earliest::date - $window_days::integer
            or event_id in (select merged_into from attached)
        )
    )
       or event_id in (select event_id from attached)
)

select * from final
order by event_id
