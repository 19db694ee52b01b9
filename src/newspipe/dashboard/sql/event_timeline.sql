-- event_timeline: day-by-day coverage of one event, per source.
with

articles as (
    select * from articles
    where ($date_from::date is null or published_date >= $date_from::date)
      and ($date_to::date is null or published_date <= $date_to::date)
      and ($sources::varchar[] is null or list_contains($sources::varchar[], source))
      and event_id = $event_id
),

final as (
    select
        published_date,
        source,
        count(*) as n_articles,
        count(*) filter (where is_canonical) as n_original,
        count(*) filter (where not is_canonical) as n_copies
    from articles
    where published_date is not null
    group by published_date, source
)

select * from final
order by published_date, source
