-- This batch's contribution to the cross-document history: documents per site and line.
with

lines as (
    select site_key, doc_id, substr(md5(lower(key)), 1, 16) as line_hash from lines
),

final as (
    select site_key, line_hash, count(distinct doc_id)::bigint as n_docs
    from lines
    group by all
)

select * from final
order by all
