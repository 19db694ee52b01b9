-- event_quotes: the quotes in one event's articles, with who said them and where.
with

articles as (
    select article_id, source, published_date, title from articles
    where ($date_from::date is null or published_date >= $date_from::date)
      and ($date_to::date is null or published_date <= $date_to::date)
      and ($sources::varchar[] is null or list_contains($sources::varchar[], source))
      and event_id = $event_id
),

quotes as (
    select article_id, speaker, text from quotes
),

final as (
    select
        q.speaker,
        q.text as quote,
        a.source,
        a.published_date,
        a.title
    from quotes as q
    join articles as a using (article_id)
)

select * from final
order by speaker nulls last, published_date, source, quote
