-- Cleaning's cross-document evidence so far: documents per site and line, over all runs.
with

line_stats as (
    select site_key, line_hash, n_docs from {line_stats}
),

final as (
    select site_key, line_hash, sum(n_docs)::bigint as n_docs
    from line_stats
    group by all
)

select * from final
