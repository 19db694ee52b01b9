-- event_summary: one row per event, with who covered it and who was quoted. The counts are
-- the event_figures macro's, unfiltered (the dashboard filters the same macro).
with

events as (
    select * from events
),

figures as (
    select * from event_figures(null, null, null)
),

articles as (
    select article_id, event_id from articles
),

entities as (
    select article_id, name, mentions from entities
),

quotes as (
    select article_id, speaker from quotes
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
    where q.speaker is not null
    group by a.event_id, q.speaker
),

top_speakers as (
    select event_id, list(speaker order by n desc, speaker) [1:5] as top_speakers
    from speaker_counts
    group by event_id
),

final as (
    select
        ev.event_id,
        ev.label,
        ev.first_date,
        ev.last_date,
        coalesce(f.n_articles, 0) as n_articles,
        coalesce(f.n_unique, 0) as n_unique,
        coalesce(f.n_sources, 0) as n_sources,
        coalesce(f.n_independent_sources, 0) as n_independent_sources,
        coalesce(f.sources, []) as sources,
        coalesce(t.top_entities, []) as top_entities,
        coalesce(f.n_quotes, 0) as n_quotes,
        coalesce(s.top_speakers, []) as top_speakers
    from events as ev
    left join figures as f using (event_id)
    left join top_entities as t using (event_id)
    left join top_speakers as s using (event_id)
)

select * from final
order by n_articles desc, first_date, event_id
