-- date_bounds: the publication dates the date filter can span.
with

final as (
    select min(published_date) as first_published, max(published_date) as last_published
    from articles
)

select * from final
