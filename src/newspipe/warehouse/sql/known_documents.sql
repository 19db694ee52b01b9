-- Documents already in the warehouse, keyed by path and content id.
with

documents as (
    select source_uri, doc_id, status, error from {documents}
),

final as (
    select distinct on (source_uri, doc_id) source_uri, doc_id, status, error
    from documents
    order by source_uri, doc_id
)

select * from final
