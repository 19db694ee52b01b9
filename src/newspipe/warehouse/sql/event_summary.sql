-- event_summary: one row per event, with who covered it and who was quoted.
with

events as (
    select * from events
),

articles as (
    select article_id, event_id, source, is_canonical from articles
),

entities as (
    select article_id, name, mentions from entities
),

quotes as (
    select article_id, speaker from quotes
),

coverage as (
    select
        event_id,
        count(*) filter (where is_canonical) as n_unique,
        count(distinct source) filter (where is_canonical) as n_independent_sources,
        list(distinct source order by source) as sources
    from articles
    group by event_id
),

entity_weights as (
    select a.event_id, e.name, sum(e.mentions) as weight
    from entities as e
    join articles as a using (article_id)
    group by a.event_id, e.name
),

top_entities as (
    select event_id, list(name order by weight desc, name) [1:5] as top_entities
    from entity_weights
    group by event_id
),

speaker_counts as (
    select a.event_id, q.speaker, count(*) as n
    from quotes as q
    join articles as a using (article_id)
    group by a.event_id, q.speaker
),

quote_stats as (
    select
        event_id,
        sum(n)::bigint as n_quotes,
        list(speaker order by n desc, speaker) filter (where speaker is not null) [1:5]
            as top_speakers
    from speaker_counts
    group by event_id
),

final as (
    select
        ev.event_id,
        ev.label,
        ev.first_date,
        ev.last_date,
        ev.n_articles,
        coalesce(c.n_unique, 0) as n_unique,
        ev.n_sources,
        coalesce(c.n_independent_sources, 0) as n_independent_sources,
        coalesce(c.sources, []) as sources,
        coalesce(t.top_entities, []) as top_entities,
        coalesce(qs.n_quotes, 0) as n_quotes,
        coalesce(qs.top_speakers, []) as top_speakers
    from events as ev
    left join coverage as c using (event_id)
    left join top_entities as t using (event_id)
    left join quote_stats as qs using (event_id)
)

select * from final
order by n_articles desc, first_date, event_id
