-- Every spelling seen (a mention's surface and its local full form) and the earlier runs'
-- aliases, with the canonical name it maps to. A spelling that meant two entities in this
-- run (a shared surname) is not remembered.
with

mentions as (
    select surface, local_name, type, name from named_mentions
),

known as (
    select coalesce(nullif(alias, ''), name) as alias, type, name from known_aliases
),

spellings as (
    select local_name as alias, type, name from mentions
    union all
    select surface as alias, type, name from mentions
    union all
    select alias, type, name from known
),

final as (
    select alias, type, min(name) as name
    from spellings
    group by alias, type
    having count(distinct name) = 1
)

select * from final order by alias, type
