-- Every article's event: its group's known event, else the event its canonical joined;
-- then any event merged into another this run is replaced by the one it merged into.
with

members as (
    select article_id, dup_group_id, is_canonical, event_id, canonical_id from members
),

clustered as (
    select article_id, event_id from clustered
),

renames as (
    select event_id, merged_into from renames
),

assigned as (
    select
        m.article_id,
        m.dup_group_id,
        m.is_canonical,
        coalesce(m.event_id, c.event_id) as event_id
    from members as m
    left join clustered as c on c.article_id = m.canonical_id
),

final as (
    select a.* replace (coalesce(r.merged_into, a.event_id) as event_id)
    from assigned as a
    left join renames as r using (event_id)
)

select * from final
order by article_id
