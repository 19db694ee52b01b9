-- The contract's `entities`: one row per canonical entity in an article, with its mentions.
with

mentions as (
    select article_id, name, type from named_mentions
),

final as (
    select article_id, name, type, count(*)::integer as mentions
    from mentions
    group by article_id, name, type
)

select * from final order by article_id, name, type
