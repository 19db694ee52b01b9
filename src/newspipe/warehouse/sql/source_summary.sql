-- source_summary: one row per publisher key (articles.source), over every article. The
-- measures are defined once, in the source_figures macro (macros.sql), which the dashboard
-- calls with its filters.
with

final as (
    select * from source_figures(null, null, null)
)

select * from final
order by n_articles desc, source
