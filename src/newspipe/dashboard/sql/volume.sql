-- volume: articles per period (day, week or month: $bucket), originals and copies apart.
with

articles as (
    select published_date, is_canonical from articles
    where ($date_from::date is null or published_date >= $date_from::date)
      and ($date_to::date is null or published_date <= $date_to::date)
      and ($sources::varchar[] is null or list_contains($sources::varchar[], source))
      and published_date is not null
),

final as (
    select
        date_trunc($bucket::varchar, published_date)::date as period,
        count(*) as n_articles,
        count(*) filter (where is_canonical) as n_original,
        count(*) filter (where not is_canonical) as n_copies
    from articles
    group by period
)

select * from final
order by period
