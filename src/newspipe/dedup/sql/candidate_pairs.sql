-- LSH candidate pairs: articles whose signatures agree on every row of some band, at least
-- one of them from this run (pairs of earlier articles were judged in earlier runs).
-- `banded` holds the band rows of this run and the stored rows sharing a bucket with them,
-- articles numbered as nodes; the pair's first node is the smaller.
with

banded as (
    select node, band, bucket, is_new from banded
),

pairs as (
    select distinct a.node as node_a, b.node as node_b
    from banded as a
    join banded as b
        on a.band = b.band and a.bucket = b.bucket and a.node < b.node
    where a.is_new or b.is_new
),

final as (
    select node_a, node_b from pairs
)

select * from final
order by node_a, node_b
