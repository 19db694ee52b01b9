-- latest_run: the run that last published; its id keys the dashboard's cache.
with

final as (
    select run_id, finished_at from runs
    order by finished_at desc, run_id desc
    limit 1
)

select * from final
