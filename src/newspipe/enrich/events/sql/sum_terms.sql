-- Document frequencies over the history and this run together.
with

history as (
    select term, df from history
),

batch as (
    select term, df from batch
),

final as (
    select term, sum(df)::bigint as df
    from (select * from history union all select * from batch)
    group by term
)

select * from final
