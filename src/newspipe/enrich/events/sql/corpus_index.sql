-- Every article, old and new, with its dates, source and duplicate group.
with

published_index as (
    select article_id, event_date, event_date_source, published_date, source
    from published_index
),

new_articles as (
    select article_id, event_date, event_date_source, published_date, source
    from new_articles
),

groups as (
    select article_id, dup_group_id, is_canonical from groups
),

articles as (
    select * from published_index
    union all by name
    select * from new_articles
),

final as (
    select a.*, g.dup_group_id, g.is_canonical
    from articles as a
    join groups as g using (article_id)
)

select * from final
