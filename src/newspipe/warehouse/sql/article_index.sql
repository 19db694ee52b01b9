-- What the global stages (dedup, events) need of every article already published.
with

articles as (
    select * from {articles}
),

final as (
    select
        article_id,
        content_hash,
        published_date,
        n_words,
        left(coalesce(title, split_part(body, chr(10), 1)), 100) as headline,
        event_date,
        event_date_source,
        source,
        dup_group_id,
        is_canonical,
        event_id
    from articles
)

select * from final
