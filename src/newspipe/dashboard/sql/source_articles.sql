-- source_articles: one source's articles, newest first, with their story and event.
with

articles as (
    select * from articles
    where ($date_from::date is null or published_date >= $date_from::date)
      and ($date_to::date is null or published_date <= $date_to::date)
      and ($sources::varchar[] is null or list_contains($sources::varchar[], source))
      and source = $source
),

events as (
    select event_id, label as event_label from events
),

final as (
    select
        a.published_date,
        a.title,
        e.event_label,
        a.is_canonical,
        a.original_source,
        a.n_words,
        a.article_id,
        a.event_id
    from articles as a
    left join events as e using (event_id)
)

select * from final
order by published_date desc nulls last, title
