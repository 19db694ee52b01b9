-- Every article's event: its group's known event, else the event its canonical joined;
-- then any event merged into another this run is replaced by the one it merged into, and
-- the duplicate groups of articles that moved with their date-less group (`moved`: an
-- earlier run's canonical articles) take its new event.
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

moved as (
    select article_id, event_id from moved
),

moved_groups as (
    select m.dup_group_id, min(v.event_id) as event_id
    from members as m
    join moved as v using (article_id)
    group by m.dup_group_id
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
    select a.* replace (coalesce(g.event_id, r.merged_into, a.event_id) as event_id)
    from assigned as a
    left join renames as r using (event_id)
    left join moved_groups as g using (dup_group_id)
)

select * from final
order by article_id
