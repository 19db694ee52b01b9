-- sources: per-source figures over the filtered articles: the catalog's source_figures
-- macro, of which source_summary is the unfiltered call, so both show the same numbers.
with

final as (
    select * from source_figures($date_from::date, $date_to::date, $sources::varchar[])
)

select * from final
order by n_articles desc, source
