-- Documents of its site each eligible line occurs in, this batch and earlier runs together.
with

lines as (
    select row, site_key, substr(md5(lower(key)), 1, 16) as line_hash from lines
),

batch as (
    select site_key, line_hash, n_docs from batch
),

history as (
    select site_key, line_hash, n_docs from history
),

final as (
    select lines.row, batch.n_docs + coalesce(history.n_docs, 0) as n_docs
    from lines
    join batch using (site_key, line_hash)
    left join history using (site_key, line_hash)
)

select * from final
