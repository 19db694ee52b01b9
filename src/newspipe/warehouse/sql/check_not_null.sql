-- check_not_null: rows whose column is null. {column} and {relation} are a check's own
-- identifiers (newspipe.warehouse.checks), never user input.
with

column_values as (
    select {column} as value from {relation}
),

final as (
    select count(*) filter (where value is null) as n_failing, []::varchar[] as examples
    from column_values
)

select * from final
