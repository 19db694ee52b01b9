-- Split this run's inputs into documents rows to add and documents to clean.
-- A (path, content id) pair already in the warehouse adds nothing; a content id seen before
-- at another path adds a documents row with the earlier outcome but is not cleaned again;
-- bytes seen at several paths in this run are cleaned once, from the first path in order.
with

raw as (
    select * from raw_documents
),

known as (
    select * from known_documents
),

known_outcome as (
    select distinct on (doc_id) doc_id, status, error
    from known
    order by doc_id, source_uri
),

unseen as (
    select r.*
    from raw as r
    anti join known as k using (source_uri, doc_id)
),

final as (
    select
        u.* exclude (status, error),
        coalesce(o.status, u.status) as status,
        case when o.doc_id is null then u.error else o.error end as error,
        o.doc_id is null and u.status = 'ok'
            and u.source_uri = min(u.source_uri) over (partition by u.doc_id) as to_clean
    from unseen as u
    left join known_outcome as o using (doc_id)
)

select * from final
order by source_uri, doc_id
