-- LSH candidate pairs: articles whose signatures agree on every row of some band, at least
-- one of them from this run (pairs of earlier articles were judged in earlier runs).
-- `banded` holds the band rows of this run and the stored rows sharing a bucket with them,
-- articles numbered as nodes; the pair's first node is the smaller. A bucket holding more
-- than $max_bucket_size articles (a template: feed items, a site's near-identical pages)
-- pairs each article with the next one only, in node order: its pairs would grow with the
-- square of its size, and duplicate groups are connected components, which a chain of
-- near copies still joins.
with

banded as (
    select
        node, band, bucket, is_new,
        count(*) over (partition by band, bucket) as bucket_size,
        row_number() over (partition by band, bucket order by node) as position
    from banded
),

all_pairs as (
    select a.node as node_a, b.node as node_b
    from banded as a
    join banded as b
        on a.band = b.band and a.bucket = b.bucket and a.node < b.node
    where a.bucket_size <= $max_bucket_size and (a.is_new or b.is_new)
),

chained_pairs as (
    select a.node as node_a, b.node as node_b
    from banded as a
    join banded as b
        on a.band = b.band and a.bucket = b.bucket and b.position = a.position + 1
    where a.bucket_size > $max_bucket_size and (a.is_new or b.is_new)
),

final as (
    select distinct node_a, node_b from all_pairs
    union
    select distinct node_a, node_b from chained_pairs
)

select * from final
order by node_a, node_b
