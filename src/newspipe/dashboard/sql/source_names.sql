-- source_names: every source with its article count, for the source filter.
with

final as (
    select source, count(*) as n_articles
    from articles
    group by source
)

select * from final
order by n_articles desc, source
