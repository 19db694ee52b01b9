-- event_entities: the entities one event's articles mention, most mentioned first.
with

articles as (
    select article_id from articles
    where ($date_from::date is null or published_date >= $date_from::date)
      and ($date_to::date is null or published_date <= $date_to::date)
      and ($sources::varchar[] is null or list_contains($sources::varchar[], source))
      and event_id = $event_id
),

entities as (
    select article_id, name, type, mentions from entities
),

final as (
    select
        e.name,
        e.type,
        sum(e.mentions)::bigint as mentions,
        count(distinct e.article_id) as n_articles
    from entities as e
    join articles as a using (article_id)
    group by e.name, e.type
)

select * from final
order by mentions desc, n_articles desc, name
limit $limit
