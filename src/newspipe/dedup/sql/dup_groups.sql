-- One row per article, earlier and new: its duplicate group (a connected component of
-- exact and near pairs), the group's canonical copy and the audit columns.
-- Canonical: earliest published (undated last), then the longest body, then the smallest
-- article_id; the group id is the smallest article_id, so both depend only on the members.
-- Groups without a new member are as the previous run left them: their audit rows are taken
-- from `previous_duplicates` (their members' signatures were not fetched).
with

members as (
    select article_id, component, content_hash, published_date, n_words, is_new from members
),

previous_duplicates as (
    select article_id, method, similarity from previous_duplicates
),

ranked as (
    select
        article_id,
        content_hash,
        min(article_id) over story as dup_group_id,
        first_value(article_id) over canonical_order as dup_of,
        first_value(content_hash) over canonical_order as canonical_hash,
        count(*) over story as group_size,
        bool_or(is_new) over story as is_changed
    from members
    window
        story as (partition by component),
        canonical_order as (
            partition by component
            order by published_date asc nulls last, n_words desc, article_id asc
        )
),

audited as (
    select
        r.*,
        case
            when r.content_hash = r.canonical_hash then 'exact'
            when r.is_changed then 'near'
            else p.method
        end as method,
        case
            when r.content_hash = r.canonical_hash then 1.0
            -- Filled in from the signatures by groups.py.
            when r.is_changed then null
            else p.similarity
        end as similarity
    from ranked as r
    left join previous_duplicates as p using (article_id)
),

final as (
    select
        article_id,
        dup_group_id,
        dup_of,
        article_id = dup_of as is_canonical,
        method,
        similarity::double as similarity,
        group_size::integer as group_size,
        is_changed
    from audited
)

select * from final
order by dup_group_id, article_id
