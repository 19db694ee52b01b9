-- The duplicates audit as the previous run left it.
with

duplicates as (
    select article_id, method, similarity from {duplicates}
),

final as (
    select * from duplicates
)

select * from final
