-- Document frequency per term over every run so far (the empty term counts the articles).
with

term_frequencies as (
    select term, df from {term_frequencies}
),

final as (
    select term, sum(df)::bigint as df
    from term_frequencies
    group by term
)

select * from final
