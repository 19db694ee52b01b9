-- This run's documents rows: quarantined when ingest or cleaning found no article in them.
with

new_documents as (
    select
        doc_id, source_uri, format, n_bytes, encoding, status, error, input_file, record_no,
        captured_at, extraction
    from new_documents
),

rejected as (
    select doc_id, any_value(error) as error from rejected group by doc_id
),

final as (
    select
        d.* exclude (status, error),
        case when r.doc_id is null then d.status else 'quarantined' end as status,
        coalesce(r.error, d.error) as error
    from new_documents as d
    left join rejected as r using (doc_id)
)

select * from final
order by source_uri, doc_id
