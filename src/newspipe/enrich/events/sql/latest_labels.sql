-- One label per event: the one written last (this run's over earlier ones).
with

labels as (
    select event_id, label, written from labels
),

final as (
    select event_id, arg_max(label, written) as label
    from labels
    group by event_id
)

select * from final
