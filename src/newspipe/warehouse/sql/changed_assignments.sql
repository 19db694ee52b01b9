-- Published articles whose group, canonical flag or event changed in this run, with the
-- part file that holds them: only those parts are rewritten.
with

published as (
    select article_id, dup_group_id, is_canonical, event_id, filename as part
    from read_parquet($article_parts::varchar[], filename = true, union_by_name = true)
),

assignments as (
    select article_id, dup_group_id, is_canonical, event_id from assignments
),

final as (
    select p.part, a.*
    from published as p
    join assignments as a using (article_id)
    where p.dup_group_id is distinct from a.dup_group_id
       or p.is_canonical is distinct from a.is_canonical
       or p.event_id is distinct from a.event_id
)

select * from final
order by part, article_id
