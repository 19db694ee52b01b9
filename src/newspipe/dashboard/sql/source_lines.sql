-- source_lines: what cleaning did to one source's raw lines: lines per label and rule.
with

articles as (
    select article_id from articles
    where ($date_from::date is null or published_date >= $date_from::date)
      and ($date_to::date is null or published_date <= $date_to::date)
      and ($sources::varchar[] is null or list_contains($sources::varchar[], source))
      and source = $source
),

line_labels as (
    select article_id, label, reason from line_labels
),

-- `repeat_of:17` names a line number; the rule is the part before the colon
by_reason as (
    select l.label, split_part(l.reason, ':', 1) as rule, count(*) as n_lines
    from line_labels as l
    join articles as a using (article_id)
    group by l.label, rule
),

final as (
    select
        label,
        rule,
        n_lines,
        round(n_lines / sum(n_lines) over (), 4) as share
    from by_reason
)

select * from final
order by n_lines desc, label, rule
