-- One event per story: every copy in a duplicate group reports its canonical's event.
with

corpus as (
    select article_id, dup_group_id, is_canonical from corpus
),

final as (
    select article_id, dup_group_id, is_canonical, 'ev-' || dup_group_id as event_id
    from corpus
)

select * from final
order by article_id
