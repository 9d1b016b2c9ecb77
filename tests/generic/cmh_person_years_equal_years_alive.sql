{#- Cohort invariant: every cohort person has exactly one person-year per study year alive. -#}
{% test cmh_person_years_equal_years_alive(model) %}
    select
        persons.person_id,
        persons.years_alive,
        count(person_years.person_id) as person_years
    from {{ ref('int_cmh_cohort__persons') }} as persons
    left join {{ model }} as person_years
        on persons.person_id = person_years.person_id
    group by persons.person_id, persons.years_alive
    having count(person_years.person_id) != persons.years_alive
{% endtest %}
