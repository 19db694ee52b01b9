-- original_share per article: the share of its words in paragraphs it did not copy from an
-- earlier article (1.0 when it copied nothing). Reads the tables by name, so it serves as
-- a catalog view over the warehouse as well as on in-memory Arrow tables.
with

article_signatures as (
    select article_id, n_tokens from article_signatures
),

paragraph_copies as (
    select article_id, n_words from paragraph_copies
),

copied as (
    select article_id, sum(n_words) as copied_words
    from paragraph_copies
    group by article_id
),

final as (
    select
        s.article_id,
        case
            when s.n_tokens = 0 then 1.0
            else 1.0 - coalesce(c.copied_words, 0) / s.n_tokens
        end::double as original_share
    from article_signatures as s
    left join copied as c using (article_id)
)

select * from final
order by article_id
