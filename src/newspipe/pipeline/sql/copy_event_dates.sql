-- Event dates of this run's articles: a copy reports the same event as its duplicate
-- group's canonical copy, so it takes that copy's date: resolved from the canonical's text
-- in this run (`canonical_dates`), or as published by an earlier run (`published_index`).
with

run_articles as (
    select article_id from run_articles
),

groups as (
    select article_id, dup_group_id, is_canonical from groups
),

canonical as (
    select dup_group_id, article_id as canonical_id from groups where is_canonical
),

resolved as (
    select article_id, event_date, event_date_source from canonical_dates
    union all
    select p.article_id, p.event_date, p.event_date_source
    from published_index as p
    anti join canonical_dates as c using (article_id)
),

final as (
    select r.article_id, d.event_date, d.event_date_source
    from run_articles as r
    join groups as g using (article_id)
    join canonical as c using (dup_group_id)
    left join resolved as d on d.article_id = c.canonical_id
)

select * from final
