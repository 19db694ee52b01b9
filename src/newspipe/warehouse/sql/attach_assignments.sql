-- Articles with their current duplicate group, canonical flag and event.
with

articles as (
    select * from articles
),

assignments as (
    select article_id, dup_group_id, is_canonical, event_id from assignments
),

final as (
    select a.*, s.dup_group_id, s.is_canonical, s.event_id
    from articles as a
    join assignments as s using (article_id)
)

select * from final
order by article_id
