-- Every spelling seen for an entity so far, with the canonical name it maps to.
with

entity_aliases as (
    select alias, type, name from {entity_aliases}
),

final as (
    select * from entity_aliases
)

select * from final
