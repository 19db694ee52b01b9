-- event_duplicates: the duplicate groups inside one event, one row per member article.
with

articles as (
    select article_id, source, published_date, title, is_canonical from articles
    where ($date_from::date is null or published_date >= $date_from::date)
      and ($date_to::date is null or published_date <= $date_to::date)
      and ($sources::varchar[] is null or list_contains($sources::varchar[], source))
      and event_id = $event_id
),

duplicates as (
    select article_id, dup_group_id, dup_of, method, similarity, group_size from duplicates
),

final as (
    select
        d.dup_group_id,
        d.group_size,
        a.is_canonical,
        a.source,
        a.published_date,
        a.title,
        d.method,
        round(d.similarity, 3) as similarity,
        a.article_id
    from duplicates as d
    join articles as a using (article_id)
)

select * from final
order by dup_group_id, is_canonical desc, published_date, source
