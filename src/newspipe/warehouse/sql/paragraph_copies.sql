-- The paragraph copies as the previous run left them.
with

paragraph_copies as (
    select * from {paragraph_copies}
),

final as (
    select * from paragraph_copies
)

select * from final
