-- check_unique: the values of a key that more than one row holds. {key} and {relation} are
-- a check's own identifiers (newspipe.warehouse.checks), never user input.
with

keys as (
    select {key} as key from {relation}
),

repeated as (
    select key, count(*) as n_rows from keys group by key having count(*) > 1
),

final as (
    select
        count(*) as n_failing,
        coalesce(list(key::varchar order by n_rows desc, key::varchar)[1:3], []) as examples
    from repeated
)

select * from final
