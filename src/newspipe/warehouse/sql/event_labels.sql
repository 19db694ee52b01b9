-- Labels of the events published so far.
with

events as (
    select event_id, label from {events}
),

final as (
    select * from events
)

select * from final
