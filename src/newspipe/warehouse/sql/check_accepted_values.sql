-- check_accepted_values: rows whose column holds a value outside $accepted (nulls are the
-- not-null check's business). {column} and {relation} are a check's own identifiers.
with

column_values as (
    select {column}::varchar as value from {relation} where {column} is not null
),

unexpected as (
    select value, count(*) as n_rows
    from column_values
    where not list_contains($accepted::varchar[], value)
    group by value
),

final as (
    select
        coalesce(sum(n_rows), 0)::bigint as n_failing,
        coalesce(list(value order by n_rows desc, value)[1:3], []) as examples
    from unexpected
)

select * from final
