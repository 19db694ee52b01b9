-- Stored paragraph rows whose hash occurs in this run: every earlier occurrence of a
-- paragraph this run brings. Run by the warehouse: {paragraph_hashes} reads the stored
-- table, `run_paragraphs` is this run's paragraph rows (an Arrow table).
with

paragraph_hashes as (
    select article_id, paragraph_no, para_hash, n_words from {paragraph_hashes}
),

run_hashes as (
    select distinct para_hash from run_paragraphs
),

final as (
    select p.article_id, p.paragraph_no, p.para_hash, p.n_words
    from paragraph_hashes as p
    semi join run_hashes as r using (para_hash)
)

select * from final
