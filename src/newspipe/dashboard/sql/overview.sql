-- overview: the headline numbers of the articles that pass the filters, plus the inputs
-- and the last run (those two are warehouse-wide: documents have no source or date).
with

articles as (
    select * from articles
    where ($date_from::date is null or published_date >= $date_from::date)
      and ($date_to::date is null or published_date <= $date_to::date)
      and ($sources::varchar[] is null or list_contains($sources::varchar[], source))
),

documents as (
    select status from documents
),

runs as (
    select run_id, finished_at from runs
),

article_counts as (
    select
        count(*) as n_articles,
        count(*) filter (where is_canonical) as n_unique,
        count(*) filter (where not is_canonical) as n_duplicates,
        count(distinct source) as n_sources,
        count(distinct event_id) as n_events,
        count(*) filter (
            where original_source is not null and original_source <> source
        ) as n_syndicated
    from articles
),

document_counts as (
    select
        count(*) as n_documents,
        count(*) filter (where status = 'quarantined') as n_quarantined
    from documents
),

last_run as (
    select run_id as last_run_id, finished_at as last_run_at, count(*) over () as n_runs
    from runs
    order by finished_at desc
    limit 1
),

final as (
    select a.*, d.*, r.*
    from article_counts as a
    cross join document_counts as d
    left join last_run as r on true
)

select * from final
