-- events: one row per event covered by the filtered articles, most covered first: the
-- catalog's event_figures macro, of which event_summary is the unfiltered call.
with

figures as (
    select * from event_figures($date_from::date, $date_to::date, $sources::varchar[])
),

final as (
    select
        f.event_id,
        coalesce(e.label, f.event_id) as label,
        e.first_date,
        e.last_date,
        f.first_published,
        f.last_published,
        f.n_articles,
        f.n_unique,
        f.n_sources,
        f.n_independent_sources,
        f.n_quotes
    from figures as f
    left join events as e using (event_id)
)

select * from final
order by n_independent_sources desc, n_articles desc, first_published, event_id
