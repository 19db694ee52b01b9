-- Which duplicate groups already report an event, and which canonical articles must be
-- clustered: a group keeps the event its canonical (else its smallest member) had.
with

published_index as (
    select article_id, event_id from published_index
),

groups as (
    select article_id, dup_group_id, is_canonical from groups
),

members as (
    select g.*, p.event_id as known_event_id
    from groups as g
    left join published_index as p using (article_id)
),

group_events as (
    select
        dup_group_id,
        coalesce(
            any_value(known_event_id) filter (where is_canonical and known_event_id is not null),
            min(known_event_id)
        ) as event_id,
        any_value(article_id) filter (where is_canonical) as canonical_id
    from members
    group by dup_group_id
),

final as (
    select m.article_id, m.dup_group_id, m.is_canonical, ge.event_id, ge.canonical_id
    from members as m
    join group_events as ge using (dup_group_id)
)

select * from final
order by article_id
