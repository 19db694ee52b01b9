-- Stored band rows that share a (band, bucket) with this run's articles: the only earlier
-- articles a new one can be a near copy of. Run by the warehouse: {band_hashes} reads the
-- stored table, `run_bands` is this run's band rows (an Arrow table).
with

band_hashes as (
    select article_id, band, bucket from {band_hashes}
),

run_buckets as (
    select distinct band, bucket from run_bands
),

final as (
    select b.article_id, b.band, b.bucket
    from band_hashes as b
    semi join run_buckets as r using (band, bucket)
)

select * from final
