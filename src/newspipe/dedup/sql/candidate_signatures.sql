-- Signatures of the earlier articles this run may group with: the band candidates and every
-- member of their duplicate groups (a new copy can change a group's canonical copy, and then
-- every member's similarity to it). Run by the warehouse: {article_signatures} and
-- {articles} read the stored tables, `candidate_bands` is candidate_bands.sql's result.
with

article_signatures as (
    select article_id, n_tokens, signature from {article_signatures}
),

articles as (
    select article_id, dup_group_id from {articles}
),

candidates as (
    select distinct article_id from candidate_bands
),

candidate_groups as (
    select distinct a.dup_group_id
    from articles as a
    semi join candidates as c using (article_id)
),

members as (
    select a.article_id
    from articles as a
    semi join candidate_groups as g using (dup_group_id)
),

final as (
    select s.article_id, s.n_tokens, s.signature
    from article_signatures as s
    semi join members as m using (article_id)
)

select * from final
