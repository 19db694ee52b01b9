-- event_speakers: who is quoted in one event's articles, most quoted first.
with

articles as (
    select article_id from articles
    where ($date_from::date is null or published_date >= $date_from::date)
      and ($date_to::date is null or published_date <= $date_to::date)
      and ($sources::varchar[] is null or list_contains($sources::varchar[], source))
      and event_id = $event_id
),

quotes as (
    select article_id, speaker from quotes
),

final as (
    select
        coalesce(q.speaker, '(unattributed)') as speaker,
        count(*) as n_quotes,
        count(distinct q.article_id) as n_articles
    from quotes as q
    join articles as a using (article_id)
    group by q.speaker
)

select * from final
order by n_quotes desc, speaker
limit $limit
