-- syndication: who takes stories from whom, one row per (source, origin, kind).
-- kind `copy`: the source ran a duplicate of a story whose canonical copy is the origin's;
-- kind `credit`: the source's article credits another registrable domain as its origin.
-- The filters pick the copying articles; canonical copies are looked up among all articles.
with

filtered_articles as (
    select source, article_id, dup_group_id, is_canonical, original_source from articles
    where ($date_from::date is null or published_date >= $date_from::date)
      and ($date_to::date is null or published_date <= $date_to::date)
      and ($sources::varchar[] is null or list_contains($sources::varchar[], source))
),

canonicals as (
    select dup_group_id, source as origin from articles
    where is_canonical
),

copies as (
    select c.source, k.origin, 'copy' as kind, c.article_id
    from filtered_articles as c
    join canonicals as k using (dup_group_id)
    where not c.is_canonical and k.origin <> c.source
),

credits as (
    select source, original_source as origin, 'credit' as kind, article_id
    from filtered_articles
    where original_source is not null and original_source <> source
),

final as (
    select source, origin, kind, count(*) as n_articles
    from (select * from copies union all select * from credits)
    group by source, origin, kind
)

select * from final
order by n_articles desc, source, origin, kind
