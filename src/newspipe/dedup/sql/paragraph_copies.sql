-- Paragraph copies: for every paragraph held by two or more articles, the rows of the
-- articles that copied it from its origin (the earliest published holder, undated last,
-- then the smallest article_id). `occurrences` holds every occurrence, earlier or new, of
-- the paragraphs this run brings (groups.py passes only those held more than once); they
-- are judged afresh, the other paragraphs keep the rows of `previous_copies`.
with

occurrences as (
    select article_id, paragraph_no, para_hash, n_words from occurrences
),

article_dates as (
    select article_id, published_date from article_dates
),

previous_copies as (
    select article_id, paragraph_no, para_hash, origin_article_id, n_articles, n_words
    from previous_copies
),

per_article as (
    -- A paragraph an article repeats counts once, at its first position.
    select article_id, para_hash, min(paragraph_no) as paragraph_no, min(n_words) as n_words
    from occurrences
    group by article_id, para_hash
),

ranked as (
    select
        p.*,
        first_value(p.article_id) over (
            partition by p.para_hash order by d.published_date asc nulls last, p.article_id asc
        ) as origin_article_id,
        count(*) over (partition by p.para_hash) as n_articles
    from per_article as p
    left join article_dates as d using (article_id)
),

recomputed as (
    select article_id, paragraph_no, para_hash, origin_article_id, n_articles, n_words
    from ranked
    where n_articles >= 2 and article_id <> origin_article_id
),

kept as (
    select *
    from previous_copies
    where para_hash not in (select para_hash from occurrences)
),

final as (
    select
        article_id,
        paragraph_no::integer as paragraph_no,
        para_hash,
        origin_article_id,
        n_articles::integer as n_articles,
        n_words::integer as n_words
    from (select * from kept union all select * from recomputed)
)

select * from final
order by article_id, paragraph_no
