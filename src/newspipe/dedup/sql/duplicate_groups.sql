-- Exact duplicate groups: articles whose normalised bodies hash alike.
-- The canonical copy is the earliest published, then the longest body, then the smallest
-- article_id; the group id is the smallest article_id, so it depends only on the members.
with

article_index as (
    select article_id, content_hash, published_date, n_words from article_index
),

ranked as (
    select
        article_id,
        min(article_id) over story as dup_group_id,
        first_value(article_id) over (
            story order by published_date asc nulls last, n_words desc, article_id asc
        ) as dup_of,
        count(*) over story as group_size
    from article_index
    window story as (partition by content_hash)
),

final as (
    select
        article_id,
        dup_group_id,
        dup_of,
        article_id = dup_of as is_canonical,
        'exact' as method,
        1.0::double as similarity,
        group_size::integer as group_size
    from ranked
)

select * from final
order by dup_group_id, article_id
