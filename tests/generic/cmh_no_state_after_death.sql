{#- Cohort invariant: no person-year (no state, no activity) after the year of death, and no
    contact counted after the death date. -#}
{% test cmh_no_state_after_death(model) %}
    select
        person_years.person_id,
        person_years.reporting_year,
        persons.death_date
    from {{ model }} as person_years
    inner join {{ ref('int_cmh_cohort__persons') }} as persons
        on person_years.person_id = persons.person_id
    where
        person_years.reporting_year > extract(year from persons.death_date)
        or (person_years.is_death_year and person_years.state != 'dead')
{% endtest %}
